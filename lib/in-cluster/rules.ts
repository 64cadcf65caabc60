/**
 * Rules of the in-cluster baseline. They read the Kubernetes manifests rendered for the stack's
 * clusters (`doc.manifests`) and the Terraform JSON: a cluster with no tenant namespace rendered
 * for it is non-compliant on the items only the baseline delivers; items other concerns also
 * deliver (policy, tags) are judged here only when manifests exist.
 *
 * Manifests are matched to a cluster by the `aks-checklist/cluster` annotation (objects without
 * it, or a cluster whose name is a reference, match every cluster). Evidence carries the
 * `aks-checklist/construct-path` annotation as constructPath, so a TenantNamespace's waivers
 * cover its own objects.
 */
import { check, evidenceFor, fromEvidence, notApplicable } from '../checklist/rule-kit';
import type { Evidence, Rule } from '../checklist/types';
import { containsIp, parseCidr, parseIp } from '../core/cidr';
import { getPath, JsonValue, KubernetesObject, TerraformDocument, TfBlock } from '../core/terraform-document';
import { BROAD_PREFIX, CLUSTER_ANNOTATION, CLUSTER_SCOPED_KINDS, CONSTRUCT_PATH_ANNOTATION, IMDS_ADDRESS, isReservedNamespace, LABEL_CATEGORIES } from './conventions';
import { parseQuantity } from './quantity';

type Obj = KubernetesObject;
type Json = { [key: string]: JsonValue };

const IMDS_IP = parseIp(IMDS_ADDRESS) as number;

/** The manifests that belong to one cluster of the stack (or, without a cluster, all of them). */
interface Scope {
  readonly cluster?: TfBlock;
  readonly objects: readonly Obj[];
}

// ---------------------------------------------------------------- object queries

function metaMap(o: Obj, key: 'labels' | 'annotations'): Readonly<Record<string, string>> {
  const value = (o.metadata as Record<string, unknown>)[key];
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, string>) : {};
}

function annotation(o: Obj, key: string): string | undefined {
  const value = metaMap(o, 'annotations')[key];
  return typeof value === 'string' ? value : undefined;
}

/** An object's field as JSON (e.g. `spec.egress`). */
function field(o: Obj, path: string): JsonValue | undefined {
  return getPath(o as unknown as JsonValue, path);
}

function list(value: JsonValue | undefined): Json[] {
  return Array.isArray(value) ? value.filter((v): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)) : [];
}

/** `k8s:<namespace>/<Kind>/<name>`: the evidence address of a manifest object. */
export function manifestAddress(o: Obj): string {
  return `k8s:${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.kind}/${o.metadata.name}`;
}

function evidenceOf(o: Obj, ok: boolean, whenOk: string, whenNot: string, attribute?: string): Evidence {
  const address = manifestAddress(o);
  return { address, attribute, constructPath: annotation(o, CONSTRUCT_PATH_ANNOTATION), ok, message: `${address}${attribute ? `.${attribute}` : ''}: ${ok ? whenOk : whenNot}` };
}

function literalName(block: TfBlock): string | undefined {
  const name = getPath(block.values, 'name');
  return typeof name === 'string' && !name.includes('${') ? name : undefined;
}

/** The stack's clusters with their manifests, plus a scope for manifests of no cluster in the stack. */
function scopesOf(doc: TerraformDocument): Scope[] {
  const matched = new Set<Obj>();
  const scopes: Scope[] = doc.resources('azurerm_kubernetes_cluster').map((cluster) => {
    const name = literalName(cluster);
    const objects = doc.manifests.filter((o) => {
      const target = annotation(o, CLUSTER_ANNOTATION);
      return name === undefined || target === undefined || target === name;
    });
    objects.forEach((o) => matched.add(o));
    return { cluster, objects };
  });
  const rest = doc.manifests.filter((o) => !matched.has(o));
  return rest.length > 0 ? [...scopes, { objects: rest }] : scopes;
}

