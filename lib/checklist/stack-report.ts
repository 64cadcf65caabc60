/**
 * Judges one stack over the catalogue: each item's status, evidence, waiver and current edition
 * GUIDs. Enforcement at synth (./checklist.ts) and the report (lib/report/build.ts) both use it.
 * No cdktf import: the command-line report loads this.
 */
import { catalogue } from './catalogue';
import { evaluateCatalogueItem } from './evaluate';
import { currentTitle, reviewChecklistMeaning } from './traceability';
import { fails } from './rule-kit';
import type { CatalogueItem, Evidence } from './types';
import type { Coverage, ModuleCoverage, SourceLocation, UnjudgedResource } from '../core/resolved-config';
import { TerraformDocument } from '../core/terraform-document';
import { covers, Waiver, waiversIn } from './waivers';
import { settingLabel } from './settings';

export { METADATA_KEY, waiversIn } from './waivers';
export type { Waiver } from './waivers';

/** An item's status in a report. */
export type ReportStatus = 'compliant' | 'non-compliant' | 'unknown' | 'not-applicable' | 'waived' | 'policy-enforced' | 'guidance' | 'planned';

/** Every status, in the order reports list them. */
export const REPORT_STATUSES: readonly ReportStatus[] = ['non-compliant', 'unknown', 'waived', 'compliant', 'policy-enforced', 'not-applicable', 'guidance', 'planned'];

/** What the report read for one stack, so that nothing passes silently. */
export interface CoverageSummary {
  readonly kind: Coverage['kind'];
  readonly files: readonly string[];
  /** Resources read (data sources not counted). */
  readonly resources: number;
  /** Addresses of the azurerm_kubernetes_cluster blocks found. */
  readonly clusters: readonly string[];
  readonly modules: readonly ModuleCoverage[];
  /** Resources the rules do not judge (e.g. AzAPI clusters). */
  readonly unjudged: readonly UnjudgedResource[];
  /** azurerm generations whose old names were read as 4.x (`2.x`, `3.x`). */
  readonly providerGenerations: readonly string[];
  readonly notes: readonly string[];
}

/** An item of the current checklist edition that a seed item maps to. */
export interface CurrentItemRef {
  readonly guid: string;
  /** Its title in the current edition (empty for a GUID the project does not know). */
  readonly title: string;
  /**
   * What the same GUID names in Azure/review-checklists, when that is another item: do not join
   * this GUID with a review checklist.
   */
  readonly reviewChecklistItem?: string;
}

/** One item of a stack's report: the catalogue item's id, category, title, delivery and current GUIDs, and its judgement. */
export interface ReportItem extends Pick<CatalogueItem, 'id' | 'category' | 'title' | 'delivery' | 'currentGuids'> {
  readonly status: ReportStatus;
  /** One line: what the rule found, the waiver's reason, or why the item is guidance. */
  readonly message: string;
  readonly evidence: readonly Evidence[];
  /**
   * The waivers that cover some of the item's failing evidence: all of it when the item is
   * `waived`, part of it when it is still `non-compliant`.
   */
  readonly waivers: readonly Waiver[];
  /** The current edition's matching items (currentGuids) with their titles. */
  readonly current: readonly CurrentItemRef[];
  /** Construct and prop that deliver the item (first facet that names them). */
  readonly deliveredBy?: string;
  /** For guidance items: why Terraform cannot reach it and what to do. */
  readonly guidance?: string;
  /** This library's stronger defaults the stack does not follow, beyond what the item asks (they do not fail it). */
  readonly recommendations: readonly string[];
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
  /** What was read. */
  readonly coverage: CoverageSummary;
  /** Where each block that has a recorded source was written (file and line), by address. */
  readonly blockSources: Readonly<Record<string, SourceLocation>>;
  /** Extra Markdown documents found next to the stack (e.g. `ip-plan.md`, `topology.md`), by file name. */
  readonly attachments: readonly { readonly name: string; readonly markdown: string }[];
}

/** A stack to report on, with the file it came from. */
export interface ReportInput {
  readonly doc: TerraformDocument;
  readonly source?: string;
  /** Waivers from outside the stack (a waiver file), besides those recorded in its metadata. */
  readonly waivers?: readonly Waiver[];
  /** Markdown documents to include with the stack's report (see StackReport.attachments). */
  readonly attachments?: StackReport['attachments'];
}

