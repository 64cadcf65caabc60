/**
 * A uniform view of every node pool in a Terraform document: the default node pool inside each
 * azurerm_kubernetes_cluster and each azurerm_kubernetes_cluster_node_pool. Rules use it so the
 * system pool is judged as a pool like any other. Pure: reads JSON only.
 */
import { getPath, JsonObject, JsonValue, strings, TerraformDocument, TfBlock } from '../core/terraform-document';

/** One node pool as found in the JSON. */
export interface PoolView {
  /** The block that holds the pool: the cluster (default pool) or the node pool resource. */
  readonly block: TfBlock;
  /** Attribute prefix of the pool inside the block: `default_node_pool.` or ''. */
  readonly prefix: string;
  /** The pool's arguments. */
  readonly values: JsonObject;
  /** The cluster the pool belongs to, when it is in the document. */
  readonly cluster?: TfBlock;
  /** Whether this is a cluster's default (system) pool. */
  readonly isDefault: boolean;
  /** Display name: `<address>` or `<address>.default_node_pool`. */
  readonly label: string;
}

const CLUSTER = 'azurerm_kubernetes_cluster';
const NODE_POOL = 'azurerm_kubernetes_cluster_node_pool';

/** Every pool of the document: default pools first, then node pool resources. */
export function poolsOf(doc: TerraformDocument): PoolView[] {
  const defaults = doc.resources(CLUSTER).flatMap((c): PoolView[] => {
    const v = getPath(c.values, 'default_node_pool');
    const values = (Array.isArray(v) ? v[0] : v) as JsonObject | undefined;
    return values && typeof values === 'object' ? [{ block: c, prefix: 'default_node_pool.', values, cluster: c, isDefault: true, label: `${c.address}.default_node_pool` }] : [];
  });
  const pools = doc.resources(NODE_POOL).map(
    (p): PoolView => ({
      block: p,
      prefix: '',
      values: p.values,
      cluster: doc.referencedBlocks(getPath(p.values, 'kubernetes_cluster_id'), CLUSTER)[0],
      isDefault: false,
      label: p.address,
    }),
  );
  return [...defaults, ...pools];
}

/** An attribute of a pool. */
export function attr(pool: PoolView, path: string): JsonValue | undefined {
  return getPath(pool.values, path);
}

/** The pool's OS type (`Linux` unless set). */
export function osTypeOf(pool: PoolView): string {
  const t = attr(pool, 'os_type');
  return typeof t === 'string' ? t : 'Linux';
}

/** The pool's mode: the default pool is always System. */
export function modeOf(pool: PoolView): string {
  if (pool.isDefault) {
    return 'System';
  }
  const m = attr(pool, 'mode');
  return typeof m === 'string' ? m : 'User';
}

/** Whether the pool is spot. */
export function isSpot(pool: PoolView): boolean {
  return attr(pool, 'priority') === 'Spot';
}

/** The pool's zones as strings. */
export function zonesOf(pool: PoolView): string[] {
  return strings(attr(pool, 'zones'));
}

/** A numeric attribute, when it is a number (tokens and expressions are not). */
export function num(pool: PoolView, path: string): number | undefined {
  const v = attr(pool, path);
  return typeof v === 'number' ? v : undefined;
}

/** The pool's labels. */
export function labelsOf(pool: PoolView): Record<string, string> {
  const v = attr(pool, 'node_labels');
  if (!v || typeof v !== 'object' || Array.isArray(v)) {
    return {};
  }
  return Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** The pool's taints. */
export function taintsOf(pool: PoolView): string[] {
  return strings(attr(pool, 'node_taints'));
}

/** The network plugin/mode of a pool's cluster, when known. */
export function networkOf(cluster: TfBlock | undefined): { plugin?: string; mode?: string; dataPlane?: string; podCidr?: string; serviceCidr?: string } {
  if (!cluster) {
    return {};
  }
  const s = (p: string): string | undefined => {
    const v = getPath(cluster.values, `network_profile.${p}`);
    return typeof v === 'string' ? v : undefined;
  };
  return { plugin: s('network_plugin'), mode: s('network_plugin_mode'), dataPlane: s('network_data_plane'), podCidr: s('pod_cidr'), serviceCidr: s('service_cidr') };
}
