/**
 * Checklist rules for azurerm_kubernetes_cluster. Pure functions over Terraform JSON: they read the
 * cluster's attributes (object or one-element-list blocks alike) and references, never constructs.
 */
import { check, Check, equals, forEachResource, notApplicable, oneOf, present, recommend } from '../checklist/rule-kit';
import type { Rule } from '../checklist/types';
import { blocks, getPath, JsonValue, strings, TerraformDocument, TfBlock } from '../core/terraform-document';

const AKS = 'azurerm_kubernetes_cluster';
const AAD = 'azure_active_directory_role_based_access_control';
const VERSIONED_KEY_ID = /^https:\/\/[A-Za-z0-9-]+\.vault\.[a-z0-9.]+\/keys\/[A-Za-z0-9-]+\/[0-9a-fA-F]{32}$/;
const OPEN_RANGES = new Set(['0.0.0.0/0', '0.0.0.0', '*', 'Internet', 'Any']);

/** A rule over every AKS cluster in the stack; not applicable when there is none. */
function forEachCluster(checks: (cluster: TfBlock, doc: TerraformDocument) => readonly Check[]): Rule {
  return forEachResource(AKS, checks);
}

/** Whether a boolean attribute is true (false when absent). */
function isTrue(block: TfBlock, attribute: string): boolean {
  return getPath(block.values, attribute) === true;
}

/** Whether a nested block is written at all (`{}` and `[{}]` count: an empty block is still a block). */
function hasBlock(block: TfBlock, attribute: string): boolean {
  return blocks(getPath(block.values, attribute)).length > 0;
}

/** A boolean attribute whose provider default is true: compliant unless explicitly false. */
function notFalse(block: TfBlock, attribute: string, what: string): Check {
  const value = getPath(block.values, attribute);
  return check(attribute, value !== false, value === undefined ? `${what} (provider default true)` : `${what}`, `is false: ${what} is off`);
}

/** cluster-setup/api-server-authorized-ip-ranges: private, or public with non-empty ranges that exclude 0.0.0.0/0. */
export const apiServerAuthorizedIpRanges: Rule = forEachCluster((c) => {
  if (isTrue(c, 'private_cluster_enabled')) {
    return [check('private_cluster_enabled', true, 'API server is private (no public endpoint to restrict)', '')];
  }
  const attribute = 'api_server_access_profile.authorized_ip_ranges';
  const ranges = strings(getPath(c.values, attribute));
  const open = ranges.filter((r) => OPEN_RANGES.has(r.trim()));
  return [
    check(
      attribute,
      ranges.length > 0 && open.length === 0,
      `public API server limited to ${ranges.join(', ')}`,
      ranges.length === 0 ? 'public API server reachable from any address (no authorized ranges)' : `public API server open to the Internet (${open.join(', ')})`,
    ),
  ];
});

/** cluster-setup/aad-integration: Entra ID integration with admin groups or Azure RBAC, and no local accounts. */
export const aadIntegration: Rule = forEachCluster((c) => {
  const groups = strings(getPath(c.values, `${AAD}.admin_group_object_ids`));
  return [
    check(AAD, hasBlock(c, AAD), 'Entra ID integration is on', 'Entra ID integration is off'),
    check(
      `${AAD}.admin_group_object_ids`,
      groups.length > 0 || isTrue(c, `${AAD}.azure_rbac_enabled`),
      groups.length > 0 ? `${groups.length} Entra admin group(s)` : 'Azure RBAC grants access',
      'no Entra admin group and no Azure RBAC: nobody is authorized through Entra ID',
    ),
    equals(c, 'local_account_disabled', true),
  ];
});

/** cluster-setup/managed-identity: user-assigned control-plane and kubelet identities, no service principal. */
export const managedIdentity: Rule = forEachCluster((c) => [
  check('service_principal', !hasBlock(c, 'service_principal'), 'no service principal', 'uses a service principal (a secret that expires) instead of a managed identity'),
  equals(c, 'identity.type', 'UserAssigned'),
  present(c, 'identity.identity_ids', 'set to a user-assigned identity'),
  present(c, 'kubelet_identity.user_assigned_identity_id', 'set to a user-assigned kubelet identity'),
]);

/** cluster-setup/upgrade-channel: an automatic upgrade channel is set. */
export const upgradeChannel: Rule = forEachCluster((c) => [oneOf(c, 'automatic_upgrade_channel', ['patch', 'stable', 'rapid', 'node-image'])]);

