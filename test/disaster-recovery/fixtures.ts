/**
 * Test fixtures for the ingress and disaster-recovery tests: a bare cluster (SecureAksCluster is
 * another concern's construct) and the props the constructs need.
 */
import { KubernetesCluster, KubernetesClusterConfig } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { Construct } from 'constructs';
import type { AksBackupProps, BackupClusterProps } from '../../lib/disaster-recovery/aks-backup';

export const RG = 'rg-platform';
export const SUB = '00000000-0000-0000-0000-000000000001';
export const TENANT = '00000000-0000-0000-0000-000000000002';

/** A minimal azurerm_kubernetes_cluster. */
export function bareCluster(scope: Construct, id = 'aks', extra: Partial<KubernetesClusterConfig> = {}): KubernetesCluster {
  return new KubernetesCluster(scope, id, {
    name: `aks-${id}`,
    location: 'westeurope',
    resourceGroupName: RG,
    dnsPrefix: id,
    defaultNodePool: { name: 'system', vmSize: 'Standard_D4s_v5', nodeCount: 3 },
    identity: { type: 'SystemAssigned' },
    ...extra,
  });
}

/** AksBackup props for the westeurope test platform. */
export function backupProps(extra: Partial<AksBackupProps> = {}): AksBackupProps {
  return {
    resourceGroupName: RG,
    location: 'westeurope',
    vaultName: 'bv-platform-weu',
    storageAccountName: 'stbackupweu01',
    subscriptionId: SUB,
    tenantId: TENANT,
    storagePrivateEndpoint: {
      subnetId: `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Network/virtualNetworks/spoke/subnets/endpoints`,
      privateDnsZoneId: `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Network/privateDnsZones/privatelink.blob.core.windows.net`,
    },
    logAnalyticsWorkspaceId: `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.OperationalInsights/workspaces/log-platform`,
    ...extra,
  };
}

/** Backup props for a bare cluster. */
export function backupCluster(cluster: KubernetesCluster, name = 'weu1', extra: Partial<BackupClusterProps> = {}): BackupClusterProps {
  return {
    name,
    clusterId: cluster.id,
    clusterPrincipalId: cluster.identity.principalId,
    snapshotResourceGroup: { name: `rg-snap-${name}`, id: `/subscriptions/${SUB}/resourceGroups/rg-snap-${name}` },
    ...extra,
  };
}
