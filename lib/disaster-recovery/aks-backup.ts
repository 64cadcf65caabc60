/**
 * AksBackup: Azure Backup for AKS. A backup vault and a Kubernetes backup policy, and for each
 * cluster the backup extension (Microsoft.DataProtection.Kubernetes) with its own blob container,
 * the vault's trusted access to the cluster, the role assignments Azure Backup documents, and the
 * backup instance.
 *
 * Storage account decisions (checked against the AKS backup prerequisites):
 * - Shared key access stays enabled: the extension's identity is granted "Storage Account
 *   Contributor" (the documented role) and the extension reads the account through it. No key is
 *   written to Terraform.
 * - Anonymous blob access off, TLS 1.2, HTTPS only, OAuth by default, no cross-tenant replication.
 * - Network: firewall default Deny with the trusted Azure services bypass (Azure Backup), and a
 *   private endpoint (blob) in the cluster's network, which the extension's pods use.
 * - Zone-redundant (ZRS) by default; locally redundant needs a reason.
 */
import { DataProtectionBackupInstanceKubernetesCluster } from '@cdktf/provider-azurerm/lib/data-protection-backup-instance-kubernetes-cluster';
import { DataProtectionBackupPolicyKubernetesCluster } from '@cdktf/provider-azurerm/lib/data-protection-backup-policy-kubernetes-cluster';
import { DataProtectionBackupVault } from '@cdktf/provider-azurerm/lib/data-protection-backup-vault';
import { KubernetesClusterExtension } from '@cdktf/provider-azurerm/lib/kubernetes-cluster-extension';
import { KubernetesClusterTrustedAccessRoleBinding } from '@cdktf/provider-azurerm/lib/kubernetes-cluster-trusted-access-role-binding';
import type { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import { Construct } from 'constructs';
import { libraryStack } from '../synth/library-stack';
import { Checklist } from '../checklist/checklist';
import { PropError } from '../core/errors';
import { BuiltInRole, grantRole } from '../core/grants';
import { privateEndpoint } from '../core/private-link';
import { atScope, checkGuid, checkInt, checkLoosening, checkName, checkOneOf, checkPlacement, checkZonesIn, isKnown, isToken, NAME_RULES } from '../core/validate';
import { ResourceDiagnostics } from '../monitoring/diagnostics';
import type { AksBackupProps, BackupClusterProps, BackupSoftDelete, BackupStorageReplication, BackupVaultRedundancy, ClusterBackup } from './aks-backup-props';
import { BLOB_LOG_CATEGORIES } from './rules';


/** The extension's trusted-access role on the cluster. */
export const BACKUP_OPERATOR_ROLE = 'Microsoft.DataProtection/backupVaults/backup-operator';
/** The backup extension's type. */
export const BACKUP_EXTENSION_TYPE = 'microsoft.dataprotection.kubernetes';

export * from './aks-backup-props';

const NAME = 'AksBackup';
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Azure Backup for AKS clusters: vault, policy, storage, and per-cluster extension and instance. */
export class AksBackup extends Construct {
  public readonly vault: DataProtectionBackupVault;
  public readonly policy: DataProtectionBackupPolicyKubernetesCluster;
  public readonly storageAccount: StorageAccount;
  private readonly props: AksBackupProps;
  private readonly clusters = new Map<string, ClusterBackup>();
  private readonly snapshotGroups = new Set<string>();

  public constructor(scope: Construct, id: string, props: AksBackupProps) {
    super(scope, id);
    libraryStack(this);
    this.props = props;
    atScope(this, () => validate(this, props));
    const { redundancy, replication } = backupRedundancy(props);
    for (const local of [checkLoosening(this, 'redundancy', props.redundancy, 'redundancy', ['LocallyRedundant'], 'zone and geo redundancy of the backup vault off'), checkLoosening(this, 'storageReplication', props.storageReplication, 'replication', ['LRS'], 'zone and geo redundancy of the backup storage off')]) {
      if (local) {
        Checklist.of(this).waive('storage/storage-resilience', local.reason);
      }
    }
    const softDeleteOff = checkLoosening(this, 'softDelete', props.softDelete, 'state', ['Off'], 'soft delete of backups off');
    const softDelete: BackupSoftDelete = softDeleteOff ? 'Off' : ((props.softDelete as BackupSoftDelete | undefined) ?? 'On');
    if (softDeleteOff) {
      Checklist.of(this).waive('storage/data-backup', softDeleteOff.reason);
    }
    const placement = { resourceGroupName: props.resourceGroupName, location: props.location, tags: { ...(props.tags ?? {}) } };

    this.vault = new DataProtectionBackupVault(this, 'vault', {
      ...placement,
      name: props.vaultName,
      datastoreType: 'VaultStore',
      redundancy,
      crossRegionRestoreEnabled: props.crossRegionRestore ? true : undefined,
      softDelete,
      retentionDurationInDays: softDelete === 'Off' ? undefined : (props.softDeleteRetentionDays ?? 14),
      immutability: props.immutability ?? 'Unlocked',
      identity: { type: 'SystemAssigned' },
    });

    const schedule = props.schedule ?? {};
    const hours = schedule.intervalHours ?? 24;
    this.policy = new DataProtectionBackupPolicyKubernetesCluster(this, 'policy', {
      name: `aks-every-${hours}h`,
      resourceGroupName: props.resourceGroupName,
      vaultName: this.vault.name,
      backupRepeatingTimeIntervals: [`R/2024-01-01T${schedule.startTime ?? '02:00'}:00+00:00/${hours === 24 ? 'P1D' : `PT${hours}H`}`],
      defaultRetentionRule: { lifeCycle: [{ dataStoreType: 'OperationalStore', duration: `P${schedule.retentionDays ?? 14}D` }] },
    });

    this.storageAccount = new StorageAccount(this, 'storage', {
      ...placement,
      name: props.storageAccountName,
      accountKind: 'StorageV2',
      accountTier: 'Standard',
      accountReplicationType: replication,
      minTlsVersion: 'TLS1_2',
      httpsTrafficOnlyEnabled: true,
      allowNestedItemsToBePublic: false,
      crossTenantReplicationEnabled: false,
      defaultToOauthAuthentication: true,
      infrastructureEncryptionEnabled: true,
      sharedAccessKeyEnabled: true,
      networkRules: { defaultAction: 'Deny', bypass: ['AzureServices'], ipRules: [], virtualNetworkSubnetIds: [] },
      blobProperties: { deleteRetentionPolicy: { days: 7 }, containerDeleteRetentionPolicy: { days: 7 } },
      sasPolicy: { expirationPeriod: props.sasExpirationPeriod ?? '01.00:00:00', expirationAction: 'Log' },
    });
    if (props.logAnalyticsWorkspaceId) {
      new ResourceDiagnostics(this, 'storage-blob-logs', {
        targetResourceId: `${this.storageAccount.id}/blobServices/default`,
        logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId,
        categories: [...BLOB_LOG_CATEGORIES],
        metrics: ['Transaction'],
      });
    }
    privateEndpoint(this, 'storage-endpoint', {
      ...placement,
      name: `${props.storageAccountName}-blob-pe`,
      subnetId: props.storagePrivateEndpoint.subnetId,
      connectionName: `${props.storageAccountName}-blob`,
      targetResourceId: this.storageAccount.id,
      subresource: 'blob',
      privateDnsZoneId: props.storagePrivateEndpoint.privateDnsZoneId,
    });
    grantRole(this, 'vault-blob-data', { scope: this.storageAccount.id, role: 'Storage Blob Data Contributor', principalId: this.vault.identity.principalId, principalType: 'ServicePrincipal' });

    for (const cluster of props.clusters ?? []) {
      this.addCluster(cluster);
    }
  }

  /** The clusters backed up so far, by name. */
  public get backups(): ReadonlyMap<string, ClusterBackup> {
    return this.clusters;
  }

  /** Backs up one more cluster: extension, blob container, trusted access, role assignments, instance. */
  public addCluster(cluster: BackupClusterProps): ClusterBackup {
    atScope(this, () => validateCluster(cluster, this.props, this.clusters, this.snapshotGroups));
    const scope = new Construct(this, `cluster-${cluster.name}`);
    const vaultPrincipal = this.vault.identity.principalId;
    const grant = (id: string, target: string, role: BuiltInRole, principalId: string): RoleAssignment =>
      grantRole(scope, id, { scope: target, role, principalId, principalType: 'ServicePrincipal' });

    const container = new StorageContainer(scope, 'container', {
      name: `aks-${cluster.name}`,
      storageAccountId: this.storageAccount.id,
      containerAccessType: 'private',
    });
    const extension = new KubernetesClusterExtension(scope, 'extension', {
      name: 'azure-aks-backup',
      clusterId: cluster.clusterId,
      extensionType: BACKUP_EXTENSION_TYPE,
      releaseTrain: 'stable',
      releaseNamespace: 'dataprotection-microsoft',
      configurationSettings: {
        'configuration.backupStorageLocation.bucket': container.name,
        'configuration.backupStorageLocation.config.resourceGroup': this.props.resourceGroupName,
        'configuration.backupStorageLocation.config.storageAccount': this.storageAccount.name,
        'configuration.backupStorageLocation.config.subscriptionId': this.props.subscriptionId,
        'credentials.tenantId': this.props.tenantId,
      },
    });
    const trustedAccess = new KubernetesClusterTrustedAccessRoleBinding(scope, 'trusted-access', {
      name: 'backup-vault',
      kubernetesClusterId: cluster.clusterId,
      roles: [BACKUP_OPERATOR_ROLE],
      sourceResourceId: this.vault.id,
    });
    const snapshots = cluster.snapshotResourceGroup.id;
    const grants = [
      grant('extension-storage', this.storageAccount.id, 'Storage Account Contributor', extension.aksAssignedIdentity.get(0).principalId),
      grant('vault-reader-cluster', cluster.clusterId, 'Reader', vaultPrincipal),
      grant('vault-reader-snapshots', snapshots, 'Reader', vaultPrincipal),
      grant('vault-snapshot-contributor', snapshots, 'Disk Snapshot Contributor', vaultPrincipal),
      grant('vault-disk-operator', snapshots, 'Data Operator for Managed Disks', vaultPrincipal),
      grant('cluster-snapshot-contributor', snapshots, 'Contributor', cluster.clusterPrincipalId),
    ];
    const instance = new DataProtectionBackupInstanceKubernetesCluster(scope, 'instance', {
      name: `aks-${cluster.name}`,
      location: cluster.location ?? this.props.location,
      vaultId: this.vault.id,
      kubernetesClusterId: cluster.clusterId,
      snapshotResourceGroupName: cluster.snapshotResourceGroup.name,
      backupPolicyId: this.policy.id,
      backupDatasourceParameters: {
        volumeSnapshotEnabled: cluster.volumeSnapshots ?? true,
        clusterScopedResourcesEnabled: cluster.clusterScopedResources ?? true,
        includedNamespaces: cluster.includedNamespaces ? [...cluster.includedNamespaces] : undefined,
        excludedNamespaces: cluster.excludedNamespaces ? [...cluster.excludedNamespaces] : undefined,
      },
      dependsOn: [extension, trustedAccess, ...grants],
    });
    const backup: ClusterBackup = { extension, container, trustedAccess, instance };
    this.clusters.set(cluster.name, backup);
    return backup;
  }
}

function validate(at: AksBackup, props: AksBackupProps): void {
  checkPlacement(at, props, { storage: true });
  const sas = props.sasExpirationPeriod;
  if (sas !== undefined && !isToken(sas)) {
    const m = /^(\d{1,3})\.(\d{2}):(\d{2}):(\d{2})$/.exec(sas);
    const ok = m !== null && Number(m[2]) < 24 && Number(m[3]) < 60 && Number(m[4]) < 60 && Number(m[1]) <= 365 && sas !== '00.00:00:00' && sas !== '0.00:00:00';
    if (!ok) {
      throw new PropError(at, 'sasExpirationPeriod', sas, 'is not a SAS expiration period DD.HH:MM:SS from one second to 365 days', "write it like '01.00:00:00' (one day) or '00.08:00:00' (eight hours)");
    }
  }
  checkGuid(at, 'subscriptionId', props.subscriptionId, 'the subscription id');
  checkGuid(at, 'tenantId', props.tenantId, 'the Entra tenant id');
  const { redundancy, replication } = backupRedundancy(props);
  const byDefault = (given: unknown): string => (given === undefined ? ' (the default)' : '');
  if (redundancy === 'ZoneRedundant') {
    checkZonesIn(at, 'redundancy', redundancy, props.location, `a zone-redundant backup vault${byDefault(props.redundancy)}`, "set redundancy: 'GeoRedundant'");
  }
  if (replication === 'ZRS' || replication === 'GZRS' || replication === 'RAGZRS') {
    checkZonesIn(at, 'storageReplication', replication, props.location, `zone-redundant storage${byDefault(props.storageReplication)}`, "set storageReplication: { replication: 'LRS', reason: '<why>' }");
  }
  checkName(NAME, 'vaultName', props.vaultName, NAME_RULES.backupVault);
  checkName(NAME, 'storageAccountName', props.storageAccountName, NAME_RULES.storageAccount);
  checkOneOf(NAME, 'redundancy', redundancy, ['ZoneRedundant', 'GeoRedundant', 'LocallyRedundant']);
  checkOneOf(NAME, 'storageReplication', replication, ['ZRS', 'GZRS', 'RAGZRS', 'LRS']);
  checkOneOf(NAME, 'softDelete', typeof props.softDelete === 'object' ? undefined : props.softDelete, ['On', 'AlwaysOn', 'Off']);
  checkOneOf(NAME, 'immutability', props.immutability, ['Disabled', 'Unlocked', 'Locked']);
  checkInt(NAME, 'softDeleteRetentionDays', props.softDeleteRetentionDays, 14, 180, ' days');
  if (props.crossRegionRestore && redundancy !== 'GeoRedundant') {
    throw new PropError(NAME, 'crossRegionRestore', props.crossRegionRestore, `needs redundancy 'GeoRedundant' (it is '${redundancy}')`, "set redundancy: 'GeoRedundant', or drop crossRegionRestore");
  }
  const schedule = props.schedule ?? {};
  checkOneOf(NAME, 'schedule.intervalHours', schedule.intervalHours, [4, 6, 8, 12, 24]);
  checkInt(NAME, 'schedule.retentionDays', schedule.retentionDays, 1, 360, ' days');
  if (schedule.startTime !== undefined && !HH_MM.test(schedule.startTime)) {
    throw new PropError(NAME, 'schedule.startTime', schedule.startTime, 'is not a time of day HH:MM', "give a UTC time like '02:00'");
  }
}

function validateCluster(cluster: BackupClusterProps, props: AksBackupProps, existing: ReadonlyMap<string, ClusterBackup>, groups: Set<string>): void {
  const prop = `clusters[${cluster.name}]`;
  if (!/^[a-z0-9](?!.*--)[a-z0-9-]{0,54}[a-z0-9]$/.test(cluster.name)) {
    throw new PropError(NAME, `${prop}.name`, cluster.name, 'is not 2-56 lowercase letters, digits and single hyphens', 'use a short name such as the cluster name, e.g. aks-weu-1');
  }
  checkName(NAME, `${prop}.name`, `aks-${cluster.name}`, NAME_RULES.storageContainer);
  if (existing.has(cluster.name)) {
    throw new PropError(NAME, `${prop}.name`, cluster.name, 'is already backed up by this AksBackup', 'give each cluster a distinct name');
  }
  const location = cluster.location ?? props.location;
  if (isKnown(location) && isKnown(props.location) && norm(location) !== norm(props.location)) {
    throw new PropError(NAME, `${prop}.location`, location, `differs from the vault's region '${props.location}' (AKS backup needs the vault in the cluster's region)`, 'create one AksBackup per region');
  }
  const rg = cluster.snapshotResourceGroup.id;
  if (isKnown(rg)) {
    if (groups.has(rg)) {
      throw new PropError(NAME, `${prop}.snapshotResourceGroup`, rg, 'is already the snapshot resource group of another cluster', 'give each cluster its own snapshot resource group');
    }
    groups.add(rg);
  }
  for (const ns of [...(cluster.includedNamespaces ?? []), ...(cluster.excludedNamespaces ?? [])]) {
    checkName(NAME, `${prop}.includedNamespaces/excludedNamespaces`, ns, NAME_RULES.kubernetesName);
  }
}

function norm(region: string): string {
  return region.toLowerCase().replace(/\s/g, '');
}

/** The vault redundancy and storage replication, defaults applied (a loosening object gives its value). */
function backupRedundancy(props: AksBackupProps): { readonly redundancy: BackupVaultRedundancy; readonly replication: BackupStorageReplication } {
  const r = props.redundancy;
  const s = props.storageReplication;
  return {
    redundancy: typeof r === 'object' && r !== null ? r.redundancy : r ?? 'ZoneRedundant',
    replication: typeof s === 'object' && s !== null ? s.replication : s ?? 'ZRS',
  };
}
