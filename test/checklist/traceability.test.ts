/**
 * Traceability to the current edition: every mapped GUID is known, every seed id is mapped.
 */
import { catalogue } from '../../lib/checklist/catalogue';
import { ITEMS } from '../../lib/checklist/items';
import { CURRENT_ITEMS, currentTitle, TRACEABILITY, uncoveredCurrentGuids } from '../../lib/checklist/traceability';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('traceability to the current edition', () => {
  test('the copied current edition holds 168 items with GUIDs and titles', () => {
    const guids = Object.keys(CURRENT_ITEMS);
    expect(guids).toHaveLength(168);
    guids.forEach((g) => expect(g).toMatch(GUID));
    Object.values(CURRENT_ITEMS).forEach((i) => expect(i.title.trim()).not.toBe(''));
  });

  test('every seed id in the mapping is a known id, and every seed item is in the mapping', () => {
    expect(Object.keys(TRACEABILITY).sort()).toEqual(ITEMS.map((i) => i.id).sort());
  });

  test('every GUID in the mapping exists in the copied data, once per item', () => {
    for (const [id, trace] of Object.entries(TRACEABILITY)) {
      trace.guids.forEach((g) => expect([id, g, currentTitle(g) !== undefined]).toEqual([id, g, true]));
      expect(new Set(trace.guids).size).toBe(trace.guids.length);
    }
  });

  test('a seed item without a current match says why', () => {
    const unmatched = Object.entries(TRACEABILITY).filter(([, t]) => t.guids.length === 0);
    expect(unmatched.map(([id]) => id)).toEqual(['operations/securing-kubernetes-guide']);
    unmatched.forEach(([, t]) => expect(t.note).toBeTruthy());
  });

  test('the catalogue carries the mapping', () => {
    expect(catalogue().get('cluster-setup/api-server-authorized-ip-ranges')!.currentGuids).toEqual(['d783a3e8-264f-4dac-870f-569791d1837e']);
    expect(catalogue().get('network/ip-address-planning')!.currentGuids).toHaveLength(3);
  });

  test('current items no seed item covers are listed', () => {
    const uncovered = uncoveredCurrentGuids();
    expect(uncovered).toContain('d34f49c0-e964-4465-9211-520479338b13'); // Use Azure Linux as host OS: not in the seed edition
    expect(uncovered).not.toContain('d783a3e8-264f-4dac-870f-569791d1837e');
    expect(uncovered.length + new Set(Object.values(TRACEABILITY).flatMap((t) => t.guids)).size).toBe(168);
  });
});
