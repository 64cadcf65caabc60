/**
 * The checklist items NodePoolSet carries: the defaults are compliant, the same stack with the
 * setting loosened is not. Rules read the default_node_pool and the node pool resources alike.
 */
import type { TerraformDocument } from '../../lib/core/terraform-document';
import { evaluateItem } from '../../lib/checklist/evaluate';
import { describeItem } from '../support/items';
import { mutate } from '../support/synth';
import { APPS, defaultDoc, poolsDoc, PPG_ID } from './fixtures';

/** Edits the node pool named `name` in a copy of the document. */
function editPool(doc: TerraformDocument, name: string, edit: (pool: any) => void): TerraformDocument {
  return mutate(doc, (json) => {
    const found = Object.values(json.resource.azurerm_kubernetes_cluster_node_pool).find((p: any) => p.name === name);
    if (!found) {
      throw new Error(`no pool ${name}`);
    }
    edit(found);
  });
}

/** Edits the raw cluster (the default pool is `default_node_pool`). */
function editCluster(doc: TerraformDocument, edit: (cluster: any) => void): TerraformDocument {
  return mutate(doc, (json) => edit(json.resource.azurerm_kubernetes_cluster.aks));
}

/** The same document with single blocks written HCL-style, as one-element lists. */
function asHclLists(doc: TerraformDocument): TerraformDocument {
  return editCluster(doc, (c) => {
    c.default_node_pool = [c.default_node_pool];
    c.network_profile = [c.network_profile];
  });
}

const base = defaultDoc();
const windowsDoc = (): TerraformDocument => poolsDoc((set) => set.addPool('win1', { ...APPS, osType: 'Windows' }));
const ppgDoc = (): TerraformDocument => poolsDoc((set) => set.addPool('lowlat', { ...APPS, zones: [2], proximityPlacementGroup: { id: PPG_ID, reason: 'order matching needs sub-millisecond latency' } }));
const tunedDoc = (): TerraformDocument =>
  poolsDoc((set) => set.addPool('tuned', { ...APPS, kubeletConfig: { cpuManagerPolicy: 'static', imageGcHighThreshold: 80, imageGcLowThreshold: 70 }, linuxOsConfig: { sysctls: { vm_max_map_count: 262144 } } }));
const fipsDoc = (): TerraformDocument => poolsDoc((set) => set.addPool('regulated', { ...APPS, fipsEnabled: true }), { defaultNodePool: { fipsEnabled: true } });

describeItem('cluster-setup/system-node-pools', {
  compliant: {
    'secure system pool and user pools': () => base,
    'HCL-style list blocks': () => asHclLists(base),
    'an extra System pool from NodePoolSet carries the CriticalAddonsOnly taint': () => poolsDoc((set) => set.addPool('system2', { ...APPS, mode: 'System' })),
  },
  nonCompliant: {
    'default pool takes application pods': () => editCluster(base, (c) => (c.default_node_pool.only_critical_addons_enabled = false)),
    'extra System pool without the taint': () => editPool(poolsDoc((set) => set.addPool('system2', { ...APPS, mode: 'System' })), 'system2', (p) => delete p.node_taints),
  },
});

const autoscaling = {
  compliant: { 'every pool autoscales within bounds': () => base },
  nonCompliant: {
    'a user pool with autoscaling off': () => editPool(base, 'appsz2', (p) => (p.auto_scaling_enabled = false)),
    'the default pool with min above max': () => editCluster(base, (c) => (c.default_node_pool.min_count = 8)),
    'node_count outside the bounds': () => editPool(base, 'batch', (p) => (p.node_count = 20)),
  },
};
describeItem('cluster-setup/cluster-autoscaling', autoscaling);
describeItem('resource-management/cluster-auto-scaling', autoscaling);

describeItem('cluster-setup/node-sizing', {
  compliant: { 'explicit vm_size and max_pods': () => base },
  nonCompliant: {
    'max_pods left to AKS': () => editPool(base, 'batch', (p) => delete p.max_pods),
    'max_pods above 250 on the default pool': () => editCluster(base, (c) => (c.default_node_pool.max_pods = 300)),
  },
});

describeItem('cluster-setup/vm-sizing', {
  compliant: { 'general purpose sizes': () => base },
  nonCompliant: { 'a burstable size': () => editPool(base, 'batch', (p) => (p.vm_size = 'Standard_B2ms')) },
});

describeItem('cluster-setup/proximity-placement-group', {
  compliant: { 'a single-zone pool in a PPG': ppgDoc },
  nonCompliant: { 'a PPG pool spread over three zones': () => editPool(ppgDoc(), 'lowlat', (p) => (p.zones = ['1', '2', '3'])) },
  notApplicable: { 'no PPG': () => base },
});

