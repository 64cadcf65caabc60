/**
 * SpokeNetwork: the VNet and subnets a secure AKS cluster needs, sized by the IP planner at synth.
 * Subnets are standalone azurerm_subnet resources; route tables and NSGs attach through standalone
 * association resources, so the egress and platform constructs can add them without touching the VNet.
 */
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { SubnetNetworkSecurityGroupAssociation } from '@cdktf/provider-azurerm/lib/subnet-network-security-group-association';
import { SubnetRouteTableAssociation } from '@cdktf/provider-azurerm/lib/subnet-route-table-association';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { libraryStack } from '../synth/library-stack';
import type { PlacementProps } from '../core/contracts';
import { PropError } from '../core/errors';
import { Checklist } from '../checklist/checklist';
import { asCallerError, checkDnsServers, checkPlacement, checkReason, checkUsableRange } from '../core/validate';
import type { INodeSubnet } from '../node-pools/node-pool-set';
import type { AddressingModel, PoolAddressDemand } from '../node-pools/pool-sizing';
import { IpPlan, IpPlanner, planToMarkdown, ReservedRange, SubnetPurpose, SubnetRequest } from './ip-planner';
import { SubnetSecurityGroup, subnetSecurityRules } from './subnet-security';

const NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9_])?$/;

/** The delegation AKS needs on the API server VNet integration subnet. */
export const API_SERVER_DELEGATION = 'Microsoft.ContainerService/managedClusters';

/** Explicit CIDRs, when the layout is given rather than proposed. */
export interface SpokeSubnetCidrs {
  /** @default proposed */
  readonly system?: string;
  /** The shared user subnet (when `userSubnetPerPool` is false). @default proposed */
  readonly user?: string;
  /** Per-pool user subnets, by pool name (when `userSubnetPerPool` is true). @default proposed */
  readonly userPools?: Readonly<Record<string, string>>;
  /** @default proposed */
  readonly apiServer?: string;
  /** @default proposed */
  readonly privateEndpoints?: string;
  /** @default proposed */
  readonly ingress?: string;
}

/** Props of a SpokeNetwork. */
export interface SpokeNetworkProps extends PlacementProps {
  /** VNet name (2-64 characters: letters, digits, `.`, `_`, `-`). */
  readonly name: string;
  /** VNet address space, e.g. `10.10.0.0/16`. Literal values: the plan is computed at synth. */
  readonly addressSpace: string | readonly string[];
  /** The cluster's default (system) pool, as `describePool` or the cluster describes it. */
  readonly systemPool: PoolAddressDemand;
  /**
   * User pools, as `describePool` / `describeZonalPools` describe them.
   * @default []
   */
  readonly userPools?: readonly PoolAddressDemand[];
  /**
   * One subnet per user pool (to apply NSGs or route tables per pool) instead of one shared user subnet.
   * @default false
   */
  readonly userSubnetPerPool?: boolean;
  /**
   * How pods get addresses: `overlay` (Azure CNI overlay, one address per node) or `flat` (Azure CNI, 1 + max_pods per node).
   * @default 'overlay'
   */
  readonly model?: AddressingModel;
  /**
   * The cluster's pod CIDR (overlay), checked for overlaps and room for a /24 per node.
   * @default not checked
   */
  readonly podCidr?: string;
  /**
   * The cluster's service CIDR, checked for overlaps.
   * @default not checked
   */
  readonly serviceCidr?: string;
  /**
   * Hub, peered and on-premises ranges the VNet, subnets, pod and service CIDRs must not overlap.
   * @default []
   */
  readonly reservedRanges?: readonly ReservedRange[];
  /**
   * Create the subnet for API server VNet integration (delegated to Microsoft.ContainerService/managedClusters).
   * @default true
   */
  readonly apiServerSubnet?: boolean;
  /**
   * Addresses for private endpoints (registry, key vault, storage ...).
   * @default 16
   */
  readonly privateEndpointAddresses?: number;
  /**
   * Addresses for internal load balancer frontends (internal ingress).
   * @default 8
   */
  readonly ingressAddresses?: number;
  /**
   * Explicit CIDRs; subnets left out are proposed inside the address space.
   * @default all proposed
   */
  readonly cidrs?: SpokeSubnetCidrs;
  /**
   * Custom DNS servers for the VNet (e.g. the hub's DNS resolver).
   * @default Azure-provided DNS
   */
  readonly dnsServers?: readonly string[];
  /**
   * Leaves the subnets without the library's NSGs (one per subnet: Azure's defaults on node and
   * ingress subnets, the documented rules on the API server and private endpoint subnets), for a
   * team that associates its own with associateNetworkSecurityGroup. Recorded as a waiver of
   * network/network-policies.
   * @default every subnet gets its NSG
   */
  readonly withoutSubnetSecurityGroups?: { readonly reason: string };
}

