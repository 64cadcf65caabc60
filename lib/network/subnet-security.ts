/**
 * Network security groups of the spoke subnets, one per subnet, associated by default (the mspnp
 * AKS baseline does the same):
 * - node subnets (system, user) and the internal ingress subnet keep Azure's default rules: traffic
 *   inside the VNet and from the Azure load balancer is allowed, everything else inbound (the
 *   Internet) is denied. AKS needs node-to-node, pod and load balancer traffic there; an NSG that
 *   blocks it breaks the cluster, and egress is filtered by the firewall, not by NSGs.
 * - the API server subnet allows what API Server VNet Integration documents (nodes to the API
 *   server on TCP 443 and 4443, the Azure load balancer's probe on TCP 9988), HTTPS from the VNet
 *   (kubectl and Terraform from the hub), and denies every other inbound flow.
 * - the private endpoint subnet allows HTTPS from the VNet and denies every other inbound and all
 *   outbound traffic (private endpoints answer, they never initiate).
 */
import { NetworkSecurityGroup } from '@cdktf/provider-azurerm/lib/network-security-group';
import { NetworkSecurityRule } from '@cdktf/provider-azurerm/lib/network-security-rule';
import { Construct } from 'constructs';
import { libraryStack } from '../synth/library-stack';
import type { SubnetPurpose } from './ip-planner';
import { API_SERVER_NODE_PORTS, API_SERVER_PROBE_PORT } from './rules';

/** One security rule of a subnet NSG. */
export interface SubnetSecurityRule {
  readonly name: string;
  readonly priority: number;
  readonly direction: 'Inbound' | 'Outbound';
  readonly access: 'Allow' | 'Deny';
  readonly protocol: 'Tcp' | 'Udp' | '*';
  /** Source CIDRs or a service tag. */
  readonly sources: readonly string[];
  readonly destination: string;
  /** Destination ports ('*' for any). */
  readonly ports: readonly string[];
  readonly description: string;
}


/**
 * The security rules of a spoke subnet by purpose.
 * @param purpose the subnet's purpose
 * @param subnetCidr the subnet's own range (the rules' destination)
 * @param nodeCidrs the node subnets' ranges (sources of the API server rules)
 */
export function subnetSecurityRules(purpose: SubnetPurpose, subnetCidr: string, nodeCidrs: readonly string[]): SubnetSecurityRule[] {
  const denyInbound: SubnetSecurityRule = { name: 'DenyOtherInbound', priority: 4096, direction: 'Inbound', access: 'Deny', protocol: '*', sources: ['*'], destination: '*', ports: ['*'], description: 'Nothing else reaches this subnet' };
  if (purpose === 'api-server') {
    return [
      { name: 'AllowNodesToApiServer', priority: 100, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', sources: [...nodeCidrs], destination: subnetCidr, ports: [...API_SERVER_NODE_PORTS], description: 'Nodes to the API server (API Server VNet Integration)' },
      { name: 'AllowAzureLoadBalancerProbe', priority: 110, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', sources: ['AzureLoadBalancer'], destination: subnetCidr, ports: [API_SERVER_PROBE_PORT], description: "The API server internal load balancer's health probe" },
      { name: 'AllowVnetHttpsToApiServer', priority: 120, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', sources: ['VirtualNetwork'], destination: subnetCidr, ports: ['443'], description: 'kubectl and Terraform from the VNet and peered hub' },
      denyInbound,
    ];
  }
  if (purpose === 'private-endpoints') {
    return [
      { name: 'AllowVnetHttpsToPrivateEndpoints', priority: 100, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', sources: ['VirtualNetwork'], destination: subnetCidr, ports: ['443'], description: 'HTTPS from the VNet to the private endpoints (registry, vault, storage)' },
      denyInbound,
      { name: 'DenyAllOutbound', priority: 4096, direction: 'Outbound', access: 'Deny', protocol: '*', sources: ['*'], destination: '*', ports: ['*'], description: 'Private endpoints only answer' },
    ];
  }
  return [];
}

/** Props of SubnetSecurityGroup. */
export interface SubnetSecurityGroupProps {
  /** NSG name (1-80 characters). */
  readonly name: string;
  readonly resourceGroupName: string;
  readonly location: string;
  readonly rules: readonly SubnetSecurityRule[];
  /**
   * Tags of the NSG.
   * @default {}
   */
  readonly tags?: Readonly<Record<string, string>>;
}

/** An NSG with standalone rules (azurerm_network_security_rule). */
export class SubnetSecurityGroup extends Construct {
  public readonly networkSecurityGroup: NetworkSecurityGroup;

  public constructor(scope: Construct, id: string, props: SubnetSecurityGroupProps) {
    super(scope, id);
    libraryStack(this);
    this.networkSecurityGroup = new NetworkSecurityGroup(this, 'nsg', {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      tags: props.tags && Object.keys(props.tags).length > 0 ? { ...props.tags } : undefined,
    });
    for (const rule of props.rules) {
      const single = rule.sources.length === 1;
      const anyPort = rule.ports.length === 1 && rule.ports[0] === '*';
      new NetworkSecurityRule(this, `rule-${rule.name}`, {
        name: rule.name,
        description: rule.description,
        resourceGroupName: props.resourceGroupName,
        networkSecurityGroupName: this.networkSecurityGroup.name,
        priority: rule.priority,
        direction: rule.direction,
        access: rule.access,
        protocol: rule.protocol,
        sourcePortRange: '*',
        sourceAddressPrefix: single ? rule.sources[0] : undefined,
        sourceAddressPrefixes: single ? undefined : [...rule.sources],
        destinationAddressPrefix: rule.destination,
        destinationPortRange: anyPort ? '*' : undefined,
        destinationPortRanges: anyPort ? undefined : [...rule.ports],
      });
    }
  }
}
