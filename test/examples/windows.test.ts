/**
 * The windows example: a Windows Server 2022 pool with gMSA on a Calico cluster, and no password
 * anywhere in the synthesized configuration.
 */
import { buildWindows, DOMAIN_CONTROLLER_PORTS, INPUTS, WINDOWS_PASSWORD_VARIABLE } from '../../examples/windows/stack';
import type { TerraformDocument } from '../../lib/core/terraform-document';
import { credentialLiterals, failingEnforced, getPath, only, synthExample, SynthesizedStack } from './support';
import { clustersBeforeTheirRoute, terraformStructureProblems } from '../support/terraform-checks';

describe('examples/windows', () => {
  let synthesized: SynthesizedStack;
  let doc: TerraformDocument;
  beforeAll(() => {
    synthesized = synthExample((app) => void buildWindows(app)).windows;
    doc = synthesized.doc;
  });

  test('is well-formed Terraform: bare depends_on addresses, no reference to a missing block', () => {
    expect(terraformStructureProblems(doc)).toEqual([]);
  });

  test('the cluster waits for its 0.0.0.0/0 route: its dependencies (depends_on and references) reach azurerm_route', () => {
    expect(doc.resources('azurerm_kubernetes_cluster')).toHaveLength(1);
    expect(clustersBeforeTheirRoute(doc)).toEqual([]);
  });

  test('synthesizes with every enforced checklist item compliant or waived', () => {
    expect(failingEnforced(synthesized.report)).toEqual([]);
    expect(synthesized.report.items.find((i) => i.id === 'windows/container-traffic')?.status).toBe('compliant');
  });

  test('no password literal: admin_password is a reference to a sensitive variable without default', () => {
    const cluster = only(doc, 'azurerm_kubernetes_cluster');
    expect(getPath(cluster, 'windows_profile.admin_password')).toBe(`\${var.${WINDOWS_PASSWORD_VARIABLE}}`);
    expect(getPath(cluster, 'windows_profile.admin_username')).toBe(INPUTS.windowsAdminUsername);
    const variable = getPath(doc.json.variable, WINDOWS_PASSWORD_VARIABLE);
    expect(variable).toMatchObject({ type: 'string', sensitive: true });
    expect(variable).not.toHaveProperty('default');
    expect(credentialLiterals(doc.json as never)).toEqual([]);
  });

  test('the credential scan finds a literal password', () => {
    expect(credentialLiterals({ windows_profile: { admin_password: 'P@ssw0rd!' } })).toEqual(['windows_profile.admin_password']);
  });

  test('gMSA with empty dnsServer and rootDomain: the VNet DNS resolves the domain through the linked forwarding ruleset', () => {
    expect(getPath(only(doc, 'azurerm_kubernetes_cluster'), 'windows_profile.gmsa')).toEqual({ dns_server: '', root_domain: '' });
    const link = only(doc, 'azurerm_private_dns_resolver_virtual_network_link');
    expect(link.dns_forwarding_ruleset_id).toBe(INPUTS.activeDirectory.dnsForwardingRulesetId);
    const spoke = doc.resources('azurerm_virtual_network').find((v) => String(v.values.name).includes('spoke'))!;
    expect(link.virtual_network_id).toBe(`\${${spoke.address}.id}`);
  });

  test('Calico on the azure data plane (cilium has no Windows support), NodeImage node OS channel', () => {
    const cluster = only(doc, 'azurerm_kubernetes_cluster');
    expect(getPath(cluster, 'network_profile')).toMatchObject({ network_policy: 'calico', network_data_plane: 'azure', network_plugin: 'azure', network_plugin_mode: 'overlay' });
    expect(cluster.node_os_upgrade_channel).toBe('NodeImage');
  });

  test('zonal Windows Server 2022 user pools with names of at most 6 characters', () => {
    const windows = doc.resources('azurerm_kubernetes_cluster_node_pool').filter((p) => p.values.os_type === 'Windows').map((p) => p.values);
    expect(windows.map((p) => [p.name, p.os_sku, p.mode, p.zones])).toEqual([
      ['winz1', 'Windows2022', 'User', ['1']],
      ['winz2', 'Windows2022', 'User', ['2']],
      ['winz3', 'Windows2022', 'User', ['3']],
    ]);
    windows.forEach((p) => expect(String(p.name).length).toBeLessThanOrEqual(6));
  });

  test('the egress firewall allows the Windows endpoints and the domain controllers, nothing wider', () => {
    const groups = doc.resources('azurerm_firewall_policy_rule_collection_group').map((g) => g.values);
    const text = JSON.stringify(groups);
    expect(text).toContain('ctldl.windowsupdate.com');
    const custom = groups.flatMap((g) => (g.network_rule_collection as { name: string; rule: Record<string, unknown>[] }[] | undefined) ?? []).find((c) => c.name === 'active-directory');
    expect(custom?.rule[0]).toMatchObject({ destination_addresses: INPUTS.activeDirectory.domainControllers, destination_ports: DOMAIN_CONTROLLER_PORTS, protocols: ['TCP', 'UDP'] });
    expect(custom?.rule[0].source_ip_groups).toEqual([expect.stringMatching(/azurerm_ip_group\./)]);
  });

  test('reads no pre-existing infrastructure', () => {
    expect(doc.dataSources()).toEqual([]);
  });
});
