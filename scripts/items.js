#!/usr/bin/env node
'use strict';
// `npm run items`: writes ITEMS.md (every checklist item with its delivery, settings, rule, facets and
// tests) from the catalogue and the source tree. `npm test` fails when ITEMS.md is stale.
require('./register');
const fs = require('fs');
const { itemsMarkdown, ITEMS_MD } = require('../test/support/items-doc.ts');

const text = itemsMarkdown();
const before = fs.existsSync(ITEMS_MD) ? fs.readFileSync(ITEMS_MD, 'utf8') : '';
fs.writeFileSync(ITEMS_MD, text);
process.stdout.write(before === text ? 'ITEMS.md is up to date.\n' : 'ITEMS.md written.\n');
