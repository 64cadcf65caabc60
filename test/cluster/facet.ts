/**
 * Test support for the cluster facet of an item that other concerns also deliver (e.g. the Azure
 * Policy add-on here, the assignments in lib/policy). The item's compliance needs every concern's
 * resources, so a cluster-only stack can prove the cluster facet's rule, and (with describeItem)
 * that loosening the cluster's setting makes the whole item non-compliant.
 */
import { clusterFacets } from '../../lib/cluster/checklist';
import type { ItemId, RuleStatus } from '../../lib/checklist/types';
import type { ItemCases } from '../support/items';

export function describeFacet(id: ItemId, cases: ItemCases): void {
  const facet = clusterFacets.find((f) => f.id === id);
  describe(`${id} (cluster facet)`, () => {
    test('has a rule', () => expect(facet?.rule).toBeDefined());
    const run = (status: RuleStatus, group: ItemCases['compliant']): void => {
      for (const [name, build] of Object.entries(group)) {
        test(`${status}: ${name}`, () => expect(facet!.rule!(build()).status).toBe(status));
      }
    };
    run('compliant', cases.compliant);
    run('non-compliant', cases.nonCompliant);
    run('not-applicable', cases.notApplicable ?? {});
  });
}
