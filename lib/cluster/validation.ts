/**
 * Synth-time checks of SecureAksCluster's props: names, CIDR plans, key ids. Each check throws a
 * PropError naming the construct, the prop, the value and the fix. Unresolved tokens are skipped:
 * their value is only known at apply.
 */
import { Cidr, containsIp, overlaps, parseCidr, parseIp } from '../core/cidr';
import { assertProp, PropError } from '../core/errors';
import { isKnown } from '../core/validate';

export const CONSTRUCT = 'SecureAksCluster';

/** AKS cluster name: 1-63 characters, alphanumerics, '-' and '_', alphanumeric at both ends. */
const CLUSTER_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?$/;
/** dns_prefix: 1-54 characters, letters, digits and '-', alphanumeric at both ends. */
const DNS_PREFIX = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,52}[A-Za-z0-9])?$/;
/** A versioned Key Vault key id: https://<vault>.vault.azure.net/keys/<name>/<32-hex version>. */
const VERSIONED_KEY_ID = /^https:\/\/[A-Za-z0-9-]{3,24}\.vault\.[a-z0-9.]+\/keys\/[A-Za-z0-9-]{1,127}\/[0-9a-fA-F]{32}$/;
/** A private DNS zone id for a private cluster: privatelink.<region>.azmk8s.io or <sub>.privatelink.<region>.azmk8s.io. */
const PRIVATE_DNS_ZONE_ID = /\/providers\/Microsoft\.Network\/privateDnsZones\/(?:[a-z0-9-]+\.)?privatelink\.[a-z0-9]+\.azmk8s\.io$/i;
/** Ranges AKS reserves; pod and service ranges may not overlap them. */
const AKS_RESERVED = ['169.254.0.0/16', '172.30.0.0/16', '172.31.0.0/16', '192.0.2.0/24'];

export function checkClusterName(name: string): void {
  if (!isKnown(name)) {
    return;
  }
  assertProp(
    CLUSTER_NAME.test(name),
    CONSTRUCT,
    'name',
    name,
    'is not a valid AKS cluster name',
    'use 1-63 characters: letters, digits, "-" and "_", starting and ending with a letter or digit',
  );
}

export function checkDnsPrefix(prefix: string): void {
  if (!isKnown(prefix)) {
    return;
  }
  assertProp(DNS_PREFIX.test(prefix), CONSTRUCT, 'dnsPrefix', prefix, 'is not a valid DNS prefix', 'use 1-54 letters, digits and "-", starting and ending with a letter or digit');
}

/** A dns_prefix derived from the cluster name: '_' becomes '-', cut to 54, trimmed to alphanumeric ends. */
export function dnsPrefixFor(name: string): string {
  return name.replace(/_/g, '-').slice(0, 54).replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
}

export function checkKeyId(keyVaultKeyId: string): void {
  if (!isKnown(keyVaultKeyId)) {
    return;
  }
  assertProp(
    VERSIONED_KEY_ID.test(keyVaultKeyId),
    CONSTRUCT,
    'kms.keyVaultKeyId',
    keyVaultKeyId,
    'is not a versioned Key Vault key id (AKS KMS needs the key version)',
    "pass the key's versioned id, e.g. https://<vault>.vault.azure.net/keys/<name>/<32-hex version> (azurerm_key_vault_key.id, not versionless_id)",
  );
}

export function checkPrivateDnsZoneId(value: string): void {
  if (!isKnown(value) || value === 'System' || value === 'None') {
    return;
  }
  assertProp(
    PRIVATE_DNS_ZONE_ID.test(value),
    CONSTRUCT,
    'privateDnsZoneId',
    value,
    'is neither "System", "None" nor the id of a privatelink.<region>.azmk8s.io private DNS zone',
    'pass "System" (AKS manages the zone) or the id of a zone named privatelink.<region>.azmk8s.io or <subzone>.privatelink.<region>.azmk8s.io',
  );
}

/** Parses a CIDR prop or throws. Returns undefined for a token. */
function cidrProp(prop: string, value: string): Cidr | undefined {
  if (!isKnown(value)) {
    return undefined;
  }
  const cidr = parseCidr(value);
  if (!cidr) {
    throw new PropError(CONSTRUCT, prop, value, 'is not a well-formed IPv4 CIDR block', 'use a.b.c.d/n with no host bits set, e.g. 100.64.0.0/16');
  }
  return cidr;
}

