/**
 * PrivateRegistry's network: the IP rules of a loosened public endpoint, and the private link (a
 * private endpoint at home and in each replica region given a subnet, registered in the
 * privatelink.azurecr.io zone, created here with its VNet links or given by the hub).
 */
import type { ContainerRegistryNetworkRuleSet } from '@cdktf/provider-azurerm/lib/container-registry';
import type { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { Token } from 'cdktf';
import type { Construct } from 'constructs';
import { assertProp } from '../core/errors';
import { privateDnsZoneWithLinks, privateEndpoint } from '../core/private-link';
import type { GeoReplicaProps, PrivateRegistryProps } from './private-registry-props';

/** The private DNS zone of ACR's private link (public cloud). */
export const ACR_PRIVATE_DNS_ZONE = 'privatelink.azurecr.io';

/** The network rule set of a registry opened to a few ranges (publicAccess): deny all but them. */
export function networkRuleSet(props: PrivateRegistryProps): ContainerRegistryNetworkRuleSet[] | undefined {
  if (!props.publicAccess) {
    return undefined;
  }
  return [
    {
      defaultAction: 'Deny',
      ipRule: props.publicAccess.allowedIpRanges.map((ipRange) => ({ action: 'Allow', ipRange })),
    },
  ];
}

/**
 * The private endpoints of the registry `registryId` (home first) and the zone they register in,
 * created in `at`. A registry with public access disabled must have a home endpoint.
 */
export function registryPrivateLink(
  at: Construct,
  props: PrivateRegistryProps,
  registryId: string,
  home: string,
  replicas: readonly GeoReplicaProps[],
  tags: Record<string, string>,
): { endpoints: PrivateEndpoint[]; zoneId?: string } {
  const pe = props.privateEndpoint;
  if (props.publicAccess === undefined || pe !== undefined) {
    assertProp(
      pe !== undefined && typeof pe.subnetId === 'string' && pe.subnetId.length > 0,
      at,
      'privateEndpoint.subnetId',
      pe?.subnetId,
      'is missing: with public network access disabled the registry is reachable only through a private endpoint',
      "pass privateEndpoint: { subnetId } with a subnet of the spoke VNet (e.g. network.privateEndpointSubnetId)",
    );
  }
  const wanted = (pe ? 1 : 0) + replicas.filter((r) => r.privateEndpointSubnetId !== undefined).length;
  if (wanted === 0) {
    return { endpoints: [], zoneId: undefined };
  }
  const zoneId = dnsZone(at, props, tags);
  const endpoint = (id: string, location: string, subnetId: string): PrivateEndpoint =>
    privateEndpoint(at, id, {
      name: `pe-${props.name}-${location}`,
      resourceGroupName: props.resourceGroupName,
      location,
      subnetId,
      tags,
      connectionName: `psc-${props.name}-${location}`,
      targetResourceId: registryId,
      subresource: 'registry',
      privateDnsZoneId: zoneId,
    });
  const endpoints: PrivateEndpoint[] = [];
  if (pe) {
    endpoints.push(endpoint('endpoint', home, pe.subnetId));
  }
  replicas.forEach((r) => {
    if (r.privateEndpointSubnetId !== undefined) {
      endpoints.push(endpoint(`endpoint-${r.location}`, r.location, r.privateEndpointSubnetId));
    }
  });
  return { endpoints, zoneId };
}

/** The id of the zone the endpoints register in: the hub's (privateDnsZoneId), or one created here linked to the VNets. */
function dnsZone(at: Construct, props: PrivateRegistryProps, tags: Record<string, string>): string {
  const given = props.privateDnsZoneId;
  const vnets = props.dnsVirtualNetworkIds ?? [];
  if (given !== undefined) {
    assertProp(
      Token.isUnresolved(given) || new RegExp(`/privateDnsZones/${ACR_PRIVATE_DNS_ZONE.replace(/\./g, '\\.')}$`, 'i').test(given),
      at,
      'privateDnsZoneId',
      given,
      `is not the id of a '${ACR_PRIVATE_DNS_ZONE}' private DNS zone`,
      `pass the resource id of the hub's ${ACR_PRIVATE_DNS_ZONE} zone, or omit it to create the zone here`,
    );
    assertProp(vnets.length === 0, at, 'dnsVirtualNetworkIds', vnets, 'cannot be linked to a zone this construct does not own', 'link the VNets to the hub zone where the hub manages it, or omit privateDnsZoneId');
    return given;
  }
  assertProp(vnets.length > 0, at, 'dnsVirtualNetworkIds', vnets, `is empty: no VNet would resolve ${ACR_PRIVATE_DNS_ZONE} to the private endpoint`, 'list the VNets whose clients pull from the registry (the spoke VNet at least), or pass privateDnsZoneId of a hub zone');
  return privateDnsZoneWithLinks(at, 'dns-zone', {
    zoneName: ACR_PRIVATE_DNS_ZONE,
    resourceGroupName: props.resourceGroupName,
    virtualNetworkIds: vnets,
    linkId: (i) => `dns-link-${i}`,
    linkName: (i) => `${props.name}-link-${i}`,
    tags,
  }).zone.id;
}
