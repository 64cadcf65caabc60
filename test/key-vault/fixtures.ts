/**
 * Stacks for the key-vault tests: the vault alone, and a small platform where a raw cluster uses
 * the vault's KMS key, disk encryption set, secrets provider grant and a workload identity.
 */
import { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import type { TerraformStack } from 'cdktf';
import { kmsKeyManagementService, SecureKeyVault, SecureKeyVaultProps, WorkloadIdentity } from '../../lib/key-vault';

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-platform/providers';
export const PLACE = { resourceGroupName: 'rg-platform', location: 'westeurope' };
export const WORKSPACE_ID = `${SUB}/Microsoft.OperationalInsights/workspaces/log-platform`;
export const SUBNET_ID = `${SUB}/Microsoft.Network/virtualNetworks/vnet-spoke/subnets/snet-private-endpoints`;
export const VNET_ID = `${SUB}/Microsoft.Network/virtualNetworks/vnet-spoke`;
export const TENANT_ID = '11111111-1111-1111-1111-111111111111';
export const DEPLOYER_ID = '22222222-2222-2222-2222-222222222222';

/** Vault props with the secure defaults. */
export function vaultProps(overrides: Partial<SecureKeyVaultProps> = {}): SecureKeyVaultProps {
  return {
    ...PLACE,
    name: 'kv-platform-weu',
    tenantId: TENANT_ID,
    privateEndpoint: { subnetId: SUBNET_ID, virtualNetworkIds: [VNET_ID] },
    logAnalyticsWorkspaceId: WORKSPACE_ID,
    keyOfficerPrincipalIds: [DEPLOYER_ID],
    ...overrides,
  };
}

/** What the platform composition does: vault, KMS key and grants, disk encryption set, cluster, secrets reader, workload identity. */
export function platform(stack: TerraformStack, overrides: Partial<SecureKeyVaultProps> = {}): SecureKeyVault {
  const vault = new SecureKeyVault(stack, 'Vault', vaultProps(overrides));
  const etcdKey = vault.addEtcdEncryptionKey();
  const controlPlane = new UserAssignedIdentity(stack, 'ControlPlane', { ...PLACE, name: 'id-aks-control-plane' });
  const kmsGrants = vault.grantEtcdEncryption(controlPlane.principalId);
  const disks = vault.addDiskEncryptionSet('Disks', { name: 'des-platform-weu' });
  const diskRead = disks.grantClusterRead(controlPlane.principalId);
  const cluster = new KubernetesCluster(stack, 'Cluster', {
    ...PLACE,
    name: 'aks-platform-weu',
    dnsPrefix: 'aks-platform-weu',
    defaultNodePool: { name: 'system', vmSize: 'Standard_D4ds_v5', nodeCount: 3 },
    identity: { type: 'UserAssigned', identityIds: [controlPlane.id] },
    keyManagementService: kmsKeyManagementService(etcdKey.keyId, vault.kmsNetworkAccess),
    diskEncryptionSetId: disks.diskEncryptionSetId,
    oidcIssuerEnabled: true,
    workloadIdentityEnabled: true,
    keyVaultSecretsProvider: { secretRotationEnabled: true },
    dependsOn: [...kmsGrants, diskRead],
  });
  vault.grantSecretsRead(cluster.keyVaultSecretsProvider.secretIdentity.get(0).objectId);
  new WorkloadIdentity(stack, 'Payments', { ...PLACE, name: 'id-payments', oidcIssuerUrl: cluster.oidcIssuerUrl, namespace: 'payments', serviceAccount: 'payments-api' });
  return vault;
}
