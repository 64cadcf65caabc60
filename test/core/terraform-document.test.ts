import { blocks, getPath, TerraformDocument, unknownExpression } from '../../lib/core/terraform-document';
import type { ResolvedBlock, ResolvedConfiguration } from '../../lib/core/resolved-config';

const json = {
  resource: {
    azurerm_kubernetes_cluster: {
      aks: { name: 'aks', default_node_pool: { name: 'system' }, network_profile: [{ network_plugin: 'azure' }] },
    },
    azurerm_role_assignment: {
      pull: { scope: '${azurerm_container_registry.acr.id}', principal_id: '${azurerm_kubernetes_cluster.aks.kubelet_identity[0].object_id}' },
    },
    azurerm_container_registry: { acr: { name: 'acr' } },
  },
  data: { azurerm_client_config: { current: {} } },
};

describe('TerraformDocument', () => {
  const doc = new TerraformDocument(json as never);

  test('indexes resources and data sources by address', () => {
    expect(doc.resources().map((r) => r.address).sort()).toEqual([
      'azurerm_container_registry.acr',
      'azurerm_kubernetes_cluster.aks',
      'azurerm_role_assignment.pull',
    ]);
    expect(doc.dataSources().map((d) => d.address)).toEqual(['data.azurerm_client_config.current']);
  });

  test('reads object blocks and HCL-style list blocks alike', () => {
    const aks = doc.block('azurerm_kubernetes_cluster.aks')!;
    expect(getPath(aks.values, 'default_node_pool.name')).toBe('system');
    expect(getPath(aks.values, 'network_profile.network_plugin')).toBe('azure');
    expect(getPath(aks.values, 'network_profile.0.network_plugin')).toBe('azure');
    expect(blocks(getPath(aks.values, 'network_profile'))).toHaveLength(1);
  });

  test('follows references', () => {
    const acr = doc.block('azurerm_container_registry.acr')!;
    const aks = doc.block('azurerm_kubernetes_cluster.aks')!;
    expect(doc.referencing('azurerm_role_assignment', 'scope', acr).map((r) => r.name)).toEqual(['pull']);
    expect(doc.referencing('azurerm_role_assignment', 'principal_id', aks).map((r) => r.name)).toEqual(['pull']);
    expect(doc.referencing('azurerm_role_assignment', 'scope', aks)).toEqual([]);
  });
});

describe('TerraformDocument over a ResolvedConfiguration', () => {
  const block = (address: string, type: string, values: object): ResolvedBlock => {
    const last = address.replace(/\[[^\]]*\]$/, '').split('.');
    return { mode: 'resource', type, name: last[last.length - 1], address, values: values as never };
  };
  const cfg: ResolvedConfiguration = {
    name: 'modules',
    blocks: [
      block('module.net.azurerm_subnet.this["nodes"]', 'azurerm_subnet', { name: 'nodes' }),
      block('module.net.azurerm_subnet.this["api"]', 'azurerm_subnet', { name: 'api' }),
      block('module.aks[0].azurerm_kubernetes_cluster.main', 'azurerm_kubernetes_cluster', {
        default_node_pool: { vnet_subnet_id: '${module.net.azurerm_subnet.this["nodes"].id}' },
        api_server_access_profile: { subnet_id: '${module.net.azurerm_subnet.this[each.key].id}' },
      }),
      // An AzAPI cluster a reader mapped: its type is the azurerm type, its address stays the AzAPI one.
      block('azapi_resource.aks', 'azurerm_kubernetes_cluster', { name: 'mapped' }),
      block('azapi_resource.raw', 'azapi_resource', { type: 'Microsoft.ContainerService/managedClusters@2024-02-01' }),
    ],
    coverage: { kind: 'hcl', files: ['main.tf'], modules: [{ address: 'module.aks', source: './aks', followed: true }], notes: [] },
  };
  const doc = TerraformDocument.fromConfiguration(cfg);

  test('indexes module-qualified and indexed addresses, by the block type (not the address)', () => {
    expect(doc.resources('azurerm_kubernetes_cluster').map((b) => b.address)).toEqual(['module.aks[0].azurerm_kubernetes_cluster.main', 'azapi_resource.aks']);
    expect(doc.block('module.aks[0].azurerm_kubernetes_cluster.main')?.module).toBe('module.aks[0]');
    expect(doc.block('azapi_resource.aks')?.module).toBe('');
  });

  test('follows references to an instance, and to every instance without a key', () => {
    const aks = doc.block('module.aks[0].azurerm_kubernetes_cluster.main')!;
    expect(doc.referencedBlocks(getPath(aks.values, 'default_node_pool.vnet_subnet_id')).map((b) => b.address)).toEqual(['module.net.azurerm_subnet.this["nodes"]']);
    expect(doc.referencedBlocks(getPath(aks.values, 'api_server_access_profile.subnet_id')).map((b) => b.values.name)).toEqual(['nodes', 'api']);
  });

  test('states AzAPI AKS clusters that are still azapi_resource as not judged', () => {
    expect(doc.coverage.unjudged).toEqual([expect.objectContaining({ address: 'azapi_resource.raw', reason: expect.stringContaining('not judged') })]);
    expect(doc.coverage.modules).toEqual(cfg.coverage.modules);
  });
});

