/**
 * Builds the checklist report of several stacks; one stack's report is lib/checklist/stack-report.ts
 * (re-exported here). No cdktf import: the command-line report loads this.
 */
import { buildStackReport, emptyTotals, REPORT_STATUSES, ReportInput, ReportStatus, StackReport } from '../checklist/stack-report';

export * from '../checklist/stack-report';

/** The report of several stacks (e.g. every stack of a cdktf.out directory). */
export interface Report {
  readonly stacks: readonly StackReport[];
  /** Totals over all stacks. */
  readonly totals: Readonly<Record<ReportStatus, number>>;
}

/** The report of several stacks, with totals over all of them. */
export function buildReport(inputs: readonly ReportInput[]): Report {
  const stacks = inputs.map((i) => buildStackReport(i.doc, i.source, i));
  const totals = emptyTotals();
  stacks.forEach((s) => REPORT_STATUSES.forEach((status) => (totals[status] += s.totals[status])));
  return { stacks, totals };
}
