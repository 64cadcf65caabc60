#!/usr/bin/env node
'use strict';
// `npm run synth [-- example]`: synthesizes an example (default: whitespace) into ./cdktf.out
// (or $CDKTF_OUTDIR). cdktf.json's "app" runs this same file, so `cdktf synth` and `cdktf deploy`
// work for users with the CLI.
const fs = require('fs');
const path = require('path');
require('./register');
require('./token-traces');

const example = process.argv[2] || process.env.AKS_EXAMPLE || 'whitespace';
const main = path.join(__dirname, '..', 'examples', example, 'main.ts');
if (!fs.existsSync(main)) {
  const known = fs.readdirSync(path.join(__dirname, '..', 'examples')).filter((e) => fs.existsSync(path.join(__dirname, '..', 'examples', e, 'main.ts')));
  process.stderr.write(`synth: no example '${example}'. Fix: use one of ${known.join(', ')}.\n`);
  process.exit(2);
}
require(main);

// What was written, for people and pipelines (the cdktf CLI prints its own summary).
const outdir = process.env.CDKTF_OUTDIR || path.join(process.cwd(), 'cdktf.out');
try {
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
  for (const stack of Object.values(manifest.stacks)) {
    const file = path.join(outdir, stack.synthesizedStackPath);
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    const resources = Object.values(json.resource || {}).reduce((n, byName) => n + Object.keys(byName).length, 0);
    const manifests = ((json['//'] || {}).metadata || {}).aksManifests || [];
    const extra = manifests.map((m) => `, manifests in ${path.relative(process.cwd(), path.join(outdir, m.path))}/`).join('');
    process.stdout.write(`synthesized ${stack.name}: ${resources} resources in ${path.relative(process.cwd(), file)}${extra}\n`);
  }
} catch {
  // the cdktf CLI runs this file with its own output directory and reporting
}