/** Tenant namespaces: declared Namespace objects that are not reserved. */
function tenantsOf(objects: readonly Obj[]): Obj[] {
  return objects.filter((o) => o.kind === 'Namespace' && !isReservedNamespace(o.metadata.name));
}

function inNamespace(objects: readonly Obj[], namespace: string, kind?: string): Obj[] {
  return objects.filter((o) => o.metadata.namespace === namespace && (kind === undefined || o.kind === kind));
}

function missingBaseline(scope: Scope): Evidence[] {
  if (scope.cluster) {
    return evidenceFor(scope.cluster, [
      check('', false, '', 'no tenant namespace baseline is rendered for this cluster: add a ClusterBaseline (lib/in-cluster) with its TenantNamespaces, and feed its manifests to the report'),
    ]);
  }
  return [{ address: 'k8s:manifests', ok: false, message: 'the manifests declare no tenant namespace' }];
}

/**
 * A rule judged per tenant namespace.
 * @param strict a cluster without tenant namespaces is non-compliant (items only the baseline
 * delivers); otherwise the rule is not applicable without manifests (items other concerns share)
 */
function perTenant(judge: (ns: Obj, objects: readonly Obj[], scope: Scope) => Evidence[], strict: boolean): Rule {
  return (doc) => {
    const scopes = scopesOf(doc);
    if (scopes.length === 0) {
      return notApplicable('no azurerm_kubernetes_cluster and no Kubernetes manifests in the stack');
    }
    if (!strict && doc.manifests.length === 0) {
      return notApplicable('no Kubernetes manifests rendered for the stack (no ClusterBaseline)');
    }
    const evidence = scopes.flatMap((scope) => {
      const tenants = tenantsOf(scope.objects);
      if (tenants.length === 0) {
        return !strict && scope.objects.length === 0 ? [] : missingBaseline(scope);
      }
      return tenants.flatMap((ns) => judge(ns, inNamespace(scope.objects, ns.metadata.name), scope));
    });
    return fromEvidence(evidence, 'no tenant namespace in the manifests');
  };
}

/** A rule judged on every manifest object; not applicable without manifests. */
function perObject(judge: (o: Obj) => Evidence[]): Rule {
  return (doc) => (doc.manifests.length === 0 ? notApplicable('no Kubernetes manifests rendered for the stack (no ClusterBaseline)') : fromEvidence(doc.manifests.flatMap(judge)));
}

// ---------------------------------------------------------------- NetworkPolicy semantics

function isEmptySelector(value: JsonValue | undefined): boolean {
  if (value === undefined || value === null) {
    return false; // podSelector is required; a missing one is not "all pods"
  }
  const labels = getPath(value, 'matchLabels');
  const expressions = getPath(value, 'matchExpressions');
  const none = (v: JsonValue | undefined): boolean => v === undefined || v === null || (Array.isArray(v) ? v.length === 0 : typeof v === 'object' && Object.keys(v).length === 0);
  return typeof value === 'object' && none(labels) && none(expressions);
}

function policyTypes(np: Obj): string[] {
  const declared = field(np, 'spec.policyTypes');
  if (Array.isArray(declared)) {
    return declared.filter((t): t is string => typeof t === 'string');
  }
  return ['Ingress', ...(field(np, 'spec.egress') !== undefined ? ['Egress'] : [])];
}

/** Whether a policy selects every pod and denies all traffic of a direction. */
function deniesAll(np: Obj, direction: 'Ingress' | 'Egress'): boolean {
  const rules = list(field(np, direction === 'Ingress' ? 'spec.ingress' : 'spec.egress'));
  return isEmptySelector(field(np, 'spec.podSelector')) && policyTypes(np).includes(direction) && rules.length === 0;
}

function defaultDenyOf(policies: readonly Obj[], direction: 'Ingress' | 'Egress'): Obj | undefined {
  return policies.find((np) => deniesAll(np, direction));
}

