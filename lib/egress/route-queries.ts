/**
 * Queries of the egress rules over a Terraform document: a cluster's node subnets, their route
 * tables and default routes, whether a route reaches an Azure Firewall, and the firewall's allow
 * rules. Pure (see lib/egress/rules.ts).
 */
import { check, Check } from '../checklist/rule-kit';
import { blocks, getPath, JsonObject, JsonValue, strings, TerraformDocument, TfBlock } from '../core/terraform-document';
import { isAnyAddress, isAnyPort, isPrivateIp, FIREWALL_SUBNET_NAME } from './vocabulary';


export function text(v: JsonValue | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** A comparable key for an id attribute: the referenced addresses, or the literal (lower case). */
export function idKey(doc: TerraformDocument, value: JsonValue | undefined): string | undefined {
  const s = text(value);
  if (s === undefined) {
    return undefined;
  }
  const refs = doc.referencedAddresses(s);
  return refs.length > 0 ? `ref:${refs.sort().join(',')}` : `lit:${s.toLowerCase()}`;
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
export function subnetChecks(doc: TerraformDocument, where: string, subnetId: JsonValue | undefined): Check[] {
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

export interface FirewallRuleView {
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
export function ruleFqdns(view: FirewallRuleView): string[] {
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

export function ruleLabel(view: FirewallRuleView): string {
  return `${view.kind}_rule_collection "${view.collection}" rule "${view.name}"`;
}
