/**
 * Checklist rules over the network: IP address planning (subnets against the pools placed in
 * them, at autoscaler maximum plus surge) and the network model. Pure functions over Terraform JSON.
 */
import { Cidr, overlaps, parseCidr } from '../core/cidr';
import { getPath, isExpression, JsonValue, strings, TerraformDocument, TfBlock } from '../core/terraform-document';
import { check, evidenceFor, fromEvidence, unknownCheck } from '../checklist/rule-kit';
import type { Evidence, Rule } from '../checklist/types';
import { attr, isSpot, networkOf, num, poolsOf, PoolView } from '../node-pools/pool-view';
import { AddressingModel, PoolAddressDemand, poolSubnetAddresses, surgeNodes } from '../node-pools/pool-sizing';
import { AZURE_RESERVED, OVERLAY_NODE_BLOCK } from './ip-planner';
import { nsgRules } from '../egress/rules';

const SUBNET = 'azurerm_subnet';
const VNET = 'azurerm_virtual_network';
const CLUSTER = 'azurerm_kubernetes_cluster';

/** How a pool's cluster addresses pods; overlay when not known (one address per node). */
function modelOf(pool: PoolView): { model: AddressingModel; known: boolean } {
  const net = networkOf(pool.cluster);
  if (net.plugin === 'azure' && net.mode !== 'overlay' && attr(pool, 'pod_subnet_id') === undefined) {
    return { model: 'flat', known: true };
  }
  return { model: 'overlay', known: net.plugin !== undefined };
}

/** A pool's demand as the JSON states it (AKS defaults where unset: max_pods 250 overlay / 30 flat). */
function demandOf(pool: PoolView, model: AddressingModel): PoolAddressDemand {
  const maxNodes = num(pool, 'max_count') ?? num(pool, 'node_count') ?? 1;
  const surge = getPath(pool.values, 'upgrade_settings.max_surge');
  return {
    name: pool.label,
    maxNodes,
    surgeNodes: isSpot(pool) ? 0 : surgeNodes(maxNodes, typeof surge === 'string' || typeof surge === 'number' ? surge : undefined),
    maxPods: num(pool, 'max_pods') ?? (model === 'flat' ? 30 : 250),
  };
}

function literalCidrs(value: unknown): Cidr[] {
  return strings(value as never)
    .map((s) => parseCidr(s))
    .filter((c): c is Cidr => c !== undefined);
}

function subnetChecks(subnet: TfBlock, poolsBySubnet: ReadonlyMap<string, PoolView[]>): Evidence[] {
  const prefixes = literalCidrs(getPath(subnet.values, 'address_prefixes'));
  const inSubnet = poolsBySubnet.get(subnet.address) ?? [];
  const written = getPath(subnet.values, 'address_prefixes');
  if (inSubnet.length > 0 && prefixes.length === 0 && (isExpression(written) || (Array.isArray(written) && written.some(isExpression)))) {
    return evidenceFor(subnet, [unknownCheck('address_prefixes', JSON.stringify(written), 'literal prefixes to size the pools against')]);
  }
  if (inSubnet.length === 0 || prefixes.length === 0) {
    return [];
  }
  const capacity = prefixes.reduce((sum, c) => sum + c.size - AZURE_RESERVED, 0);
  const parts = inSubnet.map((p) => {
    const { model, known } = modelOf(p);
    const d = demandOf(p, model);
    return { need: poolSubnetAddresses(d, model), text: `${p.label} (${d.maxNodes}+${d.surgeNodes} nodes${model === 'flat' ? ` x ${1 + d.maxPods}` : ''}${known ? '' : ', network model unknown'})` };
  });
  const required = parts.reduce((s, p) => s + p.need, 0);
  return evidenceFor(subnet, [
    check('address_prefixes', required <= capacity, `holds ${required} of ${capacity} usable addresses for ${parts.map((p) => p.text).join(', ')}`, `needs ${required} addresses for ${parts.map((p) => p.text).join(', ')} but has ${capacity} usable (Azure reserves ${AZURE_RESERVED})`),
  ]);
}

