/**
 * AzAPI resources judged through the azurerm rules: an `azapi_resource` (or `azapi_update_resource`) of
 * type `Microsoft.ContainerService/managedClusters`, `.../managedClusters/agentPools` or
 * `Microsoft.ContainerRegistry/registries` (and `Microsoft.Insights/diagnosticSettings`) is mapped from its ARM body (`properties.apiServerAccessProfile
 * .enablePrivateCluster`, `properties.disableLocalAccounts`, ...) to the azurerm 4.x arguments the rules
 * read, and reported as `azurerm_kubernetes_cluster` (`azurerm_kubernetes_cluster_node_pool`,
 * `azurerm_container_registry`, `azurerm_monitor_diagnostic_setting`) at the AzAPI address. Pools of `properties.agentPoolProfiles` other than
 * the first System pool become node pools at `<address>.properties.agentPoolProfiles[<i>]`.
 *
 * A body the reader could not resolve (`${local.body}`) stays an `azapi_resource`, which the report
 * lists as not judged. ARM properties with no azurerm counterpart that a rule reads are dropped.
 */
import type { ResolvedBlock } from '../../core/resolved-config';
import type { JsonObject, JsonValue } from '../../core/terraform-document';

const CLUSTER = /^Microsoft\.ContainerService\/managedClusters@/i;
const POOL = /^Microsoft\.ContainerService\/managedClusters\/agentPools@/i;
const REGISTRY = /^Microsoft\.ContainerRegistry\/registries@/i;
const DIAGNOSTICS = /^Microsoft\.Insights\/diagnosticSettings@/i;

type Obj = JsonObject;

function obj(v: JsonValue | undefined): Obj | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
}

/** Reads `a.b.c` in an ARM body, case-insensitively on keys (ARM keys are case-insensitive). */
function at(v: JsonValue | undefined, path: string): JsonValue | undefined {
  let cur = v;
  for (const step of path.split('.')) {
    const o = obj(cur);
    if (!o) return undefined;
    const key = Object.keys(o).find((k) => k.toLowerCase() === step.toLowerCase());
    cur = key === undefined ? undefined : o[key];
  }
  return cur === null ? undefined : cur;
}

/** ARM writes booleans as strings in add-on configs (`"enableSecretRotation": "true"`). */
function bool(v: JsonValue | undefined): JsonValue | undefined {
  return v === 'true' ? true : v === 'false' ? false : v;
}

/** Sets the defined values of `pairs` on `out`; returns whether any was set. */
function assign(out: Obj, pairs: Record<string, JsonValue | undefined>): boolean {
  let any = false;
  for (const [k, v] of Object.entries(pairs)) {
    if (v !== undefined) {
      out[k] = v;
      any = true;
    }
  }
  return any;
}

/** A nested block from defined values, or nothing when none is defined. */
function block(pairs: Record<string, JsonValue | undefined>): Obj[] | undefined {
  const b: Obj = {};
  return assign(b, pairs) ? [b] : undefined;
}

function snake(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[.-]/g, '_').toLowerCase();
}

/** An ARM object with camelCase keys as snake_case (kubelet and OS configs keep the same names). */
function snakeKeys(v: JsonValue | undefined): JsonValue | undefined {
  const o = obj(v);
  if (!o) return v;
  return Object.fromEntries(Object.entries(o).filter(([, x]) => x !== null).map(([k, x]) => [snake(k), obj(x) ? snakeKeys(x) as JsonValue : x]));
}

/** The body as an object: azapi 2.x writes HCL objects, 1.x `jsonencode(...)` strings. */
function bodyOf(values: Obj): Obj | undefined {
  const body = values.body;
  if (typeof body === 'string' && !body.includes('${')) {
    try {
      return obj(JSON.parse(body) as JsonValue);
    } catch {
      return undefined;
    }
  }
  return obj(body);
}

