/**
 * NodePoolSet: the user node pools of an AKS cluster, with safe defaults and validation that
 * makes the usual mistakes (pools that cannot rotate, Windows on an unsupported network, spot as
 * the only capacity, PPG across zones) impossible to synthesize.
 */
import { KubernetesClusterNodePool, KubernetesClusterNodePoolConfig } from '@cdktf/provider-azurerm/lib/kubernetes-cluster-node-pool';
import { Construct } from 'constructs';
import { libraryStack } from '../synth/library-stack';
import { Checklist } from '../checklist/checklist';
import type { INodePoolHost, INodeSubnet, NodePoolInfo, NodePoolProps, NodePoolSetProps, ZonalPoolsProps } from './node-pool-props';
import { CRITICAL_TAINT, resolve, SPOT_KEY, SPOT_TAINT, validateHostAndOs, validatePpg, validateScaling, validateSpot, validateTaints, zonalPoolNames } from './pool-checks';
import { chooseOsDisk, fail, NAME, rotationName, validatePoolName } from './pool-policy';
import { PoolAddressDemand, poolSubnetAddresses, surgeNodes } from './pool-sizing';
import { kubeletConfigOf, linuxOsConfigOf, validateKubelet, validateLinuxOs } from './tuning';
import { isBurstable } from '../core/vm-sizes';
import { versionOf, versionWaiver } from '../core/kubernetes-versions';
import { checkPoolUpgrade, upgradeSettings } from '../core/upgrade-settings';
import { atScope, checkZonesIn, isKnown } from '../core/validate';
import { checkPoolInput } from './pool-input';

export * from './node-pool-props';
export { describePool, describeZonalPools, zonalPoolNames } from './pool-checks';
export { rotationName, validatePoolName } from './pool-policy';

const CONSTRUCT = 'NodePoolSet';

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
    libraryStack(this);
    if (!props.host || props.host.id === undefined) {
      fail('host', props.host, 'is missing the cluster id', 'pass the SecureAksCluster (or any INodePoolHost) the pools belong to', this);
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
    return atScope(this, () => this.createPool(name, props));
  }

  private createPool(name: string, props: NodePoolProps): KubernetesClusterNodePool {
    const r = resolve(name, props, this.host.location);
    checkPoolInput(this, this.host, name, props, r);
    validatePoolName(name, r.osType);
    if (this.pools.some((p) => p.name === name || p.rotationName === name)) {
      fail('name', name, 'collides with another pool of the set (or its rotation name)', 'give each pool a distinct name');
    }
    const rotation = rotationName(name, r.osType, this.pools.flatMap((p) => [p.name, p.rotationName]));
    validateScaling(name, props);
    validateHostAndOs(this.host, name, props, r);
    validateSpot(name, props, r);
    validateTaints(name, r.taints);
    if (props.spot && (props.maxUnavailable ?? props.nodeSoakMinutes ?? props.undrainableNodeBehavior) !== undefined) {
      fail(`${name}.spot`, props.spot, 'takes no upgrade settings (AKS upgrades spot pools without surge, soak or undrainable-node handling)', 'drop maxUnavailable, nodeSoakMinutes and undrainableNodeBehavior from the spot pool');
    }
    if (!props.spot) {
      checkPoolUpgrade(CONSTRUCT, name, { maxSurge: props.maxSurge, maxUnavailable: props.maxUnavailable, drainTimeoutMinutes: props.drainTimeoutInMinutes, nodeSoakMinutes: props.nodeSoakMinutes, undrainableNodeBehavior: props.undrainableNodeBehavior }, { propNames: { drainTimeoutMinutes: 'drainTimeoutInMinutes' } });
    }
    if (isKnown(r.maxPods) && (!Number.isInteger(r.maxPods) || r.maxPods < 10 || r.maxPods > 250)) {
      fail(`${name}.maxPods`, r.maxPods, 'is outside 10-250', 'choose max_pods between 10 and 250 (250 at most with overlay, which gives each node a /24)');
    }
    if (r.mode === 'System') {
      // AKS: system pools must hold at least 30 pods per node and keep at least one node.
      if (isKnown(r.maxPods) && r.maxPods < 30) {
        fail(`${name}.maxPods`, r.maxPods, 'is below 30, the minimum AKS accepts for a System pool', "use maxPods 30 or more, or mode 'User'");
      }
      if (isKnown(props.minCount) && props.minCount < 1) {
        fail(`${name}.minCount`, props.minCount, 'is 0 on a System pool, which AKS requires to keep at least one node', "use minCount 1 or more (3 across zones), or mode 'User'");
      }
    }
    if (props.proximityPlacementGroup) {
      validatePpg(name, props.proximityPlacementGroup, r.zones);
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
    const osDisk = chooseOsDisk({ scope: this, construct: CONSTRUCT, prop: name, pool: name }, props);
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
      osDiskSizeGb: osDisk.sizeGb,
      osDiskType: osDisk.type,
      hostEncryptionEnabled: true,
      nodePublicIpEnabled: false,
      fipsEnabled: props.fipsEnabled ?? false,
      temporaryNameForRotation: rotation,
      nodeLabels: Object.keys(r.labels).length > 0 ? r.labels : undefined,
      nodeTaints: taints.length > 0 ? taints : undefined,
      vnetSubnetId: subnet?.id,
      orchestratorVersion: versionOf(props.orchestratorVersion),
      proximityPlacementGroupId: props.proximityPlacementGroup?.id,
      kubeletConfig: props.kubeletConfig ? kubeletConfigOf(props.kubeletConfig) : undefined,
      linuxOsConfig: props.linuxOsConfig ? linuxOsConfigOf(props.linuxOsConfig) : undefined,
      tags: Object.keys(this.tags).length > 0 ? { ...this.tags } : undefined,
      ...(spot
        ? { priority: 'Spot', evictionPolicy: 'Delete', spotMaxPrice: props.spot?.maxPrice ?? -1 }
        : {
            priority: 'Regular',
            upgradeSettings: upgradeSettings(
              { maxSurge: r.maxSurge, maxUnavailable: props.maxUnavailable, drainTimeoutMinutes: props.drainTimeoutInMinutes, nodeSoakMinutes: props.nodeSoakMinutes, undrainableNodeBehavior: props.undrainableNodeBehavior },
              '33%',
            ),
          }),
    };
    const resource = new KubernetesClusterNodePool(this, name, config);
    if (typeof props.orchestratorVersion === 'object') {
      Checklist.of(resource).waive('operations/kubernetes-version-current', versionWaiver(props.orchestratorVersion, `pool '${name}' runs Kubernetes`));
    }
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
    return atScope(this, () => this.createZonalPools(baseName, props));
  }

  private createZonalPools(baseName: string, props: ZonalPoolsProps): KubernetesClusterNodePool[] {
    const zones = props.zones ?? [1, 2, 3];
    checkZonesIn(this, 'zones', zones, this.host.location, `one pool per availability zone${props.zones === undefined ? ' (zones 1-3, the default)' : ''}`, 'use addPool for a pool without zones');
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
