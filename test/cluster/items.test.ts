/**
 * Each cluster item: the default SecureAksCluster is compliant; the same stack with the setting
 * loosened (through a prop, or by editing the JSON) is non-compliant. Items that other concerns
 * also deliver prove the cluster facet's rule with describeFacet, and the item's non-compliance
 * with describeItem (their compliance needs the other concerns' resources too).
 */
import { KubernetesClusterNodePool } from '@cdktf/provider-azurerm/lib/kubernetes-cluster-node-pool';
import { DataAzurermKeyVaultSecret } from '@cdktf/provider-azurerm/lib/data-azurerm-key-vault-secret';
import { SecureAksCluster } from '../../lib/cluster';
import type { TerraformDocument } from '../../lib/core/terraform-document';
import { describeItem, ItemCases } from '../support/items';
import { describeFacet } from './facet';
import * as rules from '../../lib/cluster/rules';
import { mutate, synthDoc } from '../support/synth';
import { baseProps, clusterDoc } from './fixtures';

let cached: TerraformDocument | undefined;
/** The default cluster (synthesized once). */
const secure = (): TerraformDocument => (cached ??= clusterDoc());

/** The default cluster with its azurerm_kubernetes_cluster block edited. */
function loosened(edit: (cluster: Record<string, any>) => void): () => TerraformDocument {
  return () =>
    mutate(secure(), (json) => {
      for (const cluster of Object.values(json.resource.azurerm_kubernetes_cluster) as Record<string, any>[]) {
        edit(cluster);
      }
    });
}

const empty = (): TerraformDocument => synthDoc(() => undefined);
const PUBLIC = { reason: 'Operators connect from the office without a VPN', authorizedIpRanges: ['203.0.113.0/24'] };

describeItem('cluster-setup/api-server-authorized-ip-ranges', {
  compliant: { 'private API server': secure, 'public API server with authorized ranges': () => clusterDoc({ publicApiServer: PUBLIC }) },
  nonCompliant: {
    'public API server without ranges': loosened((c) => {
      c.private_cluster_enabled = false;
      delete c.api_server_access_profile.authorized_ip_ranges;
    }),
    'public API server open to 0.0.0.0/0': loosened((c) => {
      c.private_cluster_enabled = false;
      c.api_server_access_profile.authorized_ip_ranges = ['0.0.0.0/0'];
    }),
  },
  notApplicable: { 'no cluster': empty },
});

describeItem('cluster-setup/aad-integration', {
  compliant: { default: secure },
  nonCompliant: {
    'no Entra integration': loosened((c) => delete c.azure_active_directory_role_based_access_control),
    'local accounts on': loosened((c) => (c.local_account_disabled = false)),
  },
  notApplicable: { 'no cluster': empty },
});

describeItem('cluster-setup/managed-identity', {
  compliant: { default: secure },
  nonCompliant: {
    'service principal': loosened((c) => {
      delete c.identity;
      c.service_principal = { client_id: 'app', client_secret: '${var.secret}' };
    }),
    'no kubelet identity': loosened((c) => delete c.kubelet_identity),
  },
});

describeItem('cluster-setup/upgrade-channel', {
  compliant: { default: secure, stable: () => clusterDoc({ upgradeChannel: 'stable' }) },
  nonCompliant: { 'channel none': () => clusterDoc({ upgradeChannel: { channel: 'none', reason: 'Upgrades are driven by the release train' } }) },
});

describeItem('cluster-setup/kubernetes-rbac-aad', {
  compliant: { default: secure },
  nonCompliant: {
    'Azure RBAC off': loosened((c) => (c.azure_active_directory_role_based_access_control.azure_rbac_enabled = false)),
    'Kubernetes RBAC off': loosened((c) => (c.role_based_access_control_enabled = false)),
  },
});