/** `resource_group_name` from a resource group parent id (a literal id or a reference to a group's id). */
function groupOf(parentId: JsonValue | undefined): JsonValue | undefined {
  if (typeof parentId !== 'string') return undefined;
  const literal = /\/resourceGroups\/([^/]+)$/i.exec(parentId);
  if (literal && !parentId.includes('${')) return literal[1];
  const ref = /^\$\{(.*azurerm_resource_group\.[\w-]+(?:\[[^\]]+\])?)\.id\}$/.exec(parentId);
  return ref ? `\${${ref[1]}.name}` : undefined;
}

function identityOf(values: Obj, body: Obj): JsonValue | undefined {
  const declared = Array.isArray(values.identity) ? obj(values.identity[0]) : obj(values.identity);
  if (declared) {
    return block({ type: declared.type, identity_ids: declared.identity_ids });
  }
  if (typeof values.identity === 'string') {
    // a dynamic identity block whose presence is unknown
    return values.identity;
  }
  const arm = at(body, 'identity');
  if (!arm) return undefined;
  const ids = obj(at(arm, 'userAssignedIdentities'));
  return block({ type: at(arm, 'type'), identity_ids: ids ? Object.keys(ids) : undefined });
}

/** An agent pool's ARM properties as azurerm pool arguments. */
function poolOf(p: Obj): Obj {
  const out: Obj = {};
  const upgrade = at(p, 'upgradeSettings');
  assign(out, {
    name: at(p, 'name'),
    vm_size: at(p, 'vmSize'),
    node_count: at(p, 'count'),
    min_count: at(p, 'minCount'),
    max_count: at(p, 'maxCount'),
    auto_scaling_enabled: at(p, 'enableAutoScaling'),
    max_pods: at(p, 'maxPods'),
    mode: at(p, 'mode'),
    os_type: at(p, 'osType'),
    os_sku: at(p, 'osSKU'),
    os_disk_size_gb: at(p, 'osDiskSizeGB'),
    os_disk_type: at(p, 'osDiskType'),
    kubelet_disk_type: at(p, 'kubeletDiskType'),
    zones: at(p, 'availabilityZones'),
    node_public_ip_enabled: at(p, 'enableNodePublicIP'),
    host_encryption_enabled: at(p, 'enableEncryptionAtHost'),
    fips_enabled: at(p, 'enableFIPS'),
    node_labels: at(p, 'nodeLabels'),
    node_taints: at(p, 'nodeTaints'),
    vnet_subnet_id: at(p, 'vnetSubnetID'),
    pod_subnet_id: at(p, 'podSubnetID'),
    priority: at(p, 'scaleSetPriority'),
    eviction_policy: at(p, 'scaleSetEvictionPolicy'),
    spot_max_price: at(p, 'spotMaxPrice'),
    proximity_placement_group_id: at(p, 'proximityPlacementGroupID'),
    orchestrator_version: at(p, 'orchestratorVersion'),
    only_critical_addons_enabled: Array.isArray(at(p, 'nodeTaints')) ? (at(p, 'nodeTaints') as JsonValue[]).includes('CriticalAddonsOnly=true:NoSchedule') || undefined : undefined,
    upgrade_settings: upgrade
      ? block({ max_surge: at(upgrade, 'maxSurge'), drain_timeout_in_minutes: at(upgrade, 'drainTimeoutInMinutes'), node_soak_duration_in_minutes: at(upgrade, 'nodeSoakDurationInMinutes') })
      : undefined,
    kubelet_config: at(p, 'kubeletConfig') ? [snakeKeys(at(p, 'kubeletConfig')) as JsonValue] : undefined,
    linux_os_config: linuxOsConfig(at(p, 'linuxOSConfig')),
  });
  return out;
}

function linuxOsConfig(v: JsonValue | undefined): JsonValue[] | undefined {
  const o = obj(v);
  if (!o) return undefined;
  const out: Obj = {};
  assign(out, {
    transparent_huge_page_enabled: at(o, 'transparentHugePageEnabled'),
    transparent_huge_page_defrag: at(o, 'transparentHugePageDefrag'),
    swap_file_size_mb: at(o, 'swapFileSizeMB'),
    sysctl_config: at(o, 'sysctls') ? [snakeKeys(at(o, 'sysctls')) as JsonValue] : undefined,
  });
  return [out];
}

