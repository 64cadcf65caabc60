import { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { AksBackup, AksBackupProps, BackupClusterProps } from '../../lib/disaster-recovery/aks-backup';
import { waiversIn } from '../../lib/report/build';
import { describeItem } from '../support/items';
import { mutate, synthDoc } from '../support/synth';
import { backupCluster, backupProps, bareCluster, SUB, TENANT } from './fixtures';

const backedUp = (extra: Partial<AksBackupProps> = {}) =>
  synthDoc((stack) => {
    const cluster = bareCluster(stack);
    new AksBackup(stack, 'backup', backupProps({ ...extra, clusters: [backupCluster(cluster)] }));
  });

const build = (extra: Partial<AksBackupProps>, cluster: (c: KubernetesCluster) => BackupClusterProps = (c) => backupCluster(c)) => () => {
  synthDoc((stack) => {
    new AksBackup(stack, 'backup', backupProps({ ...extra, clusters: [cluster(bareCluster(stack))] }));
  });
};

const one = (doc: ReturnType<typeof backedUp>, type: string) => doc.resources(type)[0].values;
const EXT = 'azurerm_kubernetes_cluster_extension';
const INSTANCE = 'azurerm_data_protection_backup_instance_kubernetes_cluster';

describe('AksBackup', () => {
  const doc = backedUp();

  test('a zone-redundant vault with its identity, soft delete and unlocked immutability', () => {
    expect(one(doc, 'azurerm_data_protection_backup_vault')).toMatchObject({
      name: 'bv-platform-weu',
      datastore_type: 'VaultStore',
      redundancy: 'ZoneRedundant',
      soft_delete: 'On',
      retention_duration_in_days: 14,
      immutability: 'Unlocked',
      identity: { type: 'SystemAssigned' },
    });
    expect(one(doc, 'azurerm_data_protection_backup_vault').cross_region_restore_enabled).toBeUndefined();
  });

  test('a daily policy kept 14 days in the operational tier', () => {
    expect(one(doc, 'azurerm_data_protection_backup_policy_kubernetes_cluster')).toMatchObject({
      backup_repeating_time_intervals: ['R/2024-01-01T02:00:00+00:00/P1D'],
      default_retention_rule: { life_cycle: [{ data_store_type: 'OperationalStore', duration: 'P14D' }] },
    });
  });

  test('a locked-down ZRS storage account reached through a blob private endpoint', () => {
    expect(one(doc, 'azurerm_storage_account')).toMatchObject({
      account_replication_type: 'ZRS',
      min_tls_version: 'TLS1_2',
      https_traffic_only_enabled: true,
      allow_nested_items_to_be_public: false,
      cross_tenant_replication_enabled: false,
      default_to_oauth_authentication: true,
      network_rules: { default_action: 'Deny', bypass: ['AzureServices'], ip_rules: [], virtual_network_subnet_ids: [] },
    });
    expect(one(doc, 'azurerm_private_endpoint')).toMatchObject({
      private_service_connection: { subresource_names: ['blob'], is_manual_connection: false },
      private_dns_zone_group: { private_dns_zone_ids: [backupProps().storagePrivateEndpoint.privateDnsZoneId] },
    });
    expect(one(doc, 'azurerm_storage_container')).toMatchObject({ name: 'aks-weu1', container_access_type: 'private', storage_account_id: expect.stringMatching(/^\$\{azurerm_storage_account\./) });
  });

  test('SAS tokens valid longer than a day are logged; blob reads, writes and deletes go to Log Analytics', () => {
    expect(one(doc, 'azurerm_storage_account')).toMatchObject({ sas_policy: { expiration_period: '01.00:00:00', expiration_action: 'Log' } });
    expect(one(doc, 'azurerm_monitor_diagnostic_setting')).toMatchObject({
      target_resource_id: expect.stringMatching(/^\$\{azurerm_storage_account\.[^}]+\.id\}\/blobServices\/default$/),
      log_analytics_workspace_id: backupProps().logAnalyticsWorkspaceId,
      enabled_log: [{ category: 'StorageRead' }, { category: 'StorageWrite' }, { category: 'StorageDelete' }],
      enabled_metric: [{ category: 'Transaction' }],
    });
    const hours = backedUp({ sasExpirationPeriod: '00.08:00:00', logAnalyticsWorkspaceId: undefined });
    expect(one(hours, 'azurerm_storage_account')).toMatchObject({ sas_policy: { expiration_period: '00.08:00:00' } });
    expect(hours.resources('azurerm_monitor_diagnostic_setting')).toHaveLength(0);
  });

  test('the backup extension is configured with its container, account, subscription and tenant; no key', () => {
    expect(one(doc, EXT)).toMatchObject({
      extension_type: 'microsoft.dataprotection.kubernetes',
      release_train: 'stable',
      release_namespace: 'dataprotection-microsoft',
      configuration_settings: {
        'configuration.backupStorageLocation.bucket': expect.stringMatching(/^\$\{azurerm_storage_container\..*\.name\}$/),
        'configuration.backupStorageLocation.config.resourceGroup': 'rg-platform',
        'configuration.backupStorageLocation.config.storageAccount': expect.stringMatching(/^\$\{azurerm_storage_account\..*\.name\}$/),
        'configuration.backupStorageLocation.config.subscriptionId': SUB,
        'credentials.tenantId': TENANT,
      },
    });
    expect(one(doc, EXT).configuration_protected_settings).toBeUndefined();
    expect(JSON.stringify(doc.json)).not.toMatch(/"(access_key|account_key|sas_token|primary_access_key|connection_string|password)"\s*:/);
  });

  test('trusted access for the vault and the documented role assignments', () => {
    expect(one(doc, 'azurerm_kubernetes_cluster_trusted_access_role_binding')).toMatchObject({
      roles: ['Microsoft.DataProtection/backupVaults/backup-operator'],
      source_resource_id: expect.stringMatching(/^\$\{azurerm_data_protection_backup_vault\..*\.id\}$/),
      kubernetes_cluster_id: '${azurerm_kubernetes_cluster.aks.id}',
    });
    const grants = doc.resources('azurerm_role_assignment').map((r) => [r.values.role_definition_name, String(r.values.principal_id).replace(/\$\{([a-z_]+)\..*\}/, '$1')]);
    expect(grants.sort()).toEqual(
      [
        ['Storage Blob Data Contributor', 'azurerm_data_protection_backup_vault'],
        ['Storage Account Contributor', 'azurerm_kubernetes_cluster_extension'],
        ['Reader', 'azurerm_data_protection_backup_vault'],
        ['Reader', 'azurerm_data_protection_backup_vault'],
        ['Disk Snapshot Contributor', 'azurerm_data_protection_backup_vault'],
        ['Data Operator for Managed Disks', 'azurerm_data_protection_backup_vault'],
        ['Contributor', 'azurerm_kubernetes_cluster'],
      ].sort(),
    );
  });

  test('the backup instance snapshots volumes and cluster-scoped resources, after its prerequisites', () => {
    const instance = doc.resources(INSTANCE)[0];
    expect(instance.values).toMatchObject({
      location: 'westeurope',
      snapshot_resource_group_name: 'rg-snap-weu1',
      backup_datasource_parameters: { volume_snapshot_enabled: true, cluster_scoped_resources_enabled: true },
    });
    const deps = instance.values.depends_on as string[];
    expect(deps).toHaveLength(8);
    expect(deps.filter((d) => d.startsWith('azurerm_role_assignment.'))).toHaveLength(6);
  });

  test('addCluster backs up a second cluster with its own container', () => {
    const two = synthDoc((stack) => {
      const backup = new AksBackup(stack, 'backup', backupProps());
      backup.addCluster(backupCluster(bareCluster(stack, 'a'), 'a1'));
      backup.addCluster(backupCluster(bareCluster(stack, 'b'), 'b1'));
      expect([...backup.backups.keys()]).toEqual(['a1', 'b1']);
    });
    expect(two.resources('azurerm_storage_container').map((c) => c.values.name).sort()).toEqual(['aks-a1', 'aks-b1']);
    expect(two.resources(INSTANCE)).toHaveLength(2);
  });

  test('a 6-hourly schedule, geo-redundant vault with cross-region restore', () => {
    const d = backedUp({ redundancy: 'GeoRedundant', crossRegionRestore: true, schedule: { intervalHours: 6, startTime: '01:30', retentionDays: 30 } });
    expect(one(d, 'azurerm_data_protection_backup_vault')).toMatchObject({ redundancy: 'GeoRedundant', cross_region_restore_enabled: true });
    expect(one(d, 'azurerm_data_protection_backup_policy_kubernetes_cluster')).toMatchObject({
      backup_repeating_time_intervals: ['R/2024-01-01T01:30:00+00:00/PT6H'],
      default_retention_rule: { life_cycle: [{ duration: 'P30D' }] },
    });
  });

  test('locally redundant storage with a reason is a waiver of storage/storage-resilience', () => {
    const d = backedUp({ storageReplication: { replication: 'LRS', reason: 'rehearsal environment, deleted nightly' } });
    expect(one(d, 'azurerm_storage_account').account_replication_type).toBe('LRS');
    expect(waiversIn(d)).toEqual([{ item: 'storage/storage-resilience', path: 'test/backup', reason: 'rehearsal environment, deleted nightly' }]);
  });

  test('a locally redundant vault with a reason is a waiver of storage/storage-resilience', () => {
    const d = backedUp({ redundancy: { redundancy: 'LocallyRedundant', reason: 'rehearsal environment, deleted nightly' } });
    expect(one(d, 'azurerm_data_protection_backup_vault')).toMatchObject({ redundancy: 'LocallyRedundant' });
    expect(waiversIn(d)).toEqual([{ item: 'storage/storage-resilience', path: 'test/backup', reason: 'rehearsal environment, deleted nightly' }]);
  });

  test('soft delete off with a reason is a waiver of storage/data-backup', () => {
    const d = backedUp({ softDelete: { state: 'Off', reason: 'rehearsal vault, emptied nightly' } });
    expect(one(d, 'azurerm_data_protection_backup_vault')).toMatchObject({ soft_delete: 'Off' });
    expect(waiversIn(d)).toEqual([{ item: 'storage/data-backup', path: 'test/backup', reason: 'rehearsal vault, emptied nightly' }]);
  });

  describe('bad input', () => {
    test('an invalid vault name', () => expect(build({ vaultName: '1vault' })).toThrow(/AksBackup '[^']+': prop 'vaultName' = '1vault'/));
    test('subscription and tenant ids that are not GUIDs', () => {
      expect(build({ subscriptionId: 'contoso-prod' })).toThrow(/AksBackup 'backup': prop 'subscriptionId' = 'contoso-prod' is not a GUID\. Fix: give the subscription id as a GUID/);
      expect(build({ tenantId: 'contoso.onmicrosoft.com' })).toThrow(/AksBackup 'backup': prop 'tenantId' = 'contoso.onmicrosoft.com' is not a GUID/);
    });
    test('a zone-redundant vault or ZRS storage in a region without availability zones', () => {
      expect(build({ location: 'ukwest' })).toThrow(/AksBackup 'backup': prop 'redundancy' = 'ZoneRedundant' asks for a zone-redundant backup vault \(the default\), but ukwest has no availability zones\. Fix: set redundancy: 'GeoRedundant', or deploy to a region with availability zones \(e\.g\. 'uksouth'\)/);
      expect(build({ location: 'ukwest', redundancy: 'GeoRedundant', storageReplication: 'GZRS' })).toThrow(/prop 'storageReplication' = 'GZRS' asks for zone-redundant storage, but ukwest has no availability zones/);
      expect(build({ location: 'uksouth' })).not.toThrow();
    });
    test('a region that does not exist, and a storage tag key longer than 128 characters', () => {
      expect(build({ location: 'westeurop' })).toThrow(/AksBackup 'backup': prop 'location' = 'westeurop' is not an Azure region\. Fix: did you mean 'westeurope'/);
      expect(build({ tags: { ['k'.repeat(129)]: 'v' } })).toThrow(/longer than the 128 characters Azure allows in a tag key of a storage account/);
    });
    test.each(['1d', '00.00:00:00', '400.00:00:00', '01.24:00:00', '1.00:00'])('a SAS expiration period %s that is not DD.HH:MM:SS up to 365 days', (period) =>
      expect(build({ sasExpirationPeriod: period })).toThrow(/AksBackup 'backup': prop 'sasExpirationPeriod' = .* is not a SAS expiration period/));
    test('an invalid storage account name', () => expect(build({ storageAccountName: 'St-Backup' })).toThrow(/AksBackup 'backup': prop 'storageAccountName' = 'St-Backup'/));
    test('retention of 0 days', () => expect(build({ schedule: { retentionDays: 0 } })).toThrow(/AksBackup 'backup': prop 'schedule.retentionDays' = 0.*1-360/));
    test('retention of 400 days', () => expect(build({ schedule: { retentionDays: 400 } })).toThrow(/AksBackup 'backup': prop 'schedule.retentionDays' = 400/));
    test('an unsupported interval', () => expect(build({ schedule: { intervalHours: 5 as never } })).toThrow(/AksBackup 'backup': prop 'schedule.intervalHours' = 5/));
    test('a start time that is not HH:MM', () => expect(build({ schedule: { startTime: '2am' } })).toThrow(/AksBackup 'backup': prop 'schedule.startTime' = '2am'/));
    test('soft delete retention below 14 days', () => expect(build({ softDeleteRetentionDays: 7 })).toThrow(/AksBackup 'backup': prop 'softDeleteRetentionDays' = 7/));
    test('cross-region restore on a zone-redundant vault', () => expect(build({ crossRegionRestore: true })).toThrow(/AksBackup 'backup': prop 'crossRegionRestore'.*GeoRedundant/));
    test('LRS without a reason', () => {
      expect(build({ storageReplication: 'LRS' as never })).toThrow(/AksBackup 'backup': prop 'storageReplication' = 'LRS' turns zone and geo redundancy of the backup storage off without a reason\. Fix: give storageReplication: \{ replication: 'LRS', reason/);
      expect(build({ storageReplication: { replication: 'LRS', reason: 'short' } })).toThrow(/AksBackup 'backup': prop 'storageReplication\.reason' = 'short'/);
    });
    test('a locally redundant vault without a reason', () => {
      expect(build({ redundancy: 'LocallyRedundant' as never })).toThrow(/AksBackup 'backup': prop 'redundancy' = 'LocallyRedundant' turns zone and geo redundancy of the backup vault off without a reason/);
      expect(build({ redundancy: { redundancy: 'LocallyRedundant', reason: '' } })).toThrow(/AksBackup 'backup': prop 'redundancy\.reason' = ''/);
    });
    test('soft delete off without a reason', () => {
      expect(build({ softDelete: 'Off' as never })).toThrow(/AksBackup 'backup': prop 'softDelete' = 'Off' turns soft delete of backups off without a reason\. Fix: give softDelete: \{ state: 'Off', reason/);
      expect(build({ softDelete: { state: 'Off', reason: 'todo' } })).toThrow(/AksBackup 'backup': prop 'softDelete\.reason' = 'todo'/);
    });
    test('a cluster in another region', () =>
      expect(build({}, (c) => backupCluster(c, 'neu1', { location: 'northeurope' }))).toThrow(/AksBackup 'backup': prop 'clusters\[neu1\].location' = 'northeurope'/));
    test('an invalid cluster name', () => expect(build({}, (c) => backupCluster(c, 'WEU_1'))).toThrow(/AksBackup 'backup': prop 'clusters\[WEU_1\].name'/));
    test('an invalid namespace', () => expect(build({}, (c) => backupCluster(c, 'weu1', { excludedNamespaces: ['Kube_System'] }))).toThrow(/AksBackup 'backup': prop 'clusters\[weu1\].*Namespaces' = 'Kube_System'/));
    test('the same cluster name twice', () =>
      expect(() =>
        synthDoc((stack) => {
          const backup = new AksBackup(stack, 'backup', backupProps());
          backup.addCluster(backupCluster(bareCluster(stack, 'a'), 'x1'));
          backup.addCluster(backupCluster(bareCluster(stack, 'b'), 'x1'));
        }),
      ).toThrow(/AksBackup 'backup': prop 'clusters\[x1\].name' = 'x1' is already backed up/));
    test('one snapshot resource group for two clusters', () =>
      expect(() =>
        synthDoc((stack) => {
          const backup = new AksBackup(stack, 'backup', backupProps());
          const shared = { name: 'rg-snap', id: '/subscriptions/s/resourceGroups/rg-snap' };
          backup.addCluster(backupCluster(bareCluster(stack, 'a'), 'a1', { snapshotResourceGroup: shared }));
          backup.addCluster(backupCluster(bareCluster(stack, 'b'), 'b1', { snapshotResourceGroup: shared }));
        }),
      ).toThrow(/AksBackup 'backup': prop 'clusters\[b1\].snapshotResourceGroup'/));
  });
});

const bare = () => synthDoc((stack) => void bareCluster(stack));

describeItem('storage/data-backup', {
  compliant: { 'AksBackup with defaults': () => backedUp() },
  nonCompliant: {
    'a cluster without backup': bare,
    'backup instance removed': () => mutate(backedUp(), (j) => delete j.resource[INSTANCE]),
    'trusted access removed': () => mutate(backedUp(), (j) => delete j.resource.azurerm_kubernetes_cluster_trusted_access_role_binding),
    'backup storage without a SAS policy': () => mutate(backedUp(), (j) => Object.values<any>(j.resource.azurerm_storage_account).forEach((a) => delete a.sas_policy)),
    'backup storage without blob logs': () => backedUp({ logAnalyticsWorkspaceId: undefined }),
  },
});

describeItem('disaster-recovery/storage-migration-plan', {
  compliant: { 'AksBackup with defaults': () => backedUp() },
  nonCompliant: {
    'volumes not snapshotted': () =>
      synthDoc((stack) => {
        const c = bareCluster(stack);
        new AksBackup(stack, 'backup', backupProps({ clusters: [backupCluster(c, 'weu1', { volumeSnapshots: false })] }));
      }),
    'cluster-scoped resources left out': () => mutate(backedUp(), (j) => Object.values<any>(j.resource[INSTANCE]).forEach((i) => (i.backup_datasource_parameters.cluster_scoped_resources_enabled = false))),
    'a cluster without backup': bare,
  },
});

describeItem('storage/storage-resilience', {
  compliant: { 'AksBackup with defaults (ZRS, ZoneRedundant)': () => backedUp(), 'geo-redundant': () => backedUp({ redundancy: 'GeoRedundant', storageReplication: 'GZRS' }) },
  nonCompliant: {
    'LRS backup storage': () => mutate(backedUp(), (j) => Object.values<any>(j.resource.azurerm_storage_account).forEach((a) => (a.account_replication_type = 'LRS'))),
    'locally redundant vault': () => mutate(backedUp(), (j) => Object.values<any>(j.resource.azurerm_data_protection_backup_vault).forEach((v) => (v.redundancy = 'LocallyRedundant'))),
  },
  notApplicable: { 'a cluster without backup': bare },
});
