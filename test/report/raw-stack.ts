/**
 * A stack written with raw provider resources only (no library construct), as a team that does
 * not use this library would write it: a reasonable cluster and registry with known violations.
 *
 * Known violations (and nothing else on the cluster and the registry):
 * - the cluster's API server is public and has no authorized IP ranges;
 * - local accounts are on and there is no Entra ID integration (so no Azure RBAC);
 * - the registry's admin user is enabled and its public network access is on.
 */
import { ContainerRegistry } from '@cdktf/provider-azurerm/lib/container-registry';
import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { KeyVaultKey } from '@cdktf/provider-azurerm/lib/key-vault-key';
import { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { ResourcePolicyAssignment } from '@cdktf/provider-azurerm/lib/resource-policy-assignment';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { SecurityCenterSubscriptionPricing } from '@cdktf/provider-azurerm/lib/security-center-subscription-pricing';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import type { TerraformStack } from 'cdktf';
import type { ItemId } from '../../lib/checklist/types';

/**
 * THE expected non-compliant items of the raw stack, among the items that lib/cluster and
 * lib/registry deliver. Update this one list when rules change what the stack should violate.
 */
export const RAW_STACK_NON_COMPLIANT: readonly ItemId[] = [
  // public API server without authorized ranges
  'cluster-setup/api-server-authorized-ip-ranges',
  'cluster-setup/private-cluster',
  // local accounts on, no Entra ID integration, no Azure RBAC
  'cluster-setup/aad-integration',
  'cluster-setup/kubernetes-rbac-aad',
  // registry admin user enabled
  'cluster-setup/acr-integration-without-password',
  'container/registry-rbac',
  // registry public network access on
  'container/registry-network-segmentation',
  'network/private-registry-endpoint',
];

/**
 * Every non-compliant item of the raw stack's full report: the known violations above, plus what a
 * team writing raw resources typically leaves out and the library's constructs would have added.
 * The full report must list exactly these.
 */
export const RAW_STACK_REPORT_NON_COMPLIANT: readonly ItemId[] = [
  ...RAW_STACK_NON_COMPLIANT,
  // the default pool: no autoscaling bounds, no explicit max_pods or OS disk size, untagged VMs
  'cluster-setup/cluster-autoscaling',
  'resource-management/cluster-auto-scaling',
  'cluster-setup/node-sizing',
  'storage/node-storage-sizing',
  'development/resource-tags',
  // no tenant namespaces rendered for the cluster (quotas, LimitRanges, default-deny, IMDS block)
  'cluster-setup/logical-isolation',
  'development/namespace-isolation',
  'resource-management/resource-quotas',
  'resource-management/limit-ranges',
  'resource-management/memory-requests-and-limits',
  'network/default-deny-network-policies',
  'network/block-imds-access',
  'operations/no-default-namespace',
  // only one Azure Policy assignment: the in-cluster guard rails are missing, and nothing above the cluster
  'operations/azure-policy',
  'container/allowed-registries-only',
  'development/liveness-probe',
  'development/readiness-probe',
  'development/startup-probe',
  'development/prestop-hook',
  'development/requests-and-limits',
  'development/security-context',
  'development/manifest-good-practices',
  'development/no-naked-pods',
  'development/image-pull-policy',
  'disaster-recovery/pod-anti-affinity',
  'network/internal-load-balancer',
  'network/ingress-hostname-control',
  'resource-management/pod-disruption-budgets',
  'windows/no-privileged-containers',
  'windows/memory-usage',
  // node, API server and private endpoint subnets without network security groups
  'network/network-policies',
  // egress straight to the Internet (load balancer outbound, no firewall route)
  'network/egress-lockdown',
  // no diagnostics on the cluster, no managed Prometheus, a workspace that allows shared keys
  'operations/log-aggregation',
  'operations/control-plane-logs',
  'operations/metrics-collection',
  // no action group and no alert: nobody hears of Resource Health, Advisor, security alerts (the metrics and
  // log items above also lack their alerts)
  'operations/cluster-health-scanning',
  'operations/security-center-monitoring',
  // a Key Vault without purge protection, private endpoint or deny-by-default network rules
  'operations/key-vault',
  // options the stack does not use (reported, not enforced)
  'cluster-setup/node-configuration-tuning', // Ubuntu default pool: the current edition advises Azure Linux
  'cluster-setup/cluster-extensions',
  'disaster-recovery/storage-migration-plan',
  'network/ingress-distribution',
  'operations/gitops',
  'storage/data-backup',
];

/** Adds the raw resources to a stack. */
export function buildRawStack(stack: TerraformStack): void {
  const location = 'westeurope';
  const tags = { environment: 'dev', owner: 'team-raw', 'cost-center': 'cc-0001', workload: 'raw', criticality: 'low', 'data-classification': 'internal' };
  const rg = new ResourceGroup(stack, 'rg', { name: 'rg-raw', location, tags });
  const placement = { resourceGroupName: rg.name, location: rg.location, tags };
  const vnet = new VirtualNetwork(stack, 'vnet', { ...placement, name: 'vnet-raw', addressSpace: ['10.10.0.0/16'] });
  const nodes = new Subnet(stack, 'nodes', { name: 'snet-nodes', resourceGroupName: rg.name, virtualNetworkName: vnet.name, addressPrefixes: ['10.10.0.0/20'] });
  const apiServer = new Subnet(stack, 'api', {
    name: 'snet-api',
    resourceGroupName: rg.name,
    virtualNetworkName: vnet.name,
    addressPrefixes: ['10.10.16.0/28'],
    delegation: [{ name: 'aks', serviceDelegation: { name: 'Microsoft.ContainerService/managedClusters', actions: ['Microsoft.Network/virtualNetworks/subnets/join/action'] } }],
  });
  const endpoints = new Subnet(stack, 'endpoints', { name: 'snet-pe', resourceGroupName: rg.name, virtualNetworkName: vnet.name, addressPrefixes: ['10.10.17.0/24'] });
  const logs = new LogAnalyticsWorkspace(stack, 'logs', { ...placement, name: 'log-raw', sku: 'PerGB2018', retentionInDays: 30 });
  const controlPlane = new UserAssignedIdentity(stack, 'control_plane', { ...placement, name: 'id-aks-raw' });
  const kubelet = new UserAssignedIdentity(stack, 'kubelet', { ...placement, name: 'id-kubelet-raw' });
  const vault = new KeyVault(stack, 'vault', { ...placement, name: 'kv-raw-0001', tenantId: '00000000-0000-0000-0000-000000000000', skuName: 'premium', rbacAuthorizationEnabled: true, purgeProtectionEnabled: true });
  const key = new KeyVaultKey(stack, 'etcd', {
    name: 'etcd',
    keyVaultId: vault.id,
    keyType: 'RSA',
    keySize: 2048,
    keyOpts: ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'],
    rotationPolicy: { automatic: { timeBeforeExpiry: 'P30D' }, expireAfter: 'P180D' },
    tags,
  });
  new RoleAssignment(stack, 'kms_crypto_user', { scope: vault.id, roleDefinitionName: 'Key Vault Crypto User', principalId: controlPlane.principalId });

  const cluster = new KubernetesCluster(stack, 'aks', {
    ...placement,
    name: 'aks-raw',
    dnsPrefix: 'aks-raw',
    skuTier: 'Standard',
    automaticUpgradeChannel: 'patch',
    nodeOsUpgradeChannel: 'NodeImage',
    maintenanceWindowAutoUpgrade: { frequency: 'Weekly', interval: 1, duration: 4, dayOfWeek: 'Sunday', startTime: '02:00', utcOffset: '+00:00' },
    // Violation: public API server (VNet-integrated) without authorized IP ranges.
    privateClusterEnabled: false,
    apiServerAccessProfile: { virtualNetworkIntegrationEnabled: true, subnetId: apiServer.id },
    // Violation: local accounts on, no azure_active_directory_role_based_access_control block.
    localAccountDisabled: false,
    identity: { type: 'UserAssigned', identityIds: [controlPlane.id] },
    kubeletIdentity: { userAssignedIdentityId: kubelet.id, clientId: kubelet.clientId, objectId: kubelet.principalId },
    defaultNodePool: { name: 'system', vmSize: 'Standard_D4ds_v5', nodeCount: 3, zones: ['1', '2', '3'], vnetSubnetId: nodes.id, onlyCriticalAddonsEnabled: true },
    networkProfile: { networkPlugin: 'azure', networkPluginMode: 'overlay', networkDataPlane: 'cilium', networkPolicy: 'cilium', podCidr: '192.168.0.0/16', serviceCidr: '172.16.0.0/16', dnsServiceIp: '172.16.0.10', advancedNetworking: { observabilityEnabled: true, securityEnabled: true } },
    keyManagementService: { keyVaultKeyId: key.id, keyVaultNetworkAccess: 'Private' },
    microsoftDefender: { logAnalyticsWorkspaceId: logs.id },
    omsAgent: { logAnalyticsWorkspaceId: logs.id, msiAuthForMonitoringEnabled: true },
    monitorMetrics: {},
    azurePolicyEnabled: true,
    keyVaultSecretsProvider: { secretRotationEnabled: true, secretRotationInterval: '2m' },
    oidcIssuerEnabled: true,
    workloadIdentityEnabled: true,
    workloadAutoscalerProfile: { kedaEnabled: true },
  });

  const registry = new ContainerRegistry(stack, 'acr', {
    ...placement,
    name: 'acrraw0001',
    sku: 'Premium',
    // Violations: admin user on, public network access on.
    adminEnabled: true,
    publicNetworkAccessEnabled: true,
    quarantinePolicyEnabled: true,
    dataEndpointEnabled: true,
    georeplications: [{ location: 'northeurope', zoneRedundancyEnabled: true }],
  });
  new RoleAssignment(stack, 'kubelet_pull', { scope: registry.id, roleDefinitionName: 'AcrPull', principalId: kubelet.principalId });
  const zone = new PrivateDnsZone(stack, 'acr_zone', { name: 'privatelink.azurecr.io', resourceGroupName: rg.name, tags });
  new PrivateEndpoint(stack, 'acr_pe', {
    ...placement,
    name: 'pe-acr-raw',
    subnetId: endpoints.id,
    privateServiceConnection: { name: 'acr', privateConnectionResourceId: registry.id, subresourceNames: ['registry'], isManualConnection: false },
    privateDnsZoneGroup: { name: 'acr', privateDnsZoneIds: [zone.id] },
  });
  new SecurityCenterSubscriptionPricing(stack, 'defender_containers', { tier: 'Standard', resourceType: 'Containers' });
  new RoleAssignment(stack, 'csi_secrets_user', {
    scope: vault.id,
    roleDefinitionName: 'Key Vault Secrets User',
    principalId: cluster.keyVaultSecretsProvider.secretIdentity.get(0).objectId,
  });
  new ResourcePolicyAssignment(stack, 'no_privileged', {
    name: 'aks-no-privileged-containers',
    resourceId: cluster.id,
    policyDefinitionId: '/providers/Microsoft.Authorization/policyDefinitions/95edb821-ddaf-4404-9732-666045e056b4',
    parameters: JSON.stringify({ effect: { value: 'Deny' } }),
  });
}
