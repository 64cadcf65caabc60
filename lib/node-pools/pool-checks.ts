/**
 * NodePoolSet's per-pool props checks and defaults: the resolved settings of a pool, its address
 * demand for the IP planner (pure), and the checks of scaling, OS and host, spot, taints and
 * proximity placement. Each throws PropError naming NodePoolSet, the prop, the value and the fix.
 */
import { Token } from 'cdktf';
import { regionInfo } from '../core/regions';
import { checkReason, isKnown } from '../core/validate';

const CONSTRUCT_NAME = 'NodePoolSet';
import type { INodePoolHost, NodePoolProps, ProximityPlacement, ZonalPoolsProps } from './node-pool-props';
import { PoolAddressDemand, surgeNodes } from './pool-sizing';
import { fail } from './pool-policy';

export const SPOT_TAINT = 'kubernetes.azure.com/scalesetpriority=spot:NoSchedule';
export const SPOT_KEY = 'kubernetes.azure.com/scalesetpriority';
export const CRITICAL_TAINT = 'CriticalAddonsOnly=true:NoSchedule';
const TAINT = /^([A-Za-z0-9][-A-Za-z0-9_./]*)(=([-A-Za-z0-9_.]*))?:(NoSchedule|PreferNoSchedule|NoExecute)$/;

function normaliseZones(zones: readonly (string | number)[], prop: string): string[] {
  const out = zones.map((z) => String(z));
  out.forEach((z) => {
    if (!['1', '2', '3'].includes(z)) {
      fail(prop, zones, `contains zone '${z}', outside 1-3`, 'use zones 1, 2 and/or 3 (check the region has availability zones)');
    }
  });
  if (new Set(out).size !== out.length) {
    fail(prop, zones, 'repeats a zone', 'list each zone once');
  }
  return out;
}

/** Resolved settings of one pool (defaults applied), before any resource is created. */
export interface ResolvedPool {
  readonly osType: 'Linux' | 'Windows';
  readonly osSku: string;
  readonly mode: 'User' | 'System';
  readonly maxPods: number;
  readonly zones: string[];
  readonly maxSurge: string;
  readonly labels: Record<string, string>;
  readonly taints: string[];
}

/** A pool's settings with the defaults applied. */
export function resolve(name: string, props: NodePoolProps, location?: string): ResolvedPool {
  const osType = props.osType ?? 'Linux';
  const labels: Record<string, string> = { ...(props.labels ?? {}) };
  const taints = [...(props.taints ?? [])];
  if (props.dedicatedTo) {
    const key = props.dedicatedTo.key ?? 'workload-class';
    labels[key] = props.dedicatedTo.value;
    taints.push(`${key}=${props.dedicatedTo.value}:NoSchedule`);
  }
  return {
    osType,
    osSku: props.osSku ?? (osType === 'Windows' ? 'Windows2022' : 'AzureLinux'),
    mode: props.mode ?? 'User',
    maxPods: props.maxPods ?? 50,
    // Zones 1-3 by default where the region has zones; Azure rejects zones in a region without them.
    zones: normaliseZones(props.zones ?? (location !== undefined && !Token.isUnresolved(location) && regionInfo(location)?.zones === false ? [] : ['1', '2', '3']), `${name}.zones`),
    maxSurge: props.maxSurge ?? '33%',
    labels,
    taints,
  };
}

/**
 * Describes a pool for the IP planner (pure: no construct is created): max nodes, surge and pods
 * per node, with the same defaults NodePoolSet applies.
 */
export function describePool(name: string, props: NodePoolProps): PoolAddressDemand {
  const r = resolve(name, props);
  return { name, maxNodes: props.maxCount, surgeNodes: props.spot ? 0 : surgeNodes(props.maxCount, r.maxSurge), maxPods: r.maxPods };
}

/** The names addZonalPools gives: `<base>z<zone>`. */
export function zonalPoolNames(baseName: string, zones: readonly (string | number)[] = [1, 2, 3]): string[] {
  return zones.map((z) => `${baseName}z${z}`);
}

/** Describes the pools addZonalPools would create, for the IP planner. */
export function describeZonalPools(baseName: string, props: ZonalPoolsProps): PoolAddressDemand[] {
  const zones = props.zones ?? [1, 2, 3];
  return zonalPoolNames(baseName, zones).map((name, i) => describePool(name, { ...props, zones: [zones[i]] }));
}

/** Autoscaling bounds: explicit, in range, min <= node count <= max. */
export function validateScaling(name: string, props: NodePoolProps): void {
  const { minCount, maxCount, nodeCount } = props;
  if (minCount === undefined || maxCount === undefined) {
    fail(`${name}.minCount/maxCount`, { minCount, maxCount }, 'are required: autoscaling needs explicit bounds', 'set minCount and maxCount, e.g. 2 and 10');
  }
  if (isKnown(minCount) && (!Number.isInteger(minCount) || minCount < 0 || minCount > 1000)) {
    fail(`${name}.minCount`, minCount, 'is outside 0-1000', 'use an integer between 0 and 1000');
  }
  if (isKnown(maxCount) && (!Number.isInteger(maxCount) || maxCount < 1 || maxCount > 1000)) {
    fail(`${name}.maxCount`, maxCount, 'is outside 1-1000', 'use an integer between 1 and 1000');
  }
  if (isKnown(minCount) && isKnown(maxCount) && minCount > maxCount) {
    fail(`${name}.minCount`, minCount, `is greater than maxCount (${maxCount})`, 'make minCount at most maxCount');
  }
  if (isKnown(nodeCount) && isKnown(minCount) && isKnown(maxCount) && (nodeCount! < minCount || nodeCount! > maxCount)) {
    fail(`${name}.nodeCount`, nodeCount, `is outside the autoscaler bounds [${minCount}, ${maxCount}]`, 'set nodeCount within minCount..maxCount, or leave it unset to start at minCount');
  }
}

