#!/usr/bin/env node
'use strict';
// Placeholder: the report command-line is being built in lib/report/cli.ts.
require('../scripts/register');
require('../lib/report/cli').main(process.argv.slice(2)).then((code) => process.exit(code));