/** cluster-setup/kubernetes-rbac-aad: Kubernetes RBAC on, authorized by Entra ID (Azure RBAC), no local accounts. */
export const kubernetesRbacAad: Rule = forEachCluster((c) => [
  notFalse(c, 'role_based_access_control_enabled', 'Kubernetes RBAC is on'),
  equals(c, `${AAD}.azure_rbac_enabled`, true),
  equals(c, 'local_account_disabled', true),
]);

/**
 * cluster-setup/private-cluster: private API server and no public FQDN. API Server VNet Integration with
 * a subnet is this library's stronger default, reported as a recommendation.
 */
export const privateCluster: Rule = forEachCluster((c) => [
  equals(c, 'private_cluster_enabled', true),
  check('private_cluster_public_fqdn_enabled', !isTrue(c, 'private_cluster_public_fqdn_enabled'), 'no public FQDN', 'publishes a public FQDN for the private API server'),
  ...recommend(equals(c, 'api_server_access_profile.virtual_network_integration_enabled', true), present(c, 'api_server_access_profile.subnet_id', 'set to a delegated subnet')),
]);

const DASHBOARD_CHART = /kubernetes-dashboard/i;

/**
 * cluster-setup/no-kubernetes-dashboard: azurerm 4.x has no dashboard add-on; older configurations
 * could enable it (`addon_profile.kube_dashboard.enabled`), and a Helm release can install it.
 */
export const noKubernetesDashboard: Rule = (doc) => {
  const clusterChecks = forEachCluster((c) => [
    check('addon_profile.kube_dashboard.enabled', !isTrue(c, 'addon_profile.kube_dashboard.enabled'), 'no dashboard add-on', 'enables the Kubernetes dashboard add-on'),
  ])(doc);
  const releases = doc.resources('helm_release').filter((r) => DASHBOARD_CHART.test(String(getPath(r.values, 'chart') ?? '')) || DASHBOARD_CHART.test(String(getPath(r.values, 'repository') ?? '')));
  if (releases.length === 0) {
    return clusterChecks;
  }
  const evidence = releases.map((r) => ({ address: r.address, attribute: 'chart', constructPath: r.constructPath, ok: false, message: `${r.address}.chart: installs the Kubernetes dashboard` }));
  return { status: 'non-compliant', message: evidence.map((e) => e.message).join('; '), evidence: [...clusterChecks.evidence, ...evidence] };
};

/** Whether a key id is versioned: a literal with a version, or a reference to a key's `id` (not `versionless_id`). */
function versionedKey(doc: TerraformDocument, value: JsonValue | undefined): boolean {
  if (typeof value !== 'string') {
    return false;
  }
  if (VERSIONED_KEY_ID.test(value)) {
    return true;
  }
  const keys = doc.referencedBlocks(value, 'azurerm_key_vault_key');
  return keys.length > 0 && keys.every((k) => value.includes(`${k.address}.id}`));
}

/** cluster-setup/etcd-encryption-own-key: KMS with a versioned customer key over private network access. */
export const etcdEncryptionOwnKey: Rule = forEachCluster((c, doc) => {
  if (!hasBlock(c, 'key_management_service')) {
    return [check('key_management_service', false, '', 'etcd is not encrypted with a customer-managed key (no key_management_service)')];
  }
  const keyId = getPath(c.values, 'key_management_service.key_vault_key_id');
  return [
    check('key_management_service.key_vault_key_id', versionedKey(doc, keyId), 'a versioned Key Vault key', `is ${JSON.stringify(keyId)}, not a versioned key id`),
    equals(c, 'key_management_service.key_vault_network_access', 'Private'),
  ];
});

/** operations/kubernetes-version-current: auto-upgrade channel on, within a planned maintenance window. */
export const kubernetesVersionCurrent: Rule = forEachCluster((c) => [
  oneOf(c, 'automatic_upgrade_channel', ['patch', 'stable', 'rapid', 'node-image']),
  check('maintenance_window_auto_upgrade', hasBlock(c, 'maintenance_window_auto_upgrade'), 'upgrades run in a maintenance window', 'no maintenance_window_auto_upgrade: upgrades may run at any time'),
]);

/** operations/node-os-patching: node OS patched through NodeImage or SecurityPatch (NodeImage is the provider default). */
export const nodeOsPatching: Rule = forEachCluster((c) => {
  const value = getPath(c.values, 'node_os_upgrade_channel');
  return [
    value === undefined
      ? check('node_os_upgrade_channel', true, 'not set (provider default NodeImage)', '')
      : oneOf(c, 'node_os_upgrade_channel', ['NodeImage', 'SecurityPatch']),
  ];
});

/** disaster-recovery/control-plane-sla: a tier with the uptime SLA. */
export const controlPlaneSla: Rule = forEachCluster((c) => [oneOf(c, 'sku_tier', ['Standard', 'Premium'])]);

