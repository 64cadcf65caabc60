/**
 * IPv4 CIDR arithmetic for synth-time checks: parsing, containment and overlap.
 */

/** A parsed IPv4 CIDR block. */
export interface Cidr {
  /** The text as given, e.g. `10.0.0.0/16`. */
  readonly text: string;
  /** First address as an unsigned 32-bit integer. */
  readonly first: number;
  /** Last address as an unsigned 32-bit integer. */
  readonly last: number;
  /** Prefix length, 0-32. */
  readonly prefix: number;
  /** Number of addresses. */
  readonly size: number;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** Parses a dotted IPv4 address; undefined when malformed. */
export function parseIp(text: string): number | undefined {
  const m = IPV4.exec(text.trim());
  if (!m) {
    return undefined;
  }
  const octets = m.slice(1).map(Number);
  if (octets.some((o) => o > 255)) {
    return undefined;
  }
  return ((octets[0] << 24) >>> 0) + (octets[1] << 16) + (octets[2] << 8) + octets[3];
}

/** Formats an unsigned 32-bit integer as a dotted IPv4 address. */
export function formatIp(value: number): string {
  return [24, 16, 8, 0].map((s) => (value >>> s) & 255).join('.');
}

/**
 * Parses `a.b.c.d/n`; undefined when malformed or when host bits are set (Azure rejects
 * `10.0.0.1/16` as an address prefix).
 */
export function parseCidr(text: string): Cidr | undefined {
  if (typeof text !== 'string') {
    return undefined;
  }
  const [ip, prefixText, extra] = text.trim().split('/');
  if (extra !== undefined || prefixText === undefined || !/^\d{1,2}$/.test(prefixText)) {
    return undefined;
  }
  const prefix = Number(prefixText);
  const base = parseIp(ip);
  if (base === undefined || prefix > 32) {
    return undefined;
  }
  const size = 2 ** (32 - prefix);
  if (base % size !== 0) {
    return undefined;
  }
  return { text: text.trim(), first: base, last: base + size - 1, prefix, size };
}

/** Whether two blocks share any address. */
export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.first <= b.last && b.first <= a.last;
}

/** Whether `inner` lies entirely inside `outer`. */
export function contains(outer: Cidr, inner: Cidr): boolean {
  return outer.first <= inner.first && inner.last <= outer.last;
}

/** Whether an address lies inside a block. */
export function containsIp(block: Cidr, ip: number): boolean {
  return block.first <= ip && ip <= block.last;
}

/** The smallest prefix length whose block holds `addresses` addresses. */
export function prefixFor(addresses: number): number {
  let prefix = 32;
  while (prefix > 0 && 2 ** (32 - prefix) < addresses) {
    prefix--;
  }
  return prefix;
}

/** Builds a block from its first address and prefix. */
export function cidrOf(first: number, prefix: number): Cidr {
  const size = 2 ** (32 - prefix);
  return { text: `${formatIp(first)}/${prefix}`, first, last: first + size - 1, prefix, size };
}
