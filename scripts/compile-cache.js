'use strict';
// A V8 code cache for the CommonJS modules a synth loads, as Node 22's `module.enableCompileCache()`
// keeps one (Node 20 has none). Half of a cold synth's time is V8 compiling: cdktf, the provider
// bindings a platform stack uses (about 9 MB of generated JavaScript) and the library, first the
// top level, then each function on its first call. The first run compiles as usual and, on exit,
// saves each module's compiled code, with the functions that run compiled, under
// node_modules/.cache/aks-checklist-ts/v8; later runs hand it to V8, which then skips that work.
//
// An entry is keyed by a hash of the module's text and path and of Node's version and flags, so a
// changed file or package never meets old code; V8 itself rejects data from another build or other
// flags (the module then compiles as usual and its entry is rewritten). Left to Node, untouched:
// ES modules, runs with source maps or coverage on (Node registers a module's source map as it
// compiles it), and AKS_COMPILE_CACHE=0. Any error here only costs the speed-up.
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const crypto = require('crypto');
const Module = require('module');

const cacheDir = path.join(__dirname, '..', 'node_modules', '.cache', 'aks-checklist-ts', 'v8');
const pending = []; // [entry file, vm.Script] to save on exit
// V8 rejects data compiled under other flags: runs with other flags (--cpu-prof, NODE_OPTIONS) keep
// their own entries rather than replacing each other's.
const runtime = `${process.version}\0${process.arch}\0${process.execArgv.join(' ')}\0${process.env.NODE_OPTIONS ?? ''}\0`;

/** The require function Node gives a module (lib/internal/modules/helpers makeRequireFunction). */
function makeRequire(mod) {
  const require = (id) => mod.require(id);
  require.resolve = (request, options) => Module._resolveFilename(request, mod, false, options);
  require.resolve.paths = (request) => Module._resolveLookupPaths(request, mod);
  require.main = process.mainModule;
  require.extensions = Module._extensions;
  require.cache = Module._cache;
  return require;
}

function compileWithCache(compile) {
  return function compileCached(content, filename, format) {
    if (format !== undefined && format !== 'commonjs') {
      return compile.call(this, content, filename, format);
    }
    let script;
    try {
      const key = crypto.createHash('sha256').update(runtime).update(`${filename}\0`).update(content).digest('hex');
      const entry = path.join(cacheDir, `${key}.bin`);
      let cachedData;
      try {
        cachedData = fs.readFileSync(entry);
      } catch {
        // not cached yet
      }
      script = new vm.Script(Module.wrap(content), {
        filename,
        cachedData,
        importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
      });
      if (cachedData === undefined || script.cachedDataRejected) {
        pending.push([entry, script]);
      }
    } catch {
      return compile.call(this, content, filename, format); // e.g. ES module syntax: Node knows what to do
    }
    const wrapper = script.runInThisContext({ displayErrors: true });
    return Reflect.apply(wrapper, this.exports, [this.exports, makeRequire(this), this, filename, path.dirname(filename)]);
  };
}

function saveOnExit() {
  if (pending.length === 0) {
    return;
  }
  try {
    fs.mkdirSync(cacheDir, { recursive: true });
    for (const [entry, script] of pending) {
      const tmp = `${entry}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, script.createCachedData());
      fs.renameSync(tmp, entry); // whole entries only, with several synths at once
    }
  } catch {
    // a read-only tree still works, only slower
  }
}

const useful =
  process.env.AKS_COMPILE_CACHE !== '0' &&
  !process.sourceMapsEnabled &&
  !process.env.NODE_V8_COVERAGE &&
  vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER !== undefined &&
  !Module.prototype._compile.aksCompileCache;
if (useful) {
  const cached = compileWithCache(Module.prototype._compile);
  cached.aksCompileCache = true;
  Module.prototype._compile = cached;
  process.once('exit', saveOnExit);
}
