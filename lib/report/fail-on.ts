/**
 * When a report fails a pipeline: the `--fail-on` policy of the command line.
 */
import type { Delivery } from '../checklist/types';
import type { Report, ReportItem } from './build';

/**
 * One condition that fails the report:
 * - `enforced` (the default): a non-compliant item the library enforces;
 * - `policy`, `option`: a non-compliant item of that delivery;
 * - `non-compliant`: any non-compliant item, whatever its delivery;
 * - `waived`: any waived item (for pipelines that accept no waiver);
 * - `unknown`: any item the report cannot decide (an unresolved variable, a module not read).
 */
export type FailCondition = 'enforced' | 'policy' | 'option' | 'non-compliant' | 'waived' | 'unknown';

/** The conditions `--fail-on` accepts, besides `none`. */
const FAIL_CONDITIONS: readonly FailCondition[] = ['enforced', 'policy', 'option', 'non-compliant', 'waived', 'unknown'];

/** The default policy: fail on enforced items that are non-compliant and not waived. */
export const DEFAULT_FAIL_ON: readonly FailCondition[] = ['enforced'];

/**
 * Parses a `--fail-on` value: `none`, or a comma-separated list of conditions.
 * @returns the conditions, or an error message
 */
export function parseFailOn(text: string): readonly FailCondition[] | { readonly error: string } {
  const tokens = text
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  if (tokens.length === 1 && tokens[0] === 'none') {
    return [];
  }
  const bad = tokens.filter((t) => !(FAIL_CONDITIONS as readonly string[]).includes(t));
  if (tokens.length === 0 || bad.length > 0) {
    return { error: `--fail-on '${text}' is not 'none' or a comma-separated list of ${FAIL_CONDITIONS.join(', ')}` };
  }
  return [...new Set(tokens)] as FailCondition[];
}

/** Whether one item trips one condition. */
export function trips(item: ReportItem, condition: FailCondition): boolean {
  if (condition === 'waived' || condition === 'unknown') {
    return item.status === condition;
  }
  if (item.status !== 'non-compliant') {
    return false;
  }
  return condition === 'non-compliant' || item.delivery === (condition as Delivery);
}

/** The items, per stack, that fail the report under a policy. */
export function failures(report: Report, conditions: readonly FailCondition[]): { readonly stack: string; readonly item: ReportItem }[] {
  return report.stacks.flatMap((s) => s.items.filter((i) => conditions.some((c) => trips(i, c))).map((item) => ({ stack: s.stack, item })));
}
