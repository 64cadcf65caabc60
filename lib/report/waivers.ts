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

/** Where a waiver applies, for reports: its address, construct path or file. */
export function waiverScope(waiver: Waiver): string {
  return waiver.address ?? (waiver.file ? `${waiver.file} (whole stack)` : waiver.path);
}

/**
 * Reads the waivers of a checked-in waiver file (a list under `waivers`): each needs a known `item` and a
 * `reason`; `address` and `expires` (`YYYY-MM-DD`, valid through that day) are optional. An unknown item,
 * a missing or short reason, a malformed or past expiry is an error (thrown, naming the entry).
 * @param isItem tells known item ids
 * @param today the date to judge expiry against, `YYYY-MM-DD`
 */
export function waiversFromFile(raw: unknown, file: string, isItem: (id: string) => boolean, today: string, minReason = 10): Waiver[] {
  if (raw === undefined || raw === null) {
    return [];
  }
  if (!Array.isArray(raw)) {
    throw new Error(`${file}: 'waivers' must be a list of { item, reason, address?, expires? }`);
  }
  return raw.map((entry, n) => {
    const at = `${file}: waiver ${n + 1}`;
    const w = (entry ?? {}) as Record<string, unknown>;
    const item = w.item;
    if (typeof item !== 'string' || !isItem(item)) {
      throw new Error(`${at} has item ${JSON.stringify(item)}, not a checklist item id (see lib/checklist/items.ts)`);
    }
    const reason = typeof w.reason === 'string' ? w.reason.trim() : '';
    if (reason.length < minReason) {
      throw new Error(`${at} (${item}) has no reason a reviewer can judge: give 'reason' of at least ${minReason} characters`);
    }
    if (w.address !== undefined && (typeof w.address !== 'string' || w.address.trim() === '')) {
      throw new Error(`${at} (${item}) has address ${JSON.stringify(w.address)}: give a Terraform address such as azurerm_kubernetes_cluster.main, or leave it out`);
    }
    const expires = w.expires instanceof Date ? w.expires.toISOString().slice(0, 10) : w.expires;
    if (expires !== undefined && (typeof expires !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(expires))) {
      throw new Error(`${at} (${item}) has expires ${JSON.stringify(w.expires)}: write the date as YYYY-MM-DD`);
    }
    if (typeof expires === 'string' && expires < today) {
      throw new Error(`${at} (${item}) expired on ${expires}: renew it with a new date and reason, or fix the finding`);
    }
    return {
      item: item as ItemId,
      path: '',
      reason,
      file,
      ...(typeof w.address === 'string' ? { address: w.address.trim() } : {}),
      ...(typeof expires === 'string' ? { expires } : {}),
    };
  });
}
