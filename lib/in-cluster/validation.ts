/**
 * Synth-time checks of the in-cluster baseline's props. Manifests are files committed to Git and
 * applied by Flux: nothing Terraform computes can reach them, so an unresolved token is an error
 * here (unlike Terraform attributes, where checks skip tokens).
 */
import { Token } from 'cdktf';
import { parseCidr } from '../core/cidr';
import { ErrorSubject, PropError } from '../core/errors';
import { checkReason as kitCheckReason } from '../core/validate';
import { ADD_ON_NAMESPACES, isReservedNamespace } from './conventions';
import { parseQuantity } from './quantity';

/** DNS-1123 label: what Kubernetes requires of namespace and most object names. */
export const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
/** A Kubernetes label value: at most 63 characters, alphanumeric at both ends, `-_.` inside. */
export const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$/;
/** A label key: optional DNS-subdomain prefix and `/`, then a name of at most 63 characters. */
const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
/** An Entra object id. */
export const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** Shortest reason a loosening may give (as Checklist.waive requires). */
export const MIN_REASON = 10;

/** Throws when any string inside `value` is an unresolved Terraform token. */
export function rejectTokens(construct: string, prop: string, value: unknown): void {
  if (typeof value === 'string' || typeof value === 'number') {
    if (Token.isUnresolved(value)) {
      throw new PropError(
        construct,
        prop,
        String(value),
        'is a Terraform reference (a token), which cannot be written into a manifest file that Flux applies',
        'pass the literal value (e.g. the cluster name given to SecureAksCluster, the Entra group object id as a string)',
      );
    }
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => rejectTokens(construct, `${prop}[${i}]`, v));
  } else if (value && typeof value === 'object') {
    Object.entries(value).forEach(([k, v]) => rejectTokens(construct, prop ? `${prop}.${k}` : k, v));
  }
}

/** Throws unless `name` is a DNS-1123 label. */
export function checkDnsLabel(construct: string, prop: string, name: string, what = 'name'): void {
  if (typeof name !== 'string' || !DNS_LABEL.test(name)) {
    throw new PropError(construct, prop, name, `is not a valid Kubernetes ${what} (a DNS-1123 label)`, 'use 1-63 lowercase letters, digits and "-", starting and ending with a letter or digit');
  }
}

/**
 * Checks the name of an allowance that names a policy `<policyPrefix><name>`: a DNS label, the
 * policy name within 63 characters, unique among `names` (which it joins).
 */
export function checkAllowanceName(construct: string, prop: string, name: string, policyPrefix: string, names: Set<string>): void {
  checkDnsLabel(construct, prop, name, 'allowance name');
  if (`${policyPrefix}${name}`.length > 63) {
    throw new PropError(construct, prop, name, `makes the policy name ${policyPrefix}<name> longer than 63 characters`, `use at most ${63 - policyPrefix.length} characters`);
  }
  if (names.has(name)) {
    throw new PropError(construct, prop, name, 'is used by another allowance of the tenant', 'give each allowance its own name');
  }
  names.add(name);
}

/** Throws unless `name` is a DNS-1123 label that no tenant may use. */
export function checkNamespaceName(construct: string, prop: string, name: string): void {
  checkDnsLabel(construct, prop, name, 'namespace name');
  if (isReservedNamespace(name)) {
    throw new PropError(construct, prop, name, 'is a reserved namespace (default and kube-* belong to Kubernetes and AKS)', 'give the tenant its own namespace, e.g. the team or application name');
  }
  if (ADD_ON_NAMESPACES.includes(name)) {
    throw new PropError(construct, prop, name, 'is the namespace of an AKS add-on or cluster extension, which creates and owns it', `give the tenant its own namespace, e.g. '${name.replace(/-system$|-microsoft$|-operator$/, '')}-team'`);
  }
}

/** Throws unless every key and value of a label map is valid. */
export function checkLabels(construct: string, prop: string, labels: Readonly<Record<string, string>>): void {
  for (const [key, value] of Object.entries(labels)) {
    const slash = key.lastIndexOf('/');
    const prefix = slash < 0 ? undefined : key.slice(0, slash);
    const name = slash < 0 ? key : key.slice(slash + 1);
    if (!LABEL_NAME.test(name) || (prefix !== undefined && !DNS_SUBDOMAIN.test(prefix))) {
      throw new PropError(construct, `${prop}.${key}`, key, 'is not a valid label key', 'use [prefix/]name: a DNS subdomain prefix and a name of 1-63 letters, digits, "-", "_" and "."');
    }
    if (typeof value !== 'string' || !LABEL_VALUE.test(value)) {
      throw new PropError(construct, `${prop}.${key}`, value, 'is not a valid label value', 'use at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit');
    }
  }
}

/** Throws unless a required label value is non-empty and valid. */
export function checkRequiredLabel(construct: string, prop: string, value: string | undefined): void {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new PropError(construct, prop, value, 'is required (every object carries owner, cost-center and data-classification labels)', 'give a label value, e.g. the team name, the cost center code, the classification');
  }
  if (!LABEL_VALUE.test(value)) {
    throw new PropError(construct, prop, value, 'is not a valid label value', 'use at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit');
  }
}

/** Throws unless a reason is given and long enough for a reviewer to judge (the kit's check). */
export function checkReason(construct: ErrorSubject, prop: string, reason: string | undefined, what: string): void {
  kitCheckReason(construct, prop, reason, what);
}

/** Parses a quantity prop, throwing when malformed or negative. */
export function quantity(construct: string, prop: string, value: string): number {
  const q = parseQuantity(value);
  if (q === undefined || q < 0) {
    throw new PropError(construct, prop, value, 'is not a Kubernetes quantity', "use e.g. '500m' or '2' for CPU, '512Mi' or '4Gi' for memory");
  }
  return q;
}

/** Throws unless `cidr` is a well-formed IPv4 block; returns it parsed. */
export function cidr(construct: string, prop: string, value: string): NonNullable<ReturnType<typeof parseCidr>> {
  const parsed = parseCidr(value);
  if (!parsed) {
    throw new PropError(construct, prop, value, 'is not a well-formed IPv4 CIDR block', "use a.b.c.d/n with no host bits set, e.g. '10.20.0.0/16'");
  }
  return parsed;
}
