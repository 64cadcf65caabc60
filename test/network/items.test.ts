/**
 * network/ip-address-planning and network/network-model, judged from the JSON: subnets against the
 * pools placed in them (default pool included), at autoscaler maximum plus surge.
 */
import { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { KubernetesClusterNodePool } from '@cdktf/provider-azurerm/lib/kubernetes-cluster-node-pool';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { evaluateItem } from '../../lib/checklist/evaluate';
import type { TerraformDocument } from '../../lib/core/terraform-document';
import { describeItem } from '../support/items';
import { mutate, synthDoc } from '../support/synth';
import { SYSTEM_POOL } from '../node-pools/fixtures';
import { spokeDoc } from './fixtures';

const base = spokeDoc();
const cluster = (doc: TerraformDocument, edit: (c: any) => void): TerraformDocument => mutate(doc, (json) => edit(json.resource.azurerm_kubernetes_cluster.aks));
const subnet = (doc: TerraformDocument, name: string, edit: (s: any) => void): TerraformDocument =>
  mutate(doc, (json) => edit(Object.values(json.resource.azurerm_subnet).find((s: any) => s.name === name)));

/** Raw resources only: a flat Azure CNI cluster whose user pool outgrows its /24 (11 x 31 = 341 > 251). */
function rawFlat(userPrefix: string): TerraformDocument {
  return synthDoc((stack) => {
    const vnet = new VirtualNetwork(stack, 'vnet', { name: 'vnet', resourceGroupName: 'rg', location: 'westeurope', addressSpace: ['10.20.0.0/16'] });
    const sys = new Subnet(stack, 'sys', { name: 'sys', resourceGroupName: 'rg', virtualNetworkName: vnet.name, addressPrefixes: ['10.20.0.0/22'] });
    const user = new Subnet(stack, 'user', { name: 'user', resourceGroupName: 'rg', virtualNetworkName: vnet.name, addressPrefixes: [userPrefix] });
    const aks = new KubernetesCluster(stack, 'aks', {
      name: 'aks',
      resourceGroupName: 'rg',
      location: 'westeurope',
      dnsPrefix: 'aks',
      identity: { type: 'SystemAssigned' },
      defaultNodePool: { ...SYSTEM_POOL, maxPods: 30, vnetSubnetId: sys.id },
      networkProfile: { networkPlugin: 'azure', serviceCidr: '172.16.0.0/16', dnsServiceIp: '172.16.0.10' },
    });
    new KubernetesClusterNodePool(stack, 'apps', {
      name: 'apps',
      kubernetesClusterId: aks.id,
      vmSize: 'Standard_D4ds_v5',
      autoScalingEnabled: true,
      minCount: 2,
      maxCount: 10,
      maxPods: 30,
      vnetSubnetId: user.id,
      upgradeSettings: { maxSurge: '1' },
    });
  });
}

describeItem('network/ip-address-planning', {
  compliant: {
    'the planned spoke with overlay': () => base,
    'flat Azure CNI on a subnet large enough (raw resources)': () => rawFlat('10.20.4.0/23'),
  },
  nonCompliant: {
    'flat Azure CNI on a /24 for 11 nodes x 31 addresses (raw resources)': () => rawFlat('10.20.4.0/24'),
    'the system subnet shrunk below max + surge': () => subnet(base, 'snet-system', (s) => (s.address_prefixes = ['10.10.0.128/29'])),
    'overlapping subnets': () => subnet(base, 'snet-ingress', (s) => (s.address_prefixes = ['10.10.0.0/28'])),
    'pod CIDR overlapping the VNet': () => cluster(base, (c) => (c.network_profile.pod_cidr = '10.10.0.0/16')),
    'service CIDR overlapping the VNet': () => cluster(base, (c) => (c.network_profile.service_cidr = '10.10.128.0/17')),
  },
  notApplicable: { 'no subnets and no cluster': () => synthDoc((stack) => new VirtualNetwork(stack, 'vnet', { name: 'vnet', resourceGroupName: 'rg', location: 'westeurope', addressSpace: ['10.0.0.0/16'] })) },
});

describeItem('network/network-model', {
  compliant: { 'Azure CNI overlay': () => base, 'flat Azure CNI on a planned subnet': () => rawFlat('10.20.4.0/23') },
  nonCompliant: {
    kubenet: () => cluster(base, (c) => (c.network_profile = { network_plugin: 'kubenet' })),
    'flat Azure CNI on the AKS-managed VNet': () => cluster(base, (c) => {
      delete c.network_profile.network_plugin_mode;
      delete c.default_node_pool.vnet_subnet_id;
    }),
  },
});

test('the capacity evidence states the numbers', () => {
  const result = evaluateItem('network/ip-address-planning', rawFlat('10.20.4.0/24'));
  expect(result.evidence.filter((e) => !e.ok).map((e) => e.message)).toEqual([expect.stringMatching(/azurerm_subnet\.user\.address_prefixes: needs 341 addresses for azurerm_kubernetes_cluster_node_pool\.apps \(10\+1 nodes x 31\) but has 251 usable/)]);
});
