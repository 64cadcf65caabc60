'use strict';
// cdktf's package root loads `archiver` (a zip library, with its streams and glob dependencies:
// about 150 modules) for one use: zipping a TerraformAsset of type ARCHIVE at synth. That load is
// about half of `require('cdktf')` (45 ms of 90 on the benchmark machine, see BENCHMARKS.md), and
// the library's stacks have no archive asset. Like scripts/token-traces.js, the synth entry points
// take it out of the way: cdktf gets a stand-in that loads the real archiver the first time it is
// called or read. A missing module (another cdktf layout) leaves everything as it is.
const path = require('path');
const Module = require('module');

function lazyArchiver() {
  let file;
  try {
    const cdktf = path.dirname(require.resolve('cdktf/package.json'));
    file = require.resolve('archiver', { paths: [cdktf] });
  } catch {
    return; // not this cdktf layout: keep its default
  }
  if (require.cache[file]) {
    return; // already loaded
  }
  let real;
  const load = () => {
    if (real === undefined) {
      delete require.cache[file];
      real = require(file);
    }
    return real;
  };
  const standIn = new Proxy(function archiver() {}, {
    apply: (_target, self, args) => Reflect.apply(load(), self, args),
    construct: (_target, args) => Reflect.construct(load(), args),
    get: (_target, prop) => Reflect.get(load(), prop),
    has: (_target, prop) => Reflect.has(load(), prop),
  });
  const stub = new Module(file, module);
  stub.filename = file;
  stub.paths = Module._nodeModulePaths(path.dirname(file));
  stub.exports = standIn;
  stub.loaded = true;
  require.cache[file] = stub;
}

lazyArchiver();
