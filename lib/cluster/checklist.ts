import type { ItemFacet } from '../checklist/types';
import * as rules from './rules';

const C = 'SecureAksCluster';

/** The checklist items this concern delivers, each with its rule (see lib/checklist/types.ts). */
export const clusterFacets: readonly ItemFacet[] = [
  {
    id: 'cluster-setup/api-server-authorized-ip-ranges',
    delivery: 'enforced',
    construct: C,
    prop: 'publicApiServer.authorizedIpRanges',
    rule: rules.apiServerAuthorizedIpRanges,
    note: 'The API server is private by default; a public one needs non-empty authorized ranges and never 0.0.0.0/0.',
  },
  { id: 'cluster-setup/aad-integration', delivery: 'enforced', construct: C, prop: 'adminGroupObjectIds', rule: rules.aadIntegration },
  {
    id: 'cluster-setup/managed-identity',
    delivery: 'enforced',
    construct: C,
    prop: 'controlPlaneIdentity, kubeletIdentity',
    rule: rules.managedIdentity,
    note: 'User-assigned control-plane and kubelet identities; the control-plane identity gets Managed Identity Operator on the kubelet identity. A system-assigned identity is reported non-compliant.',
  },
  { id: 'cluster-setup/upgrade-channel', delivery: 'enforced', construct: C, prop: 'upgradeChannel', rule: rules.upgradeChannel },
  { id: 'cluster-setup/kubernetes-rbac-aad', delivery: 'enforced', construct: C, prop: 'adminGroupObjectIds', rule: rules.kubernetesRbacAad },
  { id: 'cluster-setup/private-cluster', delivery: 'enforced', construct: C, prop: 'publicApiServer', rule: rules.privateCluster },
  {
    id: 'cluster-setup/no-kubernetes-dashboard',
    delivery: 'enforced',
    construct: C,
    rule: rules.noKubernetesDashboard,
    note: 'azurerm 4.x has no dashboard add-on, so SecureAksCluster cannot enable it; the rule flags the legacy add-on (addon_profile.kube_dashboard) and Helm releases of the dashboard chart.',
  },
  {
    id: 'cluster-setup/etcd-encryption-own-key',
    delivery: 'enforced',
    construct: C,
    prop: 'kms.keyVaultKeyId',
    rule: rules.etcdEncryptionOwnKey,
    note: 'Enforced when a key is supplied (SecureAksPlatform supplies one); without a key the cluster warns at synth and the item is non-compliant. KMS uses Private network access, which needs API Server VNet Integration.',
  },
  { id: 'operations/kubernetes-version-current', delivery: 'enforced', construct: C, prop: 'upgradeChannel, autoUpgradeWindow', rule: rules.kubernetesVersionCurrent },
  { id: 'operations/node-os-patching', delivery: 'enforced', construct: C, prop: 'nodeOsUpgradeChannel, nodeOsUpgradeWindow', rule: rules.nodeOsPatching },
  { id: 'disaster-recovery/control-plane-sla', delivery: 'enforced', construct: C, prop: 'skuTier', rule: rules.controlPlaneSla },
  { id: 'network/network-policies', delivery: 'enforced', construct: C, prop: 'networkPolicy', rule: rules.networkPolicies, note: 'cilium on the cilium data plane by default; azure or calico selectable.' },
  { id: 'operations/security-center-monitoring', delivery: 'enforced', construct: C, prop: 'logAnalyticsWorkspaceId', rule: rules.defender, note: 'Microsoft Defender for Containers sensor (microsoft_defender) reporting to the workspace.' },
  { id: 'operations/defender-for-kubernetes', delivery: 'enforced', construct: C, prop: 'logAnalyticsWorkspaceId', rule: rules.defender },
  { id: 'operations/azure-policy', delivery: 'enforced', construct: C, rule: rules.azurePolicyAddon, note: 'Cluster facet: the Azure Policy add-on; assignments come from lib/policy.' },
  {
    id: 'development/secrets-in-key-vault',
    delivery: 'enforced',
    construct: C,
    prop: 'secretRotationInterval',
    rule: rules.secretsInKeyVault,
    note: 'Cluster facet: Secrets Store CSI driver with rotation; grant secretsProviderIdentity "Key Vault Secrets User" on vaults.',
  },
  { id: 'development/workload-identity', delivery: 'enforced', construct: C, prop: 'disableWorkloadIdentity', rule: rules.workloadIdentity, note: 'Cluster facet: OIDC issuer and Workload Identity on.' },
  { id: 'storage/dynamic-volume-provisioning', delivery: 'enforced', construct: C, prop: 'blobDriverEnabled', rule: rules.dynamicVolumeProvisioning, note: 'Azure Disk and Files CSI drivers and the snapshot controller on; Blob optional.' },
  {
    id: 'development/application-autoscaling',
    delivery: 'enforced',
    construct: C,
    prop: 'disableKeda',
    rule: rules.applicationAutoscaling,
    note: 'Cluster facet: KEDA on (the HPA is built in). Autoscaling objects for each application remain the teams\' work.',
  },
  { id: 'operations/metrics-collection', delivery: 'enforced', construct: C, rule: rules.metricsCollection, note: 'Cluster facet: monitor_metrics (managed Prometheus); the data collection rules come from lib/monitoring.' },
  { id: 'operations/log-aggregation', delivery: 'enforced', construct: C, prop: 'logAnalyticsWorkspaceId', rule: rules.logAggregation, note: 'Cluster facet: Container Insights (oms_agent) with managed identity authentication.' },
  {
    id: 'windows/gmsa',
    delivery: 'option',
    construct: C,
    prop: 'windowsProfile.gmsa',
    rule: rules.gmsa,
    note: 'azurerm requires windows_profile.admin_password with gMSA: the construct accepts only a reference (e.g. a Key Vault secret data source), so no password is synthesized; the value still reaches Terraform state.',
  },
];
