import { IpPlanInput, IpPlanner, planToMarkdown, smallestPrefixFor, subnetRequirement } from '../../lib/network';
import { describePool, describeZonalPools, PoolAddressDemand } from '../../lib/node-pools';

const SYSTEM = describePool('system', { vmSize: 'Standard_D4ds_v5', minCount: 3, maxCount: 6, maxPods: 50 });
const APPS = describeZonalPools('apps', { vmSize: 'Standard_D4ds_v5', minCount: 2, maxCount: 10, maxPods: 50 });

/** The sample layout: VNet 10.10.0.0/16, system 3-6, one zonal user pool per zone with 2-10 nodes, overlay, max_pods 50. */
const SAMPLE: IpPlanInput = {
  vnetCidrs: ['10.10.0.0/16'],
  model: 'overlay',
  podCidr: '192.168.0.0/16',
  serviceCidr: '172.16.0.0/16',
  reservedRanges: [{ name: 'hub', cidr: '10.0.0.0/16' }],
  subnets: [
    { name: 'snet-system', purpose: 'nodes', pools: [SYSTEM] },
    { name: 'snet-user', purpose: 'nodes', pools: APPS },
    { name: 'snet-apiserver', purpose: 'api-server' },
    { name: 'snet-private-endpoints', purpose: 'private-endpoints' },
    { name: 'snet-ingress', purpose: 'ingress' },
  ],
};

const planner = new IpPlanner();
const flatPool = (maxNodes: number, maxPods: number, surge = 1): PoolAddressDemand => ({ name: 'p', maxNodes, surgeNodes: surge, maxPods });

describe('IpPlanner: what a subnet must hold', () => {
  test('overlay: one address per node at max + surge', () => {
    expect(subnetRequirement({ name: 's', purpose: 'nodes', pools: [SYSTEM] }, 'overlay').required).toBe(6 + 2);
    expect(subnetRequirement({ name: 's', purpose: 'nodes', pools: APPS }, 'overlay').required).toBe(3 * (10 + 4));
  });

  test('flat Azure CNI: 1 + max_pods per node', () => {
    expect(subnetRequirement({ name: 's', purpose: 'nodes', pools: [flatPool(10, 30, 1)] }, 'flat').required).toBe(11 * 31);
  });

  test('Azure reserves 5 per subnet: 27 usable need a /27, the API server subnet is /28 at least, /29 is the floor', () => {
    expect(smallestPrefixFor(27, 'nodes')).toBe(27);
    expect(smallestPrefixFor(28, 'nodes')).toBe(26);
    expect(smallestPrefixFor(1, 'api-server')).toBe(28);
    expect(smallestPrefixFor(0, 'other')).toBe(29);
  });
});

describe('IpPlanner: proposing and checking a layout', () => {
  const plan = planner.propose(SAMPLE);

  test('the sample layout: aligned, inside the VNet, every subnet with headroom', () => {
    expect(plan.subnets.map((s) => [s.name, s.cidr, s.capacity, s.required, s.headroom])).toEqual([
      ['snet-system', '10.10.0.128/27', 27, 8, 19],
      ['snet-user', '10.10.0.0/25', 123, 42, 81],
      ['snet-apiserver', '10.10.0.192/28', 11, 1, 10],
      ['snet-private-endpoints', '10.10.0.160/27', 27, 16, 11],
      ['snet-ingress', '10.10.0.208/28', 11, 8, 3],
    ]);
    expect(plan.peakNodes).toBe(8 + 42);
  });

  test('the plan renders as a Markdown table', () => {
    const md = planToMarkdown(plan);
    expect(md.split('\n').slice(0, 4)).toEqual(['| Subnet | CIDR | Capacity | Required | Headroom |', '| --- | --- | ---: | ---: | ---: |', '| snet-system | 10.10.0.128/27 | 27 | 8 | 19 |', '| snet-user | 10.10.0.0/25 | 123 | 42 | 81 |']);
    expect(md).toMatch(/Pod CIDR 192\.168\.0\.0\/16 \(a \/24 per node: room for 256 nodes\)/);
  });

  test('given CIDRs are kept and the rest are allocated around them', () => {
    const p = planner.propose({ ...SAMPLE, subnets: SAMPLE.subnets.map((s) => (s.name === 'snet-user' ? { ...s, cidr: '10.10.4.0/22' } : s)) });
    expect(p.subnets.find((s) => s.name === 'snet-user')?.cidr).toBe('10.10.4.0/22');
    expect(p.subnets.find((s) => s.name === 'snet-system')?.cidr).toBe('10.10.0.0/27');
  });

  test('flat networking needs far larger subnets', () => {
    const p = planner.propose({ ...SAMPLE, model: 'flat', podCidr: undefined });
    expect(p.subnets.find((s) => s.name === 'snet-user')).toMatchObject({ required: 42 * 51, smallestPrefix: 20, cidr: '10.10.0.0/19' });
  });
});

