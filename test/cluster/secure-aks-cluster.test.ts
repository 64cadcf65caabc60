/**
 * What SecureAksCluster synthesizes: the emitted snake_case keys and values, identities and role
 * assignments, egress wiring, waivers, warnings, and no secrets.
 */
import { DataAzurermKeyVaultSecret } from '@cdktf/provider-azurerm/lib/data-azurerm-key-vault-secret';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { TerraformOutput } from 'cdktf';
import { DEFAULT_POD_CIDR, DEFAULT_SERVICE_CIDR, describeSystemPool, SecureAksCluster, SecureAksClusterProps } from '../../lib/cluster';
import { surgeNodes } from '../../lib/node-pools/pool-sizing';
import { KUBERNETES_VERSIONS } from '../../lib/core/kubernetes-versions';
import type { IEgressPath } from '../../lib/core/contracts';
import { NatGatewayEgress } from '../../lib/egress/nat-gateway';
import { NetworkIsolatedEgress } from '../../lib/egress/network-isolated';
import type { INodePoolHost } from '../../lib/node-pools/node-pool-set';
import { waiversIn } from '../../lib/report/build';
import { docOf, synthDoc, testStack } from '../support/synth';
import { ADMIN_GROUP, baseProps, clusterDoc, clusterValues, KEY_ID, SUB } from './fixtures';

