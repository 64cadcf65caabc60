import { TerraformStack, Testing } from 'cdktf';
import { describePool, describeZonalPools, NodePoolProps, NodePoolSet, rotationName, surgeNodes } from '../../lib/node-pools';
import { KUBERNETES_VERSIONS } from '../../lib/core/kubernetes-versions';
import { waiversIn } from '../../lib/report/build';
import { APPS, defaultDoc, newSet, pool, poolsDoc, PPG_ID } from './fixtures';

describe('NodePoolSet: what it synthesizes', () => {
  const doc = defaultDoc();

  test('a user pool with safe defaults, in snake_case', () => {
    const p = pool(doc, 'batch');
    expect(p).toMatchObject({
      name: 'batch',
      mode: 'User',
      vm_size: 'Standard_D8ds_v5',
      auto_scaling_enabled: true,
      min_count: 2,
      max_count: 10,
      node_count: 2,
      max_pods: 50,
      zones: ['1', '2', '3'],
      os_type: 'Linux',
      os_sku: 'AzureLinux',
      os_disk_size_gb: 128,
      os_disk_type: 'Ephemeral',
      host_encryption_enabled: true,
      node_public_ip_enabled: false,
      fips_enabled: false,
      priority: 'Regular',
      temporary_name_for_rotation: 'batchtmp',
      upgrade_settings: { max_surge: '33%', drain_timeout_in_minutes: 30, undrainable_node_behavior: 'Cordon' },
      node_labels: { 'workload-class': 'batch' },
      node_taints: ['workload-class=batch:NoSchedule'],
    });
    expect(p.kubernetes_cluster_id).toBe('${azurerm_kubernetes_cluster.aks.id}');
    expect(Object.keys(p).filter((k) => /[A-Z]/.test(k))).toEqual([]);
  });

  test('addZonalPools creates one single-zone pool per zone with the same labels', () => {
    const zonal = ['appsz1', 'appsz2', 'appsz3'].map((n) => pool(doc, n));
    expect(zonal.map((p) => p.zones)).toEqual([['1'], ['2'], ['3']]);
    expect(zonal.map((p) => p.temporary_name_for_rotation)).toEqual(['appsz1tmp', 'appsz2tmp', 'appsz3tmp']);
    expect(new Set(zonal.map((p) => JSON.stringify(p.node_labels ?? {}))).size).toBe(1);
  });

  test('every pool of a set gets its own rotation name, so pools rotating in one apply do not share a temporary pool', () => {
    const d = poolsDoc((set) => {
      set.addZonalPools('win', { ...APPS, osType: 'Windows' });
      set.addZonalPools('workloads', APPS);
    });
    const names = ['winz1', 'winz2', 'winz3', 'workloadsz1', 'workloadsz2', 'workloadsz3'];
    const rotations = names.map((n) => pool(d, n).temporary_name_for_rotation as string);
    expect(rotations).toEqual(['wintmp', 'wi2tmp', 'wi3tmp', 'workloadstmp', 'workload2tmp', 'workload3tmp']);
    rotations.forEach((t, i) => expect(t).toMatch(i < 3 ? /^[a-z][a-z0-9]{0,5}$/ : /^[a-z][a-z0-9]{0,11}$/));
  });

  test('a rotation name never takes the name of another pool of the set', () => {
    const d = poolsDoc((set) => {
      set.addPool('wi2tmp', APPS);
      set.addZonalPools('win', { ...APPS, osType: 'Windows' });
    });
    const names = ['wi2tmp', 'winz1', 'winz2', 'winz3'];
    const rotations = names.map((n) => pool(d, n).temporary_name_for_rotation as string);
    expect(new Set([...names, ...rotations]).size).toBe(names.length * 2);
    expect(rotations[2]).toBe('wz2tmp');
  });

  test('a spot pool: Spot priority, Delete eviction, price -1, the spot taint, no upgrade_settings', () => {
    const d = poolsDoc((set) => {
      set.addPool('apps', APPS);
      set.addPool('appsspot', { ...APPS, spot: {} });
    });
    const p = pool(d, 'appsspot');
    expect(p).toMatchObject({ priority: 'Spot', eviction_policy: 'Delete', spot_max_price: -1, node_taints: ['kubernetes.azure.com/scalesetpriority=spot:NoSchedule'] });
    expect(p.upgrade_settings).toBeUndefined();
  });

  test('a Windows pool: Windows2022, a 6-character rotation name', () => {
    const d = poolsDoc((set) => set.addPool('win1', { ...APPS, osType: 'Windows' }));
    expect(pool(d, 'win1')).toMatchObject({ os_type: 'Windows', os_sku: 'Windows2022', temporary_name_for_rotation: 'wintmp' });
  });

  test('ephemeral OS disk only when the VM size holds it; known small sizes fall back to Managed', () => {
    const d = poolsDoc((set) => {
      set.addPool('big', { ...APPS, vmSize: 'Standard_D4ds_v5', osDiskSizeGb: 150 });
      set.addPool('small', { ...APPS, vmSize: 'Standard_DS2_v2', osDiskSizeGb: 128 });
      set.addPool('nolocal', { ...APPS, vmSize: 'Standard_D4s_v5' });
    });
    expect(pool(d, 'big').os_disk_type).toBe('Ephemeral');
    expect(pool(d, 'small').os_disk_type).toBe('Managed');
    expect(pool(d, 'nolocal').os_disk_type).toBe('Managed');
  });

  test('the same VM size gets the same OS disk as the system pool: ephemeral, sized to the temp disk when it is under 128 GiB', () => {
    const d = poolsDoc((set) => set.addPool('smallvm', { ...APPS, vmSize: 'Standard_D2ds_v5' }));
    expect(pool(d, 'smallvm')).toMatchObject({ os_disk_type: 'Ephemeral', os_disk_size_gb: 75 });
  });

  test('a size whose local disks the library does not know gets a Managed OS disk and a warning, not a guess', () => {
    const set = newSet();
    set.addPool('apps', { ...APPS, vmSize: 'Standard_D4as_v4' });
    const warnings = set.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => String(m.data));
    expect(warnings.join('\n')).toMatch(/Standard_D4as_v4.*Managed OS disk|Managed OS disk.*Standard_D4as_v4/);
    const json = JSON.parse(Testing.synth(set.node.scope as never));
    expect(Object.values(json.resource.azurerm_kubernetes_cluster_node_pool as Record<string, any>).map((p) => p.os_disk_type)).toEqual(['Managed']);
  });

  test('tuning, FIPS and a PPG are emitted with snake_case keys, and the PPG records its waiver', () => {
    const d = poolsDoc((set) =>
      set.addPool('lowlat', {
        ...APPS,
        zones: [1],
        fipsEnabled: true,
        proximityPlacementGroup: { id: PPG_ID, reason: 'order matching needs sub-millisecond latency' },
        kubeletConfig: { cpuManagerPolicy: 'static', imageGcHighThreshold: 80, imageGcLowThreshold: 70 },
        linuxOsConfig: { sysctls: { vm_max_map_count: 262144, net_core_somaxconn: 16384 }, transparentHugePageDefrag: 'madvise' },
      }),
    );
    const p = pool(d, 'lowlat');
    expect(p).toMatchObject({
      fips_enabled: true,
      proximity_placement_group_id: PPG_ID,
      zones: ['1'],
      kubelet_config: { cpu_manager_policy: 'static', image_gc_high_threshold: 80, image_gc_low_threshold: 70 },
      linux_os_config: { transparent_huge_page_defrag: 'madvise', sysctl_config: { vm_max_map_count: 262144, net_core_somaxconn: 16384 } },
    });
    expect(JSON.stringify(d.metadata('aksChecklist'))).toMatch(/disaster-recovery\/availability-zones.*sub-millisecond/);
  });

  test('a version outside the window is a loosening: orchestrator_version is the plain version, the reason a waiver on the pool', () => {
    const d = poolsDoc((set) => {
      set.addPool('legacy', { ...APPS, orchestratorVersion: { version: '1.31', reason: 'LTS on Premium until the vendor certifies a newer one' } });
      set.addPool('apps', { ...APPS, orchestratorVersion: KUBERNETES_VERSIONS.newest });
    });
    expect(pool(d, 'legacy').orchestrator_version).toBe('1.31');
    expect(pool(d, 'apps').orchestrator_version).toBe(KUBERNETES_VERSIONS.newest);
    expect(waiversIn(d)).toEqual([
      {
        item: 'operations/kubernetes-version-current',
        path: expect.stringMatching(/pools\/legacy$/),
        reason: `pool 'legacy' runs Kubernetes 1.31, outside the supported window (${KUBERNETES_VERSIONS.oldest} to ${KUBERNETES_VERSIONS.newest}): LTS on Premium until the vendor certifies a newer one`,
      },
    ]);
  });

  test('the planner description counts max nodes and surge (none for spot)', () => {
    expect(describePool('apps', APPS)).toEqual({ name: 'apps', maxNodes: 10, surgeNodes: 4, maxPods: 50 });
    expect(describePool('spot', { ...APPS, spot: {} }).surgeNodes).toBe(0);
    expect(describeZonalPools('apps', APPS).map((p) => p.name)).toEqual(['appsz1', 'appsz2', 'appsz3']);
    expect([surgeNodes(10, '1'), surgeNodes(10, '50%'), surgeNodes(3, undefined)]).toEqual([1, 5, 1]);
    expect(rotationName('apps', 'Linux')).toBe('appstmp');
  });
});

