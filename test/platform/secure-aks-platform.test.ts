import { TerraformStack } from 'cdktf';
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
    expect(() => platform({ environment: 'lts', cluster: { longTermSupport: true } })).toThrow(/SecureAksCluster.*prop 'longTermSupport' = true needs the Premium tier/);
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
      expect(() => platform({ tags: { owner: 'platform-team', 'cost-center': 'cc-1234' } })).toThrow(/RequiredTags(?: '[^']+')?: prop 'tags.data-classification'/);
    });

    test('overlapping hub and spoke', () => {
      expect(() => platform({ addressSpace: { hub: '10.10.0.0/24', spoke: '10.10.0.0/16' } })).toThrow(/SpokeNetwork.*hub/);
    });
  });
});
