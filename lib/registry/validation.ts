/**
 * PrivateRegistry's prop checks: the name, the retention, zone redundancy (off takes a reason), the
 * lower-SKU loosening and the public-access loosening. Each throws PropError naming the registry
 * (its path, through the construct given), the prop, the value and the fix.
 */
import { Token } from 'cdktf';
import type { Construct } from 'constructs';
import { Checklist } from '../checklist/checklist';
import { assertProp } from '../core/errors';
import { regionInfo } from '../core/regions';
import type { GeoReplicaProps, PrivateRegistryProps } from './private-registry-props';
import { checkAllowedRanges, checkIpOrCidr, checkLoosening, checkReason, isPrivateRange } from '../core/validate';

const C = 'PrivateRegistry';

const NAME = /^[a-zA-Z0-9]{5,50}$/;

/** The registry name: 5-50 alphanumerics (a token is not checked). */
export function validateName(name: string): void {
  assertProp(
    typeof name === 'string' && (Token.isUnresolved(name) || NAME.test(name)),
    C,
    'name',
    name,
    'is not 5-50 alphanumerics',
    "use only letters and digits, 5 to 50 of them (no hyphens), e.g. 'contosoplatformacr'; the name is global across Azure, so make it unique",
  );
}

/** The retention of untagged manifests in days (default 7), checked to lie in 0-365. */
export function resolveRetention(at: Construct, props: PrivateRegistryProps): number {
  const retention = props.retentionDays ?? 7;
  assertProp(
    Token.isUnresolved(retention) || (Number.isInteger(retention) && retention >= 0 && retention <= 365),
    at,
    'retentionDays',
    retention,
    'is outside 0-365',
    'give a whole number of days between 0 and 365 (ACR keeps untagged manifests at most a year)',
  );
  return retention;
}

/** Zone redundancy: the given value, else on where the region has zones (Premium); turning it off takes a reason. */
export function resolveZoneRedundancy(at: Construct, props: PrivateRegistryProps, home: string, premium: boolean): boolean {
  const z: unknown = props.zoneRedundant;
  if (z === undefined) {
    return premium ? regionInfo(home)?.zones ?? true : false;
  }
  const off = checkLoosening(at, 'zoneRedundant', z, 'enabled', [false], 'zone redundancy off');
  if (off === undefined) {
    assertProp(z === true, at, 'zoneRedundant', z, 'is neither true nor a loosening', "give true, or zoneRedundant: { enabled: false, reason: '<why the registry may lose a zone>' } (recorded as a waiver), or leave it unset");
    return true;
  }
  Checklist.of(at).waive('disaster-recovery/availability-zones', `registry not zone-redundant: ${off.reason}`);
  return false;
}

/** A lower SKU (skuOverride): Basic or Standard, with none of the Premium-only features, and a reason. */
export function validateSku(at: Construct, props: PrivateRegistryProps, replicas: readonly GeoReplicaProps[], zoneRedundant: boolean): void {
  const o = props.skuOverride;
  if (!o) {
    return;
  }
  const fix = (what: string): string => `keep Premium (drop skuOverride), or ${what}`;
  assertProp(o.sku === 'Basic' || o.sku === 'Standard', at, 'skuOverride.sku', o.sku, 'is not Basic or Standard', "use 'Basic' or 'Standard', or drop skuOverride for Premium");
  const replicating = props.geoReplicas === undefined || replicas.length > 0;
  assertProp(!replicating, at, 'skuOverride', o.sku, `cannot geo-replicate (Premium only)${props.geoReplicas === undefined ? ', and geo-replication is on by default' : ''}`, fix("set geoReplicas: { disabled: true, reason: '<why>' }"));
  assertProp(!zoneRedundant, at, 'skuOverride', o.sku, 'cannot be zone-redundant here (azurerm: Premium only)', fix('leave zoneRedundant unset'));
  assertProp(props.privateEndpoint === undefined, at, 'skuOverride', o.sku, 'has no private link (Premium only)', fix('remove privateEndpoint'));
  assertProp(props.publicAccess === undefined, at, 'skuOverride', o.sku, 'has no IP network rules (Premium only): the registry is fully public', fix('remove publicAccess'));
  assertProp(props.baseImageRefresh === undefined, at, 'skuOverride', o.sku, 'has no dedicated agent pools (Premium only)', fix('remove baseImageRefresh'));
  checkReason(at, 'skuOverride.reason', o.reason, `a ${o.sku} registry`);
}

/** Public access (publicAccess): a reason and a non-empty list of public ranges, none the whole Internet. */
export function validatePublicAccess(at: Construct, props: PrivateRegistryProps): void {
  const p = props.publicAccess;
  if (!p) {
    return;
  }
  checkReason(at, 'publicAccess.reason', p.reason, 'public network access to the registry');
  assertProp(Array.isArray(p.allowedIpRanges) && p.allowedIpRanges.length > 0, at, 'publicAccess.allowedIpRanges', p.allowedIpRanges, 'is empty', 'list the public IPs or CIDR ranges that must reach the registry');
  p.allowedIpRanges.forEach((range, i) => {
    assertProp(Token.isUnresolved(range) || range !== '0.0.0.0', at, `publicAccess.allowedIpRanges[${i}]`, range, 'opens the registry to the whole internet', 'list only the ranges that need access');
    const cidr = checkIpOrCidr(at, `publicAccess.allowedIpRanges[${i}]`, range);
    assertProp(
      cidr === undefined || cidr.prefix === 0 || !isPrivateRange(cidr),
      at,
      `publicAccess.allowedIpRanges[${i}]`,
      range,
      'is a private range: registry IP rules take public addresses only (private clients come through the private endpoint)',
      'list the public egress addresses that must reach the registry, e.g. 203.0.113.10',
    );
  });
  checkAllowedRanges(at, 'publicAccess.allowedIpRanges', p.allowedIpRanges, 'the registry');
}
