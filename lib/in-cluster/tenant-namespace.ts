/**
 * A tenant namespace: the namespace, its owners' RoleBinding, a ResourceQuota, a LimitRange, a
 * default-deny NetworkPolicy with the allowances every pod needs, and the recommended labels on
 * every object. Created through `ClusterBaseline.addTenant()` (or `new TenantNamespace(baseline, ...)`).
 */
import type { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { libraryStack } from '../synth/library-stack';
import { Checklist } from '../checklist/checklist';
import { Cidr, containsIp, parseCidr } from '../core/cidr';
import {
  BROAD_PREFIX,
  CLUSTER_ANNOTATION,
  CONSTRUCT_PATH_ANNOTATION,
  IMDS_CIDR,
  LABELS,
  NAMESPACE_NAME_LABEL,
  REASON_ANNOTATION,
  WINDOWS_ANNOTATION,
  WINDOWS_ANNOTATION_VALUE,
} from './conventions';
import { EgressFqdnAllowance, fqdnPolicy } from './fqdn-egress';
import { BaselineObject, emit, KIND_ORDER, LimitRangeItem, NetworkPolicyEgressRule, NetworkPolicyPort, NetworkPolicySpec, ObjectMeta } from './manifests';
import { checkLimits, IMDS_IP, validate } from './tenant-checks';
import { MANIFEST_TOKEN, MANIFEST_TOKEN_FIX } from './validation';
import { atScope, requireLiteral } from '../core/validate';

const NAME = 'TenantNamespace';
export { BROAD_PREFIX };

/** Business, security and technical labels put on every object of the tenant. */
export interface TenantLabels {
  /** `owner` label: the owning team. */
  readonly owner: string;
  /** `cost-center` label. */
  readonly costCenter: string;
  /** `data-classification` label, e.g. `internal`, `confidential`. */
  readonly dataClassification: string;
  /**
   * More labels for every object of the tenant.
   * @default none
   */
  readonly extra?: Readonly<Record<string, string>>;
}

/** The namespace's ResourceQuota (`hard` limits). CPU and memory are Kubernetes quantities. */
export interface TenantQuota {
  /** @default '4' */
  readonly requestsCpu?: string;
  /** @default '8Gi' */
  readonly requestsMemory?: string;
  /** @default '8' */
  readonly limitsCpu?: string;
  /** @default '16Gi' */
  readonly limitsMemory?: string;
  /** @default 50 */
  readonly pods?: number;
  /** @default 10 */
  readonly persistentVolumeClaims?: number;
  /** Total storage requested by claims. @default '100Gi' */
  readonly requestsStorage?: string;
  /** Services of type LoadBalancer (expose through the shared ingress instead). @default 0 */
  readonly servicesLoadBalancers?: number;
  /** Services of type NodePort. @default 0 */
  readonly servicesNodePorts?: number;
}

/** The namespace's LimitRange for containers: defaults for containers that set nothing, and a ceiling. */
export interface TenantLimits {
  /** @default '100m' */
  readonly defaultRequestCpu?: string;
  /** @default '128Mi' */
  readonly defaultRequestMemory?: string;
  /** Default CPU limit. @default '500m' */
  readonly defaultCpu?: string;
  /** Default memory limit. @default '512Mi' */
  readonly defaultMemory?: string;
  /** Largest CPU limit a container may set. @default '2' */
  readonly maxCpu?: string;
  /** Largest memory limit a container may set. @default '4Gi' */
  readonly maxMemory?: string;
}

/** A port of an egress allowance. */
export interface EgressPort {
  /** 1-65535. */
  readonly port: number;
  /** @default 'TCP' */
  readonly protocol?: 'TCP' | 'UDP';
}

/**
 * Egress from (some) pods to IP blocks, e.g. the Internet through the egress firewall, or a
 * database subnet. 169.254.169.254 (IMDS) is always excepted.
 */
export interface EgressAllowance {
  /** Names the NetworkPolicy `allow-egress-<name>` (a DNS label). */
  readonly name: string;
  /** Destination IPv4 blocks, e.g. `['0.0.0.0/0']` for the Internet (the firewall still filters it). */
  readonly cidrs: readonly string[];
  /**
   * Destination ports.
   * @default [{ port: 443, protocol: 'TCP' }]
   */
  readonly ports?: readonly EgressPort[];
  /**
   * Labels of the pods the allowance is for.
   * @default every pod of the namespace
   */
  readonly podLabels?: Readonly<Record<string, string>>;
  /**
   * Why the pods need it. Required (at least 10 characters) when a block is broader than /8
   * (e.g. 0.0.0.0/0); it is recorded as a waiver of network/default-deny-network-policies.
   * @default none
   */
  readonly reason?: string;
}

/** Pods that must reach the node's instance metadata endpoint (169.254.169.254:80). */
export interface ImdsAccess {
  /** Labels selecting those pods (non-empty: never the whole namespace). */
  readonly podLabels: Readonly<Record<string, string>>;
  /** Why (at least 10 characters); recorded as a waiver of network/block-imds-access. */
  readonly reason: string;
}

export interface TenantNamespaceProps {
  /** Namespace name: a DNS-1123 label, not `default` or `kube-*`. */
  readonly name: string;
  /**
   * Entra group object ids of the owners (non-empty). They are bound in the namespace only, by a
   * RoleBinding whose subjects are `Group` named by object id (Azure RBAC for Kubernetes / Entra
   * integration puts group object ids in the token).
   */
  readonly owners: readonly string[];
  /**
   * The ClusterRole the owners get in the namespace. `edit` cannot change RoleBindings or quotas;
   * `admin` can also grant access inside the namespace.
   * @default 'edit'
   */
  readonly ownerRole?: 'edit' | 'admin';
  /**
   * Entra group object ids bound to the `view` ClusterRole in the namespace.
   * @default none
   */
  readonly readers?: readonly string[];
  /** Labels for every object of the tenant. */
  readonly labels: TenantLabels;
  /**
   * ResourceQuota; each field defaults separately.
   * @default see TenantQuota
   */
  readonly quota?: TenantQuota;
  /**
   * LimitRange for containers; each field defaults separately.
   * @default see TenantLimits
   */
  readonly limits?: TenantLimits;
  /**
   * Let the namespace's pods talk to each other (ingress and egress inside the namespace).
   * @default true
   */
  readonly allowSameNamespace?: boolean;
  /**
   * Namespaces whose pods may open connections to this namespace's pods, e.g.
   * `app-routing-system` for the application routing ingress controller.
   * @default none
   */
  readonly ingressFromNamespaces?: readonly string[];
  /**
   * Egress allowances beyond DNS (and the namespace itself).
   * @default none: pods reach only kube-dns (and their own namespace)
   */
  readonly egress?: readonly EgressAllowance[];
  /**
   * Egress allowances to named hosts (CiliumNetworkPolicy toFQDNs): needs the cilium data plane
   * with Advanced Container Networking Services security (SecureAksCluster's default). The egress
   * firewall must allow the hosts too.
   * @default none
   */
  readonly egressFqdns?: readonly EgressFqdnAllowance[];
  /**
   * Pods that may reach IMDS. Prefer Workload Identity: pods then never need IMDS.
   * @default none: no pod of the namespace reaches 169.254.169.254
   */
  readonly imdsAccess?: ImdsAccess;
}

/** What a tenant needs from the baseline that holds it. */
export interface TenantHost {
  /** Literal cluster name (the `aks-checklist/cluster` annotation). */
  readonly clusterName: string;
  /** `app.kubernetes.io/part-of` value. */
  readonly partOf: string;
  /** The cdk8s chart the tenant's objects go into. */
  chartFor(tenant: string): Chart;
}

const DEFAULT_QUOTA: Required<TenantQuota> = {
  requestsCpu: '4',
  requestsMemory: '8Gi',
  limitsCpu: '8',
  limitsMemory: '16Gi',
  pods: 50,
  persistentVolumeClaims: 10,
  requestsStorage: '100Gi',
  servicesLoadBalancers: 0,
  servicesNodePorts: 0,
};

const DEFAULT_LIMITS: Required<TenantLimits> = {
  defaultRequestCpu: '100m',
  defaultRequestMemory: '128Mi',
  defaultCpu: '500m',
  defaultMemory: '512Mi',
  maxCpu: '2',
  maxMemory: '4Gi',
};

/** One tenant's namespace and its guard rails, rendered as manifests. */
export class TenantNamespace extends Construct {
  /** The namespace name. */
  public readonly namespace: string;
  /** The objects rendered for the tenant, in file order. */
  public readonly objects: readonly BaselineObject[];

  public constructor(scope: Construct & TenantHost, id: string, props: TenantNamespaceProps) {
    // Checked before the construct exists (a rejected tenant leaves nothing in the baseline, and an
    // empty name is no construct id): errors name the baseline's path, where the tenant was added.
    atScope(scope, () => {
      requireLiteral(NAME, '', props, MANIFEST_TOKEN, MANIFEST_TOKEN_FIX);
      validate(props);
    });
    super(scope, id);
    libraryStack(this);
    this.namespace = props.name;
    const quota = { ...DEFAULT_QUOTA, ...definedOf(props.quota) };
    const limits = { ...DEFAULT_LIMITS, ...definedOf(props.limits) };
    atScope(this, () => checkLimits(props.name, quota, limits));

    const labels: Record<string, string> = {
      ...(props.labels.extra ?? {}),
      [LABELS.partOf]: scope.partOf,
      [LABELS.managedBy]: 'aks-checklist-cdktf',
      [LABELS.owner]: props.labels.owner,
      [LABELS.costCenter]: props.labels.costCenter,
      [LABELS.dataClassification]: props.labels.dataClassification,
    };
    const annotations = { [CLUSTER_ANNOTATION]: scope.clusterName, [CONSTRUCT_PATH_ANNOTATION]: this.node.path };
    const meta = (name: string, extra: Record<string, string> = {}): ObjectMeta => ({
      name,
      namespace: props.name,
      labels,
      annotations: { ...annotations, ...extra },
    });

    const objects: BaselineObject[] = [
      { kind: 'Namespace', metadata: { name: props.name, labels, annotations } },
      { kind: 'ResourceQuota', metadata: meta('tenant-quota'), spec: { hard: quotaHard(quota) } },
      { kind: 'LimitRange', metadata: meta('tenant-limits'), spec: { limits: [limitItem(limits)] } },
      roleBinding(meta('owners'), props.ownerRole ?? 'edit', props.owners),
      ...(props.readers?.length ? [roleBinding(meta('readers'), 'view', props.readers)] : []),
      ...this.networkPolicies(props).map(([name, spec, extra]) => ({
        kind: 'NetworkPolicy' as const,
        metadata: meta(name, { [WINDOWS_ANNOTATION]: WINDOWS_ANNOTATION_VALUE, ...extra }),
        spec,
      })),
      ...(props.egressFqdns ?? []).map((a) => fqdnPolicy(meta(`allow-fqdn-${a.name}`), a)),
    ];
    this.objects = objects.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.metadata.name.localeCompare(b.metadata.name));
    const chart = scope.chartFor(props.name);
    this.objects.forEach((o) => emit(chart, o));
  }

  private networkPolicies(props: TenantNamespaceProps): Array<[string, NetworkPolicySpec, Record<string, string>?]> {
    const all = {};
    const policies: Array<[string, NetworkPolicySpec, Record<string, string>?]> = [
      ['default-deny', { podSelector: all, policyTypes: ['Ingress', 'Egress'] }],
      [
        'allow-dns',
        {
          podSelector: all,
          policyTypes: ['Egress'],
          egress: [
            {
              to: [{ namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
              ports: [
                { protocol: 'UDP', port: 53 },
                { protocol: 'TCP', port: 53 },
              ],
            },
          ],
        },
      ],
    ];
    if (props.allowSameNamespace ?? true) {
      policies.push(['allow-same-namespace', { podSelector: all, policyTypes: ['Ingress', 'Egress'], ingress: [{ from: [{ podSelector: all }] }], egress: [{ to: [{ podSelector: all }] }] }]);
    }
    const from = [...(props.ingressFromNamespaces ?? [])].sort();
    if (from.length > 0) {
      policies.push([
        'allow-ingress-from-namespaces',
        { podSelector: all, policyTypes: ['Ingress'], ingress: [{ from: from.map((ns) => ({ namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: ns } } })) }] },
      ]);
    }
    for (const allowance of props.egress ?? []) {
      const rule: NetworkPolicyEgressRule = {
        to: allowance.cidrs.map((block) => (containsIp(parseCidr(block) as Cidr, IMDS_IP) ? { ipBlock: { cidr: block, except: [IMDS_CIDR] } } : { ipBlock: { cidr: block } })),
        ports: (allowance.ports ?? [{ port: 443 }]).map((p): NetworkPolicyPort => ({ protocol: p.protocol ?? 'TCP', port: p.port })),
      };
      const spec: NetworkPolicySpec = { podSelector: selector(allowance.podLabels), policyTypes: ['Egress'], egress: [rule] };
      policies.push([`allow-egress-${allowance.name}`, spec, allowance.reason ? { [REASON_ANNOTATION]: allowance.reason.trim() } : undefined]);
      if (allowance.cidrs.some((block) => ((parseCidr(block) as Cidr).prefix < BROAD_PREFIX))) {
        Checklist.of(this).waive('network/default-deny-network-policies', `${props.name}: egress '${allowance.name}' to ${allowance.cidrs.join(', ')}: ${(allowance.reason as string).trim()}`);
      }
    }
    if (props.imdsAccess) {
      policies.push([
        'allow-imds',
        { podSelector: selector(props.imdsAccess.podLabels), policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: IMDS_CIDR } }], ports: [{ protocol: 'TCP', port: 80 }] }] },
        { [REASON_ANNOTATION]: props.imdsAccess.reason.trim() },
      ]);
      Checklist.of(this).waive('network/block-imds-access', `${props.name}: ${props.imdsAccess.reason.trim()}`);
    }
    return policies;
  }
}

