/**
 * Checklist rules of the egress concern: pure functions over Terraform JSON (any azurerm stack,
 * cdktf object blocks or HCL-JSON list blocks). They read resources, attributes and references only.
 */
import { check, Check, evidenceFor, fromEvidence, notApplicable } from '../checklist/rule-kit';
import type { Evidence, RuleResult } from '../checklist/types';
import { containsIp, parseCidr, parseIp } from '../core/cidr';
import { blocks, getPath, JsonObject, JsonValue, strings, TerraformDocument, TfBlock } from '../core/terraform-document';

// ---------------------------------------------------------------- shared vocabulary

/** The only name Azure accepts for the firewall's subnet. */
export const FIREWALL_SUBNET_NAME = 'AzureFirewallSubnet';
/** The only name Azure accepts for the firewall's management (forced tunnelling / Basic) subnet. */
export const FIREWALL_MANAGEMENT_SUBNET_NAME = 'AzureFirewallManagementSubnet';
/** The only name Azure accepts for Bastion's subnet. */
export const BASTION_SUBNET_NAME = 'AzureBastionSubnet';
/** Subnets that must never carry the node default route (Azure reserves them for its own services). */
export const RESERVED_SUBNET_NAMES: readonly string[] = [FIREWALL_SUBNET_NAME, FIREWALL_MANAGEMENT_SUBNET_NAME, BASTION_SUBNET_NAME, 'GatewaySubnet', 'RouteServerSubnet'];
/** Resource-specific (Dedicated table) log categories of Azure Firewall that the lockdown needs to be auditable. */
export const FIREWALL_REQUIRED_LOG_CATEGORIES: readonly string[] = ['AZFWApplicationRule', 'AZFWNetworkRule'];

/**
 * Registry hosts that let nodes pull from registries nobody chose: registry wildcards and public
 * registries. A firewall rule allowing one of them defeats "allow deploying containers only from known registries".
 */
export const UNVETTED_REGISTRY_HOSTS: readonly string[] = [
  '*.azurecr.io',
  '*.data.azurecr.io',
  'docker.io',
  '*.docker.io',
  'registry-1.docker.io',
  'production.cloudflare.docker.com',
  '*.docker.com',
  'ghcr.io',
  'pkg-containers.githubusercontent.com',
  'quay.io',
  '*.quay.io',
  'gcr.io',
  '*.gcr.io',
  '*.pkg.dev',
  'registry.k8s.io',
  'public.ecr.aws',
  '*.amazonaws.com',
];

/** Whether an FQDN (or wildcard) opens a registry nobody vetted: a listed host, or a wildcard as wide as one. */
export function isUnvettedRegistryHost(fqdn: string): boolean {
  const host = fqdn.trim().toLowerCase();
  if (host === '*' || UNVETTED_REGISTRY_HOSTS.includes(host)) {
    return true;
  }
  if (host.startsWith('*.')) {
    const domain = host.slice(2);
    return /(^|\.)azurecr\.io$/.test(domain) || UNVETTED_REGISTRY_HOSTS.map((h) => h.replace(/^\*\./, '')).some((h) => h === domain || h.endsWith(`.${domain}`));
  }
  return false;
}

/** Whether a firewall FQDN pattern (`*`, `*.example.com`, `host.example.com`) matches a host. */
export function fqdnMatches(pattern: string, host: string): boolean {
  const p = pattern.trim().toLowerCase();
  const h = host.trim().toLowerCase();
  if (p === '*' || p === h) {
    return true;
  }
  return p.startsWith('*.') && h.endsWith(p.slice(1));
}

const ANY_ADDRESS = ['*', '0.0.0.0/0', 'any', 'internet'];
const ANY_PORT = ['*', '1-65535', '0-65535'];

/** Whether a source or destination list means "anything". */
export function isAnyAddress(value: string): boolean {
  return ANY_ADDRESS.includes(value.trim().toLowerCase());
}

/** Whether a port entry means "any port". */
export function isAnyPort(value: string): boolean {
  return ANY_PORT.includes(value.trim().replace(/\s/g, ''));
}

