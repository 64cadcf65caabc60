#!/usr/bin/env node
'use strict';
// `aks-checklist report <path>`: the checklist report of Terraform stacks (see lib/report/cli.ts).
// Runs the compiled command line (dist/, built by `npm run build`, `npm pack` and every install
// from git): an installed package needs none of the development dependencies. In a git checkout
// of the library with its development dependencies, the TypeScript sources run instead (through the
// project's caching loader), so an edit shows without a rebuild. Loads neither cdktf nor the
// provider bindings.
const fs = require('fs');
const path = require('path');

// A closed pipe (`aks-checklist report . | head`) is not an error of ours.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') {
    process.exit(process.exitCode || 0);
  }
  throw error;
});

const root = path.join(__dirname, '..');
const compiled = path.join(root, 'dist', 'report', 'cli.js');
function canRunSources() {
  try {
    require.resolve('@swc/core', { paths: [root] });
    return fs.existsSync(path.join(root, 'lib', 'report', 'cli.ts'));
  } catch {
    return false;
  }
}
const checkout = fs.existsSync(path.join(root, '.git')) && canRunSources();
let cli;
if (fs.existsSync(compiled) && !checkout) {
  cli = require(compiled);
} else if (checkout || canRunSources()) {
  require('../scripts/register');
  cli = require('../lib/report/cli');
} else {
  process.stderr.write(`aks-checklist: ${compiled} is missing. Fix: run \`npm run build\` in ${root} (an npm install from the registry, a tarball or git builds it).\n`);
  process.exit(2);
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
