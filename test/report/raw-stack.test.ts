/**
 * The report of a stack written with raw provider resources only: it lists exactly the known
 * violations among the items lib/cluster and lib/registry deliver.
 */
import { clusterFacets } from '../../lib/cluster/checklist';
import { combine } from '../../lib/checklist/rule-kit';
import type { ItemFacet, ItemId } from '../../lib/checklist/types';
import { registryFacets } from '../../lib/registry/checklist';
import { buildReport, buildStackReport } from '../../lib/report/build';
import { toMarkdown } from '../../lib/report/markdown';
import { RAW_STACK_NON_COMPLIANT, RAW_STACK_REPORT_NON_COMPLIANT } from './raw-stack';
import { rawDoc } from './support';

describe('report of the raw-resource stack', () => {
  const doc = rawDoc();
  const report = buildStackReport(doc);
  const status = (id: ItemId): string | undefined => report.items.find((i) => i.id === id)?.status;

  test('uses no library construct: only azurerm resources', () => {
    const types = new Set(doc.resources().map((r) => r.type));
    expect([...types].every((t) => t.startsWith('azurerm_'))).toBe(true);
    expect(doc.resources().every((r) => r.constructPath === `raw/${r.name}`)).toBe(true);
  });

  test.each(RAW_STACK_NON_COMPLIANT.map((id) => [id]))('%s is non-compliant', (id) => {
    expect(status(id)).toBe('non-compliant');
  });

  test('exactly the known violations among the cluster and registry items', () => {
    // Judged on the cluster and registry facets only, so rules other concerns add to the same
    // items (policy assignments, key vault roles) do not move this set.
    const facets: readonly ItemFacet[] = [...clusterFacets, ...registryFacets];
    const ids = [...new Set(facets.map((f) => f.id))];
    const failing = ids.filter((id) => combine(facets.filter((f) => f.id === id && f.rule).map((f) => f.rule!(doc))).status === 'non-compliant');
    expect(failing.sort()).toEqual([...RAW_STACK_NON_COMPLIANT].sort());
  });

  test('the full report lists exactly the known violations and the known omissions', () => {
    const failing = report.items.filter((i) => i.status === 'non-compliant').map((i) => i.id);
    expect([...failing].sort()).toEqual([...new Set(RAW_STACK_REPORT_NON_COMPLIANT)].sort());
  });

  test('evidence points at the resource and attribute that violate', () => {
    const item = report.items.find((i) => i.id === 'cluster-setup/api-server-authorized-ip-ranges')!;
    expect(item.evidence.filter((e) => !e.ok).map((e) => `${e.address}.${e.attribute}`)).toEqual(['azurerm_kubernetes_cluster.aks.api_server_access_profile.authorized_ip_ranges']);
    const admin = report.items.find((i) => i.id === 'container/registry-rbac')!;
    expect(admin.evidence.filter((e) => !e.ok).map((e) => `${e.address}.${e.attribute}`)).toEqual(['azurerm_container_registry.acr.admin_enabled']);
  });

  test('items carry their current-edition GUIDs and titles', () => {
    const item = report.items.find((i) => i.id === 'cluster-setup/api-server-authorized-ip-ranges')!;
    expect(item.current).toEqual([{ guid: 'd783a3e8-264f-4dac-870f-569791d1837e', title: 'If using a public API endpoint, restrict the IP addresses that can access it' }]);
  });

  test('totals add up to the 103 items', () => {
    expect(Object.values(report.totals).reduce((a, b) => a + b, 0)).toBe(103);
  });

  test('the Markdown report names the violations with their evidence', () => {
    const md = toMarkdown(buildReport([{ doc, source: 'cdktf.out/stacks/raw/cdk.tf.json' }]));
    expect(md).toMatch(/\| `cluster-setup\/private-cluster`<br>Private cluster \| ❌ non-compliant \| enforced \| `azurerm_kubernetes_cluster\.aks\.private_cluster_enabled` is false, expected true \| `29fb411c-20a8-4c39-84df-aaa4227eaeb2`<br>`d7672c26-7602-4482-85a4-14527fbe855c` \|/);
    expect(md).toContain('Source: `cdktf.out/stacks/raw/cdk.tf.json`');
  });
});
