/**
 * Checks of the in-cluster baseline's props that only Kubernetes tenancy needs (reserved and add-on
 * namespaces, allowance names that become policy names, the required labels, quantities). Every
 * other check is the kit's (lib/core/validate.ts).
 *
 * Manifests are files committed to Git and applied by Flux: nothing Terraform computes can reach
 * them, so an unresolved token is an error here (`requireLiteral` with the words below), unlike
 * Terraform attributes, where checks skip tokens.
 */
import { ErrorSubject, PropError } from '../core/errors';
import { checkDnsLabel, checkLabelValue } from '../core/validate';
import { ADD_ON_NAMESPACES, isReservedNamespace } from './conventions';
import { parseQuantity } from './quantity';

/** Why a token cannot be a manifest prop (the problem of `requireLiteral`). */
export const MANIFEST_TOKEN = 'is a Terraform reference (a token), which cannot be written into a manifest file that Flux applies';
/** What to pass instead (the fix of `requireLiteral`). */
export const MANIFEST_TOKEN_FIX = 'pass the literal value (e.g. the cluster name given to SecureAksCluster, the Entra group object id as a string)';

/**
 * Checks the name of an allowance that names a policy `<policyPrefix><name>`: a DNS label, the
 * policy name within 63 characters, unique among `names` (which it joins).
 */
export function checkAllowanceName(at: ErrorSubject, prop: string, name: string, policyPrefix: string, names: Set<string>): void {
  checkDnsLabel(at, prop, name, 'allowance name');
  if (`${policyPrefix}${name}`.length > 63) {
    throw new PropError(at, prop, name, `makes the policy name ${policyPrefix}<name> longer than 63 characters`, `use at most ${63 - policyPrefix.length} characters`);
  }
  if (names.has(name)) {
    throw new PropError(at, prop, name, 'is used by another allowance of the tenant', 'give each allowance its own name');
  }
  names.add(name);
}

/** Throws unless `name` is a DNS-1123 label that no tenant may use. */
export function checkNamespaceName(at: ErrorSubject, prop: string, name: string): void {
  checkDnsLabel(at, prop, name, 'namespace name');
  if (isReservedNamespace(name)) {
    throw new PropError(at, prop, name, 'is a reserved namespace (default and kube-* belong to Kubernetes and AKS)', 'give the tenant its own namespace, e.g. the team or application name');
  }
  if (ADD_ON_NAMESPACES.includes(name)) {
    throw new PropError(at, prop, name, 'is the namespace of an AKS add-on or cluster extension, which creates and owns it', `give the tenant its own namespace, e.g. '${name.replace(/-system$|-microsoft$|-operator$/, '')}-team'`);
  }
}

/** Throws unless a required label value is non-empty and valid. */
export function checkRequiredLabel(at: ErrorSubject, prop: string, value: string | undefined): void {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new PropError(at, prop, value, 'is required (every object carries owner, cost-center and data-classification labels)', 'give a label value, e.g. the team name, the cost center code, the classification');
  }
  checkLabelValue(at, prop, value);
}

/** Parses a quantity prop, throwing when malformed or negative. */
export function quantity(at: ErrorSubject, prop: string, value: string): number {
  const q = parseQuantity(value);
  if (q === undefined || q < 0) {
    throw new PropError(at, prop, value, 'is not a Kubernetes quantity', "use e.g. '500m' or '2' for CPU, '512Mi' or '4Gi' for memory");
  }
  return q;
}
