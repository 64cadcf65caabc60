import { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { UpgradeFleet, UpgradeFleetProps } from '../../lib/disaster-recovery/fleet';
import { GlobalTrafficManager, GlobalTrafficManagerProps } from '../../lib/disaster-recovery/traffic-manager';
import { waiversIn } from '../../lib/report/build';
import { describeItem } from '../support/items';
import { mutate, synthDoc } from '../support/synth';
import { bareCluster, RG } from './fixtures';

const regions = [
  { name: 'westeurope', target: 'shop-weu.westeurope.cloudapp.azure.com', location: 'westeurope' },
  { name: 'northeurope', target: 'shop-neu.northeurope.cloudapp.azure.com', location: 'northeurope' },
];

const props = (extra: Partial<GlobalTrafficManagerProps> = {}): GlobalTrafficManagerProps => ({ name: 'tm-shop', resourceGroupName: RG, endpoints: regions, ...extra });

const global = (extra: Partial<GlobalTrafficManagerProps> = {}) =>
  synthDoc((stack) => {
    new GlobalTrafficManager(stack, 'traffic', props(extra));
  });

const build = (extra: Partial<GlobalTrafficManagerProps>) => () => global(extra);
const EXTERNAL = 'azurerm_traffic_manager_external_endpoint';

describe('GlobalTrafficManager', () => {
  const doc = global();

  test('priority routing with an HTTPS health probe and a short TTL', () => {
    expect(doc.resources('azurerm_traffic_manager_profile')[0].values).toMatchObject({
      name: 'tm-shop',
      traffic_routing_method: 'Priority',
      profile_status: 'Enabled',
      dns_config: { relative_name: 'tm-shop', ttl: 30 },
      monitor_config: { protocol: 'HTTPS', port: 443, path: '/', interval_in_seconds: 30, timeout_in_seconds: 10, tolerated_number_of_failures: 3, expected_status_code_ranges: ['200-299'] },
    });
  });

  test('one external endpoint per region with unique priorities in order', () => {
    const endpoints = doc.resources(EXTERNAL).map((e) => e.values);
    expect(endpoints.map((e) => [e.name, e.priority, e.endpoint_location, e.enabled])).toEqual([
      ['westeurope', 1, 'westeurope', true],
      ['northeurope', 2, 'northeurope', true],
    ]);
    expect(endpoints.every((e) => e.weight === undefined)).toBe(true);
  });

  test('explicit priorities are kept and auto-assigned ones skip them', () => {
    const d = global({ endpoints: [{ ...regions[0], priority: 1 }, { ...regions[1] }, { name: 'third', target: '20.1.2.3', location: 'swedencentral', priority: 2 }] });
    expect(d.resources(EXTERNAL).map((e) => [e.values.name, e.values.priority])).toEqual([
      ['westeurope', 1],
      ['northeurope', 3],
      ['third', 2],
    ]);
  });

  test('Azure endpoints, Performance and Weighted routing', () => {
    const azure = global({ routingMethod: 'Weighted', endpoints: [{ name: 'weu', targetResourceId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/publicIPAddresses/agw-pip', weight: 3 }] });
    expect(azure.resources('azurerm_traffic_manager_azure_endpoint')[0].values).toMatchObject({ target_resource_id: expect.stringContaining('publicIPAddresses'), weight: 3 });
    expect(azure.resources('azurerm_traffic_manager_azure_endpoint')[0].values.priority).toBeUndefined();
    const perf = global({ routingMethod: 'Performance', monitor: { path: '/healthz', intervalSeconds: 10 } });
    expect(perf.resources('azurerm_traffic_manager_profile')[0].values).toMatchObject({ traffic_routing_method: 'Performance', monitor_config: { path: '/healthz', interval_in_seconds: 10, timeout_in_seconds: 9 } });
  });

  test('a plain HTTP probe with a reason is a waiver of disaster-recovery/traffic-manager-routing', () => {
    const d = global({ monitor: { protocol: { protocol: 'HTTP', reason: 'legacy endpoints without TLS until Q3' } } });
    expect(d.resources('azurerm_traffic_manager_profile')[0].values).toMatchObject({ monitor_config: { protocol: 'HTTP', port: 80 } });
    expect(waiversIn(d)).toEqual([{ item: 'disaster-recovery/traffic-manager-routing', path: 'test/traffic', reason: 'legacy endpoints without TLS until Q3' }]);
  });

  describe('bad input', () => {
    test('duplicate priorities', () =>
      expect(build({ endpoints: [{ ...regions[0], priority: 1 }, { ...regions[1], priority: 1 }] })).toThrow(/GlobalTrafficManager(?: '[^']+')?: prop 'endpoints\[northeurope\].priority' = 1 is already the priority/));
    test('a priority above 1000', () => expect(build({ endpoints: [{ ...regions[0], priority: 1001 }] })).toThrow(/GlobalTrafficManager '[^']+': prop 'endpoints\[westeurope\].priority' = 1001/));
    test('a priority of 0', () => expect(build({ endpoints: [{ ...regions[0], priority: 0 }] })).toThrow(/GlobalTrafficManager(?: '[^']+')?: prop 'endpoints\[westeurope\].priority' = 0/));
    test("a probe path without '/'", () => expect(build({ monitor: { path: 'healthz' } })).toThrow(/GlobalTrafficManager(?: '[^']+')?: prop 'monitor.path' = 'healthz'/));
    test('a timeout too long for the fast interval', () =>
      expect(build({ monitor: { intervalSeconds: 10, timeoutSeconds: 10 } })).toThrow(/GlobalTrafficManager(?: '[^']+')?: prop 'monitor.timeoutSeconds' = 10.*5-9/));
    test('tolerated failures above 9', () => expect(build({ monitor: { toleratedFailures: 10 } })).toThrow(/GlobalTrafficManager(?: '[^']+')?: prop 'monitor.toleratedFailures' = 10/));
    test('plain HTTP without a reason', () => {
      expect(build({ monitor: { protocol: 'HTTP' as never } })).toThrow(/GlobalTrafficManager(?: '[^']+')?: prop 'monitor\.protocol' = 'HTTP' turns encrypted probes off \(plain HTTP\) without a reason\. Fix: give monitor\.protocol: \{ protocol: 'HTTP', reason/);
      expect(build({ monitor: { protocol: { protocol: 'HTTP', reason: 'short' } } })).toThrow(/GlobalTrafficManager(?: '[^']+')?: prop 'monitor\.protocol\.reason' = 'short'/);
    });
    test('a path on a TCP probe', () => expect(build({ monitor: { protocol: 'TCP', path: '/' } })).toThrow(/GlobalTrafficManager(?: '[^']+')?: prop 'monitor.path'.*TCP/));
    test('a bad status code range', () => expect(build({ monitor: { expectedStatusCodeRanges: ['2xx'] } })).toThrow(/GlobalTrafficManager(?: '[^']+')?: prop 'monitor.expectedStatusCodeRanges' = '2xx'/));
    test('both target and targetResourceId', () =>
      expect(build({ endpoints: [{ name: 'weu', target: 'a.example.com', targetResourceId: '/pip' }] })).toThrow(/GlobalTrafficManager(?: '[^']+')?: prop 'endpoints\[weu\].target'/));
    test('an external endpoint without location under Performance routing', () =>
      expect(build({ routingMethod: 'Performance', endpoints: [{ name: 'weu', target: 'a.example.com' }] })).toThrow(/GlobalTrafficManager(?: '[^']+')?: prop 'endpoints\[weu\].location'/));
    test('duplicate endpoint names', () => expect(build({ endpoints: [regions[0], regions[0]] })).toThrow(/GlobalTrafficManager(?: '[^']+')?: prop 'endpoints\[westeurope\].name' = 'westeurope' is already/));
    test('an invalid profile name', () => expect(build({ name: 'tm shop' })).toThrow(/GlobalTrafficManager(?: '[^']+')?: prop 'name' = 'tm shop'/));
    test('no endpoint at synth', () => expect(build({ endpoints: [] })).toThrow(/GlobalTrafficManager(?: '[^']+')?: prop 'endpoints' = \[\] is empty/));
    test('an endpoint region that does not exist', () =>
      expect(build({ endpoints: [regions[0], { ...regions[1], location: 'northeurop' }] })).toThrow(/GlobalTrafficManager 'traffic': prop 'endpoints\[northeurope\].location' = 'northeurop' is not an Azure region\. Fix: did you mean 'northeurope'\?/));
    test('a target given as a URL', () => {
      expect(build({ endpoints: [regions[0], { ...regions[1], target: 'https://shop-neu.northeurope.cloudapp.azure.com/' }] })).toThrow(
        /prop 'endpoints\[northeurope\].target' = 'https:\/\/shop-neu.northeurope.cloudapp.azure.com\/' is a URL, not a host name\. Fix: give the host name alone: 'shop-neu.northeurope.cloudapp.azure.com'/,
      );
      expect(build({ endpoints: [regions[0], { ...regions[1], target: '20.1.2.3' }] })).not.toThrow();
    });
    test('a Priority profile with a single endpoint has nothing to fail over to', () => {
      expect(build({ endpoints: [regions[0]] })).toThrow(/GlobalTrafficManager 'traffic': prop 'endpoints' = \["westeurope"\] has a single endpoint: a Priority profile fails over to the next endpoint, and there is none/);
      expect(build({ endpoints: regions })).not.toThrow();
    });
    test('tags Azure rejects', () => expect(build({ tags: { 'a<b': 'x' } })).toThrow(/prop 'tags.a<b' = 'a<b' is a tag key with '<'/));
  });
});

const disable = (name: string) => (j: any) => Object.values<any>(j.resource[EXTERNAL]).filter((e) => e.name === name).forEach((e) => (e.enabled = false));
const twoClusters = (second: string) => () =>
  synthDoc((stack) => {
    bareCluster(stack, 'weu');
    bareCluster(stack, 'other', { location: second } as Partial<ConstructorParameters<typeof KubernetesCluster>[2]>);
  });

describeItem('disaster-recovery/multi-region', {
  compliant: { 'global stack with two regional endpoints': () => global(), 'two clusters in paired regions': twoClusters('northeurope') },
  nonCompliant: {
    'one endpoint disabled': () => mutate(global(), disable('northeurope')),
    'both endpoints in one region': () => global({ endpoints: [regions[0], { ...regions[1], location: 'westeurope' }] }),
    'two clusters in one region': twoClusters('westeurope'),
  },
  notApplicable: { 'a regional stack with one cluster': () => synthDoc((stack) => void bareCluster(stack)) },
});

describeItem('disaster-recovery/traffic-manager-routing', {
  compliant: { 'GlobalTrafficManager with defaults': () => global() },
  nonCompliant: {
    'HTTP probe': () => mutate(global(), (j) => Object.values<any>(j.resource.azurerm_traffic_manager_profile).forEach((p) => (p.monitor_config.protocol = 'HTTP'))),
    'no probe path': () => mutate(global(), (j) => Object.values<any>(j.resource.azurerm_traffic_manager_profile).forEach((p) => delete p.monitor_config.path)),
  },
  notApplicable: { 'no Traffic Manager profile': () => synthDoc((stack) => void bareCluster(stack)) },
});

describeItem('cluster-setup/traffic-management', {
  compliant: { 'GlobalTrafficManager with defaults': () => global() },
  nonCompliant: {
    'profile disabled': () => mutate(global(), (j) => Object.values<any>(j.resource.azurerm_traffic_manager_profile).forEach((p) => (p.profile_status = 'Disabled'))),
    'every endpoint disabled': () => mutate(mutate(global(), disable('westeurope')), disable('northeurope')),
  },
  notApplicable: { 'no Traffic Manager profile': () => synthDoc((stack) => void bareCluster(stack)) },
});

const clusterId = (name: string): string => `/subscriptions/00000000-0000-0000-0000-000000000002/resourceGroups/rg-${name}/providers/Microsoft.ContainerService/managedClusters/aks-${name}`;
const fleetProps = (extra: Partial<UpgradeFleetProps> = {}): UpgradeFleetProps => ({
  name: 'fleet-shop',
  resourceGroupName: RG,
  location: 'westeurope',
  members: [
    { name: 'weu', clusterId: clusterId('weu'), group: 'primary' },
    { name: 'neu', clusterId: clusterId('neu'), group: 'secondary' },
  ],
  upgradeOrder: ['secondary', 'primary'],
  ...extra,
});
const fleetDoc = (extra: Partial<UpgradeFleetProps> = {}) => synthDoc((stack) => void new UpgradeFleet(stack, 'fleet', fleetProps(extra)));

describe('UpgradeFleet', () => {
  const doc = fleetDoc();

  test('emits the fleet, one member per cluster and a staged strategy in snake_case', () => {
    expect(doc.resources('azurerm_kubernetes_fleet_manager')[0].values).toMatchObject({ name: 'fleet-shop', resource_group_name: RG, location: 'westeurope' });
    expect(doc.resources('azurerm_kubernetes_fleet_member').map((m) => [m.values.name, m.values.group, m.values.kubernetes_cluster_id, m.values.kubernetes_fleet_id])).toEqual([
      ['weu', 'primary', clusterId('weu'), `\${${doc.resources('azurerm_kubernetes_fleet_manager')[0].address}.id}`],
      ['neu', 'secondary', clusterId('neu'), `\${${doc.resources('azurerm_kubernetes_fleet_manager')[0].address}.id}`],
    ]);
    const strategy = doc.resources('azurerm_kubernetes_fleet_update_strategy')[0];
    expect(strategy.values).toMatchObject({
      name: 'sequential-regions',
      stage: [
        { name: 'stage-1-secondary', group: [{ name: 'secondary' }], after_stage_wait_in_seconds: 3600 },
        { name: 'stage-2-primary', group: [{ name: 'primary' }] },
      ],
    });
    expect(strategy.values.depends_on).toHaveLength(2);
  });

  test('upgradeOrder defaults to the order groups first appear; soakSeconds sets the wait', () => {
    const d = fleetDoc({ upgradeOrder: undefined, soakSeconds: 600 });
    expect(d.resources('azurerm_kubernetes_fleet_update_strategy')[0].values.stage).toEqual([
      { name: 'stage-1-primary', group: [{ name: 'primary' }], after_stage_wait_in_seconds: 600 },
      { name: 'stage-2-secondary', group: [{ name: 'secondary' }] },
    ]);
  });

  test('bad input', () => {
    const make = (extra: Partial<UpgradeFleetProps>) => () => fleetDoc(extra);
    expect(make({ name: 'Fleet_Shop' })).toThrow(/UpgradeFleet 'fleet': prop 'name' = 'Fleet_Shop' is not a valid name/);
    expect(make({ members: [fleetProps().members[0]] })).toThrow(/UpgradeFleet 'fleet': prop 'members' = 1 must list at least two clusters/);
    expect(make({ members: fleetProps().members.map((m) => ({ ...m, group: 'all' })), upgradeOrder: ['all'] })).toThrow(/prop 'members\[\]\.group' = \["all"\] puts every member in one group/);
    expect(make({ upgradeOrder: ['secondary'] })).toThrow(/prop 'upgradeOrder' = \["secondary"\] leaves out group 'primary'/);
    expect(make({ upgradeOrder: ['secondary', 'primary', 'canary'] })).toThrow(/prop 'upgradeOrder' = 'canary' is a group no member is in/);
    expect(make({ soakSeconds: 7200 })).toThrow(/prop 'soakSeconds' = 7200 is outside 0-3600 seconds/);
    expect(make({ members: [fleetProps().members[0], { ...fleetProps().members[1], clusterId: 'aks-neu' }] })).toThrow(/prop 'members\[1\]\.clusterId' = 'aks-neu' is not an AKS cluster resource id/);
    expect(make({ members: [fleetProps().members[0], { ...fleetProps().members[1], clusterId: clusterId('weu') }] })).toThrow(/prop 'members\[\]\.clusterId' .* is given twice/);
  });
});

describeItem('operations/kubernetes-version-current', {
  compliant: { 'a fleet whose strategy upgrades the secondary group, then the primary': () => fleetDoc() },
  nonCompliant: {
    'a fleet without an update strategy': () => mutate(fleetDoc(), (json) => delete json.resource.azurerm_kubernetes_fleet_update_strategy),
    'a strategy with every group in one stage': () =>
      mutate(fleetDoc(), (json) => {
        const s = Object.values(json.resource.azurerm_kubernetes_fleet_update_strategy)[0] as { stage: unknown[] };
        s.stage = [{ name: 'all', group: [{ name: 'secondary' }, { name: 'primary' }] }];
      }),
    'a strategy that leaves a group out': () =>
      mutate(fleetDoc(), (json) => {
        const s = Object.values(json.resource.azurerm_kubernetes_fleet_update_strategy)[0] as { stage: unknown[] };
        s.stage = [s.stage[0]];
      }),
  },
  notApplicable: { 'no fleet and no cluster': () => synthDoc(() => undefined) },
});
