/**
 * The hub side of EgressFirewall's network: the hub VNet (created or existing), AzureFirewallSubnet
 * and AzureFirewallManagementSubnet as standalone subnets, and the hub <-> spoke peerings. The
 * resources are created in the firewall's scope, under the ids it always used.
 */
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { VirtualNetworkPeering } from '@cdktf/provider-azurerm/lib/virtual-network-peering';
import { dependable } from 'cdktf';
import type { Construct } from 'constructs';
import { parseCidr } from '../core/cidr';
import { assertProp } from '../core/errors';
import { HubBastion } from './bastion';
import type { EgressFirewallProps, FirewallTier, PeeredSpoke } from './egress-firewall-props';
import { FIREWALL_MANAGEMENT_SUBNET_NAME, FIREWALL_SUBNET_NAME } from './rules';
import { requireDisjoint, requireSubnet } from './validation';
import { isToken } from '../core/validate';

const C = 'EgressFirewall';

/** The hub VNet and the firewall's subnets. */
export interface HubNetwork {
  /** The hub VNet, when the firewall creates it. */
  readonly vnet?: VirtualNetwork;
  readonly vnetName: string;
  readonly vnetId: string;
  /** The hub's resource group. */
  readonly resourceGroupName: string;
  /** The hub's address space, when known (to check subnets lie inside it). */
  readonly addressSpace?: readonly string[];
  readonly firewallSubnet: Subnet;
  readonly managementSubnet?: Subnet;
  /** What the hub's subnets wait for (the hub VNet, when created here). */
  readonly subnetDependsOn: readonly VirtualNetwork[];
}

/** Validates the hub props and creates the hub VNet (when asked) and the firewall's subnets in `scope`. */
export function createHubNetwork(scope: Construct, props: EgressFirewallProps, tier: FirewallTier, tags: Record<string, string>): HubNetwork {
  assertProp(!!props.hubNetwork !== !!props.existingHubNetwork, C, 'hubNetwork', props.hubNetwork ?? props.existingHubNetwork ?? null, 'must be given, or existingHubNetwork, not both nor neither', 'give hubNetwork to create the hub VNet, or existingHubNetwork to use one');
  const addressSpace = props.hubNetwork?.addressSpace ?? props.existingHubNetwork?.addressSpace;
  let vnet: VirtualNetwork | undefined;
  let resourceGroupName: string;
  let vnetName: string;
  let vnetId: string;
  if (props.hubNetwork) {
    for (const cidr of props.hubNetwork.addressSpace) {
      assertProp(isToken(cidr) || parseCidr(cidr) !== undefined, C, 'hubNetwork.addressSpace', cidr, 'is not a valid IPv4 CIDR', 'give blocks such as 10.0.0.0/22');
    }
    resourceGroupName = props.resourceGroupName;
    vnet = new VirtualNetwork(scope, 'hub', {
      name: props.hubNetwork.name,
      resourceGroupName,
      location: props.location,
      addressSpace: [...props.hubNetwork.addressSpace],
      tags,
    });
    vnetName = vnet.name;
    vnetId = vnet.id;
  } else {
    const hub = props.existingHubNetwork!;
    resourceGroupName = hub.resourceGroupName ?? props.resourceGroupName;
    vnetName = hub.name;
    vnetId = hub.id;
  }

  requireSubnet(C, 'firewallSubnet', props.firewallSubnet.name ?? FIREWALL_SUBNET_NAME, props.firewallSubnet.addressPrefix, FIREWALL_SUBNET_NAME, addressSpace);
  if (props.managementSubnet) {
    requireSubnet(C, 'managementSubnet', props.managementSubnet.name ?? FIREWALL_MANAGEMENT_SUBNET_NAME, props.managementSubnet.addressPrefix, FIREWALL_MANAGEMENT_SUBNET_NAME, addressSpace);
  }
  assertProp(
    tier !== 'Basic' || !!props.managementSubnet,
    C,
    'managementSubnet',
    props.managementSubnet ?? null,
    'is missing: the Basic tier sends its management traffic through AzureFirewallManagementSubnet with its own public IP',
    "give managementSubnet: { addressPrefix: '<a /26 of the hub>' }, or use tier 'Standard' or 'Premium'",
  );
  requireDisjoint(C, [
    { prop: 'firewallSubnet.addressPrefix', prefix: props.firewallSubnet.addressPrefix },
    ...(props.managementSubnet ? [{ prop: 'managementSubnet.addressPrefix', prefix: props.managementSubnet.addressPrefix }] : []),
    ...(props.bastion ? [{ prop: 'bastion.subnetAddressPrefix', prefix: props.bastion.subnetAddressPrefix }] : []),
  ]);
  const subnetDependsOn = vnet ? [vnet] : [];
  const firewallSubnet = new Subnet(scope, 'firewall-subnet', {
    name: FIREWALL_SUBNET_NAME,
    resourceGroupName,
    virtualNetworkName: vnetName,
    addressPrefixes: [props.firewallSubnet.addressPrefix],
    dependsOn: subnetDependsOn,
  });
  const managementSubnet = props.managementSubnet
    ? new Subnet(scope, 'management-subnet', {
        name: FIREWALL_MANAGEMENT_SUBNET_NAME,
        resourceGroupName,
        virtualNetworkName: vnetName,
        addressPrefixes: [props.managementSubnet.addressPrefix],
        dependsOn: subnetDependsOn,
      })
    : undefined;
  return { vnet, vnetName, vnetId, resourceGroupName, addressSpace, firewallSubnet, managementSubnet, subnetDependsOn };
}

