/**
 * SecureAksCluster's props check, run first in its constructor: names, versions, ids, loosenings
 * with their reasons, the address plan, maintenance windows, the system pool, the Windows profile.
 */
import type { IConstruct } from 'constructs';
import { assertProp, PropError } from '../core/errors';
import { checkAllowedRanges, checkDuration, checkKubernetesVersion, checkLoosening, checkLooseningObject, checkPlacement, checkGuid, checkInt, checkReason, isKnown, checkVmSize, checkZonesIn } from '../core/validate';
import { validatePoolName } from '../node-pools/pool-policy';
import { checkPoolUpgrade } from '../core/upgrade-settings';
import { checkFeatures } from './cluster-features';
import type { SecureAksClusterProps, SystemPoolProps, WeeklyWindowProps } from './secure-aks-cluster-props';
import type { ResolvedClusterDefaults, ResolvedSystemPool } from './cluster-defaults';
import {
  checkAddressPlan,
  checkAuthorizedRanges,
  checkClusterName,
  checkDnsPrefix,
  checkKeyId,
  checkPrivateDnsZoneId,
  CONSTRUCT,
  dnsPrefixFor,
} from './validation';

/** Names ManagedClusterWindowsProfile.adminUsername disallows (AKS API reference). */
const WINDOWS_RESERVED_ADMIN_NAMES: readonly string[] = [
  'administrator', 'admin', 'user', 'user1', 'test', 'user2', 'test1', 'user3', 'admin1', '1', '123', 'a', 'actuser', 'adm', 'admin2', 'aspnet', 'backup', 'console',
  'david', 'guest', 'john', 'owner', 'root', 'server', 'sql', 'support', 'support_388945a0', 'sys', 'test2', 'test3', 'user4', 'user5',
];
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const UTC_OFFSET = /^[+-](0\d|1[0-4]):[0-5]\d$/;


