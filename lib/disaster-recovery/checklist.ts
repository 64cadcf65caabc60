import { settingsOf } from '../checklist/settings';
import type { ItemFacet } from '../checklist/types';
import type { AksBackup, AksBackupProps } from './aks-backup';
import type { UpgradeFleet, UpgradeFleetProps } from './fleet';
import type { GitOps, GitOpsProps } from './gitops';
import type { GlobalTrafficManager, GlobalTrafficManagerProps } from './traffic-manager';
import * as rules from './rules';

const aksBackup = settingsOf<AksBackupProps, AksBackup>('AksBackup');
const globalTrafficManager = settingsOf<GlobalTrafficManagerProps, GlobalTrafficManager>('GlobalTrafficManager');
const upgradeFleet = settingsOf<UpgradeFleetProps, UpgradeFleet>('UpgradeFleet');
const gitOps = settingsOf<GitOpsProps, GitOps>('GitOps');

/** The checklist items this concern delivers, each with its rule (see lib/checklist/types.ts). */
export const disasterRecoveryFacets: readonly ItemFacet[] = [
  {
    id: 'operations/kubernetes-version-current',
    delivery: 'option',
    settings: upgradeFleet('members', 'upgradeOrder'),
    rule: rules.fleetUpgradeRule,
    note: 'Across regions: Azure Kubernetes Fleet Manager upgrades one update group (region) per stage with a soak time between stages, so regions never upgrade at once. Start update runs with the strategy from a pipeline (azurerm 4.55 has no fleet auto-upgrade profile).',
  },
  {
    id: 'storage/data-backup',
    delivery: 'option',
    settings: aksBackup('clusters', 'addCluster'),
    rule: rules.dataBackupRule,
    note: 'Azure Backup for AKS (operational tier: disk snapshots and blob); soft delete on by default. Azure Files and Blob CSI volumes are not covered by AKS backup: protect them with Azure Backup for Files/Blobs.',
  },
  {
    id: 'storage/data-backup',
    delivery: 'option',
    settings: aksBackup('sasExpirationPeriod', 'logAnalyticsWorkspaceId'),
    rule: rules.backupStorageHardeningRule,
    note: 'Storage facet: the backup storage account logs SAS tokens valid longer than a day (sas_policy) and sends blob reads, writes and deletes to Log Analytics.',
  },
  {
    id: 'disaster-recovery/storage-migration-plan',
    delivery: 'option',
    settings: aksBackup('clusters[].volumeSnapshots', 'clusters[].clusterScopedResources'),
    rule: rules.storageMigrationRule,
    note:
      'The backup carries the cluster state (persistent volumes and cluster-scoped objects), which AKS Backup restores into another cluster (install AksBackup there too). ' +
      'Application data in Azure Storage or databases needs its own replication (GZRS, geo-replicas) chosen per service: out of this library\'s reach.',
  },
  {
    id: 'operations/gitops',
    delivery: 'option',
    settings: gitOps('configurations', 'addConfiguration'),
    rule: rules.gitopsRule,
    note: 'Flux extension plus Flux configurations; sources are public HTTPS or use a Kubernetes secret created outside Terraform (localAuthReference). Allow GitOps.sourceHosts in the egress firewall.',
  },
  {
    id: 'cluster-setup/cluster-extensions',
    delivery: 'option',
    settings: [...aksBackup(), ...gitOps()],
    rule: rules.clusterExtensionsRule,
    note: 'Extensions (backup, Flux) are installed and upgraded through Azure Resource Manager, not Helm.',
  },
  {
    id: 'disaster-recovery/multi-region',
    delivery: 'option',
    settings: globalTrafficManager('endpoints'),
    rule: rules.multiRegionRule,
    note:
      'One stack per region (the multi-region example uses paired regions) plus a global stack. A stack sees only itself, so the rule judges the global ' +
      "stack's Traffic Manager profile (two or more endpoints in different regions) and any stack with several clusters; single-region stacks are not applicable.",
  },
  {
    id: 'disaster-recovery/traffic-manager-routing',
    delivery: 'option',
    settings: globalTrafficManager('routingMethod', 'monitor'),
    rule: rules.trafficManagerRoutingRule,
    note: 'HTTPS health probes with a path and tolerated failures drive automatic DNS failover; plain HTTP probes need protocol: { protocol: "HTTP", reason } (waiver).',
  },
  {
    id: 'cluster-setup/traffic-management',
    delivery: 'option',
    settings: globalTrafficManager('routingMethod'),
    rule: rules.trafficManagementRule,
    note: 'Priority (failover), Performance (closest region) or Weighted routing in front of the regional entry points (the WAF public IPs).',
  },
  {
    id: 'storage/storage-resilience',
    delivery: 'option',
    settings: aksBackup('redundancy', 'storageReplication'),
    rule: rules.storageResilienceRule,
    note:
      "The rule covers the platform's own state (backup vault ZoneRedundant/GeoRedundant, backup storage ZRS/GZRS). Keeping application state out of " +
      'containers, in PaaS services with multi-region replication, is an application design choice Terraform here cannot see; ZRS storage classes are in-cluster objects.',
  },
];
