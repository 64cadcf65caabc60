export * from './secure-aks-cluster';
export * from './cluster-features';
export { clusterFacets } from './checklist';
export * as clusterRules from './rules';
