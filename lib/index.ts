/**
 * aks-checklist-cdktf: opinionated CDK for Terraform constructs for AKS, checked against The AKS Checklist.
 *
 * Import constructs from their concern folder (e.g. `lib/cluster`) or from here.
 */
export * from './checklist/types';
export { ITEMS } from './checklist/items';
export { catalogue, catalogueItem } from './checklist/catalogue';
export { Checklist } from './checklist/checklist';
export type { Waiver, EnforceOptions, EnforcementMode } from './checklist/checklist';
export { evaluateItem, evaluateAll } from './checklist/evaluate';
export { TerraformDocument } from './core/terraform-document';
export { buildStackReport } from './report/build';
export type { StackReport, ReportItem, ReportStatus } from './report/build';
