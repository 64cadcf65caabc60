/** The validation kit (lib/core/validate.ts): IP addresses and ranges: CIDR props, reserved and public space, DNS servers, addresses in a subnet. */
import { DefaultTokenResolver, StringConcat, TerraformStack, Token, Tokenization } from 'cdktf';
import type { IConstruct } from 'constructs';
import { Cidr, contains, formatIp, overlaps, parseCidr, parseIp } from '../cidr';
import { ErrorSubject, PropError } from '../errors';
import { checkUnique } from './basic';
import { isToken } from './tokens';

// ---------------------------------------------------------------------------------------------
// IP addresses and ranges

/** Parses an IPv4 address prop; undefined for a token. */
export function checkIp(at: ErrorSubject, prop: string, value: unknown, example = '10.0.0.4'): number | undefined {
  if (isToken(value)) {
    return undefined;
  }
  const ip = typeof value === 'string' ? parseIp(value) : undefined;
  if (ip === undefined || (typeof value === 'string' && value.trim() !== value)) {
    throw new PropError(at, prop, value, 'is not an IPv4 address', `give a dotted address such as ${example}${typeof value === 'string' && /[a-z]/i.test(value) ? ' (a host name is not accepted here)' : ''}`);
  }
  return ip;
}

/** Parses a CIDR prop (`a.b.c.d/n`, no host bits); undefined for a token. */
export function checkCidr(at: ErrorSubject, prop: string, value: unknown, example = '10.20.0.0/16'): Cidr | undefined {
  if (isToken(value)) {
    return undefined;
  }
  const cidr = typeof value === 'string' ? parseCidr(value) : undefined;
  if (!cidr) {
    const hostBits = typeof value === 'string' && /^\d+\.\d+\.\d+\.\d+\/\d+$/.test(value.trim()) && parseIp(value.split('/')[0]) !== undefined && Number(value.split('/')[1]) <= 32;
    throw new PropError(
      at,
      prop,
      value,
      hostBits ? 'has host bits set' : 'is not a well-formed IPv4 CIDR block',
      hostBits ? `use the block's network address, e.g. ${networkOf(value as string)}` : `use a.b.c.d/n with no host bits set, e.g. ${example}`,
    );
  }
  return cidr;
}

/** Parses a prop that takes a CIDR or a single address (as `/32`); undefined for a token. */
export function checkIpOrCidr(at: ErrorSubject, prop: string, value: unknown, example = '203.0.113.0/24'): Cidr | undefined {
  if (typeof value === 'string' && !value.includes('/') && !isToken(value)) {
    const ip = checkIp(at, prop, value, example);
    return ip === undefined ? undefined : parseCidr(`${formatIp(ip)}/32`);
  }
  return checkCidr(at, prop, value, example);
}

function networkOf(text: string): string {
  const [ip, p] = text.trim().split('/');
  const prefix = Number(p);
  const base = parseIp(ip) as number;
  const size = 2 ** (32 - prefix);
  return `${formatIp(Math.floor(base / size) * size)}/${prefix}`;
}

/** Ranges AKS reserves: pod, service and VNet ranges may not overlap them. */
export const AKS_RESERVED_RANGES = ['169.254.0.0/16', '172.30.0.0/16', '172.31.0.0/16', '192.0.2.0/24'] as const;

/** Address space that is not unicast-routable in a VNet: "this" network, loopback, multicast, reserved, broadcast. */
export const NON_UNICAST_RANGES = [
  { cidr: '0.0.0.0/8', what: '"this network" (RFC 791)' },
  { cidr: '127.0.0.0/8', what: 'loopback' },
  { cidr: '224.0.0.0/4', what: 'multicast' },
  { cidr: '240.0.0.0/4', what: 'reserved (class E) and broadcast' },
] as const;

/**
 * Checks an address space a VNet, subnet, pod or service range may use: unicast, and clear of
 * the ranges AKS reserves (AKS_RESERVED_RANGES).
 */
export function checkUsableRange(at: ErrorSubject, prop: string, value: unknown, example = '10.20.0.0/16'): Cidr | undefined {
  const cidr = checkCidr(at, prop, value, example);
  if (!cidr) {
    return undefined;
  }
  for (const r of NON_UNICAST_RANGES) {
    if (overlaps(cidr, parseCidr(r.cidr) as Cidr)) {
      throw new PropError(at, prop, value, `overlaps ${r.cidr}, ${r.what} address space that no VNet can use`, `use private unicast space, e.g. ${example} (RFC 1918) or 100.64.0.0/10 (RFC 6598)`);
    }
  }
  for (const r of AKS_RESERVED_RANGES) {
    if (overlaps(cidr, parseCidr(r) as Cidr)) {
      throw new PropError(at, prop, value, `overlaps ${r}, which AKS reserves`, `choose a range clear of ${AKS_RESERVED_RANGES.join(', ')}, e.g. ${example}`);
    }
  }
  return cidr;
}

/** RFC 1918, shared (RFC 6598), link-local and other non-public space: never an Internet address. */
export const NON_PUBLIC_RANGES = ['0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.0.0.0/24', '192.0.2.0/24', '192.168.0.0/16', '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24', '224.0.0.0/3'] as const;
const NON_PUBLIC = NON_PUBLIC_RANGES.map((r) => parseCidr(r) as Cidr);
const PRIVATE = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16'].map((r) => parseCidr(r) as Cidr);

