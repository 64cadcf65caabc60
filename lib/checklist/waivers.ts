/**
 * Waivers as the checklist records them in a stack's Terraform JSON and the report reads them. This
 * module holds no cdktf import, so the command-line report can read waivers without loading cdktf.
 */
import type { Evidence, ItemId } from './types';
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
  /**
   * For waivers of a waiver file: the Terraform address the waiver covers (`azurerm_kubernetes_cluster.main`;
   * `module.aks` covers every resource in the module). Without it a file waiver covers the whole stack.
   */
  readonly address?: string;
  /** For waivers of a waiver file: the last day it is valid (`YYYY-MM-DD`). */
  readonly expires?: string;
  /** The waiver file it came from. */
  readonly file?: string;
}

/** Where the library keeps its own data inside a stack's `//` metadata. */
export const METADATA_KEY = 'aksChecklist';

/** The waivers recorded in a document's `//.metadata.aksChecklist.waivers`; malformed entries are skipped. */
export function waiversIn(doc: TerraformDocument): Waiver[] {
  const raw = doc.metadata(`${METADATA_KEY}.waivers`);
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
function isStackWaiver(waiver: Waiver): boolean {
  return !waiver.path.includes('/');
}

/**
 * Whether a waiver covers a piece of evidence: a stack waiver covers everything, a construct waiver
 * only evidence whose construct path is the construct's or below it.
 */
export function covers(waiver: Waiver, evidence: Evidence): boolean {
  if (waiver.address !== undefined) {
    const a = evidence.address;
    return a === waiver.address || a.startsWith(`${waiver.address}.`) || a.startsWith(`${waiver.address}[`);
  }
  if (isStackWaiver(waiver)) {
    return true;
  }
  const path = evidence.constructPath;
  return path !== undefined && (path === waiver.path || path.startsWith(`${waiver.path}/`));
}
