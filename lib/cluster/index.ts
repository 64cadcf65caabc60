export * from './secure-aks-cluster';
export { clusterFacets } from './checklist';
export * as clusterRules from './rules';
