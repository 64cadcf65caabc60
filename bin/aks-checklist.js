#!/usr/bin/env node
'use strict';
// `aks-checklist report <path>`: the checklist report of Terraform stacks (see lib/report/cli.ts).
// Runs the compiled command line when the package is built (dist/), else the TypeScript sources
// through the project's caching loader; loads neither cdktf nor the provider bindings.
const fs = require('fs');
const path = require('path');

// A closed pipe (`aks-checklist report . | head`) is not an error of ours.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') {
    process.exit(process.exitCode || 0);
  }
  throw error;
});

const compiled = path.join(__dirname, '..', 'dist', 'report', 'cli.js');
let cli;
if (fs.existsSync(compiled)) {
  cli = require(compiled);
} else {
  require('../scripts/register');
  cli = require('../lib/report/cli');
}
cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`aks-checklist: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 2;
  },
);