/** Whether a rule's peers or ports admit traffic to `ip` on TCP `port`. */
function admits(rule: Json, peersKey: 'to' | 'from', ip: number, port: number): boolean {
  const peers = list(rule[peersKey]);
  const peerOk =
    peers.length === 0 ||
    peers.some((p) => {
      const block = parseCidr(String(getPath(p, 'ipBlock.cidr') ?? ''));
      if (!block || !containsIp(block, ip)) {
        return false;
      }
      const except = getPath(p, 'ipBlock.except');
      return !(Array.isArray(except) ? except : []).some((e) => {
        const cut = parseCidr(String(e));
        return cut !== undefined && containsIp(cut, ip);
      });
    });
  const ports = list(rule.ports);
  const portOk =
    ports.length === 0 ||
    ports.some((p) => {
      const protocol = p.protocol ?? 'TCP';
      const from = p.port;
      const to = typeof p.endPort === 'number' ? p.endPort : from;
      return protocol === 'TCP' && (from === undefined || from === 'http' || (typeof from === 'number' && typeof to === 'number' && from <= port && port <= to));
    });
  return peerOk && portOk;
}

/** Descriptions of a rule's peers that open a direction to most of the Internet. */
function broadPeers(rule: Json, peersKey: 'to' | 'from'): string[] {
  const peers = list(rule[peersKey]);
  if (peers.length === 0) {
    return [peersKey === 'to' ? 'any destination' : 'any source'];
  }
  return peers.flatMap((p) => {
    const text = getPath(p, 'ipBlock.cidr');
    const block = typeof text === 'string' ? parseCidr(text) : undefined;
    return block && block.prefix < BROAD_PREFIX ? [block.text] : [];
  });
}

// ---------------------------------------------------------------- resources

function hasKeys(value: JsonValue | undefined, keys: readonly (readonly string[])[]): string[] {
  const map = value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  return keys.filter((alternatives) => !alternatives.some((k) => (map as Json)[k] !== undefined)).map((alternatives) => alternatives[0]);
}

function containerLimits(objects: readonly Obj[]): Json[] {
  return objects.filter((o) => o.kind === 'LimitRange').flatMap((lr) => list(field(lr, 'spec.limits')).filter((l) => l.type === 'Container'));
}

// ---------------------------------------------------------------- rules

/** cluster-setup/logical-isolation: teams share the cluster through namespaces they own, bound there only. */
export const logicalIsolation: Rule = perTenant((ns, objects, scope) => {
  const bindings = objects.filter((o) => o.kind === 'RoleBinding');
  const groups = bindings.flatMap((b) => list(field(b, 'subjects'))).filter((s) => s.kind === 'Group').map((s) => String(s.name));
  const clusterWide = scope.objects
    .filter((o) => o.kind === 'ClusterRoleBinding')
    .filter((b) => list(field(b, 'subjects')).some((s) => s.kind === 'Group' && groups.includes(String(s.name))));
  const owner = metaMap(ns, 'labels').owner;
  return [
    evidenceOf(ns, groups.length > 0, `owned by Entra group(s) ${groups.join(', ')} through RoleBindings in the namespace`, 'has no RoleBinding to an Entra group: nobody owns the namespace'),
    evidenceOf(ns, clusterWide.length === 0, 'its owners have no cluster-wide binding', `its owners are also bound cluster-wide by ${clusterWide.map(manifestAddress).join(', ')}`),
    evidenceOf(ns, typeof owner === 'string' && owner !== '', `labelled owner=${owner}`, 'has no owner label', 'metadata.labels.owner'),
  ];
}, true);

/** development/namespace-isolation: each tenant namespace has its own access (RoleBinding) and network (default-deny ingress) boundary. */
export const namespaceIsolation: Rule = perTenant((ns, objects) => {
  const deny = defaultDenyOf(inNamespace(objects, ns.metadata.name, 'NetworkPolicy'), 'Ingress');
  const bindings = objects.filter((o) => o.kind === 'RoleBinding');
  return [
    evidenceOf(ns, deny !== undefined, `ingress from other namespaces denied by default (${deny ? manifestAddress(deny) : ''})`, 'has no default-deny ingress NetworkPolicy: any pod of the cluster can reach its pods'),
    evidenceOf(ns, bindings.length > 0, 'access is granted by RoleBindings scoped to the namespace', 'has no RoleBinding: access can only come from cluster-wide grants'),
  ];
}, true);

