export * from './aks-backup';
export * from './gitops';
export * from './traffic-manager';
export {
  clusterExtensionsRule,
  dataBackupRule,
  gitopsRule,
  multiRegionRule,
  storageMigrationRule,
  storageResilienceRule,
  trafficManagementRule,
  trafficManagerRoutingRule,
} from './rules';