/** Whether a block lies in private (RFC 1918 / RFC 6598), loopback or link-local space. */
export function isPrivateRange(cidr: Cidr): boolean {
  return PRIVATE.some((p) => contains(p, cidr));
}

/**
 * Whether the union of `ranges` covers every public unicast address: then they are as open as
 * 0.0.0.0/0 (`0.0.0.0/1` + `128.0.0.0/1`, or every public block with the private ones left out).
 */
export function coversInternet(ranges: readonly Cidr[]): boolean {
  const intervals = [...ranges, ...NON_PUBLIC].map((c) => [c.first, c.last] as const).sort((a, b) => a[0] - b[0]);
  let reach = -1;
  for (const [first, last] of intervals) {
    if (first > reach + 1) {
      return false;
    }
    reach = Math.max(reach, last);
  }
  return reach >= 0xffffffff;
}

/**
 * Checks a list of allowed source ranges (CIDRs or single addresses): each well-formed, and
 * together not the whole Internet. Returns the parsed known ranges.
 * @param what what the ranges open, e.g. `the API server`
 */
export function checkAllowedRanges(at: ErrorSubject, prop: string, ranges: readonly unknown[] | undefined, what: string): Cidr[] {
  const parsed: Cidr[] = [];
  (ranges ?? []).forEach((r, i) => {
    const cidr = checkIpOrCidr(at, `${prop}[${i}]`, r);
    if (cidr) {
      parsed.push(cidr);
    }
  });
  if (parsed.some((c) => c.prefix === 0) || (parsed.length > 0 && coversInternet(parsed))) {
    throw new PropError(
      at,
      prop,
      ranges,
      `${parsed.some((c) => c.prefix === 0) ? 'contains 0.0.0.0/0' : 'together cover every public address'}: ${what} would be open to the whole Internet`,
      'list only the ranges of the networks that need access (e.g. your egress IPs as /32s)',
    );
  }
  return parsed;
}

/** Checks DNS server addresses (VNet, firewall DNS proxy): IPv4 addresses, no duplicates. */
export function checkDnsServers(at: ErrorSubject, prop: string, servers: readonly unknown[] | undefined): void {
  (servers ?? []).forEach((s, i) => checkIp(at, `${prop}[${i}]`, s, '10.0.0.4 (168.63.129.16 is Azure DNS)'));
  checkUnique(at, prop, (servers ?? []).filter((s): s is string => typeof s === 'string'));
}

/**
 * A comparable form of a value that may be a token: each read of a resource attribute is a new
 * token, so `subnet.id !== subnet.id`; their resolved forms (`${azurerm_subnet.s.id}`) agree.
 */
export function resolvedKey(scope: IConstruct, value: string): string {
  if (!Token.isUnresolved(value)) {
    return value.toLowerCase();
  }
  return JSON.stringify(Tokenization.resolve(value, { scope, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) }));
}

/**
 * The address prefixes of a subnet given by id, when the subnet is an `azurerm_subnet` of the same
 * stack with literal prefixes (as SpokeNetwork's are); undefined otherwise.
 */
export function subnetPrefixesOf(scope: IConstruct, subnetId: string): readonly Cidr[] | undefined {
  if (!Token.isUnresolved(subnetId)) {
    return undefined;
  }
  const key = resolvedKey(scope, subnetId);
  const subnet = TerraformStack.of(scope)
    .node.findAll()
    .find((c) => (c as { terraformResourceType?: string }).terraformResourceType === 'azurerm_subnet' && resolvedKey(scope, (c as unknown as { id: string }).id) === key);
  const prefixes = (subnet as { addressPrefixesInput?: string[] } | undefined)?.addressPrefixesInput;
  if (!prefixes || prefixes.some((p) => Token.isUnresolved(p))) {
    return undefined;
  }
  const parsed = prefixes.map((p) => parseCidr(p));
  return parsed.every((p) => p !== undefined) ? (parsed as Cidr[]) : undefined;
}

/**
 * Checks a static private IP for a subnet given by id: an address, inside the subnet and not one
 * of the addresses Azure reserves (when the subnet's prefixes are known in the stack), else at
 * least a private address.
 */
export function checkIpInSubnet(at: ErrorSubject & IConstruct, prop: string, value: unknown, subnetId: string, subnetProp: string): void {
  const ip = checkIp(at, prop, value);
  if (ip === undefined) {
    return;
  }
  const prefixes = subnetPrefixesOf(at, subnetId);
  if (prefixes === undefined) {
    // The subnet's range is not in the stack: the address must at least be private, as a VNet's are.
    if (!isPrivateRange(parseCidr(`${formatIp(ip)}/32`) as Cidr)) {
      throw new PropError(at, prop, value, `is a public address, outside any private subnet (${subnetProp})`, 'give a free private address of the subnet, e.g. 10.240.5.10');
    }
    return;
  }
  const home = prefixes.find((c) => c.first <= ip && ip <= c.last);
  if (!home) {
    throw new PropError(at, prop, value, `is outside its subnet (${subnetProp}: ${prefixes.map((c) => c.text).join(', ')})`, `give a free address inside ${prefixes[0].text}, e.g. ${formatIp(prefixes[0].first + 4)}`);
  }
  if (ip - home.first < 4 || ip === home.last) {
    throw new PropError(at, prop, value, `is one of the addresses Azure reserves in ${home.text} (network, gateway, DNS and broadcast)`, `give a free address from ${formatIp(home.first + 4)} to ${formatIp(home.last - 1)}`);
  }
}
