/**
 * Stacks for the egress tests: a hub with the firewall, a spoke with a node subnet, and a raw
 * AKS cluster that uses the firewall as its egress path.
 */
import { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { TerraformStack } from 'cdktf';
import { EgressFirewall, EgressFirewallProps } from '../../lib/egress';

export const WORKSPACE_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ops/providers/Microsoft.OperationalInsights/workspaces/law-ops';

/** Props of a firewall in westeurope with an existing hub VNet. */
export function baseProps(overrides: Partial<EgressFirewallProps> = {}): EgressFirewallProps {
  return {
    name: 'plat',
    resourceGroupName: 'rg-hub',
    location: 'westeurope',
    hubNetwork: { name: 'vnet-hub', addressSpace: ['10.0.0.0/22'] },
    firewallSubnet: { addressPrefix: '10.0.0.0/26' },
    logAnalyticsWorkspaceId: WORKSPACE_ID,
    ...overrides,
  };
}

export interface Spoke {
  readonly vnet: VirtualNetwork;
  readonly nodes: Subnet;
}

/** A spoke VNet with a node subnet. */
export function spoke(stack: TerraformStack, location = 'westeurope'): Spoke {
  const vnet = new VirtualNetwork(stack, 'spoke', { name: 'vnet-spoke', resourceGroupName: 'rg-spoke', location, addressSpace: ['10.1.0.0/16'] });
  const nodes = new Subnet(stack, 'nodes', { name: 'snet-nodes', resourceGroupName: 'rg-spoke', virtualNetworkName: vnet.name, addressPrefixes: ['10.1.0.0/22'] });
  return { vnet, nodes };
}

/** The spoke as EgressFirewall props. */
export function spokeProps(s: Spoke, location = 'westeurope'): Partial<EgressFirewallProps> {
  return {
    spokes: [{ vnetId: s.vnet.id, vnetName: s.vnet.name, resourceGroupName: 'rg-spoke', location }],
    nodeSubnets: [{ id: s.nodes.id, addressPrefixes: ['10.1.0.0/22'], vnetId: s.vnet.id, location }],
  };
}

/** A firewall with its spoke. */
export function firewallStack(stack: TerraformStack, overrides: Partial<EgressFirewallProps> = {}): { fw: EgressFirewall; spoke: Spoke } {
  const s = spoke(stack);
  const fw = new EgressFirewall(stack, 'egress', baseProps({ ...spokeProps(s), ...overrides }));
  return { fw, spoke: s };
}

/** A raw AKS cluster on the spoke's node subnet. */
export function cluster(stack: TerraformStack, s: Spoke, fw: EgressFirewall | undefined, options: { private?: boolean; authorizedRanges?: string[] } = {}): KubernetesCluster {
  const isPrivate = options.private ?? true;
  return new KubernetesCluster(stack, 'aks', {
    name: 'aks-plat',
    resourceGroupName: 'rg-spoke',
    location: 'westeurope',
    dnsPrefix: isPrivate ? undefined : 'aks-plat',
    dnsPrefixPrivateCluster: isPrivate ? 'aks-plat' : undefined,
    privateClusterEnabled: isPrivate,
    defaultNodePool: { name: 'system', vmSize: 'Standard_D4ds_v5', nodeCount: 3, vnetSubnetId: s.nodes.id, zones: ['1', '2', '3'] },
    identity: { type: 'SystemAssigned' },
    networkProfile: { networkPlugin: 'azure', networkPluginMode: 'overlay', outboundType: fw ? fw.outboundType : 'loadBalancer' },
    apiServerAccessProfile: options.authorizedRanges ? { authorizedIpRanges: options.authorizedRanges } : undefined,
    dependsOn: fw ? [...fw.dependables] : undefined,
  });
}
