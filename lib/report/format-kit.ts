/**
 * What the report formats share: the checklist's address, evidence labels, one-line summaries.
 */
import { fails, isUnknown } from '../checklist/rule-kit';
import type { Evidence } from '../checklist/types';
import type { ReportItem } from './build';

/** The checklist's home page (the seed edition has no per-item anchors). */
export const CHECKLIST_URL = 'https://www.the-aks-checklist.com/';

/** The tool's name in SARIF and JUnit output. */
export const TOOL_NAME = 'aks-checklist';

/** `address.attribute` of a piece of evidence. */
export function evidenceLabel(e: Evidence): string {
  return e.attribute ? `${e.address}.${e.attribute}` : e.address;
}

/** The evidence that matters for an item's status: failing evidence when it fails or is waived, undecided evidence when unknown, else all. */
export function relevantEvidence(item: ReportItem): readonly Evidence[] {
  if (item.status === 'non-compliant' || item.status === 'waived') {
    return item.evidence.filter(fails);
  }
  return item.status === 'unknown' ? item.evidence.filter(isUnknown) : item.evidence;
}

/** Cuts text to `max` characters, with an ellipsis. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** What a piece of evidence found, without the `address.attribute: ` prefix the rule kit adds. */
export function finding(e: Evidence): string {
  const prefix = `${evidenceLabel(e)}: `;
  return e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message;
}
