import { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { TerraformStack, Testing } from 'cdktf';
import { getPath, JsonObject, TerraformDocument } from '../../lib/core/terraform-document';
import { EgressFirewall } from '../../lib/egress';
import { synthDoc } from '../support/synth';
import { baseProps, cluster, firewallStack, spoke, spokeProps, WORKSPACE_ID } from './fixtures';

function only(doc: TerraformDocument, type: string): JsonObject {
  const found = doc.resources(type);
  expect(found).toHaveLength(1);
  return found[0].values;
}

function generatedRules(doc: TerraformDocument): { name: string; fqdns: string[] }[] {
  const group = doc.resources('azurerm_firewall_policy_rule_collection_group').find((g) => g.values.name === 'aks-egress')!;
  return (['application_rule_collection', 'network_rule_collection'] as const).flatMap((k) =>
    ((group.values[k] as JsonObject[] | undefined) ?? []).flatMap((c) =>
      (c.rule as JsonObject[]).map((r) => ({ name: String(r.name), fqdns: [...((r.destination_fqdns as string[]) ?? []), ...((r.destination_fqdn_tags as string[]) ?? [])] })),
    ),
  );
}

describe('EgressFirewall synthesized Terraform', () => {
  const doc = synthDoc((stack) => {
    firewallStack(stack);
  });

  test('firewall: AZFW_VNet Premium in zones 1-3 with a policy and no threat_intel_mode of its own', () => {
    const fw = only(doc, 'azurerm_firewall');
    expect(fw).toMatchObject({ sku_name: 'AZFW_VNet', sku_tier: 'Premium', zones: ['1', '2', '3'] });
    expect(fw.firewall_policy_id).toMatch(/^\$\{azurerm_firewall_policy\.\w+\.id\}$/);
    expect(fw).not.toHaveProperty('threat_intel_mode');
    expect(fw).not.toHaveProperty('dns_proxy_enabled');
    expect(getPath(fw, 'ip_configuration.subnet_id')).toMatch(/azurerm_subnet\.egress_firewall-subnet/);
  });

  test('policy: same tier, threat intelligence Deny, IDPS Deny, DNS proxy on', () => {
    const policy = only(doc, 'azurerm_firewall_policy');
    expect(policy).toMatchObject({ sku: 'Premium', threat_intelligence_mode: 'Deny', dns: { proxy_enabled: true }, intrusion_detection: { mode: 'Deny' } });
    expect(policy).not.toHaveProperty('insights');
  });

  test('public IP: Standard, Static, zones 1-3', () => {
    expect(only(doc, 'azurerm_public_ip')).toMatchObject({ sku: 'Standard', allocation_method: 'Static', zones: ['1', '2', '3'] });
  });

  test('AzureFirewallSubnet is a standalone azurerm_subnet in the hub', () => {
    const subnet = doc.resources('azurerm_subnet').find((s) => s.values.name === 'AzureFirewallSubnet')!;
    expect(subnet.values).toMatchObject({ address_prefixes: ['10.0.0.0/26'], resource_group_name: 'rg-hub' });
    expect(subnet.values.virtual_network_name).toMatch(/azurerm_virtual_network\.egress_hub/);
  });

  test('forced tunnelling: route table without BGP propagation, standalone 0.0.0.0/0 route to the firewall private IP, associated with the node subnet', () => {
    expect(only(doc, 'azurerm_route_table')).toMatchObject({ bgp_route_propagation_enabled: false, location: 'westeurope' });
    expect(only(doc, 'azurerm_route_table')).not.toHaveProperty('route');
    const route = only(doc, 'azurerm_route');
    expect(route).toMatchObject({ address_prefix: '0.0.0.0/0', next_hop_type: 'VirtualAppliance' });
    expect(route.next_hop_in_ip_address).toMatch(/^\$\{azurerm_firewall\.\w+\.ip_configuration\[0\]\.private_ip_address\}$/);
    const assoc = only(doc, 'azurerm_subnet_route_table_association');
    expect(assoc.subnet_id).toBe('${azurerm_subnet.nodes.id}');
    expect(assoc.depends_on).toEqual(
      expect.arrayContaining([expect.stringMatching(/^azurerm_firewall\./), expect.stringMatching(/^azurerm_firewall_policy_rule_collection_group\./), expect.stringMatching(/^azurerm_route\./)]),
    );
  });

  test('sources are an IP group of the node subnets, never "*"', () => {
    expect(only(doc, 'azurerm_ip_group').cidrs).toEqual(['10.1.0.0/22']);
    const group = doc.resources('azurerm_firewall_policy_rule_collection_group')[0].values;
    const rules = [...(group.application_rule_collection as JsonObject[]), ...(group.network_rule_collection as JsonObject[])].flatMap((c) => c.rule as JsonObject[]);
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      expect(rule.source_ip_groups).toEqual([expect.stringMatching(/^\$\{azurerm_ip_group\.[\w-]+\.id\}$/)]);
      expect(rule).not.toHaveProperty('source_addresses');
    }
  });

  test('default rules: the AKS FQDN tag, NTP, and one rule per default feature; no tunnel ports for a private cluster', () => {
    expect(generatedRules(doc).map((r) => r.name)).toEqual([
      'aks-core-fqdn-tag',
      'container-insights-azure-monitor',
      'managed-prometheus-azure-monitor',
      'azure-policy-policy',
      'defender-sensor',
      'aks-core-ntp',
    ]);
    const group = doc.resources('azurerm_firewall_policy_rule_collection_group')[0].values;
    expect(JSON.stringify(group)).not.toMatch(/1194|9000/);
    expect(getPath(group, 'network_rule_collection.0.rule.0')).toMatchObject({ protocols: ['UDP'], destination_ports: ['123'], destination_fqdns: ['ntp.ubuntu.com'] });
    expect(getPath(group, 'application_rule_collection.0.rule.0')).toMatchObject({ destination_fqdn_tags: ['AzureKubernetesService'], protocols: [{ type: 'Http', port: 80 }, { type: 'Https', port: 443 }] });
  });

  test('diagnostics: Dedicated tables in the workspace with the AZFW categories', () => {
    const diag = only(doc, 'azurerm_monitor_diagnostic_setting');
    expect(diag).toMatchObject({ log_analytics_destination_type: 'Dedicated', log_analytics_workspace_id: WORKSPACE_ID });
    expect((diag.enabled_log as JsonObject[]).map((l) => l.category)).toEqual(expect.arrayContaining(['AZFWApplicationRule', 'AZFWNetworkRule', 'AZFWThreatIntel', 'AZFWIdpsSignature', 'AZFWDnsQuery']));
  });

  test('peering hub <-> spoke both ways, forwarded traffic allowed', () => {
    const peerings = doc.resources('azurerm_virtual_network_peering').map((p) => p.values);
    expect(peerings).toHaveLength(2);
    expect(peerings.map((p) => p.remote_virtual_network_id)).toEqual(expect.arrayContaining(['${azurerm_virtual_network.spoke.id}', expect.stringMatching(/azurerm_virtual_network\.egress_hub/)]));
    peerings.forEach((p) => expect(p).toMatchObject({ allow_forwarded_traffic: true, allow_virtual_network_access: true }));
  });

  test('no secrets in the output', () => {
    expect(JSON.stringify(doc.json)).not.toMatch(/password|secret|connection_string|primary_key/i);
  });
});