function addon(body: Obj, name: string): Obj | undefined {
  const a = obj(at(body, `properties.addonProfiles.${name}`));
  return a && bool(at(a, 'enabled')) !== false ? a : undefined;
}

function clusterOf(values: Obj, body: Obj): Obj {
  const out: Obj = {};
  const p = (path: string): JsonValue | undefined => at(body, `properties.${path}`);
  const api = p('apiServerAccessProfile');
  const aad = p('aadProfile');
  const kms = p('securityProfile.azureKeyVaultKms');
  const oms = addon(body, 'omsagent') ?? addon(body, 'omsAgent');
  const kv = addon(body, 'azureKeyvaultSecretsProvider');
  const agic = addon(body, 'ingressApplicationGateway');
  const pools = Array.isArray(p('agentPoolProfiles')) ? (p('agentPoolProfiles') as JsonValue[]).map(obj).filter((x): x is Obj => x !== undefined) : [];
  const system = pools.find((x) => at(x, 'mode') === 'System') ?? pools[0];
  const network = p('networkProfile');
  const sp = p('servicePrincipalProfile');
  const windows = p('windowsProfile');
  const kubelet = p('identityProfile.kubeletidentity');
  assign(out, {
    name: values.name,
    location: values.location,
    resource_group_name: groupOf(values.parent_id),
    tags: values.tags,
    dns_prefix: p('dnsPrefix'),
    kubernetes_version: p('kubernetesVersion'),
    node_resource_group: p('nodeResourceGroup'),
    sku_tier: at(body, 'sku.tier'),
    identity: identityOf(values, body),
    kubelet_identity: kubelet ? block({ user_assigned_identity_id: at(kubelet, 'resourceId'), client_id: at(kubelet, 'clientId'), object_id: at(kubelet, 'objectId') }) : undefined,
    service_principal: sp && at(sp, 'clientId') !== 'msi' ? block({ client_id: at(sp, 'clientId') }) : undefined,
    private_cluster_enabled: at(api, 'enablePrivateCluster'),
    private_cluster_public_fqdn_enabled: at(api, 'enablePrivateClusterPublicFQDN'),
    private_dns_zone_id: at(api, 'privateDNSZone'),
    api_server_access_profile: api
      ? block({ authorized_ip_ranges: at(api, 'authorizedIPRanges'), virtual_network_integration_enabled: at(api, 'enableVnetIntegration'), subnet_id: at(api, 'subnetId') })
      : undefined,
    run_command_enabled: at(api, 'disableRunCommand') === undefined ? undefined : at(api, 'disableRunCommand') === true ? false : at(api, 'disableRunCommand') === false ? true : at(api, 'disableRunCommand'),
    local_account_disabled: p('disableLocalAccounts'),
    role_based_access_control_enabled: p('enableRBAC'),
    azure_active_directory_role_based_access_control: aad
      ? block({ admin_group_object_ids: at(aad, 'adminGroupObjectIDs'), azure_rbac_enabled: at(aad, 'enableAzureRBAC'), tenant_id: at(aad, 'tenantID') })
      : undefined,
    automatic_upgrade_channel: p('autoUpgradeProfile.upgradeChannel'),
    node_os_upgrade_channel: p('autoUpgradeProfile.nodeOSUpgradeChannel'),
    oidc_issuer_enabled: p('oidcIssuerProfile.enabled'),
    workload_identity_enabled: p('securityProfile.workloadIdentity.enabled'),
    image_cleaner_enabled: p('securityProfile.imageCleaner.enabled'),
    image_cleaner_interval_hours: p('securityProfile.imageCleaner.intervalHours'),
    key_management_service: kms && at(kms, 'enabled') !== false ? block({ key_vault_key_id: at(kms, 'keyId'), key_vault_network_access: at(kms, 'keyVaultNetworkAccess') }) : undefined,
    microsoft_defender: p('securityProfile.defender.logAnalyticsWorkspaceResourceId') !== undefined && p('securityProfile.defender.securityMonitoring.enabled') !== false
      ? block({ log_analytics_workspace_id: p('securityProfile.defender.logAnalyticsWorkspaceResourceId') })
      : undefined,
    disk_encryption_set_id: p('diskEncryptionSetID'),
    azure_policy_enabled: addon(body, 'azurepolicy') ? true : at(body, 'properties.addonProfiles.azurepolicy.enabled') === false ? false : undefined,
    http_application_routing_enabled: addon(body, 'httpApplicationRouting') ? true : undefined,
    open_service_mesh_enabled: addon(body, 'openServiceMesh') ? true : undefined,
    addon_profile: addon(body, 'kubeDashboard') ? block({ kube_dashboard: [{ enabled: true }] }) : undefined,
    oms_agent: oms
      ? block({ log_analytics_workspace_id: at(oms, 'config.logAnalyticsWorkspaceResourceID'), msi_auth_for_monitoring_enabled: bool(at(oms, 'config.useAADAuth')) }) ?? [{}]
      : undefined,
    key_vault_secrets_provider: kv ? block({ secret_rotation_enabled: bool(at(kv, 'config.enableSecretRotation')), secret_rotation_interval: at(kv, 'config.rotationPollInterval') }) ?? [{}] : undefined,
    ingress_application_gateway: agic ? block({ gateway_id: at(agic, 'config.applicationGatewayId'), subnet_id: at(agic, 'config.subnetId') }) ?? [{}] : undefined,
    monitor_metrics: p('azureMonitorProfile.metrics.enabled') === true ? [{}] : undefined,
    workload_autoscaler_profile: block({ keda_enabled: p('workloadAutoScalerProfile.keda.enabled'), vertical_pod_autoscaler_enabled: p('workloadAutoScalerProfile.verticalPodAutoscaler.enabled') }),
    storage_profile: block({
      disk_driver_enabled: p('storageProfile.diskCSIDriver.enabled'),
      file_driver_enabled: p('storageProfile.fileCSIDriver.enabled'),
      blob_driver_enabled: p('storageProfile.blobCSIDriver.enabled'),
      snapshot_controller_enabled: p('storageProfile.snapshotController.enabled'),
    }),
    network_profile: network
      ? block({
          network_plugin: at(network, 'networkPlugin'),
          network_plugin_mode: at(network, 'networkPluginMode'),
          network_policy: at(network, 'networkPolicy'),
          network_data_plane: at(network, 'networkDataplane'),
          outbound_type: at(network, 'outboundType'),
          load_balancer_sku: at(network, 'loadBalancerSku'),
          pod_cidr: at(network, 'podCidr'),
          service_cidr: at(network, 'serviceCidr'),
          dns_service_ip: at(network, 'dnsServiceIP'),
          ip_versions: at(network, 'ipFamilies'),
        })
      : undefined,
    windows_profile: windows
      ? block({ admin_username: at(windows, 'adminUsername'), gmsa: at(windows, 'gmsaProfile.enabled') === true ? block({ dns_server: at(windows, 'gmsaProfile.dnsServer') ?? '', root_domain: at(windows, 'gmsaProfile.rootDomainName') ?? '' }) : undefined })
      : undefined,
    web_app_routing: p('ingressProfile.webAppRouting.enabled') === true ? block({ dns_zone_ids: p('ingressProfile.webAppRouting.dnsZoneResourceIds') ?? [] }) : undefined,
    service_mesh_profile: p('serviceMeshProfile.mode') === 'Istio' ? block({ mode: 'Istio', revisions: p('serviceMeshProfile.istio.revisions') }) : undefined,
    support_plan: p('supportPlan'),
    default_node_pool: system ? [poolOf(system)] : undefined,
  });
  return out;
}

