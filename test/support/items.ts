/**
 * Test support for checklist items. `describeItem(id, cases)` is how a test proves an item: each
 * compliant case must evaluate compliant, each non-compliant case non-compliant. The catalogue
 * test looks for `describeItem('<id>'` to know an item is tested.
 */
import { evaluateItem } from '../../lib/checklist/evaluate';
import type { ItemId, RuleStatus } from '../../lib/checklist/types';
import type { TerraformDocument } from '../../lib/core/terraform-document';

/** Named stacks for one status. */
export type Cases = Record<string, () => TerraformDocument>;

export interface ItemCases {
  /** Stacks that must come out compliant (the defaults). */
  readonly compliant: Cases;
  /** Stacks with the setting loosened, that must come out non-compliant. */
  readonly nonCompliant: Cases;
  /** Stacks where the item does not apply. */
  readonly notApplicable?: Cases;
  /** Stacks the rule cannot decide (unresolved values): unknown, never a verdict. */
  readonly unknown?: Cases;
  /**
   * Stacks that meet the item but not this library's stronger default: compliant, with a
   * recommendation (a failing evidence marked `recommendation`).
   */
  readonly recommended?: Cases;
}

export function describeItem(id: ItemId, cases: ItemCases): void {
  describe(id, () => {
    const expectStatus = (status: RuleStatus, group: Cases): void => {
      for (const [name, build] of Object.entries(group)) {
        test(`${status}: ${name}`, () => {
          const result = evaluateItem(id, build());
          expect({ status: result.status, message: result.message }).toEqual({ status, message: expect.any(String) });
        });
      }
    };
    expectStatus('compliant', cases.compliant);
    expectStatus('non-compliant', cases.nonCompliant);
    expectStatus('not-applicable', cases.notApplicable ?? {});
    expectStatus('unknown', cases.unknown ?? {});
    for (const [name, build] of Object.entries(cases.recommended ?? {})) {
      test(`compliant with a recommendation: ${name}`, () => {
        const result = evaluateItem(id, build());
        expect(result.status).toBe('compliant');
        expect(result.evidence.filter((e) => e.recommendation && !e.ok).length).toBeGreaterThan(0);
      });
    }
  });
}
