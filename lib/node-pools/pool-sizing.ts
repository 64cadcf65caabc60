/**
 * Pure descriptions of node pools for IP planning: how many nodes a pool can reach (autoscaler
 * maximum plus upgrade surge) and how many pods each node holds. No cdktf: the IP planner and the
 * checklist rules use these too.
 */

/** What the IP planner needs to know about one pool. */
export interface PoolAddressDemand {
  /** Pool name. */
  readonly name: string;
  /** Autoscaler maximum (or the fixed node count). */
  readonly maxNodes: number;
  /** Extra nodes an upgrade adds at once (max_surge); 0 for spot pools, which do not surge. */
  readonly surgeNodes: number;
  /** Pods per node (max_pods). */
  readonly maxPods: number;
}

/**
 * Nodes an upgrade adds at once for a `max_surge` value: `"3"` is three nodes, `"33%"` is 33% of
 * the pool rounded up. AKS's default when none is given is 10%, rounded up, at least one.
 */
export function surgeNodes(maxNodes: number, maxSurge: string | number | undefined): number {
  if (maxSurge === undefined || maxSurge === '') {
    return Math.max(1, Math.ceil(maxNodes * 0.1));
  }
  const text = String(maxSurge).trim();
  const pct = /^(\d+(?:\.\d+)?)%$/.exec(text);
  if (pct) {
    return Math.ceil((maxNodes * Number(pct[1])) / 100);
  }
  const n = Number(text);
  return Number.isFinite(n) && n >= 0 ? Math.ceil(n) : Math.max(1, Math.ceil(maxNodes * 0.1));
}

/** Nodes a pool can have at once: autoscaler maximum plus upgrade surge. */
export function peakNodes(pool: PoolAddressDemand): number {
  return pool.maxNodes + pool.surgeNodes;
}

/** How pods get their IP addresses. */
export type AddressingModel = 'overlay' | 'flat';

/**
 * Subnet addresses a pool needs: with overlay (and kubenet), one per node; with flat Azure CNI,
 * one per node plus one per pod the node can hold.
 */
export function poolSubnetAddresses(pool: PoolAddressDemand, model: AddressingModel): number {
  return peakNodes(pool) * (model === 'flat' ? 1 + pool.maxPods : 1);
}
