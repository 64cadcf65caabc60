import { TerraformStack, Testing } from 'cdktf';
import { getPath, TerraformDocument } from '../../lib/core/terraform-document';
import { SecureAksPlatform, SecureAksPlatformProps } from '../../lib/platform/secure-aks-platform';
import { TAGGABLE_TYPES } from '../../lib/platform/taggable-types';
import { docOf, testStack } from '../support/synth';

const INPUTS: SecureAksPlatformProps = {
  prefix: 'contoso',
  environment: 'prod',
  location: 'westeurope',
  tenantId: '00000000-0000-0000-0000-000000000001',
  subscriptionId: '00000000-0000-0000-0000-000000000002',
  deployerObjectId: '00000000-0000-0000-0000-000000000003',
  adminGroupObjectIds: ['00000000-0000-0000-0000-000000000004'],
  addressSpace: { hub: '10.0.0.0/24', spoke: '10.10.0.0/16' },
  tags: { owner: 'platform-team', 'cost-center': 'cc-1234', 'data-classification': 'confidential' },
  tenants: [{ name: 'payments', owners: ['00000000-0000-0000-0000-000000000005'], labels: { owner: 'payments-team', costCenter: 'cc-2001', dataClassification: 'confidential' } }],
  checklist: 'warning',
};

function platform(props: Partial<SecureAksPlatformProps> = {}): { stack: TerraformStack; platform: SecureAksPlatform } {
  const stack = testStack('platform');
  return { stack, platform: new SecureAksPlatform(stack, 'platform', { ...INPUTS, ...props }) };
}

