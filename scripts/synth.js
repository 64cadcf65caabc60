#!/usr/bin/env node
'use strict';
// `npm run synth [example]`: synthesizes an example (default: whitespace) into ./cdktf.out.
// cdktf.json's "app" runs this same file, so `cdktf synth` and `cdktf deploy` work for users with the CLI.
const path = require('path');
require('./register');
require('./token-traces');

const example = process.argv[2] || process.env.AKS_EXAMPLE || 'whitespace';
const main = path.join(__dirname, '..', 'examples', example, 'main.ts');
require(main);
