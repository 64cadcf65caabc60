'use strict';
// Lets node run the project's TypeScript directly, without a type-checking loader or a build step.
// Each .ts file is transpiled once by @swc/core (types stripped, no checking: `npm test` type-checks)
// and cached under node_modules/.cache keyed by path, size and mtime, so a warm synth loads no compiler.
// Its source map is a file beside it (`//# sourceMappingURL=<relative path>`, read by node
// --enable-source-maps and debuggers): inline, the base64 map made V8 scan three times the text
// (about 15 ms of a synth).
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
const TRANSFORM = 'lazy-lib-map-file-2';

function transpile(filename) {
  const stat = fs.statSync(filename);
  const key = crypto.createHash('sha1').update(`${TRANSFORM}:${filename}:${stat.size}:${stat.mtimeMs}`).digest('hex');
  const cached = path.join(cacheDir, `${key}.js`);
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    // not cached yet
  }
  swc = swc || require('@swc/core');
  const { code, map } = swc.transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    sourceMaps: true,
    jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
    module: { type: 'commonjs', lazy: filename.startsWith(lib + path.sep) },
  });
  try {
    fs.mkdirSync(cacheDir, { recursive: true });
    const mapFile = `${cached}.map`;
    fs.writeFileSync(mapFile, map); // before the code that names it
    // relative to the .ts file, the module's name (node does not read a file:// URL here)
    const url = path.relative(path.dirname(filename), mapFile).split(path.sep).join('/');
    const linked = `${code}\n//# sourceMappingURL=${url}\n`;
    fs.writeFileSync(cached, linked);
    return linked;
  } catch {
    // a read-only tree still works, only slower
    return `${code}\n//# sourceMappingURL=data:application/json;base64,${Buffer.from(map).toString('base64')}\n`;
  }
}

require.extensions['.ts'] = function loadTs(module, filename) {
  module._compile(transpile(filename), filename);
};
