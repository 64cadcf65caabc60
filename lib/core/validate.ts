/**
 * The validation kit: the one set of synth-time input checks every construct uses. Each check
 * throws a PropError (construct and path, prop, bad value, fix) and skips values that are
 * unresolved cdktf tokens (only Terraform knows them), unless it says otherwise.
 *
 * Checks take the subject first (`this` inside a construct; see ErrorSubject), then the prop path
 * as the user wrote it (`userPools[0].maxCount`), then the value.
 */
import { DefaultTokenResolver, StringConcat, TerraformStack, Token, Tokenization } from 'cdktf';
import type { IConstruct } from 'constructs';
import { Cidr, contains, formatIp, overlaps, parseCidr, parseIp } from './cidr';
import { ErrorSubject, PropError } from './errors';
import { normalizeRegion, RegionInfo, regionInfo, regionNames } from './regions';
import { VmSizeSpec, vmSizeNames, vmSizeSpec } from './vm-sizes';

export { PropError } from './errors';
export type { ErrorSubject } from './errors';

// ---------------------------------------------------------------------------------------------
// Tokens

/** Whether a value is, or contains, an unresolved cdktf token (a value only Terraform knows). */
export function isToken(value: unknown): boolean {
  if (typeof value === 'string' || typeof value === 'number') {
    return Token.isUnresolved(value);
  }
  if (Array.isArray(value)) {
    return Token.isUnresolved(value) || value.some(isToken);
  }
  return false;
}

/** Whether a value is known at synth: given, and not a token. */
export function isKnown<T>(value: T | undefined | null): value is T {
  return value !== undefined && value !== null && !isToken(value);
}

/**
 * Throws when a value (or any string inside it) is a token: for props written into files that
 * Terraform never sees (manifests applied by Flux) or that decide the synthesized shape.
 */
export function requireLiteral(at: ErrorSubject, prop: string, value: unknown, why = 'is a Terraform reference (a token), which cannot be judged or written at synth'): void {
  if (typeof value === 'string' || typeof value === 'number') {
    if (Token.isUnresolved(value)) {
      throw new PropError(at, prop, String(value), why, 'pass the literal value');
    }
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => requireLiteral(at, `${prop}[${i}]`, v, why));
  } else if (value && typeof value === 'object') {
    Object.entries(value).forEach(([k, v]) => requireLiteral(at, prop ? `${prop}.${k}` : k, v, why));
  }
}

// ---------------------------------------------------------------------------------------------
// Reasons

/** Shortest reason a loosening (a waiver) may give. */
export const MIN_REASON = 10;

/**
 * Checks the reason of a loosened default: a sentence a reviewer can judge (at least 10
 * characters, with letters, not a placeholder). Returns it trimmed. The prop is the reason's own
 * path (`publicApiServer.reason`), so a short reason names where it came from.
 * @param what what the reason justifies, e.g. `a public API server` (shown in the message)
 */
export function checkReason(at: ErrorSubject, prop: string, reason: unknown, what?: string): string {
  const text = typeof reason === 'string' ? reason.trim() : '';
  const placeholder = /^(todo|tbd|fixme|n\/?a|none|test|xxx+|temp|reason)\b[\s.!]*$/i.test(text) || /^(.)\1*$/.test(text.replace(/\s/g, ''));
  if (typeof reason !== 'string' || text.length < MIN_REASON || !/[A-Za-z]{2}/.test(text) || placeholder) {
    throw new PropError(
      at,
      prop,
      reason,
      `${text === '' ? 'is missing or too short' : `is not a reason a reviewer can judge (${text.length < MIN_REASON ? 'too short' : 'a placeholder'})`}: loosening a secure default${what ? ` (${what})` : ''} needs a reason, recorded as a waiver in the checklist report`,
      `give a reason of at least ${MIN_REASON} characters that says why, e.g. 'Build agents outside the network until Q3'`,
    );
  }
  return text;
}

// ---------------------------------------------------------------------------------------------
// Identifiers, numbers and choices

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** Whether a string is a GUID (`00000000-0000-0000-0000-000000000000` form). */
export function isGuid(value: unknown): boolean {
  return typeof value === 'string' && GUID.test(value);
}

