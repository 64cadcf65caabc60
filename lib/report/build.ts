/**
 * Builds the checklist report of one stack: each item's status, evidence and waiver.
 */
import { catalogue } from '../checklist/catalogue';
import { METADATA_KEY, Waiver } from '../checklist/checklist';
import { evaluateCatalogueItem } from '../checklist/evaluate';
import type { CatalogueItem, Delivery, Evidence, ItemId } from '../checklist/types';
import { getPath, TerraformDocument } from '../core/terraform-document';

/** An item's status in a report. */
export type ReportStatus = 'compliant' | 'non-compliant' | 'not-applicable' | 'waived' | 'policy-enforced' | 'guidance' | 'planned';

/** One item of a stack's report. */
export interface ReportItem {
  readonly id: ItemId;
  readonly category: string;
  readonly title: string;
  readonly delivery: Delivery;
  readonly status: ReportStatus;
  readonly message: string;
  readonly evidence: readonly Evidence[];
  /** The waivers that cover the item's failing evidence, when it is waived. */
  readonly waivers: readonly Waiver[];
  /** GUIDs of the current checklist edition's matching items. */
  readonly currentGuids: readonly string[];
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
}

/** The waivers recorded in a document's `//` metadata. */
export function waiversIn(doc: TerraformDocument): Waiver[] {
  const raw = getPath(doc.json['//'], `metadata.${METADATA_KEY}.waivers`);
  if (!Array.isArray(raw)) {
    return [];
  }
  return raw.flatMap((w) => {
    const item = getPath(w, 'item');
    const path = getPath(w, 'path');
    const reason = getPath(w, 'reason');
    return typeof item === 'string' && typeof path === 'string' && typeof reason === 'string' ? [{ item: item as ItemId, path, reason }] : [];
  });
}

function covers(waiver: Waiver, evidence: Evidence): boolean {
  if (!waiver.path.includes('/')) {
    return true; // a stack-level waiver covers the whole stack
  }
  const path = evidence.constructPath;
  return path !== undefined && (path === waiver.path || path.startsWith(`${waiver.path}/`));
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
    const mine = waivers.filter((w) => w.item === item.id);
    const failing = result.evidence.filter((e) => !e.ok);
    const used = mine.filter((w) => failing.some((e) => covers(w, e)));
    if (used.length > 0 && failing.every((e) => used.some((w) => covers(w, e)))) {
      return { ...base, status: 'waived', message: used.map((w) => w.reason).join('; '), evidence: result.evidence, waivers: used };
    }
    return { ...base, status: 'non-compliant', message: result.message, evidence: result.evidence, waivers: [] };
  }
  const status: ReportStatus = result.status === 'compliant' && item.delivery === 'policy' ? 'policy-enforced' : result.status;
  return { ...base, status, message: result.message, evidence: result.evidence, waivers: [] };
}

/** The report of one stack over the whole catalogue. */
export function buildStackReport(doc: TerraformDocument): StackReport {
  const waivers = waiversIn(doc);
  const items = [...catalogue().values()].map((item) => reportItem(item, doc, waivers));
  const totals: Record<ReportStatus, number> = {
    compliant: 0,
    'non-compliant': 0,
    'not-applicable': 0,
    waived: 0,
    'policy-enforced': 0,
    guidance: 0,
    planned: 0,
  };
  items.forEach((i) => totals[i.status]++);
  return { stack: doc.name, items, totals };
}