/** Throws a PropError for the first bad prop. */
export function validate(at: IConstruct, props: SecureAksClusterProps, d: ResolvedClusterDefaults): void {
  checkPlacement(at, props);
  checkClusterName(props.name);
  if (props.dnsPrefix !== undefined) {
    checkDnsPrefix(props.dnsPrefix);
  } else if (isKnown(props.name)) {
    checkDnsPrefix(dnsPrefixFor(props.name));
  }
  checkKubernetesVersion(at, 'kubernetesVersion', props.kubernetesVersion);
  if (props.egress?.unfiltered !== undefined) {
    checkLooseningObject(at, 'egress.unfiltered', props.egress.unfiltered, "{ reason: '<why egress may be unfiltered>' }");
    checkReason(at, 'egress.unfiltered.reason', props.egress.unfiltered.reason, `egress without filtering (${props.egress.outboundType})`);
  }
  checkDuration(at, 'secretRotationInterval', props.secretRotationInterval, { minSeconds: 1 });
  for (const prop of ['nodeSubnetId', 'apiServerSubnetId', 'logAnalyticsWorkspaceId', 'resourceGroupName', 'location'] as const) {
    assertProp(typeof props[prop] === 'string' && props[prop].length > 0, CONSTRUCT, prop, props[prop], 'is required', `pass the ${prop}`);
  }

  assertProp(
    Array.isArray(props.adminGroupObjectIds) && props.adminGroupObjectIds.length > 0,
    CONSTRUCT,
    'adminGroupObjectIds',
    props.adminGroupObjectIds,
    'is empty: with local accounts disabled, nobody could administer the cluster',
    'list at least one Entra group object id',
  );
  props.adminGroupObjectIds.forEach((g, i) => checkGuid(CONSTRUCT, `adminGroupObjectIds[${i}]`, g, 'an Entra group object id'));
  if (props.tenantId !== undefined) {
    checkGuid(CONSTRUCT, 'tenantId', props.tenantId, 'the Entra tenant id');
  }
  if (props.disableWorkloadIdentity) {
    checkReason(CONSTRUCT, 'disableWorkloadIdentity.reason', props.disableWorkloadIdentity.reason);
  } else {
    assertProp(
      props.oidcIssuerEnabled !== false,
      CONSTRUCT,
      'oidcIssuerEnabled',
      false,
      'is off while Workload Identity is on: Workload Identity needs the OIDC issuer',
      'keep oidcIssuerEnabled true, or pass disableWorkloadIdentity with a reason',
    );
  }
  if (props.disableKeda) {
    checkReason(CONSTRUCT, 'disableKeda.reason', props.disableKeda.reason);
  }

  if (props.publicApiServer) {
    checkReason(CONSTRUCT, 'publicApiServer.reason', props.publicApiServer.reason);
    checkAuthorizedRanges('publicApiServer.authorizedIpRanges', props.publicApiServer.authorizedIpRanges);
    checkAllowedRanges(at, 'publicApiServer.authorizedIpRanges', props.publicApiServer.authorizedIpRanges, 'the API server');
    assertProp(props.privateDnsZoneId === undefined, CONSTRUCT, 'privateDnsZoneId', props.privateDnsZoneId, 'is set on a public API server', 'drop privateDnsZoneId, or drop publicApiServer');
  }
  if (props.privateDnsZoneId !== undefined) {
    checkPrivateDnsZoneId(props.privateDnsZoneId);
  }

  checkAddressPlan({
    podCidr: d.podCidr,
    serviceCidr: d.serviceCidr,
    dnsServiceIp: d.dnsServiceIp,
    vnetAddressSpaces: props.vnetAddressSpaces ?? [],
  });
  assertProp(
    props.networkPolicy === undefined || ['cilium', 'azure', 'calico'].includes(props.networkPolicy),
    CONSTRUCT,
    'networkPolicy',
    props.networkPolicy,
    'is not a network policy engine',
    "use 'cilium' (cilium data plane), 'azure' or 'calico'",
  );

  if (props.kms) {
    checkKeyId(props.kms.keyVaultKeyId);
  }

  const channel = d.upgradeChannel;
  assertProp(['patch', 'stable', 'rapid', 'node-image', 'none'].includes(channel), CONSTRUCT, 'upgradeChannel', channel, 'is not an upgrade channel', "use 'patch', 'stable', 'rapid' or 'node-image'");
  checkLoosening(CONSTRUCT, 'upgradeChannel', props.upgradeChannel, 'channel', ['none'], 'cluster auto-upgrade off');
  const osChannel = d.nodeOsUpgradeChannel;
  assertProp(['NodeImage', 'SecurityPatch', 'Unmanaged', 'None'].includes(osChannel), CONSTRUCT, 'nodeOsUpgradeChannel', osChannel, 'is not a node OS upgrade channel', "use 'NodeImage' or 'SecurityPatch'");
  checkLoosening(CONSTRUCT, 'nodeOsUpgradeChannel', props.nodeOsUpgradeChannel, 'channel', ['Unmanaged', 'None'], 'managed node OS patching off');
  assertProp(
    channel !== 'node-image' || osChannel === 'NodeImage',
    CONSTRUCT,
    'nodeOsUpgradeChannel',
    osChannel,
    "must be 'NodeImage' when upgradeChannel is 'node-image'",
    "use nodeOsUpgradeChannel 'NodeImage', or another upgradeChannel",
  );
  const tier = d.skuTier;
  assertProp(['Standard', 'Premium', 'Free'].includes(tier), CONSTRUCT, 'skuTier', tier, 'is not an AKS tier', "use 'Standard' or 'Premium'");
  checkLoosening(CONSTRUCT, 'skuTier', props.skuTier, 'tier', ['Free'], 'the uptime SLA off (Free tier)');
  for (const [prop, w] of [['autoUpgradeWindow', props.autoUpgradeWindow], ['nodeOsUpgradeWindow', props.nodeOsUpgradeWindow]] as const) {
    if (w) {
      checkWindow(prop, w);
    }
  }
  checkInt(CONSTRUCT, 'imageCleanerIntervalHours', props.imageCleanerIntervalHours, 24, 2160, 'hours');
  checkSystemPool(at, props.systemPool ?? {}, d.systemPool, props.location);
  checkPoolUpgrade(CONSTRUCT, 'systemPool', props.systemPool ?? {}, { systemPool: true });
  checkFeatures(CONSTRUCT, props, { tier, cilium: (props.networkPolicy ?? 'cilium') === 'cilium' });
  if (props.windowsProfile) {
    const w = props.windowsProfile;
    assertProp(
      !isKnown(w.adminPasswordReference),
      CONSTRUCT,
      'windowsProfile.adminPasswordReference',
      '(a literal string, not shown)',
      'is a literal password, which would be written into the synthesized Terraform',
      'pass a reference such as new DataAzurermKeyVaultSecret(...).value, so only the reference is synthesized',
    );
    assertProp(isKnown(w.adminUsername) ? /^[A-Za-z][A-Za-z0-9_.-]{0,19}$/.test(w.adminUsername) : true, CONSTRUCT, 'windowsProfile.adminUsername', w.adminUsername, 'is not a valid Windows admin user name', 'use 1-20 letters, digits, ".", "-" or "_", starting with a letter');
    assertProp(
      isKnown(w.adminUsername) ? !w.adminUsername.endsWith('.') && !WINDOWS_RESERVED_ADMIN_NAMES.includes(w.adminUsername.toLowerCase()) : true,
      CONSTRUCT,
      'windowsProfile.adminUsername',
      w.adminUsername,
      'is a name AKS refuses for the Windows admin account (it ends in "." or is reserved, e.g. admin, administrator, user1, root, guest)',
      "choose another name, e.g. 'aksadmin'",
    );
    if (w.gmsa) {
      assertProp(
        (w.gmsa.dnsServer === '') === (w.gmsa.rootDomain === ''),
        CONSTRUCT,
        'windowsProfile.gmsa',
        w.gmsa,
        'sets only one of dnsServer and rootDomain',
        'set both, or both to "" when the VNet DNS servers resolve the domain',
      );
    }
  }
}