function selector(labels: Readonly<Record<string, string>> | undefined): NetworkPolicySpec['podSelector'] {
  return labels && Object.keys(labels).length > 0 ? { matchLabels: { ...labels } } : {};
}

function roleBinding(metadata: ObjectMeta, role: string, groups: readonly string[]): BaselineObject {
  return {
    kind: 'RoleBinding',
    metadata,
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
    subjects: [...new Set(groups.map((g) => g.toLowerCase()))].sort().map((name) => ({ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name })),
  };
}

function quotaHard(q: Required<TenantQuota>): Record<string, string> {
  return {
    'requests.cpu': q.requestsCpu,
    'requests.memory': q.requestsMemory,
    'limits.cpu': q.limitsCpu,
    'limits.memory': q.limitsMemory,
    pods: String(q.pods),
    persistentvolumeclaims: String(q.persistentVolumeClaims),
    'requests.storage': q.requestsStorage,
    'services.loadbalancers': String(q.servicesLoadBalancers),
    'services.nodeports': String(q.servicesNodePorts),
  };
}

function limitItem(l: Required<TenantLimits>): LimitRangeItem {
  return {
    type: 'Container',
    defaultRequest: { cpu: l.defaultRequestCpu, memory: l.defaultRequestMemory },
    default: { cpu: l.defaultCpu, memory: l.defaultMemory },
    max: { cpu: l.maxCpu, memory: l.maxMemory },
  };
}

function definedOf<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}
