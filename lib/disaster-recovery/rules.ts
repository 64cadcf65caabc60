/**
 * Checklist rules for disaster recovery: AKS Backup, GitOps, cluster extensions and multi-region
 * traffic. They read resources and references only.
 */
import { Check, check, evidenceFor, forEachResource, forEachResourceOf, fromEvidence, oneOf } from '../checklist/rule-kit';
import type { Evidence, Rule } from '../checklist/types';
import { blocks, getPath, strings, TerraformDocument, TfBlock } from '../core/terraform-document';

const CLUSTER = 'azurerm_kubernetes_cluster';
const EXTENSION = 'azurerm_kubernetes_cluster_extension';
const BACKUP_INSTANCE = 'azurerm_data_protection_backup_instance_kubernetes_cluster';
const FLUX = 'azurerm_kubernetes_flux_configuration';
const PROFILE = 'azurerm_traffic_manager_profile';
const ENDPOINTS = ['azurerm_traffic_manager_azure_endpoint', 'azurerm_traffic_manager_external_endpoint', 'azurerm_traffic_manager_nested_endpoint'];

function extensionsOf(doc: TerraformDocument, cluster: TfBlock, type?: string): TfBlock[] {
  return doc
    .referencing(EXTENSION, 'cluster_id', cluster)
    .filter((e) => type === undefined || String(getPath(e.values, 'extension_type') ?? '').toLowerCase() === type);
}

function endpointsOf(doc: TerraformDocument, profile: TfBlock): TfBlock[] {
  return ENDPOINTS.flatMap((t) => doc.referencing(t, 'profile_id', profile));
}

function names(blocks: readonly TfBlock[]): string {
  return blocks.map((b) => b.address).join(', ');
}

/** storage/data-backup: every cluster has an AKS Backup instance, the backup extension and the vault's trusted access. */
export const dataBackupRule: Rule = forEachResource(CLUSTER, (cluster, doc) => {
  const instances = doc.referencing(BACKUP_INSTANCE, 'kubernetes_cluster_id', cluster);
  const extensions = extensionsOf(doc, cluster, 'microsoft.dataprotection.kubernetes');
  const bindings = doc
    .referencing('azurerm_kubernetes_cluster_trusted_access_role_binding', 'kubernetes_cluster_id', cluster)
    .filter((b) => strings(getPath(b.values, 'roles')).some((r) => r.toLowerCase() === 'microsoft.dataprotection/backupvaults/backup-operator'));
  return [
    check('', instances.length > 0, `backed up by ${names(instances)}`, `has no ${BACKUP_INSTANCE}`),
    check('', extensions.length > 0, `backup extension ${names(extensions)}`, 'has no microsoft.dataprotection.kubernetes extension'),
    check('', bindings.length > 0, `vault trusted access ${names(bindings)}`, 'has no trusted access role binding for a backup vault (backup-operator)'),
  ];
});

/**
 * disaster-recovery/storage-migration-plan: every cluster's backup carries its persistent volumes
 * (volume snapshots) and cluster-scoped resources, so its state can be restored into another
 * cluster, and the backup policy keeps it for a set time.
 */
export const storageMigrationRule: Rule = forEachResource(CLUSTER, (cluster, doc) => {
  const instances = doc.referencing(BACKUP_INSTANCE, 'kubernetes_cluster_id', cluster);
  if (instances.length === 0) {
    return [check('', false, '', `has no ${BACKUP_INSTANCE} to restore or migrate its state from`)];
  }
  return instances.flatMap((i): Check[] => {
    const policies = doc.referencedBlocks(getPath(i.values, 'backup_policy_id'), 'azurerm_data_protection_backup_policy_kubernetes_cluster');
    const retention = policies.map((p) => getPath(p.values, 'default_retention_rule.life_cycle.duration')).filter((d) => typeof d === 'string');
    return [
      check('', getPath(i.values, 'backup_datasource_parameters.volume_snapshot_enabled') === true, `${i.address} snapshots persistent volumes`, `${i.address} does not snapshot persistent volumes (volume_snapshot_enabled)`),
      check('', getPath(i.values, 'backup_datasource_parameters.cluster_scoped_resources_enabled') === true, `${i.address} includes cluster-scoped resources`, `${i.address} leaves out cluster-scoped resources (cluster_scoped_resources_enabled)`),
      check('', policies.length === 0 || retention.length > 0, `retention ${retention.join(', ')}`, `${i.address}'s policy has no default retention`),
    ];
  });
});

/** operations/gitops: every cluster has the Flux extension and at least one Flux configuration. */
export const gitopsRule: Rule = forEachResource(CLUSTER, (cluster, doc) => {
  const flux = extensionsOf(doc, cluster, 'microsoft.flux');
  const configs = doc.referencing(FLUX, 'cluster_id', cluster);
  return [
    check('', flux.length > 0, `Flux extension ${names(flux)}`, 'has no microsoft.flux extension'),
    check('', configs.length > 0, `Flux configuration ${names(configs)}`, `has no ${FLUX}`),
  ];
});

