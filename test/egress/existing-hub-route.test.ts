/**
 * HubEgressRoute: forced tunnelling to an existing hub firewall (not in the stack), and how
 * network/egress-lockdown judges it.
 */
import { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { App, TerraformStack, Testing } from 'cdktf';
import { evaluateItem } from '../../lib/checklist/evaluate';
import { getPath, JsonObject, TerraformDocument } from '../../lib/core/terraform-document';
import { HubEgressRoute, HubEgressRouteProps } from '../../lib/egress/existing-hub-route';
import { NatGatewayEgress, NatGatewayEgressProps } from '../../lib/egress/nat-gateway';
import { NetworkIsolatedEgress } from '../../lib/egress/network-isolated';
import { describeItem } from '../support/items';
import { mutate, synthDoc } from '../support/synth';
import { firewallStack, spoke } from './fixtures';

type Json = Record<string, any>;
const first = (section: Json): Json => Object.values(section)[0] as Json;
const HUB_FIREWALL_IP = '10.0.0.4';

function routeProps(subnets: HubEgressRouteProps['nodeSubnets'], overrides: Partial<HubEgressRouteProps> = {}): HubEgressRouteProps {
  return { name: 'rt-spoke-egress', resourceGroupName: 'rg-spoke', location: 'westeurope', firewallPrivateIp: HUB_FIREWALL_IP, nodeSubnets: subnets, ...overrides };
}

/** A spoke with system and user node subnets routed to the hub firewall, and a private cluster using the route. */
function hubRouted(stack: TerraformStack, overrides: Partial<HubEgressRouteProps> = {}): HubEgressRoute {
  const s = spoke(stack);
  const user = new Subnet(stack, 'user', { name: 'snet-user', resourceGroupName: 'rg-spoke', virtualNetworkName: s.vnet.name, addressPrefixes: ['10.1.4.0/22'] });
  const egress = new HubEgressRoute(stack, 'hub-egress', routeProps([{ id: s.nodes.id, name: 'snet-nodes' }, { id: user.id, name: 'snet-user' }], overrides));
  const aks = new KubernetesCluster(stack, 'aks', {
    name: 'aks-plat',
    resourceGroupName: 'rg-spoke',
    location: 'westeurope',
    dnsPrefixPrivateCluster: 'aks-plat',
    privateClusterEnabled: true,
    defaultNodePool: { name: 'system', vmSize: 'Standard_D4ds_v5', nodeCount: 3, vnetSubnetId: s.nodes.id, zones: ['1', '2', '3'] },
    identity: { type: 'SystemAssigned' },
    networkProfile: { networkPlugin: 'azure', networkPluginMode: 'overlay', outboundType: egress.outboundType },
    dependsOn: [...egress.dependables],
  });
  void aks;
  return egress;
}

const routed = () => synthDoc((stack) => void hubRouted(stack));

describeItem('network/egress-lockdown', {
  compliant: {
    'node subnets routed to an existing hub firewall (no firewall in the stack)': routed,
  },
  nonCompliant: {
    'default route to a public address': () => mutate(routed(), (j) => (first(j.resource.azurerm_route).next_hop_in_ip_address = '20.50.1.10')),
    'default route to the Internet': () =>
      mutate(routed(), (j) => {
        const route = first(j.resource.azurerm_route);
        route.next_hop_type = 'Internet';
        delete route.next_hop_in_ip_address;
      }),
    'cluster left on loadBalancer outbound': () => mutate(routed(), (j) => (first(j.resource.azurerm_kubernetes_cluster).network_profile.outbound_type = 'loadBalancer')),
    'a private next hop that is not the firewall in the stack': () =>
      synthDoc(
        (stack) => {
          firewallStack(stack);
          const other = new Subnet(stack, 'other', { name: 'snet-other', resourceGroupName: 'rg-spoke', virtualNetworkName: 'vnet-spoke', addressPrefixes: ['10.1.8.0/22'] });
          new HubEgressRoute(stack, 'hub-egress', routeProps([{ id: other.id }], { firewallPrivateIp: '10.0.0.100' }));
        },
        { validate: false },
      ),
  },
});

describe('HubEgressRoute synthesized Terraform', () => {
  let doc: TerraformDocument;
  let egress: HubEgressRoute;
  beforeAll(() => {
    doc = synthDoc((stack) => {
      egress = hubRouted(stack);
    });
  });
  const only = (type: string): JsonObject => {
    expect(doc.resources(type)).toHaveLength(1);
    return doc.resources(type)[0].values;
  };

  test('a route table without BGP route propagation and without inline routes', () => {
    const table = only('azurerm_route_table');
    expect(table).toMatchObject({ name: 'rt-spoke-egress', resource_group_name: 'rg-spoke', location: 'westeurope', bgp_route_propagation_enabled: false });
    expect(table).not.toHaveProperty('route');
  });

  test('a standalone 0.0.0.0/0 route, VirtualAppliance, to the given firewall IP', () => {
    const route = only('azurerm_route');
    expect(route).toMatchObject({ name: 'default-via-hub-firewall', address_prefix: '0.0.0.0/0', next_hop_type: 'VirtualAppliance', next_hop_in_ip_address: HUB_FIREWALL_IP });
    expect(route.route_table_name).toMatch(/^\$\{azurerm_route_table\.[^}]+\.name\}$/);
  });

  test('one association per node subnet, after the default route', () => {
    const assocs = doc.resources('azurerm_subnet_route_table_association');
    expect(assocs.map((a) => a.values.subnet_id).sort()).toEqual([expect.stringMatching(/azurerm_subnet\.nodes\./), expect.stringMatching(/azurerm_subnet\.user\./)]);
    for (const a of assocs) {
      expect(a.values.route_table_id).toMatch(/^\$\{azurerm_route_table\.[^}]+\.id\}$/);
      expect(String(getPath(a.values, 'depends_on'))).toMatch(/azurerm_route\./);
    }
  });

  test('implements IEgressPath: userDefinedRouting, next hop, and the cluster waits for route and associations', () => {
    expect(egress.outboundType).toBe('userDefinedRouting');
    expect(egress.nextHopIp).toBe(HUB_FIREWALL_IP);
    expect(egress.egressPublicIps).toEqual([]);
    const deps = (getPath(doc.resources('azurerm_kubernetes_cluster')[0].values, 'depends_on') as string[]).join(' ');
    expect(deps).toMatch(/azurerm_route\./);
    expect(deps.match(/azurerm_subnet_route_table_association\./g)).toHaveLength(2);
  });

  test('the egress-lockdown evidence says the firewall is outside the stack and its rules are not verified', () => {
    const result = evaluateItem('network/egress-lockdown', doc);
    expect(result.status).toBe('compliant');
    expect(result.message).toMatch(/goes to 10\.0\.0\.4, a private next hop outside this stack.*rules are not/);
  });

  test('creates no firewall, no peering and no data source', () => {
    expect(doc.resources('azurerm_firewall')).toEqual([]);
    expect(doc.resources('azurerm_virtual_network_peering')).toEqual([]);
    expect(doc.dataSources()).toEqual([]);
  });
});

