/**
 * The validation kit (lib/core/validate.ts), the region table and the Kubernetes version window:
 * each check rejects the bad value with construct, prop, value and fix, and accepts the nearest
 * valid one.
 */
import { TerraformStack, Testing, Token } from 'cdktf';
import { Construct } from 'constructs';
import { parseCidr } from '../../lib/core/cidr';
import { formatPropError, PropError } from '../../lib/core/errors';
import { KUBERNETES_VERSIONS } from '../../lib/core/kubernetes-versions';
import { normalizeRegion, pairedRegion, REGIONS, regionInfo, registerRegion } from '../../lib/core/regions';
import * as v from '../../lib/core/validate';

const C = 'TestConstruct';
const TOKEN = Token.asString({ resolve: () => 'x' });

describe('PropError', () => {
  test('the message names construct, prop, value and fix', () => {
    expect(new PropError(C, 'a.b', 3, 'is too big', 'give 2').message).toBe("TestConstruct: prop 'a.b' = 3 is too big. Fix: give 2");
  });
  test('given a scope, it shows the construct path inside the stack and the stack', () => {
    const app = Testing.app();
    class Platform extends Construct {}
    const weu = new Platform(new TerraformStack(app, 'prod-weu'), 'platform');
    const neu = new Platform(new TerraformStack(app, 'prod-neu'), 'platform');
    const inner = new Construct(weu, 'cluster');
    const e = new PropError({ construct: 'SecureAksCluster', scope: inner }, 'name', 'x y', 'is not a name', 'use letters');
    expect(e.message).toBe("SecureAksCluster 'platform/cluster': prop 'name' = 'x y' is not a name. Fix: use letters (stack 'prod-weu')");
    expect(e.path).toBe('platform/cluster');
    expect(new PropError(neu, 'p', 1, 'is bad', 'fix it').message).toMatch(/^Platform 'platform': prop 'p' = 1 is bad\. Fix: fix it \(stack 'prod-neu'\)$/);
  });
  test('one format, no doubled full stops', () => {
    expect(formatPropError('X', undefined, 'p', 'v', 'is bad.', 'do this.')).toBe("X: prop 'p' = 'v' is bad. Fix: do this");
  });
});

describe('reasons', () => {
  test.each([undefined, '', 'short', 'TODO', '..........', 'xxxxxxxxxxxx', '1234567890'])('%p is rejected', (reason) => {
    expect(() => v.checkReason(C, 'publicApiServer.reason', reason, 'a public API server')).toThrow(
      /TestConstruct(?: '[^']+')?: prop 'publicApiServer.reason' = .* loosening a secure default \(a public API server\) needs a reason.*Fix: give a reason of at least 10 characters/,
    );
  });
  test('a sentence is accepted and trimmed', () => expect(v.checkReason(C, 'r', '  Build agents outside until Q3 ')).toBe('Build agents outside until Q3'));
});

describe('GUIDs, numbers, choices', () => {
  test.each(['', 'admins', '00000000-0000-0000-0000-00000000000', '{00000000-0000-0000-0000-000000000000}', 'user@contoso.com'])('%p is not a GUID', (id) => {
    expect(() => v.checkGuid(C, 'tenantId', id, 'the tenant id')).toThrow(/prop 'tenantId' = .* is not a GUID\. Fix: give the tenant id as a GUID/);
  });
  test('a GUID is accepted, in either case; a list has no duplicates', () => {
    expect(() => v.checkGuid(C, 'tenantId', '0000AAAA-0000-0000-0000-000000000000')).not.toThrow();
    expect(() => v.checkGuids(C, 'ids', ['00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000001'])).toThrow(/given twice/);
  });
  test('ranges', () => {
    expect(() => v.checkInt(C, 'maxCount', 1001, 1, 1000)).toThrow(/prop 'maxCount' = 1001 is outside 1-1000\. Fix: give a whole number from 1 to 1000/);
    expect(() => v.checkInt(C, 'maxCount', 2.5, 1, 1000)).toThrow(/outside/);
    expect(() => v.checkInt(C, 'maxCount', 1000, 1, 1000)).not.toThrow();
  });
  test('one-of suggests the nearest', () => {
    expect(() => v.checkOneOf(C, 'tier', 'Premuim', ['Standard', 'Premium'])).toThrow(/did you mean "Premium"\?/);
  });
  test('a one-off condition throws unless the value is, or holds, a token', () => {
    expect(() => v.requireProp(false, C, 'sku', 'gold', 'is not a SKU', "use 'standard'")).toThrow(/prop 'sku' = 'gold' is not a SKU\. Fix: use 'standard'/);
    expect(() => v.requireProp(false, C, 'sku', TOKEN, 'is not a SKU', "use 'standard'")).not.toThrow();
    expect(() => v.requireProp(false, C, 'ids', ['a', TOKEN], 'is bad', 'fix it')).not.toThrow();
  });
});

