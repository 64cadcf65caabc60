/**
 * Checklist rules over node pools: every azurerm_kubernetes_cluster_node_pool and every cluster's
 * default_node_pool, judged alike. Pure functions over Terraform JSON.
 */
import { getPath, TerraformDocument } from '../core/terraform-document';
import { Check, check, evidenceFor, fromEvidence, isEmpty, notApplicable } from '../checklist/rule-kit';
import type { Evidence, Rule, RuleResult } from '../checklist/types';
import { attr, isSpot, labelsOf, modeOf, networkOf, num, osTypeOf, poolsOf, PoolView, taintsOf, zonesOf } from './pool-view';
import { CPU_MANAGER_POLICIES, KUBELET_RANGES, SYSCTL_RANGES, THP_DEFRAG, TOPOLOGY_MANAGER_POLICIES } from './tuning-ranges';
import { ephemeralCapacityGiB, isBurstable, supportsPremiumStorage, vmSize } from '../core/vm-sizes';

/** Evidence for checks on one pool (attributes prefixed with `default_node_pool.` for default pools). */
function poolEvidence(pool: PoolView, checks: readonly Check[]): Evidence[] {
  return evidenceFor(
    pool.block,
    checks.map((c) => ({ ...c, attribute: `${pool.prefix}${c.attribute}`.replace(/\.$/, '') })),
  );
}

/** A rule over the pools selected by `select`; not applicable when none is selected. */
function poolRule(select: (p: PoolView, doc: TerraformDocument) => boolean, checks: (p: PoolView, doc: TerraformDocument) => readonly Check[], whenNone: string): Rule {
  return (doc) => fromEvidence(
    poolsOf(doc)
      .filter((p) => select(p, doc))
      .flatMap((p) => poolEvidence(p, checks(p, doc))),
    whenNone,
  );
}

const all = (): boolean => true;
const NO_POOLS = 'no AKS node pool in the stack';
const show = (v: unknown): string => (v === undefined ? 'not set' : JSON.stringify(v));

/** cluster-setup/system-node-pools: the default pool runs only critical add-ons; extra System pools carry the CriticalAddonsOnly taint. */
export const systemNodePoolsRule: Rule = poolRule(
  (p) => modeOf(p) === 'System',
  (p) =>
    p.isDefault
      ? [check('only_critical_addons_enabled', attr(p, 'only_critical_addons_enabled') === true, 'the system pool runs only critical add-ons', 'is not true: application pods can land on the system pool and starve CoreDNS, metrics-server and konnectivity')]
      : [
          check(
            'node_taints',
            taintsOf(p).includes('CriticalAddonsOnly=true:NoSchedule'),
            'the extra System pool is tainted CriticalAddonsOnly',
            "lacks 'CriticalAddonsOnly=true:NoSchedule': an extra System pool without it takes application pods",
          ),
        ],
  NO_POOLS,
);

function autoscalingChecks(p: PoolView): Check[] {
  const min = num(p, 'min_count');
  const max = num(p, 'max_count');
  const count = num(p, 'node_count');
  return [
    check('auto_scaling_enabled', attr(p, 'auto_scaling_enabled') === true, 'the cluster autoscaler manages the pool', 'is not true: the pool cannot follow demand'),
    check('min_count', min !== undefined && max !== undefined && min <= max, `bounds ${min}..${max}`, `bounds are ${show(min)}..${show(max)}: set min_count <= max_count`),
    check('node_count', count === undefined || (min !== undefined && max !== undefined && count >= min && count <= max), 'node_count within the bounds', `node_count ${count} is outside ${min}..${max}`),
  ];
}

/** cluster-setup/cluster-autoscaling and resource-management/cluster-auto-scaling: every pool autoscales within explicit bounds. */
export const autoscalingRule: Rule = poolRule(all, autoscalingChecks, NO_POOLS);

/** cluster-setup/node-sizing: VM size and pods per node chosen explicitly, max_pods within 10-250. */
export const nodeSizingRule: Rule = poolRule(
  all,
  (p) => {
    const pods = num(p, 'max_pods');
    return [
      check('vm_size', typeof attr(p, 'vm_size') === 'string', `vm_size ${show(attr(p, 'vm_size'))}`, 'is not set: AKS picks a size that was not sized for the workload'),
      check('max_pods', pods !== undefined && pods >= 10 && pods <= 250, `max_pods ${pods}`, `max_pods is ${show(pods)}: set it explicitly between 10 and 250 so IP planning and node density are known`),
    ];
  },
  NO_POOLS,
);

