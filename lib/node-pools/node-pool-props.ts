/**
 * The props of NodePoolSet and the contracts it takes (the host cluster, node subnets).
 */
import type { KubernetesClusterNodePool } from '@cdktf/provider-azurerm/lib/kubernetes-cluster-node-pool';
import type { PoolAddressDemand } from './pool-sizing';
import type { KubeletTuning, LinuxOsTuning } from './tuning';
import type { PoolUpgradeProps } from '../core/upgrade-settings';
import type { KubernetesVersion } from '../core/kubernetes-versions';

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
  /**
   * The cluster's region, when the host knows it: pools get no zones by default where the region
   * has none, and asking for zones there is an error.
   * @default unknown (zones 1-3 by default)
   */
  readonly location?: string;
  /**
   * The name of the cluster's system (default) pool, when the host knows it: no user pool may take it.
   * @default unknown
   */
  readonly systemPoolName?: string;
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
export interface NodePoolProps extends Omit<PoolUpgradeProps, 'maxSurge' | 'drainTimeoutMinutes'> {
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
   * Upgrade surge: a node count (`"2"`) or a percentage (`"33%"`); `"0"` with `maxUnavailable`
   * upgrades in place. Not used by spot pools.
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
   * Kubernetes version of the pool, in the supported window (KUBERNETES_VERSIONS). A version outside
   * it is a loosening, `{ version: '1.31', reason }`, recorded on the pool as a waiver of
   * operations/kubernetes-version-current; the object form is refused for a version inside the window.
   * @default the cluster's version
   */
  readonly orchestratorVersion?: KubernetesVersion;
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
