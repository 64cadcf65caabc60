/**
 * The one map between checklist items and the Azure Policy built-ins that deliver them. The policy
 * facets (lib/policy/checklist.ts) judge an item by these built-ins; ClusterPolicies records a
 * waiver of these items when one of them is weakened or left out. Pure data.
 */
import type { ItemId } from '../checklist/items';
import type { BuiltinKey } from './builtins';

/** The built-ins that deliver each policy item, in the order the rule reports them. */
export const BUILTINS_BY_ITEM = {
  'development/liveness-probe': ['probes'],
  'development/readiness-probe': ['probes'],
  'development/startup-probe': ['probes'],
  'development/prestop-hook': ['preStopHook'],
  'development/no-naked-pods': ['noNakedPods'],
  'development/requests-and-limits': ['resourceRequests', 'resourceLimits'],
  'resource-management/memory-requests-and-limits': ['resourceRequests', 'resourceLimits'],
  'development/security-context': ['podSecurityRestricted', 'noAutomountApiCredentials'],
  'development/manifest-good-practices': ['noLatestTag', 'uniqueServiceSelectors'],
  'development/image-pull-policy': ['allowedPullPolicy'],
  'disaster-recovery/pod-anti-affinity': ['antiAffinityOrTopologySpread'],
  'resource-management/pod-disruption-budgets': ['accuratePodDisruptionBudgets'],
  'operations/no-default-namespace': ['noDefaultNamespace'],
  'network/internal-load-balancer': ['internalLoadBalancers'],
  'network/ingress-hostname-control': ['ingressHostRequired'],
  'container/allowed-registries-only': ['allowedImages'],
  'windows/no-privileged-containers': ['windowsNoHostProcess', 'windowsNoContainerAdministrator'],
  'windows/memory-usage': ['windowsNoOvercommit'],
} as const satisfies Partial<Record<ItemId, readonly BuiltinKey[]>>;

/** An item a built-in delivers. */
export type PolicyItemId = keyof typeof BUILTINS_BY_ITEM;

/** Built-ins that stand in for another: the baseline pod security initiative replaces the restricted one. */
const ALTERNATIVES: Readonly<Partial<Record<BuiltinKey, BuiltinKey>>> = { podSecurityBaseline: 'podSecurityRestricted' };

/** The checklist items each built-in delivers (for waivers when one is weakened or left out): BUILTINS_BY_ITEM inverted. */
export const ITEMS_BY_BUILTIN: Readonly<Partial<Record<BuiltinKey, readonly ItemId[]>>> = (() => {
  const map: Partial<Record<BuiltinKey, ItemId[]>> = {};
  for (const [item, keys] of Object.entries(BUILTINS_BY_ITEM) as [ItemId, readonly BuiltinKey[]][]) {
    for (const key of keys) {
      (map[key] ??= []).push(item);
    }
  }
  for (const [alternative, of] of Object.entries(ALTERNATIVES) as [BuiltinKey, BuiltinKey][]) {
    map[alternative] = map[of];
  }
  return map;
})();
