import { blocks, getPath, TerraformDocument } from '../../lib/core/terraform-document';

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
