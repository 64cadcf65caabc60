/**
 * Node pool upgrade settings shared by the system pool (`default_node_pool.upgrade_settings`) and
 * user pools (`azurerm_kubernetes_cluster_node_pool.upgrade_settings`): surge or unavailable nodes,
 * drain timeout, node soak time and what AKS does with a node it cannot drain.
 */
import { assertProp, ErrorSubject } from './errors';
import { checkInt, checkMaxSurge, checkOneOf, isKnown } from './validate';

/** What AKS does with a node whose pods cannot be evicted (a blocking PodDisruptionBudget, a long grace period). */
export type UndrainableNodeBehavior = 'Cordon' | 'Schedule';

/** How a pool is upgraded, node by node. */
export interface PoolUpgradeProps {
  /**
   * Extra nodes during upgrades, a count or a percentage; `'0'` together with `maxUnavailable`
   * upgrades in place (no extra IPs or quota).
   * @default '33%' (the system pool), '10%' (user pools)
   */
  readonly maxSurge?: string;
  /**
   * Nodes that may be unavailable at once during an upgrade, a count or a percentage (user pools
   * only: `default_node_pool` has no such attribute in azurerm 4.55). Needs `maxSurge: '0'`.
   * @default unset (surge upgrades)
   */
  readonly maxUnavailable?: string;
  /**
   * Minutes to wait for a node's pods to be evicted (PodDisruptionBudgets honoured), 1-1440.
   * @default 30 (the AKS default, written explicitly)
   */
  readonly drainTimeoutMinutes?: number;
  /**
   * Minutes to wait after draining a node before reimaging it and moving on, 0-30: time for the
   * workloads to settle on the new nodes before the next one goes.
   * @default 0
   */
  readonly nodeSoakMinutes?: number;
  /**
   * A node that cannot be drained: `Cordon` quarantines it (label
   * `kubernetes.azure.com/upgrade-status=Quarantined`) and replaces it with a surge node so the
   * upgrade finishes for the others; `Schedule` leaves it schedulable and un-upgraded.
   * @default 'Cordon' (needs a surge: with maxSurge '0', 'Schedule')
   */
  readonly undrainableNodeBehavior?: UndrainableNodeBehavior;
}

/** The azurerm `upgrade_settings` block of a pool. */
export interface UpgradeSettingsBlock {
  readonly maxSurge: string;
  readonly maxUnavailable?: string;
  readonly drainTimeoutInMinutes: number;
  readonly nodeSoakDurationInMinutes?: number;
  readonly undrainableNodeBehavior: UndrainableNodeBehavior;
}

const COUNT_OR_PERCENT = /^(\d+)(%?)$/;

function isZero(surge: string): boolean {
  return /^0+%?$/.test(surge);
}

/**
 * Checks a pool's upgrade settings: each value's range, `maxUnavailable` only with `maxSurge '0'`
 * (and never on the system pool), `Cordon` only with surge nodes.
 * @param prefix the props path of the settings, e.g. `systemPool` or `pools.apps`
 * @param options.propNames the caller's own prop names where they differ (NodePoolSet's `drainTimeoutInMinutes`)
 */
export function checkPoolUpgrade(
  at: ErrorSubject,
  prefix: string,
  p: PoolUpgradeProps,
  options: { readonly systemPool?: boolean; readonly propNames?: Partial<Record<keyof PoolUpgradeProps, string>> } = {},
): void {
  const surge = p.maxSurge;
  if (surge !== undefined && !(p.maxUnavailable !== undefined && isKnown(surge) && isZero(surge))) {
    checkMaxSurge(at, `${prefix}.maxSurge`, surge);
  }
  if (p.maxUnavailable !== undefined) {
    assertProp(!options.systemPool, at, `${prefix}.maxUnavailable`, p.maxUnavailable, 'is not an attribute of the system pool (default_node_pool) in azurerm 4.55', 'drop it; the system pool upgrades with maxSurge');
    const m = isKnown(p.maxUnavailable) ? COUNT_OR_PERCENT.exec(p.maxUnavailable) : null;
    assertProp(
      !isKnown(p.maxUnavailable) || (m !== null && Number(m[1]) >= 1 && Number(m[1]) <= 100),
      at,
      `${prefix}.maxUnavailable`,
      p.maxUnavailable,
      'is not a node count or a percentage AKS accepts',
      "give a count from '1' to '100' or a percentage from '1%' to '100%', e.g. '1'",
    );
    assertProp(surge !== undefined && isZero(surge), at, `${prefix}.maxSurge`, surge, 'must be \'0\' with maxUnavailable: AKS either adds surge nodes or takes nodes out, not both', "set maxSurge: '0', or drop maxUnavailable");
  }
  checkInt(at, `${prefix}.${options.propNames?.drainTimeoutMinutes ?? 'drainTimeoutMinutes'}`, p.drainTimeoutMinutes, 1, 1440, 'minutes');
  checkInt(at, `${prefix}.nodeSoakMinutes`, p.nodeSoakMinutes, 0, 30, 'minutes');
  checkOneOf(at, `${prefix}.undrainableNodeBehavior`, p.undrainableNodeBehavior, ['Cordon', 'Schedule']);
  if (p.undrainableNodeBehavior === 'Cordon' && surge !== undefined && isKnown(surge) && isZero(surge)) {
    assertProp(false, at, `${prefix}.undrainableNodeBehavior`, 'Cordon', "needs surge nodes to replace the quarantined node, and maxSurge is '0'", "use 'Schedule', or a maxSurge above 0");
  }
}

/** The `upgrade_settings` block for a pool, with its defaults. */
export function upgradeSettings(p: PoolUpgradeProps, defaultSurge: string): UpgradeSettingsBlock {
  const maxSurge = p.maxSurge ?? defaultSurge;
  return {
    maxSurge,
    maxUnavailable: p.maxUnavailable,
    drainTimeoutInMinutes: p.drainTimeoutMinutes ?? 30,
    nodeSoakDurationInMinutes: p.nodeSoakMinutes,
    undrainableNodeBehavior: p.undrainableNodeBehavior ?? (isZero(maxSurge) ? 'Schedule' : 'Cordon'),
  };
}
