/**
 * The minimal example: a spoke that egresses through an existing hub firewall and uses the hub's
 * private DNS zones. Synthesized once, with the checklist enforced.
 */
import { buildMinimal, INPUTS, MinimalSpoke } from '../../examples/minimal/stack';
import type { TerraformDocument } from '../../lib/core/terraform-document';
import { credentialLiterals, failingEnforced, getPath, only, synthExample, SynthesizedStack } from './support';
import { clustersBeforeTheirRoute, terraformStructureProblems } from '../support/terraform-checks';

describe('examples/minimal', () => {
  let synthesized: SynthesizedStack;
  let doc: TerraformDocument;
  let spoke: MinimalSpoke;
  beforeAll(() => {
    synthesized = synthExample((app) => {
      spoke = buildMinimal(app).spoke;
    }).minimal;
    doc = synthesized.doc;
  });

  test('is well-formed Terraform: bare depends_on addresses, no reference to a missing block', () => {
    expect(terraformStructureProblems(doc)).toEqual([]);
  });

  test('the cluster waits for its 0.0.0.0/0 route: its dependencies (depends_on and references) reach azurerm_route', () => {
    expect(doc.resources('azurerm_kubernetes_cluster')).toHaveLength(1);
    expect(clustersBeforeTheirRoute(doc)).toEqual([]);
  });

  test('synthesizes one stack with every enforced checklist item compliant or waived', () => {
    expect(failingEnforced(synthesized.report)).toEqual([]);
    expect(synthesized.report.totals.compliant).toBeGreaterThan(0);
  });

  test('creates no firewall and no hub: the default route goes to the given hub firewall IP', () => {
    expect(doc.resources('azurerm_firewall')).toEqual([]);
    expect(doc.resources('azurerm_firewall_policy')).toEqual([]);
    expect(only(doc, 'azurerm_route')).toMatchObject({
      address_prefix: '0.0.0.0/0',
      next_hop_type: 'VirtualAppliance',
      next_hop_in_ip_address: INPUTS.hub.firewallPrivateIp,
    });
    expect(only(doc, 'azurerm_route_table')).toMatchObject({ bgp_route_propagation_enabled: false });
  });

  test('every node subnet (system and user) has the route table, and the cluster waits for them', () => {
    const nodeSubnets = doc.resources('azurerm_subnet').filter((s) => /^snet-(system|user)$/.test(String(s.values.name)));
    expect(nodeSubnets).toHaveLength(2);
    const associated = doc.resources('azurerm_subnet_route_table_association').map((a) => String(a.values.subnet_id));
    nodeSubnets.forEach((s) => expect(associated).toContain(`\${${s.address}.id}`));
    const cluster = only(doc, 'azurerm_kubernetes_cluster');
    expect(getPath(cluster, 'network_profile.outbound_type')).toBe('userDefinedRouting');
    const deps = (getPath(cluster, 'depends_on') as string[]).join(' ');
    expect(deps.match(/azurerm_subnet_route_table_association\./g)).toHaveLength(2);
    expect(deps).toMatch(/azurerm_route\./);
  });

  test("uses the hub's private DNS zones and creates none", () => {
    const zones = INPUTS.hub.privateDnsZoneIds;
    expect(doc.resources('azurerm_private_dns_zone')).toEqual([]);
    expect(doc.resources('azurerm_private_dns_zone_virtual_network_link')).toEqual([]);
    expect(getPath(only(doc, 'azurerm_kubernetes_cluster'), 'private_dns_zone_id')).toBe(zones.aks);
    const zoneGroups = doc.resources('azurerm_private_endpoint').map((pe) => getPath(pe.values, 'private_dns_zone_group.private_dns_zone_ids'));
    expect(zoneGroups).toEqual(expect.arrayContaining([[zones.registry], [zones.keyVault]]));
    const dnsContributor = doc.resources('azurerm_role_assignment').find((r) => r.values.role_definition_name === 'Private DNS Zone Contributor');
    expect(dnsContributor?.values.scope).toBe(zones.aks);
  });

  test('peers the spoke to the hub (the hub side is the hub team’s) and resolves through the hub DNS', () => {
    expect(only(doc, 'azurerm_virtual_network_peering')).toMatchObject({ remote_virtual_network_id: INPUTS.hub.vnetId, allow_forwarded_traffic: true, use_remote_gateways: false });
    expect(only(doc, 'azurerm_virtual_network').dns_servers).toEqual(INPUTS.hub.dnsServers);
  });

  test('one zonal user pool per zone, KMS and customer-managed disk keys', () => {
    const pools = doc.resources('azurerm_kubernetes_cluster_node_pool').map((p) => [p.values.name, p.values.zones]);
    expect(pools).toEqual([['appsz1', ['1']], ['appsz2', ['2']], ['appsz3', ['3']]]);
    const cluster = only(doc, 'azurerm_kubernetes_cluster');
    expect(getPath(cluster, 'key_management_service.key_vault_key_id')).toMatch(/^\$\{azurerm_key_vault_key\./);
    expect(getPath(cluster, 'disk_encryption_set_id')).toMatch(/^\$\{azurerm_disk_encryption_set\./);
  });

  test('reads no pre-existing infrastructure and synthesizes no credential', () => {
    expect(doc.dataSources()).toEqual([]);
    expect(credentialLiterals(doc.json as never)).toEqual([]);
  });

  test('renders the tenant baseline for Flux, which follows the team repository', () => {
    const objects = doc.manifests.map((o) => `${o.kind} ${o.metadata.namespace ?? ''}`);
    expect(objects).toEqual(expect.arrayContaining(['Namespace ', 'ResourceQuota payments', 'LimitRange payments', 'NetworkPolicy payments']));
    const flux = only(doc, 'azurerm_kubernetes_flux_configuration');
    expect(getPath(flux, 'git_repository.url')).toBe(INPUTS.gitOpsUrl);
    expect(JSON.stringify(getPath(flux, 'kustomizations'))).toContain(`manifests/${spoke.baseline.clusterName}`);
  });

  test('publishes its IP plan, clear of the hub range', () => {
    expect(spoke.ipPlanMarkdown).toMatch(/\| snet-system \| 10\.20\./);
    expect(spoke.ipPlanMarkdown).toMatch(/snet-apiserver/);
  });
});
