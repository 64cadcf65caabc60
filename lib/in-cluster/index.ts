export * from './cluster-baseline';
export * from './tenant-namespace';
export * from './fqdn-egress';
export * from './manifests';
export * from './conventions';
export { parseQuantity } from './quantity';
export { loadManifests } from './load';
export { inClusterFacets } from './checklist';
export * as inClusterRules from './rules';
