import { Testing, TerraformStack } from 'cdktf';
import { SpokeNetwork } from '../../lib/network';
import { NodePoolSet } from '../../lib/node-pools';
import { HOST } from '../node-pools/fixtures';
import { APPS, spokeDoc, spokeProps } from './fixtures';

const subnets = (doc: ReturnType<typeof spokeDoc>): Record<string, Record<string, any>> =>
  Object.fromEntries(doc.resources('azurerm_subnet').map((b) => [b.values.name as string, b.values as Record<string, any>]));

describe('SpokeNetwork: what it synthesizes', () => {
  const doc = spokeDoc({}, (_stack, net) => {
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