/** The OS SKU, and what Windows pools need of the cluster (Azure CNI without cilium, NodeImage channel).*/
export function validateHostAndOs(host: INodePoolHost, name: string, props: NodePoolProps, r: ResolvedPool): void {
  const linux = ['AzureLinux', 'AzureLinux3', 'Ubuntu', 'Ubuntu2204'];
  if (r.osType === 'Linux' && !linux.includes(r.osSku)) {
    fail(`${name}.osSku`, r.osSku, 'is not a Linux OS SKU the library supports', `use one of ${linux.join(', ')}`);
  }
  if (r.osType === 'Windows') {
    if (r.osSku !== 'Windows2022') {
      fail(`${name}.osSku`, r.osSku, 'is not a supported Windows OS SKU (Windows2019 is retired for current Kubernetes versions)', "use 'Windows2022' and build images on a Windows Server 2022 base");
    }
    if (r.mode === 'System') {
      fail(`${name}.mode`, r.mode, 'is System on a Windows pool: system pools must run Linux', "use mode 'User' for Windows pools");
    }
    if (host.networkPlugin !== 'azure') {
      fail('host.networkPlugin', host.networkPlugin, `does not support Windows pool '${name}' (Windows nodes need Azure CNI, kubenet is not supported)`, "create the cluster with networkPlugin 'azure' (overlay or flat)");
    }
    if (host.networkDataPlane === 'cilium') {
      fail('host.networkDataPlane', host.networkDataPlane, `does not support Windows pool '${name}' (Azure CNI powered by Cilium has no Windows support)`, "use networkDataPlane 'azure' on clusters with Windows pools, or run these workloads on Linux");
    }
    const channel = host.nodeOsUpgradeChannel;
    if (channel !== undefined && !Token.isUnresolved(channel) && channel !== 'NodeImage') {
      fail('host.nodeOsUpgradeChannel', channel, `is not the channel documented to patch Windows pool '${name}' (AKS runs no Windows Update on nodes; Unmanaged is the same as None for Windows)`, "set the cluster's node_os_upgrade_channel to 'NodeImage', which rolls patched Windows images weekly");
    }
    if (props.fipsEnabled) {
      fail(`${name}.fipsEnabled`, true, 'is set on a Windows pool; the library only supports FIPS on Linux pools', 'run FIPS workloads on a Linux pool with fipsEnabled');
    }
  }
}

/** Spot pools: User mode, the AKS spot taint unchanged, a valid max price. */
export function validateSpot(name: string, props: NodePoolProps, r: ResolvedPool): void {
  if (!props.spot) {
    return;
  }
  if (r.mode === 'System') {
    fail(`${name}.mode`, r.mode, 'is System on a spot pool: evictions would take system pods down', "use mode 'User' for spot pools");
  }
  const conflicting = r.taints.filter((t) => t.startsWith(`${SPOT_KEY}=`) && t !== SPOT_TAINT);
  if (conflicting.length > 0) {
    fail(`${name}.taints`, conflicting, 'changes the spot taint that AKS puts on spot nodes', `leave it out (the set adds '${SPOT_TAINT}') so only pods that tolerate eviction land there`);
  }
  if (props.spot.maxPrice !== undefined && isKnown(props.spot.maxPrice) && props.spot.maxPrice !== -1 && !(props.spot.maxPrice > 0)) {
    fail(`${name}.spot.maxPrice`, props.spot.maxPrice, 'is neither -1 nor a positive price', 'use -1 (pay up to the on-demand price) or a positive USD price per hour');
  }
}

/** Taints are Kubernetes taints. */
export function validateTaints(name: string, taints: readonly string[]): void {
  taints.forEach((t) => {
    if (!Token.isUnresolved(t) && !TAINT.test(t)) {
      fail(`${name}.taints`, t, 'is not a Kubernetes taint', "write it as 'key=value:NoSchedule' (effects: NoSchedule, PreferNoSchedule, NoExecute)");
    }
  });
}

/** A proximity placement group: one zone, and a reason. */
export function validatePpg(name: string, ppg: ProximityPlacement, zones: readonly string[]): void {
  if (zones.length > 1) {
    fail(`${name}.proximityPlacementGroup`, ppg.id, `is combined with ${zones.length} zones (${zones.join(', ')}); a proximity placement group keeps VMs in one datacenter, so Azure cannot spread the pool across zones`, 'give the pool a single zone (or use addZonalPools without a PPG for zone redundancy)');
  }
  checkReason(CONSTRUCT_NAME, `${name}.proximityPlacementGroup.reason`, ppg.reason, 'a proximity placement group gives up zone redundancy for the pool');
}
