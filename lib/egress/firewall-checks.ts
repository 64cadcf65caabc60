/**
 * EgressFirewall's prop checks that need no construct state: a feature's options, a custom rule's
 * options, a node subnet's shape, and the private-link guard (network/private-registry-endpoint).
 * Each throws PropError naming EgressFirewall, the prop, the value and the fix.
 */
import { parseCidr } from '../core/cidr';
import type { EgressFeature } from '../core/contracts';
import { assertProp, PropError } from '../core/errors';
import type { AllowFqdnsOptions, AllowNetworkOptions, EgressFeatureOptions, FirewallTier, NodeSubnet, PeeredSpoke } from './egress-firewall-props';
import { ALL_FEATURES, FEATURES_WITH_HOSTS } from './endpoints';
import { fqdnMatches, isAnyAddress, isUnvettedRegistryHost, RESERVED_SUBNET_NAMES } from './rules';
import { regionName, requireDestinations, requireFqdn, requirePorts, unresolved } from './validation';

const C = 'EgressFirewall';

/** A feature's options: hosts when the feature needs them (or privateLink), never both, only vetted registry hosts. */
export function requireFeatureOptions(feature: EgressFeature, options: EgressFeatureOptions, prop: string): void {
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
}

/** Rejects rules to a container registry's hosts while the registry is reached by private link (network/private-registry-endpoint). */
export function requireNoPrivateRegistryHost(registryPrivateLink: boolean, prop: string, fqdns: readonly string[]): void {
  if (!registryPrivateLink) {
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

/** A custom application rule's FQDNs (checked before the private-link guard). */
export function requireFqdnRuleHosts(prop: string, options: AllowFqdnsOptions): void {
  assertProp(options.fqdns.length > 0, C, `${prop}.fqdns`, options.fqdns, 'is empty', 'give the hosts to allow');
  options.fqdns.forEach((f) => requireFqdn(C, `${prop}.fqdns`, f));
}

/** A custom application rule's protocols. */
export function requireFqdnRuleProtocols(prop: string, options: AllowFqdnsOptions): void {
  assertProp(options.protocols.length > 0, C, `${prop}.protocols`, options.protocols, 'is empty', "give protocols such as [{ type: 'Https', port: 443 }]");
  for (const p of options.protocols) {
    assertProp(['Http', 'Https', 'Mssql'].includes(p.type) && Number.isInteger(p.port) && p.port >= 1 && p.port <= 64000, C, `${prop}.protocols`, p, 'is not an application rule protocol', "use type 'Http', 'Https' or 'Mssql' with a port from 1 to 64000");
  }
}

/** A custom network rule's destinations (checked before the private-link guard). */
export function requireNetworkRuleDestinations(prop: string, options: AllowNetworkOptions, tier: FirewallTier): void {
  const addresses = options.destinationAddresses ?? [];
  const fqdns = options.destinationFqdns ?? [];
  assertProp(addresses.length + fqdns.length > 0, C, `${prop}.destinationAddresses`, addresses, 'and destinationFqdns are both empty', 'name the destinations');
  requireDestinations(C, `${prop}.destinationAddresses`, addresses);
  fqdns.forEach((f) => requireFqdn(C, `${prop}.destinationFqdns`, f));
  assertProp(fqdns.length === 0 || tier !== 'Basic', C, `${prop}.destinationFqdns`, fqdns, 'needs the DNS proxy, which the Basic tier lacks', "use destinationAddresses, or tier 'Standard' or 'Premium'");
}

/** A custom network rule's ports and protocols. */
export function requireNetworkRulePorts(prop: string, options: AllowNetworkOptions): void {
  requirePorts(C, `${prop}.destinationPorts`, options.destinationPorts);
  assertProp(options.protocols.length > 0 && options.protocols.every((p) => ['TCP', 'UDP', 'ICMP'].includes(p)), C, `${prop}.protocols`, options.protocols, 'is not a list of TCP, UDP, ICMP', "give e.g. ['TCP']");
}

/** A node subnet's address prefixes (its rules' sources) and name. */
export function requireNodeSubnetShape(subnet: NodeSubnet, prop: string): void {
  assertProp(subnet.addressPrefixes.length > 0, C, `${prop}.addressPrefixes`, subnet.addressPrefixes, 'is empty', 'give the subnet\'s address prefixes: they are the rules\' sources');
  for (const p of subnet.addressPrefixes) {
    assertProp(!isAnyAddress(p), C, `${prop}.addressPrefixes`, p, 'would make every address a source', 'give the subnet\'s own prefix');
    assertProp(unresolved(p) || parseCidr(p) !== undefined, C, `${prop}.addressPrefixes`, p, 'is not a valid IPv4 CIDR', 'give the subnet prefix, e.g. 10.1.0.0/22');
  }
  if (subnet.name !== undefined && !unresolved(subnet.name)) {
    assertProp(!RESERVED_SUBNET_NAMES.includes(subnet.name), C, `${prop}.name`, subnet.name, 'is a subnet Azure reserves for its own service, not a node subnet', 'give the subnet your node pools use');
  }
}

/**
 * A node subnet reaches the firewall: in the hub or a peered spoke (of its own region), or in the
 * firewall's region when its VNet is not given.
 * @param spoke the listed spoke holding the subnet's VNet, if any
 * @param inHub whether the subnet's VNet is the hub
 */
export function requireReachesFirewall(subnet: NodeSubnet, prop: string, firewallLocation: string, spoke: PeeredSpoke | undefined, inHub: boolean): void {
  const location = subnet.location ?? firewallLocation;
  if (subnet.vnetId !== undefined && !inHub && !spoke) {
    const regions = !unresolved(location) && !unresolved(firewallLocation) && regionName(location) !== regionName(firewallLocation) ? ` (spoke in ${location}, firewall in ${firewallLocation})` : '';
    throw new PropError(C, `${prop}.vnetId`, subnet.vnetId, `is a VNet with no peering to the hub${regions}: its nodes cannot reach the firewall`, 'list the spoke in spokes (peering created) or call peerSpoke() first; use peering: "existing" when it is peered elsewhere');
  }
  if (spoke && !unresolved(spoke.location) && !unresolved(location)) {
    assertProp(regionName(spoke.location) === regionName(location), C, `${prop}.location`, location, `differs from its spoke's region ${spoke.location}`, 'give the subnet\'s real region');
  }
  if (subnet.vnetId === undefined && !unresolved(location) && !unresolved(firewallLocation) && regionName(location) !== regionName(firewallLocation)) {
    throw new PropError(C, `${prop}.vnetId`, undefined, `is unset for a subnet in ${location} while the firewall is in ${firewallLocation}: a spoke in another region reaches the firewall only through a peering`, 'give vnetId and list that VNet in spokes (or peerSpoke())');
  }
}

/**
 * A subnet given to routeSubnets() is a node subnet of the firewall: not one of the hub's own
 * subnets (`ownSubnet`: its construct id), not a reserved subnet, and declared (`nodeSubnet`).
 */
export function requireRoutableNodeSubnet(id: string, ownSubnet: string | undefined, nodeSubnet: NodeSubnet | undefined): asserts nodeSubnet is NodeSubnet {
  if (ownSubnet !== undefined) {
    throw new PropError(C, 'routeSubnets', id, `is the hub's ${ownSubnet} subnet, not a node subnet: routing it to the firewall would loop`, 'pass only node subnet ids');
  }
  const reserved = unresolved(id) ? undefined : RESERVED_SUBNET_NAMES.find((n) => id.toLowerCase().endsWith(`/subnets/${n.toLowerCase()}`));
  assertProp(reserved === undefined, C, 'routeSubnets', id, `is ${reserved}, which Azure reserves and is not a node subnet`, 'pass only node subnet ids');
  assertProp(
    nodeSubnet !== undefined,
    C,
    'routeSubnets',
    id,
    'is not a node subnet of this firewall, so its nodes would be routed to a firewall that has no rule for them',
    'declare it first with nodeSubnets or addNodeSubnet (id and addressPrefixes), or pass the right subnet id',
  );
}
