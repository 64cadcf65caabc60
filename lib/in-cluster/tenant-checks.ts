/**
 * TenantNamespace's props checks: owners and readers, labels, egress allowances (a reason for
 * broad ones, never IMDS), IMDS access, and quotas that fit the LimitRange defaults.
 */
import { Cidr, containsIp, parseIp } from '../core/cidr';
import { PropError } from '../core/errors';
import { BROAD_PREFIX, IMDS_ADDRESS } from './conventions';
import type { EgressAllowance, TenantLimits, TenantNamespaceProps, TenantQuota } from './tenant-namespace';
import { validateFqdnAllowance } from './fqdn-egress';
import { checkCidr, checkDnsLabel, checkGuid, checkInt, checkLabels, checkReason } from '../core/validate';
import { checkAllowanceName, checkNamespaceName, checkRequiredLabel, quantity } from './validation';

const NAME = 'TenantNamespace';
/** Tenant labels select pods and namespaces: well-known keys such as `app.kubernetes.io/name` are welcome. */
const LABELS = { allowReserved: true } as const;
/** The IMDS address as a number. */
export const IMDS_IP = parseIp(IMDS_ADDRESS) as number;

/** Throws a PropError for the first bad prop of a tenant. */
export function validate(props: TenantNamespaceProps): void {
  checkNamespaceName(NAME, 'name', props.name);
  if (!Array.isArray(props.owners) || props.owners.length === 0) {
    throw new PropError(NAME, 'owners', props.owners, `is empty for tenant '${props.name}': nobody could use the namespace, and nobody would answer for it`, 'give the object id of at least one Entra group that owns the namespace');
  }
  for (const [prop, groups] of [['owners', props.owners], ['readers', props.readers ?? []]] as const) {
    groups.forEach((g, i) => checkGuid(NAME, `${prop}[${i}]`, g, "the Entra group's object id (Entra ID > Groups > Object ID)"));
  }
  if (props.ownerRole !== undefined && !['edit', 'admin'].includes(props.ownerRole)) {
    throw new PropError(NAME, 'ownerRole', props.ownerRole, "is not 'edit' or 'admin'", "use 'edit' (the default) or 'admin'");
  }
  checkRequiredLabel(NAME, 'labels.owner', props.labels?.owner);
  checkRequiredLabel(NAME, 'labels.costCenter', props.labels?.costCenter);
  checkRequiredLabel(NAME, 'labels.dataClassification', props.labels?.dataClassification);
  checkLabels(NAME, 'labels.extra', props.labels.extra, LABELS);
  (props.ingressFromNamespaces ?? []).forEach((ns, i) => checkDnsLabel(NAME, `ingressFromNamespaces[${i}]`, ns, 'namespace name'));
  const names = new Set<string>();
  (props.egress ?? []).forEach((a, i) => validateEgress(a, `egress[${i}]`, names));
  const fqdnNames = new Set<string>();
  (props.egressFqdns ?? []).forEach((a, i) => validateFqdnAllowance(a, `egressFqdns[${i}]`, fqdnNames));
  if (props.imdsAccess) {
    if (!props.imdsAccess.podLabels || Object.keys(props.imdsAccess.podLabels).length === 0) {
      throw new PropError(NAME, 'imdsAccess.podLabels', props.imdsAccess.podLabels, 'is empty: every pod of the namespace could take the node identity\'s tokens from IMDS', 'select only the pods that need IMDS by label (better: move them to Workload Identity)');
    }
    checkLabels(NAME, 'imdsAccess.podLabels', props.imdsAccess.podLabels, LABELS);
    checkReason(NAME, 'imdsAccess.reason', props.imdsAccess.reason, 'access to the instance metadata endpoint');
  }
}

