/**
 * EgressFirewall's prop checks that need no construct state: the constructor's props (tier, name,
 * placement, regions, zones, rule group priority, feature options), a feature's options, a custom
 * rule's options, a node subnet's shape, and the private-link guard
 * (network/private-registry-endpoint). Each takes the firewall (`at`) and throws PropError naming
 * it and its path, the prop, the value and the fix.
 */
import type { Construct } from 'constructs';
import { Checklist } from '../checklist/checklist';
import { parseCidr } from '../core/cidr';
import type { EgressFeature } from '../core/contracts';
import { assertProp, ErrorSubject, PropError } from '../core/errors';
import { checkDnsServers, checkPlacement, checkReason, checkRegion, checkUsableRange, checkZonesIn, isToken, resolvedKey } from '../core/validate';
import type { AllowFqdnsOptions, AllowNetworkOptions, EgressFeatureOptions, EgressFirewallProps, FirewallTier, NodeSubnet, PeeredSpoke } from './egress-firewall-props';
import { ALL_FEATURES, DEFAULT_FEATURES, FEATURES_WITH_HOSTS } from './endpoints';
import { fqdnMatches, isAnyAddress, isUnvettedRegistryHost, RESERVED_SUBNET_NAMES } from './rules';
import { regionName, requireDestinations, requireFqdn, requirePorts, requirePriority } from './validation';

/** The availability zones of a zone-redundant firewall (and its public IPs and Bastion). */
const ZONES = ['1', '2', '3'];

/**
 * The constructor's own props of the firewall `at` (before the hub is built): tier, name,
 * placement, DNS servers, the cluster region and the hub address space.
 * @returns the cluster region's programmatic name (the regional endpoints' region)
 */
export function requireFirewallProps(at: Construct, props: EgressFirewallProps, tier: FirewallTier): string {
  assertProp(['Premium', 'Standard', 'Basic'].includes(tier), at, 'tier', tier, 'is not a firewall tier', "use 'Premium', 'Standard' or 'Basic'");
  assertProp(
    isToken(props.name) || /^[A-Za-z0-9][A-Za-z0-9_.-]{0,48}[A-Za-z0-9]$/.test(props.name),
    at,
    'name',
    props.name,
    'is not usable as a resource base name',
    'use 2-50 letters, digits, underscores, periods or hyphens, starting and ending with a letter or digit',
  );
  checkPlacement(at, props);
  checkDnsServers(at, 'dnsServers', props.dnsServers);
  if (props.clusterLocation !== undefined) {
    checkRegion(at, 'clusterLocation', props.clusterLocation);
  }
  (props.hubNetwork?.addressSpace ?? []).forEach((cidr, i) => checkUsableRange(at, `hubNetwork.addressSpace[${i}]`, cidr, '10.0.0.0/24'));
  const clusterLocation = props.clusterLocation ?? props.location;
  assertProp(!isToken(clusterLocation), at, 'clusterLocation', clusterLocation, 'is unresolved, so the regional endpoints cannot be generated', 'give the cluster region as a literal, e.g. clusterLocation: "westeurope"');
  return regionName(clusterLocation);
}

/** The firewall's zones: 1-3 where the region has them, none with `withoutZones` (waived, with its reason). */
export function resolveFirewallZones(at: Construct, props: EgressFirewallProps): string[] | undefined {
  if (props.withoutZones) {
    Checklist.of(at).waive('disaster-recovery/availability-zones', checkReason(at, 'withoutZones.reason', props.withoutZones.reason, 'a firewall without availability zones'));
    return undefined;
  }
  checkZonesIn(at, 'location', props.location, props.location, 'a zone-redundant firewall (zones 1-3, the default)', "set withoutZones: { reason: 'the region has no availability zones' }");
  return ZONES;
}

/** The generated rule collection group's priority (default 200), leaving room for the custom group at +100. */
export function requireGroupPriority(at: Construct, props: EgressFirewallProps): number {
  const groupPriority = props.ruleCollectionGroupPriority ?? 200;
  requirePriority(at, 'ruleCollectionGroupPriority', groupPriority, new Map());
  assertProp(groupPriority + 100 <= 65000, at, 'ruleCollectionGroupPriority', groupPriority, 'leaves no room for the custom group (priority + 100)', 'give a priority up to 64900');
  return groupPriority;
}