/**
 * Checks an Entra or Azure id that must be a GUID: tenant, subscription, object, principal, client id.
 * @param what e.g. `the Entra group's object id`
 */
export function checkGuid(at: ErrorSubject, prop: string, value: unknown, what = 'the id'): void {
  if (isToken(value)) {
    return;
  }
  if (!isGuid(value)) {
    throw new PropError(at, prop, value, 'is not a GUID', `give ${what} as a GUID, e.g. 00000000-0000-0000-0000-000000000000 (not a name, an email or a resource id)`);
  }
}

/** Checks every id of a list is a GUID (and the list has no duplicates). */
export function checkGuids(at: ErrorSubject, prop: string, values: readonly unknown[] | undefined, what = 'the id'): void {
  (values ?? []).forEach((v, i) => checkGuid(at, `${prop}[${i}]`, v, what));
  checkUnique(at, prop, (values ?? []).filter((v): v is string => typeof v === 'string').map((v) => v.toLowerCase()));
}

/** Checks a whole number in [min, max] (skipped when undefined or a token). */
export function checkInt(at: ErrorSubject, prop: string, value: number | undefined, min: number, max: number, unit = ''): void {
  if (value === undefined || isToken(value)) {
    return;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const u = unit ? ` ${unit.trim()}` : '';
    throw new PropError(at, prop, value, `is outside ${min}-${max}${u}`, `give a whole number from ${min} to ${max}${u}`);
  }
}

/** Checks a value is one of the allowed ones (skipped when undefined or a token). */
export function checkOneOf<T extends string | number>(at: ErrorSubject, prop: string, value: T | undefined, allowed: readonly T[]): void {
  if (value === undefined || isToken(value)) {
    return;
  }
  if (!allowed.includes(value)) {
    const list = allowed.map((a) => JSON.stringify(a)).join(', ');
    const near = typeof value === 'string' ? nearest(value, allowed.filter((a): a is T & string => typeof a === 'string')) : undefined;
    throw new PropError(at, prop, value, `is not one of ${list}`, near ? `did you mean ${JSON.stringify(near)}? Use one of ${list}` : `use one of ${list}`);
  }
}

/** Checks a list has no duplicate (known values only). */
export function checkUnique(at: ErrorSubject, prop: string, values: readonly (string | number)[]): void {
  const seen = new Set<string | number>();
  for (const v of values) {
    if (isToken(v)) {
      continue;
    }
    if (seen.has(v)) {
      throw new PropError(at, prop, v, 'is given twice', 'give each entry once');
    }
    seen.add(v);
  }
}

/** Checks a name against an Azure naming rule (a pattern and the sentence that explains it). */
export function checkName(at: ErrorSubject, prop: string, value: unknown, rule: { readonly pattern: RegExp; readonly rule: string }): void {
  if (isToken(value)) {
    return;
  }
  if (typeof value !== 'string' || !rule.pattern.test(value)) {
    throw new PropError(at, prop, value, `is not a valid name (${rule.rule})`, `choose a name of ${rule.rule}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Nearest match (for "did you mean")

/** Edit distance of two strings (Levenshtein). */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

/** The candidate closest to `value` (case-insensitive), when it is close enough to be a typo. */
export function nearest<T extends string>(value: string, candidates: readonly T[]): T | undefined {
  const v = value.toLowerCase();
  let best: T | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(v, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(v.length / 5)) ? best : undefined;
}

// ---------------------------------------------------------------------------------------------
// Regions

/**
 * Checks an Azure region against the region table (lib/core/regions.ts) and returns what the
 * library knows of it; undefined for a token. A typo gets the nearest region as its fix.
 */
export function checkRegion(at: ErrorSubject, prop: string, value: unknown): RegionInfo | undefined {
  if (isToken(value)) {
    return undefined;
  }
  const info = typeof value === 'string' ? regionInfo(value) : undefined;
  if (info === undefined) {
    const near = typeof value === 'string' ? nearest(normalizeRegion(value), regionNames()) : undefined;
    throw new PropError(
      at,
      prop,
      value,
      'is not an Azure region',
      `${near ? `did you mean '${near}'? Otherwise give` : 'give'} a region's programmatic name, e.g. 'westeurope' ('az account list-locations -o table'); for a region newer than this library, call registerRegion() first`,
    );
  }
  return info;
}

