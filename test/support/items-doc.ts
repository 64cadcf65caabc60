/**
 * ITEMS.md, generated: for each of the checklist's items its delivery, the settings that deliver it
 * (construct and prop), where its rule is (file and line) and which tests prove it, so any item is
 * one lookup from its id (cdk-nag's RULES.md is the model). `npm run items` writes it; a test in
 * test/checklist/catalogue.test.ts fails when it is stale.
 *
 * Reads the source tree (rule and facet locations, tests): a development tool, not library code.
 */
import * as fs from 'fs';
import * as path from 'path';
import { catalogue } from '../../lib/checklist/catalogue';
import { settingLabel } from '../../lib/checklist/settings';
import type { CatalogueItem, ItemFacet, Rule } from '../../lib/checklist/types';

const ROOT = path.join(__dirname, '..', '..');

function rel(file: string): string {
  return path.relative(ROOT, file).split(path.sep).join('/');
}

function walk(dir: string, accept: (file: string) => boolean): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name), accept) : accept(e.name) ? [path.join(dir, e.name)] : []));
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/** Where each exported rule is declared: the pure rule modules' exports, by identity. */
function ruleLocations(): Map<Rule, string> {
  const found = new Map<Rule, string>();
  const modules = walk(path.join(ROOT, 'lib'), (f) => /(^|-)rules\.ts$/.test(f));
  for (const file of modules) {
    const text = fs.readFileSync(file, 'utf8');
    // The rule modules are pure (no cdktf, no bindings): cheap to load.
    const exports = require(file) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (typeof value !== 'function' || found.has(value as Rule)) {
        continue;
      }
      const at = new RegExp(`export (?:const|function) ${name}\\b`).exec(text);
      if (at) {
        found.set(value as Rule, `${rel(file)}:${lineOf(text, at.index)}`);
      }
    }
  }
  return found;
}

/** Where each facet is written: its concern's checklist.ts and the line of its id (`id: '<id>'` or a helper's `('<id>'`). */
function facetLocations(): Map<ItemFacet, string> {
  const found = new Map<ItemFacet, string>();
  const files = walk(path.join(ROOT, 'lib'), (f) => f === 'checklist.ts').filter((f) => !f.includes(`${path.sep}checklist${path.sep}checklist.ts`));
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const exports = require(file) as Record<string, unknown>;
    for (const value of Object.values(exports)) {
      if (!Array.isArray(value)) {
        continue;
      }
      const seen = new Map<string, number>();
      for (const facet of value as ItemFacet[]) {
        const n = seen.get(facet.id) ?? 0;
        seen.set(facet.id, n + 1);
        const re = new RegExp(`(?:id: |\\()'${facet.id.replace(/[/.-]/g, (c) => `\\${c}`)}'`, 'g');
        const hits = [...text.matchAll(re)];
        const hit = hits[n] ?? hits[0];
        found.set(facet, hit?.index === undefined ? rel(file) : `${rel(file)}:${lineOf(text, hit.index)}`);
      }
    }
  }
  return found;
}

/**
 * The test files that name each item, the ones that prove it with describeItem first. Files, not
 * lines: a test edit elsewhere in a file does not make ITEMS.md stale.
 */
function testLocations(ids: readonly string[]): Map<string, string[]> {
  const files = walk(path.join(ROOT, 'test'), (f) => f.endsWith('.ts'));
  const texts = files.map((f) => ({ file: rel(f), text: fs.readFileSync(f, 'utf8') }));
  const out = new Map<string, string[]>();
  for (const id of ids) {
    const naming = texts.filter((t) => t.text.includes(`'${id}'`));
    const proof = (t: { text: string }): boolean => t.text.includes(`describeItem('${id}'`);
    out.set(id, [...naming.filter(proof), ...naming.filter((t) => !proof(t))].map((t) => t.file));
  }
  return out;
}

function cell(values: readonly string[]): string {
  return values.length === 0 ? '–' : values.map((v) => `\`${v}\``).join('<br>');
}

function row(item: CatalogueItem, rules: Map<Rule, string>, facets: Map<ItemFacet, string>, tests: Map<string, string[]>): string {
  const settings = [...new Set(item.facets.flatMap((f) => (f.settings ?? []).map(settingLabel)))];
  const ruleAt = [...new Set(item.facets.filter((f) => f.rule).map((f) => rules.get(f.rule!) ?? facets.get(f) ?? '?'))];
  const facetAt = [...new Set(item.facets.map((f) => facets.get(f) ?? '?'))];
  const deliveries = [...new Set(item.facets.map((f) => f.delivery))];
  const delivery = deliveries.length > 1 ? `${item.delivery} (${deliveries.filter((d) => d !== item.delivery).join(', ')} too)` : item.delivery;
  return `| \`${item.id}\`<br>${item.title.replace(/\|/g, '\\|')} | ${delivery} | ${cell(settings)} | ${cell(ruleAt)} | ${cell(facetAt)} | ${cell(tests.get(item.id) ?? [])} |`;
}

/** The whole of ITEMS.md. */
export function itemsMarkdown(): string {
  const items = [...catalogue().values()];
  const rules = ruleLocations();
  const facets = facetLocations();
  const tests = testLocations(items.map((i) => i.id));
  const counts = new Map<string, number>();
  items.forEach((i) => counts.set(i.delivery, (counts.get(i.delivery) ?? 0) + 1));
  const lines = [
    '<!-- Generated by `npm run items` (test/support/items-doc.ts) from the catalogue and the source tree. Do not edit: npm test fails when it is stale. -->',
    '# The checklist items',
    '',
    `Every one of the ${items.length} items of The AKS Checklist, with how the library delivers it: the settings (construct and prop) that control it, ` +
      'the rule that judges it (file and line), where its facets are declared, and the tests that prove it. ' +
      'Deliveries: **enforced** (on by default, a rule checks the Terraform), **option** (behind a documented prop), **policy** (an Azure Policy assignment enforces it in the cluster), ' +
      '**guidance** (out of Terraform\'s reach; the report says what to do), **planned**.',
    '',
    [...counts.entries()].map(([d, n]) => `${n} ${d}`).join(', ') + '.',
  ];
  const categories = [...new Set(items.map((i) => i.category))];
  for (const category of categories) {
    lines.push('', `## ${category}`, '', '| Item | Delivery | Settings | Rule | Facets | Tests |', '| --- | --- | --- | --- | --- | --- |');
    for (const item of items.filter((i) => i.category === category)) {
      lines.push(row(item, rules, facets, tests));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Where ITEMS.md lives. */
export const ITEMS_MD = path.join(ROOT, 'ITEMS.md');
