/**
 * The validation kit: the one set of synth-time input checks every construct uses. Each check
 * throws a PropError (construct and path, prop, bad value, fix) and skips values that are
 * unresolved cdktf tokens (only Terraform knows them), unless it says otherwise.
 *
 * Checks take the subject first (`this` inside a construct; see ErrorSubject), then the prop path
 * as the user wrote it (`userPools[0].maxCount`), then the value.
 *
 * The checks live by family in `lib/core/checks/` (tokens and caller errors, reasons and basic
 * choices, regions and VM sizes, network ranges, DNS names and tags, Kubernetes syntax); this
 * module gathers them, so `import { checkCidr } from '../core/validate'` keeps working.
 */
export { PropError } from './errors';
export type { ErrorSubject } from './errors';
export * from './checks/tokens';
export * from './checks/basic';
export * from './checks/placement';
export * from './checks/network';
export * from './checks/names';
export * from './checks/kubernetes';
export { checkKubernetesVersion, KUBERNETES_VERSIONS } from './kubernetes-versions';
export type { KubernetesVersion, UnsupportedKubernetesVersion } from './kubernetes-versions';
