/** The validation kit (lib/core/validate.ts): Regions, availability zones and VM sizes. */
import { ErrorSubject, PropError } from '../errors';
import { normalizeRegion, RegionInfo, regionInfo, regionNames } from '../regions';
import { VmSizeSpec, vmSizeNames, vmSizeSpec } from '../vm-sizes';
import { nearest } from './basic';
import { checkTags } from './names';
import { isToken } from './tokens';

// ---------------------------------------------------------------------------------------------
// Regions

/**
 * Checks an Azure region against the region table (lib/core/regions.ts) and returns what the
 * library knows of it; undefined for a token. A typo gets the nearest region as its fix.
 */
export function checkRegion(at: ErrorSubject, prop: string, value: unknown): RegionInfo | undefined {
  if (isToken(value)) {
    return undefined;
  }
  const info = typeof value === 'string' ? regionInfo(value) : undefined;
  if (info === undefined) {
    const near = typeof value === 'string' ? nearest(normalizeRegion(value), regionNames()) : undefined;
    throw new PropError(
      at,
      prop,
      value,
      'is not an Azure region',
      `${near ? `did you mean '${near}'? Otherwise give` : 'give'} a region's programmatic name, e.g. 'westeurope' ('az account list-locations -o table'); for a region newer than this library, call registerRegion() first`,
    );
  }
  return info;
}

/** Checks a region and that it is not access-restricted (a support request is needed to deploy there). */
export function checkOpenRegion(at: ErrorSubject, prop: string, value: unknown, what = 'this resource'): RegionInfo | undefined {
  const info = checkRegion(at, prop, value);
  if (info?.restricted) {
    throw new PropError(
      at,
      prop,
      value,
      `is an access-restricted region: ${what} cannot be created there without a support request`,
      `choose an open region${info.pair ? ` (e.g. '${info.pair}')` : ''}, or request access for the subscription first and register the region with registerRegion({ name: '${info.name}', zones: ${info.zones}, restricted: false })`,
    );
  }
  return info;
}

/** Checks that a region has availability zones when a zonal or zone-redundant feature is asked for. */
export function checkZonesIn(at: ErrorSubject, prop: string, value: unknown, location: string | undefined, what: string, fix?: string): void {
  if (location === undefined || isToken(location)) {
    return;
  }
  const info = regionInfo(location);
  if (info && !info.zones) {
    const zoned = regionNames().filter((n) => regionInfo(n)?.zones && !regionInfo(n)?.restricted);
    const near = info.pair && regionInfo(info.pair)?.zones ? info.pair : nearest(info.name, zoned);
    throw new PropError(
      at,
      prop,
      value,
      `asks for ${what}, but ${info.name} has no availability zones`,
      `${fix === '' ? '' : `${fix ?? `leave zones out in ${info.name}`}, or `}deploy to a region with availability zones${near ? ` (e.g. '${near}')` : ''}`,
    );
  }
}

/**
 * Checks where a resource goes: its region (the table in lib/core/regions.ts) and its tags
 * (Azure's limits). Returns the region's entry (undefined for a token).
 */
export function checkPlacement(at: ErrorSubject, props: { readonly location?: unknown; readonly tags?: Readonly<Record<string, unknown>> }, options: { readonly storage?: boolean } = {}): RegionInfo | undefined {
  checkTags(at, 'tags', props.tags, options);
  return props.location === undefined ? undefined : checkRegion(at, 'location', props.location);
}
// ---------------------------------------------------------------------------------------------
// VM sizes

/**
 * Checks a VM size against the catalogue (lib/core/vm-sizes.ts): a name Azure offers (a typo gets
 * the nearest size), with at least `minVcpus` and `minMemoryGiB` when given. Returns its entry
 * (undefined for a token).
 * @param minimum e.g. `{ vcpus: 2, memoryGiB: 4, what: 'the AKS minimum for a system pool' }`
 */
export function checkVmSize(at: ErrorSubject, prop: string, value: unknown, minimum?: { readonly vcpus: number; readonly memoryGiB: number; readonly what: string }): VmSizeSpec | undefined {
  if (isToken(value)) {
    return undefined;
  }
  const spec = typeof value === 'string' ? vmSizeSpec(value) : undefined;
  if (!spec) {
    const near = typeof value === 'string' ? nearest(value, vmSizeNames()) : undefined;
    throw new PropError(
      at,
      prop,
      value,
      'is not a VM size Azure offers',
      `${near ? `did you mean '${near}'? Otherwise give` : 'give'} a size name such as 'Standard_D4ds_v5' ('az vm list-sizes --location <region> -o table'); for a size newer than this library, call registerVmSize() first`,
    );
  }
  if (minimum && (spec.vcpus < minimum.vcpus || spec.memoryGiB < minimum.memoryGiB)) {
    throw new PropError(
      at,
      prop,
      value,
      `has ${spec.vcpus} vCPU${spec.vcpus === 1 ? '' : 's'} and ${spec.memoryGiB} GiB, below ${minimum.what} (${minimum.vcpus} vCPUs, ${minimum.memoryGiB} GiB)`,
      `use a size with at least ${minimum.vcpus} vCPUs and ${minimum.memoryGiB} GiB, e.g. 'Standard_D4ds_v5'`,
    );
  }
  return spec;
}
