/**
 * EgressFirewall: every byte a cluster's nodes send to the Internet goes through Azure Firewall,
 * which allows exactly what the enabled features need (generated rules, never hand-written ones).
 *
 * Hub side: AzureFirewallSubnet (standalone azurerm_subnet), zone-redundant Standard public IP,
 * azurerm_firewall (AZFW_VNet, Premium by default) with an azurerm_firewall_policy (threat
 * intelligence Deny, IDPS Deny on Premium, DNS proxy on), rule collection groups generated from
 * the enabled EgressFeatures with an IP group of the node subnets as the only source. Spoke side:
 * a route table per region with 0.0.0.0/0 -> VirtualAppliance at the firewall's private IP,
 * associated with every node subnet. It implements IEgressPath for SecureAksCluster.
 *
 * Its parts: props (egress-firewall-props), prop checks (firewall-checks), hub network
 * (hub-network), firewall resources (firewall-resources), enabled features (enabled-features), the
 * pure rule collection builder (rule-collections), the custom group (custom-rule-group), route
 * tables (egress-route) and the document-based topology check (topology).
 */
import { FirewallPolicyRuleCollectionGroup } from '@cdktf/provider-azurerm/lib/firewall-policy-rule-collection-group';
import type { Firewall } from '@cdktf/provider-azurerm/lib/firewall';
import type { FirewallPolicy } from '@cdktf/provider-azurerm/lib/firewall-policy';
import { IpGroup } from '@cdktf/provider-azurerm/lib/ip-group';
import type { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import type { PublicIp } from '@cdktf/provider-azurerm/lib/public-ip';
import type { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import type { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { ITerraformDependable, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { libraryStack } from '../synth/library-stack';
import type { EgressFeature, IEgressPath } from '../core/contracts';
import { assertProp } from '../core/errors';
import { shareStackJson, synthesizedJson } from '../core/stack-json';
import { TerraformDocument } from '../core/terraform-document';
import type { HubBastion } from './bastion';
import { CustomRuleGroup } from './custom-rule-group';
import { RegionalEgressRoutes } from './egress-route';
import type { AllowFqdnsOptions, AllowNetworkOptions, EgressFeatureOptions, EgressFirewallProps, FirewallTier, NodeSubnet, PeeredSpoke } from './egress-firewall-props';
import { DEFAULT_FEATURES } from './endpoints';
import { EnabledFeatures } from './enabled-features';
import {
  acceptUnvettedRegistries,
  requireFeatureOptionsEnabled,
  requireFirewallProps,
  requireFqdnRuleHosts,
  requireFqdnRuleProtocols,
  requireGroupPriority,
  requireNetworkRuleDestinations,
  requireNetworkRulePorts,
  requireNoPrivateRegistryHost,
  requireNewNodeSubnet,
  requireRoutableNodeSubnet,
  resolveFirewallZones,
} from './firewall-checks';
import { createHubBastion, createHubNetwork, HubNetwork, peerHubAndSpoke } from './hub-network';
import { customFqdnCollection, customNetworkCollection, generatedCollections, RuleSources } from './rule-collections';
import { createFirewall } from './firewall-resources';
import { firewallTopologyErrors } from './topology';
import { requireRuleName, requireSources } from './validation';
import { atScope, checkRegion, resolvedKey } from '../core/validate';

export * from './egress-firewall-props';
export { FIREWALL_LOG_CATEGORIES } from './firewall-resources';


/** Azure Firewall in a hub, with generated egress rules and forced tunnelling of the node subnets. */
export class EgressFirewall extends Construct implements IEgressPath {
  public readonly outboundType = 'userDefinedRouting' as const;
  /** The firewall's private IP: the next hop of the node subnets' default route, and their DNS server when the spoke uses the DNS proxy. */
  public readonly nextHopIp: string;
  /** The firewall's public egress IP(s), for a public API server's authorized ranges (`<ip>/32`). */
  public readonly egressPublicIps: readonly string[];
  public readonly firewall: Firewall;
  public readonly policy: FirewallPolicy;
  public readonly publicIp: PublicIp;
  public readonly firewallSubnet: Subnet;
  public readonly managementSubnet?: Subnet;
  public readonly hubVnet?: VirtualNetwork;
  /** Hub VNet name and id. */
  public readonly hubVnetName: string;
  public readonly hubVnetId: string;
  /** The IP group of the node subnets: the only source of generated rules. */
  public readonly nodeIpGroup: IpGroup;
  /** The generated rule collection group. */
  public readonly ruleCollectionGroup: FirewallPolicyRuleCollectionGroup;
  public readonly diagnostics: MonitorDiagnosticSetting;
  public readonly bastion?: HubBastion;
  public readonly tier: FirewallTier;

  private readonly props: EgressFirewallProps;
  private readonly hub: HubNetwork;
  private readonly features: EnabledFeatures;
  private readonly nodeSubnets: NodeSubnet[] = [];
  private readonly routes: RegionalEgressRoutes;
  private readonly spokes: PeeredSpoke[] = [];
  private readonly custom: CustomRuleGroup;

  public constructor(scope: Construct, id: string, props: EgressFirewallProps) {
    super(scope, id);
    libraryStack(this);
    this.props = props;
    this.tier = props.tier ?? 'Premium';
    const region = requireFirewallProps(this, props, this.tier);
    this.features = new EnabledFeatures({ region, apiServerAccess: props.apiServerAccess ?? 'vnet-integration', dnsProxy: this.tier !== 'Basic' });
    const tags = { ...(props.tags ?? {}) };

    // ---- hub network and subnets
    this.hub = atScope(this, () => createHubNetwork(this, props, this.tier, tags));
    this.hubVnet = this.hub.vnet;
    this.hubVnetName = this.hub.vnetName;
    this.hubVnetId = this.hub.vnetId;
    this.firewallSubnet = this.hub.firewallSubnet;
    this.managementSubnet = this.hub.managementSubnet;

    const zones = resolveFirewallZones(this, props);

    // ---- public IPs, firewall policy, firewall, diagnostics
    ({ publicIp: this.publicIp, policy: this.policy, firewall: this.firewall, diagnostics: this.diagnostics } = createFirewall(this, props, this.tier, this.hub, zones, tags));
    this.nextHopIp = this.firewall.ipConfiguration.get(0).privateIpAddress;
    this.egressPublicIps = [this.publicIp.ipAddress];

    // ---- sources and generated rules
    this.nodeIpGroup = new IpGroup(this, 'node-ip-group', {
      name: `${props.name}-aks-nodes`,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      cidrs: [],
      tags,
    });
    const groupPriority = requireGroupPriority(this, props);
    this.ruleCollectionGroup = new FirewallPolicyRuleCollectionGroup(this, 'aks-egress', {
      name: 'aks-egress',
      firewallPolicyId: this.policy.id,
      priority: groupPriority,
    });
    this.custom = new CustomRuleGroup(this, this.policy.id, groupPriority + 100);
    this.routes = new RegionalEgressRoutes(this, {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      nextHopIp: this.nextHopIp,
      tags: { ...(props.tags ?? {}) },
      associationDependsOn: [this.firewall, this.ruleCollectionGroup],
    });

    // ---- spokes, node subnets, features
    for (const [i, spoke] of (props.spokes ?? []).entries()) {
      this.peerSpoke(spoke, `spokes[${i}]`);
    }
    for (const [i, subnet] of (props.nodeSubnets ?? []).entries()) {
      this.addNodeSubnetAt(subnet, `nodeSubnets[${i}]`);
    }
    requireFeatureOptionsEnabled(this, props);
    for (const feature of props.features ?? DEFAULT_FEATURES) {
      this.enableFeature(feature, props.featureOptions?.[feature] ?? {}, 'features');
    }
    this.renderGenerated();

    // ---- bastion
    this.bastion = props.bastion ? createHubBastion(this, props, this.hub, tags, zones) : undefined;

    shareStackJson(TerraformStack.of(this));
    this.node.addValidation({ validate: () => this.validateTopology() });
  }

  /** Route associations and rule collection groups: what a cluster must be created after. */
  public get dependables(): readonly ITerraformDependable[] {
    return [...this.routes.associations, this.ruleCollectionGroup, ...(this.custom.group ? [this.custom.group] : [])];
  }

  /** The features whose endpoints are allowed, in rule order. */
  public get enabledFeatures(): readonly EgressFeature[] {
    return this.features.list;
  }

  /**
   * Allows the outbound endpoints a feature needs (generated rules named `<feature>-...`).
   * @param feature the feature
   * @param options hosts (registry, vaults, Git sources) and private link
   */
  public allowFeature(feature: EgressFeature, options: EgressFeatureOptions = {}): this {
    this.enableFeature(feature, options, `allowFeature('${feature}')`);
    this.renderGenerated();
    return this;
  }

  /**
   * Allows extra FQDNs through an application rule collection of the custom group.
   * @param name rule collection (and rule) name
   */
  public allowFqdns(name: string, options: AllowFqdnsOptions): this {
    const prop = `allowFqdns('${name}')`;
    requireRuleName(this, `${prop}.name`, name);
    requireFqdnRuleHosts(this, prop, options);
    this.requireNoPrivateHost(`${prop}.fqdns`, options.fqdns);
    requireFqdnRuleProtocols(this, prop, options);
    acceptUnvettedRegistries(this, prop, options);
    const sources = this.sourcesFor(`${prop}.sources`, options.sources);
    const priority = this.custom.claimPriority(`${prop}.priority`, name, options.priority);
    this.custom.add(customFqdnCollection(name, priority, sources, options.fqdns, options.protocols));
    return this;
  }

  /**
   * Allows extra non-HTTP traffic through a network rule collection of the custom group.
   * @param name rule collection (and rule) name
   */
  public allowNetwork(name: string, options: AllowNetworkOptions): this {
    const prop = `allowNetwork('${name}')`;
    requireRuleName(this, `${prop}.name`, name);
    const addresses = options.destinationAddresses ?? [];
    const fqdns = options.destinationFqdns ?? [];
    requireNetworkRuleDestinations(this, prop, options, this.tier);
    this.requireNoPrivateHost(`${prop}.destinationFqdns`, fqdns);
    requireNetworkRulePorts(this, prop, options);
    const sources = this.sourcesFor(`${prop}.sources`, options.sources);
    const priority = this.custom.claimPriority(`${prop}.priority`, name, options.priority);
    this.custom.add(customNetworkCollection(name, priority, sources, { protocols: options.protocols, destinationPorts: options.destinationPorts, destinationAddresses: addresses, destinationFqdns: fqdns }));
    return this;
  }

  /** Adds a node subnet: its CIDRs join the rules' sources and (unless `route: false`) it gets the default route. */
  public addNodeSubnet(subnet: NodeSubnet): this {
    this.addNodeSubnetAt(subnet, 'addNodeSubnet');
    return this;
  }

  /**
   * Associates the firewall's route table with node subnets (by id). Each must be a node subnet
   * (from `nodeSubnets` or `addNodeSubnet`); the hub's own subnets are rejected.
   */
  public routeSubnets(...subnetIds: string[]): this {
    for (const id of subnetIds) {
      const own = [this.firewallSubnet, this.managementSubnet, this.bastion?.subnet].filter((s): s is Subnet => !!s);
      const ownHit = own.find((s) => this.same(s.id, id));
      const subnet = this.nodeSubnets.find((s) => this.same(s.id, id));
      requireRoutableNodeSubnet(this, id, ownHit?.node.id, subnet);
      this.routes.associate(subnet.id, subnet.location);
    }
    return this;
  }

  /** Peers a spoke VNet with the hub (both ways) so its node subnets reach the firewall. */
  public peerSpoke(spoke: PeeredSpoke, prop = 'peerSpoke'): this {
    assertProp(['create', 'existing'].includes(spoke.peering ?? 'create'), this, `${prop}.peering`, spoke.peering, 'is not a peering mode', "use 'create' or 'existing'");
    checkRegion(this, `${prop}.location`, spoke.location);
    this.spokes.push(spoke);
    if ((spoke.peering ?? 'create') === 'create') {
      peerHubAndSpoke(this, this.hub, spoke, this.spokes.length - 1);
    }
    return this;
  }

  // ------------------------------------------------------------ internals

  /** Whether two values (literals or tokens) are the same. */
  private same(a: string, b: string): boolean {
    return resolvedKey(this, a) === resolvedKey(this, b);
  }

  private enableFeature(feature: EgressFeature, options: EgressFeatureOptions, prop: string): void {
    this.features.enable(this, feature, options, prop);
    this.requireNoPrivateHost(`${prop}.hosts`, [...this.features.fqdns, ...this.custom.fqdns]);
  }

  /** Rejects rules to hosts of services reached by private link (network/private-registry-endpoint). */
  private requireNoPrivateHost(prop: string, fqdns: readonly string[]): void {
    requireNoPrivateRegistryHost(this, this.features.registryPrivateLink, prop, fqdns);
  }

  private get nodeSources(): RuleSources {
    return { sourceIpGroups: [this.nodeIpGroup.id] };
  }

  private sourcesFor(prop: string, sources: readonly string[] | undefined): RuleSources {
    if (sources === undefined) {
      return this.nodeSources;
    }
    requireSources(this, prop, sources);
    return { sourceAddresses: [...sources] };
  }

  /** Rewrites the generated rule collection group from the enabled features. */
  private renderGenerated(): void {
    const { network, application } = generatedCollections(this.features.list, (f) => this.features.endpointsOf(f), this.nodeSources);
    this.ruleCollectionGroup.putNetworkRuleCollection(network);
    this.ruleCollectionGroup.putApplicationRuleCollection(application);
  }

  private addNodeSubnetAt(subnet: NodeSubnet, prop: string): void {
    requireNewNodeSubnet(this, subnet, prop, { known: this.nodeSubnets, spokes: this.spokes, hubVnetId: this.hubVnetId, location: this.props.location });
    this.nodeSubnets.push(subnet);
    this.nodeIpGroup.cidrs = this.nodeSubnets.flatMap((s) => [...s.addressPrefixes]);
    if (subnet.route ?? true) {
      this.routes.associate(subnet.id, subnet.location);
    }
  }

  /** Synth-time cross-resource checks: the stack's clusters, routes and firewall must agree. */
  private validateTopology(): string[] {
    const stack = TerraformStack.of(this);
    return firewallTopologyErrors(new TerraformDocument(synthesizedJson(stack), stack.node.id), this.node.path, this.nodeSubnets.length);
  }
}
