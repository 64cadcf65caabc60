import { settingsOf } from '../checklist/settings';
import type { ItemFacet } from '../checklist/types';
import type { SecureAksCluster, SecureAksClusterProps } from './secure-aks-cluster';
import * as rules from './rules';


const secureAksCluster = settingsOf<SecureAksClusterProps, SecureAksCluster>('SecureAksCluster');

/** The checklist items this concern delivers, each with its rule (see lib/checklist/types.ts). */
export const clusterFacets: readonly ItemFacet[] = [
  {
    id: 'cluster-setup/api-server-authorized-ip-ranges',
    delivery: 'enforced',
    settings: secureAksCluster('publicApiServer.authorizedIpRanges'),
    rule: rules.apiServerAuthorizedIpRanges,
    note: 'The API server is private by default; a public one needs non-empty authorized ranges and never 0.0.0.0/0.',
  },
  { id: 'cluster-setup/aad-integration', delivery: 'enforced', settings: secureAksCluster('adminGroupObjectIds'), rule: rules.aadIntegration },
  {
    id: 'cluster-setup/managed-identity',
    delivery: 'enforced',
    settings: secureAksCluster('controlPlaneIdentity', 'kubeletIdentity'),
    rule: rules.managedIdentity,
    note: 'User-assigned control-plane and kubelet identities; the control-plane identity gets Managed Identity Operator on the kubelet identity. A system-assigned identity is reported non-compliant.',
  },
  { id: 'cluster-setup/upgrade-channel', delivery: 'enforced', settings: secureAksCluster('upgradeChannel'), rule: rules.upgradeChannel },
  { id: 'cluster-setup/kubernetes-rbac-aad', delivery: 'enforced', settings: secureAksCluster('adminGroupObjectIds'), rule: rules.kubernetesRbacAad },
  { id: 'cluster-setup/private-cluster', delivery: 'enforced', settings: secureAksCluster('publicApiServer'), rule: rules.privateCluster },
  {
    id: 'cluster-setup/no-kubernetes-dashboard',
    delivery: 'enforced',
    settings: secureAksCluster(),rule: rules.noKubernetesDashboard,
    note: 'azurerm 4.x has no dashboard add-on, so SecureAksCluster cannot enable it; the rule flags the legacy add-on (addon_profile.kube_dashboard) and Helm releases of the dashboard chart.',
  },
  {
    id: 'cluster-setup/etcd-encryption-own-key',
    delivery: 'enforced',
    settings: secureAksCluster('kms.keyVaultKeyId'),
    rule: rules.etcdEncryptionOwnKey,
    note: 'Enforced when a key is supplied (SecureAksPlatform supplies one); without a key the cluster warns at synth and the item is non-compliant. KMS uses Private network access, which needs API Server VNet Integration.',
  },
  {
    id: 'operations/kubernetes-version-current',
    delivery: 'enforced',
    settings: secureAksCluster('upgradeChannel', 'autoUpgradeWindow'),
    rule: rules.kubernetesVersionCurrent,
    note: 'Options: longTermSupport (support_plan AKSLongTermSupport, Premium tier) for two years on an LTS version; upgradeOverride (force past the deprecated-API check until a time at most 30 days ahead, a reason; an expired one still synthesizes, with a warning).',
  },
  {
    id: 'operations/node-os-patching',
    delivery: 'enforced',
    settings: secureAksCluster('nodeOsUpgradeChannel', 'nodeOsUpgradeWindow'),
    rule: rules.nodeOsPatching,
    note: 'Pools upgrade with drain timeout 30 min, undrainable nodes cordoned (Cordon) and replaced by surge nodes; nodeSoakMinutes and, on user pools, maxUnavailable with maxSurge 0 are options.',
  },
  {
    id: 'disaster-recovery/control-plane-sla',
    delivery: 'enforced',
    settings: secureAksCluster('skuTier'),
    rule: rules.controlPlaneSla,
    note: 'The Standard tier also carries the cost analysis add-on (cost_analysis_enabled, on by default); Premium adds Long Term Support.',
  },
  { id: 'network/network-policies', delivery: 'enforced', settings: secureAksCluster('networkPolicy'), rule: rules.networkPolicies, note: 'cilium on the cilium data plane by default; azure or calico selectable.' },
  {
    id: 'network/network-policies',
    delivery: 'enforced',
    settings: secureAksCluster('advancedNetworking'),
    rule: rules.advancedNetworking,
    note: 'Advanced Container Networking Services on the cilium data plane: FQDN filtering and L7 policies (tenant egress allowances by FQDN) and network flow observability. Billed per node; turning it off takes a reason.',
  },
  { id: 'operations/security-center-monitoring', delivery: 'enforced', settings: secureAksCluster('logAnalyticsWorkspaceId'), rule: rules.defender, note: 'Microsoft Defender for Containers sensor (microsoft_defender) reporting to the workspace.' },
  { id: 'operations/defender-for-kubernetes', delivery: 'enforced', settings: secureAksCluster('logAnalyticsWorkspaceId'), rule: rules.defender },
  {
    id: 'container/runtime-security',
    delivery: 'enforced',
    settings: secureAksCluster('logAnalyticsWorkspaceId'),
    rule: rules.defender,
    note: 'The Defender sensor (microsoft_defender) detects runtime threats on the nodes; the subscription needs the Defender for Containers plan (PrivateRegistry enableDefenderForContainers, or SecureAksPlatform defenderForContainersPricing).',
  },
  { id: 'operations/azure-policy', delivery: 'enforced', settings: secureAksCluster(),rule: rules.azurePolicyAddon, note: 'Cluster facet: the Azure Policy add-on; assignments come from lib/policy.' },
  {
    id: 'development/secrets-in-key-vault',
    delivery: 'enforced',
    settings: secureAksCluster('secretRotationInterval'),
    rule: rules.secretsInKeyVault,
    note: 'Cluster facet: Secrets Store CSI driver with rotation; grant secretsProviderIdentity "Key Vault Secrets User" on vaults.',
  },
  { id: 'development/workload-identity', delivery: 'enforced', settings: secureAksCluster('disableWorkloadIdentity'), rule: rules.workloadIdentity, note: 'Cluster facet: OIDC issuer and Workload Identity on.' },
  { id: 'storage/dynamic-volume-provisioning', delivery: 'enforced', settings: secureAksCluster('blobDriverEnabled'), rule: rules.dynamicVolumeProvisioning, note: 'Azure Disk and Files CSI drivers and the snapshot controller on; Blob optional.' },
  {
    id: 'development/application-autoscaling',
    delivery: 'enforced',
    settings: secureAksCluster('disableKeda'),
    rule: rules.applicationAutoscaling,
    note: 'Cluster facet: KEDA on (the HPA is built in). Autoscaling objects for each application remain the teams\' work.',
  },
  { id: 'operations/metrics-collection', delivery: 'enforced', settings: secureAksCluster(),rule: rules.metricsCollection, note: 'Cluster facet: monitor_metrics (managed Prometheus); the data collection rules come from lib/monitoring.' },
  { id: 'operations/log-aggregation', delivery: 'enforced', settings: secureAksCluster('logAnalyticsWorkspaceId'), rule: rules.logAggregation, note: 'Cluster facet: Container Insights (oms_agent) with managed identity authentication.' },
  {
    id: 'windows/gmsa',
    delivery: 'option',
    settings: secureAksCluster('windowsProfile.gmsa'),
    rule: rules.gmsa,
    note: 'azurerm requires windows_profile.admin_password with gMSA: the construct accepts only a reference (e.g. a Key Vault secret data source), so no password is synthesized; the value still reaches Terraform state.',
  },
];