/** Checks a region and that it is not access-restricted (a support request is needed to deploy there). */
export function checkOpenRegion(at: ErrorSubject, prop: string, value: unknown, what = 'this resource'): RegionInfo | undefined {
  const info = checkRegion(at, prop, value);
  if (info?.restricted) {
    throw new PropError(
      at,
      prop,
      value,
      `is an access-restricted region: ${what} cannot be created there without a support request`,
      `choose an open region${info.pair ? ` (e.g. '${info.pair}')` : ''}, or request access for the subscription first and register the region with registerRegion({ name: '${info.name}', zones: ${info.zones}, restricted: false })`,
    );
  }
  return info;
}

/** Checks that a region has availability zones when a zonal or zone-redundant feature is asked for. */
export function checkZonesIn(at: ErrorSubject, prop: string, value: unknown, location: string | undefined, what: string, fix?: string): void {
  if (location === undefined || isToken(location)) {
    return;
  }
  const info = regionInfo(location);
  if (info && !info.zones) {
    const zoned = regionNames().filter((n) => regionInfo(n)?.zones && !regionInfo(n)?.restricted);
    const near = info.pair && regionInfo(info.pair)?.zones ? info.pair : nearest(info.name, zoned);
    throw new PropError(
      at,
      prop,
      value,
      `asks for ${what}, but ${info.name} has no availability zones`,
      `${fix === '' ? '' : `${fix ?? `leave zones out in ${info.name}`}, or `}deploy to a region with availability zones${near ? ` (e.g. '${near}')` : ''}`,
    );
  }
}

/**
 * Checks where a resource goes: its region (the table in lib/core/regions.ts) and its tags
 * (Azure's limits). Returns the region's entry (undefined for a token).
 */
export function checkPlacement(at: ErrorSubject, props: { readonly location?: unknown; readonly tags?: Readonly<Record<string, unknown>> }, options: { readonly storage?: boolean } = {}): RegionInfo | undefined {
  checkTags(at, 'tags', props.tags, options);
  return props.location === undefined ? undefined : checkRegion(at, 'location', props.location);
}

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

// ---------------------------------------------------------------------------------------------
// DNS names and URLs

