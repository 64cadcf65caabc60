/**
 * Waivers as the report reads them from a stack's Terraform JSON. This module holds no cdktf
 * import, so the command-line report can read waivers without loading cdktf.
 */
import type { Evidence, ItemId } from '../checklist/types';
import { getPath, TerraformDocument } from '../core/terraform-document';

/** A recorded waiver: a known item, the construct it covers, and why. */
export interface Waiver {
  readonly item: ItemId;
  /**
   * Construct path the waiver covers; failing evidence on resources under it is waived. A stack's
   * own path (no `/`) covers the whole stack, including resources without a construct path.
   */
  readonly path: string;
  readonly reason: string;
}

/** Where the library keeps its own data inside a stack's `//` metadata. */
export const METADATA_KEY = 'aksChecklist';

/** The waivers recorded in a document's `//.metadata.aksChecklist.waivers`; malformed entries are skipped. */
export function waiversIn(doc: TerraformDocument): Waiver[] {
  const raw = getPath(doc.json['//'], `metadata.${METADATA_KEY}.waivers`);
  if (!Array.isArray(raw)) {
    return [];
  }
  return raw.flatMap((w) => {
    const item = getPath(w, 'item');
    const path = getPath(w, 'path');
    const reason = getPath(w, 'reason');
    const valid = typeof item === 'string' && typeof path === 'string' && typeof reason === 'string' && reason.trim() !== '';
    return valid ? [{ item: item as ItemId, path, reason }] : [];
  });
}

/** Whether a waiver is stack-wide: its path is the stack's own (a root child has no `/`). */
export function isStackWaiver(waiver: Waiver): boolean {
  return !waiver.path.includes('/');
}

/**
 * Whether a waiver covers a piece of evidence: a stack waiver covers everything, a construct waiver
 * only evidence whose construct path is the construct's or below it.
 */
export function covers(waiver: Waiver, evidence: Evidence): boolean {
  if (isStackWaiver(waiver)) {
    return true;
  }
  const path = evidence.constructPath;
  return path !== undefined && (path === waiver.path || path.startsWith(`${waiver.path}/`));
}
