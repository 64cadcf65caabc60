/**
 * PrivateRegistry's geo-replication: the replicas (given, or by default the home region's Azure
 * pair; off takes a reason) and their georeplications blocks.
 */
import type { ContainerRegistryGeoreplications } from '@cdktf/provider-azurerm/lib/container-registry';
import type { Construct } from 'constructs';
import { assertProp, PropError } from '../core/errors';
import { normalizeRegion, pairedRegion, regionInfo } from '../core/regions';
import type { GeoReplicaProps, PrivateRegistryProps } from './private-registry-props';
import { checkLoosening, checkOpenRegion } from '../core/validate';

/**
 * The replicas of a registry in `home` (programmatic region name): the given ones (checked), none
 * when turned off (with a reason) or on a lower SKU by default, else the home region's pair.
 */
export function resolveReplicas(at: Construct, props: PrivateRegistryProps, home: string, premium: boolean): GeoReplicaProps[] {
  const given = props.geoReplicas;
  if (Array.isArray(given) && given.length === 0) {
    throw new PropError(at, 'geoReplicas', given, 'turns geo-replication off without a reason', "give geoReplicas: { disabled: true, reason: '<why>' } (recorded as a waiver in the checklist report), or list the replicas");
  }
  if (given !== undefined && !Array.isArray(given)) {
    checkLoosening(at, 'geoReplicas', given, 'disabled', [true], 'geo-replication off');
    return [];
  }
  if (given === undefined) {
    if (!premium) {
      return [];
    }
    const info = regionInfo(home);
    const pair = pairedRegion(home);
    if (pair && regionInfo(pair)?.restricted) {
      throw new PropError(
        at,
        'location',
        props.location,
        `has the access-restricted region '${pair}' as its Azure pair, so the default geo-replica cannot be created there without a support request`,
        "give geoReplicas explicitly with an open region, e.g. geoReplicas: [{ location: 'westeurope' }], or geoReplicas: { disabled: true, reason: '<why>' }",
      );
    }
    if (!pair) {
      throw new PropError(
        at,
        'location',
        props.location,
        info ? 'is a region with no Azure pair, so there is no default geo-replica' : 'is a region the library does not know, so it cannot pick the paired region for the default geo-replica',
        "give geoReplicas explicitly, e.g. geoReplicas: [{ location: 'westeurope' }], or geoReplicas: { disabled: true, reason: '<why>' }",
      );
    }
    return [{ location: pair }];
  }
  const seen = new Set<string>();
  return (given as readonly GeoReplicaProps[]).map((r, i) => {
    checkOpenRegion(at, `geoReplicas[${i}].location`, r.location, 'a registry replica');
    const location = normalizeRegion(r.location);
    assertProp(location !== home, at, `geoReplicas[${i}].location`, r.location, `is the home region '${home}'`, 'replicate to another region: the home region already holds the registry');
    assertProp(!seen.has(location), at, `geoReplicas[${i}].location`, r.location, 'is given twice', 'list each replica region once');
    seen.add(location);
    return { ...r, location };
  });
}

/** The registry's georeplications blocks: zone-redundant where the region has zones, no regional endpoint. */
export function georeplications(replicas: readonly GeoReplicaProps[], tags: Record<string, string>): ContainerRegistryGeoreplications[] | undefined {
  return replicas.length === 0
    ? undefined
    : replicas.map((r) => ({
        location: r.location,
        zoneRedundancyEnabled: regionInfo(r.location)?.zones ?? true,
        regionalEndpointEnabled: false,
        tags,
      }));
}
