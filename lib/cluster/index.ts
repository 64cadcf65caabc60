export * from './secure-aks-cluster';
export { clusterFacets } from './checklist';
export * as clusterRules from './rules';
export { vmLocalDisks, ephemeralCapacityGb } from './vm-sizes';
export type { VmLocalDisks } from './vm-sizes';
