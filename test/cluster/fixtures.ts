/**
 * Shared inputs for SecureAksCluster tests: valid props and stack builders.
 */
import { TerraformStack } from 'cdktf';
import { SecureAksCluster, SecureAksClusterProps } from '../../lib/cluster';
import type { TerraformDocument } from '../../lib/core/terraform-document';
import { synthDoc } from '../support/synth';

export const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network';
export const ADMIN_GROUP = '11111111-2222-3333-4444-555555555555';
export const KEY_ID = 'https://kv-aks-prod.vault.azure.net/keys/etcd/0123456789abcdef0123456789abcdef';

/** Every required prop, valid, plus a KMS key (as the platform passes one). */
export function baseProps(overrides: Partial<SecureAksClusterProps> = {}): SecureAksClusterProps {
  return {
    name: 'aks-prod-weu',
    resourceGroupName: 'rg-aks',
    location: 'westeurope',
    tags: { env: 'prod', owner: 'platform' },
    nodeSubnetId: `${SUB}/virtualNetworks/vnet-spoke/subnets/nodes`,
    apiServerSubnetId: `${SUB}/virtualNetworks/vnet-spoke/subnets/apiserver`,
    vnetAddressSpaces: ['10.10.0.0/16'],
    adminGroupObjectIds: [ADMIN_GROUP],
    logAnalyticsWorkspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-mon/providers/Microsoft.OperationalInsights/workspaces/law',
    kms: { keyVaultKeyId: KEY_ID },
    ...overrides,
  };
}

/** Synthesizes a stack with one SecureAksCluster. */
export function clusterDoc(overrides: Partial<SecureAksClusterProps> = {}, extra?: (stack: TerraformStack, cluster: SecureAksCluster) => void): TerraformDocument {
  return synthDoc((stack) => {
    const cluster = new SecureAksCluster(stack, 'aks', baseProps(overrides));
    extra?.(stack, cluster);
  });
}

/** The single cluster block's values. */
export function clusterValues(doc: TerraformDocument): Record<string, any> {
  const [cluster] = doc.resources('azurerm_kubernetes_cluster');
  return cluster.values as Record<string, any>;
}