/** cluster-setup/cluster-extensions: every cluster gets its extensions as azurerm_kubernetes_cluster_extension resources. */
export const clusterExtensionsRule: Rule = forEachResource(CLUSTER, (cluster, doc) => {
  const extensions = extensionsOf(doc, cluster);
  const types = extensions.map((e) => String(getPath(e.values, 'extension_type')));
  return [check('', extensions.length > 0, `extensions managed by Terraform: ${types.join(', ')}`, `has no ${EXTENSION}`)];
});

/**
 * disaster-recovery/multi-region: a Traffic Manager profile spreads traffic over two or more
 * enabled endpoints, and clusters in one stack are in different regions. A regional stack with one
 * cluster and no profile is not applicable: the global stack carries the evidence.
 */
export const multiRegionRule: Rule = (doc) => {
  const profiles = doc.resources(PROFILE);
  const clusters = doc.resources(CLUSTER);
  const evidence: Evidence[] = profiles.flatMap((p) => {
    const enabled = endpointsOf(doc, p).filter((e) => getPath(e.values, 'enabled') !== false);
    const locations = new Set(enabled.map((e) => getPath(e.values, 'endpoint_location')).filter((l): l is string => typeof l === 'string').map((l) => l.toLowerCase().replace(/\s/g, '')));
    const located = enabled.filter((e) => typeof getPath(e.values, 'endpoint_location') === 'string').length;
    return evidenceFor(p, [
      check('', enabled.length >= 2, `spreads traffic over ${enabled.length} endpoints`, `has ${enabled.length} enabled endpoint(s); a multi-region deployment needs 2 or more`),
      check('', located < 2 || locations.size >= 2, 'endpoints are in different regions', `endpoints are all in ${[...locations].join(', ')}`),
    ]);
  });
  if (clusters.length >= 2) {
    const regions = new Set(clusters.map((c) => getPath(c.values, 'location')).filter((l): l is string => typeof l === 'string').map((l) => l.toLowerCase().replace(/\s/g, '')));
    evidence.push(
      ...clusters.flatMap((c) =>
        evidenceFor(c, [check('location', regions.size >= 2 || clusters.some((o) => typeof getPath(o.values, 'location') !== 'string'), `clusters span ${regions.size} regions`, `all ${clusters.length} clusters are in ${[...regions].join(', ')}`)]),
      ),
    );
  }
  return fromEvidence(evidence, 'no Traffic Manager profile and fewer than two clusters in the stack (judged in the global stack)');
};

/**
 * disaster-recovery/traffic-manager-routing: each Traffic Manager profile fails over on health:
 * HTTPS probes with a path, a tolerated failure count, and a failover-capable routing method.
 */
export const trafficManagerRoutingRule: Rule = forEachResource(PROFILE, (profile) => [
  oneOf(profile, 'traffic_routing_method', ['Priority', 'Performance', 'Weighted', 'Geographic']),
  oneOf(profile, 'monitor_config.protocol', ['HTTPS']),
  check('monitor_config.path', typeof getPath(profile.values, 'monitor_config.path') === 'string', 'probes a health path', 'has no probe path'),
  check(
    'monitor_config.tolerated_number_of_failures',
    typeof getPath(profile.values, 'monitor_config.tolerated_number_of_failures') === 'number',
    'sets the failures tolerated before failover',
    'does not set tolerated_number_of_failures',
  ),
]);

/**
 * cluster-setup/traffic-management: each Traffic Manager profile is enabled and routes to at least
 * one enabled endpoint (Performance routing: each external endpoint declares its region).
 */
export const trafficManagementRule: Rule = forEachResource(PROFILE, (profile, doc) => {
  const endpoints = endpointsOf(doc, profile);
  const enabled = endpoints.filter((e) => getPath(e.values, 'enabled') !== false);
  const performance = getPath(profile.values, 'traffic_routing_method') === 'Performance';
  const unlocated = endpoints.filter((e) => e.type === 'azurerm_traffic_manager_external_endpoint' && typeof getPath(e.values, 'endpoint_location') !== 'string');
  return [
    check('profile_status', getPath(profile.values, 'profile_status') !== 'Disabled', 'is enabled', 'is Disabled'),
    check('', enabled.length > 0, `routes to ${names(enabled)}`, 'has no enabled endpoint'),
    check('', !performance || unlocated.length === 0, 'every external endpoint declares its region', `Performance routing without endpoint_location on ${names(unlocated)}`),
  ];
});

/** The blob service log categories a backup storage account sends to Log Analytics. */
export const BLOB_LOG_CATEGORIES = ['StorageRead', 'StorageWrite', 'StorageDelete'] as const;

