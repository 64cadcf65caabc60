/**
 * FQDN egress allowances of a tenant namespace: a `CiliumNetworkPolicy` (cilium.io/v2) that lets
 * (some) pods reach named hosts, e.g. a payment API, instead of an IP block. It needs the cilium
 * data plane with Advanced Container Networking Services security on (SecureAksCluster's default),
 * whose DNS proxy learns the hosts' addresses: the policy also sends the pods' DNS queries to
 * kube-dns through that proxy. The egress firewall must still allow the hosts.
 */
import { PropError } from '../core/errors';
import { checkAllowanceName } from './validation';
import type { LabelSelector, ObjectMeta } from './manifests';

const NAME = 'TenantNamespace';
/** A host name (lower case), or `*.` and a domain of two labels or more. */
const FQDN = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

/** Egress from (some) pods to named hosts. */
export interface EgressFqdnAllowance {
  /** Names the CiliumNetworkPolicy `allow-fqdn-<name>` (a DNS label of at most 52 characters, unique in the tenant). */
  readonly name: string;
  /** Host names, e.g. `api.stripe.com`, or one wildcard label, e.g. `*.blob.core.windows.net` (never a bare `*`). */
  readonly fqdns: readonly string[];
  /**
   * Destination TCP ports.
   * @default [443]
   */
  readonly ports?: readonly number[];
  /**
   * Labels of the pods the allowance is for.
   * @default every pod of the namespace
   */
  readonly podLabels?: Readonly<Record<string, string>>;
}

/** A CiliumNetworkPolicy as the baseline renders it. */
export interface CiliumNetworkPolicySpec {
  readonly endpointSelector: LabelSelector;
  readonly egress: readonly Record<string, unknown>[];
}

/** The CiliumNetworkPolicy object of an allowance. */
export function fqdnPolicy(metadata: ObjectMeta, a: EgressFqdnAllowance): { readonly kind: 'CiliumNetworkPolicy'; readonly metadata: ObjectMeta; readonly spec: CiliumNetworkPolicySpec } {
  return {
    kind: 'CiliumNetworkPolicy',
    metadata,
    spec: {
      endpointSelector: a.podLabels && Object.keys(a.podLabels).length > 0 ? { matchLabels: { ...a.podLabels } } : {},
      egress: [
        {
          toEndpoints: [{ matchLabels: { 'k8s:io.kubernetes.pod.namespace': 'kube-system', 'k8s:k8s-app': 'kube-dns' } }],
          toPorts: [{ ports: [{ port: '53', protocol: 'ANY' }], rules: { dns: [{ matchPattern: '*' }] } }],
        },
        {
          toFQDNs: [...a.fqdns].sort().map((f) => (f.startsWith('*.') ? { matchPattern: f } : { matchName: f })),
          toPorts: [{ ports: [...(a.ports ?? [443])].sort((x, y) => x - y).map((p) => ({ port: String(p), protocol: 'TCP' })) }],
        },
      ],
    },
  };
}

/** Checks one allowance (its name unique among `names`, which it joins). */
export function validateFqdnAllowance(a: EgressFqdnAllowance, prop: string, names: Set<string>): void {
  checkAllowanceName(NAME, `${prop}.name`, a.name, 'allow-fqdn-', names);
  if (!Array.isArray(a.fqdns) || a.fqdns.length === 0) {
    throw new PropError(NAME, `${prop}.fqdns`, a.fqdns, 'is empty', "list the hosts, e.g. ['api.stripe.com']");
  }
  a.fqdns.forEach((f, i) => {
    if (typeof f !== 'string' || f.length > 253 || !FQDN.test(f)) {
      throw new PropError(NAME, `${prop}.fqdns[${i}]`, f, 'is not a host name or a *.domain pattern (lower case, no scheme, path or port; a bare * would allow every host)', "write 'api.stripe.com' or '*.blob.core.windows.net'; for the whole Internet use an egress CIDR allowance with a reason");
    }
  });
  if (new Set(a.fqdns).size !== a.fqdns.length) {
    throw new PropError(NAME, `${prop}.fqdns`, a.fqdns, 'lists a host twice', 'list each host once');
  }
  (a.ports ?? []).forEach((p, i) => {
    if (!Number.isInteger(p) || p < 1 || p > 65535) {
      throw new PropError(NAME, `${prop}.ports[${i}]`, p, 'is not a TCP port', 'use 1-65535, e.g. 443');
    }
  });
  if (a.ports !== undefined && a.ports.length === 0) {
    throw new PropError(NAME, `${prop}.ports`, a.ports, 'is empty: the allowance would admit nothing', 'list the ports, e.g. [443], or leave ports out for 443');
  }
}