describe('tokens', () => {
  test('a list that holds a token is not known (one token element is enough)', () => {
    expect(v.isToken(['a', TOKEN])).toBe(true);
    expect(v.isKnown(['a', TOKEN])).toBe(false);
    expect(v.isKnown(['a', 'b'])).toBe(true);
  });
  test('list checks skip the token elements and judge the rest', () => {
    expect(() => v.checkUnique(C, 'zones', [TOKEN, TOKEN, '1'])).not.toThrow();
    expect(() => v.checkUnique(C, 'zones', [TOKEN, '1', '1'])).toThrow(/prop 'zones' = '1' is given twice\. Fix: give each entry once/);
  });
  test('a prop that must be literal names the element that is a token, with the caller\'s words', () => {
    expect(() => v.requireLiteral(C, 'owners', ['g', TOKEN], 'cannot go into a manifest', 'pass the id as a string')).toThrow(/prop 'owners\[1\]' = .* cannot go into a manifest\. Fix: pass the id as a string/);
  });
});

describe('ISO 8601 durations', () => {
  test('years, months and days count as Key Vault counts them', () => {
    expect(v.isoDurationDays('P1Y6M')).toBe(545);
    expect(v.isoDurationDays('P90D')).toBe(90);
    expect(v.isoDurationDays('P')).toBeUndefined();
    expect(v.isoDurationDays('PT1H')).toBeUndefined();
  });
  test('a malformed or too short duration is rejected; a token is skipped', () => {
    expect(() => v.checkIsoDuration(C, 'rotation.expireAfter', '2 years', 28)).toThrow(/= '2 years' is not an ISO 8601 duration in years, months or days\. Fix: write it like 'P90D'/);
    expect(() => v.checkIsoDuration(C, 'rotation.expireAfter', 'P10D', 28)).toThrow(/is shorter than the minimum of 28 days\. Fix: use at least 'P28D'/);
    expect(v.checkIsoDuration(C, 'rotation.expireAfter', TOKEN, 28)).toBeUndefined();
    expect(v.checkIsoDuration(C, 'rotation.expireAfter', 'P2Y', 28)).toBe(730);
  });
});

