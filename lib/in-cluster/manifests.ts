/**
 * Typed shapes of the Kubernetes objects the baseline renders (the subset of the API it uses) and
 * the functions that emit them as cdk8s ApiObjects. Keeping our own small types, rather than
 * importing generated k8s bindings, keeps the rendered YAML exactly what the types say.
 */
import { ApiObject, Chart } from 'cdk8s';
import type { CiliumNetworkPolicySpec } from './fqdn-egress';

/** Object metadata. */
export interface ObjectMeta {
  readonly name: string;
  /** Required for namespaced kinds (objects without one land in `default`). */
  readonly namespace?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
}

/** CPU and memory amounts, as Kubernetes quantities (`500m`, `512Mi`). */
export interface ResourceList {
  readonly cpu?: string;
  readonly memory?: string;
}

/** A ResourceQuota's spec: `hard` limits keyed by resource name (`requests.cpu`, `pods` ...). */
export interface ResourceQuotaSpec {
  readonly hard: Readonly<Record<string, string>>;
}

/** One LimitRange item. */
export interface LimitRangeItem {
  readonly type: 'Container' | 'Pod' | 'PersistentVolumeClaim';
  /** Default limits, applied to containers that set none. */
  readonly default?: ResourceList;
  /** Default requests, applied to containers that set none. */
  readonly defaultRequest?: ResourceList;
  readonly max?: ResourceList;
  readonly min?: ResourceList;
}

export interface LimitRangeSpec {
  readonly limits: readonly LimitRangeItem[];
}

/** A label selector (`{}` selects everything). */
export interface LabelSelector {
  readonly matchLabels?: Readonly<Record<string, string>>;
}

export interface IpBlock {
  readonly cidr: string;
  /** Blocks inside `cidr` that stay denied. */
  readonly except?: readonly string[];
}

/** A peer of a NetworkPolicy rule: pods (in namespaces) or an IP block. */
export interface NetworkPolicyPeer {
  readonly podSelector?: LabelSelector;
  readonly namespaceSelector?: LabelSelector;
  readonly ipBlock?: IpBlock;
}

export interface NetworkPolicyPort {
  readonly protocol: 'TCP' | 'UDP' | 'SCTP';
  readonly port?: number;
  readonly endPort?: number;
}

export interface NetworkPolicyIngressRule {
  readonly from?: readonly NetworkPolicyPeer[];
  readonly ports?: readonly NetworkPolicyPort[];
}

export interface NetworkPolicyEgressRule {
  readonly to?: readonly NetworkPolicyPeer[];
  readonly ports?: readonly NetworkPolicyPort[];
}

/** A NetworkPolicy's spec. A policy type with no rules denies all traffic of that direction. */
export interface NetworkPolicySpec {
  readonly podSelector: LabelSelector;
  readonly policyTypes: ReadonlyArray<'Ingress' | 'Egress'>;
  readonly ingress?: readonly NetworkPolicyIngressRule[];
  readonly egress?: readonly NetworkPolicyEgressRule[];
}

export interface RoleRef {
  readonly apiGroup: 'rbac.authorization.k8s.io';
  readonly kind: 'ClusterRole' | 'Role';
  readonly name: string;
}

/** A RoleBinding subject. With Azure RBAC for Kubernetes, an Entra group is `Group` named by its object id. */
export interface Subject {
  readonly kind: 'Group' | 'User' | 'ServiceAccount';
  readonly name: string;
  readonly apiGroup?: 'rbac.authorization.k8s.io';
  readonly namespace?: string;
}

/** The objects the baseline renders, by kind. */
export type BaselineObject =
  | { readonly kind: 'Namespace'; readonly metadata: ObjectMeta }
  | { readonly kind: 'ResourceQuota'; readonly metadata: ObjectMeta; readonly spec: ResourceQuotaSpec }
  | { readonly kind: 'LimitRange'; readonly metadata: ObjectMeta; readonly spec: LimitRangeSpec }
  | { readonly kind: 'NetworkPolicy'; readonly metadata: ObjectMeta; readonly spec: NetworkPolicySpec }
  | { readonly kind: 'CiliumNetworkPolicy'; readonly metadata: ObjectMeta; readonly spec: CiliumNetworkPolicySpec }
  | { readonly kind: 'RoleBinding'; readonly metadata: ObjectMeta; readonly roleRef: RoleRef; readonly subjects: readonly Subject[] };

const API_VERSIONS: Readonly<Record<BaselineObject['kind'], string>> = {
  Namespace: 'v1',
  ResourceQuota: 'v1',
  LimitRange: 'v1',
  NetworkPolicy: 'networking.k8s.io/v1',
  CiliumNetworkPolicy: 'cilium.io/v2',
  RoleBinding: 'rbac.authorization.k8s.io/v1',
};

/** Order of kinds inside a tenant's file: the namespace first, then what lives in it. */
export const KIND_ORDER: readonly BaselineObject['kind'][] = ['Namespace', 'ResourceQuota', 'LimitRange', 'RoleBinding', 'NetworkPolicy', 'CiliumNetworkPolicy'];

/** Emits one object into a cdk8s chart. */
export function emit(chart: Chart, object: BaselineObject): ApiObject {
  const { kind, metadata, ...body } = object;
  const id = `${kind}-${metadata.namespace ?? ''}-${metadata.name}`;
  return new ApiObject(chart, id, {
    apiVersion: API_VERSIONS[kind],
    kind,
    metadata: {
      name: metadata.name,
      namespace: metadata.namespace,
      labels: metadata.labels ? { ...metadata.labels } : undefined,
      annotations: metadata.annotations ? { ...metadata.annotations } : undefined,
    },
    ...(JSON.parse(JSON.stringify(body)) as Record<string, unknown>),
  });
}