function validateEgress(a: EgressAllowance, prop: string, names: Set<string>): void {
  checkAllowanceName(NAME, `${prop}.name`, a.name, 'allow-egress-', names);
  if (!Array.isArray(a.cidrs) || a.cidrs.length === 0) {
    throw new PropError(NAME, `${prop}.cidrs`, a.cidrs, 'is empty', "give the destination blocks, e.g. ['0.0.0.0/0'] for the Internet through the firewall");
  }
  a.cidrs.forEach((block, i) => {
    const parsed = checkCidr(NAME, `${prop}.cidrs[${i}]`, block) as Cidr; // tokens were rejected before
    if (parsed.prefix === 32 && containsIp(parsed, IMDS_IP)) {
      throw new PropError(NAME, `${prop}.cidrs[${i}]`, block, 'is the instance metadata endpoint', 'use imdsAccess (labelled pods and a reason) instead');
    }
    if (parsed.prefix < BROAD_PREFIX) {
      checkReason(NAME, `${prop}.reason`, a.reason, `egress to ${block} (most of the Internet)`);
    }
  });
  (a.ports ?? []).forEach((p, i) => {
    checkInt(NAME, `${prop}.ports[${i}].port`, p.port, 1, 65535);
    if (p.protocol !== undefined && !['TCP', 'UDP'].includes(p.protocol)) {
      throw new PropError(NAME, `${prop}.ports[${i}].protocol`, p.protocol, "is not 'TCP' or 'UDP'", "use 'TCP' (the default) or 'UDP'");
    }
  });
  checkLabels(NAME, `${prop}.podLabels`, a.podLabels, LABELS);
}

/** Quotas must hold at least one container at the LimitRange defaults; defaults must not exceed max. */
export function checkLimits(tenant: string, quota: Required<TenantQuota>, limits: Required<TenantLimits>): void {
  const q = (prop: keyof TenantQuota): number => quantity(NAME, `quota.${prop}`, String(quota[prop]));
  const l = (prop: keyof TenantLimits): number => quantity(NAME, `limits.${prop}`, limits[prop]);
  for (const prop of ['pods', 'persistentVolumeClaims', 'servicesLoadBalancers', 'servicesNodePorts'] as const) {
    if (!Number.isInteger(quota[prop]) || quota[prop] < 0) {
      throw new PropError(NAME, `quota.${prop}`, quota[prop], 'is not a whole number of objects', 'give 0 or more');
    }
  }
  q('requestsStorage');
  const ordered: Array<[keyof TenantLimits, keyof TenantLimits, string]> = [
    ['defaultRequestCpu', 'defaultCpu', 'the default CPU request is above the default CPU limit'],
    ['defaultRequestMemory', 'defaultMemory', 'the default memory request is above the default memory limit'],
    ['defaultCpu', 'maxCpu', 'the default CPU limit is above the maximum (Kubernetes rejects the LimitRange)'],
    ['defaultMemory', 'maxMemory', 'the default memory limit is above the maximum (Kubernetes rejects the LimitRange)'],
  ];
  for (const [low, high, problem] of ordered) {
    if (l(low) > l(high)) {
      throw new PropError(NAME, `limits.${low}`, limits[low], `is above limits.${high} = '${limits[high]}' in tenant '${tenant}': ${problem}`, `lower limits.${low} or raise limits.${high}`);
    }
  }
  const fits: Array<[keyof TenantQuota, keyof TenantLimits]> = [
    ['requestsCpu', 'defaultRequestCpu'],
    ['requestsMemory', 'defaultRequestMemory'],
    ['limitsCpu', 'defaultCpu'],
    ['limitsMemory', 'defaultMemory'],
  ];
  for (const [qp, lp] of fits) {
    if (q(qp) < l(lp)) {
      throw new PropError(NAME, `quota.${qp}`, quota[qp], `is below the LimitRange default limits.${lp} = '${limits[lp]}' in tenant '${tenant}': not even one container with default resources fits`, `raise quota.${qp} or lower limits.${lp}`);
    }
  }
}
