/**
 * HubBastion: Azure Bastion (Standard) in a hub VNet's AzureBastionSubnet, with exactly the NSG
 * rules Bastion requires ("Working with NSG access and Azure Bastion") and nothing else open to
 * the Internet. Nodes are reached through Bastion (native client / IP-based connection), never
 * through public IPs on nodes.
 */
import { BastionHost } from '@cdktf/provider-azurerm/lib/bastion-host';
import { NetworkSecurityGroup } from '@cdktf/provider-azurerm/lib/network-security-group';
import { NetworkSecurityRule } from '@cdktf/provider-azurerm/lib/network-security-rule';
import { PublicIp } from '@cdktf/provider-azurerm/lib/public-ip';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { SubnetNetworkSecurityGroupAssociation } from '@cdktf/provider-azurerm/lib/subnet-network-security-group-association';
import { Construct } from 'constructs';
import { libraryStack } from '../synth/library-stack';
import type { PlacementProps } from '../core/contracts';
import { ErrorSubject, PropError } from '../core/errors';
import { BASTION_SUBNET_NAME } from './rules';
import { requireSubnet } from './validation';
import { checkPlacement } from '../core/validate';

/** Props of HubBastion. */
export interface HubBastionProps extends PlacementProps {
  /** Base name of the resources (`<name>-bastion`, `<name>-bastion-pip`, `<name>-bastion-nsg`). */
  readonly name: string;
  /** Name of the hub VNet the subnet is created in. */
  readonly virtualNetworkName: string;
  /**
   * Resource group of the hub VNet.
   * @default `resourceGroupName`
   */
  readonly virtualNetworkResourceGroupName?: string;
  /** Address prefix of AzureBastionSubnet: /26 or larger. */
  readonly subnetAddressPrefix: string;
  /**
   * The subnet's name: Azure accepts only `AzureBastionSubnet`.
   * @default 'AzureBastionSubnet'
   */
  readonly subnetName?: string;
  /** Hub address space, when known, to check the subnet lies inside it. @default not checked */
  readonly hubAddressSpace?: readonly string[];
  /**
   * Scale units (2-50) of the Standard SKU.
   * @default 2
   */
  readonly scaleUnits?: number;
  /**
   * Availability zones of the Bastion public IP.
   * @default ['1', '2', '3']
   */
  readonly zones?: readonly string[];
}

interface NsgRuleSpec {
  readonly name: string;
  readonly priority: number;
  readonly direction: 'Inbound' | 'Outbound';
  readonly protocol: 'Tcp' | '*';
  readonly source: string;
  readonly destination: string;
  readonly ports: readonly string[];
}

/** The NSG rules Azure Bastion requires on AzureBastionSubnet (and the only ones we add). */
export const BASTION_NSG_RULES: readonly NsgRuleSpec[] = [
  { name: 'AllowHttpsInbound', priority: 120, direction: 'Inbound', protocol: 'Tcp', source: 'Internet', destination: '*', ports: ['443'] },
  { name: 'AllowGatewayManagerInbound', priority: 130, direction: 'Inbound', protocol: 'Tcp', source: 'GatewayManager', destination: '*', ports: ['443'] },
  { name: 'AllowAzureLoadBalancerInbound', priority: 140, direction: 'Inbound', protocol: 'Tcp', source: 'AzureLoadBalancer', destination: '*', ports: ['443'] },
  { name: 'AllowBastionHostCommunication', priority: 150, direction: 'Inbound', protocol: '*', source: 'VirtualNetwork', destination: 'VirtualNetwork', ports: ['8080', '5701'] },
  { name: 'AllowSshRdpOutbound', priority: 100, direction: 'Outbound', protocol: '*', source: '*', destination: 'VirtualNetwork', ports: ['22', '3389'] },
  { name: 'AllowAzureCloudOutbound', priority: 110, direction: 'Outbound', protocol: 'Tcp', source: '*', destination: 'AzureCloud', ports: ['443'] },
  { name: 'AllowBastionCommunication', priority: 120, direction: 'Outbound', protocol: '*', source: 'VirtualNetwork', destination: 'VirtualNetwork', ports: ['8080', '5701'] },
  { name: 'AllowHttpOutbound', priority: 130, direction: 'Outbound', protocol: '*', source: '*', destination: 'Internet', ports: ['80'] },
];