/** What of the configuration was not read: modules not followed and resources not judged, as one phrase (empty when all was read). */
export function unread(coverage: Pick<CoverageSummary, 'modules' | 'unjudged'>): string {
  const parts = [
    ...coverage.modules.filter((m) => !m.followed).map((m) => `${m.address} (${m.source || 'no source'}) not followed`),
    ...coverage.unjudged.map((u) => `${u.address}: ${u.reason}`),
  ];
  return parts.join('; ');
}

/** The coverage summary of a document. */
function coverageOf(doc: TerraformDocument): CoverageSummary {
  const c = doc.coverage;
  return {
    kind: c.kind,
    files: c.files,
    resources: doc.resources().length,
    clusters: doc.resources('azurerm_kubernetes_cluster').map((b) => b.address),
    modules: c.modules,
    unjudged: c.unjudged ?? [],
    providerGenerations: doc.providerGenerations,
    notes: c.notes,
  };
}

function currentItemRef(guid: string): CurrentItemRef {
  const other = reviewChecklistMeaning(guid);
  return { guid, title: currentTitle(guid) ?? '', ...(other ? { reviewChecklistItem: other } : {}) };
}

/** Judges one item of one stack. */
function reportItem(item: CatalogueItem, doc: TerraformDocument, waivers: readonly Waiver[], missing = unread(coverageOf(doc))): ReportItem {
  const base = {
    id: item.id,
    category: item.category,
    title: item.title,
    delivery: item.delivery,
    currentGuids: item.currentGuids,
    current: item.currentGuids.map((guid) => currentItemRef(guid)),
    deliveredBy: deliveredBy(item),
    recommendations: [] as string[],
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
  const recommendations = [...new Set(result.evidence.filter((e) => e.recommendation && !e.ok && e.unknown === undefined).map((e) => e.message))];
  if (result.status === 'not-applicable' && missing !== '') {
    // Nothing the item judges in what was read, but not everything was read: the unread part may hold it.
    return { ...base, status: 'unknown', message: `${result.message} in what was read; not read: ${missing}`, evidence: [], waivers: [], recommendations };
  }
  if (result.status === 'non-compliant') {
    const failing = result.evidence.filter(fails);
    const used = waivers.filter((w) => w.item === item.id && failing.some((e) => covers(w, e)));
    const uncovered = failing.filter((e) => !used.some((w) => covers(w, e)));
    if (used.length > 0 && uncovered.length === 0) {
      return { ...base, status: 'waived', message: used.map((w) => w.reason).join('; '), evidence: result.evidence, waivers: used, recommendations };
    }
    const partly = used.length > 0 ? ` (waivers cover ${failing.length - uncovered.length} of ${failing.length} failing findings)` : '';
    return { ...base, status: 'non-compliant', message: `${uncovered.map((e) => e.message).join('; ')}${partly}`, evidence: result.evidence, waivers: used, recommendations };
  }
  const status: ReportStatus = result.status === 'compliant' && item.delivery === 'policy' ? 'policy-enforced' : result.status;
  return { ...base, status, message: result.message, evidence: result.evidence, waivers: [], recommendations };
}

/** Zero for every status. */
export function emptyTotals(): Record<ReportStatus, number> {
  return Object.fromEntries(REPORT_STATUSES.map((s) => [s, 0])) as Record<ReportStatus, number>;
}

/** The report of one stack over the whole catalogue. */
export function buildStackReport(doc: TerraformDocument, source?: string, extra: Pick<ReportInput, 'waivers' | 'attachments'> = {}): StackReport {
  const waivers = [...waiversIn(doc), ...(extra.waivers ?? [])];
  const coverage = coverageOf(doc);
  const missing = unread(coverage);
  const items = [...catalogue().values()].map((item) => reportItem(item, doc, waivers, missing));
  const totals = emptyTotals();
  items.forEach((i) => totals[i.status]++);
  const used = new Set(items.flatMap((i) => i.waivers));
  const unusedWaivers = waivers.filter((w) => !used.has(w));
  const blockSources: Record<string, SourceLocation> = {};
  doc.resources().forEach((b) => b.source && (blockSources[b.address] = b.source));
  return { stack: doc.name, items, totals, source, unusedWaivers, coverage, blockSources, attachments: extra.attachments ?? [] };
}

/** The settings that deliver an item, for people: every construct's prop (or, when none names a prop, the constructs). */
function deliveredBy(item: CatalogueItem): string | undefined {
  const settings = item.facets.flatMap((f) => f.settings ?? []);
  const named = settings.some((s) => s.prop !== undefined) ? settings.filter((s) => s.prop !== undefined) : settings;
  const labels = [...new Set(named.map(settingLabel))];
  return labels.length > 0 ? labels.join(', ') : undefined;
}