/** cluster-setup/vm-sizing: no burstable sizes; known sizes have at least 2 vCPUs and 4 GiB (the AKS minimum for system pools). */
export const vmSizingRule: Rule = poolRule(
  all,
  (p) => {
    const size = attr(p, 'vm_size');
    if (typeof size !== 'string') {
      return [check('vm_size', false, '', 'is not set')];
    }
    const info = vmSize(size);
    return [
      check('vm_size', !isBurstable(size), `${size} is not burstable`, `${size} is a burstable B-series size: CPU credits run out under steady node load`),
      check('vm_size', info === undefined || (info.vcpus >= 2 && info.memoryGiB >= 4), info ? `${size} has ${info.vcpus} vCPUs` : `${size} is not in the library's size table`, `${size} is below 2 vCPUs / 4 GiB`),
    ];
  },
  NO_POOLS,
);

/** cluster-setup/proximity-placement-group: a pool in a PPG stays within one zone. */
export const proximityPlacementGroupRule: Rule = poolRule(
  (p) => typeof attr(p, 'proximity_placement_group_id') === 'string',
  (p) => [check('zones', zonesOf(p).length <= 1, `in a proximity placement group within ${zonesOf(p).join(', ') || 'no zone'}`, `spans zones ${zonesOf(p).join(', ')} with a proximity placement group: Azure cannot honour both`)],
  'no node pool uses a proximity placement group',
);

function rangeCheck(attribute: string, value: unknown, range: readonly [number, number] | undefined): Check {
  if (value === undefined) {
    return check(attribute, true, 'default', '');
  }
  const ok = range !== undefined && typeof value === 'number' && value >= range[0] && value <= range[1];
  return check(attribute, ok, `${value}`, range ? `${show(value)} is outside ${range[0]}-${range[1]}` : 'is not a setting AKS accepts');
}

/** cluster-setup/node-configuration-tuning: kubelet and sysctl tuning, when present, uses values AKS accepts. */
export const nodeTuningRule: Rule = poolRule(
  // An empty block (a plan shows `kubelet_config = []` for an untuned pool) tunes nothing.
  (p) => !isEmpty(attr(p, 'kubelet_config')) || !isEmpty(attr(p, 'linux_os_config')),
  (p) => {
    const checks: Check[] = [];
    const k = attr(p, 'kubelet_config');
    if (!isEmpty(k)) {
      for (const [name, range] of Object.entries(KUBELET_RANGES)) {
        checks.push(rangeCheck(`kubelet_config.${name}`, getPath(k, name), range));
      }
      const cpu = getPath(k, 'cpu_manager_policy');
      const topo = getPath(k, 'topology_manager_policy');
      checks.push(check('kubelet_config.cpu_manager_policy', cpu === undefined || CPU_MANAGER_POLICIES.includes(String(cpu)), 'valid', `${show(cpu)} is not a CPU manager policy`));
      checks.push(check('kubelet_config.topology_manager_policy', topo === undefined || TOPOLOGY_MANAGER_POLICIES.includes(String(topo)), 'valid', `${show(topo)} is not a topology manager policy`));
      const high = getPath(k, 'image_gc_high_threshold');
      const low = getPath(k, 'image_gc_low_threshold');
      checks.push(check('kubelet_config.image_gc_low_threshold', typeof high !== 'number' || typeof low !== 'number' || low < high, 'below the high threshold', `${low} is not below image_gc_high_threshold ${high}`));
    }
    const l = attr(p, 'linux_os_config');
    if (!isEmpty(l)) {
      const sysctl = getPath(l, 'sysctl_config');
      const entries = sysctl && typeof sysctl === 'object' && !Array.isArray(sysctl) ? Object.entries(sysctl) : Array.isArray(sysctl) && sysctl[0] && typeof sysctl[0] === 'object' ? Object.entries(sysctl[0] as object) : [];
      for (const [name, value] of entries) {
        checks.push(rangeCheck(`linux_os_config.sysctl_config.${name}`, value, (SYSCTL_RANGES as Record<string, readonly [number, number]>)[name]));
      }
      const defrag = getPath(l, 'transparent_huge_page_defrag');
      checks.push(check('linux_os_config.transparent_huge_page_defrag', defrag === undefined || THP_DEFRAG.includes(String(defrag)), 'valid', `${show(defrag)} is not a defrag mode`));
    }
    return checks.filter((c) => !c.ok || c.message !== 'default');
  },
  'no node pool tunes kubelet or the OS',
);

