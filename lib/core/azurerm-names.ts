/**
 * azurerm 3.x and 2.x argument names read as their 4.x equivalents, so that rules written against
 * azurerm 4.x judge the configurations most of the world still has. Applied to every block a reader
 * produces (TerraformDocument does it), cheap for every other resource type.
 *
 * Renames follow the azurerm 4.0 upgrade guide and the 3.0 upgrade guide (2.x blocks such as
 * `addon_profile` and `role_based_access_control`). The old arguments stay in the values too.
 */
import type { JsonObject, JsonValue } from './terraform-document';

/** A block's values with 4.x names, and the generation its old names belong to (when it had any). */
export interface Azurerm4Values {
  readonly values: JsonObject;
  /** `2.x` or `3.x` when the block used names of that generation. */
  readonly generation?: '2.x' | '3.x';
}

/** 3.x node pool arguments renamed in 4.0 (cluster default pool and azurerm_kubernetes_cluster_node_pool). */
const POOL_3X: Readonly<Record<string, string>> = {
  enable_auto_scaling: 'auto_scaling_enabled',
  enable_host_encryption: 'host_encryption_enabled',
  enable_node_public_ip: 'node_public_ip_enabled',
};

/** 3.x cluster arguments renamed in 4.0. */
const CLUSTER_3X: Readonly<Record<string, string>> = {
  automatic_channel_upgrade: 'automatic_upgrade_channel',
  node_os_channel_upgrade: 'node_os_upgrade_channel',
};