/** The storage accounts the AKS backup extensions write to. */
function backupStorageAccounts(doc: TerraformDocument): TfBlock[] {
  const accounts = new Map<string, TfBlock>();
  for (const ext of doc.resources(EXTENSION)) {
    if (String(getPath(ext.values, 'extension_type') ?? '').toLowerCase() === 'microsoft.dataprotection.kubernetes') {
      doc.referencedBlocks(getPath(ext.values, 'configuration_settings'), 'azurerm_storage_account').forEach((a) => accounts.set(a.address, a));
    }
  }
  return [...accounts.values()];
}

/**
 * storage/data-backup (storage facet): the backup storage account limits SAS token lifetimes
 * (sas_policy) and sends its blob service's reads, writes and deletes to Log Analytics.
 */
export const backupStorageHardeningRule: Rule = (doc) =>
  fromEvidence(
    backupStorageAccounts(doc).flatMap((account) => {
      const blobLogs = doc
        .resources('azurerm_monitor_diagnostic_setting')
        .filter((d) => doc.references(getPath(d.values, 'target_resource_id'), account) && /\/blobServices\/default$/i.test(String(getPath(d.values, 'target_resource_id'))))
        .filter((d) => getPath(d.values, 'log_analytics_workspace_id') !== undefined);
      const categories = new Set(blobLogs.flatMap((d) => blocks(getPath(d.values, 'enabled_log')).flatMap((l) => strings(l.category))));
      const missing = BLOB_LOG_CATEGORIES.filter((c) => !categories.has(c));
      return evidenceFor(account, [
        check('sas_policy.expiration_period', typeof getPath(account.values, 'sas_policy.expiration_period') === 'string', `SAS tokens expire within ${getPath(account.values, 'sas_policy.expiration_period')}`, 'has no sas_policy: SAS tokens of any lifetime are accepted silently'),
        check('', missing.length === 0, 'blob reads, writes and deletes go to Log Analytics', `no blob service diagnostic setting to Log Analytics with ${missing.join(', ')}`),
      ]);
    }),
    'no AKS backup storage account in the stack',
  );

/**
 * storage/storage-resilience (platform state): backup vaults are zone- or geo-redundant and the
 * storage accounts the backup extensions write to are ZRS/GZRS/RAGZRS.
 */
export const storageResilienceRule: Rule = (doc) => {
  const vaults = forEachResourceOf(['azurerm_data_protection_backup_vault'], (v) => [oneOf(v, 'redundancy', ['ZoneRedundant', 'GeoRedundant'])])(doc);
  const accountEvidence = backupStorageAccounts(doc).flatMap((a) => evidenceFor(a, [oneOf(a, 'account_replication_type', ['ZRS', 'GZRS', 'RAGZRS'])]));
  return fromEvidence([...vaults.evidence, ...accountEvidence], 'no backup vault or backup storage account in the stack');
};

const FLEET = 'azurerm_kubernetes_fleet_manager';

/**
 * operations/kubernetes-version-current across regions: each Fleet Manager has members in two or
 * more update groups and an update strategy that upgrades them one stage after another (every
 * group in exactly one stage, no stage holding every group), so the regions never upgrade at once.
 * Not applicable without a fleet (each cluster's own channel is judged by the cluster rule).
 */
export const fleetUpgradeRule: Rule = (doc) => {
  const evidence = doc.resources(FLEET).flatMap((fleet): Evidence[] => {
    const members = doc.referencing('azurerm_kubernetes_fleet_member', 'kubernetes_fleet_id', fleet);
    const groups = new Set(members.map((m) => getPath(m.values, 'group')).filter((g): g is string => typeof g === 'string'));
    const strategies = doc.referencing('azurerm_kubernetes_fleet_update_strategy', 'kubernetes_fleet_manager_id', fleet);
    const staged = (s: TfBlock): Check => {
      const stages = blocks(getPath(s.values, 'stage')).map((st) => blocks(getPath(st, 'group')).map((g) => String(getPath(g, 'name'))));
      const all = stages.flat();
      const ok = stages.length >= 2 && [...groups].every((g) => all.filter((x) => x === g).length === 1) && stages.every((st) => st.length < groups.size);
      return check('stage', ok, `${s.address} upgrades ${stages.map((st) => st.join('+')).join(' then ')}`, `${s.address} does not upgrade the groups (${[...groups].join(', ') || 'none'}) one stage after another, each group once`);
    };
    const sequential = strategies.map(staged);
    return evidenceFor(fleet, [
      check('', members.length >= 2 && groups.size >= 2, `has ${members.length} members in ${groups.size} update groups`, `has ${members.length} member(s) in ${groups.size} update group(s); upgrading regions in turn needs two groups or more`),
      sequential.find((c) => c.ok) ?? check('', false, '', strategies.length === 0 ? 'has no update strategy: an update run would upgrade every member at once' : sequential.map((c) => c.message).join('; ')),
    ]);
  });
  return fromEvidence(evidence, 'no Azure Kubernetes Fleet Manager in the stack');
};
