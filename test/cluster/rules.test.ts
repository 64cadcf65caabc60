/**
 * The cluster rules on Terraform JSON that SecureAksCluster does not write: HCL-style list blocks,
 * key references, legacy attributes.
 */
import * as rules from '../../lib/cluster/rules';
import { TerraformDocument } from '../../lib/core/terraform-document';

/** A document with one cluster written HCL-JSON style (nested blocks as one-element lists), plus extra resources. */
function hcl(cluster: Record<string, unknown>, extra: Record<string, Record<string, unknown>> = {}): TerraformDocument {
  return new TerraformDocument({ resource: { azurerm_kubernetes_cluster: { main: cluster }, ...extra } } as never);
}

const KEY = { azurerm_key_vault_key: { etcd: { name: 'etcd', key_vault_id: 'kv', key_type: 'RSA' } } };

describe('cluster rules on any Terraform JSON', () => {
  test('list-form blocks read like object blocks', () => {
    const d = hcl({
      private_cluster_enabled: true,
      api_server_access_profile: [{ virtual_network_integration_enabled: true, subnet_id: 'sn' }],
      oms_agent: [{ log_analytics_workspace_id: 'ws', msi_auth_for_monitoring_enabled: true }],
      monitor_metrics: [{}],
    });
    expect(rules.privateCluster(d).status).toBe('compliant');
    expect(rules.logAggregation(d).status).toBe('compliant');
    expect(rules.metricsCollection(d).status).toBe('compliant');
  });

  test('a KMS key referenced by id is versioned; by versionless_id it is not', () => {
    const kms = (ref: string) => hcl({ key_management_service: [{ key_vault_key_id: ref, key_vault_network_access: 'Private' }] }, KEY);
    expect(rules.etcdEncryptionOwnKey(kms('${azurerm_key_vault_key.etcd.id}')).status).toBe('compliant');
    const versionless = rules.etcdEncryptionOwnKey(kms('${azurerm_key_vault_key.etcd.versionless_id}'));
    expect(versionless.status).toBe('non-compliant');
    expect(versionless.message).toMatch(/not a versioned key id/);
  });

  test('defaults of the provider count: RBAC, CSI drivers and node OS channel when unset', () => {
    const d = hcl({ azure_active_directory_role_based_access_control: [{ azure_rbac_enabled: true }], local_account_disabled: true });
    expect(rules.kubernetesRbacAad(d).status).toBe('compliant');
    expect(rules.dynamicVolumeProvisioning(d).status).toBe('compliant');
    expect(rules.nodeOsPatching(d).status).toBe('compliant');
  });

  test('evidence names the resource address and the attribute', () => {
    const result = rules.controlPlaneSla(hcl({ sku_tier: 'Free' }));
    expect(result.status).toBe('non-compliant');
    expect(result.evidence[0]).toMatchObject({ address: 'azurerm_kubernetes_cluster.main', attribute: 'sku_tier', ok: false });
  });

  test('no cluster: not applicable', () => {
    const empty = new TerraformDocument({ resource: {} });
    for (const rule of [rules.privateCluster, rules.managedIdentity, rules.upgradeChannel, rules.gmsa, rules.noKubernetesDashboard]) {
      expect(rule(empty).status).toBe('not-applicable');
    }
  });
});