/** RFC 1918 ranges: where a hub firewall's private IP lives. */
export const PRIVATE_RANGES: readonly string[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'];

/** Whether a literal is an IPv4 address in an RFC 1918 range. */
export function isPrivateIp(value: string): boolean {
  const ip = parseIp(value);
  return ip !== undefined && PRIVATE_RANGES.some((r) => containsIp(parseCidr(r)!, ip));
}

// ---------------------------------------------------------------- queries

function text(v: JsonValue | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** A comparable key for an id attribute: the referenced addresses, or the literal (lower case). */
function idKey(doc: TerraformDocument, value: JsonValue | undefined): string | undefined {
  const s = text(value);
  if (s === undefined) {
    return undefined;
  }
  const refs = doc.referencedAddresses(s);
  return refs.length > 0 ? `ref:${refs.sort().join(',')}` : `lit:${s.toLowerCase()}`;
}

/** Node subnets of a cluster: its default pool's and its extra pools' `vnet_subnet_id`. */
function clusterSubnetIds(doc: TerraformDocument, cluster: TfBlock): { where: string; value: JsonValue | undefined }[] {
  const out = [{ where: 'default_node_pool.vnet_subnet_id', value: getPath(cluster.values, 'default_node_pool.vnet_subnet_id') }];
  for (const pool of doc.referencing('azurerm_kubernetes_cluster_node_pool', 'kubernetes_cluster_id', cluster)) {
    out.push({ where: `${pool.address}.vnet_subnet_id`, value: getPath(pool.values, 'vnet_subnet_id') });
  }
  return out;
}

/** Route tables associated with a subnet (standalone associations; VNet inline subnets' `route_table_id`). */
function routeTablesOf(doc: TerraformDocument, subnetId: JsonValue | undefined): { tables: TfBlock[]; literal: string[] } {
  const key = idKey(doc, subnetId);
  const tables: TfBlock[] = [];
  const literal: string[] = [];
  if (key === undefined) {
    return { tables, literal };
  }
  for (const assoc of doc.resources('azurerm_subnet_route_table_association')) {
    if (idKey(doc, getPath(assoc.values, 'subnet_id')) === key) {
      const found = doc.referencedBlocks(getPath(assoc.values, 'route_table_id'), 'azurerm_route_table');
      tables.push(...found);
      if (found.length === 0) {
        literal.push(String(getPath(assoc.values, 'route_table_id')));
      }
    }
  }
  return { tables, literal };
}

interface DefaultRoute {
  readonly where: string;
  readonly route: JsonObject;
}

/** The 0.0.0.0/0 routes of a route table: inline `route` blocks and standalone `azurerm_route`s. */
function defaultRoutes(doc: TerraformDocument, table: TfBlock): DefaultRoute[] {
  const inline = blocks(getPath(table.values, 'route'))
    .filter((r) => getPath(r, 'address_prefix') === '0.0.0.0/0')
    .map((route) => ({ where: `${table.address}.route`, route }));
  const tableName = text(getPath(table.values, 'name'));
  const standalone = doc
    .resources('azurerm_route')
    .filter((r) => getPath(r.values, 'address_prefix') === '0.0.0.0/0')
    .filter((r) => doc.references(getPath(r.values, 'route_table_name'), table) || (tableName !== undefined && getPath(r.values, 'route_table_name') === tableName))
    .map((r) => ({ where: r.address, route: r.values }));
  return [...inline, ...standalone];
}

/** The firewall private IP Azure assigns: the fourth address of AzureFirewallSubnet (the first usable one). */
function firewallSubnetPrivateIps(doc: TerraformDocument): string[] {
  return doc
    .resources('azurerm_subnet')
    .filter((s) => getPath(s.values, 'name') === FIREWALL_SUBNET_NAME)
    .flatMap((s) => strings(getPath(s.values, 'address_prefixes')))
    .flatMap((cidr) => {
      const [ip] = cidr.split('/');
      const o = ip.split('.').map(Number);
      return o.length === 4 && o.every((n) => Number.isInteger(n)) ? [`${o[0]}.${o[1]}.${o[2]}.${o[3] + 4}`] : [];
    });
}

/** Whether a route sends traffic to an Azure Firewall's private IP. */
function routeToFirewall(doc: TerraformDocument, route: JsonObject): { ok: boolean; why: string } {
  const type = getPath(route, 'next_hop_type');
  const hop = getPath(route, 'next_hop_in_ip_address');
  if (type !== 'VirtualAppliance') {
    return { ok: false, why: `next_hop_type is ${JSON.stringify(type)}, expected "VirtualAppliance" at the firewall's private IP` };
  }
  if (doc.referencedBlocks(hop, 'azurerm_firewall').length > 0) {
    return { ok: true, why: `goes to the private IP of ${doc.referencedBlocks(hop, 'azurerm_firewall')[0].address}` };
  }
  const literal = text(hop);
  if (literal && firewallSubnetPrivateIps(doc).includes(literal)) {
    return { ok: true, why: `goes to ${literal}, the firewall's address in ${FIREWALL_SUBNET_NAME}` };
  }
  // A firewall that lives in another stack (an existing hub): only a literal private address can be
  // judged, and only the route, not the firewall's rules. With a firewall in the stack, the hop must be it.
  if (literal && doc.resources('azurerm_firewall').length === 0 && isPrivateIp(literal)) {
    return { ok: true, why: `goes to ${literal}, a private next hop outside this stack (an existing hub firewall): the route is checked, that firewall's rules are not` };
  }
  return { ok: false, why: `next hop ${JSON.stringify(hop)} is not an Azure Firewall's private IP (reference the firewall's ip_configuration private_ip_address, or give an existing hub firewall's private IP as a literal)` };
}

/** Checks that a subnet's traffic is forced through a firewall. */
function subnetChecks(doc: TerraformDocument, where: string, subnetId: JsonValue | undefined): Check[] {
  if (subnetId === undefined) {
    return [check(where, false, '', 'no vnet_subnet_id: nodes sit in an AKS-managed VNet that no route table of yours covers; give the node pools a subnet routed to the firewall')];
  }
  const { tables, literal } = routeTablesOf(doc, subnetId);
  if (tables.length === 0 && literal.length === 0) {
    return [check(where, false, '', `subnet ${JSON.stringify(subnetId)} has no route table: associate it with the firewall's route table (EgressFirewall nodeSubnets/routeSubnets)`)];
  }
  if (tables.length === 0) {
    return [check(where, false, '', `subnet's route table ${literal.join(', ')} is not in this stack, so its default route cannot be checked`)];
  }
  return tables.map((table) => {
    const routes = defaultRoutes(doc, table);
    if (routes.length === 0) {
      return check(where, false, '', `route table ${table.address} has no 0.0.0.0/0 route: add one to the firewall's private IP`);
    }
    const judged = routes.map((r) => ({ r, ...routeToFirewall(doc, r.route) }));
    const bad = judged.find((j) => !j.ok);
    return bad
      ? check(where, false, '', `${bad.r.where}: 0.0.0.0/0 ${bad.why}`)
      : check(where, true, `routed by ${table.address}: 0.0.0.0/0 ${judged[0].why}`, '');
  });
}

interface FirewallRuleView {
  readonly group: TfBlock;
  readonly kind: 'application' | 'network';
  readonly collection: string;
  readonly name: string;
  readonly rule: JsonObject;
}

/** Every rule of every Allow rule collection in the stack's firewall policy rule collection groups. */
export function allowRules(doc: TerraformDocument): FirewallRuleView[] {
  return doc.resources('azurerm_firewall_policy_rule_collection_group').flatMap((group) =>
    (['application', 'network'] as const).flatMap((kind) =>
      blocks(getPath(group.values, `${kind}_rule_collection`))
        .filter((c) => String(getPath(c, 'action')).toLowerCase() === 'allow')
        .flatMap((c) =>
          blocks(getPath(c, 'rule')).map((rule) => ({ group, kind, collection: String(getPath(c, 'name')), name: String(getPath(rule, 'name')), rule })),
        ),
    ),
  );
}

/** The destination FQDNs a rule allows. */
function ruleFqdns(view: FirewallRuleView): string[] {
  return strings(getPath(view.rule, 'destination_fqdns'));
}

/** Why a rule is an allow-all (any source, any destination or any port), or undefined. */
export function allowAllProblem(view: FirewallRuleView): string | undefined {
  const r = view.rule;
  const sources = [...strings(getPath(r, 'source_addresses')), ...strings(getPath(r, 'source_ip_groups'))];
  if (sources.length === 0 || strings(getPath(r, 'source_addresses')).some(isAnyAddress)) {
    return 'allows any source (use the node subnets\' IP group)';
  }
  if (view.kind === 'network') {
    const dest = [...strings(getPath(r, 'destination_addresses')), ...strings(getPath(r, 'destination_fqdns')), ...strings(getPath(r, 'destination_ip_groups'))];
    if (dest.length === 0 || strings(getPath(r, 'destination_addresses')).some(isAnyAddress)) {
      return 'allows any destination';
    }
    if (strings(getPath(r, 'destination_ports')).some(isAnyPort)) {
      return 'allows any port';
    }
    return undefined;
  }
  const dest = [...ruleFqdns(view), ...strings(getPath(r, 'destination_fqdn_tags')), ...strings(getPath(r, 'destination_urls')), ...strings(getPath(r, 'web_categories'))];
  if (dest.length === 0 || ruleFqdns(view).some((f) => f.trim() === '*') || strings(getPath(r, 'destination_urls')).some((u) => u.trim() === '*')) {
    return 'allows any destination FQDN';
  }
  return undefined;
}

function ruleLabel(view: FirewallRuleView): string {
  return `${view.kind}_rule_collection "${view.collection}" rule "${view.name}"`;
}

// ---------------------------------------------------------------- network/egress-lockdown

/**
 * The evidence that egress is locked down: clusters on userDefinedRouting with every node subnet
 * routed (0.0.0.0/0) to an Azure Firewall's private IP, public clusters' authorized ranges holding
 * the firewall's public IP, firewalls with a policy, and no allow-all rule.
 */
export function egressLockdownEvidence(doc: TerraformDocument): Evidence[] {
  const evidence: Evidence[] = [];
  const firewallPublicIps = doc.resources('azurerm_firewall').flatMap((fw) =>
    blocks(getPath(fw.values, 'ip_configuration')).flatMap((c) => doc.referencedBlocks(getPath(c, 'public_ip_address_id'), 'azurerm_public_ip')),
  );
  for (const cluster of doc.resources('azurerm_kubernetes_cluster')) {
    const checks: Check[] = [];
    const outbound = getPath(cluster.values, 'network_profile.outbound_type');
    checks.push(
      check('network_profile.outbound_type', outbound === 'userDefinedRouting', 'is "userDefinedRouting"', `is ${JSON.stringify(outbound ?? 'loadBalancer (default)')}: egress bypasses the firewall; set outbound_type = "userDefinedRouting"`),
    );
    for (const { where, value } of clusterSubnetIds(doc, cluster)) {
      checks.push(...subnetChecks(doc, where, value));
    }
    const isPrivate = getPath(cluster.values, 'private_cluster_enabled') === true;
    const ranges = strings(getPath(cluster.values, 'api_server_access_profile.authorized_ip_ranges'));
    if (!isPrivate && ranges.length > 0 && outbound === 'userDefinedRouting') {
      const covered = firewallPublicIps.some((ip) => ranges.some((r) => doc.references(r, ip)));
      checks.push(
        check(
          'api_server_access_profile.authorized_ip_ranges',
          covered,
          'holds the firewall\'s public IP',
          firewallPublicIps.length === 0
            ? 'cannot hold the firewall\'s public IP: no azurerm_firewall public IP in this stack'
            : `omits the firewall's public IP: nodes egress through it, so add "\${${firewallPublicIps[0].address}.ip_address}/32" (EgressFirewall.egressPublicIps)`,
        ),
      );
    }
    evidence.push(...evidenceFor(cluster, checks));
  }
  for (const assoc of doc.resources('azurerm_subnet_route_table_association')) {
    const subnet = doc.referencedBlocks(getPath(assoc.values, 'subnet_id'), 'azurerm_subnet')[0];
    const name = subnet ? getPath(subnet.values, 'name') : undefined;
    const reserved = typeof name === 'string' && RESERVED_SUBNET_NAMES.includes(name);
    const checks = reserved
      ? [check('subnet_id', false, '', `associates the node route table with ${name}, which is not a node subnet`)]
      : subnetChecks(doc, 'subnet_id', getPath(assoc.values, 'subnet_id'));
    evidence.push(...evidenceFor(assoc, checks));
  }
  for (const fw of doc.resources('azurerm_firewall')) {
    const policy = getPath(fw.values, 'firewall_policy_id');
    evidence.push(
      ...evidenceFor(fw, [check('firewall_policy_id', typeof policy === 'string' && policy !== '', 'has a firewall policy', 'has no firewall policy: rules cannot be managed or audited; attach an azurerm_firewall_policy')]),
    );
  }
  for (const view of allowRules(doc)) {
    const problem = allowAllProblem(view);
    evidence.push(...evidenceFor(view.group, [check(`${view.kind}_rule_collection`, problem === undefined, `${ruleLabel(view)} is specific`, `${ruleLabel(view)} ${problem}`)]));
  }
  return evidence;
}

/** network/egress-lockdown: all cluster egress forced through Azure Firewall, without allow-all rules. */
export function egressLockdown(doc: TerraformDocument): RuleResult {
  if (doc.resources('azurerm_kubernetes_cluster').length === 0 && doc.resources('azurerm_firewall').length === 0) {
    return notApplicable('no AKS cluster and no Azure Firewall in the stack');
  }
  return fromEvidence(egressLockdownEvidence(doc));
}

// ---------------------------------------------------------------- disaster-recovery/availability-zones (firewall)

function zonesOf(block: TfBlock): string[] {
  return [...new Set(strings(getPath(block.values, 'zones')))];
}

/** Firewall facet of disaster-recovery/availability-zones: firewall and its public IPs in two or more zones. */
export function firewallZones(doc: TerraformDocument): RuleResult {
  const evidence = doc.resources('azurerm_firewall').flatMap((fw) => {
    const zones = zonesOf(fw);
    const ips = ['ip_configuration', 'management_ip_configuration'].flatMap((k) =>
      blocks(getPath(fw.values, k)).flatMap((c) => doc.referencedBlocks(getPath(c, 'public_ip_address_id'), 'azurerm_public_ip')),
    );
    return [
      ...evidenceFor(fw, [check('zones', zones.length >= 2, `spans zones ${zones.join(', ')}`, `spans ${zones.length === 0 ? 'no zone' : `only zone ${zones.join(', ')}`}: set zones = ["1", "2", "3"]`)]),
      ...ips.flatMap((ip) => {
        const ipZones = zonesOf(ip);
        const ok = ipZones.length >= 2 && zones.every((z) => ipZones.includes(z));
        return evidenceFor(ip, [check('zones', ok, `spans zones ${ipZones.join(', ')} (the firewall's)`, `spans ${JSON.stringify(ipZones)}, not the firewall's zones ${JSON.stringify(zones)}`)]);
      }),
    ];
  });
  return fromEvidence(evidence, 'no azurerm_firewall in the stack');
}

// ---------------------------------------------------------------- operations/log-aggregation (firewall)

/** Firewall facet of operations/log-aggregation: firewall logs in resource-specific Log Analytics tables. */
export function firewallDiagnostics(doc: TerraformDocument): RuleResult {
  const evidence = doc.resources('azurerm_firewall').flatMap((fw) => {
    const settings = doc.referencing('azurerm_monitor_diagnostic_setting', 'target_resource_id', fw);
    if (settings.length === 0) {
      return evidenceFor(fw, [check('', false, '', 'has no azurerm_monitor_diagnostic_setting: its logs go nowhere')]);
    }
    return settings.flatMap((s) => {
      const logs = blocks(getPath(s.values, 'enabled_log'));
      const categories = logs.map((l) => getPath(l, 'category'));
      const all = logs.some((l) => getPath(l, 'category_group') === 'allLogs');
      const missing = FIREWALL_REQUIRED_LOG_CATEGORIES.filter((c) => !all && !categories.includes(c));
      return evidenceFor(s, [
        check('log_analytics_workspace_id', typeof getPath(s.values, 'log_analytics_workspace_id') === 'string', 'sends to a Log Analytics workspace', 'sends to no Log Analytics workspace'),
        check('log_analytics_destination_type', getPath(s.values, 'log_analytics_destination_type') === 'Dedicated', 'is "Dedicated" (resource-specific tables)', 'is not "Dedicated": firewall logs land in AzureDiagnostics'),
        check('enabled_log', missing.length === 0, 'enables the firewall rule logs', `misses ${missing.join(', ')}`),
      ]);
    });
  });
  return fromEvidence(evidence, 'no azurerm_firewall in the stack');
}

// ---------------------------------------------------------------- container/allowed-registries-only (firewall)

/** Firewall facet of container/allowed-registries-only: no rule lets nodes reach registries nobody chose. */
export function firewallRegistryAllowList(doc: TerraformDocument): RuleResult {
  const groups = doc.resources('azurerm_firewall_policy_rule_collection_group');
  if (groups.length === 0) {
    return notApplicable('no firewall policy rule collection group in the stack');
  }
  const views = allowRules(doc);
  const evidence = groups.flatMap((group) => {
    const open = views.filter((v) => v.group === group).flatMap((v) => ruleFqdns(v).filter(isUnvettedRegistryHost).map((f) => `${ruleLabel(v)} allows ${f}`));
    return evidenceFor(group, [check('', open.length === 0, 'allows no registry wildcard nor public registry', `${open.join('; ')}: allow only your registries' hosts`)]);
  });
  return fromEvidence(evidence);
}

// ---------------------------------------------------------------- network/private-registry-endpoint (firewall)

/** The public hosts of a registry: its login server and its regional data endpoints. */
function registryHosts(registry: TfBlock): string[] {
  const name = text(getPath(registry.values, 'name'));
  if (!name || name.includes('${')) {
    return [];
  }
  const n = name.toLowerCase();
  const regions = [text(getPath(registry.values, 'location')), ...blocks(getPath(registry.values, 'georeplications')).map((g) => text(getPath(g, 'location')))]
    .filter((l): l is string => !!l && !l.includes('${'))
    .map((l) => l.toLowerCase().replace(/\s/g, ''));
  return [`${n}.azurecr.io`, ...regions.map((r) => `${n}.${r}.data.azurecr.io`)];
}

/** Firewall facet of network/private-registry-endpoint: a registry with a private endpoint has no Internet path through the firewall. */
export function firewallNoRegistryBypass(doc: TerraformDocument): RuleResult {
  const privateRegistries = doc
    .resources('azurerm_container_registry')
    .filter((reg) => doc.referencing('azurerm_private_endpoint', 'private_service_connection', reg).length > 0);
  if (privateRegistries.length === 0 || doc.resources('azurerm_firewall_policy_rule_collection_group').length === 0) {
    return notApplicable('no registry with a private endpoint behind a firewall policy in the stack');
  }
  const views = allowRules(doc);
  const evidence = privateRegistries.flatMap((reg) => {
    const hosts = registryHosts(reg);
    const open = views.flatMap((v) => ruleFqdns(v).filter((f) => hosts.some((h) => fqdnMatches(f, h))).map((f) => `${v.group.address} ${ruleLabel(v)} allows ${f}`));
    return evidenceFor(reg, [check('', open.length === 0, 'has a private endpoint and no firewall rule to its public hosts', `has a private endpoint, yet ${open.join('; ')}: remove the rule, nodes reach it by private link`)]);
  });
  return fromEvidence(evidence);
}

// ---------------------------------------------------------------- operations/bastion-access

const BASTION_INBOUND_FROM_INTERNET_PORTS = ['443'];

interface NsgRuleView {
  readonly where: string;
  readonly rule: JsonObject;
}

/** The security rules of an NSG: inline and standalone. */
function nsgRules(doc: TerraformDocument, nsg: TfBlock): NsgRuleView[] {
  const name = getPath(nsg.values, 'name');
  return [
    ...blocks(getPath(nsg.values, 'security_rule')).map((rule) => ({ where: `${nsg.address}.security_rule`, rule })),
    ...doc
      .resources('azurerm_network_security_rule')
      .filter((r) => doc.references(getPath(r.values, 'network_security_group_name'), nsg) || (typeof name === 'string' && getPath(r.values, 'network_security_group_name') === name))
      .map((r) => ({ where: r.address, rule: r.values })),
  ];
}

/** operations/bastion-access: Bastion in AzureBastionSubnet whose NSG opens only HTTPS to the Internet. */
export function bastionAccess(doc: TerraformDocument): RuleResult {
  const evidence = doc.resources('azurerm_bastion_host').flatMap((bastion) => {
    const subnetId = getPath(bastion.values, 'ip_configuration.subnet_id');
    const subnet = doc.referencedBlocks(subnetId, 'azurerm_subnet')[0];
    const checks: Check[] = [check('sku', ['Standard', 'Premium'].includes(String(getPath(bastion.values, 'sku'))), `SKU ${getPath(bastion.values, 'sku')}`, `SKU ${JSON.stringify(getPath(bastion.values, 'sku') ?? 'Basic')}: use Standard for native client and scale`)];
    if (!subnet) {
      checks.push(check('ip_configuration.subnet_id', false, '', 'its subnet is not in this stack, so its NSG cannot be checked'));
      return evidenceFor(bastion, checks);
    }
    const key = idKey(doc, subnetId);
    const nsgs = doc
      .resources('azurerm_subnet_network_security_group_association')
      .filter((a) => idKey(doc, getPath(a.values, 'subnet_id')) === key)
      .flatMap((a) => doc.referencedBlocks(getPath(a.values, 'network_security_group_id'), 'azurerm_network_security_group'));
    checks.push(check('ip_configuration.subnet_id', getPath(subnet.values, 'name') === BASTION_SUBNET_NAME, `in ${BASTION_SUBNET_NAME}`, `in subnet ${JSON.stringify(getPath(subnet.values, 'name'))}, not ${BASTION_SUBNET_NAME}`));
    if (nsgs.length === 0) {
      checks.push(check('ip_configuration.subnet_id', false, '', `${BASTION_SUBNET_NAME} has no NSG: add the rules Bastion requires and nothing else`));
      return evidenceFor(bastion, checks);
    }
    for (const nsg of nsgs) {
      const open = nsgRules(doc, nsg)
        .filter(({ rule }) => getPath(rule, 'direction') === 'Inbound' && getPath(rule, 'access') === 'Allow')
        .filter(({ rule }) => [...strings(getPath(rule, 'source_address_prefix')), ...strings(getPath(rule, 'source_address_prefixes'))].some(isAnyAddress))
        .filter(({ rule }) => {
          const ports = [...strings(getPath(rule, 'destination_port_range')), ...strings(getPath(rule, 'destination_port_ranges'))];
          return ports.length === 0 || ports.some((p) => !BASTION_INBOUND_FROM_INTERNET_PORTS.includes(p));
        })
        .map(({ where, rule }) => `${where} "${getPath(rule, 'name')}"`);
      checks.push(check('ip_configuration.subnet_id', open.length === 0, `${nsg.address} opens only HTTPS (443) to the Internet`, `${nsg.address} opens more than HTTPS to the Internet: ${open.join(', ')}`));
    }
    return evidenceFor(bastion, checks);
  });
  return fromEvidence(evidence, 'no azurerm_bastion_host in the stack');
}