function overlapChecks(doc: TerraformDocument): Evidence[] {
  const subnets = doc.resources(SUBNET).map((s, order) => ({ order, block: s, cidrs: literalCidrs(getPath(s.values, 'address_prefixes')), vnet: String(getPath(s.values, 'virtual_network_name') ?? '') }));
  const evidence: Evidence[] = [];
  // Per VNet, a sweep over the prefixes sorted by first address finds the overlapping pairs without
  // comparing every pair; each overlap is reported on the later subnet of the stack, naming the earlier.
  const byVnet = new Map<string, { order: number; block: TfBlock; cidr: Cidr }[]>();
  for (const s of subnets) {
    const list = byVnet.get(s.vnet) ?? [];
    s.cidrs.forEach((cidr) => list.push({ order: s.order, block: s.block, cidr }));
    byVnet.set(s.vnet, list);
  }
  const pairs = new Map<string, { a: TfBlock; b: TfBlock; order: number }>();
  for (const ranges of byVnet.values()) {
    ranges.sort((x, y) => x.cidr.first - y.cidr.first);
    let open: { order: number; block: TfBlock; cidr: Cidr }[] = [];
    for (const r of ranges) {
      open = open.filter((o) => o.cidr.last >= r.cidr.first);
      for (const o of open.filter((o) => o.block !== r.block && overlaps(o.cidr, r.cidr))) {
        const [a, b] = o.order < r.order ? [o, r] : [r, o];
        pairs.set(`${a.block.address} ${b.block.address}`, { a: a.block, b: b.block, order: a.order * subnets.length + b.order });
      }
      open.push(r);
    }
  }
  [...pairs.values()]
    .sort((x, y) => x.order - y.order)
    .forEach(({ a, b }) => evidence.push(...evidenceFor(b, [check('address_prefixes', false, '', `overlaps ${a.address} in the same VNet`)])));
  const vnetRanges = doc.resources(VNET).flatMap((v) => literalCidrs(getPath(v.values, 'address_space')).map((c) => ({ v, c })));
  for (const cluster of doc.resources(CLUSTER)) {
    const net = networkOf(cluster);
    // A range computed from another block or a variable cannot be checked for overlaps here.
    for (const [attribute, value] of [['network_profile.pod_cidr', net.podCidr], ['network_profile.service_cidr', net.serviceCidr]] as const) {
      if (isExpression(value)) {
        evidence.push(...evidenceFor(cluster, [unknownCheck(attribute, value, 'a literal range')]));
      }
    }
    const pod = net.podCidr ? parseCidr(net.podCidr) : undefined;
    const service = net.serviceCidr ? parseCidr(net.serviceCidr) : undefined;
    if (pod && net.mode === 'overlay') {
      const hit = vnetRanges.find((r) => overlaps(r.c, pod));
      evidence.push(...evidenceFor(cluster, [check('network_profile.pod_cidr', !hit, `${pod.text} is outside the VNets`, `${pod.text} overlaps ${hit?.v.address} (${hit?.c.text})`)]));
      const peak = poolsOf(doc)
        .filter((p) => p.cluster === cluster)
        .reduce((sum, p) => {
          const d = demandOf(p, 'overlay');
          return sum + d.maxNodes + d.surgeNodes;
        }, 0);
      evidence.push(...evidenceFor(cluster, [check('network_profile.pod_cidr', peak * OVERLAY_NODE_BLOCK <= pod.size, `room for ${pod.size / OVERLAY_NODE_BLOCK} nodes (${peak} at peak)`, `gives a /24 to ${pod.size / OVERLAY_NODE_BLOCK} nodes but the pools reach ${peak}`)]));
    }
    if (service) {
      const hit = vnetRanges.find((r) => overlaps(r.c, service));
      const podHit = pod && overlaps(pod, service);
      evidence.push(...evidenceFor(cluster, [check('network_profile.service_cidr', !hit && !podHit, `${service.text} overlaps neither VNets nor pods`, hit ? `${service.text} overlaps ${hit.v.address} (${hit.c.text})` : `${service.text} overlaps the pod CIDR`)]));
    }
  }
  return evidence;
}

/** network/ip-address-planning: node subnets hold every pool at max + surge (x pods with flat CNI); no overlapping ranges. */
export const ipAddressPlanningRule: Rule = (doc) => {
  const poolsBySubnet = new Map<string, PoolView[]>();
  for (const p of poolsOf(doc)) {
    for (const address of doc.referencedAddresses(attr(p, 'vnet_subnet_id'))) {
      poolsBySubnet.set(address, [...(poolsBySubnet.get(address) ?? []), p]); // few pools per subnet
    }
  }
  const capacity = doc.resources(SUBNET).flatMap((s) => subnetChecks(s, poolsBySubnet));
  return fromEvidence([...capacity, ...overlapChecks(doc)], 'no node pool placed in a subnet of the stack, and no cluster address ranges to check');
};

/** network/network-model: Azure CNI, overlay or flat on planned subnets; kubenet (retiring) and no CNI are not. */
export const networkModelRule: Rule = (doc) =>
  fromEvidence(
    doc.resources(CLUSTER).flatMap((c) => {
      const net = networkOf(c);
      const planned = typeof getPath(c.values, 'default_node_pool.vnet_subnet_id') === 'string';
      const ok = net.plugin === 'azure' && (net.mode === 'overlay' || planned);
      const what = net.plugin === 'azure' ? (net.mode === 'overlay' ? 'Azure CNI overlay' : planned ? 'flat Azure CNI on a planned subnet (see network/ip-address-planning)' : 'flat Azure CNI') : `${net.plugin ?? 'kubenet (default)'}`;
      const why = net.plugin === 'azure' ? 'flat Azure CNI on the AKS-managed VNet: pod addresses are not planned' : net.plugin === 'none' ? 'no CNI: the network model is unmanaged (waive with the CNI you bring)' : 'kubenet is retiring and does not integrate pods with the VNet: use Azure CNI overlay';
      return evidenceFor(c, [check('network_profile.network_plugin', ok, what, `${what}: ${why}`)]);
    }),
    'no AKS cluster in the stack',
  );

