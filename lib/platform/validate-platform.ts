/** SecureAksPlatform's props check, run first in its constructor. */
import { parseCidr } from '../core/cidr';
import { PropError } from '../core/errors';
import type { SecureAksPlatformProps } from './secure-aks-platform-props';

const C = 'SecureAksPlatform';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Throws a PropError for the first bad prop. */
export function validate(props: SecureAksPlatformProps): void {
  for (const key of ['tenantId', 'subscriptionId', 'deployerObjectId'] as const) {
    if (!GUID.test(props[key] ?? '')) {
      throw new PropError(C, key, props[key], 'is not a GUID', `pass the ${key === 'deployerObjectId' ? "object id of the principal Terraform runs as ('az ad signed-in-user show --query id')" : key} as a declared input`);
    }
  }
  if (!props.adminGroupObjectIds?.length) {
    throw new PropError(C, 'adminGroupObjectIds', props.adminGroupObjectIds, 'is empty: nobody could administer the cluster (local accounts are disabled)', 'give at least one Entra group object id');
  }
  if (!Array.isArray(props.tenants) || props.tenants.length === 0) {
    throw new PropError(
      C,
      'tenants',
      props.tenants,
      'is missing or empty: the cluster would have no tenant namespace with quotas, LimitRanges, default-deny network policies and the IMDS block (six enforced checklist items)',
      "declare at least one tenant namespace, e.g. tenants: [{ name: 'payments', owners: ['<Entra group object id>'], labels: { owner: 'payments-team', costCenter: 'cc-2001', dataClassification: 'confidential' } }]",
    );
  }
  const fqdnTenant = props.tenants.find((t) => (t.egressFqdns ?? []).length > 0);
  const acnsSecurity = (props.networkPolicy ?? 'cilium') === 'cilium' && props.cluster?.advancedNetworking?.security !== false;
  if (fqdnTenant && !acnsSecurity) {
    throw new PropError(C, `tenants[${props.tenants.indexOf(fqdnTenant)}].egressFqdns`, fqdnTenant.egressFqdns, 'needs Cilium FQDN filtering: networkPolicy cilium with Advanced Container Networking Services security on', "keep networkPolicy 'cilium' and cluster.advancedNetworking.security on, or use egress CIDR allowances");
  }
  const hub = parseCidr(props.addressSpace?.hub ?? '');
  if (!hub || hub.prefix > 24) {
    throw new PropError(C, 'addressSpace.hub', props.addressSpace?.hub, 'is not a CIDR of /24 or larger (the firewall and bastion subnets need a /26 each)', "use e.g. '10.0.0.0/24'");
  }
  if (!parseCidr(props.addressSpace.spoke ?? '')) {
    throw new PropError(C, 'addressSpace.spoke', props.addressSpace.spoke, 'is not a well-formed CIDR', "use e.g. '10.10.0.0/16'");
  }
  if ('environment' in props.tags && props.tags.environment !== props.environment) {
    throw new PropError(C, 'tags.environment', props.tags.environment, `contradicts environment '${props.environment}'`, 'leave the environment tag out: the platform sets it');
  }
}