describe('regions', () => {
  test('a typo suggests the nearest region', () => {
    expect(() => v.checkRegion(C, 'location', 'westeurop')).toThrow(/prop 'location' = 'westeurop' is not an Azure region\. Fix: did you mean 'westeurope'\?/);
    expect(() => v.checkRegion(C, 'location', 'atlantis')).toThrow(/is not an Azure region\. Fix: give a region's programmatic name/);
  });
  test('display names are accepted', () => expect(v.checkRegion(C, 'location', 'West Europe')?.name).toBe('westeurope'));
  test('a restricted region is rejected where it must be open, with its open pair as the fix', () => {
    expect(() => v.checkOpenRegion(C, 'geoReplicas[0].location', 'germanynorth', 'a registry replica')).toThrow(
      /'germanynorth' is an access-restricted region: a registry replica cannot be created there.*Fix: choose an open region \(e\.g\. 'germanywestcentral'\)/,
    );
    expect(() => v.checkOpenRegion(C, 'geoReplicas[0].location', 'germanywestcentral')).not.toThrow();
  });
  test('zones in a region without zones', () => {
    expect(() => v.checkZonesIn(C, 'zones', [1, 2, 3], 'ukwest', 'availability zones')).toThrow(/asks for availability zones, but ukwest has no availability zones/);
    expect(() => v.checkZonesIn(C, 'zones', [1, 2, 3], 'uksouth', 'availability zones')).not.toThrow();
  });
  test('a region registered later is accepted', () => {
    expect(() => v.checkRegion(C, 'location', 'atlantiscentral')).toThrow();
    registerRegion({ name: 'Atlantis Central', zones: true });
    expect(v.checkRegion(C, 'location', 'atlantiscentral')?.zones).toBe(true);
  });
  test('every pair points at a region the table knows', () => {
    expect(Object.values(REGIONS).filter((r) => r.pair !== undefined && REGIONS[r.pair] === undefined)).toEqual([]);
  });
  test('pairs are symmetric except the documented one-way pairs', () => {
    const oneWay = Object.values(REGIONS)
      .filter((r) => r.pair !== undefined && REGIONS[r.pair].pair !== r.name)
      .map((r) => `${r.name}->${r.pair}`);
    expect(oneWay.sort()).toEqual(['brazilsouth->southcentralus', 'brazilsoutheast->brazilsouth', 'usgovarizona->usgovtexas', 'westindia->southindia', 'westus3->eastus'].sort());
  });
  test('display names and programmatic names read the same', () => {
    expect(normalizeRegion('West Europe')).toBe('westeurope');
    expect(pairedRegion('Germany West Central')).toBe('germanynorth');
    expect(pairedRegion('eastus2')).toBe('centralus');
    expect(regionInfo('westus')?.zones).toBe(false);
    expect(pairedRegion('atlantis')).toBeUndefined();
    expect(pairedRegion('italynorth')).toBeUndefined();
  });
});

describe('addresses', () => {
  test.each([
    ['172.30.0.0/16', /overlaps 172\.30\.0\.0\/16, which AKS reserves/],
    ['172.31.128.0/17', /overlaps 172\.31\.0\.0\/16, which AKS reserves/],
    ['169.254.0.0/16', /which AKS reserves/],
    ['192.0.2.0/24', /which AKS reserves/],
    ['224.0.0.0/8', /multicast/],
    ['240.0.0.0/8', /reserved \(class E\)/],
    ['127.0.0.0/8', /loopback/],
    ['0.0.0.0/0', /"this network"/],
    ['10.0.0.1/16', /has host bits set\. Fix: use the block's network address, e\.g\. 10\.0\.0\.0\/16/],
    ['10.0.0/16', /is not a well-formed IPv4 CIDR block/],
  ])('%s is not usable VNet space', (cidr, message) => {
    expect(() => v.checkUsableRange(C, 'addressSpace', cidr)).toThrow(message);
  });
  test('private space next to a reserved range is usable', () => {
    expect(v.checkUsableRange(C, 'addressSpace', '172.29.0.0/16')?.text).toBe('172.29.0.0/16');
    expect(v.checkUsableRange(C, 'addressSpace', '10.10.0.0/16')).toBeDefined();
  });
  test('ranges whose union is the whole Internet are as open as 0.0.0.0/0', () => {
    expect(() => v.checkAllowedRanges(C, 'authorizedIpRanges', ['0.0.0.0/1', '128.0.0.0/1'], 'the API server')).toThrow(
      /prop 'authorizedIpRanges' = \["0\.0\.0\.0\/1","128\.0\.0\.0\/1"\] together cover every public address: the API server would be open to the whole Internet/,
    );
    expect(() => v.checkAllowedRanges(C, 'r', ['0.0.0.0/0'], 'x')).toThrow(/contains 0\.0\.0\.0\/0/);
    // Every public block, the private ones left out: still the whole Internet.
    expect(() => v.checkAllowedRanges(C, 'r', ['0.0.0.0/5', '8.0.0.0/7', '11.0.0.0/8', '12.0.0.0/6', '16.0.0.0/4', '32.0.0.0/3', '64.0.0.0/2', '128.0.0.0/1'], 'x')).toThrow(/every public address/);
    expect(v.checkAllowedRanges(C, 'r', ['0.0.0.0/1', '128.0.0.0/2', '203.0.113.7'], 'x')).toHaveLength(3);
    expect(v.coversInternet([parseCidr('0.0.0.0/1')!])).toBe(false);
  });
  test('DNS servers are addresses', () => {
    expect(() => v.checkDnsServers(C, 'dnsServers', ['10.0.0.4', 'dns.contoso.com'])).toThrow(/prop 'dnsServers\[1\]' = 'dns\.contoso\.com' is not an IPv4 address.*a host name is not accepted here/);
    expect(() => v.checkDnsServers(C, 'dnsServers', ['10.0.0.4', '168.63.129.16'])).not.toThrow();
  });
  test('private ranges', () => {
    expect(v.isPrivateRange(parseCidr('10.1.0.0/16')!)).toBe(true);
    expect(v.isPrivateRange(parseCidr('203.0.113.0/24')!)).toBe(false);
  });
});

describe('names and URLs', () => {
  test('DNS labels', () => {
    expect(() => v.checkDnsLabel(C, 'name', 'Team_A', 'namespace name')).toThrow(/is not a valid Kubernetes namespace name.*e\.g\. 'team-a'/);
    expect(() => v.checkDnsLabel(C, 'name', 'team-a')).not.toThrow();
  });
  test('host names, not URLs', () => {
    expect(() => v.checkHostName(C, 'target', 'https://app.contoso.com/health')).toThrow(/is a URL, not a host name\. Fix: give the host name alone: 'app\.contoso\.com'/);
    expect(() => v.checkHostName(C, 'target', 'app.contoso.com')).not.toThrow();
  });
  test.each(['not a url', 'ftp://example.com/repo', 'https://user:secret@github.com/org/repo', 'https://github.com', 'https://exa mple.com/x'])('%p is not a Git URL Flux clones', (url) => {
    expect(() => v.checkGitUrl(C, 'url', url)).toThrow(/TestConstruct(?: '[^']+')?: prop 'url' = .*Fix: /);
  });
  test('https, ssh and scp-style Git URLs are accepted', () => {
    expect(v.checkGitUrl(C, 'url', 'https://github.com/contoso/platform')?.host).toBe('github.com');
    expect(v.checkGitUrl(C, 'url', 'ssh://git@ssh.dev.azure.com/v3/contoso/p/repo')?.host).toBe('ssh.dev.azure.com');
    expect(v.checkGitUrl(C, 'url', 'git@github.com:org/repo.git')).toEqual({ scheme: 'ssh', host: 'github.com' });
  });
});

describe('tags', () => {
  test('more than 50 tags', () => {
    const tags: Record<string, string> = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    expect(() => v.checkTags(C, 'tags', tags)).toThrow(/prop 'tags' = '51 tags' has more than the 50 tags Azure allows/);
    delete tags.k50;
    expect(() => v.checkTags(C, 'tags', tags)).not.toThrow();
  });
  test('key and value limits', () => {
    expect(() => v.checkTags(C, 'tags', { ['k'.repeat(513)]: 'v' })).toThrow(/longer than the 512 characters/);
    expect(() => v.checkTags(C, 'tags', { ['k'.repeat(129)]: 'v' }, { storage: true })).toThrow(/longer than the 128 characters Azure allows in a tag key of a storage account/);
    expect(() => v.checkTags(C, 'tags', { ['k'.repeat(128)]: 'v' }, { storage: true })).not.toThrow();
    expect(() => v.checkTags(C, 'tags', { owner: 'x'.repeat(257) })).toThrow(/longer than the 256 characters Azure allows in a tag value/);
  });
  test.each(['cost/center', 'a<b', 'r&d', 'why?', '50%'])('key %p has a forbidden character', (key) => {
    expect(() => v.checkTags(C, 'tags', { [key]: 'v' })).toThrow(/which Azure forbids in keys/);
  });
});

describe('Kubernetes syntax', () => {
  test.each(['kubernetes.azure.com/mode', 'kubernetes.io/role', 'node-role.kubernetes.io/worker', 'k8s.io/x', 'sub.k8s.io/x'])('reserved label prefix %p', (key) => {
    expect(() => v.checkLabelKey(C, `nodeLabels.${key}`, key)).toThrow(/which Kubernetes and AKS reserve/);
  });
  test('own prefixes, and kubelet-allowed node labels, are accepted', () => {
    expect(() => v.checkLabels(C, 'nodeLabels', { 'contoso.com/team': 'payments', workload: 'batch', 'node.kubernetes.io/exclude-from-external-load-balancers': 'true' })).not.toThrow();
  });
  test('bad label keys and values', () => {
    expect(() => v.checkLabels(C, 'nodeLabels', { 'bad key': 'x' })).toThrow(/prop 'nodeLabels\.bad key' = 'bad key' is not a valid Kubernetes label key/);
    expect(() => v.checkLabels(C, 'nodeLabels', { team: '-x-' })).toThrow(/is not a valid Kubernetes label value/);
  });
  test('durations', () => {
    expect(() => v.checkDuration(C, 'secretRotationInterval', '2 minutes')).toThrow(/is not a duration\. Fix: write it as a number and a unit without spaces: '30s', '2m'/);
    expect(() => v.checkDuration(C, 'secretRotationInterval', '10s', { minSeconds: 60 })).toThrow(/is outside 1m-/);
    expect(v.checkDuration(C, 'secretRotationInterval', '1h30m')).toBe(5400);
  });
  test('max surge', () => {
    expect(() => v.checkMaxSurge(C, 'maxSurge', '150%')).toThrow(/is not a surge AKS accepts/);
    expect(() => v.checkMaxSurge(C, 'maxSurge', '0')).toThrow(/is not a surge/);
    expect(() => v.checkMaxSurge(C, 'maxSurge', '33%')).not.toThrow();
  });
  test('Kubernetes versions: syntax, and the supported window as data with its date', () => {
    expect(() => v.checkKubernetesVersion(C, 'kubernetesVersion', 'v1.34')).toThrow(/'v1\.34' is not a Kubernetes version\. Fix: write 'major\.minor' or 'major\.minor\.patch' without a 'v', e\.g\. '1\.34'/);
    expect(() => v.checkKubernetesVersion(C, 'kubernetesVersion', '1.27')).toThrow(
      new RegExp(`is no longer supported by AKS \\(supported: ${KUBERNETES_VERSIONS.oldest} to ${KUBERNETES_VERSIONS.newest}, as of ${KUBERNETES_VERSIONS.asOf}\\)`),
    );
    expect(() => v.checkKubernetesVersion(C, 'kubernetesVersion', '1.27')).toThrow(/Fix: .* give kubernetesVersion: \{ version: '1\.27', reason: '<why>' \} \(recorded as a waiver\)/);
    expect(v.checkKubernetesVersion(C, 'kubernetesVersion', { version: '1.27', reason: ' LTS on the Premium tier until the vendor certifies 1.33 ' })).toEqual({ version: '1.27', reason: 'LTS on the Premium tier until the vendor certifies 1.33' });
    expect(() => v.checkKubernetesVersion(C, 'kubernetesVersion', { version: '1.27', reason: '' })).toThrow(/prop 'kubernetesVersion\.reason' = '' is missing or too short/);
    expect(() => v.checkKubernetesVersion(C, 'kubernetesVersion', { version: 'v1.27', reason: 'LTS on the Premium tier' })).toThrow(/prop 'kubernetesVersion\.version' = 'v1\.27' is not a Kubernetes version/);
    expect(() => v.checkKubernetesVersion(C, 'kubernetesVersion', { version: KUBERNETES_VERSIONS.oldest, reason: 'LTS on the Premium tier' })).toThrow(
      new RegExp(`prop 'kubernetesVersion\\.version' = '${KUBERNETES_VERSIONS.oldest}' is inside the supported window .*: it needs no reason and no waiver\\. Fix: give the plain version, kubernetesVersion: '${KUBERNETES_VERSIONS.oldest}'`),
    );
    expect(v.checkKubernetesVersion(C, 'kubernetesVersion', KUBERNETES_VERSIONS.oldest)).toEqual({ version: KUBERNETES_VERSIONS.oldest });
    expect(() => v.checkKubernetesVersion(C, 'kubernetesVersion', `${KUBERNETES_VERSIONS.newest}.2`)).not.toThrow();
  });
});

describe("inner errors in the caller's terms", () => {
  test('the fix names the caller prop where it named the inner one (camelCase names only, not English words)', () => {
    expect(v.fixInCallerTerms("use networkDataPlane 'azure' on clusters with Windows pools", 'host.networkDataPlane', 'networkPolicy', { 'host.networkDataPlane': 'networkPolicy' })).toBe("use networkPolicy 'azure' on clusters with Windows pools");
    expect(v.fixInCallerTerms('list at most 5 geoReplicas', 'geoReplicas[0].location', 'registryGeoReplicas[0].location', { geoReplicas: 'registryGeoReplicas' })).toBe('list at most 5 registryGeoReplicas');
    expect(v.fixInCallerTerms("use the Premium tier for IDPS", 'tier', 'firewallTier', { tier: 'firewallTier' })).toBe('use the Premium tier for IDPS');
    expect(v.fixInCallerTerms('raise quota.requestsMemory or lower limits.defaultRequestMemory', 'quota.requestsMemory', 'tenants[0].quota.requestsMemory', { '*': 'tenants[0]' })).toBe('raise quota.requestsMemory or lower limits.defaultRequestMemory');
    expect(v.fixInCallerTerms('give a whole number from 1 to 1000', 'apps.maxCount', 'userPools[0].maxCount', { apps: 'userPools[0]' })).toBe('give a whole number from 1 to 1000');
  });
  test('asCallerError rewrites the fix of an inner construct', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    const outer = new Construct(stack, 'platform');
    const inner = new Construct(outer, 'pools');
    const raise = () => v.asCallerError(outer, { 'host.networkDataPlane': 'networkPolicy' }, () => {
      throw new PropError(inner, 'host.networkDataPlane', 'cilium', 'does not support Windows', "use networkDataPlane 'azure'");
    });
    expect(raise).toThrow(/^Construct 'platform': prop 'networkPolicy' = 'cilium' does not support Windows\. Fix: use networkPolicy 'azure' \[found by Construct 'platform\/pools' prop 'host\.networkDataPlane'\]/);
  });
});