describeItem('cluster-setup/private-cluster', {
  compliant: { default: secure },
  nonCompliant: {
    'public API server': () => clusterDoc({ publicApiServer: PUBLIC }),
    'public FQDN': loosened((c) => (c.private_cluster_public_fqdn_enabled = true)),
  },
  recommended: { 'no API server VNet integration (beyond the item)': loosened((c) => (c.api_server_access_profile.virtual_network_integration_enabled = false)) },
  unknown: { 'private_cluster_enabled from a variable': loosened((c) => (c.private_cluster_enabled = '${var.private}')) },
});

describeItem('cluster-setup/no-kubernetes-dashboard', {
  compliant: { default: secure },
  nonCompliant: {
    'legacy dashboard add-on': loosened((c) => (c.addon_profile = [{ kube_dashboard: [{ enabled: true }] }])),
    'dashboard Helm release': () =>
      mutate(secure(), (json) => {
        json.resource.helm_release = { dashboard: { name: 'dashboard', repository: 'https://kubernetes.github.io/dashboard/', chart: 'kubernetes-dashboard' } };
      }),
  },
});

const etcdEncryptionOwnKey: ItemCases = {
  compliant: { 'versioned key id': secure },
  nonCompliant: {
    'no key': () => clusterDoc({ kms: undefined }),
    'versionless key': loosened((c) => (c.key_management_service.key_vault_key_id = 'https://kv-aks-prod.vault.azure.net/keys/etcd')),
    'public key vault access': loosened((c) => (c.key_management_service.key_vault_network_access = 'Public')),
  },
};
describeFacet('cluster-setup/etcd-encryption-own-key', etcdEncryptionOwnKey);
describeItem('cluster-setup/etcd-encryption-own-key', { compliant: {}, nonCompliant: etcdEncryptionOwnKey.nonCompliant });

describeItem('operations/kubernetes-version-current', {
  compliant: { default: secure },
  nonCompliant: {
    'auto-upgrade off': () => clusterDoc({ upgradeChannel: { channel: 'none', reason: 'Upgrades are driven by the release train' } }),
    'no maintenance window': loosened((c) => delete c.maintenance_window_auto_upgrade),
  },
});

describeItem('operations/node-os-patching', {
  compliant: { default: secure, 'security patch': () => clusterDoc({ nodeOsUpgradeChannel: 'SecurityPatch' }) },
  nonCompliant: { 'channel None': () => clusterDoc({ nodeOsUpgradeChannel: { channel: 'None', reason: 'Golden images are rolled by the platform team' } }) },
});

describeItem('disaster-recovery/control-plane-sla', {
  compliant: { default: secure, premium: () => clusterDoc({ skuTier: 'Premium' }) },
  nonCompliant: { 'free tier': () => clusterDoc({ skuTier: { tier: 'Free', reason: 'Short-lived test cluster, no SLA needed' } }) },
});

describeItem('network/network-policies', {
  compliant: { 'cilium with ACNS security and observability': secure, 'calico (azure data plane: ACNS not judged)': () => clusterDoc({ networkPolicy: 'calico' }) },
  nonCompliant: {
    'no policy engine': loosened((c) => delete c.network_profile.network_policy),
    'cilium without advanced_networking': loosened((c) => delete c.network_profile.advanced_networking),
    'cilium with ACNS security (FQDN filtering) off': loosened((c) => (c.network_profile.advanced_networking.security_enabled = false)),
  },
});

// The cluster facet of the item (the Defender sensor); its alerting facet (security alerts to an
// action group) is proven in test/monitoring/alerting.test.ts, so a cluster alone is not compliant.
test('operations/security-center-monitoring (cluster facet): the Defender sensor reports to the workspace', () => {
  expect(rules.defender(secure()).status).toBe('compliant');
  expect(rules.defender(loosened((c) => delete c.microsoft_defender)()).status).toBe('non-compliant');
});

describeItem('operations/defender-for-kubernetes', {
  compliant: { default: secure },
  nonCompliant: { 'no Defender': loosened((c) => delete c.microsoft_defender) },
});

