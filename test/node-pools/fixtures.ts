/**
 * Shared stacks for the node-pools and network tests: a raw azurerm_kubernetes_cluster with a
 * secure system pool (SecureAksCluster is built elsewhere), and a NodePoolSet on it.
 */
import { KubernetesCluster, KubernetesClusterDefaultNodePool, KubernetesClusterNetworkProfile } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { TerraformStack, Testing } from 'cdktf';
import type { TerraformDocument } from '../../lib/core/terraform-document';
import { INodePoolHost, INodeSubnet, NodePoolProps, NodePoolSet } from '../../lib/node-pools';
import { synthDoc } from '../support/synth';

export const CLUSTER_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks';
export const PPG_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/proximityPlacementGroups/ppg';

/** A host that needs no cluster in the stack (for construct tests). */
export const HOST: INodePoolHost = { id: CLUSTER_ID, networkPlugin: 'azure', networkPluginMode: 'overlay', networkDataPlane: 'azure', networkPolicy: 'azure', nodeOsUpgradeChannel: 'NodeImage' };

/** The props of a typical user pool. */
export const APPS: NodePoolProps = { vmSize: 'Standard_D4ds_v5', minCount: 2, maxCount: 10 };

/** The secure system pool of the raw cluster. */
export const SYSTEM_POOL: KubernetesClusterDefaultNodePool = {
  name: 'system',
  vmSize: 'Standard_D4ds_v5',
  autoScalingEnabled: true,
  minCount: 3,
  maxCount: 6,
  maxPods: 50,
  zones: ['1', '2', '3'],
  onlyCriticalAddonsEnabled: true,
  osDiskType: 'Ephemeral',
  osDiskSizeGb: 128,
  osSku: 'AzureLinux',
  hostEncryptionEnabled: true,
  nodePublicIpEnabled: false,
  temporaryNameForRotation: 'systemtmp',
  upgradeSettings: { maxSurge: '33%', drainTimeoutInMinutes: 30 },
};

export interface ClusterOptions {
  readonly defaultNodePool?: Partial<KubernetesClusterDefaultNodePool>;
  readonly network?: Partial<KubernetesClusterNetworkProfile>;
  readonly nodeOsUpgradeChannel?: string;
}

/** A minimal raw cluster with the secure system pool on Azure CNI overlay. */
export function rawCluster(stack: TerraformStack, options: ClusterOptions = {}): KubernetesCluster {
  return new KubernetesCluster(stack, 'aks', {
    name: 'aks',
    resourceGroupName: 'rg',
    location: 'westeurope',
    dnsPrefix: 'aks',
    identity: { type: 'SystemAssigned' },
    defaultNodePool: { ...SYSTEM_POOL, ...options.defaultNodePool },
    networkProfile: {
      networkPlugin: 'azure',
      networkPluginMode: 'overlay',
      networkDataPlane: 'azure',
      networkPolicy: 'azure',
      podCidr: '192.168.0.0/16',
      serviceCidr: '172.16.0.0/16',
      dnsServiceIp: '172.16.0.10',
      ...options.network,
    },
    nodeOsUpgradeChannel: options.nodeOsUpgradeChannel ?? 'NodeImage',
  });
}

/** The INodePoolHost view of a raw cluster. */
export function hostOf(cluster: KubernetesCluster, network: Partial<INodePoolHost> = {}): INodePoolHost {
  return { ...HOST, ...network, id: cluster.id };
}

/** A stack with the raw cluster and a NodePoolSet on it, built by `add`. */
export function poolsDoc(add: (set: NodePoolSet, stack: TerraformStack) => void, options: ClusterOptions & { host?: Partial<INodePoolHost>; subnet?: INodeSubnet } = {}): TerraformDocument {
  return synthDoc((stack) => {
    const cluster = rawCluster(stack, options);
    const set = new NodePoolSet(stack, 'pools', { host: hostOf(cluster, options.host), subnet: options.subnet });
    add(set, stack);
  });
}

/** The default compliant stack: the secure cluster, three zonal app pools and a dedicated pool spanning zones. */
export function defaultDoc(): TerraformDocument {
  return poolsDoc((set) => {
    set.addZonalPools('apps', APPS);
    set.addPool('batch', { ...APPS, vmSize: 'Standard_D8ds_v5', dedicatedTo: { value: 'batch' } });
  });
}

/** The node pool resource values by pool name. */
export function pool(doc: TerraformDocument, name: string): Record<string, any> {
  const found = doc.resources('azurerm_kubernetes_cluster_node_pool').find((b) => b.values.name === name);
  if (!found) {
    throw new Error(`no node pool '${name}'`);
  }
  return found.values as Record<string, any>;
}

/** Builds a NodePoolSet with HOST in a fresh stack (for bad-input tests). */
export function newSet(host: Partial<INodePoolHost> = {}, subnet?: INodeSubnet): NodePoolSet {
  const stack = new TerraformStack(Testing.app(), 'bad');
  return new NodePoolSet(stack, 'pools', { host: { ...HOST, ...host }, subnet });
}