/** A subnet of the spoke. */
export interface SpokeSubnet {
  readonly name: string;
  readonly purpose: SubnetPurpose;
  readonly resource: Subnet;
  readonly id: string;
  readonly cidr: string;
  /** Usable addresses (size minus Azure's 5). */
  readonly capacity: number;
}

/**
 * A spoke VNet for one AKS cluster: system nodes, user nodes (shared or per pool), the API server
 * (delegated, /28 or larger), private endpoints and internal ingress, laid out and checked by
 * IpPlanner when the construct is created.
 */
export class SpokeNetwork extends Construct {
  public readonly vnet: VirtualNetwork;
  /** Resource id of the VNet. */
  public readonly vnetId: string;
  /** The checked IP plan. */
  public readonly plan: IpPlan;
  /** Subnets by name. */
  public readonly subnets: Readonly<Record<string, SpokeSubnet>>;
  private readonly routeTables = new Map<string, string>();
  private readonly securityGroups = new Map<string, string>();
  private readonly userSubnetPerPool: boolean;

  public constructor(scope: Construct, id: string, props: SpokeNetworkProps) {
    super(scope, id);
    libraryStack(this);
    const space = typeof props.addressSpace === 'string' ? [props.addressSpace] : [...props.addressSpace];
    if (!NAME.test(props.name) || props.name.length < 2 || props.name.length > 64) {
      throw new PropError(this, 'name', props.name, 'is not a valid VNet name (2-64 characters: letters, digits, ., _ and -, starting with a letter or digit)', "use a name like 'vnet-aks-prod-weu'");
    }
    space.forEach((s) => {
      if (Token.isUnresolved(s)) {
        throw new PropError(this, 'addressSpace', s, 'is a Terraform token: the IP plan is computed at synth and needs literal ranges', "pass the range as a string, e.g. '10.10.0.0/16'");
      }
    });
    checkPlacement(this, props);
    space.forEach((s, i) => checkUsableRange(this, typeof props.addressSpace === 'string' ? 'addressSpace' : `addressSpace[${i}]`, s, '10.10.0.0/16'));
    for (const prop of ['podCidr', 'serviceCidr'] as const) {
      if (props[prop] !== undefined) {
        checkUsableRange(this, prop, props[prop], prop === 'podCidr' ? '100.64.0.0/16' : '100.65.0.0/16');
      }
    }
    checkDnsServers(this, 'dnsServers', props.dnsServers);
    this.userSubnetPerPool = props.userSubnetPerPool ?? false;
    const requests = this.requests(props);
    const planner = new IpPlanner(this);
    this.plan = asCallerError(this, { vnetCidrs: 'addressSpace' }, () => planner.propose({
      vnetCidrs: space,
      model: props.model ?? 'overlay',
      podCidr: props.podCidr,
      serviceCidr: props.serviceCidr,
      reservedRanges: props.reservedRanges,
      subnets: requests,
    }));

    const tags = props.tags && Object.keys(props.tags).length > 0 ? { ...props.tags } : undefined;
    this.vnet = new VirtualNetwork(this, 'vnet', {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      addressSpace: space,
      dnsServers: props.dnsServers ? [...props.dnsServers] : undefined,
      tags,
    });
    this.vnetId = this.vnet.id;

    const subnets: Record<string, SpokeSubnet> = {};
    for (const planned of this.plan.subnets) {
      const resource = new Subnet(this, `subnet-${planned.name}`, {
        name: planned.name,
        resourceGroupName: props.resourceGroupName,
        virtualNetworkName: this.vnet.name,
        addressPrefixes: [planned.cidr],
        defaultOutboundAccessEnabled: false,
        privateEndpointNetworkPolicies: planned.purpose === 'private-endpoints' ? 'Enabled' : undefined,
        delegation:
          planned.purpose === 'api-server'
            ? [{ name: 'aks-api-server', serviceDelegation: { name: API_SERVER_DELEGATION, actions: ['Microsoft.Network/virtualNetworks/subnets/join/action'] } }]
            : undefined,
      });
      subnets[planned.name] = { name: planned.name, purpose: planned.purpose, resource, id: resource.id, cidr: planned.cidr, capacity: planned.capacity };
    }
    this.subnets = subnets;

    if (props.withoutSubnetSecurityGroups) {
      Checklist.of(this).waive('network/network-policies', checkReason(this, 'withoutSubnetSecurityGroups.reason', props.withoutSubnetSecurityGroups.reason, 'spoke subnets without the library\'s NSGs'));
    } else {
      const nodeCidrs = Object.values(subnets).filter((sn) => sn.purpose === 'nodes').map((sn) => sn.cidr);
      for (const sn of Object.values(subnets)) {
        const group = new SubnetSecurityGroup(this, `security-${sn.name}`, {
          name: `nsg-${props.name.replace(/^vnet-/, '')}-${sn.name.replace(/^snet-/, '')}`.slice(0, 80).replace(/[-.]+$/, ''),
          resourceGroupName: props.resourceGroupName,
          location: props.location,
          rules: subnetSecurityRules(sn.purpose, sn.cidr, nodeCidrs),
          tags,
        });
        this.associateNetworkSecurityGroup(group.networkSecurityGroup.id, [sn.name]);
      }
    }
  }