describe('EgressFirewall options', () => {
  test('a public API server adds the tunnel ports to AzureCloud.<region>, and only then', () => {
    const doc = synthDoc((stack) => {
      firewallStack(stack, { apiServerAccess: 'public' });
    });
    const names = generatedRules(doc).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['aks-core-tunnel-udp', 'aks-core-tunnel-tcp']));
    expect(JSON.stringify(doc.json)).toContain('"AzureCloud.westeurope"');
  });

  test('Standard tier: no IDPS; Basic tier: management IP configuration, Alert, no DNS proxy nor NTP FQDN rule', () => {
    const standard = synthDoc((stack) => {
      firewallStack(stack, { tier: 'Standard' });
    });
    expect(only(standard, 'azurerm_firewall_policy')).not.toHaveProperty('intrusion_detection');
    expect(only(standard, 'azurerm_firewall').sku_tier).toBe('Standard');
    const basic = synthDoc((stack) => {
      firewallStack(stack, { tier: 'Basic', managementSubnet: { addressPrefix: '10.0.0.64/26' } });
    });
    const fw = only(basic, 'azurerm_firewall');
    expect(getPath(fw, 'management_ip_configuration.subnet_id')).toMatch(/management-subnet/);
    expect(only(basic, 'azurerm_firewall_policy')).toMatchObject({ sku: 'Basic', threat_intelligence_mode: 'Alert' });
    expect(only(basic, 'azurerm_firewall_policy')).not.toHaveProperty('dns');
    expect(generatedRules(basic).map((r) => r.name)).not.toContain('aks-core-ntp');
  });

  test('insights as an option go to the same workspace', () => {
    const doc = synthDoc((stack) => {
      firewallStack(stack, { insights: true });
    });
    expect(only(doc, 'azurerm_firewall_policy').insights).toMatchObject({ enabled: true, default_log_analytics_workspace_id: WORKSPACE_ID });
  });

  test('a spoke in another region gets its own route table in that region', () => {
    const doc = synthDoc((stack) => {
      const s = spoke(stack, 'northeurope');
      new EgressFirewall(stack, 'egress', baseProps({ ...spokeProps(s, 'northeurope'), clusterLocation: 'northeurope' }));
    });
    expect(only(doc, 'azurerm_route_table').location).toBe('northeurope');
    expect(generatedRules(doc).flatMap((r) => r.fqdns)).toContain('northeurope.handler.control.monitor.azure.com');
  });

  test('IEgressPath: outbound type, next hop, public IPs and dependables wire into a cluster', () => {
    const doc = synthDoc((stack) => {
      const { fw, spoke: s } = firewallStack(stack);
      expect(fw.outboundType).toBe('userDefinedRouting');
      expect(fw.dependables.length).toBe(2);
      cluster(stack, s, fw);
    });
    const aks = only(doc, 'azurerm_kubernetes_cluster');
    expect(getPath(aks, 'network_profile.outbound_type')).toBe('userDefinedRouting');
    expect(aks.depends_on).toEqual(expect.arrayContaining([expect.stringMatching(/^azurerm_subnet_route_table_association\./), expect.stringMatching(/^azurerm_firewall_policy_rule_collection_group\./)]));
  });

  test('allowFeature(container-registry) with the registry hosts adds one tagged rule; with privateLink none', () => {
    const hosts = ['acrplat.azurecr.io', 'acrplat.westeurope.data.azurecr.io'];
    const open = synthDoc((stack) => {
      firewallStack(stack).fw.allowFeature('container-registry', { hosts });
    });
    expect(generatedRules(open).find((r) => r.name === 'container-registry-registry')?.fqdns).toEqual(hosts);
    const closed = synthDoc((stack) => {
      firewallStack(stack).fw.allowFeature('container-registry', { privateLink: true });
    });
    expect(generatedRules(closed).map((r) => r.name).filter((n) => n.startsWith('container-registry'))).toEqual([]);
  });

  test('user rules land in a custom group with node-subnet sources and distinct priorities', () => {
    const doc = synthDoc((stack) => {
      firewallStack(stack)
        .fw.allowFqdns('github', { fqdns: ['github.com', 'codeload.github.com'], protocols: [{ type: 'Https', port: 443 }] })
        .allowNetwork('smtp-relay', { protocols: ['TCP'], destinationAddresses: ['10.50.0.10'], destinationPorts: ['587'] });
    });
    const group = doc.resources('azurerm_firewall_policy_rule_collection_group').find((g) => g.values.name === 'custom-egress')!.values;
    expect(group.priority).toBe(300);
    expect(getPath(group, 'application_rule_collection.0')).toMatchObject({ name: 'github', priority: 1000, action: 'Allow' });
    expect(getPath(group, 'network_rule_collection.0')).toMatchObject({ name: 'smtp-relay', priority: 1010 });
    expect(getPath(group, 'network_rule_collection.0.rule.0')).toMatchObject({ destination_ports: ['587'], source_ip_groups: [expect.stringMatching(/azurerm_ip_group/)] });
  });

  test('Bastion: Standard SKU in AzureBastionSubnet (/26) with only the required NSG rules', () => {
    const doc = synthDoc((stack) => {
      firewallStack(stack, { bastion: { subnetAddressPrefix: '10.0.1.0/26' } });
    });
    const bastion = only(doc, 'azurerm_bastion_host');
    expect(bastion).toMatchObject({ sku: 'Standard', shareable_link_enabled: false });
    expect(bastion.depends_on).toEqual(expect.arrayContaining([expect.stringMatching(/^azurerm_subnet_network_security_group_association\./)]));
    const subnet = doc.resources('azurerm_subnet').find((s) => s.values.name === 'AzureBastionSubnet')!;
    expect(subnet.values.address_prefixes).toEqual(['10.0.1.0/26']);
    // depends_on holds bare references: Terraform rejects "${...}" there ("A single static variable reference is required").
    expect(subnet.values.depends_on).toEqual([expect.stringMatching(/^azurerm_virtual_network\.\w+$/)]);
    const fromInternet = doc
      .resources('azurerm_network_security_rule')
      .map((r) => r.values)
      .filter((r) => r.direction === 'Inbound' && r.source_address_prefix === 'Internet');
    expect(fromInternet).toEqual([expect.objectContaining({ name: 'AllowHttpsInbound', destination_port_ranges: ['443'], protocol: 'Tcp' })]);
    expect(doc.resources('azurerm_network_security_rule')).toHaveLength(8);
  });
});

