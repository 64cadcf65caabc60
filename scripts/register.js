'use strict';
// Lets node run the project's TypeScript directly, without a type-checking loader or a build step.
// Each .ts file is transpiled once by @swc/core (types stripped, no checking: `npm test` type-checks)
// and cached under node_modules/.cache keyed by path, size and mtime, so a warm synth loads no compiler.
// The cached text ends with its inline source map, which a module is compiled with only when
// something reads it (node --enable-source-maps, coverage, --inspect): V8 scans the
// whole text it is given, and the base64 map is twice the size of the code (about 15 ms of a synth).
// The library's own files (lib/) load their package imports lazily, when first used (swc's
// `module.lazy`): a stack loads only the provider bindings (up to 1.5 MB of JavaScript each), cdk8s
// and yaml its constructs use, not those of every construct the package root exports.
// `aks-checklist-cdktf` (the package root, as the examples import it, as a user's code would) resolves
// to this repository's lib/index.ts, and `aks-checklist-cdktf/dist/<concern>` to lib/<concern>.
require('./compile-cache'); // V8's compiled code of each module, kept between runs
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const cacheDir = path.join(__dirname, '..', 'node_modules', '.cache', 'aks-checklist-ts');
let swc;

const lib = path.join(__dirname, '..', 'lib');
const Module = require('module');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveOwnPackage(request, ...rest) {
  if (request === 'aks-checklist-cdktf') {
    return path.join(lib, 'index.ts');
  }
  if (request.startsWith('aks-checklist-cdktf/dist/')) {
    return resolveFilename.call(this, path.join(lib, request.slice('aks-checklist-cdktf/dist/'.length)), ...rest);
  }
  return resolveFilename.call(this, request, ...rest);
};

// Part of the cache key: change it when the transform options change.
const TRANSFORM = 'lazy-lib-inline-map-1';
const MAP_COMMENT = '\n//# sourceMappingURL=data:application/json;base64,';
// (an inspector is seen by its flags: loading the inspector module to ask costs 1.5-2.5 ms)
const inspecting = /--inspect/.test(`${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`);
const keepMaps = () => process.sourceMapsEnabled || Boolean(process.env.NODE_V8_COVERAGE) || inspecting;

function transpile(filename) {
  const stat = fs.statSync(filename);
  const key = crypto.createHash('sha1').update(`${TRANSFORM}:${filename}:${stat.size}:${stat.mtimeMs}`).digest('hex');
  const cached = path.join(cacheDir, `${key}.js`);
  let text;
  try {
    text = fs.readFileSync(cached, 'utf8');
  } catch {
    swc = swc || require('@swc/core');
    const { code, map } = swc.transformSync(fs.readFileSync(filename, 'utf8'), {
      filename,
      sourceMaps: true,
      jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
      module: { type: 'commonjs', lazy: filename.startsWith(lib + path.sep) },
    });
    text = `${code}${MAP_COMMENT}${Buffer.from(map).toString('base64')}\n`;
    try {
      fs.mkdirSync(cacheDir, { recursive: true });
      fs.writeFileSync(cached, text);
    } catch {
      // a read-only tree still works, only slower
    }
  }
  const map = text.lastIndexOf(MAP_COMMENT);
  return map < 0 || keepMaps() ? text : text.slice(0, map);
}

require.extensions['.ts'] = function loadTs(module, filename) {
  module._compile(transpile(filename), filename);
};
