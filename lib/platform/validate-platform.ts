/** SecureAksPlatform's props check, run first in its constructor. */
import type { IConstruct } from 'constructs';
import { DEFAULT_POD_CIDR, DEFAULT_SERVICE_CIDR, describeSystemPool } from '../cluster/cluster-defaults';
import { Cidr, overlaps, parseCidr } from '../core/cidr';
import { PropError } from '../core/errors';
import { checkGitUrl, checkGuid, checkGuids, checkInt, checkPlacement, checkUnique, checkUsableRange, checkZonesIn } from '../core/validate';
import { describePool, describeZonalPools } from '../node-pools/node-pool-set';
import type { NodePoolProps } from '../node-pools/node-pool-props';
import type { SecureAksPlatformProps } from './secure-aks-platform-props';

/** The platform's pod and service ranges: the cluster's defaults. */
const POD_CIDR = DEFAULT_POD_CIDR;
const SERVICE_CIDR = DEFAULT_SERVICE_CIDR;
/** Nodes the pod range holds: Azure CNI overlay gives each node a /24. */
const POD_RANGE_NODES = 256;

/** Throws a PropError for the first bad prop. */
export function validate(at: IConstruct, props: SecureAksPlatformProps): void {
  const C = at;
  checkPlacement(at, props);
  checkZonesIn(at, 'location', props.location, props.location, 'a zone-redundant platform (nodes, firewall, registry and backups across zones 1-3)', '');
  checkGuid(at, 'tenantId', props.tenantId, 'the Entra tenant id');
  checkGuid(at, 'subscriptionId', props.subscriptionId, 'the subscription id');
  checkGuid(at, 'deployerObjectId', props.deployerObjectId, "the object id of the principal Terraform runs as ('az ad signed-in-user show --query id')");
  if (!props.adminGroupObjectIds?.length) {
    throw new PropError(C, 'adminGroupObjectIds', props.adminGroupObjectIds, 'is empty: nobody could administer the cluster (local accounts are disabled)', 'give at least one Entra group object id');
  }
  checkGuids(at, 'adminGroupObjectIds', props.adminGroupObjectIds, "the Entra group's object id");
  checkGuids(at, 'grafanaAdminGroupObjectIds', props.grafanaAdminGroupObjectIds, "the Entra group's object id");
  if (props.gitOps) {
    checkGitUrl(at, 'gitOps.url', props.gitOps.url);
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
  const outbound = props.outbound?.type ?? 'firewall';
  if (!['firewall', 'natGateway', 'networkIsolated'].includes(outbound)) {
    throw new PropError(C, 'outbound.type', outbound, 'is not an outbound choice', "use 'firewall', 'natGateway' or 'networkIsolated'");
  }
  // Without a firewall the hub is optional: only reserved in the IP plan when given.
  const hub = outbound === 'firewall' || props.addressSpace?.hub !== undefined ? checkUsableRange(at, 'addressSpace.hub', props.addressSpace?.hub, '10.0.0.0/24') : undefined;
  if (outbound === 'firewall' && (!hub || hub.prefix > 24)) {
    throw new PropError(C, 'addressSpace.hub', props.addressSpace?.hub, 'is not a CIDR of /24 or larger (the firewall and bastion subnets need a /26 each)', "use e.g. '10.0.0.0/24'");
  }
  if (outbound !== 'firewall') {
    for (const [prop, value] of [['bastion', props.bastion], ['firewallTier', props.firewallTier]] as const) {
      if (value !== undefined && value !== false) {
        throw new PropError(C, prop, value, `needs the hub, and outbound '${outbound}' has none`, `drop ${prop}, or use outbound { type: 'firewall' }`);
      }
    }
  }
  if (outbound === 'networkIsolated' && props.gitOps) {
    throw new PropError(C, 'gitOps', props.gitOps.url, 'needs outbound to the Git host, and a network-isolated cluster has none', 'serve the configuration from a private endpoint host, or use outbound firewall');
  }
  const spoke = checkUsableRange(at, 'addressSpace.spoke', props.addressSpace.spoke, '10.10.0.0/16');
  for (const [prop, cidr] of [['addressSpace.hub', hub], ['addressSpace.spoke', spoke]] as const) {
    for (const [what, range] of [['pod', POD_CIDR], ['service', SERVICE_CIDR]] as const) {
      if (cidr && overlaps(cidr, parseCidr(range) as Cidr)) {
        throw new PropError(C, prop, cidr.text, `overlaps ${range}, the platform's ${what} range`, `choose a range outside ${POD_CIDR} and ${SERVICE_CIDR}, e.g. ${prop === 'addressSpace.hub' ? '10.0.0.0/24' : '10.10.0.0/16'}`);
      }
    }
  }
  if (hub && spoke && overlaps(hub, spoke)) {
    throw new PropError(C, 'addressSpace.spoke', spoke.text, `overlaps addressSpace.hub (${hub.text})`, 'give hub and spoke disjoint ranges, e.g. hub 10.0.0.0/24 and spoke 10.10.0.0/16');
  }
  checkPools(at, props);
  if ('environment' in props.tags && props.tags.environment !== props.environment) {
    throw new PropError(C, 'tags.environment', props.tags.environment, `contradicts environment '${props.environment}'`, 'leave the environment tag out: the platform sets it');
  }
}

/** User pools: distinct names, not the system pool's, counts in range, and all nodes (max + surge) within the pod range. */
function checkPools(at: IConstruct, props: SecureAksPlatformProps): void {
  const systemName = props.systemPool?.name ?? 'system';
  const pools = props.userPools ?? [];
  pools.forEach((p, i) => {
    if (p.name === systemName) {
      throw new PropError(at, `userPools[${i}].name`, p.name, `is the name of the system pool${props.systemPool?.name ? ' (systemPool.name)' : ''}`, `give the user pool another name, e.g. '${p.name === 'apps' ? 'apps1' : 'apps'}'`);
    }
    checkInt(at, `userPools[${i}].minCount`, p.minCount, 0, 1000);
    checkInt(at, `userPools[${i}].maxCount`, p.maxCount, 1, 1000);
  });
  checkUnique(at, 'userPools.name', pools.map((p) => p.name));
  checkInt(at, 'systemPool.minCount', props.systemPool?.minCount, 1, 1000);
  checkInt(at, 'systemPool.maxCount', props.systemPool?.maxCount, 1, 1000);
  const system = props.systemPool ?? {};
  const demands = [
    { prop: 'systemPool.maxCount', demand: [describeSystemPool(system)] },
    ...pools.map((p, i) => ({ prop: `userPools[${i}].maxCount`, demand: (p.zonal ?? true) ? describeZonalPools(p.name, p) : [describePool(p.name, p as NodePoolProps)] })),
  ].map((d) => ({ prop: d.prop, nodes: d.demand.reduce((n, x) => n + (x.maxNodes ?? 0) + x.surgeNodes, 0) }));
  const total = demands.reduce((n, d) => n + d.nodes, 0);
  if (total > POD_RANGE_NODES) {
    const largest = demands.reduce((a, b) => (b.nodes > a.nodes ? b : a));
    const value = largest.prop === 'systemPool.maxCount' ? (system.maxCount ?? 6) : pools[Number(/\[(\d+)\]/.exec(largest.prop)![1])].maxCount;
    throw new PropError(
      at,
      largest.prop,
      value,
      `lets the cluster reach ${total} nodes (maxCount + surge of every pool, zonal pools once per zone), more than the ${POD_RANGE_NODES} the platform's pod range ${POD_CIDR} holds (a /24 per node)`,
      'lower the pools\' maxCount so that all pools together stay within 256 nodes, or run a second cluster',
    );
  }
}