function registryOf(values: Obj, body: Obj): Obj {
  const out: Obj = {};
  const p = (path: string): JsonValue | undefined => at(body, `properties.${path}`);
  const access = p('publicNetworkAccess');
  const rules = p('networkRuleSet');
  const retention = p('policies.retentionPolicy');
  const enabled = (v: JsonValue | undefined): JsonValue | undefined => (typeof v === 'string' && !v.includes('${') ? v.toLowerCase() === 'enabled' : v);
  assign(out, {
    name: values.name,
    location: values.location,
    resource_group_name: groupOf(values.parent_id),
    tags: values.tags,
    sku: at(body, 'sku.name'),
    identity: identityOf(values, body),
    admin_enabled: p('adminUserEnabled'),
    public_network_access_enabled: enabled(access),
    zone_redundancy_enabled: enabled(p('zoneRedundancy')),
    data_endpoint_enabled: p('dataEndpointEnabled'),
    anonymous_pull_enabled: p('anonymousPullEnabled'),
    network_rule_bypass_option: p('networkRuleBypassOptions'),
    quarantine_policy_enabled: enabled(p('policies.quarantinePolicy.status')),
    trust_policy_enabled: enabled(p('policies.trustPolicy.status')),
    export_policy_enabled: enabled(p('policies.exportPolicy.status')),
    retention_policy_in_days: retention && enabled(at(retention, 'status')) === true ? at(retention, 'days') : undefined,
    network_rule_set: rules
      ? block({
          default_action: at(rules, 'defaultAction'),
          ip_rule: Array.isArray(at(rules, 'ipRules')) ? (at(rules, 'ipRules') as JsonValue[]).map((r) => ({ action: at(r, 'action') ?? 'Allow', ip_range: at(r, 'value') ?? null })) : undefined,
        })
      : undefined,
    encryption: enabled(p('encryption.status')) === true ? block({ key_vault_key_id: p('encryption.keyVaultProperties.keyIdentifier'), identity_client_id: p('encryption.keyVaultProperties.identity') }) : undefined,
  });
  return out;
}

