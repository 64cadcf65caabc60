/**
 * NodePoolSet: the user node pools of an AKS cluster, with safe defaults and validation that
 * makes the usual mistakes (pools that cannot rotate, Windows on an unsupported network, spot as
 * the only capacity, PPG across zones) impossible to synthesize.
 */
import { KubernetesClusterNodePool, KubernetesClusterNodePoolConfig } from '@cdktf/provider-azurerm/lib/kubernetes-cluster-node-pool';
import { Annotations, Token } from 'cdktf';
import { Construct } from 'constructs';
import { Checklist } from '../checklist/checklist';
import { PropError } from '../core/errors';
import { PoolAddressDemand, poolSubnetAddresses, surgeNodes } from './pool-sizing';
import { KubeletTuning, LinuxOsTuning, kubeletConfigOf, linuxOsConfigOf, validateKubelet, validateLinuxOs } from './tuning';
import { ephemeralCapacityGiB, isBurstable } from '../core/vm-sizes';

const CONSTRUCT = 'NodePoolSet';

/**
 * The cluster a NodePoolSet adds pools to. SecureAksCluster implements it; any cluster can, so the
 * set does not depend on the cluster's code.
 */
export interface INodePoolHost {
  /** Resource id of the azurerm_kubernetes_cluster. */
  readonly id: string;
  /** `network_profile.network_plugin`. */
  readonly networkPlugin: 'azure' | 'kubenet' | 'none';
  /** `network_profile.network_plugin_mode` (`overlay`), when set. */
  readonly networkPluginMode?: 'overlay';
  /** `network_profile.network_data_plane`. */
  readonly networkDataPlane: 'azure' | 'cilium';
  /** `network_profile.network_policy`, when set. */
  readonly networkPolicy?: string;
  /**
   * `node_os_upgrade_channel`, when the host knows it: Windows pools need one that patches
   * Windows nodes (`NodeImage`).
   */
  readonly nodeOsUpgradeChannel?: string;
}

/** A subnet pools are placed in, with the addresses it can give them. */
export interface INodeSubnet {
  /** Subnet resource id. */
  readonly id: string;
  /** Display name for messages. */
  readonly name: string;
  /**
   * Usable addresses (size minus the 5 Azure reserves). When set, the set rejects pools whose
   * peak address demand does not fit.
   * @default unchecked
   */
  readonly usableAddresses?: number;
  /**
   * Addresses already claimed by pools outside this set (e.g. the system pool sharing the subnet).
   * @default 0
   */
  readonly claimedAddresses?: number;
}

/** Linux OS SKUs azurerm 4.55 accepts that the library supports. */
export type LinuxOsSku = 'AzureLinux' | 'AzureLinux3' | 'Ubuntu' | 'Ubuntu2204';
/** Windows OS SKUs supported (Windows2019 is retired for current Kubernetes versions). */
export type WindowsOsSku = 'Windows2022';

/** Spot capacity for a pool. */
export interface SpotOptions {
  /**
   * Highest price per hour in USD; -1 pays up to the on-demand price (never evicted for price).
   * @default -1
   */
  readonly maxPrice?: number;
}

/** A proximity placement group for a pool (single zone only). */
export interface ProximityPlacement {
  /** Resource id of the proximity placement group. */
  readonly id: string;
  /** Why co-location beats zone redundancy for this pool (recorded as an availability-zones waiver). */
  readonly reason: string;
}

/** Dedicates a pool to one workload class (label + NoSchedule taint). */
export interface Dedication {
  /**
   * Label and taint key.
   * @default 'workload-class'
   */
  readonly key?: string;
  /** Label and taint value, e.g. `payments`. */
  readonly value: string;
}