/** network/network-policies: a network policy engine. */
export const networkPolicies: Rule = forEachCluster((c) => [oneOf(c, 'network_profile.network_policy', ['cilium', 'azure', 'calico'])]);

/**
 * network/network-policies (ACNS facet): on the cilium data plane, Advanced Container Networking
 * Services security (Cilium FQDN filtering and L7 policies, which FQDN egress allowances need) and
 * observability (network flow metrics) are on. Clusters on the azure data plane are not judged.
 */
export const advancedNetworking: Rule = forEachCluster((c) =>
  getPath(c.values, 'network_profile.network_data_plane') !== 'cilium'
    ? []
    : [equals(c, 'network_profile.advanced_networking.security_enabled', true), equals(c, 'network_profile.advanced_networking.observability_enabled', true)],
);

/** operations/security-center-monitoring and operations/defender-for-kubernetes: Defender sensor with a workspace. */
export const defender: Rule = forEachCluster((c) => [present(c, 'microsoft_defender.log_analytics_workspace_id', 'set: Microsoft Defender for Containers reports to a workspace')]);

/** operations/azure-policy (cluster facet): the Azure Policy add-on. */
export const azurePolicyAddon: Rule = forEachCluster((c) => [equals(c, 'azure_policy_enabled', true)]);

/** development/secrets-in-key-vault (cluster facet): Secrets Store CSI driver with rotation. */
export const secretsInKeyVault: Rule = forEachCluster((c) => [
  check('key_vault_secrets_provider', hasBlock(c, 'key_vault_secrets_provider'), 'Key Vault secrets provider is on', 'no key_vault_secrets_provider'),
  equals(c, 'key_vault_secrets_provider.secret_rotation_enabled', true),
]);

/** development/workload-identity (cluster facet): OIDC issuer and Workload Identity. */
export const workloadIdentity: Rule = forEachCluster((c) => [equals(c, 'oidc_issuer_enabled', true), equals(c, 'workload_identity_enabled', true)]);

/** storage/dynamic-volume-provisioning: Azure Disk and Azure Files CSI drivers (on unless turned off). */
export const dynamicVolumeProvisioning: Rule = forEachCluster((c) => [
  notFalse(c, 'storage_profile.disk_driver_enabled', 'Azure Disk CSI driver is on'),
  notFalse(c, 'storage_profile.file_driver_enabled', 'Azure Files CSI driver is on'),
]);

/** development/application-autoscaling (cluster facet): KEDA for event-driven autoscaling. */
export const applicationAutoscaling: Rule = forEachCluster((c) => [equals(c, 'workload_autoscaler_profile.keda_enabled', true)]);

/** operations/metrics-collection (cluster facet): managed Prometheus metrics (`monitor_metrics`). */
export const metricsCollection: Rule = forEachCluster((c) => [
  check('monitor_metrics', hasBlock(c, 'monitor_metrics'), 'Prometheus metrics add-on is on', 'no monitor_metrics: Prometheus metrics are not collected'),
]);

/** operations/log-aggregation (cluster facet): Container Insights with managed identity auth. */
export const logAggregation: Rule = forEachCluster((c) => [
  present(c, 'oms_agent.log_analytics_workspace_id', 'set: container logs go to a workspace'),
  equals(c, 'oms_agent.msi_auth_for_monitoring_enabled', true),
]);

/**
 * windows/gmsa: clusters with Windows nodes (a Windows node pool or a windows_profile) have gMSA
 * configured. Not applicable without Windows.
 */
export const gmsa: Rule = (doc) => {
  const windowsPools = doc.resources('azurerm_kubernetes_cluster_node_pool').filter((p) => String(getPath(p.values, 'os_type') ?? '').toLowerCase() === 'windows');
  const result = forEachResource(AKS, (c) => {
    const hasWindows = hasBlock(c, 'windows_profile') || windowsPools.some((p) => doc.references(getPath(p.values, 'kubernetes_cluster_id'), c));
    if (!hasWindows) {
      return [];
    }
    const g = blocks(getPath(c.values, 'windows_profile.gmsa'));
    return [check('windows_profile.gmsa', g.length > 0, 'gMSA is configured for the Windows nodes', 'Windows nodes without gMSA (windows_profile.gmsa)')];
  })(doc);
  const clusters = doc.resources(AKS).length;
  return result.status === 'not-applicable' && clusters > 0 ? notApplicable(`no Windows node pool or windows_profile on the ${clusters} azurerm_kubernetes_cluster(s) in the stack`) : result;
};