const MAINTENANCE = /^Microsoft\.ContainerService\/managedClusters\/maintenanceConfigurations@/i;
const WINDOWS: Record<string, string> = { aksManagedAutoUpgradeSchedule: 'maintenance_window_auto_upgrade', aksManagedNodeOSUpgradeSchedule: 'maintenance_window_node_os' };

/**
 * Maps the AzAPI blocks of a configuration (see the file comment). An `azapi_update_resource` of a
 * cluster is merged into the cluster it updates; a cluster's planned maintenance configurations
 * (`aksManagedAutoUpgradeSchedule`, `aksManagedNodeOSUpgradeSchedule`) become its maintenance windows.
 */
export function mapAzapiBlocks(blocks: readonly ResolvedBlock[]): ResolvedBlock[] {
  if (!blocks.some((b) => b.type.startsWith('azapi_'))) {
    return [...blocks];
  }
  const azapi = new Map(blocks.filter((b) => b.type === 'azapi_resource').map((b) => [b.address, b]));
  const out = blocks.flatMap((b) => (b.type === 'azapi_update_resource' ? [b] : mapAzapi(b)));
  const clusters = new Map(out.filter((b) => b.type === 'azurerm_kubernetes_cluster' && azapi.has(b.address)).map((c) => [c.address, c]));
  const targetOf = (b: ResolvedBlock, key: 'resource_id' | 'parent_id'): ResolvedBlock | undefined => {
    const v = b.values[key];
    const m = typeof v === 'string' ? /^\$\{(.+)\.id\}$/.exec(v) : null;
    if (m && clusters.has(m[1])) return clusters.get(m[1]);
    return [...clusters.values()].find((c) => key === 'resource_id' && c.values.name === b.values.name && JSON.stringify(azapi.get(c.address)?.values.parent_id) === JSON.stringify(b.values.parent_id));
  };
  const merged = new Map<string, Obj>();
  const result: ResolvedBlock[] = [];
  for (const b of out) {
    const type = typeof b.values.type === 'string' ? b.values.type : '';
    if (b.type === 'azapi_update_resource' && CLUSTER.test(type)) {
      const target = targetOf(b, 'resource_id');
      const body = bodyOf(b.values);
      if (target && body) {
        const { name: _n, location: _l, resource_group_name: _r, tags: _t, ...changes } = clusterOf({}, body);
        Object.assign((merged.get(target.address) ?? merged.set(target.address, {}).get(target.address)) as Obj, changes);
        continue;
      }
    }
    if (b.type === 'azapi_resource' && MAINTENANCE.test(type) && typeof b.values.name === 'string' && b.values.name in WINDOWS) {
      const target = targetOf(b, 'parent_id');
      if (target) {
        const schedule = at(bodyOf(b.values), 'properties.maintenanceWindow');
        (merged.get(target.address) ?? merged.set(target.address, {}).get(target.address) as Obj)[WINDOWS[b.values.name]] = [(snakeKeys(schedule) as Obj | undefined) ?? {}];
      }
    }
    result.push(b);
  }
  return result.map((b) => (merged.has(b.address) && b.type === 'azurerm_kubernetes_cluster' ? { ...b, values: { ...b.values, ...merged.get(b.address) } } : b));
}