describe('features add and remove exactly their FQDNs', () => {
  const fqdnsOf = (doc: TerraformDocument): Map<string, string[]> => new Map(generatedRules(doc).map((r) => [r.name, r.fqdns]));
  const withProm = synthDoc((stack) => {
    firewallStack(stack, { features: ['aks-core', 'container-insights', 'managed-prometheus'] });
  });
  const withoutProm = synthDoc((stack) => {
    firewallStack(stack, { features: ['aks-core', 'container-insights'] });
  });
  const laterProm = synthDoc((stack) => {
    firewallStack(stack, { features: ['aks-core', 'container-insights'] }).fw.allowFeature('managed-prometheus');
  });

  test('turning managed-prometheus on adds exactly its rule with its FQDNs', () => {
    const on = fqdnsOf(withProm);
    const off = fqdnsOf(withoutProm);
    const added = [...on.keys()].filter((k) => !off.has(k));
    expect(added).toEqual(['managed-prometheus-azure-monitor']);
    expect(on.get('managed-prometheus-azure-monitor')).toEqual(['global.handler.control.monitor.azure.com', 'westeurope.handler.control.monitor.azure.com', '*.metrics.ingest.monitor.azure.com']);
    for (const [name, fqdns] of off) {
      expect(on.get(name)).toEqual(fqdns);
    }
  });

  test('turning it off removes them: no rule and no managed-prometheus FQDN left', () => {
    expect([...fqdnsOf(withoutProm).keys()].some((k) => k.startsWith('managed-prometheus'))).toBe(false);
    expect(JSON.stringify(withoutProm.json)).not.toContain('*.metrics.ingest.monitor.azure.com');
  });

  test('allowFeature() after construction gives the same rules as the prop', () => {
    expect(fqdnsOf(laterProm)).toEqual(fqdnsOf(withProm));
  });
});