/** Peers a spoke with the hub both ways (forwarded traffic allowed), as the `i`-th spoke of the firewall in `scope`. */
export function peerHubAndSpoke(scope: Construct, hub: HubNetwork, spoke: PeeredSpoke, i: number): void {
  const spokeName = isToken(spoke.vnetName) ? `spoke-${i}` : spoke.vnetName;
  new VirtualNetworkPeering(scope, `hub-to-spoke-${i}`, {
    name: `hub-to-${spokeName}`,
    resourceGroupName: hub.resourceGroupName,
    virtualNetworkName: hub.vnetName,
    remoteVirtualNetworkId: spoke.vnetId,
    allowVirtualNetworkAccess: true,
    allowForwardedTraffic: true,
    dependsOn: hub.vnet ? [hub.vnet] : [],
  });
  new VirtualNetworkPeering(scope, `spoke-to-hub-${i}`, {
    name: `${spokeName}-to-hub`,
    resourceGroupName: spoke.resourceGroupName,
    virtualNetworkName: spoke.vnetName,
    remoteVirtualNetworkId: hub.vnetId,
    allowVirtualNetworkAccess: true,
    // Return traffic from the Internet arrives forwarded by the firewall.
    allowForwardedTraffic: true,
  });
}

/** Azure Bastion in the hub (props.bastion given), its subnet created after the hub VNet. */
export function createHubBastion(scope: Construct, props: EgressFirewallProps, hub: HubNetwork, tags: Record<string, string>, zones: string[] | undefined): HubBastion {
  const bastion = new HubBastion(
    scope,
    'bastion',
    {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      tags,
      virtualNetworkName: hub.vnetName,
      virtualNetworkResourceGroupName: hub.resourceGroupName,
      subnetAddressPrefix: props.bastion!.subnetAddressPrefix,
      subnetName: props.bastion!.subnetName,
      scaleUnits: props.bastion!.scaleUnits,
      hubAddressSpace: hub.addressSpace,
      zones,
    },
    scope,
    'bastion.',
  );
  // dependable(), not .fqn: depends_on takes bare references; Terraform rejects "${...}" there.
  bastion.subnet.dependsOn = hub.subnetDependsOn.map((d) => dependable(d));
  return bastion;
}