/** DNS-1123 label: Kubernetes namespace and most object names. */
export const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
/** DNS-1123 subdomain: labels joined by dots, at most 253 characters. */
export const DNS_SUBDOMAIN = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** A host name (FQDN) with at least two labels. */
const HOST_NAME = /^(?=.{1,253}$)([A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?$/;

/** Checks a DNS-1123 label (1-63 lowercase letters, digits and '-'). */
export function checkDnsLabel(at: ErrorSubject, prop: string, value: unknown, what = 'name'): void {
  if (isToken(value)) {
    return;
  }
  if (typeof value !== 'string' || !DNS_LABEL.test(value)) {
    throw new PropError(at, prop, value, `is not a valid Kubernetes ${what} (a DNS-1123 label)`, `use 1-63 lowercase letters, digits and "-", starting and ending with a letter or digit${typeof value === 'string' ? suggestLabel(value) : ''}`);
  }
}

function suggestLabel(value: string): string {
  const s = value.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63).replace(/-+$/, '');
  return s && s !== value ? `, e.g. '${s}'` : '';
}

/** Checks a DNS-1123 subdomain (e.g. a service account or a label key prefix). */
export function checkDnsSubdomain(at: ErrorSubject, prop: string, value: unknown, what = 'name'): void {
  if (isToken(value)) {
    return;
  }
  if (typeof value !== 'string' || !DNS_SUBDOMAIN.test(value)) {
    throw new PropError(at, prop, value, `is not a valid ${what} (a DNS-1123 subdomain)`, 'use lowercase letters, digits, "-" and ".", at most 253 characters, each part starting and ending with a letter or digit');
  }
}

/** Whether a string is a host name (FQDN) such as `app.contoso.com`. */
export function isHostName(value: string): boolean {
  return HOST_NAME.test(value) && !/^\d+\.\d+\.\d+\.\d+$/.test(value);
}

/** Checks a host name (FQDN), not a URL and not an address. */
export function checkHostName(at: ErrorSubject, prop: string, value: unknown, example = 'app.contoso.com'): void {
  if (isToken(value)) {
    return;
  }
  if (typeof value !== 'string' || !isHostName(value)) {
    const url = typeof value === 'string' ? /^[a-z][a-z0-9+.-]*:\/\/([^/:?#]+)/i.exec(value) : null;
    throw new PropError(at, prop, value, url ? 'is a URL, not a host name' : 'is not a host name (FQDN)', url ? `give the host name alone: '${url[1]}'` : `give a fully qualified host name such as ${example}`);
  }
}

/** A Git repository location as Flux reads it. */
export interface GitUrl {
  readonly scheme: 'https' | 'ssh';
  readonly host: string;
}

/**
 * Parses a Git repository URL as Flux accepts it: `https://host/org/repo`, `ssh://git@host/org/repo`
 * or scp-style `git@host:org/repo.git`. Plain HTTP, credentials and query strings (often a token)
 * are rejected: credentials belong in a Kubernetes secret. Undefined for a token.
 */
export function checkGitUrl(at: ErrorSubject, prop: string, value: unknown): GitUrl | undefined {
  if (isToken(value)) {
    return undefined;
  }
  const fix = "give 'https://<host>/<org>/<repo>', 'ssh://git@<host>/<org>/<repo>' or 'git@<host>:<org>/<repo>.git'";
  const scp = typeof value === 'string' ? /^([A-Za-z0-9._-]+)@([A-Za-z0-9.-]+):(?!\/\/)(\S+)$/.exec(value) : null;
  if (scp && isHostName(scp[2])) {
    return { scheme: 'ssh', host: scp[2].toLowerCase() };
  }
  let url: URL | undefined;
  try {
    url = typeof value === 'string' && value.trim() === value && !/\s/.test(value) ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (url === undefined) {
    throw new PropError(at, prop, value, 'is not a Git repository URL', fix);
  }
  const bad = (problem: string, how = fix): never => {
    throw new PropError(at, prop, redactUrl(url as URL), problem, how);
  };
  if (url.protocol === 'http:') {
    bad('uses plain HTTP (the source and any credentials travel unencrypted)', 'use the https:// URL of the repository');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'ssh:') {
    bad(`uses the unsupported scheme '${url.protocol}'`);
  }
  if (url.password || (url.protocol === 'https:' && url.username)) {
    bad('embeds credentials in the URL (they would be stored in Terraform state and the Flux configuration)', 'remove them from the URL; for a private repository create a Kubernetes secret outside Terraform and pass its name as localAuthReference');
  }
  if (url.search) {
    bad('has a query string (often a token)', 'give the plain repository URL; put credentials in a Kubernetes secret named by localAuthReference');
  }
  if (!isHostName(url.hostname) && parseIp(url.hostname) === undefined) {
    bad(`has no valid host ('${url.hostname}')`);
  }
  if (url.pathname === '/' || url.pathname === '') {
    bad('names a host but no repository');
  }
  return { scheme: url.protocol === 'https:' ? 'https' : 'ssh', host: url.hostname.toLowerCase() };
}

function redactUrl(url: URL): string {
  const copy = new URL(url.toString());
  if (copy.username && copy.protocol !== 'ssh:') copy.username = '***';
  if (copy.password) copy.password = '***';
  if (copy.search) copy.search = '?***';
  return copy.toString();
}

// ---------------------------------------------------------------------------------------------
// Tags

/** Azure's limits on resource tags. */
export const TAG_LIMITS = {
  /** Tags per resource, resource group or subscription. */
  maxTags: 50,
  /** Key length; storage accounts allow only 128. */
  maxKeyLength: 512,
  maxKeyLengthStorage: 128,
  maxValueLength: 256,
  /** Characters Azure forbids in tag keys. */
  forbiddenKeyCharacters: ['<', '>', '%', '&', '\\', '?', '/'],
} as const;

/**
 * Checks a tag map against Azure's limits: at most 50 tags, keys of 1-512 characters (128 on
 * storage accounts) without `< > % & \ ? /`, values of at most 256 characters.
 */
export function checkTags(at: ErrorSubject, prop: string, tags: Readonly<Record<string, unknown>> | undefined, options: { readonly storage?: boolean } = {}): void {
  if (tags === undefined || isToken(tags as unknown)) {
    return;
  }
  const keys = Object.keys(tags);
  if (keys.length > TAG_LIMITS.maxTags) {
    throw new PropError(at, prop, `${keys.length} tags`, `has more than the ${TAG_LIMITS.maxTags} tags Azure allows on a resource`, `keep at most ${TAG_LIMITS.maxTags} tags; move detail into fewer, structured values`);
  }
  const maxKey = options.storage ? TAG_LIMITS.maxKeyLengthStorage : TAG_LIMITS.maxKeyLength;
  for (const key of keys) {
    const bad = TAG_LIMITS.forbiddenKeyCharacters.filter((c) => key.includes(c));
    if (key.trim() === '' || bad.length > 0) {
      throw new PropError(at, `${prop}.${key}`, key, key.trim() === '' ? 'is an empty tag key' : `is a tag key with ${bad.map((c) => `'${c}'`).join(', ')}, which Azure forbids in keys`, `use a key without ${TAG_LIMITS.forbiddenKeyCharacters.join(' ')}, e.g. '${key.replace(/[<>%&\\?/]+/g, '-') || 'owner'}'`);
    }
    if (key.length > maxKey) {
      throw new PropError(at, `${prop}.${key.slice(0, 40)}…`, `${key.length} characters`, `is longer than the ${maxKey} characters Azure allows in a tag key${options.storage ? ' of a storage account' : ''}`, `shorten the key to at most ${maxKey} characters`);
    }
    const value = tags[key];
    if (isToken(value)) {
      continue;
    }
    if (typeof value !== 'string') {
      throw new PropError(at, `${prop}.${key}`, value, 'is not a string', 'give every tag a string value');
    }
    if (value.length > TAG_LIMITS.maxValueLength) {
      throw new PropError(at, `${prop}.${key}`, `${value.slice(0, 40)}… (${value.length} characters)`, `is longer than the ${TAG_LIMITS.maxValueLength} characters Azure allows in a tag value`, `shorten the value to at most ${TAG_LIMITS.maxValueLength} characters`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Kubernetes syntax

/** Label key prefixes reserved for Kubernetes and AKS: users may not set labels under them. */
export const RESERVED_LABEL_PREFIXES = ['kubernetes.io/', 'k8s.io/', 'kubernetes.azure.com/'] as const;
/** Label keys under a reserved prefix that users may set (kubelet's allowed node labels). */
const ALLOWED_RESERVED_LABELS = ['node.kubernetes.io/instance-type', 'node.kubernetes.io/exclude-from-external-load-balancers'];

const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
/** A Kubernetes label value: at most 63 characters, alphanumeric at both ends, `-_.` inside (may be empty). */
export const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$/;

/** The reserved prefix a label key falls under (`node.kubernetes.io/x` is under `kubernetes.io/`). */
export function reservedLabelPrefix(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  if (slash < 0 || ALLOWED_RESERVED_LABELS.includes(key)) {
    return undefined;
  }
  const prefix = key.slice(0, slash + 1).toLowerCase();
  return RESERVED_LABEL_PREFIXES.find((r) => prefix === r || prefix.endsWith(`.${r}`));
}

/** Whether a string is a valid label key (`[prefix/]name`). */
export function isLabelKey(key: string): boolean {
  const slash = key.lastIndexOf('/');
  const prefix = slash < 0 ? undefined : key.slice(0, slash);
  const name = slash < 0 ? key : key.slice(slash + 1);
  return LABEL_NAME.test(name) && (prefix === undefined || DNS_SUBDOMAIN.test(prefix));
}

/** Checks a label key: syntax, and (unless `allowReserved`) not under a reserved prefix. */
export function checkLabelKey(at: ErrorSubject, prop: string, key: string, options: { readonly allowReserved?: boolean } = {}): void {
  if (!isLabelKey(key)) {
    throw new PropError(at, prop, key, 'is not a valid Kubernetes label key', 'use [prefix/]name: an optional DNS subdomain prefix, then 1-63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit');
  }
  const reserved = options.allowReserved ? undefined : reservedLabelPrefix(key);
  if (reserved) {
    throw new PropError(at, prop, key, `uses the prefix '${reserved}', which Kubernetes and AKS reserve (AKS rejects or overwrites such labels)`, `use your own prefix, e.g. '${key.slice(key.lastIndexOf('/') + 1)}' or 'contoso.com/${key.slice(key.lastIndexOf('/') + 1)}'`);
  }
}

/** Checks a label value. */
export function checkLabelValue(at: ErrorSubject, prop: string, value: unknown): void {
  if (typeof value !== 'string' || !LABEL_VALUE.test(value)) {
    throw new PropError(at, prop, value, 'is not a valid Kubernetes label value', 'use at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit');
  }
}

/** Checks a label map: every key and value (reserved prefixes rejected unless allowed). */
export function checkLabels(at: ErrorSubject, prop: string, labels: Readonly<Record<string, unknown>> | undefined, options: { readonly allowReserved?: boolean } = {}): void {
  for (const [key, value] of Object.entries(labels ?? {})) {
    checkLabelKey(at, `${prop}.${key}`, key, options);
    checkLabelValue(at, `${prop}.${key}`, value);
  }
}

/** Seconds in a Go-style duration (`30s`, `2m`, `1h30m`); undefined when malformed. */
export function durationSeconds(text: string): number | undefined {
  if (!/^(\d+(\.\d+)?(h|m|s))+$/.test(text)) {
    return undefined;
  }
  let total = 0;
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)(h|m|s)/g)) {
    total += Number(m[1]) * (m[2] === 'h' ? 3600 : m[2] === 'm' ? 60 : 1);
  }
  return total;
}

/**
 * Checks a duration as Kubernetes and AKS write it (`10s`, `2m`, `1h30m`), optionally within
 * [minSeconds, maxSeconds]. Returns its seconds (undefined when not given or a token).
 */
export function checkDuration(at: ErrorSubject, prop: string, value: unknown, range: { readonly minSeconds?: number; readonly maxSeconds?: number } = {}): number | undefined {
  if (value === undefined || isToken(value)) {
    return undefined;
  }
  const seconds = typeof value === 'string' ? durationSeconds(value) : undefined;
  if (seconds === undefined) {
    throw new PropError(at, prop, value, 'is not a duration', "write it as a number and a unit without spaces: '30s', '2m', '1h' or '1h30m'");
  }
  const { minSeconds = 0, maxSeconds = Infinity } = range;
  if (seconds < minSeconds || seconds > maxSeconds) {
    throw new PropError(at, prop, value, `is outside ${formatSeconds(minSeconds)}-${maxSeconds === Infinity ? '' : formatSeconds(maxSeconds)}`, `give a duration from ${formatSeconds(minSeconds)} to ${maxSeconds === Infinity ? 'any length' : formatSeconds(maxSeconds)}`);
  }
  return seconds;
}

function formatSeconds(s: number): string {
  return s % 3600 === 0 && s > 0 ? `${s / 3600}h` : s % 60 === 0 && s > 0 ? `${s / 60}m` : `${s}s`;
}

/** Checks a surge as AKS takes it: a node count (`1`-`100`) or a percentage (`1%`-`100%`). */
export function checkMaxSurge(at: ErrorSubject, prop: string, value: unknown): void {
  if (value === undefined || isToken(value)) {
    return;
  }
  const m = typeof value === 'string' ? /^(\d+)(%?)$/.exec(value) : null;
  const n = m ? Number(m[1]) : NaN;
  if (!m || n < 1 || n > 100) {
    throw new PropError(at, prop, value, 'is not a surge AKS accepts', "give a node count from '1' to '100' or a percentage from '1%' to '100%', e.g. '33%'");
  }
}

// ---------------------------------------------------------------------------------------------
// VM sizes

/**
 * Checks a VM size against the catalogue (lib/core/vm-sizes.ts): a name Azure offers (a typo gets
 * the nearest size), with at least `minVcpus` and `minMemoryGiB` when given. Returns its entry
 * (undefined for a token).
 * @param minimum e.g. `{ vcpus: 2, memoryGiB: 4, what: 'the AKS minimum for a system pool' }`
 */
export function checkVmSize(at: ErrorSubject, prop: string, value: unknown, minimum?: { readonly vcpus: number; readonly memoryGiB: number; readonly what: string }): VmSizeSpec | undefined {
  if (isToken(value)) {
    return undefined;
  }
  const spec = typeof value === 'string' ? vmSizeSpec(value) : undefined;
  if (!spec) {
    const near = typeof value === 'string' ? nearest(value, vmSizeNames()) : undefined;
    throw new PropError(
      at,
      prop,
      value,
      'is not a VM size Azure offers',
      `${near ? `did you mean '${near}'? Otherwise give` : 'give'} a size name such as 'Standard_D4ds_v5' ('az vm list-sizes --location <region> -o table'); for a size newer than this library, call registerVmSize() first`,
    );
  }
  if (minimum && (spec.vcpus < minimum.vcpus || spec.memoryGiB < minimum.memoryGiB)) {
    throw new PropError(
      at,
      prop,
      value,
      `has ${spec.vcpus} vCPU${spec.vcpus === 1 ? '' : 's'} and ${spec.memoryGiB} GiB, below ${minimum.what} (${minimum.vcpus} vCPUs, ${minimum.memoryGiB} GiB)`,
      `use a size with at least ${minimum.vcpus} vCPUs and ${minimum.memoryGiB} GiB, e.g. 'Standard_D4ds_v5'`,
    );
  }
  return spec;
}

/** Re-raises a PropError raised without a scope (a helper that only knew the class name) with this construct's path. */
export function atScope<T>(scope: IConstruct, build: () => T): T {
  try {
    return build();
  } catch (e) {
    if (e instanceof PropError && e.path === undefined) {
      const located = new PropError({ construct: e.construct, scope }, e.prop, e.value, e.problem, e.fix);
      Object.assign(located, { origin: (e as { origin?: string }).origin });
      throw located;
    }
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Kubernetes versions

export { checkKubernetesVersion, KUBERNETES_VERSIONS } from './kubernetes-versions';

// ---------------------------------------------------------------------------------------------
// Errors of inner constructs, in the caller's terms

/**
 * How an inner construct's props map to the props of the construct the user called: inner prop
 * path prefix -> outer prop path prefix (`{ geoReplicas: 'registryGeoReplicas' }` turns
 * `geoReplicas[0].location` into `registryGeoReplicas[0].location`); the key `'*'` takes every
 * other prop (`{ '*': 'tenants[0]' }` turns `owners` into `tenants[0].owners`).
 */
export type PropMapping = Readonly<Record<string, string>>;

/** The outer prop path of an inner prop, when the mapping has it (the longest matching prefix wins). */
export function mapProp(prop: string, mapping: PropMapping): string | undefined {
  const key = Object.keys(mapping)
    .filter((k) => k !== '*' && (prop === k || prop.startsWith(`${k}.`) || prop.startsWith(`${k}[`)))
    .sort((a, b) => b.length - a.length)[0];
  if (key === undefined) {
    // '*': every other prop sits under one outer prop (`{ '*': 'tenants[0]' }`: `name` -> `tenants[0].name`).
    return mapping['*'] === undefined ? undefined : `${mapping['*']}.${prop}`;
  }
  return `${mapping[key]}${prop.slice(key.length)}`;
}

/**
 * Builds an inner construct; a PropError it raises about a prop that comes from the caller's props
 * is raised again as the caller's error, naming the caller's prop (`SecureAksPlatform 'platform':
 * prop 'userPools[0].maxCount'`) and, at the end, the inner construct and prop that found it.
 * Errors about props the mapping does not know pass through unchanged (they name the inner construct's path).
 */
export function asCallerError<T>(at: ErrorSubject, mapping: PropMapping, build: () => T): T {
  try {
    return build();
  } catch (e) {
    if (e instanceof PropError) {
      const prop = mapProp(e.prop, mapping);
      if (prop !== undefined) {
        const origin = (e as { origin?: string }).origin ?? `${e.construct}${e.path ? ` '${e.path}'` : ''} prop '${e.prop}'`;
        const same = new PropError(at, prop, e.value, e.problem, e.fix);
        if (same.construct === e.construct && (e.path === undefined || same.path === e.path) && (e as { origin?: string }).origin === undefined) {
          throw same; // the construct's own helper: only the prop's name changes
        }
        const outer = new PropError(at, prop, e.value, e.problem, `${e.fix.replace(/ \[found by .*\]$/, '')} [found by ${origin}]`);
        Object.assign(outer, { origin });
        throw outer;
      }
    }
    throw e;
  }
}