/** resource-management/resource-quotas: each tenant namespace has a ResourceQuota on CPU and memory requests and limits. */
export const resourceQuotas: Rule = perTenant((ns, objects) => {
  const quotas = objects.filter((o) => o.kind === 'ResourceQuota');
  if (quotas.length === 0) {
    return [evidenceOf(ns, false, '', 'has no ResourceQuota')];
  }
  const required = [['requests.cpu', 'cpu'], ['requests.memory', 'memory'], ['limits.cpu'], ['limits.memory']] as const;
  const missing = required.filter((keys) => !quotas.some((q) => hasKeys(field(q, 'spec.hard'), [keys]).length === 0)).map((keys) => keys[0]);
  return [evidenceOf(ns, missing.length === 0, `ResourceQuota caps ${required.map((k) => k[0]).join(', ')}`, `ResourceQuota does not cap ${missing.join(', ')}`)];
}, true);

/** resource-management/limit-ranges: each tenant namespace has a LimitRange with container defaults and a maximum. */
export const limitRanges: Rule = perTenant((ns, objects) => {
  const items = containerLimits(objects);
  if (items.length === 0) {
    return [evidenceOf(ns, false, '', 'has no LimitRange for containers')];
  }
  const missing = ['default', 'defaultRequest', 'max'].flatMap((k) => ['cpu', 'memory'].filter((r) => !items.some((i) => getPath(i, `${k}.${r}`) !== undefined)).map((r) => `${k}.${r}`));
  return [evidenceOf(ns, missing.length === 0, 'LimitRange sets container default requests, default limits and maximums for CPU and memory', `LimitRange does not set ${missing.join(', ')}`)];
}, true);

/** resource-management/memory-requests-and-limits (defaults side): containers that set nothing get a memory request and limit. */
export const memoryRequestsAndLimits: Rule = perTenant((ns, objects) => {
  const item = containerLimits(objects).find((i) => getPath(i, 'default.memory') !== undefined && getPath(i, 'defaultRequest.memory') !== undefined);
  if (!item) {
    return [evidenceOf(ns, false, '', 'has no LimitRange giving containers a default memory request and limit')];
  }
  const request = parseQuantity(getPath(item, 'defaultRequest.memory'));
  const limit = parseQuantity(getPath(item, 'default.memory'));
  const ok = request !== undefined && limit !== undefined && request <= limit;
  return [
    evidenceOf(
      ns,
      ok,
      `containers default to a memory request of ${String(getPath(item, 'defaultRequest.memory'))} and a limit of ${String(getPath(item, 'default.memory'))}`,
      'the default memory request is malformed or above the default limit',
    ),
  ];
}, false);

/** network/default-deny-network-policies: each tenant namespace denies all ingress and egress by default, and no policy opens it to the Internet. */
export const defaultDenyNetworkPolicies: Rule = perTenant((ns, objects) => {
  const policies = objects.filter((o) => o.kind === 'NetworkPolicy');
  const ingress = defaultDenyOf(policies, 'Ingress');
  const egress = defaultDenyOf(policies, 'Egress');
  const broad = policies.flatMap((np) => [
    ...list(field(np, 'spec.egress')).flatMap((r) => broadPeers(r, 'to').map((p) => evidenceOf(np, false, '', `allows egress to ${p}`, 'spec.egress'))),
    ...list(field(np, 'spec.ingress')).flatMap((r) => broadPeers(r, 'from').map((p) => evidenceOf(np, false, '', `allows ingress from ${p}`, 'spec.ingress'))),
  ]);
  return [
    evidenceOf(ns, ingress !== undefined, 'denies all ingress by default', 'has no default-deny ingress NetworkPolicy (podSelector {} with policyType Ingress and no rules)'),
    evidenceOf(ns, egress !== undefined, 'denies all egress by default', 'has no default-deny egress NetworkPolicy (podSelector {} with policyType Egress and no rules)'),
    ...broad,
  ];
}, true);

