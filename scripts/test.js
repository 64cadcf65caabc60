#!/usr/bin/env node
'use strict';
// `npm test`: the type-check (tsc --noEmit) and the jest suite, run side by side: tsc is single-threaded
// and jest's two workers leave room for it, which saves a quarter of the wall time on two cores.
// The type-check's output is printed after jest's; the exit code fails when either fails.
// Arguments go to jest: `npm test -- test/cluster`.
const { spawn } = require('child_process');
const path = require('path');

const bin = (name) => path.join(__dirname, '..', 'node_modules', '.bin', name);
// Incremental: a repeated run re-checks only what changed (the build info lives in node_modules/.cache).
const buildInfo = path.join(__dirname, '..', 'node_modules', '.cache', 'tsc', 'tsbuildinfo');
const tsc = spawn(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json', '--incremental', '--tsBuildInfoFile', buildInfo], { cwd: path.join(__dirname, '..') });
let typeErrors = '';
tsc.stdout.on('data', (d) => (typeErrors += d));
tsc.stderr.on('data', (d) => (typeErrors += d));
const tscDone = new Promise((resolve) => tsc.on('close', resolve));

const results = path.join(require('os').tmpdir(), `aks-checklist-jest-${process.pid}.json`);
const jest = spawn(bin('jest'), [...process.argv.slice(2), '--json', `--outputFile=${results}`], { cwd: path.join(__dirname, '..'), stdio: 'inherit' });
const jestDone = new Promise((resolve) => jest.on('close', resolve));

Promise.all([tscDone, jestDone]).then(([tscCode, jestCode]) => {
  // One plain closing line that any CI can read.
  try {
    const r = JSON.parse(require('fs').readFileSync(results, 'utf8'));
    require('fs').rmSync(results, { force: true });
    process.stdout.write(`\njest: ${r.numPassedTests} passed, ${r.numFailedTests} failed\n`);
  } catch {
    // jest did not get as far as writing results; its own output says why
  }
  if (tscCode !== 0) {
    process.stderr.write(`\nType-check failed (tsc --noEmit):\n${typeErrors}`);
  } else {
    process.stdout.write('Type-check passed (tsc --noEmit).\n');
  }
  process.exit(tscCode !== 0 ? tscCode || 1 : jestCode ?? 1);
});
