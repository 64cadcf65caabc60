/**
 * Input checks of the egress constructs. Each throws a PropError naming the construct, the prop,
 * the value and the fix. Unresolved tokens are skipped: they cannot be judged at synth.
 */
import { isToken } from '../core/validate';
import { contains, overlaps, parseCidr, parseIp } from '../core/cidr';
import { assertProp, ErrorSubject } from '../core/errors';
import { isAnyAddress, isAnyPort } from './rules';

/** Largest prefix length Azure accepts for AzureFirewallSubnet, AzureFirewallManagementSubnet and AzureBastionSubnet. */
const MAX_SERVICE_SUBNET_PREFIX = 26;

/** Checks a service subnet: its fixed name, a valid /26-or-larger prefix, inside the hub's address space. */
export function requireSubnet(
  construct: ErrorSubject,
  prop: string,
  name: string,
  addressPrefix: string,
  requiredName: string,
  hubAddressSpace?: readonly string[],
): void {
  assertProp(name === requiredName, construct, `${prop}.name`, name, `is not '${requiredName}', the only name Azure accepts for this subnet`, `name the subnet '${requiredName}' (or leave the name unset)`);
  if (isToken(addressPrefix)) {
    return;
  }
  const cidr = parseCidr(addressPrefix);
  assertProp(cidr !== undefined, construct, `${prop}.addressPrefix`, addressPrefix, 'is not a valid IPv4 CIDR (a.b.c.d/n without host bits)', 'give a block such as 10.0.1.0/26');
  assertProp(
    cidr!.prefix <= MAX_SERVICE_SUBNET_PREFIX,
    construct,
    `${prop}.addressPrefix`,
    addressPrefix,
    `is a /${cidr!.prefix}; ${requiredName} must be /${MAX_SERVICE_SUBNET_PREFIX} or larger`,
    `give a /${MAX_SERVICE_SUBNET_PREFIX} (64 addresses) or a larger block`,
  );
  const space = (hubAddressSpace ?? []).filter((s) => !isToken(s)).map(parseCidr);
  if (space.length > 0 && space.every((s) => s !== undefined)) {
    assertProp(
      space.some((s) => contains(s!, cidr!)),
      construct,
      `${prop}.addressPrefix`,
      addressPrefix,
      `is outside the hub address space ${JSON.stringify(hubAddressSpace)}`,
      'pick a block inside the hub VNet\'s address space',
    );
  }
}

/** Checks that subnets of one VNet do not overlap. */
export function requireDisjoint(construct: ErrorSubject, subnets: readonly { prop: string; prefix: string }[]): void {
  const parsed = subnets.filter((s) => !isToken(s.prefix)).map((s) => ({ ...s, cidr: parseCidr(s.prefix) }));
  for (let i = 0; i < parsed.length; i++) {
    for (let j = i + 1; j < parsed.length; j++) {
      const a = parsed[i];
      const b = parsed[j];
      if (a.cidr && b.cidr) {
        assertProp(!overlaps(a.cidr, b.cidr), construct, b.prop, b.prefix, `overlaps ${a.prop} (${a.prefix})`, 'give each hub subnet its own block');
      }
    }
  }
}

const RESOURCE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,78}[A-Za-z0-9_]$|^[A-Za-z0-9]$/;

/** Checks a firewall rule / collection name: 1-80 characters, letters, digits, `_ . -`, starting with a letter or digit. */
export function requireRuleName(construct: ErrorSubject, prop: string, name: string): void {
  assertProp(
    typeof name === 'string' && RESOURCE_NAME.test(name),
    construct,
    prop,
    name,
    'is not a valid rule collection name',
    'use 1-80 letters, digits, underscores, periods or hyphens, starting with a letter or digit and ending with a letter, digit or underscore',
  );
}

/** Lowest and highest rule collection priority Azure Firewall accepts. */
const PRIORITY_MIN = 100;
const PRIORITY_MAX = 65000;

/** Checks a rule collection priority: an integer in 100-65000 not used by another collection of the group. */
export function requirePriority(construct: ErrorSubject, prop: string, priority: number, taken: ReadonlyMap<number, string>): void {
  assertProp(
    Number.isInteger(priority) && priority >= PRIORITY_MIN && priority <= PRIORITY_MAX,
    construct,
    prop,
    priority,
    `is outside ${PRIORITY_MIN}-${PRIORITY_MAX}`,
    `give an integer priority from ${PRIORITY_MIN} to ${PRIORITY_MAX}`,
  );
  const owner = taken.get(priority);
  assertProp(owner === undefined, construct, prop, priority, `clashes with rule collection '${owner}'`, 'give each rule collection its own priority (or leave it unset to get the next free one)');
}

/** Checks user rule sources: CIDRs or IPs, never "any". */
export function requireSources(construct: ErrorSubject, prop: string, sources: readonly string[]): void {
  assertProp(sources.length > 0, construct, prop, sources, 'is empty', 'leave it unset to use the node subnets, or give CIDRs');
  for (const s of sources) {
    assertProp(!isAnyAddress(s), construct, prop, s, 'allows any source', 'leave sources unset (the node subnets\' IP group) or give the CIDRs that need this rule');
    if (!isToken(s)) {
      assertProp(parseCidr(s) !== undefined || parseIp(s) !== undefined, construct, prop, s, 'is not an IPv4 address or CIDR', 'give addresses such as 10.1.0.0/22');
    }
  }
}

/** Checks destinations of a user rule: never "any". */
export function requireDestinations(construct: ErrorSubject, prop: string, destinations: readonly string[]): void {
  for (const d of destinations) {
    assertProp(!isAnyAddress(d), construct, prop, d, 'allows any destination', 'name the destinations: addresses, service tags or FQDNs');
  }
}

/** Checks ports of a user network rule: ports or ranges, never any port. */
export function requirePorts(construct: ErrorSubject, prop: string, ports: readonly string[]): void {
  assertProp(ports.length > 0, construct, prop, ports, 'is empty', 'give the destination ports, e.g. ["443"]');
  for (const p of ports) {
    assertProp(!isAnyPort(p), construct, prop, p, 'allows any port', 'give the ports the traffic needs, e.g. "443" or "8000-8080"');
    const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(p.trim());
    assertProp(m !== null, construct, prop, p, 'is not a port or port range', 'give a port such as "443" or a range such as "8000-8080"');
    const lo = Number(m![1]);
    const hi = Number(m![2] ?? m![1]);
    assertProp(lo >= 1 && hi <= 65535 && lo <= hi, construct, prop, p, 'is not a port range within 1-65535', 'give ports from 1 to 65535, low before high');
  }
}

/** Checks an FQDN pattern of a user application rule. */
export function requireFqdn(construct: ErrorSubject, prop: string, fqdn: string): void {
  assertProp(fqdn.trim() !== '*' && fqdn.trim() !== '*.*', construct, prop, fqdn, 'allows any destination', 'name the hosts, e.g. api.example.com or *.example.com');
  if (!isToken(fqdn)) {
    assertProp(
      /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i.test(fqdn.trim()) && fqdn.split('.').length >= 2,
      construct,
      prop,
      fqdn,
      'is not a host name or a *.domain wildcard',
      'give a host such as api.example.com or a wildcard such as *.example.com',
    );
  }
}

/** Normalises an Azure region ("West Europe" -> "westeurope"). */
export function regionName(location: string): string {
  return location.toLowerCase().replace(/\s+/g, '');
}