  /** The plan as a Markdown table (subnet, CIDR, capacity, required, headroom). */
  public get planMarkdown(): string {
    return planToMarkdown(this.plan);
  }

  /** The system pool's subnet (pass its id as the cluster's default_node_pool.vnet_subnet_id). */
  public get systemSubnet(): INodeSubnet {
    return this.nodeSubnet('snet-system');
  }

  /** The subnet for a user pool: its own with `userSubnetPerPool`, else the shared user subnet. Pass it to NodePoolSet. */
  public userSubnet(poolName?: string): INodeSubnet {
    if (this.userSubnetPerPool) {
      if (poolName === undefined || !this.subnets[`snet-${poolName}`]) {
        throw new PropError(this, 'userSubnet(poolName)', poolName, 'names no pool planned with its own subnet', `use one of ${Object.keys(this.subnets).filter((n) => this.subnets[n].purpose === 'nodes' && n !== 'snet-system').map((n) => n.slice(5)).join(', ')}`);
      }
      return this.nodeSubnet(`snet-${poolName}`);
    }
    return this.nodeSubnet('snet-user');
  }

  /** Id of the API server subnet, when created (the cluster's api_server_access_profile.subnet_id). */
  public get apiServerSubnetId(): string | undefined {
    return this.subnets['snet-apiserver']?.id;
  }

  /** Id of the private endpoint subnet. */
  public get privateEndpointSubnetId(): string {
    return this.subnets['snet-private-endpoints'].id;
  }

  /** Id of the internal ingress subnet (for the internal load balancer's subnet annotation). */
  public get ingressSubnetId(): string {
    return this.subnets['snet-ingress'].id;
  }

