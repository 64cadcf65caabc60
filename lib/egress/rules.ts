/**
 * Checklist rules of the egress concern: pure functions over Terraform JSON (any azurerm stack,
 * cdktf object blocks or HCL-JSON list blocks). They read resources, attributes and references only.
 */
import { check, Check, evidenceFor, fromEvidence, notApplicable } from '../checklist/rule-kit';
import type { Evidence, RuleResult } from '../checklist/types';
import { blocks, getPath, JsonObject, strings, TerraformDocument, TfBlock } from '../core/terraform-document';
import { allowAllProblem, allowRules, idKey, ruleFqdns, ruleLabel, subnetChecks, text } from './route-queries';
import { BASTION_SUBNET_NAME, FIREWALL_REQUIRED_LOG_CATEGORIES, fqdnMatches, isAnyAddress, isUnvettedRegistryHost, RESERVED_SUBNET_NAMES } from './vocabulary';

export * from './vocabulary';
export { allowAllProblem, allowRules } from './route-queries';

// ---------------------------------------------------------------- network/egress-lockdown

/**
 * The evidence that egress is locked down: clusters on userDefinedRouting with every node subnet
 * routed (0.0.0.0/0) to an Azure Firewall's private IP, or network-isolated (outbound_type none,
 * bootstrapping from a registry cache); a NAT gateway does not count (it does not filter); public clusters' authorized ranges holding
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
    if (outbound === 'none') {
      // Network-isolated: no outbound path at all; nodes bootstrap from the private registry's cache.
      const source = getPath(cluster.values, 'bootstrap_profile.artifact_source');
      checks.push(check('network_profile.outbound_type', true, 'is "none": the cluster has no outbound path (network isolated)', ''));
      checks.push(check('bootstrap_profile.artifact_source', source === 'Cache', 'is "Cache": nodes bootstrap from the private registry', `is ${JSON.stringify(source ?? 'Direct (default)')}: with outbound_type none, nodes must bootstrap from a registry cache (artifact_source = "Cache")`));
      evidence.push(...evidenceFor(cluster, checks));
      continue;
    }
    const nat = outbound === 'managedNATGateway' || outbound === 'userAssignedNATGateway';
    checks.push(
      check(
        'network_profile.outbound_type',
        outbound === 'userDefinedRouting',
        'is "userDefinedRouting"',
        nat
          ? `is ${JSON.stringify(outbound)}: a NAT gateway does not filter, so nodes reach any host; route through a firewall (userDefinedRouting) or isolate the cluster (none)`
          : `is ${JSON.stringify(outbound ?? 'loadBalancer (default)')}: egress bypasses the firewall; set outbound_type = "userDefinedRouting"`,
      ),
    );
    if (!nat) {
      checks.push(...subnetChecks(doc, 'default_node_pool.vnet_subnet_id', getPath(cluster.values, 'default_node_pool.vnet_subnet_id')));
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
    // A user pool's subnet is the pool's evidence, under the pool's address.
    for (const pool of doc.referencing('azurerm_kubernetes_cluster_node_pool', 'kubernetes_cluster_id', cluster)) {
      evidence.push(...evidenceFor(pool, subnetChecks(doc, 'vnet_subnet_id', getPath(pool.values, 'vnet_subnet_id'))));
    }
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

export interface NsgRuleView {
  readonly where: string;
  readonly rule: JsonObject;
}

/** The security rules of an NSG: inline and standalone. */
export function nsgRules(doc: TerraformDocument, nsg: TfBlock): NsgRuleView[] {
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