/** Azure Bastion (Standard) in the hub, for "securely connect to nodes through a bastion host". */
export class HubBastion extends Construct {
  public readonly subnet: Subnet;
  public readonly networkSecurityGroup: NetworkSecurityGroup;
  public readonly publicIp: PublicIp;
  public readonly bastionHost: BastionHost;

  /**
   * @param reportAs who its errors name: this construct (the default), or the construct that made it
   * from its own props (EgressFirewall passes itself, with `propPrefix` 'bastion.')
   */
  public constructor(scope: Construct, id: string, props: HubBastionProps, reportAs?: ErrorSubject, propPrefix = '') {
    super(scope, id);
    libraryStack(this);
    const at = reportAs ?? this;
    checkPlacement(this, props);
    const subnetName = props.subnetName ?? BASTION_SUBNET_NAME;
    requireSubnet(at, `${propPrefix}subnet`, subnetName, props.subnetAddressPrefix, BASTION_SUBNET_NAME, props.hubAddressSpace);
    const scaleUnits = props.scaleUnits ?? 2;
    if (!Number.isInteger(scaleUnits) || scaleUnits < 2 || scaleUnits > 50) {
      throw new PropError(at, `${propPrefix}scaleUnits`, scaleUnits, 'is outside 2-50', 'give a whole number of scale units from 2 to 50');
    }
    const vnetRg = props.virtualNetworkResourceGroupName ?? props.resourceGroupName;
    const tags = { ...(props.tags ?? {}) };
    this.subnet = new Subnet(this, 'subnet', {
      name: subnetName,
      resourceGroupName: vnetRg,
      virtualNetworkName: props.virtualNetworkName,
      addressPrefixes: [props.subnetAddressPrefix],
    });
    this.networkSecurityGroup = new NetworkSecurityGroup(this, 'nsg', {
      name: `${props.name}-bastion-nsg`,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      tags,
    });
    const rules = BASTION_NSG_RULES.map(
      (rule) =>
        new NetworkSecurityRule(this, `rule-${rule.name}`, {
        name: rule.name,
        resourceGroupName: props.resourceGroupName,
        networkSecurityGroupName: this.networkSecurityGroup.name,
        priority: rule.priority,
        direction: rule.direction,
        access: 'Allow',
        protocol: rule.protocol,
        sourceAddressPrefix: rule.source,
        sourcePortRange: '*',
        destinationAddressPrefix: rule.destination,
        destinationPortRanges: [...rule.ports],
      }),
    );
    const association = new SubnetNetworkSecurityGroupAssociation(this, 'nsg-association', {
      subnetId: this.subnet.id,
      networkSecurityGroupId: this.networkSecurityGroup.id,
    });
    this.publicIp = new PublicIp(this, 'pip', {
      name: `${props.name}-bastion-pip`,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      sku: 'Standard',
      allocationMethod: 'Static',
      zones: [...(props.zones ?? ['1', '2', '3'])],
      tags,
    });
    this.bastionHost = new BastionHost(this, 'host', {
      name: `${props.name}-bastion`,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      sku: 'Standard',
      scaleUnits,
      tunnelingEnabled: true,
      shareableLinkEnabled: false,
      ipConfiguration: { name: 'bastion', subnetId: this.subnet.id, publicIpAddressId: this.publicIp.id },
      tags,
      // Azure checks the subnet's NSG when Bastion is created: the rules must be there first.
      dependsOn: [association, ...rules],
    });
  }
}
