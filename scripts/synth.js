#!/usr/bin/env node
'use strict';
// `npm run synth [-- example]`: synthesizes an example (default: whitespace) into ./cdktf.out
// (or $CDKTF_OUTDIR). cdktf.json's "app" runs this same file, so `cdktf synth` and `cdktf deploy`
// work for users with the CLI: it passes no argument, so the example comes from $AKS_EXAMPLE.
// After synthesis it prints what was written and the library's warnings (the cdktf CLI prints
// warnings itself; a plain node run would show none), and removes what an earlier synthesis of
// another example left in the output folder (see removeStale).
const fs = require('fs');
const path = require('path');
require('./register');
require('./token-traces');

const examples = path.join(__dirname, '..', 'examples');
const example = process.argv[2] || process.env.AKS_EXAMPLE || 'whitespace';
const main = path.join(examples, example, 'main.ts');
if (!/^[a-z0-9-]+$/.test(example) || !fs.existsSync(main)) {
  const known = fs.readdirSync(examples).filter((e) => fs.existsSync(path.join(examples, e, 'main.ts')));
  const from = process.argv[2] ? 'argument' : 'AKS_EXAMPLE';
  process.stderr.write(`synth: no example '${example}' (${from}). Fix: use one of ${known.join(', ')}, e.g. \`npm run synth -- ${known[0]}\` or \`AKS_EXAMPLE=${known[0]} cdktf synth\`.\n`);
  process.exit(2);
}
// The cdktf CLI runs this file with CDKTF_CONTEXT_JSON set, prints the stacks and warnings itself,
// and passes no argument: say which example it gets.
const underCli = process.env.CDKTF_CONTEXT_JSON !== undefined;
if (underCli && !process.env.AKS_EXAMPLE) {
  process.stderr.write(`synth: example '${example}' (the default). Choose another with AKS_EXAMPLE=<example> cdktf synth.\n`);
}
require(main);

const outdir = path.resolve(process.env.CDKTF_OUTDIR || 'cdktf.out');
const shown = (file) => path.relative(process.cwd(), file) || '.';
let manifest;
try {
  manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
} catch {
  process.exit(process.exitCode || 0); // the app wrote no manifest (it failed, and said why)
}

// What was written, for people and pipelines (the cdktf CLI prints its own summary).
const manifestDirs = new Set();
for (const stack of Object.values(manifest.stacks)) {
  const file = path.join(outdir, stack.synthesizedStackPath);
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  const resources = Object.values(json.resource || {}).reduce((n, byName) => n + Object.keys(byName).length, 0);
  const manifests = ((json['//'] || {}).metadata || {}).aksManifests || [];
  manifests.forEach((m) => manifestDirs.add(path.resolve(outdir, m.path)));
  const extra = manifests.map((m) => `, manifests in ${shown(path.join(outdir, m.path))}/`).join('');
  process.stdout.write(`synthesized ${stack.name}: ${resources} resources in ${shown(file)}${extra}\n`);
  for (const a of underCli ? [] : stack.annotations || []) {
    if (a.level === '@cdktf/warn') {
      process.stderr.write(`warning [${a.constructPath}] ${a.message}\n`);
    }
  }
}
if (!underCli) {
  removeStale(manifest, manifestDirs); // the cdktf CLI removes the stacks of its previous synthesis itself
}

/**
 * Removes the stack folders and manifest folders this synthesis did not write, so that Terraform is
 * never run on another example's stale stack. A stale stack folder that holds Terraform state
 * (`terraform.tfstate`, `.terraform/`) stays: removing it would lose the record of what it
 * deployed; it is named on stderr instead.
 */
function removeStale(current, manifestDirs) {
  const stacksDir = path.join(outdir, 'stacks');
  const written = new Set(Object.values(current.stacks).map((s) => path.resolve(outdir, s.workingDirectory)));
  for (const name of readdir(stacksDir)) {
    const dir = path.join(stacksDir, name);
    if (written.has(dir)) {
      continue;
    }
    if (['terraform.tfstate', '.terraform'].some((f) => fs.existsSync(path.join(dir, f)))) {
      process.stderr.write(`warning: ${shown(dir)} is from an earlier synthesis and holds Terraform state: kept. Destroy or move it before running Terraform there.\n`);
    } else {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const manifestsDir = path.join(outdir, 'manifests');
  for (const name of readdir(manifestsDir)) {
    const dir = path.join(manifestsDir, name);
    if (!manifestDirs.has(dir)) {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}

function readdir(dir) {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}