/** `featureOptions` names only egress features that `features` enables. */
export function requireFeatureOptionsEnabled(at: Construct, props: EgressFirewallProps): void {
  for (const [feature, options] of Object.entries(props.featureOptions ?? {}) as [EgressFeature, EgressFeatureOptions][]) {
    assertProp(ALL_FEATURES.includes(feature), at, 'featureOptions', feature, 'is not an egress feature', `use one of ${ALL_FEATURES.join(', ')}`);
    assertProp((props.features ?? DEFAULT_FEATURES).includes(feature), at, `featureOptions.${feature}`, options, 'is given for a feature that is not enabled', `add '${feature}' to features, or call allowFeature('${feature}', options)`);
  }
}

/** A feature's options: hosts when the feature needs them (or privateLink), never both, only vetted registry hosts. */
export function requireFeatureOptions(at: ErrorSubject, feature: EgressFeature, options: EgressFeatureOptions, prop: string): void {
  assertProp(ALL_FEATURES.includes(feature), at, prop, feature, 'is not an egress feature', `use one of ${ALL_FEATURES.join(', ')}`);
  const hosts = options.hosts ?? [];
  if (FEATURES_WITH_HOSTS.includes(feature)) {
    assertProp(
      options.privateLink === true || hosts.length > 0,
      at,
      `${prop}.hosts`,
      hosts,
      `is empty: '${feature}' needs the hosts to allow, or privateLink`,
      feature === 'container-registry'
        ? 'pass { privateLink: true } when the registry has a private endpoint, else { hosts: registry.dataEndpointHosts }'
        : "pass { privateLink: true } for a vault behind a private endpoint, else { hosts: ['<vault>.vault.azure.net'] }",
    );
  }
  assertProp(!(options.privateLink && hosts.length > 0), at, `${prop}.hosts`, hosts, 'are given with privateLink: a privately reached service needs no Internet rule', 'drop hosts, or privateLink');
  hosts.forEach((h) => requireFqdn(at, `${prop}.hosts`, h));
  if (feature === 'container-registry') {
    assertProp(!hosts.some(isUnvettedRegistryHost), at, `${prop}.hosts`, hosts, 'includes a registry wildcard or a public registry', "give your registry's own hosts (PrivateRegistry.dataEndpointHosts)");
  }
}

/** Rejects rules to a container registry's hosts while the registry is reached by private link (network/private-registry-endpoint). */
export function requireNoPrivateRegistryHost(at: ErrorSubject, registryPrivateLink: boolean, prop: string, fqdns: readonly string[]): void {
  if (!registryPrivateLink) {
    return;
  }
  const hit = fqdns.find((f) => /(^|\.)azurecr\.io$/i.test(f.replace(/^\*\./, '')) || fqdnMatches(f, 'x.azurecr.io'));
  assertProp(
    hit === undefined,
    at,
    prop,
    hit,
    'opens an Internet path to a container registry while the registry is reached by private link',
    'remove the rule: nodes pull through the private endpoint',
  );
}

/** A custom application rule's FQDNs (checked before the private-link guard). */
export function requireFqdnRuleHosts(at: ErrorSubject, prop: string, options: AllowFqdnsOptions): void {
  assertProp(options.fqdns.length > 0, at, `${prop}.fqdns`, options.fqdns, 'is empty', 'give the hosts to allow');
  options.fqdns.forEach((f) => requireFqdn(at, `${prop}.fqdns`, f));
}

/**
 * A custom application rule's registry hosts: a public registry or a registry wildcard takes a
 * reason, recorded as a waiver of container/allowed-registries-only on the firewall `at`.
 */
