'use strict';
// The set-up every synth entry point runs before cdktf loads, in this order: TypeScript from
// sources (register), no stack trace per token (token-traces), cdktf's archiver loaded on first
// use (lazy-archiver). scripts/synth.js, the benchmark's fleet harness and the synth tests require
// this one file, so what is measured and tested is what `npm run synth` runs.
require('./register');
require('./token-traces');
require('./lazy-archiver');
