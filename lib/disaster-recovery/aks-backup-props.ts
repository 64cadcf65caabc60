/** The props of AksBackup: the clusters it backs up, their schedule, and the vault and storage options. */
import type { DataProtectionBackupInstanceKubernetesCluster } from '@cdktf/provider-azurerm/lib/data-protection-backup-instance-kubernetes-cluster';
import type { KubernetesClusterExtension } from '@cdktf/provider-azurerm/lib/kubernetes-cluster-extension';
import type { KubernetesClusterTrustedAccessRoleBinding } from '@cdktf/provider-azurerm/lib/kubernetes-cluster-trusted-access-role-binding';
import type { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import type { PlacementProps } from '../core/contracts';

/** Backup vault storage redundancy. */
export type BackupVaultRedundancy = 'ZoneRedundant' | 'GeoRedundant' | 'LocallyRedundant';
/** Replication of the storage account that holds the extension's backups. */
export type BackupStorageReplication = 'ZRS' | 'GZRS' | 'RAGZRS' | 'LRS';
/** Backup vault soft delete state. */
export type BackupSoftDelete = 'On' | 'AlwaysOn' | 'Off';
/** A locally redundant backup vault: why. */
export interface LocallyRedundantVault {
  readonly redundancy: 'LocallyRedundant';
  /** Why backups may be lost with one datacenter; recorded as a waiver of storage/storage-resilience. */
  readonly reason: string;
}
/** Locally redundant backup storage: why. */
export interface LocallyRedundantStorage {
  readonly replication: 'LRS';
  /** Why backup blobs may be lost with one datacenter; recorded as a waiver of storage/storage-resilience. */
  readonly reason: string;
}
/** Soft delete of backup data turned off: why. */
export interface BackupSoftDeleteOff {
  readonly state: 'Off';
  /** Why deleted backups may be lost at once; recorded as a waiver of storage/data-backup. */
  readonly reason: string;
}
/** Backup vault immutability state (`Locked` is irreversible). */
export type BackupImmutability = 'Disabled' | 'Unlocked' | 'Locked';
/** Hours between backups that AKS backup supports. */
export type BackupIntervalHours = 4 | 6 | 8 | 12 | 24;

/** When and how long backups are kept (operational tier: disk snapshots + blob). */
export interface BackupSchedule {
  /**
   * Hours between backups.
   * @default 24 (daily)
   */
  readonly intervalHours?: BackupIntervalHours;
  /**
   * First backup time of day, `HH:MM` in UTC.
   * @default '02:00'
   */
  readonly startTime?: string;
  /**
   * Days backups are retained in the operational tier (1-360).
   * @default 14
   */
  readonly retentionDays?: number;
}

/** One cluster to back up. */
export interface BackupClusterProps {
  /** A short name for the cluster's backup resources (blob container, instance): lowercase letters, digits, hyphens. */
  readonly name: string;
  /** Resource id of the AKS cluster. */
  readonly clusterId: string;
  /** Principal id of the cluster's control-plane identity (granted Contributor on the snapshot resource group). */
  readonly clusterPrincipalId: string;
  /**
   * Region of the cluster; must be the vault's region.
   * @default the AksBackup location
   */
  readonly location?: string;
  /** Resource group where disk snapshots are kept (one per cluster): its name and id. */
  readonly snapshotResourceGroup: { readonly name: string; readonly id: string };
  /**
   * Take volume snapshots of persistent volumes (Azure Disk CSI) during backup.
   * @default true
   */
  readonly volumeSnapshots?: boolean;
  /**
   * Back up cluster-scoped resources (CRDs, cluster roles, storage classes ...).
   * @default true
   */
  readonly clusterScopedResources?: boolean;
  /**
   * Namespaces to back up.
   * @default all namespaces
   */
  readonly includedNamespaces?: readonly string[];
  /**
   * Namespaces to leave out.
   * @default none
   */
  readonly excludedNamespaces?: readonly string[];
}

export interface AksBackupProps extends PlacementProps {
  /** Name of the backup vault (2-50 letters, digits, hyphens). */
  readonly vaultName: string;
  /** Name of the storage account for the extension's backups (3-24 lowercase letters and digits, globally unique). */
  readonly storageAccountName: string;
  /** Subscription id of the storage account (the extension's configuration needs it). */
  readonly subscriptionId: string;
  /** Entra tenant id (the extension's configuration needs it). */
  readonly tenantId: string;
  /** Private endpoint of the storage account's blob service, in the clusters' network. */
  readonly storagePrivateEndpoint: {
    /** Subnet id for the private endpoint. */
    readonly subnetId: string;
    /** Id of the `privatelink.blob.core.windows.net` private DNS zone linked to the clusters' network. */
    readonly privateDnsZoneId: string;
  };
  /**
   * Backup vault redundancy. `GeoRedundant` allows crossRegionRestore. A locally redundant vault
   * is a loosening, `{ redundancy: 'LocallyRedundant', reason }`, recorded as a waiver of
   * storage/storage-resilience (a bare `'LocallyRedundant'` is rejected).
   * @default 'ZoneRedundant'
   */
  readonly redundancy?: 'ZoneRedundant' | 'GeoRedundant' | LocallyRedundantVault;
  /**
   * Cross-region restore (GeoRedundant vaults only; cannot be turned off once on).
   * @default false
   */
  readonly crossRegionRestore?: boolean;
  /**
   * Replication of the backup storage account. Locally redundant storage is a loosening,
   * `{ replication: 'LRS', reason }`, recorded as a waiver of storage/storage-resilience (a bare
   * `'LRS'` is rejected).
   * @default 'ZRS'
   */
  readonly storageReplication?: 'ZRS' | 'GZRS' | 'RAGZRS' | LocallyRedundantStorage;
  /**
   * Longest validity of a SAS token on the backup storage account (`DD.HH:MM:SS`, at most 365
   * days): tokens signed for longer are logged (sas_policy, expiration action Log).
   * @default '01.00:00:00' (one day)
   */
  readonly sasExpirationPeriod?: string;
  /**
   * Log Analytics workspace that receives the blob service's read, write and delete logs of the
   * backup storage account.
   * @default no blob diagnostics (SecureAksPlatform passes its workspace)
   */
  readonly logAnalyticsWorkspaceId?: string;
  /**
   * Soft delete of backup data. `AlwaysOn` is irreversible (production). Turning it off is a
   * loosening, `{ state: 'Off', reason }`, recorded as a waiver of storage/data-backup (a bare
   * `'Off'` is rejected).
   * @default 'On'
   */
  readonly softDelete?: 'On' | 'AlwaysOn' | BackupSoftDeleteOff;
  /**
   * Days deleted backup data is kept (14-180).
   * @default 14
   */
  readonly softDeleteRetentionDays?: number;
  /**
   * Vault immutability. `Locked` is irreversible and prevents a rehearsal environment's teardown.
   * @default 'Unlocked'
   */
  readonly immutability?: BackupImmutability;
  /**
   * Backup schedule and retention.
   * @default daily at 02:00 UTC, kept 14 days
   */
  readonly schedule?: BackupSchedule;
  /**
   * Clusters to back up (more with addCluster()).
   * @default none
   */
  readonly clusters?: readonly BackupClusterProps[];
}

/** The resources that back up one cluster. */
export interface ClusterBackup {
  readonly extension: KubernetesClusterExtension;
  readonly container: StorageContainer;
  readonly trustedAccess: KubernetesClusterTrustedAccessRoleBinding;
  readonly instance: DataProtectionBackupInstanceKubernetesCluster;
}