/** A diagnostic setting's ARM properties as azurerm_monitor_diagnostic_setting arguments. */
function diagnosticsOf(values: Obj, body: Obj): Obj {
  const out: Obj = {};
  const p = (path: string): JsonValue | undefined => at(body, `properties.${path}`);
  const list = (v: JsonValue | undefined): Obj[] => (Array.isArray(v) ? v.map(obj).filter((x): x is Obj => x !== undefined && at(x, 'enabled') !== false) : []);
  assign(out, {
    name: values.name,
    target_resource_id: values.parent_id,
    log_analytics_workspace_id: p('workspaceId'),
    log_analytics_destination_type: p('logAnalyticsDestinationType'),
    storage_account_id: p('storageAccountId'),
    eventhub_authorization_rule_id: p('eventHubAuthorizationRuleId'),
    enabled_log: Array.isArray(p('logs')) ? list(p('logs')).map((l) => Object.fromEntries(Object.entries({ category: at(l, 'category'), category_group: at(l, 'categoryGroup') }).filter(([, v]) => v !== undefined)) as Obj) : undefined,
    enabled_metric: Array.isArray(p('metrics')) ? list(p('metrics')).map((m) => ({ category: at(m, 'category') ?? 'AllMetrics' })) : undefined,
  });
  return out;
}

/** The azurerm blocks an AzAPI block stands for (the block itself when it is not one of the mapped types). */
function mapAzapi(b: ResolvedBlock): ResolvedBlock[] {
  if ((b.type !== 'azapi_resource' && b.type !== 'azapi_update_resource') || b.mode !== 'resource') {
    return [b];
  }
  const type = b.values.type;
  const body = bodyOf(b.values);
  if (typeof type !== 'string' || body === undefined || (obj(body.properties) === undefined && body.properties !== undefined)) {
    return [b];
  }
  if (CLUSTER.test(type)) {
    const cluster: ResolvedBlock = { ...b, type: 'azurerm_kubernetes_cluster', values: clusterOf(b.values, body) };
    const profiles = at(body, 'properties.agentPoolProfiles');
    const pools = Array.isArray(profiles) ? profiles.map(obj) : [];
    const system = pools.find((x) => x !== undefined && at(x, 'mode') === 'System') ?? pools[0];
    const others = pools.flatMap((p, i): ResolvedBlock[] =>
      p === undefined || p === system
        ? []
        : [{ ...b, type: 'azurerm_kubernetes_cluster_node_pool', name: `${b.name}.agentPoolProfiles[${i}]`, address: `${b.address}.properties.agentPoolProfiles[${i}]`, values: { ...poolOf(p), kubernetes_cluster_id: `\${${b.address}.id}` } }],
    );
    return [cluster, ...others];
  }
  if (POOL.test(type)) {
    const values = poolOf(obj(body.properties) ?? {});
    return [{ ...b, type: 'azurerm_kubernetes_cluster_node_pool', values: { ...values, name: b.values.name ?? values.name ?? null, kubernetes_cluster_id: b.values.parent_id ?? null } }];
  }
  if (REGISTRY.test(type)) {
    return [{ ...b, type: 'azurerm_container_registry', values: registryOf(b.values, body) }];
  }
  if (DIAGNOSTICS.test(type)) {
    return [{ ...b, type: 'azurerm_monitor_diagnostic_setting', values: diagnosticsOf(b.values, body) }];
  }
  return [b];
}
