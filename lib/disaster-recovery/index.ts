export * from './aks-backup';
export * from './fleet';
export * from './gitops';
export * from './traffic-manager';
export {
  clusterExtensionsRule,
  dataBackupRule,
  fleetUpgradeRule,
  gitopsRule,
  multiRegionRule,
  storageMigrationRule,
  storageResilienceRule,
  trafficManagementRule,
  trafficManagerRoutingRule,
} from './rules';