describe('IpPlanner: bad layouts are rejected with the numbers', () => {
  const withCidrs = (cidrs: Record<string, string>, extra: Partial<IpPlanInput> = {}): IpPlanInput => ({
    ...SAMPLE,
    ...extra,
    subnets: SAMPLE.subnets.map((s) => ({ ...s, cidr: cidrs[s.name] ?? { 'snet-system': '10.10.0.0/27', 'snet-user': '10.10.1.0/25', 'snet-apiserver': '10.10.2.0/28', 'snet-private-endpoints': '10.10.3.0/27', 'snet-ingress': '10.10.4.0/28' }[s.name] })),
  });

  test('a valid explicit layout passes', () => expect(planner.check(withCidrs({})).subnets).toHaveLength(5));
  test('subnet too small for max nodes x pods (+ surge)', () =>
    expect(() => planner.check(withCidrs({ 'snet-system': '10.10.16.0/23', 'snet-user': '10.10.1.0/24' }, { model: 'flat', podCidr: undefined }))).toThrow(
      /IpPlanner(?: '[^']+')?: prop 'subnets.snet-user.cidr' = '10.10.1.0\/24' is too small: it must hold 2142 addresses .*but a \/24 has 251 usable.*Fix: use a \/20 or larger/,
    ));
  test('overlapping subnets', () => expect(() => planner.check(withCidrs({ 'snet-ingress': '10.10.0.16/28' }))).toThrow(/prop 'subnets.snet-ingress.cidr' = '10.10.0.16\/28' overlaps subnet 'snet-system'/));
  test('pod CIDR overlapping the VNet', () => expect(() => planner.check(withCidrs({}, { podCidr: '10.10.128.0/17' }))).toThrow(/prop 'podCidr' = '10.10.128.0\/17' overlaps the VNet/));
  test('service CIDR overlapping the pod CIDR', () => expect(() => planner.check(withCidrs({}, { serviceCidr: '192.168.0.0/20' }))).toThrow(/prop 'serviceCidr' = '192.168.0.0\/20' overlaps the pod CIDR/));
  test('VNet overlapping a peered hub range', () => expect(() => planner.check(withCidrs({}, { reservedRanges: [{ name: 'hub', cidr: '10.10.200.0/24' }] }))).toThrow(/prop 'vnetCidrs' = '10.10.0.0\/16' overlaps peered\/hub range 'hub'/));
  test('API server subnet smaller than /28', () => expect(() => planner.check(withCidrs({ 'snet-apiserver': '10.10.2.0/29' }))).toThrow(/prop 'subnets.snet-apiserver.cidr' = '10.10.2.0\/29' is smaller than \/28.*Fix: use a \/28 or larger/));
  test('subnet outside the VNet', () => expect(() => planner.check(withCidrs({ 'snet-ingress': '10.11.0.0/28' }))).toThrow(/is not inside the VNet address space/));
  test('malformed CIDR', () => expect(() => planner.check(withCidrs({ 'snet-ingress': '10.10.4.1/28' }))).toThrow(/prop 'subnets.snet-ingress.cidr' = '10.10.4.1\/28' is not an IPv4 CIDR block with its host bits clear/));
  test('pod CIDR too small for a /24 per node', () => expect(() => planner.check(withCidrs({}, { podCidr: '192.168.0.0/20' }))).toThrow(/prop 'podCidr' = '192.168.0.0\/20' holds 16 node \/24 blocks but the cluster can reach 50 nodes.*\/18/));
  test('a VNet too small to propose a layout', () => expect(() => planner.propose({ ...SAMPLE, vnetCidrs: ['10.10.0.0/26'] })).toThrow(/prop 'vnetCidrs' = '10.10.0.0\/26' has no free/));
});
