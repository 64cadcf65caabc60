import { Testing, TerraformStack } from 'cdktf';
import { SpokeNetwork } from '../../lib/network';
import { NodePoolSet } from '../../lib/node-pools';
import { HOST } from '../node-pools/fixtures';
import { APPS, spokeDoc, spokeProps } from './fixtures';
import type { TerraformDocument, TfBlock } from '../../lib/core/terraform-document';
import { subnetSecurityGroupsRule } from '../../lib/network/rules';
import { mutate, synthDoc } from '../support/synth';

const subnets = (doc: ReturnType<typeof spokeDoc>): Record<string, Record<string, any>> =>
  Object.fromEntries(doc.resources('azurerm_subnet').map((b) => [b.values.name as string, b.values as Record<string, any>]));

describe('SpokeNetwork: what it synthesizes', () => {
  const doc = spokeDoc({ withoutSubnetSecurityGroups: { reason: 'The network team associates its own NSGs' } }, (_stack, net) => {
    net.associateRouteTable('${azurerm_route_table.egress.id}');
    net.associateNetworkSecurityGroup('${azurerm_network_security_group.ingress.id}', ['snet-ingress']);
  });
  const s = subnets(doc);

  test('a VNet with no inline subnets, and standalone subnets with planned prefixes', () => {
    const vnet = doc.resources('azurerm_virtual_network')[0].values;
    expect(vnet).toMatchObject({ name: 'vnet-aks-test', address_space: ['10.10.0.0/16'] });
    expect(vnet.subnet).toBeUndefined();
    expect(Object.fromEntries(Object.entries(s).map(([n, v]) => [n, v.address_prefixes]))).toEqual({
      'snet-system': ['10.10.0.128/27'],
      'snet-user': ['10.10.0.0/25'],
      'snet-apiserver': ['10.10.0.192/28'],
      'snet-private-endpoints': ['10.10.0.160/27'],
      'snet-ingress': ['10.10.0.208/28'],
    });
    Object.values(s).forEach((v) => {
      expect(v.default_outbound_access_enabled).toBe(false);
      expect(doc.referencedBlocks(v.virtual_network_name, 'azurerm_virtual_network')).toHaveLength(1);
    });
  });

  test('the API server subnet is delegated to AKS with snake_case keys', () => {
    expect(s['snet-apiserver'].delegation).toEqual([
      { name: 'aks-api-server', service_delegation: { name: 'Microsoft.ContainerService/managedClusters', actions: ['Microsoft.Network/virtualNetworks/subnets/join/action'] } },
    ]);
    expect(s['snet-private-endpoints'].private_endpoint_network_policies).toBe('Enabled');
  });

  test('route tables and NSGs attach through standalone associations', () => {
    const rts = doc.resources('azurerm_subnet_route_table_association').map((b) => b.values);
    expect(rts).toHaveLength(2);
    rts.forEach((r) => expect(r.route_table_id).toBe('${azurerm_route_table.egress.id}'));
    expect(doc.resources('azurerm_subnet_network_security_group_association').map((b) => doc.referencedBlocks(b.values.subnet_id)[0].values.name)).toEqual(['snet-ingress']);
  });

  test('the cluster and the pools sit on the planned subnets', () => {
    const cluster = doc.resources('azurerm_kubernetes_cluster')[0];
    expect(doc.referencedBlocks(cluster.values.default_node_pool as never, 'azurerm_subnet').map((b) => b.values.name)).toEqual(['snet-system']);
    doc.resources('azurerm_kubernetes_cluster_node_pool').forEach((p) => expect(doc.referencedBlocks(p.values.vnet_subnet_id, 'azurerm_subnet').map((b) => b.values.name)).toEqual(['snet-user']));
  });

  test('one subnet per pool when asked', () => {
    const names = Object.keys(subnets(spokeDoc({ userSubnetPerPool: true }))).sort();
    expect(names).toEqual(['snet-apiserver', 'snet-appsz1', 'snet-appsz2', 'snet-appsz3', 'snet-ingress', 'snet-private-endpoints', 'snet-system']);
  });

  test('the plan is available as data and Markdown', () => {
    const net = new SpokeNetwork(new TerraformStack(Testing.app(), 's'), 'spoke', spokeProps());
    expect(net.plan.subnets.find((x) => x.name === 'snet-user')).toMatchObject({ capacity: 123, required: 42, headroom: 81 });
    expect(net.planMarkdown).toContain('| snet-user | 10.10.0.0/25 | 123 | 42 | 81 |');
  });
});

