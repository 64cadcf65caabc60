import { cidrOf, contains, containsIp, formatIp, overlaps, parseCidr, parseIp, prefixFor } from '../../lib/core/cidr';

describe('cidr', () => {
  test('parses a well-formed block', () => {
    expect(parseCidr('10.1.0.0/16')).toMatchObject({ prefix: 16, size: 65536, first: parseIp('10.1.0.0'), last: parseIp('10.1.255.255') });
  });

  test.each(['10.1.0.0', '10.1.0.0/33', '10.1.0.256/24', '10.1.0.1/16', 'a.b.c.d/8', '10.0.0.0/16/1', ''])('rejects %p', (text) => {
    expect(parseCidr(text)).toBeUndefined();
  });

  test('overlap and containment', () => {
    const vnet = parseCidr('10.0.0.0/16')!;
    const subnet = parseCidr('10.0.4.0/22')!;
    const other = parseCidr('10.1.0.0/16')!;
    expect(overlaps(vnet, subnet)).toBe(true);
    expect(contains(vnet, subnet)).toBe(true);
    expect(overlaps(vnet, other)).toBe(false);
    expect(contains(subnet, vnet)).toBe(false);
    expect(containsIp(subnet, parseIp('10.0.7.255')!)).toBe(true);
    expect(containsIp(subnet, parseIp('10.0.8.0')!)).toBe(false);
  });

  test('prefix arithmetic', () => {
    expect(prefixFor(1)).toBe(32);
    expect(prefixFor(16)).toBe(28);
    expect(prefixFor(17)).toBe(27);
    expect(cidrOf(parseIp('192.168.1.0')!, 24).text).toBe('192.168.1.0/24');
    expect(formatIp(parseIp('255.255.255.255')!)).toBe('255.255.255.255');
  });
});