/**
 * cluster-setup/node-configuration-tuning (OS facet): Linux pools run Azure Linux, the OS built for
 * AKS (smaller image, fewer packages, patched with the node image), as the current edition advises.
 */
export const azureLinuxRule: Rule = poolRule(
  (p) => osTypeOf(p) !== 'Windows',
  (p) => {
    const sku = attr(p, 'os_sku');
    return [check('os_sku', sku === 'AzureLinux' || sku === 'AzureLinux3', `${sku}`, `${show(sku)} (Ubuntu by default): the current edition advises Azure Linux (os_sku = 'AzureLinux')`)];
  },
  'no Linux node pool in the stack',
);

/** cluster-setup/regulated-industries: when a cluster uses FIPS, every Linux pool of it does. */
export const fipsRule: Rule = (doc) => {
  const pools = poolsOf(doc);
  const fipsClusters = new Set(pools.filter((p) => attr(p, 'fips_enabled') === true).map((p) => p.cluster?.address ?? p.block.address));
  const inScope = pools.filter((p) => fipsClusters.has(p.cluster?.address ?? p.block.address) && osTypeOf(p) === 'Linux');
  return fromEvidence(
    inScope.flatMap((p) => poolEvidence(p, [check('fips_enabled', attr(p, 'fips_enabled') === true, 'FIPS 140-2 node image', 'is not true while other pools of the cluster use FIPS: regulated workloads can land on non-FIPS nodes')])),
    'no node pool enables FIPS',
  );
};

/** The workload-isolation taints of a pool (the spot taint and CriticalAddonsOnly are not isolation). */
function isolationTaints(p: PoolView): string[] {
  return taintsOf(p).filter((t) => !t.startsWith('kubernetes.azure.com/scalesetpriority=') && !t.startsWith('CriticalAddonsOnly='));
}

/** cluster-setup/physical-isolation: a user pool dedicated by a taint also carries the matching label, so workloads can both tolerate and select it. */
export const physicalIsolationRule: Rule = poolRule(
  (p) => modeOf(p) === 'User' && isolationTaints(p).length > 0,
  (p) =>
    isolationTaints(p).map((t) => {
      const m = /^([^=:]+)(?:=([^:]*))?:/.exec(t);
      const labels = labelsOf(p);
      const ok = m !== null && labels[m[1]] !== undefined && (m[2] === undefined || labels[m[1]] === m[2]);
      return check('node_labels', ok, `taint '${t}' has its matching label`, `taint '${t}' has no matching node label: dedicated workloads can tolerate the pool but not select it`);
    }),
  'no user pool is dedicated with a taint',
);

/** disaster-recovery/availability-zones: each pool spans zones, or is one of a set of zonal pools that together span several. */
export const availabilityZonesRule: Rule = (doc) => {
  const pools = poolsOf(doc);
  const group = (p: PoolView): string => JSON.stringify([p.cluster?.address ?? p.block.address, modeOf(p), osTypeOf(p), isSpot(p), Object.entries(labelsOf(p)).sort()]);
  const zonesByGroup = new Map<string, Set<string>>();
  pools.forEach((p) => zonesOf(p).forEach((z) => zonesByGroup.set(group(p), (zonesByGroup.get(group(p)) ?? new Set()).add(z))));
  return fromEvidence(
    pools.flatMap((p) => {
      const zones = zonesOf(p);
      const groupZones = zonesByGroup.get(group(p)) ?? new Set();
      const ok = zones.length >= 2 || (zones.length === 1 && groupZones.size >= 2);
      const message = zones.length >= 2 ? `spans zones ${zones.join(', ')}` : zones.length === 1 ? `zonal pool in zone ${zones[0]}; its class spans ${[...groupZones].join(', ')}` : '';
      return poolEvidence(p, [check('zones', ok, message, zones.length === 0 ? 'no zones: a zone outage can take the whole pool' : `only zone ${zones[0]} and no sibling pool in another zone`)]);
    }),
    NO_POOLS,
  );
};

