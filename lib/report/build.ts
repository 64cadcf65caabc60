/**
 * Builds the checklist report of one stack (each item's status, evidence, waiver and current
 * edition GUIDs) and of several stacks. No cdktf import: the command-line report loads this.
 */
import { catalogue } from '../checklist/catalogue';
import { evaluateCatalogueItem } from '../checklist/evaluate';
import { currentTitle } from '../checklist/traceability';
import type { CatalogueItem, Delivery, Evidence, ItemId } from '../checklist/types';
import { TerraformDocument } from '../core/terraform-document';
import { covers, Waiver, waiversIn } from './waivers';

export { METADATA_KEY, waiversIn } from './waivers';
export type { Waiver } from './waivers';

/** An item's status in a report. */
export type ReportStatus = 'compliant' | 'non-compliant' | 'not-applicable' | 'waived' | 'policy-enforced' | 'guidance' | 'planned';

/** Every status, in the order reports list them. */
export const REPORT_STATUSES: readonly ReportStatus[] = ['non-compliant', 'waived', 'compliant', 'policy-enforced', 'not-applicable', 'guidance', 'planned'];

/** An item of the current checklist edition that a seed item maps to. */
export interface CurrentItemRef {
  readonly guid: string;
  /** Its title in the current edition (empty for a GUID the project does not know). */
  readonly title: string;
}

/** One item of a stack's report. */
export interface ReportItem {
  readonly id: ItemId;
  readonly category: string;
  readonly title: string;
  readonly delivery: Delivery;
  readonly status: ReportStatus;
  /** One line: what the rule found, the waiver's reason, or why the item is guidance. */
  readonly message: string;
  readonly evidence: readonly Evidence[];
  /**
   * The waivers that cover some of the item's failing evidence: all of it when the item is
   * `waived`, part of it when it is still `non-compliant`.
   */
  readonly waivers: readonly Waiver[];
  /** GUIDs of the current checklist edition's matching items. */
  readonly currentGuids: readonly string[];
  /** The same items with their titles. */
  readonly current: readonly CurrentItemRef[];
  /** Construct and prop that deliver the item (first facet that names them). */
  readonly deliveredBy?: string;
  /** For guidance items: why Terraform cannot reach it and what to do. */
  readonly guidance?: string;
}

/** The report of one stack. */
export interface StackReport {
  readonly stack: string;
  readonly items: readonly ReportItem[];
  readonly totals: Readonly<Record<ReportStatus, number>>;
  /** The file the stack was read from, when it was read from one. */
  readonly source?: string;
  /** Recorded waivers that cover no failing evidence (stale, or for an item that now passes). */
  readonly unusedWaivers: readonly Waiver[];
}

/** The report of several stacks (e.g. every stack of a cdktf.out directory). */
export interface Report {
  readonly stacks: readonly StackReport[];
  /** Totals over all stacks. */
  readonly totals: Readonly<Record<ReportStatus, number>>;
}

/** A stack to report on, with the file it came from. */
export interface ReportInput {
  readonly doc: TerraformDocument;
  readonly source?: string;
}

/** Judges one item of one stack. */
export function reportItem(item: CatalogueItem, doc: TerraformDocument, waivers: readonly Waiver[]): ReportItem {
  const facet = item.facets.find((f) => f.construct);
  const base = {
    id: item.id,
    category: item.category,
    title: item.title,
    delivery: item.delivery,
    currentGuids: item.currentGuids,
    current: item.currentGuids.map((guid) => ({ guid, title: currentTitle(guid) ?? '' })),
    deliveredBy: facet ? `${facet.construct}${facet.prop ? `.${facet.prop}` : ''}` : undefined,
  };
  if (item.delivery === 'guidance' || item.delivery === 'planned') {
    const g = item.facets.find((f) => f.guidance)?.guidance;
    return {
      ...base,
      status: item.delivery,
      message: g ? g.reason : 'delivered by a later release',
      evidence: [],
      waivers: [],
      guidance: g ? `${g.reason} ${g.action}` : undefined,
    };
  }
  const result = evaluateCatalogueItem(item, doc);
  if (result.status === 'non-compliant') {
    const failing = result.evidence.filter((e) => !e.ok);
    const used = waivers.filter((w) => w.item === item.id && failing.some((e) => covers(w, e)));
    const uncovered = failing.filter((e) => !used.some((w) => covers(w, e)));
    if (used.length > 0 && uncovered.length === 0) {
      return { ...base, status: 'waived', message: used.map((w) => w.reason).join('; '), evidence: result.evidence, waivers: used };
    }
    const partly = used.length > 0 ? ` (waivers cover ${failing.length - uncovered.length} of ${failing.length} failing findings)` : '';
    return { ...base, status: 'non-compliant', message: `${uncovered.map((e) => e.message).join('; ')}${partly}`, evidence: result.evidence, waivers: used };
  }
  const status: ReportStatus = result.status === 'compliant' && item.delivery === 'policy' ? 'policy-enforced' : result.status;
  return { ...base, status, message: result.message, evidence: result.evidence, waivers: [] };
}

/** Zero for every status. */
export function emptyTotals(): Record<ReportStatus, number> {
  return Object.fromEntries(REPORT_STATUSES.map((s) => [s, 0])) as Record<ReportStatus, number>;
}

/** The report of one stack over the whole catalogue. */
export function buildStackReport(doc: TerraformDocument, source?: string): StackReport {
  const waivers = waiversIn(doc);
  const items = [...catalogue().values()].map((item) => reportItem(item, doc, waivers));
  const totals = emptyTotals();
  items.forEach((i) => totals[i.status]++);
  const used = new Set(items.flatMap((i) => i.waivers));
  const unusedWaivers = waivers.filter((w) => !used.has(w));
  return { stack: doc.name, items, totals, source, unusedWaivers };
}

/** The report of several stacks, with totals over all of them. */
export function buildReport(inputs: readonly ReportInput[]): Report {
  const stacks = inputs.map((i) => buildStackReport(i.doc, i.source));
  const totals = emptyTotals();
  stacks.forEach((s) => REPORT_STATUSES.forEach((status) => (totals[status] += s.totals[status])));
  return { stacks, totals };
}
