/**
 * The multi-region example: one platform stack per paired region, each registry replicating to the
 * other region, and a global stack whose Traffic Manager fails over between the regional entry points.
 */
import { overlaps, parseCidr } from '../../lib/core/cidr';
import { buildMultiRegion, INPUTS, MultiRegionStacks } from '../../examples/multi-region/stack';
import { failingEnforced, getPath, only, synthExample, SynthesizedStack } from './support';
import { clustersBeforeTheirRoute, terraformStructureProblems } from '../support/terraform-checks';

const STACKS = ['multi-region-westeurope', 'multi-region-northeurope', 'multi-region-global'];

describe('examples/multi-region', () => {
  let stacks: Record<string, SynthesizedStack>;
  let built: MultiRegionStacks;
  beforeAll(() => {
    stacks = synthExample((app) => {
      built = buildMultiRegion(app);
    });
  });

  test('is well-formed Terraform in every stack: bare depends_on addresses, no reference to a missing block', () => {
    for (const id of STACKS) {
      expect({ id, problems: terraformStructureProblems(stacks[id].doc) }).toEqual({ id, problems: [] });
    }
  });

  test('each regional cluster waits for its 0.0.0.0/0 route: its dependencies (depends_on and references) reach azurerm_route', () => {
    for (const id of STACKS.slice(0, 2)) {
      expect({ id, clusters: stacks[id].doc.resources('azurerm_kubernetes_cluster').length }).toEqual({ id, clusters: 1 });
      expect({ id, early: clustersBeforeTheirRoute(stacks[id].doc) }).toEqual({ id, early: [] });
    }
  });

  test('synthesizes two regional stacks and a global one, each with every enforced item compliant or waived', () => {
    expect(Object.keys(stacks)).toEqual(STACKS);
    for (const id of STACKS) {
      expect({ id, failing: failingEnforced(stacks[id].report) }).toEqual({ id, failing: [] });
    }
  });

  test('each region deploys its own cluster in its own region, with distinct address spaces', () => {
    const [weu, neu] = INPUTS.regions;
    expect(only(stacks['multi-region-westeurope'].doc, 'azurerm_kubernetes_cluster').location).toBe(weu.location);
    expect(only(stacks['multi-region-northeurope'].doc, 'azurerm_kubernetes_cluster').location).toBe(neu.location);
    const ranges = [weu.addressSpace.hub, weu.addressSpace.spoke, neu.addressSpace.hub, neu.addressSpace.spoke].map((c) => parseCidr(c)!);
    ranges.forEach((a, i) => ranges.slice(i + 1).forEach((b) => expect(overlaps(a, b)).toBe(false)));
    const vnets = STACKS.slice(0, 2).flatMap((id) => stacks[id].doc.resources('azurerm_virtual_network').map((v) => v.values.address_space));
    expect(vnets).toEqual(expect.arrayContaining([[weu.addressSpace.spoke], [neu.addressSpace.spoke], [weu.addressSpace.hub], [neu.addressSpace.hub]]));
  });

  test("each region's registry keeps a replica in the other region", () => {
    const replicas = (id: string): unknown => getPath(only(stacks[id].doc, 'azurerm_container_registry'), 'georeplications');
    expect(replicas('multi-region-westeurope')).toEqual([expect.objectContaining({ location: 'northeurope' })]);
    expect(replicas('multi-region-northeurope')).toEqual([expect.objectContaining({ location: 'westeurope' })]);
    const names = STACKS.slice(0, 2).map((id) => only(stacks[id].doc, 'azurerm_container_registry').name);
    expect(new Set(names).size).toBe(2);
  });

  test('the global stack: Priority routing with an HTTPS probe on the health path', () => {
    const profile = only(stacks['multi-region-global'].doc, 'azurerm_traffic_manager_profile');
    expect(profile).toMatchObject({
      traffic_routing_method: 'Priority',
      dns_config: { relative_name: INPUTS.trafficManager.dnsRelativeName, ttl: 30 },
      monitor_config: { protocol: 'HTTPS', port: 443, path: INPUTS.trafficManager.healthPath, expected_status_code_ranges: ['200-299'] },
    });
  });

  test('one external endpoint per region, targeting its public entry hostname, in priority order', () => {
    const endpoints = stacks['multi-region-global'].doc.resources('azurerm_traffic_manager_external_endpoint').map((e) => e.values);
    expect(endpoints.map((e) => [e.target, e.endpoint_location, e.priority])).toEqual(INPUTS.regions.map((r) => [r.publicEntryHostname, r.location, r.priority]));
    expect(built.trafficManager.endpoints).toHaveLength(2);
    expect(stacks['multi-region-global'].report.items.find((i) => i.id === 'disaster-recovery/multi-region')?.status).toBe('compliant');
  });

  test('no cross-stack data source: every stack deploys on its own', () => {
    for (const id of STACKS) {
      expect(stacks[id].doc.dataSources().filter((d) => d.type !== 'terraform_remote_state')).toEqual([]);
    }
  });

  test('each regional stack publishes its IP plan', () => {
    built.regional.forEach((r, i) => expect(r.platform.ipPlanMarkdown).toContain(INPUTS.regions[i].addressSpace.spoke.split('.').slice(0, 2).join('.')));
  });

  const FLEET_AUDIT = '/providers/Microsoft.Authorization/policyDefinitions/c7f49635-e3f0-4986-b072-90d0c7c3d4cd';

  test('Fleet Manager: a hubless fleet in the global stack with both regional clusters as members, one group per region', () => {
    const global = stacks['multi-region-global'].doc;
    const fleet = only(global, 'azurerm_kubernetes_fleet_manager');
    expect(fleet).toMatchObject({ location: INPUTS.regions[0].location, tags: expect.objectContaining({ environment: 'prod' }) });
    expect(fleet.hub_profile).toBeUndefined();
    const members = global.resources('azurerm_kubernetes_fleet_member').map((m) => m.values);
    const clusterIds = built.regional.map(({ platform }) => `/subscriptions/${INPUTS.platform.subscriptionId}/resourceGroups/${platform.naming.resourceGroup('aks')}/providers/Microsoft.ContainerService/managedClusters/${platform.naming.cluster()}`);
    expect(members.map((m) => [m.name, m.group, m.kubernetes_cluster_id])).toEqual(INPUTS.regions.map((r, i) => [r.location, r.location, clusterIds[i]]));
    members.forEach((m) => expect(m.kubernetes_fleet_id).toMatch(/^\$\{azurerm_kubernetes_fleet_manager\..+\.id\}$/));
    // the ids name the clusters the regional stacks create
    STACKS.slice(0, 2).forEach((id, i) => expect(clusterIds[i]).toContain(`/managedClusters/${only(stacks[id].doc, 'azurerm_kubernetes_cluster').name}`));
  });

  test('Fleet Manager: the update strategy upgrades the secondary region first, soaks an hour, then the primary', () => {
    const strategy = only(stacks['multi-region-global'].doc, 'azurerm_kubernetes_fleet_update_strategy');
    expect(strategy.stage).toEqual([
      { name: 'stage-1-northeurope', group: [{ name: 'northeurope' }], after_stage_wait_in_seconds: 3600 },
      { name: 'stage-2-westeurope', group: [{ name: 'westeurope' }] },
    ]);
    expect(stacks['multi-region-global'].report.items.find((i) => i.id === 'operations/kubernetes-version-current')?.status).toBe('compliant');
  });

  test('Fleet Manager: each region audits fleet membership above its cluster', () => {
    for (const id of STACKS.slice(0, 2)) {
      expect(stacks[id].doc.resources('azurerm_resource_group_policy_assignment').map((a) => a.values.policy_definition_id)).toContain(FLEET_AUDIT);
    }
  });

  test('Fleet Manager off (no fleet input): no fleet resource and no fleet audit', () => {
    const plain = synthExample((app) => void buildMultiRegion(app, 'multi-region', { ...INPUTS, fleet: undefined }));
    expect(plain['multi-region-global'].doc.resources('azurerm_kubernetes_fleet_manager')).toEqual([]);
    expect(plain['multi-region-westeurope'].doc.resources('azurerm_resource_group_policy_assignment').map((a) => a.values.policy_definition_id)).not.toContain(FLEET_AUDIT);
  });
});