/** One user pool. */
export interface NodePoolProps {
  /** VM size, e.g. `Standard_D4ds_v5`. Required: the library does not pick node sizes for you. */
  readonly vmSize: string;
  /** Autoscaler minimum (0-1000). */
  readonly minCount: number;
  /** Autoscaler maximum (1-1000, at least minCount). */
  readonly maxCount: number;
  /**
   * Initial node count, within [minCount, maxCount].
   * @default minCount
   */
  readonly nodeCount?: number;
  /**
   * Pods per node, 10-250.
   * @default 50
   */
  readonly maxPods?: number;
  /**
   * Availability zones the pool spans (values 1, 2 or 3).
   * @default ['1', '2', '3']
   */
  readonly zones?: readonly (string | number)[];
  /**
   * Operating system.
   * @default 'Linux'
   */
  readonly osType?: 'Linux' | 'Windows';
  /**
   * OS SKU: AzureLinux/AzureLinux3/Ubuntu/Ubuntu2204 for Linux, Windows2022 for Windows.
   * @default 'AzureLinux' (Linux), 'Windows2022' (Windows)
   */
  readonly osSku?: LinuxOsSku | WindowsOsSku;
  /**
   * OS disk size in GiB.
   * @default 128
   */
  readonly osDiskSizeGb?: number;
  /**
   * OS disk type. By default Ephemeral when the VM size's cache or temp disk holds the OS disk,
   * otherwise Managed (with a warning for sizes the library does not know).
   * @default chosen from the VM size
   */
  readonly osDiskType?: 'Ephemeral' | 'Managed';
  /**
   * Upgrade surge: a node count (`"2"`) or a percentage (`"33%"`). Not used by spot pools.
   * @default '33%'
   */
  readonly maxSurge?: string;
  /**
   * Minutes to wait for a node to drain during upgrades.
   * @default 30
   */
  readonly drainTimeoutInMinutes?: number;
  /**
   * Pool mode. System pools run critical add-ons (the set adds the CriticalAddonsOnly taint);
   * workloads belong on User pools.
   * @default 'User'
   */
  readonly mode?: 'User' | 'System';
  /**
   * Kubernetes node labels.
   * @default {}
   */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * Kubernetes node taints, `key=value:Effect` with Effect NoSchedule, PreferNoSchedule or NoExecute.
   * @default []
   */
  readonly taints?: readonly string[];
  /**
   * Dedicates the pool to one workload class: adds the label and a matching NoSchedule taint.
   * @default not dedicated
   */
  readonly dedicatedTo?: Dedication;
  /**
   * Spot capacity: priority Spot, eviction Delete, the spot taint. A spot pool must not be the only
   * pool for its workload class: another regular pool with the same labels must exist.
   * @default regular priority
   */
  readonly spot?: SpotOptions;
  /**
   * FIPS 140-2 validated node images (cluster-setup/regulated-industries).
   * @default false
   */
  readonly fipsEnabled?: boolean;
  /**
   * Co-locate the pool's nodes in a proximity placement group. Only with at most one zone.
   * @default none
   */
  readonly proximityPlacementGroup?: ProximityPlacement;
  /**
   * Kubelet tuning with validated values (cluster-setup/node-configuration-tuning).
   * @default AKS defaults
   */
  readonly kubeletConfig?: KubeletTuning;
  /**
   * Linux OS tuning (sysctls, swap, transparent huge page defrag), Linux pools only.
   * @default AKS defaults
   */
  readonly linuxOsConfig?: LinuxOsTuning;
  /**
   * Subnet for the pool's nodes.
   * @default the set's `subnet`
   */
  readonly subnet?: INodeSubnet;
  /**
   * Kubernetes version of the pool.
   * @default the cluster's version
   */
  readonly orchestratorVersion?: string;
}

