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
import type {
  FirewallPolicyRuleCollectionGroupApplicationRuleCollection,
  FirewallPolicyRuleCollectionGroupNetworkRuleCollection,
} from '@cdktf/provider-azurerm/lib/firewall-policy-rule-collection-group';
import { Firewall } from '@cdktf/provider-azurerm/lib/firewall';
import { FirewallPolicy } from '@cdktf/provider-azurerm/lib/firewall-policy';
import { IpGroup } from '@cdktf/provider-azurerm/lib/ip-group';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { PublicIp } from '@cdktf/provider-azurerm/lib/public-ip';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import type { SubnetRouteTableAssociation } from '@cdktf/provider-azurerm/lib/subnet-route-table-association';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { VirtualNetworkPeering } from '@cdktf/provider-azurerm/lib/virtual-network-peering';
import { dependable, ITerraformDependable, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { Checklist } from '../checklist/checklist';
import { parseCidr } from '../core/cidr';
import type { EgressFeature, IEgressPath, PlacementProps } from '../core/contracts';
import { assertProp, PropError } from '../core/errors';
import { shareStackJson, synthesizedJson } from '../core/stack-json';
import { TerraformDocument } from '../core/terraform-document';
import { HubBastion } from './bastion';
import { EgressRoute } from './egress-route';
import { ALL_FEATURES, ApiServerAccess, DEFAULT_FEATURES, FeatureEndpoints, featureEndpoints, FEATURES_WITH_HOSTS, FqdnProtocol } from './endpoints';
import {
  egressLockdownEvidence,
  FIREWALL_MANAGEMENT_SUBNET_NAME,
  FIREWALL_SUBNET_NAME,
  fqdnMatches,
  isAnyAddress,
  isUnvettedRegistryHost,
  RESERVED_SUBNET_NAMES,
} from './rules';
import {
  regionName,
  requireDestinations,
  requireDisjoint,
  requireFqdn,
  requirePorts,
  requirePriority,
  requireRuleName,
  requireSources,
  requireSubnet,
  resolvedKey,
  unresolved,
} from './validation';

const C = 'EgressFirewall';

/** Azure Firewall SKU tier (the policy gets the same tier). */
export type FirewallTier = 'Premium' | 'Standard' | 'Basic';

/** A hub VNet the construct creates. */
export interface HubNetworkProps {
  /** VNet name. */
  readonly name: string;
  /** Address space, e.g. `['10.0.0.0/22']`. */
  readonly addressSpace: readonly string[];
}

/** A hub VNet that already exists. */
export interface ExistingHubNetwork {
  /** VNet name. */
  readonly name: string;
  /** VNet resource id (for peerings). */
  readonly id: string;
  /**
   * Its resource group.
   * @default the construct's `resourceGroupName`
   */
  readonly resourceGroupName?: string;
  /**
   * Its address space, to check subnets lie inside it.
   * @default not checked
   */
  readonly addressSpace?: readonly string[];
}

/** A service subnet of the hub. */
export interface HubSubnetProps {
  /** Address prefix: /26 or larger. */
  readonly addressPrefix: string;
  /**
   * Subnet name: Azure accepts only its fixed name (`AzureFirewallSubnet`, `AzureFirewallManagementSubnet`).
   * @default the fixed name
   */
  readonly name?: string;
}

/** A subnet whose nodes egress through the firewall. */
export interface NodeSubnet {
  /** Subnet resource id (a token is fine). */
  readonly id: string;
  /** Its address prefixes: the sources of every generated rule (through an IP group). */
  readonly addressPrefixes: readonly string[];
  /**
   * Subnet name, when known: a reserved name (AzureFirewallSubnet, AzureBastionSubnet, GatewaySubnet...) is rejected.
   * @default not checked
   */
  readonly name?: string;
  /**
   * Resource id of the subnet's VNet: must be the hub or a spoke listed in `spokes`.
   * @default not checked (the VNet is assumed peered)
   */
  readonly vnetId?: string;
  /**
   * Region of the subnet (its route table is created there).
   * @default the firewall's `location`
   */
  readonly location?: string;
  /**
   * Associate the firewall's route table now; `false` defers it to `routeSubnets()`.
   * @default true
   */
  readonly route?: boolean;
}

/** A spoke VNet whose node subnets use the firewall. */
export interface PeeredSpoke {
  /** Spoke VNet resource id. */
  readonly vnetId: string;
  /** Spoke VNet name. */
  readonly vnetName: string;
  /** Spoke resource group. */
  readonly resourceGroupName: string;
  /** Spoke region. */
  readonly location: string;
  /**
   * `create`: this construct peers hub and spoke both ways (forwarded traffic allowed);
   * `existing`: the peering is managed elsewhere (e.g. a Virtual WAN or a platform landing zone).
   * @default 'create'
   */
  readonly peering?: 'create' | 'existing';
}

/** Options of a feature. */
export interface EgressFeatureOptions {
  /**
   * Hosts the feature reaches: for `container-registry` the registry's login server and data
   * endpoints (PrivateRegistry.dataEndpointHosts), for `key-vault` the vault hosts
   * (`<name>.vault.azure.net`), for `gitops` the Git/Helm source hosts, for `backup` the backup
   * storage account's blob host.
   * @default none
   */
  readonly hosts?: readonly string[];
  /**
   * The service is reached through a private endpoint: no firewall rule is generated, and any
   * later rule to its hosts is rejected (network/private-registry-endpoint).
   * @default false
   */
  readonly privateLink?: boolean;
}

/** A user application (FQDN) rule. */
export interface AllowFqdnsOptions {
  /** Destination hosts or `*.domain` wildcards; never `*`. */
  readonly fqdns: readonly string[];
  /** Protocols, e.g. `[{ type: 'Https', port: 443 }]`. */
  readonly protocols: readonly FqdnProtocol[];
  /**
   * Source CIDRs; never `*`.
   * @default the node subnets (IP group)
   */
  readonly sources?: readonly string[];
  /**
   * Rule collection priority, 100-65000, unique in the custom rule collection group.
   * @default the next free priority from 1000 in steps of 10
   */
  readonly priority?: number;
  /**
   * Required to allow a public registry or a registry wildcard (docker.io, *.azurecr.io...): why
   * it is accepted. Records a waiver of container/allowed-registries-only.
   * @default none: such hosts are rejected
   */
  readonly reason?: string;
}

/** A user network rule. */
export interface AllowNetworkOptions {
  /** Protocols. */
  readonly protocols: readonly ('TCP' | 'UDP' | 'ICMP')[];
  /** Destination ports or ranges (`443`, `8000-8080`); never `*` nor `1-65535`. */
  readonly destinationPorts: readonly string[];
  /**
   * Destination CIDRs, IPs or service tags; never `*` or `0.0.0.0/0`.
   * @default none (give this or destinationFqdns)
   */
  readonly destinationAddresses?: readonly string[];
  /**
   * Destination FQDNs (needs the DNS proxy: not on the Basic tier).
   * @default none (give this or destinationAddresses)
   */
  readonly destinationFqdns?: readonly string[];
  /**
   * Source CIDRs; never `*`.
   * @default the node subnets (IP group)
   */
  readonly sources?: readonly string[];
  /**
   * Rule collection priority, 100-65000, unique in the custom rule collection group.
   * @default the next free priority from 1000 in steps of 10
   */
  readonly priority?: number;
}

/** Props of EgressFirewall. */
export interface EgressFirewallProps extends PlacementProps {
  /** Base name of the resources (`<name>-fw`, `<name>-fw-policy`, `<name>-egress-<region>`...). */
  readonly name: string;
  /**
   * The hub VNet to create (give this or `existingHubNetwork`).
   * @default none
   */
  readonly hubNetwork?: HubNetworkProps;
  /**
   * An existing hub VNet (give this or `hubNetwork`).
   * @default none
   */
  readonly existingHubNetwork?: ExistingHubNetwork;
  /** AzureFirewallSubnet: /26 or larger. */
  readonly firewallSubnet: HubSubnetProps;
  /**
   * AzureFirewallManagementSubnet (/26 or larger) with its own public IP: required by the Basic tier.
   * @default none
   */
  readonly managementSubnet?: HubSubnetProps;
  /**
   * Firewall and policy tier. Premium adds IDPS in Deny mode. Basic needs `managementSubnet`, has
   * no DNS proxy (so no FQDN network rules: the NTP rule is left out; nodes built since March 2021
   * sync time from the Azure host) and threat intelligence in Alert mode only.
   * @default 'Premium'
   */
  readonly tier?: FirewallTier;
  /** Log Analytics workspace id for the firewall's logs (resource-specific tables). */
  readonly logAnalyticsWorkspaceId: string;
  /**
   * Policy analytics (firewall policy insights) into the same workspace.
   * @default false
   */
  readonly insights?: boolean;
  /**
   * DNS servers the firewall's DNS proxy forwards to.
   * @default Azure DNS
   */
  readonly dnsServers?: readonly string[];
  /**
   * Node subnets: sources of the rules and associated with the route table.
   * @default none (add them with addNodeSubnet)
   */
  readonly nodeSubnets?: readonly NodeSubnet[];
  /**
   * Spoke VNets holding node subnets; peered with the hub unless `peering: 'existing'`.
   * @default none
   */
  readonly spokes?: readonly PeeredSpoke[];
  /**
   * Features whose outbound endpoints are allowed. `aks-core` is always on.
   * @default ['aks-core', 'container-insights', 'managed-prometheus', 'azure-policy', 'defender']
   */
  readonly features?: readonly EgressFeature[];
  /**
   * Per-feature options (hosts, private link).
   * @default none
   */
  readonly featureOptions?: Readonly<Partial<Record<EgressFeature, EgressFeatureOptions>>>;
  /**
   * How the cluster's API server is reached: `vnet-integration` and `private-link` need no tunnel
   * ports; `public` adds UDP 1194 and TCP 9000 to `AzureCloud.<region>`.
   * @default 'vnet-integration'
   */
  readonly apiServerAccess?: ApiServerAccess;
  /**
   * Region of the cluster, for regional endpoints (`<region>.handler.control.monitor.azure.com`).
   * @default `location`
   */
  readonly clusterLocation?: string;
  /**
   * Azure Bastion (Standard) in the hub: `subnetAddressPrefix` of AzureBastionSubnet (/26 or larger).
   * @default none
   */
  readonly bastion?: { readonly subnetAddressPrefix: string; readonly subnetName?: string; readonly scaleUnits?: number };
  /**
   * Deploy without availability zones (a region without zones): why. Records a waiver of
   * disaster-recovery/availability-zones.
   * @default zones 1, 2 and 3
   */
  readonly withoutZones?: { readonly reason: string };
  /**
   * Priority of the generated rule collection group (the custom one is this + 100).
   * @default 200
   */
  readonly ruleCollectionGroupPriority?: number;
}

const ZONES = ['1', '2', '3'];
const FIRST_CUSTOM_PRIORITY = 1000;
const CUSTOM_PRIORITY_STEP = 10;

interface CustomCollection {
  readonly name: string;
  readonly priority: number;
  readonly application?: FirewallPolicyRuleCollectionGroupApplicationRuleCollection;
  readonly network?: FirewallPolicyRuleCollectionGroupNetworkRuleCollection;
}

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
  private readonly hubRg: string;
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
    this.props = props;
    this.tier = props.tier ?? 'Premium';
    assertProp(['Premium', 'Standard', 'Basic'].includes(this.tier), C, 'tier', this.tier, 'is not a firewall tier', "use 'Premium', 'Standard' or 'Basic'");
    assertProp(
      unresolved(props.name) || /^[A-Za-z0-9][A-Za-z0-9_.-]{0,48}[A-Za-z0-9]$/.test(props.name),
      C,
      'name',
      props.name,
      'is not usable as a resource base name',
      'use 2-50 letters, digits, underscores, periods or hyphens, starting and ending with a letter or digit',
    );
    const clusterLocation = props.clusterLocation ?? props.location;
    assertProp(!unresolved(clusterLocation), C, 'clusterLocation', clusterLocation, 'is unresolved, so the regional endpoints cannot be generated', 'give the cluster region as a literal, e.g. clusterLocation: "westeurope"');
    this.region = regionName(clusterLocation);
    const tags = { ...(props.tags ?? {}) };

    // ---- hub network
    assertProp(!!props.hubNetwork !== !!props.existingHubNetwork, C, 'hubNetwork', props.hubNetwork ?? props.existingHubNetwork ?? null, 'must be given, or existingHubNetwork, not both nor neither', 'give hubNetwork to create the hub VNet, or existingHubNetwork to use one');
    const hubSpace = props.hubNetwork?.addressSpace ?? props.existingHubNetwork?.addressSpace;
    if (props.hubNetwork) {
      for (const cidr of props.hubNetwork.addressSpace) {
        assertProp(unresolved(cidr) || parseCidr(cidr) !== undefined, C, 'hubNetwork.addressSpace', cidr, 'is not a valid IPv4 CIDR', 'give blocks such as 10.0.0.0/22');
      }
      this.hubRg = props.resourceGroupName;
      this.hubVnet = new VirtualNetwork(this, 'hub', {
        name: props.hubNetwork.name,
        resourceGroupName: this.hubRg,
        location: props.location,
        addressSpace: [...props.hubNetwork.addressSpace],
        tags,
      });
      this.hubVnetName = this.hubVnet.name;
      this.hubVnetId = this.hubVnet.id;
    } else {
      const hub = props.existingHubNetwork!;
      this.hubRg = hub.resourceGroupName ?? props.resourceGroupName;
      this.hubVnetName = hub.name;
      this.hubVnetId = hub.id;
    }

    // ---- subnets
    requireSubnet(C, 'firewallSubnet', props.firewallSubnet.name ?? FIREWALL_SUBNET_NAME, props.firewallSubnet.addressPrefix, FIREWALL_SUBNET_NAME, hubSpace);
    if (props.managementSubnet) {
      requireSubnet(C, 'managementSubnet', props.managementSubnet.name ?? FIREWALL_MANAGEMENT_SUBNET_NAME, props.managementSubnet.addressPrefix, FIREWALL_MANAGEMENT_SUBNET_NAME, hubSpace);
    }
    assertProp(
      this.tier !== 'Basic' || !!props.managementSubnet,
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
    const subnetDeps = this.hubVnet ? [this.hubVnet] : [];
    this.firewallSubnet = new Subnet(this, 'firewall-subnet', {
      name: FIREWALL_SUBNET_NAME,
      resourceGroupName: this.hubRg,
      virtualNetworkName: this.hubVnetName,
      addressPrefixes: [props.firewallSubnet.addressPrefix],
      dependsOn: subnetDeps,
    });
    if (props.managementSubnet) {
      this.managementSubnet = new Subnet(this, 'management-subnet', {
        name: FIREWALL_MANAGEMENT_SUBNET_NAME,
        resourceGroupName: this.hubRg,
        virtualNetworkName: this.hubVnetName,
        addressPrefixes: [props.managementSubnet.addressPrefix],
        dependsOn: subnetDeps,
      });
    }

    // ---- zones
    if (props.withoutZones) {
      Checklist.of(this).waive('disaster-recovery/availability-zones', props.withoutZones.reason);
    }
    const zones = props.withoutZones ? undefined : ZONES;

    // ---- public IPs and firewall policy
    this.publicIp = this.newPublicIp('pip', `${props.name}-fw-pip`, zones);
    const premium = this.tier === 'Premium';
    const basic = this.tier === 'Basic';
    this.policy = new FirewallPolicy(this, 'policy', {
      name: `${props.name}-fw-policy`,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      sku: this.tier,
      // On the policy, never on the firewall: Azure rejects the firewall's own threat_intel_mode once a policy is attached.
      threatIntelligenceMode: basic ? 'Alert' : 'Deny',
      dns: basic ? undefined : { proxyEnabled: true, servers: props.dnsServers ? [...props.dnsServers] : undefined },
      intrusionDetection: premium ? { mode: 'Deny' } : undefined,
      insights: props.insights
        ? { enabled: true, defaultLogAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId, retentionInDays: 30 }
        : undefined,
      tags,
    });

    // ---- firewall
    const managementIp = this.managementSubnet ? this.newPublicIp('management-pip', `${props.name}-fw-mgmt-pip`, zones) : undefined;
    this.firewall = new Firewall(this, 'firewall', {
      name: `${props.name}-fw`,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      skuName: 'AZFW_VNet',
      skuTier: this.tier,
      firewallPolicyId: this.policy.id,
      zones,
      ipConfiguration: [{ name: 'egress', subnetId: this.firewallSubnet.id, publicIpAddressId: this.publicIp.id }],
      managementIpConfiguration: managementIp ? { name: 'management', subnetId: this.managementSubnet!.id, publicIpAddressId: managementIp.id } : undefined,
      tags,
    });
    this.nextHopIp = this.firewall.ipConfiguration.get(0).privateIpAddress;
    this.egressPublicIps = [this.publicIp.ipAddress];

    // ---- diagnostics (resource-specific tables)
    this.diagnostics = new MonitorDiagnosticSetting(this, 'diagnostics', {
      name: 'firewall-to-log-analytics',
      targetResourceId: this.firewall.id,
      logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId,
      logAnalyticsDestinationType: 'Dedicated',
      enabledLog: FIREWALL_LOG_CATEGORIES.map((category) => ({ category })),
      enabledMetric: [{ category: 'AllMetrics' }],
    });

    // ---- sources and generated rules
    this.nodeIpGroup = new IpGroup(this, 'node-ip-group', {
      name: `${props.name}-aks-nodes`,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      cidrs: [],
      tags,
    });
    const groupPriority = props.ruleCollectionGroupPriority ?? 200;
    requirePriority(C, 'ruleCollectionGroupPriority', groupPriority, new Map());
    assertProp(groupPriority + 100 <= 65000, C, 'ruleCollectionGroupPriority', groupPriority, 'leaves no room for the custom group (priority + 100)', 'give a priority up to 64900');
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
      assertProp(ALL_FEATURES.includes(feature), C, 'featureOptions', feature, 'is not an egress feature', `use one of ${ALL_FEATURES.join(', ')}`);
      assertProp((props.features ?? DEFAULT_FEATURES).includes(feature), C, `featureOptions.${feature}`, options, 'is given for a feature that is not enabled', `add '${feature}' to features, or call allowFeature('${feature}', options)`);
    }
    this.features.set('aks-core', {});
    for (const feature of props.features ?? DEFAULT_FEATURES) {
      this.enableFeature(feature, props.featureOptions?.[feature] ?? {}, 'features');
    }
    this.renderGenerated();

    // ---- bastion
    if (props.bastion) {
      this.bastion = new HubBastion(
        this,
        'bastion',
        {
          name: props.name,
          resourceGroupName: props.resourceGroupName,
          location: props.location,
          tags,
          virtualNetworkName: this.hubVnetName,
          virtualNetworkResourceGroupName: this.hubRg,
          subnetAddressPrefix: props.bastion.subnetAddressPrefix,
          subnetName: props.bastion.subnetName,
          scaleUnits: props.bastion.scaleUnits,
          hubAddressSpace: hubSpace,
          zones,
        },
        C,
        'bastion.',
      );
      // dependable(), not .fqn: depends_on takes bare references; Terraform rejects "${...}" there.
      this.bastion.subnet.dependsOn = subnetDeps.map((d) => dependable(d));
    }

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
    assertProp(options.fqdns.length > 0, C, `${prop}.fqdns`, options.fqdns, 'is empty', 'give the hosts to allow');
    options.fqdns.forEach((f) => requireFqdn(C, `${prop}.fqdns`, f));
    this.requireNoPrivateHost(`${prop}.fqdns`, options.fqdns);
    assertProp(options.protocols.length > 0, C, `${prop}.protocols`, options.protocols, 'is empty', "give protocols such as [{ type: 'Https', port: 443 }]");
    for (const p of options.protocols) {
      assertProp(['Http', 'Https', 'Mssql'].includes(p.type) && Number.isInteger(p.port) && p.port >= 1 && p.port <= 64000, C, `${prop}.protocols`, p, 'is not an application rule protocol', "use type 'Http', 'Https' or 'Mssql' with a port from 1 to 64000");
    }
    const unvetted = options.fqdns.filter(isUnvettedRegistryHost);
    if (unvetted.length > 0) {
      assertProp(
        typeof options.reason === 'string' && options.reason.trim().length >= 10,
        C,
        `${prop}.fqdns`,
        unvetted,
        'opens a public registry or a registry wildcard, so nodes could pull images nobody vetted',
        'allow only your registries\' hosts (PrivateRegistry.dataEndpointHosts), or give a reason to accept the risk',
      );
      Checklist.of(this).waive('container/allowed-registries-only', options.reason!);
    }
    const sources = this.sourcesFor(`${prop}.sources`, options.sources);
    const priority = this.claimPriority(`${prop}.priority`, name, options.priority);
    this.custom.push({
      name,
      priority,
      application: {
        name,
        priority,
        action: 'Allow',
        rule: [{ name, description: 'custom', ...sources, destinationFqdns: [...options.fqdns], protocols: options.protocols.map((p) => ({ type: p.type, port: p.port })) }],
      },
    });
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
    assertProp(addresses.length + fqdns.length > 0, C, `${prop}.destinationAddresses`, addresses, 'and destinationFqdns are both empty', 'name the destinations');
    requireDestinations(C, `${prop}.destinationAddresses`, addresses);
    fqdns.forEach((f) => requireFqdn(C, `${prop}.destinationFqdns`, f));
    assertProp(fqdns.length === 0 || this.tier !== 'Basic', C, `${prop}.destinationFqdns`, fqdns, 'needs the DNS proxy, which the Basic tier lacks', "use destinationAddresses, or tier 'Standard' or 'Premium'");
    this.requireNoPrivateHost(`${prop}.destinationFqdns`, fqdns);
    requirePorts(C, `${prop}.destinationPorts`, options.destinationPorts);
    assertProp(options.protocols.length > 0 && options.protocols.every((p) => ['TCP', 'UDP', 'ICMP'].includes(p)), C, `${prop}.protocols`, options.protocols, 'is not a list of TCP, UDP, ICMP', "give e.g. ['TCP']");
    const sources = this.sourcesFor(`${prop}.sources`, options.sources);
    const priority = this.claimPriority(`${prop}.priority`, name, options.priority);
    this.custom.push({
      name,
      priority,
      network: {
        name,
        priority,
        action: 'Allow',
        rule: [
          {
            name,
            description: 'custom',
            ...sources,
            protocols: [...options.protocols],
            destinationPorts: [...options.destinationPorts],
            destinationAddresses: addresses.length ? [...addresses] : undefined,
            destinationFqdns: fqdns.length ? [...fqdns] : undefined,
          },
        ],
      },
    });
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
      if (ownHit) {
        throw new PropError(C, 'routeSubnets', id, `is the hub's ${ownHit.node.id} subnet, not a node subnet: routing it to the firewall would loop`, 'pass only node subnet ids');
      }
      const reserved = unresolved(id) ? undefined : RESERVED_SUBNET_NAMES.find((n) => id.toLowerCase().endsWith(`/subnets/${n.toLowerCase()}`));
      assertProp(reserved === undefined, C, 'routeSubnets', id, `is ${reserved}, which Azure reserves and is not a node subnet`, 'pass only node subnet ids');
      const subnet = this.nodeSubnets.find((s) => this.same(s.id, id));
      assertProp(
        subnet !== undefined,
        C,
        'routeSubnets',
        id,
        'is not a node subnet of this firewall, so its nodes would be routed to a firewall that has no rule for them',
        'declare it first with nodeSubnets or addNodeSubnet (id and addressPrefixes), or pass the right subnet id',
      );
      this.associate(subnet!);
    }
    return this;
  }

  /** Peers a spoke VNet with the hub (both ways) so its node subnets reach the firewall. */
  public peerSpoke(spoke: PeeredSpoke, prop = 'peerSpoke'): this {
    assertProp(['create', 'existing'].includes(spoke.peering ?? 'create'), C, `${prop}.peering`, spoke.peering, 'is not a peering mode', "use 'create' or 'existing'");
    this.spokes.push(spoke);
    if ((spoke.peering ?? 'create') === 'create') {
      const i = this.spokes.length - 1;
      new VirtualNetworkPeering(this, `hub-to-spoke-${i}`, {
        name: `hub-to-${unresolved(spoke.vnetName) ? `spoke-${i}` : spoke.vnetName}`,
        resourceGroupName: this.hubRg,
        virtualNetworkName: this.hubVnetName,
        remoteVirtualNetworkId: spoke.vnetId,
        allowVirtualNetworkAccess: true,
        allowForwardedTraffic: true,
        dependsOn: this.hubVnet ? [this.hubVnet] : [],
      });
      new VirtualNetworkPeering(this, `spoke-to-hub-${i}`, {
        name: `${unresolved(spoke.vnetName) ? `spoke-${i}` : spoke.vnetName}-to-hub`,
        resourceGroupName: spoke.resourceGroupName,
        virtualNetworkName: spoke.vnetName,
        remoteVirtualNetworkId: this.hubVnetId,
        allowVirtualNetworkAccess: true,
        // Return traffic from the Internet arrives forwarded by the firewall.
        allowForwardedTraffic: true,
      });
    }
    return this;
  }

  // ------------------------------------------------------------ internals

  /** Whether two values (literals or tokens) are the same. */
  private same(a: string, b: string): boolean {
    return resolvedKey(this, a) === resolvedKey(this, b);
  }

  private newPublicIp(id: string, name: string, zones: readonly string[] | undefined): PublicIp {
    return new PublicIp(this, id, {
      name,
      resourceGroupName: this.props.resourceGroupName,
      location: this.props.location,
      sku: 'Standard',
      allocationMethod: 'Static',
      zones: zones ? [...zones] : undefined,
      tags: { ...(this.props.tags ?? {}) },
    });
  }

  private enableFeature(feature: EgressFeature, options: EgressFeatureOptions, prop: string): void {
    assertProp(ALL_FEATURES.includes(feature), C, prop, feature, 'is not an egress feature', `use one of ${ALL_FEATURES.join(', ')}`);
    const hosts = options.hosts ?? [];
    if (FEATURES_WITH_HOSTS.includes(feature)) {
      assertProp(
        options.privateLink === true || hosts.length > 0,
        C,
        `${prop}.hosts`,
        hosts,
        `is empty: '${feature}' needs the hosts to allow, or privateLink`,
        feature === 'container-registry'
          ? 'pass { privateLink: true } when the registry has a private endpoint, else { hosts: registry.dataEndpointHosts }'
          : "pass { privateLink: true } for a vault behind a private endpoint, else { hosts: ['<vault>.vault.azure.net'] }",
      );
    }
    assertProp(!(options.privateLink && hosts.length > 0), C, `${prop}.hosts`, hosts, 'are given with privateLink: a privately reached service needs no Internet rule', 'drop hosts, or privateLink');
    hosts.forEach((h) => requireFqdn(C, `${prop}.hosts`, h));
    if (feature === 'container-registry') {
      assertProp(!hosts.some(isUnvettedRegistryHost), C, `${prop}.hosts`, hosts, 'includes a registry wildcard or a public registry', "give your registry's own hosts (PrivateRegistry.dataEndpointHosts)");
    }
    this.features.set(feature, options);
    this.requireNoPrivateHost(`${prop}.hosts`, this.allowedFqdns());
  }

  /** Every FQDN the firewall allows (generated and custom). */
  private allowedFqdns(): string[] {
    const generated = this.enabledFeatures.flatMap((f) => this.endpointsOf(f).fqdnRules.flatMap((r) => r.fqdns ?? []));
    const custom = this.custom.flatMap((c) => [
      ...(c.application ? (c.application.rule as { destinationFqdns?: string[] }[]).flatMap((r) => r.destinationFqdns ?? []) : []),
      ...(c.network ? (c.network.rule as { destinationFqdns?: string[] }[]).flatMap((r) => r.destinationFqdns ?? []) : []),
    ]);
    return [...generated, ...custom];
  }

  /** Rejects rules to hosts of services reached by private link (network/private-registry-endpoint). */
  private requireNoPrivateHost(prop: string, fqdns: readonly string[]): void {
    const registry = this.features.get('container-registry');
    if (!registry?.privateLink) {
      return;
    }
    const hit = fqdns.find((f) => /(^|\.)azurecr\.io$/i.test(f.replace(/^\*\./, '')) || fqdnMatches(f, 'x.azurecr.io'));
    assertProp(
      hit === undefined,
      C,
      prop,
      hit,
      'opens an Internet path to a container registry while the registry is reached by private link',
      'remove the rule: nodes pull through the private endpoint',
    );
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

  private get nodeSources(): { sourceIpGroups: string[] } {
    return { sourceIpGroups: [this.nodeIpGroup.id] };
  }

  private sourcesFor(prop: string, sources: readonly string[] | undefined): { sourceIpGroups?: string[]; sourceAddresses?: string[] } {
    if (sources === undefined) {
      return this.nodeSources;
    }
    requireSources(C, prop, sources);
    return { sourceAddresses: [...sources] };
  }

  private claimPriority(prop: string, name: string, priority: number | undefined): number {
    assertProp(!this.custom.some((c) => c.name === name), C, prop.replace(/\.priority$/, '.name'), name, 'is already a custom rule collection', 'give each rule collection its own name');
    const taken = new Map(this.custom.map((c) => [c.priority, c.name] as [number, string]));
    if (priority !== undefined) {
      requirePriority(C, prop, priority, taken);
      return priority;
    }
    let next = FIRST_CUSTOM_PRIORITY;
    while (taken.has(next)) {
      next += CUSTOM_PRIORITY_STEP;
    }
    return next;
  }

  /** Rewrites the generated rule collection group from the enabled features. */
  private renderGenerated(): void {
    const application = this.enabledFeatures.flatMap((feature) =>
      this.endpointsOf(feature).fqdnRules.map((r) => ({
        name: `${feature}-${r.suffix}`,
        description: `feature=${feature}: ${r.why}`,
        ...this.nodeSources,
        destinationFqdns: r.fqdns ? [...r.fqdns] : undefined,
        destinationFqdnTags: r.fqdnTags ? [...r.fqdnTags] : undefined,
        protocols: r.protocols.map((p) => ({ type: p.type, port: p.port })),
      })),
    );
    const network = this.enabledFeatures.flatMap((feature) =>
      this.endpointsOf(feature).networkRules.map((r) => ({
        name: `${feature}-${r.suffix}`,
        description: `feature=${feature}: ${r.why}`,
        ...this.nodeSources,
        protocols: [...r.protocols],
        destinationPorts: [...r.ports],
        destinationAddresses: r.destinationAddresses ? [...r.destinationAddresses] : undefined,
        destinationFqdns: r.destinationFqdns ? [...r.destinationFqdns] : undefined,
      })),
    );
    this.ruleCollectionGroup.putNetworkRuleCollection(network.length ? [{ name: 'aks-network', priority: 100, action: 'Allow', rule: network }] : []);
    this.ruleCollectionGroup.putApplicationRuleCollection(application.length ? [{ name: 'aks-application', priority: 200, action: 'Allow', rule: application }] : []);
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
    assertProp(typeof subnet.id === 'string' && subnet.id !== '', C, `${prop}.id`, subnet.id, 'is empty', 'give the subnet resource id');
    assertProp(!this.nodeSubnets.some((s) => this.same(s.id, subnet.id)), C, `${prop}.id`, subnet.id, 'is already a node subnet', 'add each node subnet once');
    assertProp(subnet.addressPrefixes.length > 0, C, `${prop}.addressPrefixes`, subnet.addressPrefixes, 'is empty', 'give the subnet\'s address prefixes: they are the rules\' sources');
    for (const p of subnet.addressPrefixes) {
      assertProp(!isAnyAddress(p), C, `${prop}.addressPrefixes`, p, 'would make every address a source', 'give the subnet\'s own prefix');
      assertProp(unresolved(p) || parseCidr(p) !== undefined, C, `${prop}.addressPrefixes`, p, 'is not a valid IPv4 CIDR', 'give the subnet prefix, e.g. 10.1.0.0/22');
    }
    if (subnet.name !== undefined && !unresolved(subnet.name)) {
      assertProp(!RESERVED_SUBNET_NAMES.includes(subnet.name), C, `${prop}.name`, subnet.name, 'is a subnet Azure reserves for its own service, not a node subnet', 'give the subnet your node pools use');
    }
    const location = subnet.location ?? this.props.location;
    const spoke = subnet.vnetId === undefined ? undefined : this.spokes.find((s) => this.same(s.vnetId, subnet.vnetId!));
    const inHub = subnet.vnetId !== undefined && this.same(subnet.vnetId, this.hubVnetId);
    if (subnet.vnetId !== undefined && !inHub && !spoke) {
      const regions = !unresolved(location) && !unresolved(this.props.location) && regionName(location) !== regionName(this.props.location) ? ` (spoke in ${location}, firewall in ${this.props.location})` : '';
      throw new PropError(C, `${prop}.vnetId`, subnet.vnetId, `is a VNet with no peering to the hub${regions}: its nodes cannot reach the firewall`, 'list the spoke in spokes (peering created) or call peerSpoke() first; use peering: "existing" when it is peered elsewhere');
    }
    if (spoke && !unresolved(spoke.location) && !unresolved(location)) {
      assertProp(regionName(spoke.location) === regionName(location), C, `${prop}.location`, location, `differs from its spoke's region ${spoke.location}`, 'give the subnet\'s real region');
    }
    if (subnet.vnetId === undefined && !unresolved(location) && !unresolved(this.props.location) && regionName(location) !== regionName(this.props.location)) {
      throw new PropError(C, `${prop}.vnetId`, undefined, `is unset for a subnet in ${location} while the firewall is in ${this.props.location}: a spoke in another region reaches the firewall only through a peering`, 'give vnetId and list that VNet in spokes (or peerSpoke())');
    }
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
    const errors: string[] = [];
    if (this.nodeSubnets.length === 0) {
      errors.push(`${C} ${this.node.path}: no node subnet: the firewall routes and allows nothing. Fix: give nodeSubnets or call addNodeSubnet().`);
    }
    const stack = TerraformStack.of(this);
    const doc = new TerraformDocument(synthesizedJson(stack), stack.node.id);
    // Our node subnets' ids as the JSON writes them: read back from our own route associations.
    const mine = new Set(
      doc
        .resources('azurerm_subnet_route_table_association')
        .filter((a) => a.constructPath?.startsWith(`${this.node.path}/`))
        .map((a) => String(a.values.subnet_id)),
    );
    const failing = egressLockdownEvidence(doc).filter((e) => !e.ok);
    for (const e of failing) {
      const block = doc.block(e.address);
      const ownResource = e.constructPath !== undefined && e.constructPath.startsWith(`${this.node.path}/`);
      const attachedCluster =
        block?.type === 'azurerm_kubernetes_cluster' &&
        (JSON.stringify(block.values).includes('"userDefinedRouting"') || [...mine].some((id) => JSON.stringify(block.values).includes(JSON.stringify(id))));
      if (ownResource || attachedCluster) {
        errors.push(`${C} ${this.node.path}: ${e.message}.`);
      }
    }
    return errors;
  }
}

/** The resource-specific (Dedicated) Azure Firewall log categories sent to Log Analytics. */
export const FIREWALL_LOG_CATEGORIES: readonly string[] = [
  'AZFWApplicationRule',
  'AZFWNetworkRule',
  'AZFWNatRule',
  'AZFWThreatIntel',
  'AZFWIdpsSignature',
  'AZFWDnsQuery',
  'AZFWFqdnResolveFailure',
  'AZFWApplicationRuleAggregation',
  'AZFWNetworkRuleAggregation',
  'AZFWNatRuleAggregation',
];
