/**
 * Private Link, one way for every construct: a private DNS zone with its VNet links
 * (`privateDnsZoneWithLinks`) and a private endpoint whose DNS zone group registers it in that zone
 * (`privateEndpoint`). Both create their resources directly in the caller's scope under the ids it
 * gives, so a construct keeps its Terraform addresses.
 */
import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import type { Construct } from 'constructs';

/** What `privateDnsZoneWithLinks` creates. */
export interface PrivateDnsZoneProps {
  /** The zone's name, e.g. `privatelink.vaultcore.azure.net`. */
  readonly zoneName: string;
  /** Resource group of the zone and its links. */
  readonly resourceGroupName: string;
  /** VNets linked to the zone (registration off), one link each. */
  readonly virtualNetworkIds: readonly string[];
  /** Name of the link to the `i`-th VNet. */
  readonly linkName: (i: number) => string;
  /** Construct id of the `i`-th link. @default `${zoneId}-link-${i}` */
  readonly linkId?: (i: number) => string;
  /** Tags of the zone and the links. @default none */
  readonly tags?: Record<string, string>;
}

/** The zone and its links. */
export interface PrivateDnsZoneWithLinks {
  readonly zone: PrivateDnsZone;
  readonly links: PrivateDnsZoneVirtualNetworkLink[];
}

/** A private DNS zone (construct id `id`) linked to each of the VNets, without auto-registration. */
export function privateDnsZoneWithLinks(scope: Construct, id: string, props: PrivateDnsZoneProps): PrivateDnsZoneWithLinks {
  const zone = new PrivateDnsZone(scope, id, { name: props.zoneName, resourceGroupName: props.resourceGroupName, tags: props.tags });
  const links = props.virtualNetworkIds.map(
    (virtualNetworkId, i) =>
      new PrivateDnsZoneVirtualNetworkLink(scope, props.linkId ? props.linkId(i) : `${id}-link-${i}`, {
        name: props.linkName(i),
        resourceGroupName: props.resourceGroupName,
        privateDnsZoneName: zone.name,
        virtualNetworkId,
        registrationEnabled: false,
        tags: props.tags,
      }),
  );
  return { zone, links };
}

/** What `privateEndpoint` creates. */
export interface PrivateEndpointProps {
  /** Name of the private endpoint. */
  readonly name: string;
  readonly location: string;
  readonly resourceGroupName: string;
  /** Subnet the endpoint's NIC goes in. */
  readonly subnetId: string;
  /** Id of the resource reached through the endpoint. */
  readonly targetResourceId: string;
  /** The target's sub-resource (group id), e.g. `vault`, `registry`, `blob`. */
  readonly subresource: string;
  /** Name of the private service connection. */
  readonly connectionName: string;
  /** Id of the private DNS zone the endpoint registers its A record in. */
  readonly privateDnsZoneId: string;
  /** Name of the DNS zone group. @default `subresource` */
  readonly dnsZoneGroupName?: string;
  /** Name of the endpoint's NIC. @default Azure's generated name */
  readonly customNetworkInterfaceName?: string;
  /** @default none */
  readonly tags?: Record<string, string>;
}

/** A private endpoint (automatic approval) to one sub-resource, registered in the private DNS zone. */
export function privateEndpoint(scope: Construct, id: string, props: PrivateEndpointProps): PrivateEndpoint {
  return new PrivateEndpoint(scope, id, {
    name: props.name,
    location: props.location,
    resourceGroupName: props.resourceGroupName,
    subnetId: props.subnetId,
    customNetworkInterfaceName: props.customNetworkInterfaceName,
    privateServiceConnection: {
      name: props.connectionName,
      isManualConnection: false,
      privateConnectionResourceId: props.targetResourceId,
      subresourceNames: [props.subresource],
    },
    privateDnsZoneGroup: { name: props.dnsZoneGroupName ?? props.subresource, privateDnsZoneIds: [props.privateDnsZoneId] },
    tags: props.tags,
  });
}