describe('synth-time cross-resource checks', () => {
  const synthErrors = (build: (stack: TerraformStack) => void): string => {
    try {
      synthDoc(build);
    } catch (e) {
      return String(e);
    }
    return '';
  };

  test('a cluster on our node subnet left on loadBalancer outbound is a synth error with the fix', () => {
    const errors = synthErrors((stack) => {
      const { spoke: s } = firewallStack(stack);
      cluster(stack, s, undefined);
    });
    expect(errors).toMatch(/EgressFirewall.*outbound_type.*userDefinedRouting/);
  });

  test('a cluster on userDefinedRouting whose subnet has no route table is a synth error', () => {
    const errors = synthErrors((stack) => {
      const { fw } = firewallStack(stack);
      const other = new Subnet(stack, 'other', { name: 'snet-other', resourceGroupName: 'rg-spoke', virtualNetworkName: 'vnet-spoke', addressPrefixes: ['10.1.8.0/22'] });
      new KubernetesCluster(stack, 'aks', {
        name: 'aks',
        resourceGroupName: 'rg-spoke',
        location: 'westeurope',
        dnsPrefixPrivateCluster: 'aks',
        privateClusterEnabled: true,
        defaultNodePool: { name: 'system', vmSize: 'Standard_D4ds_v5', nodeCount: 3, vnetSubnetId: other.id },
        identity: { type: 'SystemAssigned' },
        networkProfile: { networkPlugin: 'azure', outboundType: fw.outboundType },
      });
    });
    expect(errors).toMatch(/EgressFirewall.*has no route table/);
  });

  test('a public cluster whose authorized ranges omit the firewall public IP is a synth error; with it, synth passes', () => {
    const errors = synthErrors((stack) => {
      const { fw, spoke: s } = firewallStack(stack);
      cluster(stack, s, fw, { private: false, authorizedRanges: ['203.0.113.0/24'] });
    });
    expect(errors).toMatch(/EgressFirewall.*authorized_ip_ranges.*omits the firewall's public IP/);
    expect(
      synthErrors((stack) => {
        const { fw, spoke: s } = firewallStack(stack);
        cluster(stack, s, fw, { private: false, authorizedRanges: ['203.0.113.0/24', ...fw.egressPublicIps.map((ip) => `${ip}/32`)] });
      }),
    ).toBe('');
  });

  test('a firewall without node subnets is a synth error', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'test');
    new EgressFirewall(stack, 'egress', baseProps());
    expect(() => Testing.synth(stack, true)).toThrow(/EgressFirewall.*no node subnet/);
  });
});
