'use strict';
// A V8 code cache for the CommonJS modules a synth loads, as Node 22's `module.enableCompileCache()`
// keeps one (Node 20 has none). Half of a cold synth's time is V8 compiling: cdktf, the provider
// bindings a platform stack uses (about 9 MB of generated JavaScript) and the library, first the
// top level, then each function on its first call. The first run compiles as usual and, on exit,
// saves each module's compiled code, with the functions that run compiled, in one pack file under
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
// V8 rejects cached data compiled under other flags: runs with other flags (--cpu-prof, NODE_OPTIONS)
// keep their own pack rather than replacing each other's.
const runtime = `${process.version}\0${process.arch}\0${process.execArgv.join(' ')}\0${process.env.NODE_OPTIONS ?? ''}`;
const packFile = path.join(cacheDir, `${crypto.createHash('sha256').update(runtime).digest('hex').slice(0, 24)}.pack`);
// Entries of other module sets (other examples, older versions of edited files) stay up to this size.
const PACK_LIMIT = 64 * 2 ** 20;

/**
 * All entries in one file (creating hundreds of small files costs more than compiling on some
 * disks): a 4-byte header length, the header `{ key: [offset, length] }` (JSON), the data.
 */
function readPack() {
  try {
    const buffer = fs.readFileSync(packFile);
    const headerLength = buffer.readUInt32LE(0);
    const header = JSON.parse(buffer.toString('utf8', 4, 4 + headerLength));
    const base = 4 + headerLength;
    return new Map(Object.entries(header).map(([key, [offset, length]]) => [key, buffer.subarray(base + offset, base + offset + length)]));
  } catch {
    return new Map(); // none yet, or unreadable: start afresh
  }
}

let pack; // key -> cached data, read at the first compile
const used = new Set(); // keys this run loaded
const pending = []; // [key, vm.Script] compiled without (accepted) data, saved on exit

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
      const key = crypto.createHash('sha256').update(`${filename}\0`).update(content).digest('hex');
      pack ??= readPack();
      const cachedData = pack.get(key);
      script = new vm.Script(Module.wrap(content), {
        filename,
        cachedData,
        importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
      });
      if (cachedData === undefined || script.cachedDataRejected) {
        pending.push([key, script]);
      } else {
        used.add(key);
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
    const entries = new Map(pending.map(([key, script]) => [key, script.createCachedData()]));
    let size = 0;
    for (const data of entries.values()) {
      size += data.length;
    }
    const keep = [...used, ...[...pack.keys()].filter((key) => !used.has(key))]; // this run's first
    for (const key of keep) {
      const data = pack.get(key);
      if (!entries.has(key) && (used.has(key) || size + data.length <= PACK_LIMIT)) {
        entries.set(key, data);
        size += data.length;
      }
    }
    const header = {};
    let offset = 0;
    for (const [key, data] of entries) {
      header[key] = [offset, data.length];
      offset += data.length;
    }
    const headerBytes = Buffer.from(JSON.stringify(header));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(headerBytes.length, 0);
    fs.mkdirSync(cacheDir, { recursive: true });
    const tmp = `${packFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, Buffer.concat([length, headerBytes, ...entries.values()]));
    fs.renameSync(tmp, packFile); // a whole pack only, with several synths at once (the last one wins)
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
