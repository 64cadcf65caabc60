#!/usr/bin/env node
'use strict';
// `aks-checklist report <path>`: the checklist report of Terraform stacks (see lib/report/cli.ts).
// Runs the TypeScript sources through the project's caching loader; loads neither cdktf nor the provider bindings.
require('../scripts/register');

// A closed pipe (`aks-checklist report . | head`) is not an error of ours.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') {
    process.exit(process.exitCode || 0);
  }
  throw error;
});

require('../lib/report/cli')
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`aks-checklist: ${error && error.stack ? error.stack : error}\n`);
      process.exitCode = 2;
    },
  );