/** Props of a NodePoolSet. */
export interface NodePoolSetProps {
  /** The cluster the pools belong to. */
  readonly host: INodePoolHost;
  /**
   * Default subnet for the pools' nodes.
   * @default the cluster's default (AKS-managed VNet); a secure platform always passes one
   */
  readonly subnet?: INodeSubnet;
  /**
   * Tags on every pool.
   * @default {}
   */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Props for one pool per zone. */
export interface ZonalPoolsProps extends Omit<NodePoolProps, 'zones' | 'proximityPlacementGroup'> {
  /**
   * Zones to create one pool each in.
   * @default [1, 2, 3]
   */
  readonly zones?: readonly (string | number)[];
}

/** A pool as the set created it. */
export interface NodePoolInfo {
  readonly name: string;
  /** `temporary_name_for_rotation`: unique within the set, so pools can rotate in the same apply. */
  readonly rotationName: string;
  readonly resource: KubernetesClusterNodePool;
  readonly demand: PoolAddressDemand;
  readonly osType: 'Linux' | 'Windows';
  readonly mode: 'User' | 'System';
  readonly spot: boolean;
  /** Labels that identify the pool's workload class (spot's own label excluded). */
  readonly labels: Readonly<Record<string, string>>;
  readonly subnet?: INodeSubnet;
  readonly zones: readonly string[];
}

const SPOT_TAINT = 'kubernetes.azure.com/scalesetpriority=spot:NoSchedule';
const SPOT_KEY = 'kubernetes.azure.com/scalesetpriority';
const CRITICAL_TAINT = 'CriticalAddonsOnly=true:NoSchedule';
const NAME = /^[a-z][a-z0-9]*$/;
const TAINT = /^([A-Za-z0-9][-A-Za-z0-9_./]*)(=([-A-Za-z0-9_.]*))?:(NoSchedule|PreferNoSchedule|NoExecute)$/;

function fail(prop: string, value: unknown, problem: string, fix: string): never {
  throw new PropError(CONSTRUCT, prop, value, problem, fix);
}

function known(value: unknown): boolean {
  return value !== undefined && !Token.isUnresolved(value);
}

/** Validates a pool name for its OS (12 characters for Linux, 6 for Windows, lowercase alphanumeric). */
export function validatePoolName(name: string, osType: 'Linux' | 'Windows', prop = 'name'): void {
  const max = osType === 'Windows' ? 6 : 12;
  if (!NAME.test(name) || name.length > max) {
    fail(prop, name, `is not a valid ${osType} node pool name (lowercase letters and digits, starting with a letter, at most ${max} characters)`, `use a name like '${osType === 'Windows' ? 'win1' : 'apps1'}'`);
  }
}

/**
 * The temporary name AKS uses while rotating a pool: valid for the OS, different from the pool's
 * name and from every name in `taken`. The provider creates a pool with this name during a
 * rotation, and Terraform rotates the pools of one set in parallel (e.g. a vmSize change on zonal
 * pools), so two pools must never share it. When the name is too long for a 'tmp' suffix,
 * characters are dropped before the name's tail, which tells zonal pools apart: Windows 'winz1',
 * 'winz2', 'winz3' get 'wintmp', 'wi2tmp', 'wi3tmp'.
 */
export function rotationName(name: string, osType: 'Linux' | 'Windows', taken: readonly string[] = []): string {
  const max = osType === 'Windows' ? 6 : 12;
  const keep = max - 3;
  const used = new Set([name, ...taken]);
  const candidates = [`${name.slice(0, keep)}tmp`];
  for (let tail = 1; tail < keep && name.length > keep; tail++) {
    candidates.push(`${name.slice(0, keep - tail)}${name.slice(name.length - tail)}tmp`);
  }
  candidates.push(`${name.slice(0, keep)}rot`);
  for (let n = 1; n < 100; n++) {
    candidates.push(`${name.slice(0, keep - String(n).length)}tmp${n}`);
  }
  const free = candidates.find((c) => !used.has(c));
  if (free === undefined) {
    fail('name', name, 'leaves no free temporary name for rotation in this set', 'give the pool a more distinct name');
  }
  return free;
}

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
interface ResolvedPool {
  readonly osType: 'Linux' | 'Windows';
  readonly osSku: string;
  readonly mode: 'User' | 'System';
  readonly maxPods: number;
  readonly zones: string[];
  readonly maxSurge: string;
  readonly osDiskSizeGb: number;
  readonly labels: Record<string, string>;
  readonly taints: string[];
}

function resolve(name: string, props: NodePoolProps): ResolvedPool {
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
    zones: normaliseZones(props.zones ?? ['1', '2', '3'], `${name}.zones`),
    maxSurge: props.maxSurge ?? '33%',
    osDiskSizeGb: props.osDiskSizeGb ?? 128,
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

/**
 * The user node pools of one cluster. `addPool` adds a pool spanning zones; `addZonalPools` adds one
 * pool per zone so the cluster autoscaler can balance zonal workloads.
 */
export class NodePoolSet extends Construct {
  /** Pools in the order they were added. */
  public readonly pools: NodePoolInfo[] = [];
  private readonly host: INodePoolHost;
  private readonly defaultSubnet?: INodeSubnet;
  private readonly tags: Readonly<Record<string, string>>;

  public constructor(scope: Construct, id: string, props: NodePoolSetProps) {
    super(scope, id);
    if (!props.host || props.host.id === undefined) {
      fail('host', props.host, 'is missing the cluster id', 'pass the SecureAksCluster (or any INodePoolHost) the pools belong to');
    }
    this.host = props.host;
    this.defaultSubnet = props.subnet;
    this.tags = props.tags ?? {};
    this.node.addValidation({ validate: () => this.validateSet() });
  }

  /** Address demands of every pool, for the IP planner. */
  public get addressDemands(): PoolAddressDemand[] {
    return this.pools.map((p) => p.demand);
  }

  /**
   * Adds a user pool (spanning zones 1-3 by default).
   * @param name pool name: lowercase alphanumeric, at most 12 characters (6 for Windows)
   * @param props the pool's settings
   */
  public addPool(name: string, props: NodePoolProps): KubernetesClusterNodePool {
    const r = resolve(name, props);
    validatePoolName(name, r.osType);
    if (this.pools.some((p) => p.name === name || p.rotationName === name)) {
      fail('name', name, 'collides with another pool of the set (or its rotation name)', 'give each pool a distinct name');
    }
    const rotation = rotationName(name, r.osType, this.pools.flatMap((p) => [p.name, p.rotationName]));
    this.validateScaling(name, props);
    this.validateHostAndOs(name, props, r);
    this.validateSpot(name, props, r);
    this.validateTaints(name, r.taints);
    if (known(r.maxPods) && (!Number.isInteger(r.maxPods) || r.maxPods < 10 || r.maxPods > 250)) {
      fail(`${name}.maxPods`, r.maxPods, 'is outside 10-250', 'choose max_pods between 10 and 250 (250 at most with overlay, which gives each node a /24)');
    }
    if (r.mode === 'System') {
      // AKS: system pools must hold at least 30 pods per node and keep at least one node.
      if (known(r.maxPods) && r.maxPods < 30) {
        fail(`${name}.maxPods`, r.maxPods, 'is below 30, the minimum AKS accepts for a System pool', "use maxPods 30 or more, or mode 'User'");
      }
      if (known(props.minCount) && props.minCount < 1) {
        fail(`${name}.minCount`, props.minCount, 'is 0 on a System pool, which AKS requires to keep at least one node', "use minCount 1 or more (3 across zones), or mode 'User'");
      }
    }
    if (props.proximityPlacementGroup) {
      this.validatePpg(name, props.proximityPlacementGroup, r.zones);
    }
    if (props.kubeletConfig) {
      validateKubelet(CONSTRUCT, `${name}.kubeletConfig`, props.kubeletConfig);
    }
    if (props.linuxOsConfig) {
      if (r.osType === 'Windows') {
        fail(`${name}.linuxOsConfig`, props.linuxOsConfig, 'is set on a Windows pool', 'remove linuxOsConfig from Windows pools');
      }
      validateLinuxOs(CONSTRUCT, `${name}.linuxOsConfig`, props.linuxOsConfig);
    }
    if (isBurstable(props.vmSize)) {
      fail(`${name}.vmSize`, props.vmSize, 'is a burstable B-series size, whose CPU credits run out under steady node load', 'use a general purpose size such as Standard_D4ds_v5');
    }
    const osDiskType = this.chooseOsDisk(name, props, r);
    const demand: PoolAddressDemand = { name, maxNodes: props.maxCount, surgeNodes: props.spot ? 0 : surgeNodes(props.maxCount, r.maxSurge), maxPods: r.maxPods };
    const subnet = props.subnet ?? this.defaultSubnet;
    this.checkSubnetCapacity(name, subnet, demand);

    const spot = props.spot !== undefined;
    const required = [...(spot ? [SPOT_TAINT] : []), ...(r.mode === 'System' ? [CRITICAL_TAINT] : [])];
    const taints = [...r.taints, ...required.filter((t) => !r.taints.includes(t))];
    const config: KubernetesClusterNodePoolConfig = {
      name,
      kubernetesClusterId: this.host.id,
      mode: r.mode,
      vmSize: props.vmSize,
      autoScalingEnabled: true,
      minCount: props.minCount,
      maxCount: props.maxCount,
      nodeCount: props.nodeCount ?? props.minCount,
      maxPods: r.maxPods,
      zones: r.zones,
      osType: r.osType,
      osSku: r.osSku,
      osDiskSizeGb: r.osDiskSizeGb,
      osDiskType,
      hostEncryptionEnabled: true,
      nodePublicIpEnabled: false,
      fipsEnabled: props.fipsEnabled ?? false,
      temporaryNameForRotation: rotation,
      nodeLabels: Object.keys(r.labels).length > 0 ? r.labels : undefined,
      nodeTaints: taints.length > 0 ? taints : undefined,
      vnetSubnetId: subnet?.id,
      orchestratorVersion: props.orchestratorVersion,
      proximityPlacementGroupId: props.proximityPlacementGroup?.id,
      kubeletConfig: props.kubeletConfig ? kubeletConfigOf(props.kubeletConfig) : undefined,
      linuxOsConfig: props.linuxOsConfig ? linuxOsConfigOf(props.linuxOsConfig) : undefined,
      tags: Object.keys(this.tags).length > 0 ? { ...this.tags } : undefined,
      ...(spot
        ? { priority: 'Spot', evictionPolicy: 'Delete', spotMaxPrice: props.spot?.maxPrice ?? -1 }
        : { priority: 'Regular', upgradeSettings: { maxSurge: r.maxSurge, drainTimeoutInMinutes: props.drainTimeoutInMinutes ?? 30 } }),
    };
    const resource = new KubernetesClusterNodePool(this, name, config);
    if (props.proximityPlacementGroup) {
      Checklist.of(resource).waive('disaster-recovery/availability-zones', `pool '${name}' is pinned to one zone by a proximity placement group: ${props.proximityPlacementGroup.reason}`);
    }
    const workloadLabels = Object.fromEntries(Object.entries(r.labels).filter(([k]) => k !== SPOT_KEY));
    this.pools.push({ name, rotationName: rotation, resource, demand, osType: r.osType, mode: r.mode, spot, labels: workloadLabels, subnet, zones: r.zones });
    return resource;
  }

  /**
   * Adds one pool per zone, named `<baseName>z<zone>`, with the same labels so workloads and the
   * autoscaler (balance-similar-node-groups) treat them as one class.
   * @param baseName at most 10 characters (4 for Windows) so the zone suffix fits
   */
  public addZonalPools(baseName: string, props: ZonalPoolsProps): KubernetesClusterNodePool[] {
    const zones = props.zones ?? [1, 2, 3];
    const osType = props.osType ?? 'Linux';
    const max = osType === 'Windows' ? 4 : 10;
    if (!NAME.test(baseName) || baseName.length > max) {
      fail('baseName', baseName, `is not a valid base name for zonal ${osType} pools (lowercase alphanumeric, at most ${max} characters so '<base>z<zone>' fits)`, `use a shorter name like '${osType === 'Windows' ? 'win' : 'apps'}'`);
    }
    if (zones.length < 2) {
      fail('zones', zones, 'has fewer than two zones, so the zonal pools are not zone redundant', 'list at least two zones, e.g. [1, 2, 3]');
    }
    const names = zonalPoolNames(baseName, zones);
    return names.map((name, i) => this.addPool(name, { ...props, zones: [zones[i]] }));
  }

  private validateScaling(name: string, props: NodePoolProps): void {
    const { minCount, maxCount, nodeCount } = props;
    if (minCount === undefined || maxCount === undefined) {
      fail(`${name}.minCount/maxCount`, { minCount, maxCount }, 'are required: autoscaling needs explicit bounds', 'set minCount and maxCount, e.g. 2 and 10');
    }
    if (known(minCount) && (!Number.isInteger(minCount) || minCount < 0 || minCount > 1000)) {
      fail(`${name}.minCount`, minCount, 'is outside 0-1000', 'use an integer between 0 and 1000');
    }
    if (known(maxCount) && (!Number.isInteger(maxCount) || maxCount < 1 || maxCount > 1000)) {
      fail(`${name}.maxCount`, maxCount, 'is outside 1-1000', 'use an integer between 1 and 1000');
    }
    if (known(minCount) && known(maxCount) && minCount > maxCount) {
      fail(`${name}.minCount`, minCount, `is greater than maxCount (${maxCount})`, 'make minCount at most maxCount');
    }
    if (known(nodeCount) && known(minCount) && known(maxCount) && (nodeCount! < minCount || nodeCount! > maxCount)) {
      fail(`${name}.nodeCount`, nodeCount, `is outside the autoscaler bounds [${minCount}, ${maxCount}]`, 'set nodeCount within minCount..maxCount, or leave it unset to start at minCount');
    }
  }

  private validateHostAndOs(name: string, props: NodePoolProps, r: ResolvedPool): void {
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
      if (this.host.networkPlugin !== 'azure') {
        fail('host.networkPlugin', this.host.networkPlugin, `does not support Windows pool '${name}' (Windows nodes need Azure CNI, kubenet is not supported)`, "create the cluster with networkPlugin 'azure' (overlay or flat)");
      }
      if (this.host.networkDataPlane === 'cilium') {
        fail('host.networkDataPlane', this.host.networkDataPlane, `does not support Windows pool '${name}' (Azure CNI powered by Cilium has no Windows support)`, "use networkDataPlane 'azure' on clusters with Windows pools, or run these workloads on Linux");
      }
      const channel = this.host.nodeOsUpgradeChannel;
      if (channel !== undefined && !Token.isUnresolved(channel) && channel !== 'NodeImage') {
        fail('host.nodeOsUpgradeChannel', channel, `is not the channel documented to patch Windows pool '${name}' (AKS runs no Windows Update on nodes; Unmanaged is the same as None for Windows)`, "set the cluster's node_os_upgrade_channel to 'NodeImage', which rolls patched Windows images weekly");
      }
      if (props.fipsEnabled) {
        fail(`${name}.fipsEnabled`, true, 'is set on a Windows pool; the library only supports FIPS on Linux pools', 'run FIPS workloads on a Linux pool with fipsEnabled');
      }
    }
  }

  private validateSpot(name: string, props: NodePoolProps, r: ResolvedPool): void {
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
    if (props.spot.maxPrice !== undefined && known(props.spot.maxPrice) && props.spot.maxPrice !== -1 && !(props.spot.maxPrice > 0)) {
      fail(`${name}.spot.maxPrice`, props.spot.maxPrice, 'is neither -1 nor a positive price', 'use -1 (pay up to the on-demand price) or a positive USD price per hour');
    }
  }

  private validateTaints(name: string, taints: readonly string[]): void {
    taints.forEach((t) => {
      if (!Token.isUnresolved(t) && !TAINT.test(t)) {
        fail(`${name}.taints`, t, 'is not a Kubernetes taint', "write it as 'key=value:NoSchedule' (effects: NoSchedule, PreferNoSchedule, NoExecute)");
      }
    });
  }

  private validatePpg(name: string, ppg: ProximityPlacement, zones: readonly string[]): void {
    if (zones.length > 1) {
      fail(`${name}.proximityPlacementGroup`, ppg.id, `is combined with ${zones.length} zones (${zones.join(', ')}); a proximity placement group keeps VMs in one datacenter, so Azure cannot spread the pool across zones`, 'give the pool a single zone (or use addZonalPools without a PPG for zone redundancy)');
    }
    if (typeof ppg.reason !== 'string' || ppg.reason.trim().length < 10) {
      fail(`${name}.proximityPlacementGroup.reason`, ppg.reason, 'is missing: a PPG gives up zone redundancy for the pool', 'say why low latency matters more here (at least 10 characters)');
    }
  }

  private chooseOsDisk(name: string, props: NodePoolProps, r: ResolvedPool): 'Ephemeral' | 'Managed' {
    const size = r.osDiskSizeGb;
    if (known(size) && (!Number.isInteger(size) || size < 30 || size > 2048)) {
      fail(`${name}.osDiskSizeGb`, size, 'is outside 30-2048 GiB', 'use an OS disk size between 30 and 2048 GiB (128 is a good default)');
    }
    if (Token.isUnresolved(props.vmSize) || Token.isUnresolved(size)) {
      return props.osDiskType ?? 'Managed';
    }
    const capacity = ephemeralCapacityGiB(props.vmSize);
    if (props.osDiskType === 'Ephemeral') {
      if (capacity !== undefined && capacity < size) {
        fail(`${name}.osDiskType`, 'Ephemeral', `needs ${size} GiB but ${props.vmSize} can hold an ephemeral OS disk of at most ${capacity} GiB (cache or temp disk)`, capacity >= 30 ? `set osDiskSizeGb to ${capacity} or less, or use a VM size with a larger cache/temp disk` : 'use a VM size with a cache or temp disk (e.g. Standard_D4ds_v5), or osDiskType Managed');
      }
      if (capacity === undefined) {
        Annotations.of(this).addWarning(`NodePoolSet: pool '${name}' asks for an ephemeral OS disk on ${props.vmSize}, a size the library does not know; Azure rejects it if the cache/temp disk is smaller than ${size} GiB.`);
      }
      return 'Ephemeral';
    }
    if (props.osDiskType === 'Managed') {
      return 'Managed';
    }
    if (capacity === undefined) {
      Annotations.of(this).addWarning(`NodePoolSet: pool '${name}' uses a Managed OS disk because the library does not know the cache/temp disk of ${props.vmSize}; set osDiskType 'Ephemeral' if it holds ${size} GiB.`);
      return 'Managed';
    }
    if (capacity < size) {
      Annotations.of(this).addInfo(`NodePoolSet: pool '${name}' uses a Managed OS disk: ${props.vmSize} holds at most ${capacity} GiB ephemeral, less than osDiskSizeGb ${size}.`);
      return 'Managed';
    }
    return 'Ephemeral';
  }

  private checkSubnetCapacity(name: string, subnet: INodeSubnet | undefined, demand: PoolAddressDemand): void {
    if (!subnet || subnet.usableAddresses === undefined) {
      return;
    }
    const model = this.host.networkPlugin === 'azure' && this.host.networkPluginMode !== 'overlay' ? 'flat' : 'overlay';
    const others = this.pools.filter((p) => p.subnet?.id === subnet.id).reduce((sum, p) => sum + poolSubnetAddresses(p.demand, model), 0);
    const mine = poolSubnetAddresses(demand, model);
    const required = (subnet.claimedAddresses ?? 0) + others + mine;
    if (required > subnet.usableAddresses) {
      const per = model === 'flat' ? `(${demand.maxNodes} max + ${demand.surgeNodes} surge nodes) x (1 + ${demand.maxPods} pods)` : `${demand.maxNodes} max + ${demand.surgeNodes} surge nodes`;
      fail(`${name}.subnet`, subnet.name, `is too small: pool '${name}' needs ${mine} addresses (${per}, ${model}) and the subnet must hold ${required} in all, but has ${subnet.usableAddresses} usable`, 'lower maxCount/maxPods/maxSurge, use overlay networking, or plan a larger subnet with IpPlanner');
    }
  }

  /** Set-wide checks, run at synth once every pool is known. */
  private validateSet(): string[] {
    const errors: string[] = [];
    const key = (labels: Readonly<Record<string, string>>): string => JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));
    for (const pool of this.pools.filter((p) => p.spot)) {
      const fallback = this.pools.some((p) => !p.spot && p.osType === pool.osType && key(p.labels) === key(pool.labels));
      if (!fallback) {
        errors.push(
          `NodePoolSet: prop '${pool.name}.spot' makes spot pool '${pool.name}' the only pool for its workload class ${key(pool.labels)}. Fix: add a regular (non-spot) pool with the same labels, so evictions leave capacity to schedule on.`,
        );
      }
    }
    return errors;
  }
}
