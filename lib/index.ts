/**
 * aks-checklist-cdktf: opinionated CDK for Terraform constructs for AKS, checked against The AKS Checklist.
 *
 * Everything is exported here; importing a concern's folder (e.g. `lib/cluster`) loads less.
 */
export * from './checklist/types';
export { ITEMS } from './checklist/items';
export { catalogue, catalogueItem, isItemId, ALL_FACETS } from './checklist/catalogue';
export { Checklist } from './checklist/checklist';
export type { Waiver, EnforceOptions, EnforcementMode } from './checklist/checklist';
export { evaluateItem, evaluateAll } from './checklist/evaluate';
export * as ruleKit from './checklist/rule-kit';
export { TerraformDocument, getPath, blocks, strings } from './core/terraform-document';
export type { TerraformJson, TfBlock, JsonValue, JsonObject, KubernetesObject } from './core/terraform-document';
export * from './core/contracts';
export { PropError, formatPropError } from './core/errors';
export type { ErrorSubject } from './core/errors';
export * as validate from './core/validate';
export { REGIONS, registerRegion, regionInfo, pairedRegion, normalizeRegion, regionNames } from './core/regions';
export type { RegionInfo } from './core/regions';
export { KUBERNETES_VERSIONS } from './core/kubernetes-versions';
export type { KubernetesVersion, UnsupportedKubernetesVersion } from './core/kubernetes-versions';
export { registerVmSize, vmSizeSpec, vmSizeNames } from './core/vm-sizes';
export type { VmSizeSpec } from './core/vm-sizes';
export type { PoolUpgradeProps, UndrainableNodeBehavior } from './core/upgrade-settings';
export * as cidr from './core/cidr';
export { VM_SIZES, vmSize, ephemeralCapacityGiB, supportsPremiumStorage } from './core/vm-sizes';
export type { VmSizeInfo } from './core/vm-sizes';
export { buildStackReport, buildReport } from './report/build';
export type { StackReport, ReportItem, ReportStatus, Report } from './report/build';
export { toMarkdown } from './report/markdown';
export { toJson } from './report/json';
export { toSarif } from './report/sarif';
export { toJunit } from './report/junit';
export * from './cluster';
export * from './node-pools';
export * from './network';
export * from './registry';
export * from './egress';
export * from './key-vault';
export * from './monitoring';
export * from './policy';
export * from './ingress';
export * from './disaster-recovery';
export * from './in-cluster';
export { SecureAksPlatform } from './platform/secure-aks-platform';
export type { SecureAksPlatformProps, PlatformUserPool, PlatformGitOpsProps } from './platform/secure-aks-platform';
export { RequiredTags, DEFAULT_REQUIRED_TAG_KEYS } from './platform/tags';
export type { RequiredTagsProps } from './platform/tags';
export { Naming, regionCode } from './platform/naming';
export type { NamingProps } from './platform/naming';
export { useRemoteState } from './platform/remote-state';
export type { RemoteStateProps } from './platform/remote-state';
export { platformProvider, PLATFORM_RESOURCE_PROVIDERS } from './platform/provider';
export type { PlatformProviderProps } from './platform/provider';
export { topologyMermaid, topologyMarkdown } from './synth/topology';
export { ipPlanMarkdown, IP_PLAN_FILE, TOPOLOGY_FILE } from './synth/artefacts';
export { libraryStack } from './synth/library-stack';
