'use strict';
// What `npm run synth` does after the app has synthesized (scripts/synth.js): prints, for people and
// pipelines, what was written (the library itself prints the stacks' warnings as they synthesize,
// lib/synth/library-stack.ts), and removes what an earlier synthesis of another example left in the
// output folder. Under the cdktf CLI it only prints the summary: the CLI replaces the stacks folder itself.
const fs = require('fs');
const path = require('path');

const shown = (file) => path.relative(process.cwd(), file) || '.';

/**
 * @param {string} outdir the synthesis output folder (absolute)
 * @param {{ underCli?: boolean, stdout?: NodeJS.WritableStream, stderr?: NodeJS.WritableStream }} options
 * @returns {boolean} whether a manifest was found (the app synthesized)
 */
function afterSynth(outdir, { underCli = false, stdout = process.stdout, stderr = process.stderr } = {}) {
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
  } catch {
    return false; // the app wrote no manifest (it failed, and said why)
  }
  const manifestDirs = new Set();
  for (const stack of Object.values(manifest.stacks)) {
    const file = path.join(outdir, stack.synthesizedStackPath);
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    const resources = Object.values(json.resource || {}).reduce((n, byName) => n + Object.keys(byName).length, 0);
    const manifests = ((json['//'] || {}).metadata || {}).aksManifests || [];
    manifests.forEach((m) => manifestDirs.add(path.resolve(outdir, m.path)));
    const extra = manifests.map((m) => `, manifests in ${shown(path.join(outdir, m.path))}/`).join('');
    stdout.write(`synthesized ${stack.name}: ${resources} resources in ${shown(file)}${extra}\n`);
  }
  if (!underCli) {
    removeStale(outdir, manifest, manifestDirs, stderr);
  }
  return true;
}

/**
 * Removes the stack folders and manifest folders this synthesis did not write, so that Terraform is
 * never run on another example's stale stack. A stale stack folder that holds Terraform state
 * (a `*.tfstate` file, `.terraform/`) stays: removing it would lose the record of what it
 * deployed; it is named on stderr instead.
 */
function removeStale(outdir, current, manifestDirs, stderr) {
  const stacksDir = path.join(outdir, 'stacks');
  const written = new Set(Object.values(current.stacks).map((s) => path.resolve(outdir, s.workingDirectory)));
  for (const name of readdir(stacksDir)) {
    const dir = path.join(stacksDir, name);
    if (written.has(dir)) {
      continue;
    }
    if (readdir(dir).some((f) => f === '.terraform' || f.endsWith('.tfstate'))) {
      stderr.write(`warning: ${shown(dir)} is from an earlier synthesis and holds Terraform state: kept. Destroy or move it before running Terraform there.\n`);
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

module.exports = { afterSynth };