  /** Names of the node subnets (system and user). */
  public get nodeSubnetNames(): string[] {
    return Object.values(this.subnets)
      .filter((s) => s.purpose === 'nodes')
      .map((s) => s.name);
  }

  /**
   * Associates a route table with subnets (by default every node subnet), e.g. the egress
   * firewall's default route. Returns the association resources for dependencies.
   */
  public associateRouteTable(routeTableId: string, subnetNames: readonly string[] = this.nodeSubnetNames): SubnetRouteTableAssociation[] {
    return subnetNames.map((name) => {
      const subnet = this.requireSubnet('associateRouteTable(subnetNames)', name);
      this.claimOnce(this.routeTables, name, routeTableId, 'associateRouteTable', 'route table');
      return new SubnetRouteTableAssociation(this, `rt-${name}`, { subnetId: subnet.id, routeTableId });
    });
  }

  /** Associates a network security group with subnets. Returns the association resources. */
  public associateNetworkSecurityGroup(networkSecurityGroupId: string, subnetNames: readonly string[]): SubnetNetworkSecurityGroupAssociation[] {
    return subnetNames.map((name) => {
      const subnet = this.requireSubnet('associateNetworkSecurityGroup(subnetNames)', name);
      this.claimOnce(this.securityGroups, name, networkSecurityGroupId, 'associateNetworkSecurityGroup', 'network security group');
      return new SubnetNetworkSecurityGroupAssociation(this, `nsg-${name}`, { subnetId: subnet.id, networkSecurityGroupId });
    });
  }

  private nodeSubnet(name: string): INodeSubnet {
    const s = this.requireSubnet('subnet', name);
    return { id: s.id, name: s.name, usableAddresses: s.capacity, claimedAddresses: 0 };
  }

  private requireSubnet(prop: string, name: string): SpokeSubnet {
    const s = this.subnets[name];
    if (!s) {
      throw new PropError(this, prop, name, 'is not a subnet of this network', `use one of ${Object.keys(this.subnets).join(', ')}`);
    }
    return s;
  }

  private claimOnce(map: Map<string, string>, subnet: string, id: string, method: string, what: string): void {
    if (map.has(subnet)) {
      throw new PropError(this, `${method}(subnetNames)`, subnet, `already has a ${what}; Azure allows one per subnet${what === 'network security group' ? ' (SpokeNetwork gives every subnet its own unless withoutSubnetSecurityGroups is set)' : ''}`, `associate one ${what} per subnet (put all rules in it)`);
    }
    map.set(subnet, id);
  }

  private requests(props: SpokeNetworkProps): SubnetRequest[] {
    const cidrs = props.cidrs ?? {};
    const users = props.userPools ?? [];
    const userRequests: SubnetRequest[] = this.userSubnetPerPool
      ? users.map((p) => ({ name: `snet-${p.name}`, purpose: 'nodes', pools: [p], cidr: cidrs.userPools?.[p.name] }))
      : users.length > 0
        ? [{ name: 'snet-user', purpose: 'nodes', pools: users, cidr: cidrs.user }]
        : [];
    const count = (prop: string, v: number | undefined, dflt: number): number => {
      const n = v ?? dflt;
      if (!Number.isInteger(n) || n < 1) {
        throw new PropError(this, prop, v, 'is not a positive integer', 'give the number of addresses the subnet must hold');
      }
      return n;
    };
    return [
      { name: 'snet-system', purpose: 'nodes', pools: [props.systemPool], cidr: cidrs.system },
      ...userRequests,
      ...(props.apiServerSubnet ?? true ? [{ name: 'snet-apiserver', purpose: 'api-server' as const, cidr: cidrs.apiServer }] : []),
      { name: 'snet-private-endpoints', purpose: 'private-endpoints', addresses: count('privateEndpointAddresses', props.privateEndpointAddresses, 16), cidr: cidrs.privateEndpoints },
      { name: 'snet-ingress', purpose: 'ingress', addresses: count('ingressAddresses', props.ingressAddresses, 8), cidr: cidrs.ingress },
    ];
  }
}