/** The cluster's address plan as given. */
export interface AddressPlan {
  readonly podCidr: string;
  readonly serviceCidr: string;
  readonly dnsServiceIp: string;
  readonly vnetAddressSpaces: readonly string[];
}

/** Checks pod, service and VNet ranges: well-formed, clear of AKS reserved ranges and of each other; DNS IP inside the service range. */
export function checkAddressPlan(plan: AddressPlan): void {
  const pod = cidrProp('podCidr', plan.podCidr);
  const service = cidrProp('serviceCidr', plan.serviceCidr);
  const vnets = plan.vnetAddressSpaces.map((v, i) => ({ prop: `vnetAddressSpaces[${i}]`, cidr: cidrProp(`vnetAddressSpaces[${i}]`, v) }));
  if (service && service.prefix < 12) {
    throw new PropError(CONSTRUCT, 'serviceCidr', plan.serviceCidr, 'is larger than /12, which AKS rejects', 'use a service range of /12 or smaller, e.g. 100.65.0.0/16');
  }
  const reserved = AKS_RESERVED.map((r) => parseCidr(r) as Cidr);
  for (const [prop, cidr] of [['podCidr', pod], ['serviceCidr', service]] as const) {
    const clash = cidr && reserved.find((r) => overlaps(r, cidr));
    if (clash) {
      throw new PropError(CONSTRUCT, prop, cidr.text, `overlaps ${clash.text}, which AKS reserves`, `choose a range clear of ${AKS_RESERVED.join(', ')}`);
    }
  }
  if (pod && service && overlaps(pod, service)) {
    throw new PropError(CONSTRUCT, 'serviceCidr', service.text, `overlaps podCidr ${pod.text}`, 'give pods and services disjoint ranges, e.g. podCidr 100.64.0.0/16 and serviceCidr 100.65.0.0/16');
  }
  for (const vnet of vnets) {
    for (const [prop, cidr] of [['podCidr', pod], ['serviceCidr', service]] as const) {
      if (cidr && vnet.cidr && overlaps(cidr, vnet.cidr)) {
        throw new PropError(CONSTRUCT, prop, cidr.text, `overlaps the VNet address space ${vnet.cidr.text} (${vnet.prop})`, 'choose a range outside every VNet and peered or on-premises range the cluster reaches');
      }
    }
  }
  if (!isKnown(plan.dnsServiceIp)) {
    return;
  }
  const dns = parseIp(plan.dnsServiceIp);
  if (dns === undefined) {
    throw new PropError(CONSTRUCT, 'dnsServiceIp', plan.dnsServiceIp, 'is not an IPv4 address', 'give an address inside serviceCidr, e.g. 100.65.0.10');
  }
  if (service && !containsIp(service, dns)) {
    throw new PropError(CONSTRUCT, 'dnsServiceIp', plan.dnsServiceIp, `is outside serviceCidr ${service.text}`, `give an address inside ${service.text}, e.g. its .10 address`);
  }
  if (service && (dns === service.first || dns === service.first + 1 || dns === service.last)) {
    throw new PropError(
      CONSTRUCT,
      'dnsServiceIp',
      plan.dnsServiceIp,
      `is the network, broadcast or first address of ${service.text} (the first is taken by the kubernetes service)`,
      `use another address of ${service.text}, conventionally its .10 address`,
    );
  }
}

/** Authorized IP ranges of a public API server: non-empty, well-formed, never the whole Internet. */
export function checkAuthorizedRanges(prop: string, ranges: readonly string[] | undefined): void {
  assertProp(
    Array.isArray(ranges) && ranges.length > 0,
    CONSTRUCT,
    prop,
    ranges,
    'is empty: a public API server needs authorized IP ranges',
    'list the CIDR ranges (or single IPs) of the networks that operate the cluster, or keep the API server private',
  );
  (ranges as readonly string[]).forEach((r, i) => {
    if (!isKnown(r)) {
      return;
    }
    const cidr = parseCidr(r.includes('/') ? r : `${r}/32`);
    assertProp(cidr !== undefined, CONSTRUCT, `${prop}[${i}]`, r, 'is not a well-formed IPv4 CIDR or address', 'use a.b.c.d/n or a.b.c.d');
    assertProp(
      (cidr as Cidr).prefix > 0,
      CONSTRUCT,
      `${prop}[${i}]`,
      r,
      'opens the API server to the whole Internet',
      'list only the ranges that need access; 0.0.0.0/0 is never accepted',
    );
  });
}
