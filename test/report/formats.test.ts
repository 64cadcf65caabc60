/**
 * Each report format parses and has the shape its consumers need.
 */
import * as fs from 'fs';
import { buildReport, Report } from '../../lib/report/build';
import { toJson } from '../../lib/report/json';
import { attr, text, toJunit } from '../../lib/report/junit';
import { toMarkdown } from '../../lib/report/markdown';
import { lineOf, toSarif } from '../../lib/report/sarif';
import { TerraformDocument } from '../../lib/core/terraform-document';
import { RAW_STACK_NON_COMPLIANT } from './raw-stack';
import { rawDoc } from './support';
import { assertWellFormed } from './xml';

const doc = rawDoc();
const report: Report = buildReport([{ doc, source: 'cdktf.out/stacks/raw/cdk.tf.json' }]);
const nonCompliant = report.stacks[0].items.filter((i) => i.status === 'non-compliant');

describe('JSON', () => {
  const json = JSON.parse(toJson(report));

  test('parses, with totals and every item per stack', () => {
    expect(json.tool).toBe('aks-checklist');
    expect(json.stacks).toHaveLength(1);
    expect(json.stacks[0].items).toHaveLength(103);
    expect(json.stacks[0].totals).toEqual(report.stacks[0].totals);
  });

  test('items have id, title, status, evidence and current GUIDs', () => {
    const item = json.stacks[0].items.find((i: { id: string }) => i.id === 'cluster-setup/private-cluster');
    expect(item).toMatchObject({ status: 'non-compliant', delivery: 'enforced', currentGuids: ['29fb411c-20a8-4c39-84df-aaa4227eaeb2', 'd7672c26-7602-4482-85a4-14527fbe855c'] });
    expect(item.evidence).toContainEqual(expect.objectContaining({ address: 'azurerm_kubernetes_cluster.aks', attribute: 'private_cluster_enabled', ok: false }));
    expect(item.current[0].title).toBe('Use private clusters if your requirements mandate it');
  });

  test('a GUID that Azure/review-checklists uses for another item says so, so it is not joined blindly', () => {
    const pdb = json.stacks[0].items.find((i: { id: string }) => i.id === 'resource-management/pod-disruption-budgets');
    expect(pdb.current).toEqual([
      { guid: '3c763963-7a55-42d5-a15e-401955387e5c', title: 'Use Disruption Budgets in your pod and deployment definitions', reviewChecklistItem: 'If using a private registry, configure region replication to store images in multiple regions' },
    ]);
    expect(json.stacks[0].items.find((i: { id: string }) => i.id === 'cluster-setup/private-cluster').current[0].reviewChecklistItem).toBeUndefined();
    const md = toMarkdown(report);
    expect(md).toMatch(/`3c763963-7a55-42d5-a15e-401955387e5c` \(†: in Azure\/review-checklists, "If using a private registry/);
    expect(md).toMatch(/\(\d+ of 168 current items mapped\)/);
  });
});

describe('SARIF 2.1.0', () => {
  const sarif = JSON.parse(JSON.stringify(toSarif(report, { baseDir: '.', readSource: () => JSON.stringify(doc.json, null, 2) })));

  test('has the required top-level properties', () => {
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(sarif.runs).toHaveLength(1);
    expect(sarif.runs[0].tool.driver.name).toBe('aks-checklist');
  });

  test('one rule per item id, with its title and the checklist link', () => {
    const rules = sarif.runs[0].tool.driver.rules;
    expect(rules).toHaveLength(103);
    expect(new Set(rules.map((r: { id: string }) => r.id)).size).toBe(103);
    expect(rules.find((r: { id: string }) => r.id === 'cluster-setup/private-cluster')).toMatchObject({
      shortDescription: { text: 'Private cluster' },
      helpUri: 'https://www.the-aks-checklist.com/',
      properties: { currentGuids: ['29fb411c-20a8-4c39-84df-aaa4227eaeb2', 'd7672c26-7602-4482-85a4-14527fbe855c'] },
    });
  });

  test('every result has a ruleId of a rule, a message text, a level and a location', () => {
    const results = sarif.runs[0].results;
    const ruleIds = sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id);
    expect(results.length).toBe(nonCompliant.length);
    for (const r of results) {
      expect(ruleIds[r.ruleIndex]).toBe(r.ruleId);
      expect(typeof r.message.text).toBe('string');
      expect(['error', 'warning']).toContain(r.level);
      expect(r.locations.length).toBeGreaterThan(0);
    }
  });

  test('enforced items are errors pointing at the stack file and the resource', () => {
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'cluster-setup/private-cluster');
    expect(result.level).toBe('error');
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('cdktf.out/stacks/raw/cdk.tf.json');
    expect(result.locations[0].physicalLocation.region.startLine).toBeGreaterThan(1);
    expect(result.locations[0].logicalLocations[0].fullyQualifiedName).toBe('azurerm_kubernetes_cluster.aks.private_cluster_enabled');
  });

  test('non-enforced items are warnings', () => {
    const option = nonCompliant.find((i) => i.delivery !== 'enforced');
    const results = sarif.runs[0].results.filter((r: { level: string }) => r.level === 'warning');
    expect(results.map((r: { ruleId: string }) => r.ruleId)).toEqual(nonCompliant.filter((i) => i.delivery !== 'enforced').map((i) => i.id));
    if (option) {
      expect(results.map((r: { ruleId: string }) => r.ruleId)).toContain(option.id);
    }
  });

  test('validates against the SARIF 2.1.0 schema, with a version and a %SRCROOT% base', () => {
    // The OASIS schema (sarif-2.1.0-rtm.5, JSON Schema draft-04), as @microsoft/jest-sarif ships it, checked
    // with ajv; draft-04's `$schema` and `id` are left out (the keywords it uses read the same in ajv's draft).
    const Ajv = require('ajv') as new (options: object) => { compile: (schema: object) => ((data: unknown) => boolean) & { errors?: unknown } };
    const { $schema: _draft, id: _id, ...schema } = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false, validateSchema: false, unicodeRegExp: false }).compile(schema);
    const ok = validate(sarif);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(validate({ ...sarif, version: '2.0.0' })).toBe(false);
    expect(validate({ ...sarif, runs: [{ ...sarif.runs[0], results: [{ ...sarif.runs[0].results[0], level: 'fatal' }] }] })).toBe(false);
    expect(sarif.runs[0].tool.driver.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(Object.keys(sarif.runs[0].originalUriBaseIds)).toEqual(['%SRCROOT%']);
    expect(sarif.runs[0].originalUriBaseIds['%SRCROOT%'].uri).toMatch(/^file:\/\/.*\/$/);
  });

  test('lineOf finds a resource in Terraform JSON and in HCL', () => {
    const json = '{\n "resource": {\n  "azurerm_x": {\n   "a": {},\n   "b": {}\n  }\n }\n}';
    expect(lineOf(json, 'azurerm_x.b')).toBe(5);
    expect(lineOf('x\nresource "azurerm_x" "b" {\n}', 'azurerm_x.b')).toBe(2);
    expect(lineOf(json, 'azurerm_y.b')).toBeUndefined();
  });
});