export function acceptUnvettedRegistries(at: Construct, prop: string, options: AllowFqdnsOptions): void {
  const unvetted = options.fqdns.filter(isUnvettedRegistryHost);
  if (unvetted.length === 0) {
    return;
  }
  assertProp(
    options.reason !== undefined,
    at,
    `${prop}.fqdns`,
    unvetted,
    'opens a public registry or a registry wildcard, so nodes could pull images nobody vetted',
    'allow only your registries\' hosts (PrivateRegistry.dataEndpointHosts), or give a reason to accept the risk',
  );
  Checklist.of(at).waive('container/allowed-registries-only', checkReason(at, `${prop}.reason`, options.reason, 'nodes pulling from a public registry'));
}

/** A custom application rule's protocols. */
export function requireFqdnRuleProtocols(at: ErrorSubject, prop: string, options: AllowFqdnsOptions): void {
  assertProp(options.protocols.length > 0, at, `${prop}.protocols`, options.protocols, 'is empty', "give protocols such as [{ type: 'Https', port: 443 }]");
  for (const p of options.protocols) {
    assertProp(['Http', 'Https', 'Mssql'].includes(p.type) && Number.isInteger(p.port) && p.port >= 1 && p.port <= 64000, at, `${prop}.protocols`, p, 'is not an application rule protocol', "use type 'Http', 'Https' or 'Mssql' with a port from 1 to 64000");
  }
}

/** A custom network rule's destinations (checked before the private-link guard). */
export function requireNetworkRuleDestinations(at: ErrorSubject, prop: string, options: AllowNetworkOptions, tier: FirewallTier): void {
  const addresses = options.destinationAddresses ?? [];
  const fqdns = options.destinationFqdns ?? [];
  assertProp(addresses.length + fqdns.length > 0, at, `${prop}.destinationAddresses`, addresses, 'and destinationFqdns are both empty', 'name the destinations');
  requireDestinations(at, `${prop}.destinationAddresses`, addresses);
  fqdns.forEach((f) => requireFqdn(at, `${prop}.destinationFqdns`, f));
  assertProp(fqdns.length === 0 || tier !== 'Basic', at, `${prop}.destinationFqdns`, fqdns, 'needs the DNS proxy, which the Basic tier lacks', "use destinationAddresses, or tier 'Standard' or 'Premium'");
}

/** A custom network rule's ports and protocols. */
export function requireNetworkRulePorts(at: ErrorSubject, prop: string, options: AllowNetworkOptions): void {
  requirePorts(at, `${prop}.destinationPorts`, options.destinationPorts);
  assertProp(options.protocols.length > 0 && options.protocols.every((p) => ['TCP', 'UDP', 'ICMP'].includes(p)), at, `${prop}.protocols`, options.protocols, 'is not a list of TCP, UDP, ICMP', "give e.g. ['TCP']");
}

/** What a new node subnet is checked against: the firewall's node subnets, spokes, hub and region. */
export interface NodeSubnetContext {
  readonly known: readonly NodeSubnet[];
  readonly spokes: readonly PeeredSpoke[];
  readonly hubVnetId: string;
  /** The firewall's region. */
  readonly location: string;
}

/** A node subnet added to the firewall `at`: an id not yet known, its shape and region, and a path to the firewall. */
export function requireNewNodeSubnet(at: Construct, subnet: NodeSubnet, prop: string, ctx: NodeSubnetContext): void {
  const same = (a: string, b: string): boolean => resolvedKey(at, a) === resolvedKey(at, b);
  assertProp(typeof subnet.id === 'string' && subnet.id !== '', at, `${prop}.id`, subnet.id, 'is empty', 'give the subnet resource id');
  assertProp(!ctx.known.some((s) => same(s.id, subnet.id)), at, `${prop}.id`, subnet.id, 'is already a node subnet', 'add each node subnet once');
  requireNodeSubnetShape(at, subnet, prop);
  if (subnet.location !== undefined) {
    checkRegion(at, `${prop}.location`, subnet.location);
  }
  const spoke = subnet.vnetId === undefined ? undefined : ctx.spokes.find((s) => same(s.vnetId, subnet.vnetId!));
  const inHub = subnet.vnetId !== undefined && same(subnet.vnetId, ctx.hubVnetId);
  requireReachesFirewall(at, subnet, prop, ctx.location, spoke, inHub);
}

