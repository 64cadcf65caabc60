/**
 * Waivers as the report reads them: those recorded in a stack (lib/checklist/waivers.ts, re-exported
 * here) and those of a checked-in waiver file.
 */
import type { ItemId } from '../checklist/types';
import type { Waiver } from '../checklist/waivers';

export { waiversIn } from '../checklist/waivers';
export type { Waiver } from '../checklist/waivers';

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