describe('HubEgressRoute rejects bad input', () => {
  function build(overrides: Partial<HubEgressRouteProps>): () => HubEgressRoute {
    return () => {
      const app: App = Testing.app();
      const stack = new TerraformStack(app, 'test');
      return new HubEgressRoute(stack, 'hub-egress', routeProps([{ id: '/subscriptions/x/subnets/snet-system', name: 'snet-system' }], overrides));
    };
  }

  test('a firewall IP that is not an address', () => {
    expect(build({ firewallPrivateIp: '10.0.0.4/32' })).toThrow(/HubEgressRoute '[^']+': prop 'firewallPrivateIp' = '10\.0\.0\.4\/32' is not an IPv4 address/);
  });

  test('a malformed firewall IP', () => {
    expect(build({ firewallPrivateIp: '10.0.0.256' })).toThrow(/HubEgressRoute(?: '[^']+')?: prop 'firewallPrivateIp'.*not an IPv4 address/);
  });

  test("the firewall's public IP instead of its private one", () => {
    expect(build({ firewallPrivateIp: '20.50.1.10' })).toThrow(/HubEgressRoute(?: '[^']+')?: prop 'firewallPrivateIp' = '20\.50\.1\.10' is not in a private range.*Fix: give the firewall's private IP/);
  });

  test('no node subnet', () => {
    expect(build({ nodeSubnets: [] })).toThrow(/HubEgressRoute(?: '[^']+')?: prop 'nodeSubnets' = \[\] is empty/);
  });

  test('a node subnet listed twice', () => {
    const id = '/subscriptions/x/subnets/snet-system';
    expect(build({ nodeSubnets: [{ id }, { id }] })).toThrow(/HubEgressRoute(?: '[^']+')?: prop 'nodeSubnets\[1\]\.id'.*listed twice/);
  });

  test('a reserved subnet', () => {
    expect(build({ nodeSubnets: [{ id: '/subscriptions/x/subnets/AzureFirewallSubnet', name: 'AzureFirewallSubnet' }] })).toThrow(/HubEgressRoute(?: '[^']+')?: prop 'nodeSubnets\[0\]\.name' = 'AzureFirewallSubnet'.*reserves/);
  });

  test('an invalid route table name', () => {
    expect(build({ name: '-rt' })).toThrow(/HubEgressRoute(?: '[^']+')?: prop 'name' = '-rt' is not a valid route table name/);
  });

  test('a private address as the firewall public IP', () => {
    expect(build({ firewallPublicIps: ['10.0.0.5'] })).toThrow(/HubEgressRoute(?: '[^']+')?: prop 'firewallPublicIps\[0\]' = '10\.0\.0\.5' is not a public IPv4 address/);
  });
});

describe('NatGatewayEgress and NetworkIsolatedEgress: the other outbound types', () => {
  const REASON = 'no hub in this landing zone until the connectivity team delivers it';
  const REGISTRY = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spoke/providers/Microsoft.ContainerRegistry/registries/acrplat';

  test('user-assigned NAT gateway: zonal gateway and Standard IPs, IP associations, one subnet association per node subnet, a waiver', () => {
    let nat!: NatGatewayEgress;
    const doc = synthDoc((stack) => {
      const s = spoke(stack);
      nat = new NatGatewayEgress(stack, 'nat', { reason: REASON, resourceGroupName: 'rg-spoke', location: 'westeurope', name: 'ng-plat', zone: '2', publicIpCount: 2, idleTimeoutMinutes: 10, nodeSubnetIds: [s.nodes.id] });
    });
    expect(nat.outboundType).toBe('userAssignedNATGateway');
    expect(doc.resources('azurerm_nat_gateway').map((g) => g.values)).toEqual([expect.objectContaining({ name: 'ng-plat', sku_name: 'Standard', idle_timeout_in_minutes: 10, zones: ['2'] })]);
    expect(doc.resources('azurerm_public_ip').map((ip) => [ip.values.name, ip.values.sku, ip.values.allocation_method, ip.values.zones])).toEqual([
      ['ng-plat-pip1', 'Standard', 'Static', ['2']],
      ['ng-plat-pip2', 'Standard', 'Static', ['2']],
    ]);
    expect(doc.resources('azurerm_nat_gateway_public_ip_association')).toHaveLength(2);
    expect(doc.resources('azurerm_subnet_nat_gateway_association').map((a) => Object.keys(a.values).filter((k) => k !== '//').sort())).toEqual([['nat_gateway_id', 'subnet_id']]);
    expect(nat.dependables).toHaveLength(1);
    expect(nat.unfiltered).toEqual({ reason: REASON });
  });

  test('managed NAT gateway: nothing created, a nat_gateway_profile for the cluster', () => {
    const doc = synthDoc((stack) => void new NatGatewayEgress(stack, 'nat', { reason: REASON, mode: 'managed', publicIpCount: 3 }));
    expect(doc.resources('azurerm_nat_gateway')).toEqual([]);
  });

  test('network isolated: the aks-managed-rule cache rule from MCR on the registry', () => {
    const doc = synthDoc((stack) => void new NetworkIsolatedEgress(stack, 'isolated', { containerRegistryId: REGISTRY }));
    expect(doc.resources('azurerm_container_registry_cache_rule').map((r) => r.values)).toEqual([
      expect.objectContaining({ name: 'aks-managed-rule', container_registry_id: REGISTRY, source_repo: 'mcr.microsoft.com/*', target_repo: 'aks-managed-repository/*' }),
    ]);
    expect(synthDoc((stack) => void new NetworkIsolatedEgress(stack, 'isolated', { containerRegistryId: REGISTRY, createCacheRule: false })).resources('azurerm_container_registry_cache_rule')).toEqual([]);
  });

  test('bad input', () => {
    const nat = (p: Partial<NatGatewayEgressProps>) => () => new NatGatewayEgress(new TerraformStack(Testing.app(), 'bad'), 'nat', { reason: REASON, resourceGroupName: 'rg', location: 'westeurope', name: 'ng', nodeSubnetIds: ['/subscriptions/x/subnets/y'], ...p } as NatGatewayEgressProps);
    expect(nat({ reason: 'cheap' })).toThrow(/NatGatewayEgress 'nat': prop 'reason' = 'cheap' is not a reason a reviewer can judge/);
    expect(nat({ publicIpCount: 17 })).toThrow(/prop 'publicIpCount' = 17 is outside 1-16 IPs/);
    expect(nat({ idleTimeoutMinutes: 3 })).toThrow(/prop 'idleTimeoutMinutes' = 3 is outside 4-120 minutes/);
    expect(nat({ zone: '4' })).toThrow(/prop 'zone' = '4' is not one of "1", "2", "3"/);
    expect(nat({ nodeSubnetIds: [] })).toThrow(/prop 'nodeSubnetIds' = \[\] is empty: AKS refuses userAssignedNATGateway/);
    expect(nat({ mode: 'managed' })).toThrow(/prop 'resourceGroupName' = 'rg' is set with mode managed/);
    expect(nat({ name: undefined })).toThrow(/prop 'name' = undefined is required with mode userAssigned/);
    expect(() => new NetworkIsolatedEgress(new TerraformStack(Testing.app(), 'bad'), 'iso', { containerRegistryId: 'acrplat' })).toThrow(/NetworkIsolatedEgress 'iso': prop 'containerRegistryId' = 'acrplat' is not a container registry resource id/);
  });
});