describe('SecureAksPlatform', () => {
  let doc: TerraformDocument;
  let built: SecureAksPlatform;
  beforeAll(() => {
    const p = platform({ gitOps: { url: 'https://github.com/contoso/platform-config' }, backup: true });
    built = p.platform;
    doc = docOf(p.stack);
  });

  test('reads no pre-existing infrastructure: no data source at all', () => {
    expect(doc.dataSources().map((d) => d.address)).toEqual([]);
  });

  test('creates every resource group it deploys into', () => {
    const groups = new Set(doc.resources('azurerm_resource_group').map((g) => `\${${g.address}.name}`));
    const foreign = doc.resources().filter((r) => {
      const rg = getPath(r.values, 'resource_group_name');
      return typeof rg === 'string' && !groups.has(rg);
    });
    expect(foreign.map((r) => r.address)).toEqual([]);
  });

  test('tags every taggable resource with the required keys, environment included', () => {
    const untagged = doc
      .resources()
      .filter((r) => TAGGABLE_TYPES.has(r.type))
      .filter((r) => !['owner', 'environment', 'cost-center', 'data-classification'].every((k) => typeof getPath(r.values, `tags.${k}`) === 'string'));
    expect(untagged.map((r) => r.address)).toEqual([]);
    expect(getPath(doc.resources('azurerm_kubernetes_cluster')[0].values, 'tags.environment')).toBe('prod');
  });

  test('routes the cluster through the firewall and creates it after the routes, rules and key grants', () => {
    const cluster = doc.resources('azurerm_kubernetes_cluster')[0];
    expect(getPath(cluster.values, 'network_profile.outbound_type')).toBe('userDefinedRouting');
    const deps = (getPath(cluster.values, 'depends_on') as string[]).join(' ');
    expect(deps).toMatch(/azurerm_subnet_route_table_association\./);
    expect(deps).toMatch(/azurerm_firewall_policy_rule_collection_group\./);
    expect(deps).toMatch(/azurerm_role_assignment\./);
    expect(getPath(cluster.values, 'key_management_service.key_vault_key_id')).toMatch(/^\$\{azurerm_key_vault_key\.[^}]+\.id\}$/);
    expect(getPath(cluster.values, 'disk_encryption_set_id')).toMatch(/azurerm_disk_encryption_set\./);
  });

  test('every node subnet is associated with the firewall route table', () => {
    const nodeSubnets = doc.resources('azurerm_subnet').filter((s) => /snet-(system|user)/.test(String(s.values.name)));
    const associated = doc.resources('azurerm_subnet_route_table_association').map((a) => String(a.values.subnet_id));
    expect(nodeSubnets.length).toBe(2);
    nodeSubnets.forEach((s) => expect(associated).toContain(`\${${s.address}.id}`));
  });

  test('the kubelet identity pulls from the registry, the secrets provider reads the vault', () => {
    const roles = doc.resources('azurerm_role_assignment').map((r) => `${r.values.role_definition_name} ${r.values.principal_id}`);
    expect(roles.some((r) => /^AcrPull .*kubelet/.test(r))).toBe(true);
    expect(roles.some((r) => /^Key Vault Secrets User .*key_vault_secrets_provider/.test(r))).toBe(true);
  });

  test('the firewall allows the GitOps source host, and only private-link paths to vault and registry', () => {
    const rules = JSON.stringify(doc.resources('azurerm_firewall_policy_rule_collection_group').map((g) => g.values));
    expect(rules).toContain('github.com');
    expect(rules).not.toMatch(/azurecr\.io|vault\.azure\.net/);
  });

  test('installs the cluster extensions (Flux, backup) after the user pools their agents run on', () => {
    const pools = doc.resources('azurerm_kubernetes_cluster_node_pool').map((p) => p.address);
    const extensions = doc.resources('azurerm_kubernetes_cluster_extension');
    expect(extensions).toHaveLength(2);
    extensions.forEach((e) => expect(e.values.depends_on).toEqual(expect.arrayContaining(pools)));
  });

  test('locks the stateful resources in production', () => {
    expect(doc.resources('azurerm_management_lock').map((l) => l.values.name).sort()).toEqual(['lock-backup-vault', 'lock-registry', 'lock-vault', 'lock-workspace']);
  });

  test('publishes the IP plan', () => {
    expect(built.ipPlanMarkdown).toMatch(/\| snet-system \| 10\.10\./);
  });

  test('keeps the Deny policies off the namespaces of the add-ons it enables', () => {
    const excluded = (d: TerraformDocument): string[] => {
      const probes = d.resources('azurerm_resource_policy_assignment').find((a) => String(a.values.name).includes('probes'))!;
      return JSON.parse(String(probes.values.parameters)).excludedNamespaces.value;
    };
    expect(excluded(doc)).toEqual(expect.arrayContaining(['kube-system', 'app-routing-system', 'flux-system', 'dataprotection-microsoft']));
    expect(excluded(doc)).not.toContain('calico-system');
    const calico = docOf(platform({ environment: 'calico', networkPolicy: 'calico' }).stack);
    expect(excluded(calico)).toEqual(expect.arrayContaining(['calico-system', 'tigera-operator']));
  });

  test('the 2026 features from one place: governance above the cluster, ACNS, cost analysis by default; LTS on Premium and the Istio add-on as options', () => {
    const cluster = doc.resources('azurerm_kubernetes_cluster')[0].values as Record<string, any>;
    expect(cluster.network_profile.advanced_networking).toEqual({ observability_enabled: true, security_enabled: true });
    expect(cluster).toMatchObject({ cost_analysis_enabled: true, support_plan: 'KubernetesOfficial', sku_tier: 'Standard' });
    expect(doc.resources('azurerm_resource_group_policy_assignment').length).toBeGreaterThanOrEqual(14);

    const meshed = docOf(platform({ environment: 'mesh', skuTier: 'Premium', cluster: { longTermSupport: true, serviceMesh: { revisions: ['asm-1-26'] } } }).stack);
    const c = meshed.resources('azurerm_kubernetes_cluster')[0].values as Record<string, any>;
    expect(c).toMatchObject({ sku_tier: 'Premium', support_plan: 'AKSLongTermSupport' });
    expect(c.service_mesh_profile).toMatchObject({ mode: 'Istio', internal_ingress_gateway_enabled: true, external_ingress_gateway_enabled: false });
    const rules = JSON.stringify(meshed.resources('azurerm_firewall_policy_rule_collection_group').map((g) => g.values));
    expect(rules).toContain('service-mesh-istio-images');
    expect(JSON.stringify(doc.resources('azurerm_firewall_policy_rule_collection_group').map((g) => g.values))).not.toContain('service-mesh');
    const probes = meshed.resources('azurerm_resource_policy_assignment').find((a) => String(a.values.name).includes('probes'))!;
    expect(JSON.parse(String(probes.values.parameters)).excludedNamespaces.value).toEqual(expect.arrayContaining(['aks-istio-system', 'aks-istio-ingress']));
    expect(() => platform({ environment: 'lts', cluster: { longTermSupport: true } })).toThrow(/SecureAksPlatform 'platform': prop 'cluster\.longTermSupport' = true needs the Premium tier/);
  });

  test("a tenant's FQDN allowance: a CiliumNetworkPolicy in the manifests and an application rule on the firewall; refused without Cilium FQDN filtering", () => {
    const tenants = [{ ...INPUTS.tenants[0], egressFqdns: [{ name: 'stripe', fqdns: ['api.stripe.com'] }] }];
    const p = platform({ environment: 'fqdn', tenants });
    const d = docOf(p.stack);
    expect(p.platform.baseline.objects().filter((o) => o.kind === 'CiliumNetworkPolicy').map((o) => o.metadata.name)).toEqual(['allow-fqdn-stripe']);
    const rules = JSON.stringify(d.resources('azurerm_firewall_policy_rule_collection_group').map((g) => g.values));
    expect(rules).toContain('tenant-payments-stripe');
    expect(rules).toContain('api.stripe.com');
    expect(() => platform({ environment: 'fqdn2', tenants, networkPolicy: 'azure' })).toThrow(/SecureAksPlatform(?: '[^']+')?: prop 'tenants\[0\]\.egressFqdns' .* needs Cilium FQDN filtering/);
    expect(() => platform({ environment: 'fqdn3', tenants, cluster: { advancedNetworking: { security: false, reason: 'FQDN filtering is done by the hub firewall only' } } })).toThrow(/needs Cilium FQDN filtering/);
  });

  test('outbound NAT gateway: no hub, no firewall, a zonal NAT gateway on the node subnets, the waiver on the cluster', () => {
    const reason = 'no hub in this landing zone until the connectivity team delivers it';
    const p = platform({ environment: 'nat', addressSpace: { spoke: '10.10.0.0/16' }, outbound: { type: 'natGateway', reason, zone: '1' } });
    const d = docOf(p.stack);
    expect(p.platform.firewall).toBeUndefined();
    expect(p.platform.hubResourceGroup).toBeUndefined();
    expect(d.resources('azurerm_firewall')).toEqual([]);
    expect(d.resources('azurerm_nat_gateway').map((g) => g.values.zones)).toEqual([['1']]);
    const nodeSubnets = d.resources('azurerm_subnet').filter((s) => /snet-(system|user)/.test(String(s.values.name))).map((s) => `\${${s.address}.id}`);
    expect(d.resources('azurerm_subnet_nat_gateway_association').map((a) => a.values.subnet_id).sort()).toEqual(nodeSubnets.sort());
    expect((d.resources('azurerm_kubernetes_cluster')[0].values as Record<string, any>).network_profile.outbound_type).toBe('userAssignedNATGateway');
    expect(JSON.stringify(d.json['//'])).toContain(`unfiltered egress (userAssignedNATGateway): ${reason}`);
  });

  test('outbound network isolated: outbound none, bootstrap from the registry cache; GitOps and the hub refused', () => {
    const p = platform({ environment: 'iso', outbound: { type: 'networkIsolated' } });
    const d = docOf(p.stack);
    const c = d.resources('azurerm_kubernetes_cluster')[0].values as Record<string, any>;
    expect(c.network_profile.outbound_type).toBe('none');
    expect(c.bootstrap_profile).toEqual({ artifact_source: 'Cache', container_registry_id: expect.stringMatching(/^\$\{azurerm_container_registry\..+\.id\}$/) });
    expect(d.resources('azurerm_container_registry_cache_rule').map((r) => r.values.source_repo)).toEqual(['mcr.microsoft.com/*']);
    expect(d.resources('azurerm_firewall')).toEqual([]);
    expect(() => platform({ environment: 'iso2', outbound: { type: 'networkIsolated' }, gitOps: { url: 'https://github.com/contoso/platform-config' } })).toThrow(/SecureAksPlatform.*prop 'gitOps' .* a network-isolated cluster has none/);
    expect(() => platform({ environment: 'iso3', outbound: { type: 'networkIsolated' }, bastion: true })).toThrow(/SecureAksPlatform.*prop 'bastion' = true needs the hub/);
    expect(() => platform({ environment: 'nat2', outbound: { type: 'natGateway', reason: 'short' } })).toThrow(/SecureAksPlatform 'platform': prop 'outbound.reason' = 'short' .*found by NatGatewayEgress/);
    expect(() => platform({ environment: 'fw', addressSpace: { spoke: '10.10.0.0/16' } })).toThrow(/SecureAksPlatform.*prop 'addressSpace.hub' = undefined is not a well-formed IPv4 CIDR block/);
  });

  test('leaves stateful resources unlocked in rehearsal mode', () => {
    const rehearsal = docOf(platform({ environment: 'rehears1', mode: 'rehearsal' }).stack);
    expect(rehearsal.resources('azurerm_management_lock')).toEqual([]);
  });

  describe('rejects bad input', () => {
    test.each([
      ['tenantId', { tenantId: 'contoso.onmicrosoft.com' }],
      ['subscriptionId', { subscriptionId: '' }],
      ['deployerObjectId', { deployerObjectId: 'me' }],
      ['adminGroupObjectIds', { adminGroupObjectIds: [] }],
      ['addressSpace.hub', { addressSpace: { hub: '10.0.0.0/25', spoke: '10.10.0.0/16' } }],
      ['addressSpace.spoke', { addressSpace: { hub: '10.0.0.0/24', spoke: '10.10.0.0' } }],
      ['tags.environment', { tags: { ...INPUTS.tags, environment: 'dev' } }],
      ['tenants', { tenants: [] }],
      ['tenants', { tenants: undefined }],
    ] as [string, Partial<SecureAksPlatformProps>][])('%s', (prop, props) => {
      expect(() => platform(props)).toThrow(new RegExp(`SecureAksPlatform(?: '[^']+')?: prop '${prop.replace('.', '\\.')}'`));
    });

    test('a required tag without a value', () => {
      expect(() => platform({ tags: { owner: 'platform-team', 'cost-center': 'cc-1234' } })).toThrow(/SecureAksPlatform 'platform': prop 'tags.data-classification' = undefined is a required tag key without a value/);
    });

    test('overlapping hub and spoke', () => {
      expect(() => platform({ addressSpace: { hub: '10.10.0.0/24', spoke: '10.10.0.0/16' } })).toThrow(/SecureAksPlatform 'platform': prop 'addressSpace.spoke' = '10.10.0.0\/16' overlaps addressSpace.hub/);
    });
  });

  // Errors raised by the constructs the platform composes name the platform's prop, with its path.
  describe('bad input names the platform prop the user set', () => {
    const pool = (extra: Record<string, unknown>) => ({ userPools: [{ name: 'apps', vmSize: 'Standard_D4ds_v5', minCount: 1, maxCount: 5, ...extra }] as SecureAksPlatformProps['userPools'] });
    const bad = (props: Partial<SecureAksPlatformProps>) => () => platform(props);

    test('a pool count out of range, and more nodes than the pod range holds', () => {
      expect(bad(pool({ maxCount: 1001 }))).toThrow(/^SecureAksPlatform 'platform': prop 'userPools\[0\]\.maxCount' = 1001 is outside 1-1000\. Fix: give a whole number from 1 to 1000/);
      expect(bad(pool({ maxCount: 90 }))).toThrow(/prop 'userPools\[0\]\.maxCount' = 90 lets the cluster reach \d+ nodes .* more than the 256 the platform's pod range 100\.64\.0\.0\/16 holds/);
      expect(bad(pool({ maxCount: 60 }))).not.toThrow();
    });

    test("an inner construct's check names the platform prop: VM size, labels, surge, network policy", () => {
      expect(bad(pool({ vmSize: 'Standard_D4ds_v9' }))).toThrow(/^SecureAksPlatform 'platform': prop 'userPools\[0\]\.vmSize' = 'Standard_D4ds_v9' is not a VM size Azure offers\. Fix: did you mean 'Standard_D4ds_v[4-6]'\?.*\[found by NodePoolSet 'platform\/node-pools' prop 'appsz1\.vmSize'\]/);
      expect(bad(pool({ labels: { 'kubernetes.io/role': 'apps' } }))).toThrow(/prop 'userPools\[0\]\.labels\.kubernetes\.io\/role' = 'kubernetes\.io\/role' uses the prefix 'kubernetes\.io\/'/);
      expect(bad(pool({ orchestratorVersion: 'v1.33' }))).toThrow(/prop 'userPools\[0\]\.orchestratorVersion' = 'v1\.33' is not a Kubernetes version/);
      expect(bad(pool({ orchestratorVersion: { version: '1.31', reason: '' } }))).toThrow(/^SecureAksPlatform 'platform': prop 'userPools\[0\]\.orchestratorVersion\.reason' = '' is missing or too short/);
      expect(bad({ ...pool({ osType: 'Windows', name: 'win', zonal: false }) })).toThrow(/^SecureAksPlatform 'platform': prop 'networkPolicy' = 'cilium' does not support Windows pool 'win'/);
      // The fix names the platform's prop too, not the cluster's networkDataPlane the platform sets from it.
      expect(bad({ ...pool({ osType: 'Windows', name: 'win', zonal: false }) })).toThrow(/Fix: use networkPolicy 'azure' on clusters with Windows pools.*\[found by NodePoolSet 'platform\/node-pools' prop 'host\.networkDataPlane'\]/);
      expect(bad({ ...pool({ osType: 'Windows', name: 'win', zonal: false }), networkPolicy: 'azure' })).not.toThrow();
      expect(bad({ systemPool: { vmSize: 'Standard_A1_v2' } })).toThrow(/^SecureAksPlatform 'platform': prop 'systemPool\.vmSize' = 'Standard_A1_v2' has 1 vCPU and 2 GiB, below the AKS minimum for a system pool/);
      expect(bad(pool({ name: 'system', zonal: false }))).toThrow(/prop 'userPools\[0\]\.name' = 'system' is the name of the system pool/);
    });

    test('regions: a typo gets the nearest region; a region without zones; replicas', () => {
      expect(bad({ location: 'westeurop' })).toThrow(/^SecureAksPlatform 'platform': prop 'location' = 'westeurop' is not an Azure region\. Fix: did you mean 'westeurope'\?/);
      expect(bad({ location: 'ukwest' })).toThrow(/prop 'location' = 'ukwest' asks for a zone-redundant platform .*, but ukwest has no availability zones.*\(e\.g\. 'uksouth'\)/);
      expect(bad({ registryGeoReplicas: [{ location: 'northeurop' }] })).toThrow(/^SecureAksPlatform 'platform': prop 'registryGeoReplicas\[0\]\.location' = 'northeurop' is not an Azure region\. Fix: did you mean 'northeurope'\?/);
      expect(bad({ registryGeoReplicas: [{ location: 'germanynorth' }] })).toThrow(/prop 'registryGeoReplicas\[0\]\.location' = 'germanynorth' is an access-restricted region/);
      expect(bad({ registryGeoReplicas: { disabled: true, reason: 'short' } })).toThrow(/^SecureAksPlatform 'platform': prop 'registryGeoReplicas\.reason' = 'short' is not a reason a reviewer can judge/);
    });

    test('address space AKS reserves, and ranges that collide with the platform pod range', () => {
      expect(bad({ addressSpace: { hub: '10.0.0.0/24', spoke: '172.30.0.0/16' } })).toThrow(/^SecureAksPlatform 'platform': prop 'addressSpace\.spoke' = '172\.30\.0\.0\/16' overlaps 172\.30\.0\.0\/16, which AKS reserves/);
      expect(bad({ addressSpace: { hub: '10.0.0.0/24', spoke: '224.1.0.0/16' } })).toThrow(/prop 'addressSpace\.spoke' = '224\.1\.0\.0\/16' overlaps 224\.0\.0\.0\/4, multicast/);
      expect(bad({ addressSpace: { hub: '10.0.0.0/24', spoke: '100.64.0.0/16' } })).toThrow(/prop 'addressSpace\.spoke' = '100\.64\.0\.0\/16' overlaps 100\.64\.0\.0\/16, the platform's pod range/);
      expect(bad({ addressSpace: { hub: '10.0.0.0/24', spoke: '172.29.0.0/16' } })).not.toThrow();
    });

    test('GitOps URLs: malformed is a PropError, scp-style is accepted', () => {
      expect(bad({ gitOps: { url: 'not a url' } })).toThrow(/^SecureAksPlatform 'platform': prop 'gitOps\.url' = 'not a url' is not a Git repository URL\. Fix: give 'https:\/\/<host>/);
      expect(bad({ gitOps: { url: 'https://token@github.com/contoso/platform' } })).toThrow(/prop 'gitOps\.url' = .* embeds credentials in the URL/);
      expect(bad({ gitOps: { url: 'git@github.com:contoso/platform.git' } })).toThrow(/^SecureAksPlatform 'platform': prop 'gitOps\.localAuthReference' = undefined is required for the SSH source/);
      expect(bad({ gitOps: { url: 'git@github.com:contoso/platform.git', localAuthReference: 'flux-ssh' } })).not.toThrow();
    });

    test('identities, tags and tenant namespaces', () => {
      expect(bad({ grafanaAdminGroupObjectIds: ['grafana-admins'] })).toThrow(/^SecureAksPlatform 'platform': prop 'grafanaAdminGroupObjectIds\[0\]' = 'grafana-admins' is not a GUID/);
      expect(bad({ adminGroupObjectIds: ['aks-admins'] })).toThrow(/^SecureAksPlatform 'platform': prop 'adminGroupObjectIds\[0\]' = 'aks-admins' is not a GUID/);
      const many = Object.fromEntries(Array.from({ length: 48 }, (_, i) => [`k${i}`, 'v']));
      expect(bad({ tags: { ...INPUTS.tags, ...many } })).toThrow(/^SecureAksPlatform 'platform': prop 'tags' = '51 tags' has more than the 50 tags Azure allows/);
      expect(bad({ tenants: [{ ...INPUTS.tenants[0], name: 'flux-system' }] })).toThrow(/^SecureAksPlatform 'platform': prop 'tenants\[0\]\.name' = 'flux-system' is the namespace of an AKS add-on/);
    });

    test('two platforms of one app are told apart by their stack', () => {
      const app = Testing.app();
      const make = (id: string) => () => new SecureAksPlatform(new TerraformStack(app, id), 'platform', { ...INPUTS, ...pool({ maxCount: 1001 }) });
      expect(make('prod-weu')).toThrow(/^SecureAksPlatform 'platform': prop 'userPools\[0\]\.maxCount' = 1001 .*\(stack 'prod-weu'\)$/);
      expect(make('prod-neu')).toThrow(/\(stack 'prod-neu'\)$/);
    });
  });
});
