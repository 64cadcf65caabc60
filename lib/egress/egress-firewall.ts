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
 */
import { FirewallPolicyRuleCollectionGroup } from '@cdktf/provider-azurerm/lib/firewall-policy-rule-collection-group';
import type { Firewall } from '@cdktf/provider-azurerm/lib/firewall';
import type { FirewallPolicy } from '@cdktf/provider-azurerm/lib/firewall-policy';
import { IpGroup } from '@cdktf/provider-azurerm/lib/ip-group';
import type { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import type { PublicIp } from '@cdktf/provider-azurerm/lib/public-ip';
import type { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import type { SubnetRouteTableAssociation } from '@cdktf/provider-azurerm/lib/subnet-route-table-association';
import type { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { ITerraformDependable, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { libraryStack } from '../synth/library-stack';
import { Checklist } from '../checklist/checklist';
import type { EgressFeature, IEgressPath } from '../core/contracts';
import { assertProp } from '../core/errors';
import { shareStackJson, synthesizedJson } from '../core/stack-json';
import { TerraformDocument } from '../core/terraform-document';
import type { HubBastion } from './bastion';
import { EgressRoute } from './egress-route';
import type { AllowFqdnsOptions, AllowNetworkOptions, EgressFeatureOptions, EgressFirewallProps, FirewallTier, NodeSubnet, PeeredSpoke } from './egress-firewall-props';
import { ALL_FEATURES, DEFAULT_FEATURES, FeatureEndpoints, featureEndpoints } from './endpoints';
import {
  requireFeatureOptions,
  requireFqdnRuleHosts,
  requireFqdnRuleProtocols,
  requireNetworkRuleDestinations,
  requireNetworkRulePorts,
  requireNoPrivateRegistryHost,
  requireNodeSubnetShape,
  requireReachesFirewall,
  requireRoutableNodeSubnet,
} from './firewall-checks';
import { createHubBastion, createHubNetwork, HubNetwork, peerHubAndSpoke } from './hub-network';
import { CustomCollection, customFqdnCollection, customFqdns, customNetworkCollection, generatedCollections, nextFreePriority, RuleSources } from './rule-collections';
import { createFirewall } from './firewall-resources';
import { firewallTopologyErrors } from './topology';
import { isUnvettedRegistryHost } from './rules';
import { regionName, requirePriority, requireRuleName, requireSources, resolvedKey, unresolved } from './validation';
import { atScope, checkDnsServers, checkPlacement, checkReason, checkRegion, checkUsableRange, checkZonesIn } from '../core/validate';

export * from './egress-firewall-props';
export { FIREWALL_LOG_CATEGORIES } from './firewall-resources';

const C = 'EgressFirewall';

const ZONES = ['1', '2', '3'];

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
  private readonly region: string;
  private readonly features = new Map<EgressFeature, EgressFeatureOptions>();
  private readonly nodeSubnets: NodeSubnet[] = [];
  private readonly routed = new Set<string>();
  private readonly associations: SubnetRouteTableAssociation[] = [];
  private readonly routes = new Map<string, EgressRoute>();
  private readonly spokes: PeeredSpoke[] = [];
  private readonly custom: CustomCollection[] = [];
  private customGroup?: FirewallPolicyRuleCollectionGroup;

  public constructor(scope: Construct, id: string, props: EgressFirewallProps) {
    super(scope, id);
    libraryStack(this);
    this.props = props;
    this.tier = props.tier ?? 'Premium';
    assertProp(['Premium', 'Standard', 'Basic'].includes(this.tier), this, 'tier', this.tier, 'is not a firewall tier', "use 'Premium', 'Standard' or 'Basic'");
    assertProp(
      unresolved(props.name) || /^[A-Za-z0-9][A-Za-z0-9_.-]{0,48}[A-Za-z0-9]$/.test(props.name),
      this,
      'name',
      props.name,
      'is not usable as a resource base name',
      'use 2-50 letters, digits, underscores, periods or hyphens, starting and ending with a letter or digit',
    );
    checkPlacement(this, props);
    checkDnsServers(this, 'dnsServers', props.dnsServers);
    if (props.clusterLocation !== undefined) {
      checkRegion(this, 'clusterLocation', props.clusterLocation);
    }
    (props.hubNetwork?.addressSpace ?? []).forEach((cidr, i) => checkUsableRange(this, `hubNetwork.addressSpace[${i}]`, cidr, '10.0.0.0/24'));
    const clusterLocation = props.clusterLocation ?? props.location;
    assertProp(!unresolved(clusterLocation), this, 'clusterLocation', clusterLocation, 'is unresolved, so the regional endpoints cannot be generated', 'give the cluster region as a literal, e.g. clusterLocation: "westeurope"');
    this.region = regionName(clusterLocation);
    const tags = { ...(props.tags ?? {}) };

    // ---- hub network and subnets
    this.hub = atScope(this, () => createHubNetwork(this, props, this.tier, tags));
    this.hubVnet = this.hub.vnet;
    this.hubVnetName = this.hub.vnetName;
    this.hubVnetId = this.hub.vnetId;
    this.firewallSubnet = this.hub.firewallSubnet;
    this.managementSubnet = this.hub.managementSubnet;

    // ---- zones
    if (props.withoutZones) {
      Checklist.of(this).waive('disaster-recovery/availability-zones', checkReason(this, 'withoutZones.reason', props.withoutZones.reason, 'a firewall without availability zones'));
    } else {
      checkZonesIn(this, 'location', props.location, props.location, 'a zone-redundant firewall (zones 1-3, the default)', "set withoutZones: { reason: 'the region has no availability zones' }");
    }
    const zones = props.withoutZones ? undefined : ZONES;

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
    const groupPriority = props.ruleCollectionGroupPriority ?? 200;
    atScope(this, () => requirePriority(C, 'ruleCollectionGroupPriority', groupPriority, new Map()));
    assertProp(groupPriority + 100 <= 65000, this, 'ruleCollectionGroupPriority', groupPriority, 'leaves no room for the custom group (priority + 100)', 'give a priority up to 64900');
    this.ruleCollectionGroup = new FirewallPolicyRuleCollectionGroup(this, 'aks-egress', {
      name: 'aks-egress',
      firewallPolicyId: this.policy.id,
      priority: groupPriority,
    });

    // ---- spokes, node subnets, features
    for (const [i, spoke] of (props.spokes ?? []).entries()) {
      this.peerSpoke(spoke, `spokes[${i}]`);
    }
    for (const [i, subnet] of (props.nodeSubnets ?? []).entries()) {
      this.addNodeSubnetAt(subnet, `nodeSubnets[${i}]`);
    }
    for (const [feature, options] of Object.entries(props.featureOptions ?? {}) as [EgressFeature, EgressFeatureOptions][]) {
      assertProp(ALL_FEATURES.includes(feature), this, 'featureOptions', feature, 'is not an egress feature', `use one of ${ALL_FEATURES.join(', ')}`);
      assertProp((props.features ?? DEFAULT_FEATURES).includes(feature), this, `featureOptions.${feature}`, options, 'is given for a feature that is not enabled', `add '${feature}' to features, or call allowFeature('${feature}', options)`);
    }
    this.features.set('aks-core', {});
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
    return [...this.associations, this.ruleCollectionGroup, ...(this.customGroup ? [this.customGroup] : [])];
  }

  /** The features whose endpoints are allowed, in rule order. */
  public get enabledFeatures(): readonly EgressFeature[] {
    return ALL_FEATURES.filter((f) => this.features.has(f));
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
    requireRuleName(C, `${prop}.name`, name);
    requireFqdnRuleHosts(prop, options);
    this.requireNoPrivateHost(`${prop}.fqdns`, options.fqdns);
    requireFqdnRuleProtocols(prop, options);
    const unvetted = options.fqdns.filter(isUnvettedRegistryHost);
    if (unvetted.length > 0) {
      assertProp(
        options.reason !== undefined,
        this,
        `${prop}.fqdns`,
        unvetted,
        'opens a public registry or a registry wildcard, so nodes could pull images nobody vetted',
        'allow only your registries\' hosts (PrivateRegistry.dataEndpointHosts), or give a reason to accept the risk',
      );
      Checklist.of(this).waive('container/allowed-registries-only', checkReason(this, `${prop}.reason`, options.reason, 'nodes pulling from a public registry'));
    }
    const sources = this.sourcesFor(`${prop}.sources`, options.sources);
    const priority = this.claimPriority(`${prop}.priority`, name, options.priority);
    this.custom.push(customFqdnCollection(name, priority, sources, options.fqdns, options.protocols));
    this.renderCustom();
    return this;
  }

  /**
   * Allows extra non-HTTP traffic through a network rule collection of the custom group.
   * @param name rule collection (and rule) name
   */
  public allowNetwork(name: string, options: AllowNetworkOptions): this {
    const prop = `allowNetwork('${name}')`;
    requireRuleName(C, `${prop}.name`, name);
    const addresses = options.destinationAddresses ?? [];
    const fqdns = options.destinationFqdns ?? [];
    requireNetworkRuleDestinations(prop, options, this.tier);
    this.requireNoPrivateHost(`${prop}.destinationFqdns`, fqdns);
    requireNetworkRulePorts(prop, options);
    const sources = this.sourcesFor(`${prop}.sources`, options.sources);
    const priority = this.claimPriority(`${prop}.priority`, name, options.priority);
    this.custom.push(
      customNetworkCollection(name, priority, sources, { protocols: options.protocols, destinationPorts: options.destinationPorts, destinationAddresses: addresses, destinationFqdns: fqdns }),
    );
    this.renderCustom();
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
      requireRoutableNodeSubnet(id, ownHit?.node.id, subnet);
      this.associate(subnet!);
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
    requireFeatureOptions(feature, options, prop);
    this.features.set(feature, options);
    this.requireNoPrivateHost(`${prop}.hosts`, this.allowedFqdns());
  }

  /** Every FQDN the firewall allows (generated and custom). */
  private allowedFqdns(): string[] {
    const generated = this.enabledFeatures.flatMap((f) => this.endpointsOf(f).fqdnRules.flatMap((r) => r.fqdns ?? []));
    const custom = customFqdns(this.custom);
    return [...generated, ...custom];
  }

  /** Rejects rules to hosts of services reached by private link (network/private-registry-endpoint). */
  private requireNoPrivateHost(prop: string, fqdns: readonly string[]): void {
    requireNoPrivateRegistryHost(this.features.get('container-registry')?.privateLink === true, prop, fqdns);
  }

  private endpointsOf(feature: EgressFeature): FeatureEndpoints {
    const options = this.features.get(feature) ?? {};
    if (options.privateLink) {
      return { fqdnRules: [], networkRules: [] };
    }
    return featureEndpoints(feature, {
      region: this.region,
      apiServerAccess: this.props.apiServerAccess ?? 'vnet-integration',
      dnsProxy: this.tier !== 'Basic',
      hosts: options.hosts ?? [],
    });
  }

  private get nodeSources(): RuleSources {
    return { sourceIpGroups: [this.nodeIpGroup.id] };
  }

  private sourcesFor(prop: string, sources: readonly string[] | undefined): RuleSources {
    if (sources === undefined) {
      return this.nodeSources;
    }
    atScope(this, () => requireSources(C, prop, sources));
    return { sourceAddresses: [...sources] };
  }

  private claimPriority(prop: string, name: string, priority: number | undefined): number {
    assertProp(!this.custom.some((c) => c.name === name), this, prop.replace(/\.priority$/, '.name'), name, 'is already a custom rule collection', 'give each rule collection its own name');
    const taken = new Map(this.custom.map((c) => [c.priority, c.name] as [number, string]));
    if (priority !== undefined) {
      atScope(this, () => requirePriority(C, prop, priority, taken));
      return priority;
    }
    return nextFreePriority(taken);
  }

  /** Rewrites the generated rule collection group from the enabled features. */
  private renderGenerated(): void {
    const { network, application } = generatedCollections(this.enabledFeatures, (f) => this.endpointsOf(f), this.nodeSources);
    this.ruleCollectionGroup.putNetworkRuleCollection(network);
    this.ruleCollectionGroup.putApplicationRuleCollection(application);
  }

  /** Rewrites the custom rule collection group. */
  private renderCustom(): void {
    if (!this.customGroup) {
      this.customGroup = new FirewallPolicyRuleCollectionGroup(this, 'custom-egress', {
        name: 'custom-egress',
        firewallPolicyId: this.policy.id,
        priority: (this.props.ruleCollectionGroupPriority ?? 200) + 100,
      });
    }
    const sorted = [...this.custom].sort((a, b) => a.priority - b.priority);
    this.customGroup.putApplicationRuleCollection(sorted.flatMap((c) => (c.application ? [c.application] : [])));
    this.customGroup.putNetworkRuleCollection(sorted.flatMap((c) => (c.network ? [c.network] : [])));
  }

  private addNodeSubnetAt(subnet: NodeSubnet, prop: string): void {
    assertProp(typeof subnet.id === 'string' && subnet.id !== '', this, `${prop}.id`, subnet.id, 'is empty', 'give the subnet resource id');
    assertProp(!this.nodeSubnets.some((s) => this.same(s.id, subnet.id)), this, `${prop}.id`, subnet.id, 'is already a node subnet', 'add each node subnet once');
    requireNodeSubnetShape(subnet, prop);
    if (subnet.location !== undefined) {
      checkRegion(this, `${prop}.location`, subnet.location);
    }
    const spoke = subnet.vnetId === undefined ? undefined : this.spokes.find((s) => this.same(s.vnetId, subnet.vnetId!));
    const inHub = subnet.vnetId !== undefined && this.same(subnet.vnetId, this.hubVnetId);
    requireReachesFirewall(subnet, prop, this.props.location, spoke, inHub);
    this.nodeSubnets.push(subnet);
    this.nodeIpGroup.cidrs = this.nodeSubnets.flatMap((s) => [...s.addressPrefixes]);
    if (subnet.route ?? true) {
      this.associate(subnet);
    }
  }

  private associate(subnet: NodeSubnet): void {
    const key = resolvedKey(this, subnet.id);
    if (this.routed.has(key)) {
      return;
    }
    this.routed.add(key);
    const location = subnet.location ?? this.props.location;
    const region = unresolved(location) ? resolvedKey(this, location) : regionName(location);
    let route = this.routes.get(region);
    if (!route) {
      const suffix = unresolved(location) ? `${this.routes.size}` : regionName(location);
      route = new EgressRoute(this, {
        tableId: `route-table-${suffix}`,
        routeId: `default-route-${suffix}`,
        name: `${this.props.name}-egress-${suffix}`,
        routeName: 'default-via-firewall',
        resourceGroupName: this.props.resourceGroupName,
        location,
        nextHopIp: this.nextHopIp,
        tags: { ...(this.props.tags ?? {}) },
        // The default route must point at a firewall that exists and has its rules before nodes start.
        associationDependsOn: [this.firewall, this.ruleCollectionGroup],
      });
      this.routes.set(region, route);
    }
    this.associations.push(route.associate(`route-association-${this.associations.length}`, subnet.id));
  }

  /** Synth-time cross-resource checks: the stack's clusters, routes and firewall must agree. */
  private validateTopology(): string[] {
    const stack = TerraformStack.of(this);
    return firewallTopologyErrors(new TerraformDocument(synthesizedJson(stack), stack.node.id), this.node.path, this.nodeSubnets.length);
  }
}