describe('JUnit XML', () => {
  const xml = toJunit(report);

  test('is well-formed', () => {
    expect(assertWellFormed(xml)).toBe('testsuites');
  });

  test('a testsuite per stack and a testcase per item', () => {
    expect(xml.match(/<testsuite /g)).toHaveLength(1);
    expect(xml.match(/<testcase /g)).toHaveLength(103);
    expect(xml).toMatch(/<testsuite name="raw" tests="103" failures="(\d+)"/);
    expect(Number(/<testsuite name="raw" tests="103" failures="(\d+)"/.exec(xml)![1])).toBe(nonCompliant.filter((i) => i.delivery === 'enforced').length);
  });

  const caseOf = (junit: string, id: string): string => new RegExp(`<testcase [^>]*name="${id.replace('/', '\\/')}:[^]*?</testcase>`).exec(junit)![0];

  test('only what --fail-on fails is a failure; other non-compliant items, not-applicable, guidance and planned are skipped', () => {
    for (const id of RAW_STACK_NON_COMPLIANT) {
      const item = nonCompliant.find((i) => i.id === id)!;
      expect([id, caseOf(xml, id).includes(item.delivery === 'enforced' ? '<failure ' : '<skipped message="non-compliant ')]).toEqual([id, true]);
    }
    const skipped = report.stacks[0].items.filter((i) => ['not-applicable', 'guidance', 'planned', 'unknown'].includes(i.status) || (i.status === 'non-compliant' && i.delivery !== 'enforced'));
    skipped.forEach((i) => expect(caseOf(xml, i.id)).toContain('<skipped '));
    expect(xml.match(/<skipped /g)).toHaveLength(skipped.length);
  });

  test('--fail-on non-compliant makes every non-compliant item a failure', () => {
    const strict = toJunit(report, { failOn: ['non-compliant'] });
    expect(strict.match(/<failure /g)).toHaveLength(nonCompliant.length);
  });

  test('shows the current GUIDs', () => {
    expect(xml).toContain('<property name="currentGuid" value="29fb411c-20a8-4c39-84df-aaa4227eaeb2"/>');
  });

  test('escapes markup, quotes and control characters', () => {
    expect(text('a < b & c > d\u0001')).toBe('a &lt; b &amp; c &gt; d');
    expect(attr(`"x" 'y'\n`)).toBe('&quot;x&quot; &apos;y&apos;&#10;');
    const nasty = new TerraformDocument({ resource: {} }, 'we<ird & "stack"');
    expect(assertWellFormed(toJunit(buildReport([{ doc: nasty }])))).toBe('testsuites');
  });

  test('the well-formedness check rejects broken XML', () => {
    expect(() => assertWellFormed('<a><b></a></b>')).toThrow();
    expect(() => assertWellFormed('<a x="1 < 2"/>')).toThrow();
    expect(() => assertWellFormed('<a>Tom & Jerry</a>')).toThrow();
    expect(() => assertWellFormed('<a/><b/>')).toThrow();
  });
});

describe('Markdown', () => {
  const md = toMarkdown(report);

  test('starts with a summary table of totals', () => {
    const t = report.stacks[0].totals;
    expect(md).toContain(`| raw | ${t['non-compliant']} | ${t.unknown} | ${t.waived} | ${t.compliant} | ${t['policy-enforced']} | ${t['not-applicable']} | ${t.guidance} | ${t.planned} |`);
  });

  test('a table per category, every row with five cells', () => {
    const categories = [...new Set(report.stacks[0].items.map((i) => i.category))];
    categories.forEach((c) => expect(md).toContain(`### ${c}\n\n| Item | Status | Delivery | Evidence | Current edition |`));
    const rows = md.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows).toHaveLength(103);
    rows.forEach((r) => expect(r.replace(/\\\|/g, '').split('|').length - 2).toBe(5));
  });

  test('escapes pipes in cells', () => {
    const doc2 = new TerraformDocument({ resource: {} }, 'a|b');
    expect(toMarkdown(buildReport([{ doc: doc2 }]))).toContain('| a\\|b |');
  });
});