/** storage/storage-type: node OS disks on local SSD (ephemeral) or premium SSD. */
export const storageTypeRule: Rule = poolRule(
  all,
  (p) => {
    const type = attr(p, 'os_disk_type');
    const size = attr(p, 'vm_size');
    const premium = typeof size === 'string' ? supportsPremiumStorage(size) : undefined;
    const ok = type === 'Ephemeral' || premium === true;
    return [check('os_disk_type', ok, type === 'Ephemeral' ? 'ephemeral OS disk on local SSD' : `managed OS disk on premium SSD (${size})`, `${show(type ?? 'Managed')} on ${show(size)}, which has no premium storage: node I/O runs on standard disks`)];
  },
  NO_POOLS,
);

/** storage/node-storage-sizing: OS disk sized explicitly; an ephemeral OS disk fits the VM size's cache/temp disk. */
export const nodeStorageSizingRule: Rule = poolRule(
  all,
  (p) => {
    const gb = num(p, 'os_disk_size_gb');
    const size = attr(p, 'vm_size');
    const capacity = typeof size === 'string' ? ephemeralCapacityGiB(size) : undefined;
    const ephemeral = attr(p, 'os_disk_type') === 'Ephemeral';
    return [
      check('os_disk_size_gb', gb !== undefined, `${gb} GiB`, 'is not set: the OS disk (images, logs, emptyDir) is sized by default rather than for the workload'),
      check(
        'os_disk_type',
        !ephemeral || capacity === undefined || (gb !== undefined && gb <= capacity),
        ephemeral ? (capacity === undefined ? `ephemeral on ${size}, a size the library does not know` : `ephemeral ${gb} GiB fits ${capacity} GiB`) : 'managed',
        `ephemeral OS disk of ${gb} GiB exceeds the ${capacity} GiB cache/temp disk of ${size}`,
      ),
    ];
  },
  NO_POOLS,
);

const windows = (p: PoolView): boolean => osTypeOf(p) === 'Windows';
const NO_WINDOWS = 'no Windows node pool in the stack';

/** windows/base-image-matches-node-os: Windows pools pin a supported OS SKU, so container base images can match it. */
export const windowsBaseImageRule: Rule = poolRule(
  windows,
  (p) => [check('os_sku', attr(p, 'os_sku') === 'Windows2022', 'Windows2022: build images on a Windows Server 2022 base (ltsc2022)', `${show(attr(p, 'os_sku'))}: pin 'Windows2022' so the host OS and the images' base OS match`)],
  NO_WINDOWS,
);

function withCluster(p: PoolView): boolean {
  return windows(p) && p.cluster !== undefined;
}

/** windows/azure-cni: clusters with Windows pools use Azure CNI on a data plane that supports Windows. */
export const windowsAzureCniRule: Rule = (doc) => {
  const clusters = new Map(poolsOf(doc).filter(withCluster).map((p) => [p.cluster!.address, p.cluster!]));
  if (clusters.size === 0) {
    return notApplicable('no Windows node pool of a cluster in the stack');
  }
  return fromEvidence(
    [...clusters.values()].flatMap((c) => {
      const net = networkOf(c);
      return evidenceFor(c, [
        check('network_profile.network_plugin', net.plugin === 'azure', 'Azure CNI', `${show(net.plugin)}: Windows nodes need Azure CNI (kubenet is not supported)`),
        check('network_profile.network_data_plane', net.dataPlane !== 'cilium', `data plane ${net.dataPlane ?? 'azure'}`, 'cilium has no Windows support'),
      ]);
    }),
  );
};

/** windows/node-patching: clusters with Windows pools roll patched node images (NodeImage), since Windows does not patch itself on AKS. */
export const windowsNodePatchingRule: Rule = (doc): RuleResult => {
  const clusters = new Map(poolsOf(doc).filter(withCluster).map((p) => [p.cluster!.address, p.cluster!]));
  if (clusters.size === 0) {
    return notApplicable('no Windows node pool of a cluster in the stack');
  }
  return fromEvidence(
    [...clusters.values()].flatMap((c) => {
      const channel = getPath(c.values, 'node_os_upgrade_channel');
      const ok = channel === undefined || channel === 'NodeImage';
      return evidenceFor(c, [check('node_os_upgrade_channel', ok, channel === undefined ? 'provider default NodeImage: patched Windows images roll weekly' : 'NodeImage: patched Windows images roll weekly', `${show(channel)}: Windows nodes get no updates from it; use NodeImage`)]);
    }),
  );
};
