import * as fs from 'fs';
import * as path from 'path';
import { catalogue, catalogueItem } from '../../lib/checklist/catalogue';
import { ITEMS } from '../../lib/checklist/items';
import { ITEMS_MD, itemsMarkdown } from '../support/items-doc';

const ROOT = path.join(__dirname, '..', '..');

function testSources(dir = path.join(ROOT, 'test')): string {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .map((e) => (e.isDirectory() ? testSources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? fs.readFileSync(path.join(dir, e.name), 'utf8') : ''))
    .join('\n');
}

describe('checklist catalogue', () => {
  const items = [...catalogue().values()];

  test('holds all 103 items once, with the checklist ids', () => {
    expect(items).toHaveLength(103);
    expect(new Set(items.map((i) => i.id)).size).toBe(103);
    expect(items.map((i) => i.id)).toEqual(ITEMS.map((i) => i.id));
  });

  test('every enforced, option and policy facet has a rule', () => {
    const missing = items.flatMap((i) => i.facets.filter((f) => f.delivery !== 'guidance' && f.delivery !== 'planned' && !f.rule).map(() => i.id));
    expect(missing).toEqual([]);
  });

  test('every guidance facet says why and what to do instead', () => {
    const missing = items.flatMap((i) => i.facets.filter((f) => f.delivery === 'guidance' && (!f.guidance?.reason || !f.guidance?.action)).map(() => i.id));
    expect(missing).toEqual([]);
  });

  test('every item with a rule is proven by describeItem in a test', () => {
    const sources = testSources();
    const untested = items.filter((i) => i.facets.some((f) => f.rule)).filter((i) => !sources.includes(`describeItem('${i.id}'`));
    expect(untested.map((i) => i.id)).toEqual([]);
  });

  test('no item is left planned: each is enforced, an option, policy or guidance', () => {
    expect(items.filter((i) => i.delivery === 'planned').map((i) => i.id)).toEqual([]);
  });

  test('an unknown id is an error that names known ids', () => {
    expect(() => catalogueItem('cluster-setup/nope')).toThrow(/unknown item id 'cluster-setup\/nope'.*cluster-setup\//);
  });

  test('every item the library delivers names the settings (construct and prop) that deliver it', () => {
    expect(items.filter((i) => i.delivery !== 'guidance' && !i.facets.some((f) => (f.settings ?? []).length > 0)).map((i) => i.id)).toEqual([]);
  });

  test('ITEMS.md is generated from the catalogue and the source tree, and is not stale', () => {
    const generated = itemsMarkdown();
    const rows = generated.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows).toHaveLength(103);
    // Every item points at the file and line of its rule or facet.
    expect(rows.filter((r) => !/`lib\/[\w/-]+\.ts:\d+`/.test(r)).map((r) => r.split('`')[1])).toEqual([]);
    const onDisk = fs.existsSync(ITEMS_MD) ? fs.readFileSync(ITEMS_MD, 'utf8') : '';
    expect({ stale: generated !== onDisk, fix: 'run `npm run items` and commit ITEMS.md' }).toEqual({ stale: false, fix: 'run `npm run items` and commit ITEMS.md' });
  });
});