describe('unknownExpression', () => {
  test.each([
    ['${var.x}', '${var.x}'],
    ['${local.y}', '${local.y}'],
    ['${each.value.z}', '${each.value.z}'],
    ['${var.on ? "azure" : "kubenet"}', '${var.on ? "azure" : "kubenet"}'],
    ['${unknown}', '${unknown}'],
    ['${module.net.subnet_id}', '${module.net.subnet_id}'],
    [['a', '${var.b}'], '${var.b}'],
  ])('%j is unknown', (value, expression) => expect(unknownExpression(value as never)).toBe(expression));

  test.each([['literal'], [true], [['1', '2']], ['${azurerm_subnet.nodes.id}'], ['${module.net.azurerm_subnet.this["a"].id}'], ['${data.azurerm_client_config.current.tenant_id}']])(
    '%j is known (a literal or a reference)',
    (value) => expect(unknownExpression(value as never)).toBeUndefined(),
  );
});

describe('azurerm 3.x and 2.x names', () => {
  const cluster = (values: object): TerraformDocument => new TerraformDocument({ resource: { azurerm_kubernetes_cluster: { aks: values as never } } });

  test('3.x names read as 4.x, with the generation recorded', () => {
    const doc = cluster({
      automatic_channel_upgrade: 'stable',
      node_os_channel_upgrade: 'NodeImage',
      api_server_authorized_ip_ranges: ['203.0.113.0/24'],
      default_node_pool: [{ enable_auto_scaling: true, enable_host_encryption: true, zones: [1, 2, 3] }],
    });
    const v = doc.block('azurerm_kubernetes_cluster.aks')!.values;
    expect(getPath(v, 'automatic_upgrade_channel')).toBe('stable');
    expect(getPath(v, 'node_os_upgrade_channel')).toBe('NodeImage');
    expect(getPath(v, 'api_server_access_profile.authorized_ip_ranges')).toEqual(['203.0.113.0/24']);
    expect(getPath(v, 'default_node_pool.auto_scaling_enabled')).toBe(true);
    expect(getPath(v, 'default_node_pool.host_encryption_enabled')).toBe(true);
    expect(getPath(v, 'default_node_pool.zones')).toEqual(['1', '2', '3']);
    expect(doc.providerGenerations).toEqual(['3.x']);
  });

  test('2.x blocks read as 4.x arguments', () => {
    const doc = cluster({
      role_based_access_control: [{ enabled: true, azure_active_directory: [{ managed: true, azure_rbac_enabled: true }] }],
      addon_profile: [{ azure_policy: [{ enabled: true }], oms_agent: [{ enabled: true, log_analytics_workspace_id: 'ws' }], kube_dashboard: [{ enabled: false }] }],
      default_node_pool: [{ availability_zones: ['1', '2'] }],
    });
    const v = doc.block('azurerm_kubernetes_cluster.aks')!.values;
    expect(getPath(v, 'role_based_access_control_enabled')).toBe(true);
    expect(getPath(v, 'azure_active_directory_role_based_access_control.azure_rbac_enabled')).toBe(true);
    expect(getPath(v, 'azure_policy_enabled')).toBe(true);
    expect(getPath(v, 'oms_agent.log_analytics_workspace_id')).toBe('ws');
    expect(getPath(v, 'default_node_pool.zones')).toEqual(['1', '2']);
    expect(doc.providerGenerations).toEqual(['2.x']);
  });

  test('4.x configurations are left as they are', () => {
    const values = { automatic_upgrade_channel: 'patch', default_node_pool: { zones: ['1'] } };
    const doc = cluster(values);
    expect(doc.block('azurerm_kubernetes_cluster.aks')!.values).toBe(values);
    expect(doc.providerGenerations).toEqual([]);
  });
});
