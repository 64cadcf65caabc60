/**
 * Azure region pairs (public cloud), for the registry's default geo-replica, and whether a region
 * has availability zones (a zone-redundant replica needs them).
 *
 * Source: Microsoft Learn, "Azure region pairs and nonpaired regions"
 * (learn.microsoft.com/azure/reliability/cross-region-replication-azure) and the ACR zone
 * redundancy region list. Pairs are not always symmetric: Brazil South -> South Central US,
 * West US 3 -> East US, West India -> South India, Brazil Southeast -> Brazil South. Regions
 * marked restricted need a support request before a registry replica can be created there.
 * Newer regions (Italy North, Poland Central, Israel Central, Spain Central, Mexico Central,
 * New Zealand North, Qatar Central ...) have no pair: give `geoReplicas` explicitly for them.
 */

/** What the library knows about a region. */
export interface RegionInfo {
  /** Programmatic name, e.g. `westeurope`. */
  readonly name: string;
  /** The paired region's programmatic name, when the region has a pair. */
  readonly pair?: string;
  /** Whether the region has availability zones (zone-redundant registries and replicas). */
  readonly zones: boolean;
  /** Access-restricted region: a support request is needed to deploy there. */
  readonly restricted?: boolean;
}

const R = (name: string, pair: string | undefined, zones: boolean, restricted = false): RegionInfo => ({ name, pair, zones, restricted });

/** The regions the library knows, keyed by programmatic name. */
export const REGIONS: Readonly<Record<string, RegionInfo>> = Object.fromEntries(
  [
    // Asia Pacific
    R('eastasia', 'southeastasia', true),
    R('southeastasia', 'eastasia', true),
    // Australia
    R('australiaeast', 'australiasoutheast', true),
    R('australiasoutheast', 'australiaeast', false),
    R('australiacentral', 'australiacentral2', false),
    R('australiacentral2', 'australiacentral', false, true),
    // Brazil
    R('brazilsouth', 'southcentralus', true),
    R('brazilsoutheast', 'brazilsouth', false, true),
    // Canada
    R('canadacentral', 'canadaeast', true),
    R('canadaeast', 'canadacentral', false),
    // Europe
    R('northeurope', 'westeurope', true),
    R('westeurope', 'northeurope', true),
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
    // Japan
    R('japaneast', 'japanwest', true),
    R('japanwest', 'japaneast', false),
    // Korea
    R('koreacentral', 'koreasouth', true),
    R('koreasouth', 'koreacentral', false),
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
    // Nonpaired regions with availability zones
    R('italynorth', undefined, true),
    R('polandcentral', undefined, true),
    R('israelcentral', undefined, true),
    R('spaincentral', undefined, true),
    R('mexicocentral', undefined, true),
    R('newzealandnorth', undefined, true),
    R('qatarcentral', undefined, true),
  ].map((r) => [r.name, r]),
);

/** `West Europe`, `westeurope` and `WestEurope` all become `westeurope`. */
export function normalizeRegion(location: string): string {
  return location.replace(/\s+/g, '').toLowerCase();
}

/** What the library knows about a region; undefined for a region it does not know. */
export function regionInfo(location: string): RegionInfo | undefined {
  return REGIONS[normalizeRegion(location)];
}

/** The paired region of a known region; undefined for an unknown or nonpaired region. */
export function pairedRegion(location: string): string | undefined {
  return regionInfo(location)?.pair;
}