describeItem('cluster-setup/node-configuration-tuning', {
  compliant: { 'validated kubelet and sysctl tuning': tunedDoc, 'no tuning, Azure Linux pools (the default)': () => base },
  nonCompliant: {
    'a sysctl out of range': () => editPool(tunedDoc(), 'tuned', (p) => (p.linux_os_config.sysctl_config.vm_max_map_count = 10)),
    'inverted image GC thresholds': () => editPool(tunedDoc(), 'tuned', (p) => (p.kubelet_config.image_gc_low_threshold = 90)),
    'an Ubuntu pool (the current edition advises Azure Linux)': () => mutate(base, (json) => Object.values<any>(json.resource.azurerm_kubernetes_cluster_node_pool).forEach((p) => (p.os_sku = 'Ubuntu'))),
  },
  notApplicable: { 'no node pool': () => mutate(base, (json) => { delete json.resource.azurerm_kubernetes_cluster_node_pool; delete json.resource.azurerm_kubernetes_cluster; }) },
});

describeItem('cluster-setup/regulated-industries', {
  compliant: { 'every pool of the cluster uses FIPS': fipsDoc },
  nonCompliant: { 'one pool of a FIPS cluster does not': () => editCluster(fipsDoc(), (c) => (c.default_node_pool.fips_enabled = false)) },
  notApplicable: { 'no FIPS': () => base },
});

describeItem('cluster-setup/physical-isolation', {
  compliant: { 'a dedicated pool with its label and taint': () => base },
  nonCompliant: { 'a tainted pool without the matching label': () => editPool(base, 'batch', (p) => delete p.node_labels) },
  notApplicable: { 'no dedicated pool': () => poolsDoc((set) => set.addPool('apps', APPS)) },
});

describeItem('disaster-recovery/availability-zones', {
  compliant: { 'spanning and zonal pools': () => base, 'HCL-style list blocks': () => asHclLists(base) },
  nonCompliant: {
    'the default pool without zones': () => editCluster(base, (c) => delete c.default_node_pool.zones),
    'a zonal pool left alone in its zone': () =>
      mutate(base, (json) => {
        const pools = json.resource.azurerm_kubernetes_cluster_node_pool;
        for (const [k, p] of Object.entries(pools)) {
          if (['appsz2', 'appsz3'].includes((p as any).name)) {
            delete pools[k];
          }
        }
      }),
  },
});

describeItem('storage/storage-type', {
  compliant: { 'ephemeral and premium OS disks': () => base, 'managed on a premium-capable size': () => poolsDoc((set) => set.addPool('apps', { ...APPS, vmSize: 'Standard_D4s_v5' })) },
  nonCompliant: {
    'managed OS disk on a size without premium storage': () =>
      editPool(base, 'batch', (p) => {
        p.vm_size = 'Standard_D4_v3';
        p.os_disk_type = 'Managed';
      }),
  },
});

describeItem('storage/node-storage-sizing', {
  compliant: { 'explicit OS disk that fits': () => base },
  nonCompliant: {
    'an ephemeral OS disk larger than the temp disk': () => editPool(base, 'appsz1', (p) => (p.os_disk_size_gb = 200)),
    'OS disk size left to AKS': () => editCluster(base, (c) => delete c.default_node_pool.os_disk_size_gb),
  },
});

describeItem('windows/base-image-matches-node-os', {
  compliant: { 'Windows2022 pool': windowsDoc },
  nonCompliant: { 'Windows2019 pool': () => editPool(windowsDoc(), 'win1', (p) => (p.os_sku = 'Windows2019')), 'OS SKU left to AKS': () => editPool(windowsDoc(), 'win1', (p) => delete p.os_sku) },
  notApplicable: { 'Linux only': () => base },
});

describeItem('windows/azure-cni', {
  compliant: { 'Azure CNI overlay, azure data plane': windowsDoc },
  nonCompliant: {
    'kubenet': () => editCluster(windowsDoc(), (c) => (c.network_profile = { network_plugin: 'kubenet' })),
    'cilium data plane': () => editCluster(windowsDoc(), (c) => (c.network_profile.network_data_plane = 'cilium')),
  },
  notApplicable: { 'Linux only': () => base },
});

describeItem('windows/node-patching', {
  compliant: { 'NodeImage channel': windowsDoc, 'channel left at the provider default': () => editCluster(windowsDoc(), (c) => delete c.node_os_upgrade_channel) },
  nonCompliant: { 'Unmanaged does not patch Windows': () => editCluster(windowsDoc(), (c) => (c.node_os_upgrade_channel = 'Unmanaged')) },
  notApplicable: { 'Linux only': () => base },
});

test('a loosened default pool is named in the evidence by its attribute path', () => {
  const result = evaluateItem('disaster-recovery/availability-zones', editCluster(base, (c) => delete c.default_node_pool.zones));
  expect(result.evidence.filter((e) => !e.ok).map((e) => `${e.address}.${e.attribute}`)).toEqual(['azurerm_kubernetes_cluster.aks.default_node_pool.zones']);
});
