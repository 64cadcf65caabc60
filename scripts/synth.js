#!/usr/bin/env node
'use strict';
// `npm run synth [-- example]`: synthesizes an example (default: whitespace) into ./cdktf.out
// (or $CDKTF_OUTDIR). cdktf.json's "app" runs this same file, so `cdktf synth` and `cdktf deploy`
// work for users with the CLI: it passes no argument, so the example comes from $AKS_EXAMPLE.
// After synthesis it prints what was written, and removes what an earlier synthesis of another
// example left in the output folder (scripts/synth-output.js); the library prints the warnings.
const fs = require('fs');
const path = require('path');
require('./synth-runtime');

const examples = path.join(__dirname, '..', 'examples');
const example = process.argv[2] || process.env.AKS_EXAMPLE || 'whitespace';
const main = path.join(examples, example, 'main.ts');
if (!/^[a-z0-9-]+$/.test(example) || !fs.existsSync(main)) {
  const known = fs.readdirSync(examples).filter((e) => fs.existsSync(path.join(examples, e, 'main.ts')));
  const from = process.argv[2] ? 'argument' : 'AKS_EXAMPLE';
  process.stderr.write(`synth: no example '${example}' (${from}). Fix: use one of ${known.join(', ')}, e.g. \`npm run synth -- ${known[0]}\` or \`AKS_EXAMPLE=${known[0]} cdktf synth\`.\n`);
  process.exit(2);
}
// The cdktf CLI runs this file with CDKTF_CONTEXT_JSON set, replaces the stacks folder itself, and
// passes no argument: say which example it gets.
const underCli = process.env.CDKTF_CONTEXT_JSON !== undefined;
if (underCli && !process.env.AKS_EXAMPLE) {
  process.stderr.write(`synth: example '${example}' (the default). Choose another with AKS_EXAMPLE=<example> cdktf synth.\n`);
}
require(main);

require('./synth-output').afterSynth(path.resolve(process.env.CDKTF_OUTDIR || 'cdktf.out'), { underCli });