const isObject = (v: JsonValue | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const unset = (v: JsonValue | undefined): boolean => v === undefined || v === null;

/** The single body of a block written as an object or a one-element list (undefined when absent). */
function body(v: JsonValue | undefined): JsonObject | undefined {
  const first = Array.isArray(v) ? v[0] : v;
  return isObject(first) ? first : undefined;
}

/** Replaces the single body of a block, keeping its list or object form. */
function withBody(original: JsonValue | undefined, next: JsonObject): JsonValue {
  return Array.isArray(original) ? [next, ...original.slice(1)] : next;
}

class Rewrite {
  public generation?: '2.x' | '3.x';

  public constructor(public values: JsonObject) {}

  /** Marks the block as using names of a generation (the oldest found wins). */
  public saw(generation: '2.x' | '3.x'): void {
    if (this.generation !== '2.x') {
      this.generation = generation;
    }
  }

  /** Renames `from` to `to` in `target` when `from` is present and `to` is unset; returns the new object. */
  public rename(target: JsonObject, renames: Readonly<Record<string, string>>, generation: '2.x' | '3.x'): JsonObject {
    let out = target;
    for (const [from, to] of Object.entries(renames)) {
      if (from in target) {
        this.saw(generation);
        if (unset(target[to]) && !unset(target[from])) {
          out = { ...out, [to]: target[from] };
        }
      }
    }
    return out;
  }

  public set(key: string, value: JsonValue): void {
    this.values = { ...this.values, [key]: value };
  }
}

/** Zones written as numbers (`zones = [1, 2, 3]`) read as the strings Azure uses. */
function zonesAsStrings(pool: JsonObject, rw: Rewrite): JsonObject {
  let out = pool;
  if ('availability_zones' in pool) {
    rw.saw('2.x');
    if (unset(pool.zones) && !unset(pool.availability_zones)) {
      out = { ...out, zones: pool.availability_zones };
    }
  }
  const zones = out.zones;
  if (Array.isArray(zones) && zones.some((z) => typeof z === 'number')) {
    out = { ...out, zones: zones.map((z) => (typeof z === 'number' ? String(z) : z)) };
  }
  return out;
}

function pool(values: JsonObject, rw: Rewrite): JsonObject {
  return zonesAsStrings(rw.rename(values, POOL_3X, '3.x'), rw);
}

function cluster(rw: Rewrite): void {
  const v = rw.rename(rw.values, CLUSTER_3X, '3.x');
  if (v !== rw.values) {
    rw.values = v;
  }
  const values = rw.values;
  if ('private_link_enabled' in values) {
    rw.saw('2.x');
    if (unset(values.private_cluster_enabled)) {
      rw.set('private_cluster_enabled', values.private_link_enabled);
    }
  }
  if (values.sku_tier === 'Paid') {
    rw.saw('3.x');
    rw.set('sku_tier', 'Standard');
  }
  // Top-level authorized ranges (3.x) moved into api_server_access_profile in 4.0.
  if ('api_server_authorized_ip_ranges' in values) {
    rw.saw('3.x');
    const ranges = values.api_server_authorized_ip_ranges;
    const profile = body(values.api_server_access_profile);
    const current = profile?.authorized_ip_ranges;
    const empty = (r: JsonValue | undefined): boolean => unset(r) || (Array.isArray(r) && r.length === 0);
    if (!empty(ranges) && empty(current)) {
      rw.set('api_server_access_profile', withBody(values.api_server_access_profile, { ...(profile ?? {}), authorized_ip_ranges: ranges as JsonValue }));
    }
  }
  const net = body(values.network_profile);
  if (net) {
    let next = net;
    if ('ebpf_data_plane' in net) {
      rw.saw('3.x');
      if (unset(net.network_data_plane) && !unset(net.ebpf_data_plane)) {
        next = { ...next, network_data_plane: net.ebpf_data_plane };
      }
    }
    if (net.network_plugin_mode === 'Overlay') {
      next = { ...next, network_plugin_mode: 'overlay' };
    }
    if (next !== net) {
      rw.set('network_profile', withBody(values.network_profile, next));
    }
  }
  const defaultPool = body(rw.values.default_node_pool);
  if (defaultPool) {
    const next = pool(defaultPool, rw);
    if (next !== defaultPool) {
      rw.set('default_node_pool', withBody(rw.values.default_node_pool, next));
    }
  }
  legacyRbac(rw);
  legacyAddons(rw);
}

/** 2.x `role_based_access_control { enabled, azure_active_directory { ... } }`. */
function legacyRbac(rw: Rewrite): void {
  const rbac = body(rw.values.role_based_access_control);
  if (!rbac) {
    return;
  }
  rw.saw('2.x');
  if (unset(rw.values.role_based_access_control_enabled) && !unset(rbac.enabled)) {
    rw.set('role_based_access_control_enabled', rbac.enabled);
  }
  const aad = body(rbac.azure_active_directory);
  if (aad && unset(rw.values.azure_active_directory_role_based_access_control)) {
    rw.set('azure_active_directory_role_based_access_control', [aad]);
  }
}

/** 2.x `addon_profile { oms_agent, azure_policy, azure_keyvault_secrets_provider, ingress_application_gateway, ... }`. */
function legacyAddons(rw: Rewrite): void {
  const addons = body(rw.values.addon_profile);
  if (!addons) {
    return;
  }
  rw.saw('2.x');
  const on = (name: string): JsonObject | undefined => {
    const addon = body(addons[name]);
    return addon && addon.enabled !== false ? addon : undefined;
  };
  const without = (addon: JsonObject): JsonObject => Object.fromEntries(Object.entries(addon).filter(([k]) => k !== 'enabled'));
  const policy = body(addons.azure_policy);
  if (policy && unset(rw.values.azure_policy_enabled) && !unset(policy.enabled)) {
    rw.set('azure_policy_enabled', policy.enabled);
  }
  const blocks: Readonly<Record<string, string>> = {
    oms_agent: 'oms_agent',
    azure_keyvault_secrets_provider: 'key_vault_secrets_provider',
    ingress_application_gateway: 'ingress_application_gateway',
  };
  for (const [from, to] of Object.entries(blocks)) {
    const addon = on(from);
    if (addon && unset(rw.values[to])) {
      rw.set(to, [without(addon)]);
    }
  }
}

/**
 * The values of a block with azurerm 4.x argument names (a no-op for types without renames).
 * @param type the Terraform type, e.g. `azurerm_kubernetes_cluster`
 */
export function toAzurerm4(type: string, values: JsonObject): Azurerm4Values {
  if (type !== 'azurerm_kubernetes_cluster' && type !== 'azurerm_kubernetes_cluster_node_pool') {
    return { values };
  }
  const rw = new Rewrite(values);
  if (type === 'azurerm_kubernetes_cluster') {
    cluster(rw);
  } else {
    const next = pool(values, rw);
    if (next !== values) {
      rw.values = next;
    }
  }
  return { values: rw.values, ...(rw.generation ? { generation: rw.generation } : {}) };
}