describe('SpokeNetwork: bad input', () => {
  const build = (extra: Parameters<typeof spokeProps>[0]) => () => new SpokeNetwork(new TerraformStack(Testing.app(), 's'), 'spoke', spokeProps(extra));

  test('a user subnet too small for max nodes x pods (+ surge)', () =>
    expect(build({ model: 'flat', podCidr: undefined, cidrs: { user: '10.10.8.0/24' } })).toThrow(/SpokeNetwork(?: '[^']+')?: prop 'subnets.snet-user.cidr' = '10.10.8.0\/24' is too small: it must hold 2142 addresses/));
  test('overlapping subnets', () => expect(build({ cidrs: { system: '10.10.1.0/26', ingress: '10.10.1.32/28' } })).toThrow(/SpokeNetwork(?: '[^']+')?: prop 'subnets.snet-ingress.cidr'.*overlaps subnet 'snet-system'/));
  test('pod CIDR overlapping the VNet', () => expect(build({ podCidr: '10.10.0.0/16' })).toThrow(/SpokeNetwork(?: '[^']+')?: prop 'podCidr' = '10.10.0.0\/16' overlaps the VNet/));
  test('API server subnet smaller than /28', () => expect(build({ cidrs: { apiServer: '10.10.9.0/29' } })).toThrow(/SpokeNetwork(?: '[^']+')?: prop 'subnets.snet-apiserver.cidr' = '10.10.9.0\/29' is smaller than \/28/));
  test('address space overlapping the hub', () => expect(build({ addressSpace: '10.0.0.0/8' })).toThrow(/SpokeNetwork(?: '[^']+')?: prop 'addressSpace' = '10.0.0.0\/8' overlaps peered\/hub range 'hub'/));
  test('invalid VNet name', () => expect(build({ name: '-vnet' })).toThrow(/SpokeNetwork(?: '[^']+')?: prop 'name' = '-vnet'/));
  test.each([
    ['172.30.0.0/16', /overlaps 172\.30\.0\.0\/16, which AKS reserves/],
    ['172.31.0.0/16', /which AKS reserves/],
    ['169.254.0.0/16', /which AKS reserves/],
    ['192.0.2.0/24', /which AKS reserves/],
    ['224.10.0.0/16', /overlaps 224\.0\.0\.0\/4, multicast address space that no VNet can use/],
    ['240.0.0.0/16', /reserved \(class E\)/],
  ])('address space %s that AKS reserves or that is not unicast', (space, message) => {
    expect(build({ addressSpace: space })).toThrow(new RegExp(`SpokeNetwork 'spoke': prop 'addressSpace' = '${space.replace(/[./]/g, '\\$&')}'.*${message.source}`));
  });
  test('the nearest usable range is accepted', () => expect(build({ addressSpace: '172.29.0.0/16' })).not.toThrow());
  test('a service CIDR AKS reserves', () => expect(build({ serviceCidr: '172.30.0.0/16' })).toThrow(/SpokeNetwork 'spoke': prop 'serviceCidr' = '172.30.0.0\/16' overlaps 172.30.0.0\/16, which AKS reserves/));
  test('DNS servers that are not IP addresses', () => {
    expect(build({ dnsServers: ['10.0.0.4', 'dns.contoso.com'] })).toThrow(/SpokeNetwork 'spoke': prop 'dnsServers\[1\]' = 'dns.contoso.com' is not an IPv4 address/);
    expect(build({ dnsServers: ['10.0.0.4'] })).not.toThrow();
  });
  test('a region that does not exist', () => expect(build({ location: 'westeurop' })).toThrow(/SpokeNetwork 'spoke': prop 'location' = 'westeurop' is not an Azure region\. Fix: did you mean 'westeurope'/));
  test('two route tables on one subnet', () => {
    const net = build({})();
    net.associateRouteTable('rt-1', ['snet-system']);
    expect(() => net.associateRouteTable('rt-2', ['snet-system'])).toThrow(/SpokeNetwork(?: '[^']+')?: prop 'associateRouteTable\(subnetNames\)' = 'snet-system' already has a route table/);
  });
  test('a pool that outgrows the planned user subnet is rejected by NodePoolSet', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    const net = new SpokeNetwork(stack, 'spoke', spokeProps());
    const set = new NodePoolSet(stack, 'pools', { host: HOST, subnet: net.userSubnet() });
    set.addZonalPools('apps', APPS);
    expect(() => set.addPool('more', { ...APPS, maxCount: 100 })).toThrow(/NodePoolSet(?: '[^']+')?: prop 'more.subnet' = 'snet-user' is too small: pool 'more' needs 133 addresses.*175 in all, but has 123 usable/);
  });
});

describe('SpokeNetwork: a network security group on every subnet', () => {
  const doc = spokeDoc();
  const nsgOf = (subnet: string): TfBlock => {
    const assoc = doc.resources('azurerm_subnet_network_security_group_association').filter((a) => doc.referencedBlocks(a.values.subnet_id)[0].values.name === subnet);
    expect(assoc).toHaveLength(1);
    return doc.referencedBlocks(assoc[0].values.network_security_group_id, 'azurerm_network_security_group')[0];
  };
  const rulesOf = (nsg: TfBlock): Record<string, any>[] => doc.resources('azurerm_network_security_rule').filter((r) => doc.references(r.values.network_security_group_name, nsg)).map((r) => r.values);

  test('each subnet is associated with its own NSG', () => {
    const names = ['snet-system', 'snet-user', 'snet-apiserver', 'snet-private-endpoints', 'snet-ingress'].map((s) => nsgOf(s).values.name);
    expect(names).toEqual(['nsg-aks-test-system', 'nsg-aks-test-user', 'nsg-aks-test-apiserver', 'nsg-aks-test-private-endpoints', 'nsg-aks-test-ingress']);
  });

  test("node and ingress subnets keep Azure's default rules (VNet and load balancer in, Internet denied)", () => {
    for (const s of ['snet-system', 'snet-user', 'snet-ingress']) {
      expect(rulesOf(nsgOf(s))).toEqual([]);
    }
  });

  test('the API server subnet allows what API Server VNet Integration documents, HTTPS from the VNet, and nothing else', () => {
    const rules = rulesOf(nsgOf('snet-apiserver'));
    expect(rules.map((r) => [r.name, r.priority, r.direction, r.access, r.protocol, r.source_address_prefix ?? r.source_address_prefixes, r.destination_port_ranges ?? r.destination_port_range])).toEqual([
      ['AllowNodesToApiServer', 100, 'Inbound', 'Allow', 'Tcp', ['10.10.0.128/27', '10.10.0.0/25'], ['443', '4443']],
      ['AllowAzureLoadBalancerProbe', 110, 'Inbound', 'Allow', 'Tcp', 'AzureLoadBalancer', ['9988']],
      ['AllowVnetHttpsToApiServer', 120, 'Inbound', 'Allow', 'Tcp', 'VirtualNetwork', ['443']],
      ['DenyOtherInbound', 4096, 'Inbound', 'Deny', '*', '*', '*'],
    ]);
    expect(rules[0]).toMatchObject({ destination_address_prefix: '10.10.0.192/28', source_port_range: '*' });
  });

  test('the private endpoint subnet takes HTTPS from the VNet and initiates nothing', () => {
    expect(rulesOf(nsgOf('snet-private-endpoints')).map((r) => [r.name, r.direction, r.access, r.destination_port_ranges ?? r.destination_port_range])).toEqual([
      ['AllowVnetHttpsToPrivateEndpoints', 'Inbound', 'Allow', ['443']],
      ['DenyOtherInbound', 'Inbound', 'Deny', '*'],
      ['DenyAllOutbound', 'Outbound', 'Deny', '*'],
    ]);
  });

  test('subnetSecurityGroupsRule (network/network-policies, subnet facet)', () => {
    const api = doc.resources('azurerm_subnet').find((b) => b.values.name === 'snet-apiserver')!;
    const withApi = (d: TerraformDocument): TerraformDocument =>
      mutate(d, (json) => Object.values<any>(json.resource.azurerm_kubernetes_cluster).forEach((c) => (c.api_server_access_profile = { subnet_id: `\${${api.address}.id}` })));
    expect(subnetSecurityGroupsRule(withApi(doc))).toMatchObject({ status: 'compliant', message: expect.stringMatching(/api-server subnet with NSG/) });
    const noNsg = mutate(doc, (json) => delete json.resource.azurerm_subnet_network_security_group_association);
    expect(subnetSecurityGroupsRule(noNsg)).toMatchObject({ status: 'non-compliant', message: expect.stringMatching(/nodes subnet has no network security group/) });
    const blocked = mutate(withApi(doc), (json) => {
      for (const [name, r] of Object.entries<any>(json.resource.azurerm_network_security_rule)) {
        if (r.name === 'AllowNodesToApiServer') {
          delete json.resource.azurerm_network_security_rule[name];
        }
      }
    });
    expect(subnetSecurityGroupsRule(blocked)).toMatchObject({ status: 'non-compliant', message: expect.stringMatching(/denies inbound traffic without allowing TCP 4443/) });
    expect(subnetSecurityGroupsRule(synthDoc(() => undefined)).status).toBe('not-applicable');
  });

  test('opting out takes a reason and records a waiver; a second NSG on a subnet is refused with the way out', () => {
    expect(() => spokeDoc({ withoutSubnetSecurityGroups: { reason: 'n/a' } })).toThrow(/SpokeNetwork.*'withoutSubnetSecurityGroups\.reason'/);
    expect(() => spokeDoc({}, (_s, net) => net.associateNetworkSecurityGroup('${azurerm_network_security_group.x.id}', ['snet-ingress']))).toThrow(/already has a network security group.*unless withoutSubnetSecurityGroups is set/);
    const waived = spokeDoc({ withoutSubnetSecurityGroups: { reason: 'The network team associates its own NSGs' } });
    expect(waived.resources('azurerm_network_security_group')).toHaveLength(0);
    expect(JSON.stringify(waived.json['//'])).toContain('network/network-policies');
  });
});