describe('NodePoolSet: bad input is rejected with the construct, the prop and the fix', () => {
  const add = (props: Partial<NodePoolProps> & Record<string, unknown>, name = 'apps', host = {}) => () => newSet(host).addPool(name, { ...APPS, ...props } as NodePoolProps);

  test('pool name with invalid characters', () => expect(add({}, 'Apps-1')).toThrow(/NodePoolSet 'pools': prop 'name' = 'Apps-1'.*Fix:/));
  test('a set without its cluster', () =>
    expect(() => new NodePoolSet(new TerraformStack(Testing.app(), 'bad'), 'pools', { host: undefined as never })).toThrow(/^NodePoolSet 'pools': prop 'host' = undefined is missing the cluster id/));
  test('Linux pool name longer than 12', () => expect(add({}, 'applications1')).toThrow(/NodePoolSet(?: '[^']+')?: prop 'name'.*at most 12/));
  test('Windows pool name longer than 6', () => expect(add({ osType: 'Windows' }, 'windows')).toThrow(/NodePoolSet(?: '[^']+')?: prop 'name'.*at most 6/));
  test('min greater than max', () => expect(add({ minCount: 5, maxCount: 3 })).toThrow(/NodePoolSet(?: '[^']+')?: prop 'apps.minCount' = 5 is greater than maxCount/));
  test('node count outside the bounds', () => expect(add({ nodeCount: 12 })).toThrow(/NodePoolSet(?: '[^']+')?: prop 'apps.nodeCount' = 12 is outside the autoscaler bounds/));
  test('autoscaling without bounds', () => expect(add({ minCount: undefined, maxCount: undefined })).toThrow(/NodePoolSet(?: '[^']+')?: prop 'apps.minCount\/maxCount'.*required/));
  test('max_pods below 10', () => expect(add({ maxPods: 5 })).toThrow(/NodePoolSet(?: '[^']+')?: prop 'apps.maxPods' = 5 is outside 10-250/));
  test('max_pods above 250', () => expect(add({ maxPods: 300 })).toThrow(/NodePoolSet(?: '[^']+')?: prop 'apps.maxPods' = 300/));
  test('zone outside 1-3', () => expect(add({ zones: [1, 4] })).toThrow(/NodePoolSet(?: '[^']+')?: prop 'apps.zones'.*'4', outside 1-3/));
  test('PPG with several zones, saying why', () =>
    expect(add({ proximityPlacementGroup: { id: PPG_ID, reason: 'latency for the trading engine' } })).toThrow(/NodePoolSet(?: '[^']+')?: prop 'apps.proximityPlacementGroup'.*3 zones.*one datacenter/));
  test('PPG without a reason', () => expect(add({ zones: [1], proximityPlacementGroup: { id: PPG_ID, reason: '' } })).toThrow(/NodePoolSet(?: '[^']+')?: prop 'apps.proximityPlacementGroup.reason'/));
  test('Windows pool on kubenet', () => expect(add({ osType: 'Windows' }, 'win1', { networkPlugin: 'kubenet', networkPluginMode: undefined })).toThrow(/NodePoolSet(?: '[^']+')?: prop 'host.networkPlugin' = 'kubenet'.*Azure CNI/));
  test('Windows pool on cilium', () => expect(add({ osType: 'Windows' }, 'win1', { networkDataPlane: 'cilium' })).toThrow(/NodePoolSet(?: '[^']+')?: prop 'host.networkDataPlane' = 'cilium'/));
  test('Windows pool with an unsupported OS SKU', () => expect(add({ osType: 'Windows', osSku: 'Windows2019' as never }, 'win1')).toThrow(/NodePoolSet(?: '[^']+')?: prop 'win1.osSku' = 'Windows2019'/));
  test('Windows pool on a cluster whose node OS channel does not patch Windows', () =>
    expect(add({ osType: 'Windows' }, 'win1', { nodeOsUpgradeChannel: 'Unmanaged' })).toThrow(/NodePoolSet(?: '[^']+')?: prop 'host.nodeOsUpgradeChannel' = 'Unmanaged'.*NodeImage/));
  test('System pool with fewer than 30 pods per node', () => expect(add({ mode: 'System', maxPods: 20 })).toThrow(/NodePoolSet(?: '[^']+')?: prop 'apps.maxPods' = 20 is below 30, the minimum AKS accepts for a System pool/));
  test('System pool that may scale to zero', () => expect(add({ mode: 'System', minCount: 0 })).toThrow(/NodePoolSet(?: '[^']+')?: prop 'apps.minCount' = 0 is 0 on a System pool/));
  test('spot pool as mode System', () => expect(add({ spot: {}, mode: 'System' })).toThrow(/NodePoolSet(?: '[^']+')?: prop 'apps.mode' = 'System' is System on a spot pool/));
  test('spot pool with a changed spot taint', () =>
    expect(add({ spot: {}, taints: ['kubernetes.azure.com/scalesetpriority=spot:PreferNoSchedule'] })).toThrow(/NodePoolSet(?: '[^']+')?: prop 'apps.taints'.*spot taint/));
  test('spot pool as the only pool of its workload class (checked at synth)', () => {
    const set = newSet();
    set.addPool('appsspot', { ...APPS, spot: {} });
    expect(() => Testing.synth(set.node.scope as never, true)).toThrow(/NodePoolSet(?: '[^']+')?: prop 'appsspot.spot'.*only pool for its workload class/);
  });
  test('ephemeral OS disk larger than the VM can hold', () =>
    expect(add({ vmSize: 'Standard_DS2_v2', osDiskType: 'Ephemeral', osDiskSizeGb: 128 })).toThrow(/NodePoolSet(?: '[^']+')?: prop 'apps.osDiskType' = 'Ephemeral' needs 128 GiB but Standard_DS2_v2.*86 GiB/));
  test('malformed taint', () => expect(add({ taints: ['dedicated=gpu'] })).toThrow(/NodePoolSet(?: '[^']+')?: prop 'apps.taints' = 'dedicated=gpu' is not a Kubernetes taint/));
  test('burstable VM size', () => expect(add({ vmSize: 'Standard_B2ms' })).toThrow(/NodePoolSet(?: '[^']+')?: prop 'apps.vmSize' = 'Standard_B2ms'.*burstable/));
  test('kubelet tuning out of range', () => expect(add({ kubeletConfig: { imageGcHighThreshold: 120 } })).toThrow(/NodePoolSet(?: '[^']+')?: prop 'apps.kubeletConfig.imageGcHighThreshold' = 120 is outside 0-100/));
  test('kubelet GC thresholds inverted', () => expect(add({ kubeletConfig: { imageGcHighThreshold: 60, imageGcLowThreshold: 70 } })).toThrow(/NodePoolSet(?: '[^']+')?: prop 'apps.kubeletConfig.imageGcLowThreshold' = 70 is not below/));
  test('kubelet policy not one of the allowed ones, with the nearest suggested', () =>
    expect(add({ kubeletConfig: { cpuManagerPolicy: 'statc' as never } })).toThrow(/NodePoolSet 'pools': prop 'apps.kubeletConfig.cpuManagerPolicy' = 'statc' is not one of "none", "static"\. Fix: did you mean "static"\?/));
  test('transparent huge page defrag mode not one of the allowed ones', () =>
    expect(add({ linuxOsConfig: { transparentHugePageDefrag: 'sometimes' as never } })).toThrow(/NodePoolSet 'pools': prop 'apps.linuxOsConfig.transparentHugePageDefrag' = 'sometimes' is not one of "always"/));
  test('sysctl out of range', () => expect(add({ linuxOsConfig: { sysctls: { vm_swappiness: 150 } } })).toThrow(/NodePoolSet(?: '[^']+')?: prop 'apps.linuxOsConfig.sysctls.vm_swappiness' = 150/));
  test('an unknown or typo\'d VM size is an error naming the prop, with the nearest size', () => {
    expect(add({ vmSize: 'Standard_D4dsv5' })).toThrow(/NodePoolSet 'pools': prop 'apps\.vmSize' = 'Standard_D4dsv5' is not a VM size Azure offers\. Fix: did you mean 'Standard_D4ds_v5'\?/);
    expect(add({ vmSize: 'standard_d8ds_v5' })).not.toThrow();
  });
  test('a System pool below the AKS minimum of 2 vCPUs and 4 GiB', () => {
    expect(add({ mode: 'System', vmSize: 'Standard_A1_v2' })).toThrow(/prop 'apps\.vmSize' = 'Standard_A1_v2' has 1 vCPU and 2 GiB, below the AKS minimum for a System pool/);
    expect(add({ mode: 'System', vmSize: 'Standard_D2ds_v5' })).not.toThrow();
  });
  test('labels under the prefixes Kubernetes and AKS reserve, and malformed labels', () => {
    expect(add({ labels: { 'kubernetes.azure.com/mode': 'user' } })).toThrow(/prop 'apps\.labels\.kubernetes\.azure\.com\/mode' = 'kubernetes\.azure\.com\/mode' uses the prefix 'kubernetes\.azure\.com\/', which Kubernetes and AKS reserve/);
    expect(add({ labels: { 'node-role.kubernetes.io/apps': '' } })).toThrow(/uses the prefix 'kubernetes\.io\/'/);
    expect(add({ labels: { team: 'Payments Team' } })).toThrow(/prop 'apps\.labels\.team' = 'Payments Team' is not a valid Kubernetes label value/);
    expect(add({ labels: { 'contoso.com/team': 'payments' } })).not.toThrow();
  });
  test('orchestrator versions, surge and drain timeout AKS takes', () => {
    expect(add({ orchestratorVersion: 'v1.33' })).toThrow(/prop 'apps\.orchestratorVersion' = 'v1\.33' is not a Kubernetes version\. Fix: write 'major\.minor' or 'major\.minor\.patch' without a 'v', e\.g\. '1\.33'/);
    expect(add({ orchestratorVersion: '1.20' })).toThrow(/prop 'apps\.orchestratorVersion' = '1\.20' is no longer supported by AKS/);
    expect(add({ orchestratorVersion: '1.20' })).toThrow(/Fix: .* give orchestratorVersion: \{ version: '1\.20', reason: '<why>' \}/);
    expect(add({ orchestratorVersion: { version: '1.20', reason: '' } })).toThrow(/NodePoolSet 'pools': prop 'apps\.orchestratorVersion\.reason' = '' is missing or too short/);
    expect(add({ orchestratorVersion: { version: KUBERNETES_VERSIONS.oldest, reason: 'LTS on Premium until the vendor certifies a newer one' } })).toThrow(
      new RegExp(`prop 'apps\\.orchestratorVersion\\.version' = '${KUBERNETES_VERSIONS.oldest}' is inside the supported window .* Fix: give the plain version, orchestratorVersion: '${KUBERNETES_VERSIONS.oldest}'`),
    );
    expect(add({ orchestratorVersion: { version: '1.20', reason: 'LTS on Premium until the vendor certifies a newer one' } })).not.toThrow();
    expect(add({ maxSurge: '150%' })).toThrow(/prop 'apps\.maxSurge' = '150%' is not a surge AKS accepts/);
    expect(add({ drainTimeoutInMinutes: 5000 })).toThrow(/prop 'apps\.drainTimeoutInMinutes' = 5000 is outside 1-1440 minutes/);
    expect(add({ maxSurge: '100%', drainTimeoutInMinutes: 1440 })).not.toThrow();
  });
  test('a user pool named like the system pool', () => {
    expect(add({}, 'system', { systemPoolName: 'system' })).toThrow(/NodePoolSet 'pools': prop 'name' = 'system' is the name of the cluster's system pool/);
    expect(add({}, 'system1', { systemPoolName: 'system' })).not.toThrow();
  });
  test('zones in a region without availability zones (none by default there)', () => {
    expect(add({ zones: [1, 2, 3] }, 'apps', { location: 'ukwest' })).toThrow(/prop 'apps\.zones' = \[1,2,3\] asks for availability zones, but ukwest has no availability zones\. Fix: leave zones unset/);
    expect(add({}, 'apps', { location: 'ukwest' })).not.toThrow();
    expect(() => newSet({ location: 'ukwest' }).addZonalPools('apps', APPS)).toThrow(/NodePoolSet 'pools': prop 'zones' = \[1,2,3\] asks for one pool per availability zone \(zones 1-3, the default\), but ukwest has no availability zones\. Fix: use addPool/);
  });
  test('zonal base name too long for the zone suffix', () => expect(() => newSet().addZonalPools('applications', APPS)).toThrow(/NodePoolSet(?: '[^']+')?: prop 'baseName' = 'applications'/));
  test('duplicate pool names', () => {
    const set = newSet();
    set.addPool('apps', APPS);
    expect(() => set.addPool('apps', APPS)).toThrow(/NodePoolSet(?: '[^']+')?: prop 'name' = 'apps' collides/);
  });
  test('a subnet too small for max nodes x pods (+ surge)', () => {
    const set = newSet({ networkPluginMode: undefined }, { id: 'subnet-id', name: 'snet-user', usableAddresses: 251 });
    expect(() => set.addPool('apps', APPS)).toThrow(/NodePoolSet(?: '[^']+')?: prop 'apps.subnet' = 'snet-user' is too small: pool 'apps' needs 714 addresses \(\(10 max \+ 4 surge nodes\) x \(1 \+ 50 pods\), flat\).*251 usable/);
  });
});

describe('NodePoolSet: upgrade lifecycle (max_unavailable, node soak, undrainable nodes)', () => {
  const add = (props: Partial<NodePoolProps>) => () => newSet().addPool('apps', { ...APPS, ...props } as NodePoolProps);

  test('in-place upgrades: max_surge 0 with max_unavailable, soak time, Schedule for undrainable nodes; no surge in the IP plan', () => {
    const doc = poolsDoc((set) => void set.addPool('apps', { ...APPS, maxSurge: '0', maxUnavailable: '1', nodeSoakMinutes: 10 }));
    expect(pool(doc, 'apps').upgrade_settings).toEqual({ max_surge: '0', max_unavailable: '1', drain_timeout_in_minutes: 30, node_soak_duration_in_minutes: 10, undrainable_node_behavior: 'Schedule' });
    expect(describePool('apps', { ...APPS, maxSurge: '0', maxUnavailable: '1' }).surgeNodes).toBe(0);
  });

  test('surge upgrades keep Cordon; Schedule when asked', () => {
    const doc = poolsDoc((set) => void set.addPool('apps', { ...APPS, undrainableNodeBehavior: 'Schedule', drainTimeoutInMinutes: 60 }));
    expect(pool(doc, 'apps').upgrade_settings).toEqual({ max_surge: '33%', drain_timeout_in_minutes: 60, undrainable_node_behavior: 'Schedule' });
  });

  test('bad input', () => {
    expect(add({ maxUnavailable: '1' })).toThrow(/NodePoolSet(?: '[^']+')?: prop 'apps.maxSurge' = undefined must be '0' with maxUnavailable/);
    expect(add({ maxSurge: '0', maxUnavailable: '0' })).toThrow(/prop 'apps.maxUnavailable' = '0' is not a node count or a percentage AKS accepts/);
    expect(add({ maxSurge: '0' })).toThrow(/prop 'apps.maxSurge' = '0' is not a surge AKS accepts/);
    expect(add({ maxSurge: '0', maxUnavailable: '1', undrainableNodeBehavior: 'Cordon' })).toThrow(/prop 'apps.undrainableNodeBehavior' = 'Cordon' needs surge nodes/);
    expect(add({ nodeSoakMinutes: 45 })).toThrow(/prop 'apps.nodeSoakMinutes' = 45 is outside 0-30 minutes/);
    expect(add({ spot: {}, nodeSoakMinutes: 5 })).toThrow(/prop 'apps.spot' .* takes no upgrade settings/);
  });
});