describe('SecureAksCluster defaults', () => {
  const doc = clusterDoc();
  const c = clusterValues(doc);

  test('private API server with VNet integration and a system-managed DNS zone', () => {
    expect(c).toMatchObject({ private_cluster_enabled: true, private_cluster_public_fqdn_enabled: false, private_dns_zone_id: 'System' });
    expect(c.api_server_access_profile).toEqual({ virtual_network_integration_enabled: true, subnet_id: `${SUB}/virtualNetworks/vnet-spoke/subnets/apiserver` });
  });

  test('identity and access: Entra ID with Azure RBAC, no local accounts, user-assigned identities, workload identity, no run command', () => {
    expect(c).toMatchObject({ local_account_disabled: true, role_based_access_control_enabled: true, oidc_issuer_enabled: true, workload_identity_enabled: true, run_command_enabled: false });
    expect(c.azure_active_directory_role_based_access_control).toEqual({ azure_rbac_enabled: true, admin_group_object_ids: [ADMIN_GROUP] });
    expect(c.identity).toEqual({ type: 'UserAssigned', identity_ids: [expect.stringMatching(/^\$\{azurerm_user_assigned_identity\.aks_ControlPlaneIdentity_\w+\.id\}$/)] });
    expect(Object.keys(c.kubelet_identity).sort()).toEqual(['client_id', 'object_id', 'user_assigned_identity_id']);
    expect(c.kubelet_identity.user_assigned_identity_id).toMatch(/azurerm_user_assigned_identity\.aks_KubeletIdentity_\w+\.id/);
    expect(c.service_principal).toBeUndefined();
  });

  test('security add-ons: policy, Defender, image cleaner, secrets provider with rotation, KMS over private access', () => {
    expect(c).toMatchObject({ azure_policy_enabled: true, image_cleaner_enabled: true, image_cleaner_interval_hours: 48 });
    expect(c.microsoft_defender).toEqual({ log_analytics_workspace_id: expect.stringContaining('/workspaces/law') });
    expect(c.key_vault_secrets_provider).toEqual({ secret_rotation_enabled: true, secret_rotation_interval: '2m' });
    expect(c.key_management_service).toEqual({ key_vault_key_id: KEY_ID, key_vault_network_access: 'Private' });
    expect(c.disk_encryption_set_id).toBeUndefined();
  });

  test('operations: Standard tier, patch + NodeImage channels, staggered weekly windows, monitoring, CSI drivers, KEDA', () => {
    expect(c).toMatchObject({ sku_tier: 'Standard', automatic_upgrade_channel: 'patch', node_os_upgrade_channel: 'NodeImage' });
    const window = { frequency: 'Weekly', interval: 1, duration: 4, start_time: '00:00', utc_offset: '+00:00' };
    expect(c.maintenance_window_auto_upgrade).toEqual({ ...window, day_of_week: 'Sunday' });
    expect(c.maintenance_window_node_os).toEqual({ ...window, day_of_week: 'Saturday' });
    expect(c.oms_agent).toEqual({ log_analytics_workspace_id: expect.any(String), msi_auth_for_monitoring_enabled: true });
    expect(c.monitor_metrics).toEqual({});
    expect(c.storage_profile).toEqual({ disk_driver_enabled: true, file_driver_enabled: true, snapshot_controller_enabled: true, blob_driver_enabled: false });
    expect(c.workload_autoscaler_profile).toEqual({ keda_enabled: true });
  });

  test('network: Azure CNI Overlay with cilium, standard LB, load balancer outbound without egress, address plan', () => {
    expect(c.network_profile).toEqual({
      network_plugin: 'azure',
      network_plugin_mode: 'overlay',
      network_data_plane: 'cilium',
      network_policy: 'cilium',
      load_balancer_sku: 'standard',
      outbound_type: 'loadBalancer',
      pod_cidr: '100.64.0.0/16',
      service_cidr: '100.65.0.0/16',
      dns_service_ip: '100.65.0.10',
      advanced_networking: { observability_enabled: true, security_enabled: true },
    });
  });

  test('system pool: critical add-ons only, zones, autoscaling bounds, ephemeral OS disk, hardening, rotation', () => {
    expect(c.default_node_pool).toEqual({
      name: 'system',
      vm_size: 'Standard_D4ds_v5',
      only_critical_addons_enabled: true,
      zones: ['1', '2', '3'],
      auto_scaling_enabled: true,
      min_count: 3,
      max_count: 6,
      node_count: 3,
      max_pods: 50,
      os_disk_type: 'Ephemeral',
      os_disk_size_gb: 128,
      os_sku: 'AzureLinux',
      host_encryption_enabled: true,
      node_public_ip_enabled: false,
      vnet_subnet_id: `${SUB}/virtualNetworks/vnet-spoke/subnets/nodes`,
      temporary_name_for_rotation: 'systemtmp',
      upgrade_settings: { max_surge: '33%', drain_timeout_in_minutes: 30, undrainable_node_behavior: 'Cordon' },
      tags: { env: 'prod', owner: 'platform' },
    });
  });

  test('identities get the roles AKS needs, and the cluster waits for them', () => {
    const assignments = doc.resources('azurerm_role_assignment').map((r) => r.values);
    expect(assignments.map((a) => a.role_definition_name).sort()).toEqual(['Managed Identity Operator', 'Network Contributor', 'Network Contributor']);
    const operator = assignments.find((a) => a.role_definition_name === 'Managed Identity Operator');
    expect(operator).toMatchObject({ scope: expect.stringMatching(/KubeletIdentity_\w+\.id\}$/), principal_id: expect.stringMatching(/ControlPlaneIdentity_\w+\.principal_id\}$/), principal_type: 'ServicePrincipal' });
    expect(c.depends_on).toHaveLength(3);
    // depends_on takes bare addresses: Terraform rejects "${...}" there.
    expect(c.depends_on.every((d: string) => /^azurerm_role_assignment\.[\w-]+$/.test(d))).toBe(true);
  });

  test('tags on every taggable resource', () => {
    for (const block of [...doc.resources('azurerm_kubernetes_cluster'), ...doc.resources('azurerm_user_assigned_identity')]) {
      expect(block.values.tags).toEqual({ env: 'prod', owner: 'platform' });
    }
  });

  test('no secrets in the synthesized JSON', () => {
    const text = JSON.stringify(doc.json);
    expect(text).not.toMatch(/password|client_secret|secret_value|access_key|connection_string|kube_admin_config/i);
  });

  test('snapshot (regression net only)', () => {
    expect(doc.json.resource).toMatchSnapshot();
  });
});