/** network/block-imds-access (in-cluster): egress is denied by default and no NetworkPolicy admits 169.254.169.254:80. */
export const blockImdsAccess: Rule = perTenant((ns, objects) => {
  const policies = objects.filter((o) => o.kind === 'NetworkPolicy');
  const egress = defaultDenyOf(policies, 'Egress');
  const open = policies.filter((np) => policyTypes(np).includes('Egress') && list(field(np, 'spec.egress')).some((r) => admits(r, 'to', IMDS_IP, 80)));
  return [
    evidenceOf(ns, egress !== undefined, 'denies all egress by default, IMDS included', 'has no default-deny egress NetworkPolicy: its pods reach 169.254.169.254'),
    ...open.map((np) => evidenceOf(np, false, '', 'admits egress to 169.254.169.254:80 (IMDS)', 'spec.egress')),
  ];
}, true);

/** operations/resource-labels (Kubernetes side): every manifest object has business, security and technical labels. */
export const resourceLabels: Rule = perObject((o) => {
  const keys = Object.keys(metaMap(o, 'labels')).map((k) => k.toLowerCase());
  const missing = Object.entries(LABEL_CATEGORIES)
    .filter(([, names]) => !names.some((n) => keys.includes(n)))
    .map(([category]) => category);
  return [evidenceOf(o, missing.length === 0, 'has business, security and technical labels', `has no ${missing.join(', ')} label`, 'metadata.labels')];
});

/** operations/no-default-namespace: no namespaced manifest object lands in `default` (explicitly, or by naming no namespace). */
export const noDefaultNamespace: Rule = perObject((o) => {
  if (CLUSTER_SCOPED_KINDS.has(o.kind)) {
    return [];
  }
  const ns = o.metadata.namespace;
  return [evidenceOf(o, typeof ns === 'string' && ns !== '' && ns !== 'default', `is in namespace ${ns}`, ns ? 'is in the default namespace' : 'names no namespace, so it lands in default', 'metadata.namespace')];
});

/**
 * windows/container-traffic: on clusters with Windows node pools, NetworkPolicies are enforced
 * on Windows nodes only by Calico (Cilium has no Windows support; Azure NPM on Windows is
 * retiring), and a tenant baseline with default-deny policies is rendered.
 */
export const windowsContainerTraffic: Rule = (doc) => {
  const pools = doc.resources('azurerm_kubernetes_cluster_node_pool').filter((p) => String(getPath(p.values, 'os_type') ?? '').toLowerCase() === 'windows');
  if (pools.length === 0) {
    return notApplicable('no Windows node pool in the stack');
  }
  const scopes = scopesOf(doc);
  return fromEvidence(
    pools.flatMap((pool) => {
      const [cluster] = doc.referencedBlocks(getPath(pool.values, 'kubernetes_cluster_id'), 'azurerm_kubernetes_cluster');
      if (!cluster) {
        return evidenceFor(pool, [check('kubernetes_cluster_id', false, '', 'its cluster is not in the stack, so its network policy engine cannot be judged')]);
      }
      const engine = getPath(cluster.values, 'network_profile.network_policy');
      const tenants = tenantsOf(scopes.find((s) => s.cluster === cluster)?.objects ?? []);
      return evidenceFor(pool, [
        check(
          'kubernetes_cluster_id',
          engine === 'calico',
          `${cluster.address} uses Calico, which enforces NetworkPolicy on Windows Server 2019/2022 nodes`,
          `${cluster.address} uses network policy engine ${JSON.stringify(engine ?? null)}, which does not enforce NetworkPolicy on Windows nodes (use 'calico'; Cilium has no Windows support, Azure NPM on Windows is retiring)`,
        ),
        check('kubernetes_cluster_id', tenants.length > 0, `${cluster.address} has a tenant baseline with default-deny policies`, `${cluster.address} has no tenant baseline rendered`),
      ]);
    }),
  );
};