/** The ports API Server VNet Integration needs from the node subnets. */
export const API_SERVER_NODE_PORTS = ['443', '4443'] as const;
/** The port of the Azure load balancer's health probe of the API server. */
export const API_SERVER_PROBE_PORT = '9988';

type SubnetRole = 'nodes' | 'api-server' | 'private-endpoints';

/** The subnets of the stack that host nodes, an API server or private endpoints, with their role. */
function securedSubnets(doc: TerraformDocument): Map<string, { subnet: TfBlock; role: SubnetRole }> {
  const out = new Map<string, { subnet: TfBlock; role: SubnetRole }>();
  const add = (value: unknown, role: SubnetRole): void => {
    for (const subnet of doc.referencedBlocks(value as string, 'azurerm_subnet')) {
      if (!out.has(subnet.address) || role === 'api-server') {
        out.set(subnet.address, { subnet, role });
      }
    }
  };
  for (const pool of poolsOf(doc)) {
    add(attr(pool, 'vnet_subnet_id'), 'nodes');
  }
  for (const cluster of doc.resources('azurerm_kubernetes_cluster')) {
    add(getPath(cluster.values, 'api_server_access_profile.subnet_id'), 'api-server');
  }
  for (const endpoint of doc.resources('azurerm_private_endpoint')) {
    add(getPath(endpoint.values, 'subnet_id'), 'private-endpoints');
  }
  return out;
}

function ports(rule: JsonValue | undefined): string[] {
  return [...strings(getPath(rule, 'destination_port_range')), ...strings(getPath(rule, 'destination_port_ranges'))];
}

function sources(rule: JsonValue | undefined): string[] {
  return [...strings(getPath(rule, 'source_address_prefix')), ...strings(getPath(rule, 'source_address_prefixes'))];
}

/** Whether an inbound allow rule opens a port (from any source, or from the given one). */
function allowsPort(rules: readonly JsonValue[], port: string, source?: string): boolean {
  return rules.some(
    (r) =>
      getPath(r, 'direction') === 'Inbound' &&
      getPath(r, 'access') === 'Allow' &&
      ['Tcp', '*'].includes(String(getPath(r, 'protocol'))) &&
      ports(r).some((p) => p === '*' || p === port || (/^\d+-\d+$/.test(p) && Number(p.split('-')[0]) <= Number(port) && Number(port) <= Number(p.split('-')[1]))) &&
      (source === undefined || sources(r).some((s) => s === '*' || s.toLowerCase() === source.toLowerCase())),
  );
}

/**
 * network/network-policies (subnet facet): every subnet of the stack that hosts nodes, an API
 * server or private endpoints has a network security group; an API server subnet whose NSG denies
 * inbound traffic still allows what API Server VNet Integration needs (TCP 443 and 4443 from the
 * nodes, TCP 9988 from the Azure load balancer).
 */
export const subnetSecurityGroupsRule: Rule = (doc) => {
  const evidence: Evidence[] = [];
  for (const { subnet, role } of securedSubnets(doc).values()) {
    const nsgs = doc
      .resources('azurerm_subnet_network_security_group_association')
      .filter((a) => doc.references(getPath(a.values, 'subnet_id'), subnet))
      .flatMap((a) => doc.referencedBlocks(getPath(a.values, 'network_security_group_id'), 'azurerm_network_security_group'));
    const associated = doc.resources('azurerm_subnet_network_security_group_association').some((a) => doc.references(getPath(a.values, 'subnet_id'), subnet));
    const checks = [check('', associated, `${role} subnet with NSG ${nsgs.map((n) => n.address).join(', ') || '(outside the stack)'}`, `${role} subnet has no network security group`)];
    if (role === 'api-server') {
      for (const nsg of nsgs) {
        const rules = nsgRules(doc, nsg).map((r) => r.rule);
        const denies = rules.some((r) => getPath(r, 'direction') === 'Inbound' && getPath(r, 'access') === 'Deny');
        const missing = [...API_SERVER_NODE_PORTS.filter((p) => !allowsPort(rules, p)), ...(allowsPort(rules, API_SERVER_PROBE_PORT, 'AzureLoadBalancer') ? [] : [`${API_SERVER_PROBE_PORT} from AzureLoadBalancer`])];
        checks.push(check('', !denies || missing.length === 0, `${nsg.address} lets the nodes and the load balancer probe reach the API server`, `${nsg.address} denies inbound traffic without allowing TCP ${missing.join(', ')}: the nodes cannot reach the API server`));
      }
    }
    evidence.push(...evidenceFor(subnet, checks));
  }
  return fromEvidence(evidence, 'no node, API server or private endpoint subnet in the stack');
};