function checkWindow(prop: string, w: WeeklyWindowProps): void {
  if (w.startTime !== undefined) {
    assertProp(HH_MM.test(w.startTime), CONSTRUCT, `${prop}.startTime`, w.startTime, 'is not HH:mm', "use 24-hour 'HH:mm', e.g. '02:00'");
  }
  if (w.utcOffset !== undefined) {
    assertProp(UTC_OFFSET.test(w.utcOffset), CONSTRUCT, `${prop}.utcOffset`, w.utcOffset, 'is not a UTC offset', "use '+HH:mm' or '-HH:mm', e.g. '+01:00'");
  }
  checkInt(CONSTRUCT, `${prop}.durationHours`, w.durationHours, 4, 24, 'hours');
  checkInt(CONSTRUCT, `${prop}.intervalWeeks`, w.intervalWeeks, 1, 4, 'weeks');
}

/** AKS's minimum for the system pool's VM size. */
const SYSTEM_POOL_MINIMUM = { vcpus: 2, memoryGiB: 4, what: 'the AKS minimum for a system pool' } as const;

function checkSystemPool(at: IConstruct, pool: SystemPoolProps, r: ResolvedSystemPool, location: string): void {
  const name = r.name;
  checkVmSize(at, 'systemPool.vmSize', r.vmSize, SYSTEM_POOL_MINIMUM);
  if (pool.zones !== undefined && pool.zones.length > 0) {
    checkZonesIn(at, 'systemPool.zones', pool.zones, location, 'availability zones', 'leave systemPool.zones unset');
  }
  validatePoolName(name, 'Linux', 'systemPool.name', CONSTRUCT);
  if (pool.temporaryNameForRotation !== undefined) {
    validatePoolName(pool.temporaryNameForRotation, 'Linux', 'systemPool.temporaryNameForRotation', CONSTRUCT);
    assertProp(pool.temporaryNameForRotation !== name, CONSTRUCT, 'systemPool.temporaryNameForRotation', pool.temporaryNameForRotation, 'equals the pool name', 'use a different name for the temporary pool');
  }
  if ((pool.minCount === undefined) !== (pool.maxCount === undefined)) {
    throw new PropError(
      CONSTRUCT,
      pool.minCount === undefined ? 'systemPool.minCount' : 'systemPool.maxCount',
      undefined,
      'is missing: autoscaling needs both bounds',
      'give both systemPool.minCount and systemPool.maxCount, or neither for the defaults (3-6)',
    );
  }
  checkInt(CONSTRUCT, 'systemPool.minCount', pool.minCount, 1, 1000);
  checkInt(CONSTRUCT, 'systemPool.maxCount', pool.maxCount, 1, 1000);
  const min = r.minCount;
  const max = r.maxCount;
  assertProp(min <= max, CONSTRUCT, 'systemPool.minCount', min, `is greater than maxCount ${max}`, 'use minCount <= maxCount');
  if (pool.nodeCount !== undefined) {
    assertProp(pool.nodeCount >= min && pool.nodeCount <= max, CONSTRUCT, 'systemPool.nodeCount', pool.nodeCount, `is outside the autoscaling bounds ${min}-${max}`, `use a node count from ${min} to ${max}`);
  }
  checkInt(CONSTRUCT, 'systemPool.maxPods', pool.maxPods, 30, 250);
  checkInt(CONSTRUCT, 'systemPool.osDiskSizeGb', pool.osDiskSizeGb, 30, 2048, 'GiB');
  if (pool.zones) {
    assertProp(
      pool.zones.length > 0 && pool.zones.every((z) => ['1', '2', '3'].includes(z)),
      CONSTRUCT,
      'systemPool.zones',
      pool.zones,
      'is not a non-empty list of zones 1-3',
      "use ['1', '2', '3'] where the region has zones",
    );
  }
  if (pool.maxSurge !== undefined) {
    assertProp(/^([1-9]\d*|[1-9]\d?%|100%)$/.test(pool.maxSurge), CONSTRUCT, 'systemPool.maxSurge', pool.maxSurge, 'is not a node count or a percentage', "use e.g. '33%' or '1'");
  }
}