describe('SecureAksCluster options', () => {
  test('egress: user-defined routing and the cluster waits for the egress dependables', () => {
    const doc = synthDoc((stack) => {
      const rule = new RoleAssignment(stack, 'fw-ready', { scope: '/x', roleDefinitionName: 'Reader', principalId: ADMIN_GROUP });
      const egress: IEgressPath = { outboundType: 'userDefinedRouting', nextHopIp: '10.0.0.4', egressPublicIps: ['203.0.113.10'], dependables: [rule] };
      new SecureAksCluster(stack, 'aks', baseProps({ egress }));
    });
    const c = clusterValues(doc);
    expect(c.network_profile.outbound_type).toBe('userDefinedRouting');
    expect(c.depends_on).toContain('azurerm_role_assignment.fw-ready');
  });

  test('given identities are used as they are, and no identity is created', () => {
    const identity = (n: string) => ({ id: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${n}`, principalId: n === 'cp' ? '00000000-0000-0000-0000-0000000000c1' : '00000000-0000-0000-0000-0000000000c2', clientId: `${n}-client` });
    const doc = clusterDoc({ controlPlaneIdentity: identity('cp'), kubeletIdentity: identity('kubelet') });
    const c = clusterValues(doc);
    expect(doc.resources('azurerm_user_assigned_identity')).toHaveLength(0);
    expect(c.identity.identity_ids).toEqual([identity('cp').id]);
    expect(c.kubelet_identity).toEqual({ user_assigned_identity_id: identity('kubelet').id, client_id: 'kubelet-client', object_id: '00000000-0000-0000-0000-0000000000c2' });
  });

  test('a hub private DNS zone: the control-plane identity gets Private DNS Zone Contributor on it', () => {
    const zone = `${SUB}/privateDnsZones/privatelink.westeurope.azmk8s.io`;
    const doc = clusterDoc({ privateDnsZoneId: zone, grantSubnetAccess: false });
    expect(clusterValues(doc).private_dns_zone_id).toBe(zone);
    expect(doc.resources('azurerm_role_assignment').map((r) => [r.values.role_definition_name, r.values.scope])).toEqual([
      ['Managed Identity Operator', expect.any(String)],
      ['Private DNS Zone Contributor', zone],
    ]);
  });

  test('public API server: authorized ranges, no private DNS zone, and a recorded waiver', () => {
    const doc = clusterDoc({ publicApiServer: { reason: 'Operators connect from the office without a VPN', authorizedIpRanges: ['203.0.113.0/24', '198.51.100.7'] } });
    const c = clusterValues(doc);
    expect(c.private_cluster_enabled).toBe(false);
    expect(c.private_dns_zone_id).toBeUndefined();
    expect(c.api_server_access_profile.authorized_ip_ranges).toEqual(['203.0.113.0/24', '198.51.100.7']);
    expect(waiversIn(doc)).toEqual([{ item: 'cluster-setup/private-cluster', path: 'test/aks', reason: 'Operators connect from the office without a VPN' }]);
  });

  test('network policy azure runs on the azure data plane', () => {
    const c = clusterValues(clusterDoc({ networkPolicy: 'azure' }));
    expect(c.network_profile).toMatchObject({ network_policy: 'azure', network_data_plane: 'azure' });
  });

  test('upgrade channel none drops the channel and its window, and waives both items', () => {
    const doc = clusterDoc({ upgradeChannel: { channel: 'none', reason: 'Upgrades are driven by the release train' } });
    const c = clusterValues(doc);
    expect(c.automatic_upgrade_channel).toBeUndefined();
    expect(c.maintenance_window_auto_upgrade).toBeUndefined();
    expect(waiversIn(doc).map((w) => w.item)).toEqual(['cluster-setup/upgrade-channel', 'operations/kubernetes-version-current']);
  });

  test('Free tier and unmanaged node OS patching are loosenings recorded as waivers with their reasons', () => {
    const doc = clusterDoc({ skuTier: { tier: 'Free', reason: 'a sandbox with no SLA needed' }, nodeOsUpgradeChannel: { channel: 'Unmanaged', reason: 'Golden images are rolled by the platform team' } });
    const c = clusterValues(doc);
    expect(c).toMatchObject({ sku_tier: 'Free', node_os_upgrade_channel: 'Unmanaged' });
    expect(waiversIn(doc).map((w) => `${w.item}: ${w.reason}`)).toEqual(['disaster-recovery/control-plane-sla: a sandbox with no SLA needed', 'operations/node-os-patching: Golden images are rolled by the platform team']);
  });

  test('a Kubernetes version outside the window is a loosening: the plain version synthesized, the reason a waiver', () => {
    const doc = clusterDoc({ kubernetesVersion: { version: '1.31', reason: 'LTS on the Premium tier until the vendor certifies 1.33' } });
    expect(clusterValues(doc).kubernetes_version).toBe('1.31');
    expect(waiversIn(doc).map((w) => `${w.item}: ${w.reason}`)).toEqual([
      `operations/kubernetes-version-current: Kubernetes 1.31, outside the supported window (${KUBERNETES_VERSIONS.oldest} to ${KUBERNETES_VERSIONS.newest}): LTS on the Premium tier until the vendor certifies 1.33`,
    ]);
    expect(clusterValues(clusterDoc({ kubernetesVersion: KUBERNETES_VERSIONS.newest })).kubernetes_version).toBe(KUBERNETES_VERSIONS.newest);
  });

  test('disk encryption set, blob driver, custom windows', () => {
    const c = clusterValues(
      clusterDoc({
        diskEncryptionSetId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des',
        blobDriverEnabled: true,
        autoUpgradeWindow: { dayOfWeek: 'Tuesday', startTime: '22:00', durationHours: 6, utcOffset: '+01:00', intervalWeeks: 2 },
      }),
    );
    expect(c.disk_encryption_set_id).toMatch(/diskEncryptionSets\/des$/);
    expect(c.storage_profile.blob_driver_enabled).toBe(true);
    expect(c.maintenance_window_auto_upgrade).toEqual({ frequency: 'Weekly', interval: 2, day_of_week: 'Tuesday', start_time: '22:00', duration: 6, utc_offset: '+01:00' });
  });

  test('Windows gMSA: only a reference to the admin password is synthesized', () => {
    const doc = synthDoc((stack) => {
      const password = new DataAzurermKeyVaultSecret(stack, 'winpw', { name: 'aks-windows-admin', keyVaultId: '/subscriptions/x/vaults/kv' });
      new SecureAksCluster(stack, 'aks', baseProps({ windowsProfile: { adminUsername: 'aksadmin', adminPasswordReference: password.value, gmsa: { dnsServer: '', rootDomain: '' } } }));
    });
    expect(clusterValues(doc).windows_profile).toEqual({ admin_username: 'aksadmin', admin_password: '${data.azurerm_key_vault_secret.winpw.value}', gmsa: { dns_server: '', root_domain: '' } });
  });

  test('describeSystemPool() and the CIDR constants are what the cluster synthesizes (the IP plan reads the same defaults)', () => {
    for (const pool of [undefined, { name: 'sys', minCount: 3, maxCount: 9, maxPods: 110, maxSurge: '50%' }]) {
      const v = clusterValues(clusterDoc(pool ? { systemPool: pool } : {}));
      const p = v.default_node_pool;
      expect(describeSystemPool(pool)).toEqual({ name: p.name, maxNodes: p.max_count, maxPods: p.max_pods, surgeNodes: surgeNodes(p.max_count, p.upgrade_settings.max_surge) });
      expect(v.network_profile).toMatchObject({ pod_cidr: DEFAULT_POD_CIDR, service_cidr: DEFAULT_SERVICE_CIDR });
    }
  });

  test('a VM size whose temp disk is small gets an OS disk that fits; a size without local disk gets Managed', () => {
    expect(clusterValues(clusterDoc({ systemPool: { vmSize: 'Standard_D2ds_v5' } })).default_node_pool).toMatchObject({ os_disk_type: 'Ephemeral', os_disk_size_gb: 75 });
    expect(clusterValues(clusterDoc({ systemPool: { vmSize: 'Standard_D4s_v5' } })).default_node_pool).toMatchObject({ os_disk_type: 'Managed', os_disk_size_gb: 128 });
  });

  test('a size whose local disks the library does not know gets a Managed OS disk and a warning', () => {
    const stack = testStack();
    const cluster = new SecureAksCluster(stack, 'aks', baseProps({ systemPool: { vmSize: 'Standard_D4as_v4' } }));
    expect(cluster.node.metadata.map((m) => String(m.data)).join('\n')).toMatch(/pool 'system' uses a Managed OS disk because the library does not know the cache\/temp disk of Standard_D4as_v4/);
    expect(clusterValues(docOf(stack)).default_node_pool.os_disk_type).toBe('Managed');
  });

  test('an explicit ephemeral OS disk on an unknown VM size is kept, with a warning (the pool policy NodePoolSet uses too)', () => {
    const stack = testStack();
    const cluster = new SecureAksCluster(stack, 'aks', baseProps({ systemPool: { vmSize: 'Standard_D4as_v4', osDiskType: 'Ephemeral' } }));
    expect(cluster.node.metadata.map((m) => String(m.data)).join('\n')).toMatch(/asks for an ephemeral OS disk on Standard_D4as_v4, a size the library does not know/);
    expect(clusterValues(docOf(stack)).default_node_pool).toMatchObject({ os_disk_type: 'Ephemeral', os_disk_size_gb: 128 });
  });

  test('without a KMS key the cluster warns', () => {
    const stack = testStack();
    const cluster = new SecureAksCluster(stack, 'aks', baseProps({ kms: undefined }));
    expect(cluster.node.metadata.map((m) => String(m.data)).join('\n')).toMatch(/no 'kms' key.*etcd-encryption-own-key/);
  });
});

describe('SecureAksCluster intent methods and attributes', () => {
  const READERS = '99999999-8888-7777-6666-555555555555';

  test('a group grant called directly names the cluster path: a name instead of a GUID', () => {
    const cluster = new SecureAksCluster(testStack('grant'), 'aks', baseProps({}));
    expect(() => cluster.grantClusterAdmin('aks-admins')).toThrow(/^SecureAksCluster 'aks': prop 'grantClusterAdmin\.groupObjectId' = 'aks-admins' is not a GUID/);
    expect(() => cluster.grantClusterReader('readers')).toThrow(/^SecureAksCluster 'aks': prop 'grantClusterReader\.groupObjectId'/);
  });

  test('grantClusterAdmin, grantClusterReader and grantNamespaceAccess assign AKS RBAC roles to groups', () => {
    const doc = clusterDoc({}, (_stack, cluster) => {
      cluster.grantClusterAdmin(ADMIN_GROUP);
      cluster.grantClusterReader(READERS);
      cluster.grantNamespaceAccess(READERS, 'team-a', 'writer');
    });
    const groups = doc.resources('azurerm_role_assignment').filter((r) => r.values.principal_type === 'Group').map((r) => r.values);
    expect(groups.map((g) => [g.role_definition_name, g.principal_id])).toEqual([
      ['Azure Kubernetes Service RBAC Cluster Admin', ADMIN_GROUP],
      ['Azure Kubernetes Service RBAC Reader', READERS],
      ['Azure Kubernetes Service RBAC Writer', READERS],
    ]);
    expect(groups[0].scope).toMatch(/^\$\{azurerm_kubernetes_cluster\.aks_Cluster_\w+\.id\}$/);
    expect(groups[2].scope).toMatch(/\.id\}\/namespaces\/team-a$/);
  });

  test('grantNamespaceAccess refuses an invalid namespace', () => {
    expect(() => clusterDoc({}, (_s, cluster) => cluster.grantNamespaceAccess(READERS, 'Team_A'))).toThrow(/SecureAksCluster(?: '[^']+')?: prop 'grantNamespaceAccess.namespace' = 'Team_A'/);
  });

  test('addDependency makes the cluster wait', () => {
    const doc = clusterDoc({}, (stack, cluster) => cluster.addDependency(new RoleAssignment(stack, 'kms-crypto-user', { scope: '/x', roleDefinitionName: 'Key Vault Crypto User', principalId: cluster.controlPlaneIdentity.principalId })));
    expect(clusterValues(doc).depends_on).toContain('azurerm_role_assignment.kms-crypto-user');
  });

  test('attributes for other constructs are references to the cluster', () => {
    const stack = testStack();
    const cluster = new SecureAksCluster(stack, 'aks', baseProps());
    new TerraformOutput(stack, 'attributes', { value: { id: cluster.id, oidc: cluster.oidcIssuerUrl, secrets: cluster.secretsProviderIdentity, kubelet: cluster.kubeletIdentity.principalId } });
    expect(docOf(stack).json.output).toEqual({ attributes: { value: {
      id: '${azurerm_kubernetes_cluster.aks_Cluster_92087FF7.id}',
      oidc: '${azurerm_kubernetes_cluster.aks_Cluster_92087FF7.oidc_issuer_url}',
      secrets: '${azurerm_kubernetes_cluster.aks_Cluster_92087FF7.key_vault_secrets_provider[0].secret_identity[0].object_id}',
      kubelet: '${azurerm_user_assigned_identity.aks_KubeletIdentity_5DB8468F.principal_id}',
    } } });
    const host: INodePoolHost = cluster; // NodePoolSet takes the cluster as its host
    expect([host.networkPlugin, host.networkPluginMode, host.networkDataPlane, host.networkPolicy, host.nodeOsUpgradeChannel]).toEqual(['azure', 'overlay', 'cilium', 'cilium', 'NodeImage']);
  });
});

describe('SecureAksCluster 2026 features (azurerm 4.55 attributes)', () => {
  const c = clusterValues(clusterDoc());
  const values = (overrides: Partial<SecureAksClusterProps>): Record<string, any> => clusterValues(clusterDoc(overrides));
  const bad = (overrides: Partial<SecureAksClusterProps>) => () => new SecureAksCluster(testStack('bad'), 'aks', baseProps(overrides));
  const REASON = 'Hubble flow logs cost more than they give us here';

  test('defaults: ACNS observability and security on the cilium data plane, cost analysis on, support plan KubernetesOfficial, no mesh, no override', () => {
    expect(c.network_profile.advanced_networking).toEqual({ observability_enabled: true, security_enabled: true });
    expect(c).toMatchObject({ cost_analysis_enabled: true, support_plan: 'KubernetesOfficial' });
    expect(c.service_mesh_profile).toBeUndefined();
    expect(c.upgrade_override).toBeUndefined();
  });

  test('ACNS: absent on the azure data plane; off takes a reason and records a waiver of network/network-policies', () => {
    expect(values({ networkPolicy: 'azure' }).network_profile.advanced_networking).toBeUndefined();
    const off = clusterDoc({ advancedNetworking: { observability: false, reason: REASON } });
    expect(clusterValues(off).network_profile.advanced_networking).toEqual({ observability_enabled: false, security_enabled: true });
    expect(waiversIn(off)).toEqual([expect.objectContaining({ item: 'network/network-policies', reason: REASON })]);
    expect(bad({ advancedNetworking: { security: false } })).toThrow(/SecureAksCluster.*prop 'advancedNetworking.reason' = undefined is missing/);
    expect(bad({ networkPolicy: 'calico', advancedNetworking: { observability: true } })).toThrow(/prop 'advancedNetworking' .* needs the cilium data plane/);
  });

  test('cost analysis: off on the Free tier, refused when asked for on Free; off when set false', () => {
    expect(values({ skuTier: { tier: 'Free', reason: 'a sandbox with no SLA needed' } }).cost_analysis_enabled).toBe(false);
    expect(values({ costAnalysis: false }).cost_analysis_enabled).toBe(false);
    expect(bad({ skuTier: { tier: 'Free', reason: 'a sandbox with no SLA needed' }, costAnalysis: true })).toThrow(/prop 'costAnalysis' = true needs the Standard or Premium tier/);
  });

  test('LTS: support_plan AKSLongTermSupport with the Premium tier; refused on Standard', () => {
    expect(values({ skuTier: 'Premium', longTermSupport: true })).toMatchObject({ sku_tier: 'Premium', support_plan: 'AKSLongTermSupport' });
    expect(bad({ longTermSupport: true })).toThrow(/prop 'longTermSupport' = true needs the Premium tier .* skuTier is 'Standard'/);
  });

  test('upgrade override: force_upgrade_enabled and effective_until within 30 days, with a reason', () => {
    const until = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 19) + 'Z';
    const reason = 'upgrade past the removed flowcontrol v1beta2 API, fixed in the chart';
    expect(values({ upgradeOverride: { forceUpgrade: true, effectiveUntil: until, reason } }).upgrade_override).toEqual({ force_upgrade_enabled: true, effective_until: until });
    expect(bad({ upgradeOverride: { forceUpgrade: true, effectiveUntil: until, reason: '' } })).toThrow(/prop 'upgradeOverride.reason' = '' is missing/);
    expect(bad({ upgradeOverride: { forceUpgrade: true, effectiveUntil: '2026-13-01', reason } })).toThrow(/prop 'upgradeOverride.effectiveUntil' = '2026-13-01' is not an RFC 3339 UTC time/);
    const far = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 19) + 'Z';
    expect(bad({ upgradeOverride: { forceUpgrade: true, effectiveUntil: far, reason } })).toThrow(/prop 'upgradeOverride\.effectiveUntil' = '.*' is more than 30 days ahead \(AKS refuses it\)/);
    const edge = new Date(Date.now() + 29 * 86_400_000).toISOString().slice(0, 19) + 'Z';
    expect(bad({ upgradeOverride: { forceUpgrade: true, effectiveUntil: edge, reason } })).not.toThrow();
  });

  test('an expired upgrade override still synthesizes (AKS ignores it; azurerm cannot remove the block), with a warning to renew or turn it off', () => {
    const reason = 'upgrade past the removed flowcontrol v1beta2 API, fixed in the chart';
    const stack = testStack();
    const cluster = new SecureAksCluster(stack, 'aks', baseProps({ upgradeOverride: { forceUpgrade: true, effectiveUntil: '2020-01-01T00:00:00Z', reason } }));
    const warnings = cluster.node.metadata.map((m) => String(m.data)).join('\n');
    expect(warnings).toMatch(/upgradeOverride expired at 2020-01-01T00:00:00Z: AKS ignores it .*Renew it with an effectiveUntil within the next 30 days .*otherwise set forceUpgrade: false/);
    expect(warnings).not.toMatch(/forces upgrades past the deprecated-API check until/);
    expect(clusterValues(docOf(stack)).upgrade_override).toEqual({ force_upgrade_enabled: true, effective_until: '2020-01-01T00:00:00Z' });
    // The reason and the format are still checked on an expired override.
    expect(bad({ upgradeOverride: { forceUpgrade: true, effectiveUntil: '2020-01-01', reason } })).toThrow(/is not an RFC 3339 UTC time/);
    expect(bad({ upgradeOverride: { forceUpgrade: true, effectiveUntil: '2020-01-01T00:00:00Z', reason: 'x' } })).toThrow(/prop 'upgradeOverride\.reason'/);
  });

  test('Istio add-on: mode Istio, internal ingress gateway only; revisions checked', () => {
    expect(values({ serviceMesh: { revisions: ['asm-1-26'] } }).service_mesh_profile).toEqual({ mode: 'Istio', revisions: ['asm-1-26'], internal_ingress_gateway_enabled: true, external_ingress_gateway_enabled: false });
    expect(bad({ serviceMesh: { revisions: [] } })).toThrow(/prop 'serviceMesh.revisions' = \[\] must list 1 or 2 revisions/);
    expect(bad({ serviceMesh: { revisions: ['1.26'] } })).toThrow(/prop 'serviceMesh.revisions\[0\]' = '1.26' is not an Istio add-on revision/);
    expect(bad({ serviceMesh: { revisions: ['asm-1-25', 'asm-1-26', 'asm-1-27'] } })).toThrow(/must list 1 or 2 revisions/);
  });

  test('outbound through a NAT gateway or none: outbound_type, nat_gateway_profile, bootstrap_profile from the egress path', () => {
    const reason = 'no hub in this landing zone until the connectivity team delivers it';
    expect(c.network_profile.outbound_type).toBe('loadBalancer');
    const natDoc = synthDoc((stack) => void new SecureAksCluster(stack, 'aks', baseProps({ egress: new NatGatewayEgress(stack, 'nat', { reason, mode: 'managed', publicIpCount: 2, idleTimeoutMinutes: 10 }) })));
    const nat = clusterValues(natDoc);
    expect(waiversIn(natDoc)).toEqual(expect.arrayContaining([expect.objectContaining({ item: 'network/egress-lockdown', reason: `unfiltered egress (managedNATGateway): ${reason}` })]));
    expect(nat.network_profile).toMatchObject({ outbound_type: 'managedNATGateway', nat_gateway_profile: { managed_outbound_ip_count: 2, idle_timeout_in_minutes: 10 } });
    // Any egress path that does not filter says so in the one loosening shape; the cluster checks the reason.
    const unfiltered = (u: unknown) => () => synthDoc((stack) => void new SecureAksCluster(stack, 'aks', baseProps({ egress: { outboundType: 'managedNATGateway', natGatewayProfile: { managedOutboundIpCount: 1, idleTimeoutInMinutes: 4 }, egressPublicIps: [], dependables: [], unfiltered: u as { reason: string } } })));
    expect(unfiltered({ reason: '' })).toThrow(/SecureAksCluster 'aks': prop 'egress\.unfiltered\.reason' = '' is missing or too short: loosening a secure default \(egress without filtering \(managedNATGateway\)\)/);
    expect(unfiltered(reason)).toThrow(/SecureAksCluster 'aks': prop 'egress\.unfiltered' = '.*' is not a loosening with its reason\. Fix: give egress: \{ unfiltered: \{ reason: '<why egress may be unfiltered>' \} \}/);
    expect(waiversIn(unfiltered({ reason })())).toEqual([expect.objectContaining({ item: 'network/egress-lockdown', reason: `unfiltered egress (managedNATGateway): ${reason}` })]);
    const registry = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks/providers/Microsoft.ContainerRegistry/registries/acrplat';
    const isolated = clusterValues(synthDoc((stack) => void new SecureAksCluster(stack, 'aks', baseProps({ egress: new NetworkIsolatedEgress(stack, 'iso', { containerRegistryId: registry }) }))));
    expect(isolated.network_profile.outbound_type).toBe('none');
    expect(isolated.network_profile.nat_gateway_profile).toBeUndefined();
    expect(isolated.bootstrap_profile).toEqual({ artifact_source: 'Cache', container_registry_id: registry });
    expect(isolated.depends_on).toEqual(expect.arrayContaining([expect.stringMatching(/^azurerm_container_registry_cache_rule\./)]));
  });

  test('system pool upgrade lifecycle: drain timeout, node soak, undrainable behaviour; bad values', () => {
    expect(values({ systemPool: { drainTimeoutMinutes: 45, nodeSoakMinutes: 5, undrainableNodeBehavior: 'Schedule' } }).default_node_pool.upgrade_settings).toEqual({
      max_surge: '33%',
      drain_timeout_in_minutes: 45,
      node_soak_duration_in_minutes: 5,
      undrainable_node_behavior: 'Schedule',
    });
    expect(bad({ systemPool: { nodeSoakMinutes: 31 } })).toThrow(/prop 'systemPool.nodeSoakMinutes' = 31 is outside 0-30 minutes/);
    expect(bad({ systemPool: { drainTimeoutMinutes: 0 } })).toThrow(/prop 'systemPool.drainTimeoutMinutes' = 0 is outside 1-1440 minutes/);
    expect(bad({ systemPool: { undrainableNodeBehavior: 'Evict' as never } })).toThrow(/prop 'systemPool.undrainableNodeBehavior' = 'Evict' is not one of "Cordon", "Schedule"/);
    expect(bad({ systemPool: { maxUnavailable: '1' } as never })).toThrow(/prop 'systemPool.maxUnavailable' = '1' is not an attribute of the system pool/);
  });
});
