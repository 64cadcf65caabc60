/**
 * The cluster's defaults that other constructs need, resolved in one place: the pod, service and
 * kube-dns addresses, and the system pool (the cluster's `default_node_pool`). SecureAksCluster
 * validates and synthesizes from these; SecureAksPlatform and SpokeNetwork size the spoke from
 * `describeSystemPool()`, so a default changes in one edit.
 */
import type { KubernetesClusterConfig } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import type { Construct } from 'constructs';
import { upgradeSettings } from '../core/upgrade-settings';
import { chooseOsDisk, rotationName } from '../node-pools/pool-policy';
import { PoolAddressDemand, surgeNodes } from '../node-pools/pool-sizing';
import type { NetworkPolicyEngine, NodeOsUpgradeChannel, SecureAksClusterProps, SkuTier, SystemPoolProps, UpgradeChannel } from './secure-aks-cluster-props';
import { regionInfo } from '../core/regions';
import { isKnown } from '../core/validate';
import { CONSTRUCT } from './validation';

/** Default pod range: outside RFC 1918, so it never collides with VNets or on-premises ranges. */
export const DEFAULT_POD_CIDR = '100.64.0.0/16';
/** Default service range: outside RFC 1918, next to the pod range. */
export const DEFAULT_SERVICE_CIDR = '100.65.0.0/16';
/** Default kube-dns address, inside the default service range. */
export const DEFAULT_DNS_SERVICE_IP = '100.65.0.10';

/** The system pool's settings with every default applied (the OS disk is decided at synth, from the VM size). */
export interface ResolvedSystemPool {
  readonly name: string;
  readonly vmSize: string;
  readonly minCount: number;
  readonly maxCount: number;
  readonly nodeCount: number;
  readonly maxPods: number;
  readonly zones: string[];
  readonly maxSurge: string;
  readonly osSku: 'AzureLinux' | 'Ubuntu';
  readonly temporaryNameForRotation: string;
}

/** The system pool's defaults applied to what was given. */
export function resolveSystemPool(pool: SystemPoolProps = {}, location?: string): ResolvedSystemPool {
  const name = pool.name ?? 'system';
  const minCount = pool.minCount ?? 3;
  return {
    name,
    vmSize: pool.vmSize ?? 'Standard_D4ds_v5',
    minCount,
    maxCount: pool.maxCount ?? 6,
    nodeCount: pool.nodeCount ?? minCount,
    maxPods: pool.maxPods ?? 50,
    // Zonal by default where the region has zones; Azure rejects zones in a region without them.
    zones: pool.zones ?? (location !== undefined && regionInfo(location)?.zones === false ? [] : ['1', '2', '3']),
    maxSurge: pool.maxSurge ?? '33%',
    osSku: pool.osSku ?? 'AzureLinux',
    temporaryNameForRotation: pool.temporaryNameForRotation ?? rotationName(name, 'Linux', [], CONSTRUCT),
  };
}

/**
 * The system pool's address demand for the IP planner (pure: no construct is created), with the
 * defaults SecureAksCluster applies: max nodes, surge nodes and pods per node.
 */
export function describeSystemPool(pool: SystemPoolProps = {}): PoolAddressDemand {
  const r = resolveSystemPool(pool);
  return { name: r.name, maxNodes: r.maxCount, surgeNodes: surgeNodes(r.maxCount, r.maxSurge), maxPods: r.maxPods };
}

/** The cluster's `default_node_pool` block. */
export function systemPoolConfig(scope: Construct, r: ResolvedSystemPool, pool: SystemPoolProps = {}, nodeSubnetId: string, tags: Record<string, string>): KubernetesClusterConfig['defaultNodePool'] {
  const disk = chooseOsDisk({ scope, construct: CONSTRUCT, prop: 'systemPool', pool: r.name }, { vmSize: r.vmSize, osDiskType: pool.osDiskType, osDiskSizeGb: pool.osDiskSizeGb });
  return {
    name: r.name,
    vmSize: r.vmSize,
    onlyCriticalAddonsEnabled: true,
    zones: r.zones.length > 0 ? r.zones : undefined,
    autoScalingEnabled: true,
    minCount: r.minCount,
    maxCount: r.maxCount,
    nodeCount: r.nodeCount,
    maxPods: r.maxPods,
    osDiskType: disk.type,
    osDiskSizeGb: disk.sizeGb,
    osSku: r.osSku,
    hostEncryptionEnabled: true,
    nodePublicIpEnabled: false,
    vnetSubnetId: nodeSubnetId,
    temporaryNameForRotation: r.temporaryNameForRotation,
    upgradeSettings: upgradeSettings({ ...pool, maxSurge: r.maxSurge }, r.maxSurge),
    tags,
  };
}

/** The cluster-level defaults SecureAksCluster applies, resolved once for its check and its config. */
export interface ResolvedClusterDefaults {
  readonly upgradeChannel: UpgradeChannel;
  readonly nodeOsUpgradeChannel: NodeOsUpgradeChannel;
  readonly skuTier: SkuTier;
  readonly networkPolicy: NetworkPolicyEngine;
  readonly podCidr: string;
  readonly serviceCidr: string;
  readonly dnsServiceIp: string;
  readonly systemPool: ResolvedSystemPool;
}

/** SecureAksCluster's defaults applied to its props. */
export function resolveClusterDefaults(props: SecureAksClusterProps): ResolvedClusterDefaults {
  return {
    upgradeChannel: typeof props.upgradeChannel === 'object' && props.upgradeChannel !== null ? props.upgradeChannel.channel : props.upgradeChannel ?? 'patch',
    nodeOsUpgradeChannel: typeof props.nodeOsUpgradeChannel === 'object' && props.nodeOsUpgradeChannel !== null ? props.nodeOsUpgradeChannel.channel : props.nodeOsUpgradeChannel ?? 'NodeImage',
    skuTier: typeof props.skuTier === 'object' && props.skuTier !== null ? props.skuTier.tier : props.skuTier ?? 'Standard',
    networkPolicy: props.networkPolicy ?? 'cilium',
    podCidr: props.podCidr ?? DEFAULT_POD_CIDR,
    serviceCidr: props.serviceCidr ?? DEFAULT_SERVICE_CIDR,
    dnsServiceIp: props.dnsServiceIp ?? DEFAULT_DNS_SERVICE_IP,
    systemPool: resolveSystemPool(props.systemPool, isKnown(props.location) ? props.location : undefined),
  };
}
