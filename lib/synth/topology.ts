/**
 * The topology of a stack as a Mermaid flowchart (renders on GitHub), drawn from its Terraform
 * JSON alone: virtual networks with their subnets and address ranges, what sits in each subnet
 * (firewall, Bastion, node pools, the API server, private endpoints, Application Gateway), the
 * cluster, registry, vault and storage behind the private endpoints, peerings, and routes from the
 * subnets through their route table to the next hop. Pure: works on any stack with azurerm resources.
 */
import { blocks, getPath, JsonValue, strings, TerraformDocument, TfBlock } from '../core/terraform-document';

/** Mermaid-safe label text: quotes and angle brackets as entities, lines joined with `<br/>`. */
function text(...lines: (string | undefined)[]): string {
  return lines
    .filter((l): l is string => !!l)
    .map((l) => l.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;'))
    .join('<br/>');
}

/** A resource's literal `name`, else its Terraform name (a name computed at apply time is not known). */
function nameOf(b: TfBlock): string {
  const name = b.values.name;
  return typeof name === 'string' && !name.includes('${') ? name : b.name;
}

function literal(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' && !value.includes('${') ? value : undefined;
}

/** The Mermaid flowchart of a stack's network topology, or undefined when it has no network and no cluster. */
export function topologyMermaid(doc: TerraformDocument): string | undefined {
  const vnets = doc.resources('azurerm_virtual_network');
  const clusters = doc.resources('azurerm_kubernetes_cluster');
  if (vnets.length === 0 && clusters.length === 0) {
    return undefined;
  }
  const ids = new Map<string, string>();
  const id = (key: string): string => {
    let v = ids.get(key);
    if (!v) {
      v = `n${ids.size}`;
      ids.set(key, v);
    }
    return v;
  };
  const lines: string[] = ['flowchart LR'];
  const edges: string[] = [];
  /** Nodes placed in a subnet, by subnet address. */
  const inSubnet = new Map<string, string[]>();
  const outside: string[] = [];
  const subnetOf = (value: JsonValue | undefined): TfBlock | undefined => doc.referencedBlocks(value, 'azurerm_subnet')[0];
  const place = (subnet: TfBlock | undefined, node: string): void => {
    if (subnet) {
      inSubnet.set(subnet.address, [...(inSubnet.get(subnet.address) ?? []), node]);
    } else {
      outside.push(node);
    }
  };

  for (const fw of doc.resources('azurerm_firewall')) {
    const subnet = blocks(fw.values.ip_configuration).map((c) => subnetOf(c.subnet_id)).find((s) => s);
    place(subnet, `${id(fw.address)}{{"${text(`Azure Firewall ${nameOf(fw)}`, literal(fw.values.sku_tier))}"}}`);
  }
  for (const bastion of doc.resources('azurerm_bastion_host')) {
    place(subnetOf(getPath(bastion.values, 'ip_configuration.subnet_id')), `${id(bastion.address)}["${text(`Bastion ${nameOf(bastion)}`)}"]`);
  }
  for (const gw of doc.resources('azurerm_application_gateway')) {
    place(subnetOf(getPath(gw.values, 'gateway_ip_configuration.subnet_id')), `${id(gw.address)}["${text(`Application Gateway ${nameOf(gw)}`, literal(getPath(gw.values, 'sku.tier')))}"]`);
  }
  for (const cluster of clusters) {
    outside.push(`${id(cluster.address)}(["${text(`AKS ${nameOf(cluster)}`, cluster.values.private_cluster_enabled === true ? 'private API server' : undefined)}"])`);
    const pool = getPath(cluster.values, 'default_node_pool');
    const poolId = id(`${cluster.address}/default_node_pool`);
    place(subnetOf(getPath(pool, 'vnet_subnet_id')), `${poolId}["${text(`system pool ${literal(getPath(pool, 'name')) ?? ''}`.trim())}"]`);
    edges.push(`${id(cluster.address)} --- ${poolId}`);
    const apiSubnet = subnetOf(getPath(cluster.values, 'api_server_access_profile.subnet_id'));
    if (apiSubnet) {
      const apiId = id(`${cluster.address}/api_server`);
      place(apiSubnet, `${apiId}["API server (VNet integration)"]`);
      edges.push(`${id(cluster.address)} --- ${apiId}`);
    }
  }
  for (const pool of doc.resources('azurerm_kubernetes_cluster_node_pool')) {
    const zones = (Array.isArray(pool.values.zones) ? pool.values.zones : []).filter((z) => typeof z === 'string');
    place(subnetOf(pool.values.vnet_subnet_id), `${id(pool.address)}["${text(`${literal(pool.values.os_type) === 'Windows' ? 'Windows pool' : 'pool'} ${nameOf(pool)}`, zones.length ? `zone ${zones.join(', ')}` : undefined)}"]`);
    doc.referencedBlocks(pool.values.kubernetes_cluster_id, 'azurerm_kubernetes_cluster').forEach((c) => edges.push(`${id(c.address)} --- ${id(pool.address)}`));
  }

  // What the private endpoints lead to, and the registry and vault even without one.
  const services: Record<string, string> = {
    azurerm_container_registry: 'Container registry',
    azurerm_key_vault: 'Key Vault',
    azurerm_storage_account: 'Storage account',
  };
  const drawn = new Set<string>();
  const service = (b: TfBlock): string => {
    if (!drawn.has(b.address)) {
      drawn.add(b.address);
      outside.push(`${id(b.address)}[("${text(`${services[b.type] ?? b.type} ${nameOf(b)}`)}")]`);
    }
    return id(b.address);
  };
  for (const pe of doc.resources('azurerm_private_endpoint')) {
    place(subnetOf(pe.values.subnet_id), `${id(pe.address)}[/"${text(`private endpoint ${nameOf(pe)}`)}"/]`);
    for (const target of doc.referencedBlocks(getPath(pe.values, 'private_service_connection.private_connection_resource_id'))) {
      edges.push(`${id(pe.address)} -. private link .-> ${target.type in services ? service(target) : id(target.address)}`);
    }
  }
  for (const type of ['azurerm_container_registry', 'azurerm_key_vault']) {
    doc.resources(type).forEach(service);
  }

  // Routes: subnet -> route table -> next hop.
  for (const table of doc.resources('azurerm_route_table')) {
    outside.push(`${id(table.address)}[/"${text(`route table ${nameOf(table)}`)}"\\]`);
    for (const assoc of doc.referencing('azurerm_subnet_route_table_association', 'route_table_id', table)) {
      const subnet = subnetOf(assoc.values.subnet_id);
      if (subnet) {
        edges.push(`${id(subnet.address)} -.-> ${id(table.address)}`);
      }
    }
    for (const route of doc.referencing('azurerm_route', 'route_table_name', table)) {
      const prefix = literal(route.values.address_prefix) ?? 'route';
      const firewall = doc.referencedBlocks(route.values.next_hop_in_ip_address, 'azurerm_firewall')[0];
      let hop: string;
      if (firewall) {
        hop = id(firewall.address);
      } else {
        const ip = literal(route.values.next_hop_in_ip_address);
        const type = literal(route.values.next_hop_type) ?? 'next hop';
        hop = id(`hop:${type}:${ip ?? ''}`);
        if (!drawn.has(hop)) {
          drawn.add(hop);
          outside.push(`${hop}(("${text(ip ? `${type} ${ip}` : type, ip ? 'outside this stack' : undefined)}"))`);
        }
      }
      edges.push(`${id(table.address)} -->|"${text(prefix)}"| ${hop}`);
    }
  }

  // Networks with their subnets, and what sits in each subnet.
  const subnetsOf = new Map<string, TfBlock[]>();
  const loose: TfBlock[] = [];
  for (const subnet of doc.resources('azurerm_subnet')) {
    const vnet = doc.referencedBlocks(subnet.values.virtual_network_name, 'azurerm_virtual_network')[0];
    if (vnet) {
      subnetsOf.set(vnet.address, [...(subnetsOf.get(vnet.address) ?? []), subnet]);
    } else {
      loose.push(subnet);
    }
  }
  const subnetLines = (subnet: TfBlock, indent: string): string[] => {
    const label = text(nameOf(subnet), strings(subnet.values.address_prefixes).join(', '));
    const members = inSubnet.get(subnet.address) ?? [];
    if (members.length === 0) {
      return [`${indent}${id(subnet.address)}["${label}"]`];
    }
    return [`${indent}subgraph ${id(subnet.address)}["${label}"]`, ...members.map((m) => `${indent}  ${m}`), `${indent}end`];
  };
  for (const vnet of vnets) {
    lines.push(`  subgraph ${id(vnet.address)}["${text(`VNet ${nameOf(vnet)}`, strings(vnet.values.address_space).join(', '))}"]`);
    for (const subnet of subnetsOf.get(vnet.address) ?? []) {
      lines.push(...subnetLines(subnet, '    '));
    }
    lines.push('  end');
  }
  loose.forEach((s) => lines.push(...subnetLines(s, '  ')));
  lines.push(...outside.map((n) => `  ${n}`));

  // Peerings, once per pair; a remote network outside the stack is drawn from its id.
  const pairs = new Set<string>();
  for (const peering of doc.resources('azurerm_virtual_network_peering')) {
    const local = doc.referencedBlocks(peering.values.virtual_network_name, 'azurerm_virtual_network')[0];
    const remote = doc.referencedBlocks(peering.values.remote_virtual_network_id, 'azurerm_virtual_network')[0];
    const remoteId = literal(peering.values.remote_virtual_network_id);
    const from = local ? id(local.address) : undefined;
    let to: string | undefined;
    if (remote) {
      to = id(remote.address);
    } else if (remoteId) {
      to = id(`vnet:${remoteId}`);
      if (!drawn.has(to)) {
        drawn.add(to);
        lines.push(`  ${to}["${text(`VNet ${remoteId.split('/').pop()}`, 'outside this stack')}"]`);
      }
    }
    if (from && to && !pairs.has([from, to].sort().join(' '))) {
      pairs.add([from, to].sort().join(' '));
      edges.push(`${from} <-->|peering| ${to}`);
    }
  }
  return [...lines, ...edges.map((e) => `  ${e}`)].join('\n');
}

/** topology.md: the stack's Mermaid topology with a title and how to read it. */
export function topologyMarkdown(doc: TerraformDocument): string | undefined {
  const chart = topologyMermaid(doc);
  if (chart === undefined) {
    return undefined;
  }
  return [
    `# Topology of stack \`${doc.name}\``,
    '',
    'Drawn from the synthesized `cdk.tf.json`: networks and their subnets (address ranges), what runs in each subnet, private endpoints (dotted: private link) to the services they reach, and routes from the subnets (dotted) through their route table to the next hop. Names computed at apply time show as Terraform names.',
    '',
    '```mermaid',
    chart,
    '```',
    '',
  ].join('\n');
}
