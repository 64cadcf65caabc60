import { settingsOf } from '../checklist/settings';
import type { ItemFacet } from '../checklist/types';
import type { NodePoolProps, NodePoolSet, NodePoolSetProps } from './node-pool-set';
import * as rules from './rules';


const nodePoolSet = settingsOf<NodePoolProps & NodePoolSetProps, NodePoolSet>('NodePoolSet');

/** The checklist items this concern delivers, each with its rule (see lib/checklist/types.ts). */
export const nodePoolsFacets: readonly ItemFacet[] = [
  {
    id: 'cluster-setup/system-node-pools',
    delivery: 'enforced',
    settings: nodePoolSet('addPool', 'mode'),
    rule: rules.systemNodePoolsRule,
    note: "The cluster's default pool is the System pool with only_critical_addons_enabled; NodePoolSet pools are User pools. An extra System pool must carry the CriticalAddonsOnly taint.",
  },
  { id: 'cluster-setup/cluster-autoscaling', delivery: 'enforced', settings: nodePoolSet('minCount', 'maxCount'), rule: rules.autoscalingRule, note: 'Every pool, the default one included, autoscales within explicit bounds; the shared autoscaler profile is on the cluster.' },
  { id: 'resource-management/cluster-auto-scaling', delivery: 'enforced', settings: nodePoolSet('minCount', 'maxCount'), rule: rules.autoscalingRule },
  { id: 'cluster-setup/node-sizing', delivery: 'enforced', settings: nodePoolSet('vmSize', 'maxPods'), rule: rules.nodeSizingRule, note: 'VM size and max_pods are required or explicit per pool; which size suits a workload stays the team\'s analysis.' },
  {
    id: 'cluster-setup/vm-sizing',
    delivery: 'enforced',
    settings: nodePoolSet('vmSize'),
    rule: rules.vmSizingRule,
    note: 'Node facet only: no burstable sizes, at least 2 vCPUs / 4 GiB. "Fewer, larger clusters" is an organisational choice; NodePoolSet supports it with dedicated pools in one cluster (cluster-setup/physical-isolation).',
  },
  { id: 'cluster-setup/proximity-placement-group', delivery: 'option', settings: nodePoolSet('proximityPlacementGroup'), rule: rules.proximityPlacementGroupRule, note: 'Single-zone pools only; the availability-zones waiver with the given reason is recorded on the pool.' },
  { id: 'cluster-setup/node-configuration-tuning', delivery: 'option', settings: nodePoolSet('kubeletConfig', 'linuxOsConfig'), rule: rules.nodeTuningRule },
  { id: 'cluster-setup/node-configuration-tuning', delivery: 'option', settings: nodePoolSet('osSku'), rule: rules.azureLinuxRule, note: "OS facet: Linux pools default to Azure Linux (os_sku = 'AzureLinux'); Ubuntu stays selectable and is reported." },
  { id: 'cluster-setup/regulated-industries', delivery: 'option', settings: nodePoolSet('fipsEnabled'), rule: rules.fipsRule, note: 'FIPS node images (Linux). CIS and PCI-DSS alignment come from the secure defaults of the other constructs.' },
  {
    id: 'cluster-setup/physical-isolation',
    delivery: 'option',
    settings: nodePoolSet('dedicatedTo'),
    rule: rules.physicalIsolationRule,
    note: 'Isolation inside one cluster with dedicated pools (label + NoSchedule taint) instead of a cluster per team; a pool is still a shared failure domain with its cluster.',
  },
  { id: 'disaster-recovery/availability-zones', delivery: 'enforced', settings: nodePoolSet('zones', 'addZonalPools'), rule: rules.availabilityZonesRule, note: 'Default and user pools: spanning zones, or one zonal pool per zone with the same labels.' },
  { id: 'storage/storage-type', delivery: 'enforced', settings: nodePoolSet('osDiskType'), rule: rules.storageTypeRule, note: 'Node OS disks only: ephemeral (local SSD) or premium SSD. Storage classes for volumes are the workloads\' choice.' },
  { id: 'storage/node-storage-sizing', delivery: 'enforced', settings: nodePoolSet('osDiskSizeGb', 'vmSize'), rule: rules.nodeStorageSizingRule, note: 'Explicit OS disk size, ephemeral only where the VM size holds it; data disk counts per size remain part of choosing vmSize.' },
  { id: 'windows/base-image-matches-node-os', delivery: 'enforced', settings: nodePoolSet('osSku'), rule: rules.windowsBaseImageRule, note: 'Pools pin Windows2022; images must use a Windows Server 2022 (ltsc2022) base, selectable with the kubernetes.azure.com/os-sku node label.' },
  { id: 'windows/azure-cni', delivery: 'enforced', settings: nodePoolSet('host.networkPlugin'), rule: rules.windowsAzureCniRule },
  {
    id: 'windows/node-patching',
    delivery: 'enforced',
    settings: nodePoolSet('host.nodeOsUpgradeChannel'),
    rule: rules.windowsNodePatchingRule,
    note: 'AKS does not run Windows Update on nodes; NodeImage rolls patched images weekly within the node OS maintenance window. Unmanaged and None leave Windows unpatched.',
  },
];
