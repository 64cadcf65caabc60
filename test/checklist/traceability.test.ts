/**
 * Traceability to the current edition: every mapped GUID is known, every seed id is mapped.
 */
import { catalogue } from '../../lib/checklist/catalogue';
import { ITEMS } from '../../lib/checklist/items';
import { CURRENT_GUIDS, CURRENT_ITEMS, CURRENT_ONLY, currentEditionCoverage, currentTitle, REVIEW_CHECKLIST_DIVERGENT, reviewChecklistMeaning, TRACEABILITY, uncoveredCurrentGuids } from '../../lib/checklist/traceability';

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
    expect(uncovered).toContain('7b0bb400-deb6-4914-82da-2e914c9aaa72'); // Move Container Registry to a dedicated resource group: not met
    expect(uncovered).not.toContain('d34f49c0-e964-4465-9211-520479338b13'); // Use Azure Linux as host OS: not in the seed edition, met (CURRENT_ONLY)
    expect(uncovered).not.toContain('d783a3e8-264f-4dac-870f-569791d1837e');
    expect(uncovered.length + new Set(Object.values(CURRENT_GUIDS).flat()).size).toBe(168);
    expect(currentEditionCoverage()).toBe(`${168 - uncovered.length} of 168 current items mapped`);
  });

  test('current-only items: known GUIDs without a seed counterpart, each under a seed item with a rule', () => {
    const seedGuids = new Set(Object.values(TRACEABILITY).flatMap((t) => t.guids));
    for (const [guid, trace] of Object.entries(CURRENT_ONLY)) {
      expect([guid, currentTitle(guid) !== undefined, seedGuids.has(guid)]).toEqual([guid, true, false]);
      expect([guid, catalogue().get(trace.item)!.facets.some((f) => f.rule)]).toEqual([guid, true]);
      expect(catalogue().get(trace.item)!.currentGuids).toContain(guid);
    }
    // the alerting baseline's items of the current edition
    expect(catalogue().get('operations/metrics-collection')!.currentGuids).toEqual(expect.arrayContaining(['67f7a9ed-5b31-4f38-a3f3-9812b2463cff', '95951d87-1a2f-4a45-833c-2fc62d23c44d']));
    expect(catalogue().get('operations/cluster-health-scanning')!.currentGuids).toEqual(expect.arrayContaining(['74c2ee76-569b-4a79-a57e-dedf91b022c9', '337453a3-cc63-4963-9a65-22ac19e80696']));
    expect(catalogue().get('operations/kubernetes-version-current')!.currentGuids).toContain('9583c0f6-6083-43f6-aa6b-df7102c901bb');
  });

  test("the README's current-edition coverage is the mapping's", () => {
    const readme = require('fs').readFileSync(require('path').join(__dirname, '../../README.md'), 'utf8') as string;
    const mapped = 168 - uncoveredCurrentGuids().length;
    expect(readme).toContain(`${mapped} of the 168 are mapped`);
  });

  test('the three GUIDs Azure/review-checklists uses for other items are flagged, with what they mean there', () => {
    expect(Object.keys(REVIEW_CHECKLIST_DIVERGENT).sort()).toEqual(['3c763963-7a55-42d5-a15e-401955387e5c', '5ae124ba-34df-4585-bcdc-e9bd3bb0cdb3', 'ecccd979-3b6b-4cda-9b50-eb2eb03dda6d']);
    for (const [guid, meaning] of Object.entries(REVIEW_CHECKLIST_DIVERGENT)) {
      expect(currentTitle(guid)).not.toEqual(meaning);
    }
    expect(reviewChecklistMeaning('3c763963-7a55-42d5-a15e-401955387e5c')).toMatch(/region replication/);
    expect(reviewChecklistMeaning('29fb411c-20a8-4c39-84df-aaa4227eaeb2')).toBeUndefined();
  });
});