/** A node subnet's address prefixes (its rules' sources) and name. */
function requireNodeSubnetShape(at: ErrorSubject, subnet: NodeSubnet, prop: string): void {
  assertProp(subnet.addressPrefixes.length > 0, at, `${prop}.addressPrefixes`, subnet.addressPrefixes, 'is empty', 'give the subnet\'s address prefixes: they are the rules\' sources');
  for (const p of subnet.addressPrefixes) {
    assertProp(!isAnyAddress(p), at, `${prop}.addressPrefixes`, p, 'would make every address a source', 'give the subnet\'s own prefix');
    assertProp(isToken(p) || parseCidr(p) !== undefined, at, `${prop}.addressPrefixes`, p, 'is not a valid IPv4 CIDR', 'give the subnet prefix, e.g. 10.1.0.0/22');
  }
  if (subnet.name !== undefined && !isToken(subnet.name)) {
    assertProp(!RESERVED_SUBNET_NAMES.includes(subnet.name), at, `${prop}.name`, subnet.name, 'is a subnet Azure reserves for its own service, not a node subnet', 'give the subnet your node pools use');
  }
}

/**
 * A node subnet reaches the firewall: in the hub or a peered spoke (of its own region), or in the
 * firewall's region when its VNet is not given.
 * @param spoke the listed spoke holding the subnet's VNet, if any
 * @param inHub whether the subnet's VNet is the hub
 */
function requireReachesFirewall(at: ErrorSubject, subnet: NodeSubnet, prop: string, firewallLocation: string, spoke: PeeredSpoke | undefined, inHub: boolean): void {
  const location = subnet.location ?? firewallLocation;
  if (subnet.vnetId !== undefined && !inHub && !spoke) {
    const regions = !isToken(location) && !isToken(firewallLocation) && regionName(location) !== regionName(firewallLocation) ? ` (spoke in ${location}, firewall in ${firewallLocation})` : '';
    throw new PropError(at, `${prop}.vnetId`, subnet.vnetId, `is a VNet with no peering to the hub${regions}: its nodes cannot reach the firewall`, 'list the spoke in spokes (peering created) or call peerSpoke() first; use peering: "existing" when it is peered elsewhere');
  }
  if (spoke && !isToken(spoke.location) && !isToken(location)) {
    assertProp(regionName(spoke.location) === regionName(location), at, `${prop}.location`, location, `differs from its spoke's region ${spoke.location}`, 'give the subnet\'s real region');
  }
  if (subnet.vnetId === undefined && !isToken(location) && !isToken(firewallLocation) && regionName(location) !== regionName(firewallLocation)) {
    throw new PropError(at, `${prop}.vnetId`, undefined, `is unset for a subnet in ${location} while the firewall is in ${firewallLocation}: a spoke in another region reaches the firewall only through a peering`, 'give vnetId and list that VNet in spokes (or peerSpoke())');
  }
}

/**
 * A subnet given to routeSubnets() is a node subnet of the firewall: not one of the hub's own
 * subnets (`ownSubnet`: its construct id), not a reserved subnet, and declared (`nodeSubnet`).
 */
export function requireRoutableNodeSubnet(at: ErrorSubject, id: string, ownSubnet: string | undefined, nodeSubnet: NodeSubnet | undefined): asserts nodeSubnet is NodeSubnet {
  if (ownSubnet !== undefined) {
    throw new PropError(at, 'routeSubnets', id, `is the hub's ${ownSubnet} subnet, not a node subnet: routing it to the firewall would loop`, 'pass only node subnet ids');
  }
  const reserved = isToken(id) ? undefined : RESERVED_SUBNET_NAMES.find((n) => id.toLowerCase().endsWith(`/subnets/${n.toLowerCase()}`));
  assertProp(reserved === undefined, at, 'routeSubnets', id, `is ${reserved}, which Azure reserves and is not a node subnet`, 'pass only node subnet ids');
  assertProp(
    nodeSubnet !== undefined,
    at,
    'routeSubnets',
    id,
    'is not a node subnet of this firewall, so its nodes would be routed to a firewall that has no rule for them',
    'declare it first with nodeSubnets or addNodeSubnet (id and addressPrefixes), or pass the right subnet id',
  );
}