describeItem('container/runtime-security', {
  compliant: { 'Defender sensor on': secure },
  nonCompliant: { 'no Defender sensor': loosened((c) => delete c.microsoft_defender) },
});

const azurePolicy: ItemCases = {
  compliant: { default: secure },
  nonCompliant: { 'add-on off': loosened((c) => (c.azure_policy_enabled = false)) },
};
describeFacet('operations/azure-policy', azurePolicy);
describeItem('operations/azure-policy', { compliant: {}, nonCompliant: azurePolicy.nonCompliant });

const secretsInKeyVault: ItemCases = {
  compliant: { default: secure },
  nonCompliant: {
    'no secrets provider': loosened((c) => delete c.key_vault_secrets_provider),
    'rotation off': loosened((c) => (c.key_vault_secrets_provider.secret_rotation_enabled = false)),
  },
};
describeFacet('development/secrets-in-key-vault', secretsInKeyVault);
describeItem('development/secrets-in-key-vault', { compliant: {}, nonCompliant: secretsInKeyVault.nonCompliant });

const workloadIdentity: ItemCases = {
  compliant: { default: secure },
  nonCompliant: { 'workload identity off': () => clusterDoc({ disableWorkloadIdentity: { reason: 'Workloads use no Azure resources at all' } }) },
};
describeFacet('development/workload-identity', workloadIdentity);
describeItem('development/workload-identity', { compliant: {}, nonCompliant: workloadIdentity.nonCompliant });

describeItem('storage/dynamic-volume-provisioning', {
  compliant: { default: secure },
  nonCompliant: { 'disk driver off': loosened((c) => (c.storage_profile.disk_driver_enabled = false)) },
});

describeItem('development/application-autoscaling', {
  compliant: { default: secure },
  nonCompliant: { 'KEDA off': () => clusterDoc({ disableKeda: { reason: 'Autoscaling is handled by the HPA alone' } }) },
});

const metricsCollection: ItemCases = {
  compliant: { default: secure },
  nonCompliant: { 'no monitor_metrics': loosened((c) => delete c.monitor_metrics) },
};
describeFacet('operations/metrics-collection', metricsCollection);
describeItem('operations/metrics-collection', { compliant: {}, nonCompliant: metricsCollection.nonCompliant });

const logAggregation: ItemCases = {
  compliant: { default: secure },
  nonCompliant: {
    'no oms_agent': loosened((c) => delete c.oms_agent),
    'key-based agent auth': loosened((c) => (c.oms_agent.msi_auth_for_monitoring_enabled = false)),
  },
};
describeFacet('operations/log-aggregation', logAggregation);
describeItem('operations/log-aggregation', { compliant: {}, nonCompliant: logAggregation.nonCompliant });

/** A cluster with one Windows node pool, with or without gMSA. */
export function windowsDoc(withGmsa: boolean): TerraformDocument {
  return synthDoc((stack) => {
    const password = new DataAzurermKeyVaultSecret(stack, 'winpw', { name: 'aks-windows-admin', keyVaultId: '/subscriptions/x/vaults/kv' });
    const windowsProfile = withGmsa ? { adminUsername: 'aksadmin', adminPasswordReference: password.value, gmsa: { dnsServer: '', rootDomain: '' } } : undefined;
    const cluster = new SecureAksCluster(stack, 'aks', baseProps({ windowsProfile }));
    new KubernetesClusterNodePool(stack, 'win', { name: 'win1', kubernetesClusterId: cluster.id, vmSize: 'Standard_D4ds_v5', osType: 'Windows' });
  });
}

describeItem('windows/gmsa', {
  compliant: { 'Windows pool with gMSA': () => windowsDoc(true) },
  nonCompliant: { 'Windows pool without gMSA': () => windowsDoc(false) },
  notApplicable: { 'Linux only': secure },
});

test('windows/gmsa without Windows says so, not that the stack has no cluster', () => {
  expect(rules.gmsa(secure()).message).toBe('no Windows node pool or windows_profile on the 1 azurerm_kubernetes_cluster(s) in the stack');
});
