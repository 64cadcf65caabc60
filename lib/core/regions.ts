/**
 * The one region table of the library: every Azure region a location prop may name, its paired
 * region, whether it has availability zones, and whether access to it is restricted. Pure data, no
 * cdktf: constructs validate locations against it, the registry picks its default replica from it,
 * and rules may read it.
 *
 * Source: Microsoft Learn, "Azure regions list" (learn.microsoft.com/azure/reliability/regions-list)
 * and "Azure region pairs and nonpaired regions". Pairs are not always symmetric: Brazil South ->
 * South Central US, West US 3 -> East US, West India -> South India, Brazil Southeast -> Brazil
 * South, US Gov Arizona -> US Gov Texas. Restricted regions need a support request before anything
 * (a registry replica included) can be created there. Newer regions have no pair.
 *
 * A region that opened after this table was written can be added with `registerRegion`.
 */

/** What the library knows about a region. */
export interface RegionInfo {
  /** Programmatic name, e.g. `westeurope`. */
  readonly name: string;
  /** The paired region's programmatic name, when the region has a pair. */
  readonly pair?: string;
  /** Whether the region has availability zones (zonal pools, ZRS storage, zone-redundant vaults and registries). */
  readonly zones: boolean;
  /** Access-restricted region: a support request is needed to deploy there. */
  readonly restricted?: boolean;
}

const R = (name: string, pair: string | undefined, zones: boolean, restricted = false): RegionInfo => ({ name, pair, zones, restricted });

const TABLE: RegionInfo[] = [
  // Asia Pacific
  R('eastasia', 'southeastasia', true),
  R('southeastasia', 'eastasia', true),
  R('indonesiacentral', undefined, true),
  R('malaysiawest', undefined, true),
  // Australia
  R('australiaeast', 'australiasoutheast', true),
  R('australiasoutheast', 'australiaeast', false),
  R('australiacentral', 'australiacentral2', false),
  R('australiacentral2', 'australiacentral', false, true),
  // Brazil and Chile
  R('brazilsouth', 'southcentralus', true),
  R('brazilsoutheast', 'brazilsouth', false, true),
  R('chilecentral', undefined, true),
  // Canada
  R('canadacentral', 'canadaeast', true),
  R('canadaeast', 'canadacentral', false),
  // Europe
  R('northeurope', 'westeurope', true),
  R('westeurope', 'northeurope', true),
  R('austriaeast', undefined, true),
  R('belgiumcentral', undefined, true),
  R('denmarkeast', undefined, true),
  R('italynorth', undefined, true),
  R('polandcentral', undefined, true),
  R('spaincentral', undefined, true),
  // France
  R('francecentral', 'francesouth', true),
  R('francesouth', 'francecentral', false, true),
  // Germany
  R('germanywestcentral', 'germanynorth', true),
  R('germanynorth', 'germanywestcentral', false, true),
  // India
  R('centralindia', 'southindia', true),
  R('southindia', 'centralindia', false),
  R('westindia', 'southindia', false),
  R('jioindiacentral', 'jioindiawest', false, true),
  R('jioindiawest', 'jioindiacentral', false, true),
  // Israel and Qatar
  R('israelcentral', undefined, true),
  R('qatarcentral', undefined, true),
  // Japan
  R('japaneast', 'japanwest', true),
  R('japanwest', 'japaneast', true),
  // Korea
  R('koreacentral', 'koreasouth', true),
  R('koreasouth', 'koreacentral', false),
  // Mexico
  R('mexicocentral', undefined, true),
  // New Zealand
  R('newzealandnorth', undefined, true),
  // North America
  R('eastus', 'westus', true),
  R('westus', 'eastus', false),
  R('eastus2', 'centralus', true),
  R('centralus', 'eastus2', true),
  R('northcentralus', 'southcentralus', false),
  R('southcentralus', 'northcentralus', true),
  R('westus2', 'westcentralus', true),
  R('westcentralus', 'westus2', false),
  R('westus3', 'eastus', true),
  // Norway
  R('norwayeast', 'norwaywest', true),
  R('norwaywest', 'norwayeast', false, true),
  // South Africa
  R('southafricanorth', 'southafricawest', true),
  R('southafricawest', 'southafricanorth', false, true),
  // Sweden
  R('swedencentral', 'swedensouth', true),
  R('swedensouth', 'swedencentral', false, true),
  // Switzerland
  R('switzerlandnorth', 'switzerlandwest', true),
  R('switzerlandwest', 'switzerlandnorth', false, true),
  // United Arab Emirates
  R('uaenorth', 'uaecentral', true),
  R('uaecentral', 'uaenorth', false, true),
  // United Kingdom
  R('uksouth', 'ukwest', true),
  R('ukwest', 'uksouth', false),
  // Azure Government
  R('usgovvirginia', 'usgovtexas', true),
  R('usgovtexas', 'usgovvirginia', false),
  R('usgovarizona', 'usgovtexas', false),
  R('usdodeast', 'usdodcentral', false),
  R('usdodcentral', 'usdodeast', false),
  // Azure operated by 21Vianet (China)
  R('chinanorth', 'chinaeast', false),
  R('chinaeast', 'chinanorth', false),
  R('chinanorth2', 'chinaeast2', false),
  R('chinaeast2', 'chinanorth2', false),
  R('chinanorth3', 'chinaeast3', true),
  R('chinaeast3', 'chinanorth3', false),
];

const regions: Record<string, RegionInfo> = Object.fromEntries(TABLE.map((r) => [r.name, r]));

/** The regions the library knows, keyed by programmatic name. */
export const REGIONS: Readonly<Record<string, RegionInfo>> = regions;

/**
 * Adds a region the table does not know yet (one that opened after this release), so that location
 * props accept it. Call it once, before constructing anything in that region.
 */
export function registerRegion(info: RegionInfo): void {
  const name = normalizeRegion(info.name);
  regions[name] = { ...info, name, pair: info.pair === undefined ? undefined : normalizeRegion(info.pair) };
}

/** `West Europe`, `westeurope` and `WestEurope` all become `westeurope`. */
export function normalizeRegion(location: string): string {
  return location.replace(/\s+/g, '').toLowerCase();
}

/** What the library knows about a region; undefined for a region it does not know. */
export function regionInfo(location: string): RegionInfo | undefined {
  const name = normalizeRegion(location);
  return Object.prototype.hasOwnProperty.call(regions, name) ? regions[name] : undefined;
}

/** The paired region of a known region; undefined for an unknown or nonpaired region. */
export function pairedRegion(location: string): string | undefined {
  return regionInfo(location)?.pair;
}

/** Every known region's programmatic name. */
export function regionNames(): readonly string[] {
  return Object.keys(regions);
}
