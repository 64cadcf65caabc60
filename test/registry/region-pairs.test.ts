import { normalizeRegion, pairedRegion, REGIONS, regionInfo } from '../../lib/registry/region-pairs';

describe('region pairs', () => {
  test('every pair points at a region the table knows', () => {
    const unknown = Object.values(REGIONS).filter((r) => r.pair !== undefined && REGIONS[r.pair] === undefined);
    expect(unknown).toEqual([]);
  });

  test('pairs are symmetric except the documented one-way pairs', () => {
    const oneWay = Object.values(REGIONS)
      .filter((r) => r.pair !== undefined && REGIONS[r.pair].pair !== r.name)
      .map((r) => `${r.name}->${r.pair}`);
    expect(oneWay.sort()).toEqual(['brazilsouth->southcentralus', 'brazilsoutheast->brazilsouth', 'westindia->southindia', 'westus3->eastus'].sort());
  });

  test('display names and programmatic names read the same', () => {
    expect(normalizeRegion('West Europe')).toBe('westeurope');
    expect(pairedRegion('Germany West Central')).toBe('germanynorth');
    expect(pairedRegion('eastus2')).toBe('centralus');
    expect(regionInfo('westus')?.zones).toBe(false);
  });

  test('unknown and nonpaired regions have no pair', () => {
    expect(pairedRegion('atlantis')).toBeUndefined();
    expect(pairedRegion('italynorth')).toBeUndefined();
  });
});
