import { TerraformStack } from 'cdktf';
import { Checklist } from '../../lib/checklist/checklist';
import { PrivateRegistry } from '../../lib/registry';
import { waiversIn } from '../../lib/report/waivers';
import { synthDoc } from '../support/synth';
import { BASE, only, PRINCIPAL, registry, registryDoc, SUBNET, VNET, WORKSPACE } from './fixtures';

const HUB_ZONE = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/hub/providers/Microsoft.Network/privateDnsZones/privatelink.azurecr.io';

function build(props: Partial<typeof BASE>): () => void {
  return () => {
    synthDoc((stack) => {
      registry(stack, props);
    });
  };
}

describe('PrivateRegistry defaults', () => {
  const doc = registryDoc();
  const acr = only(doc, 'azurerm_container_registry');

  test('the registry is Premium, private, passwordless, quarantined, retained, zone-redundant', () => {
    expect(acr).toMatchObject({
      name: 'contosoplatform',
      sku: 'Premium',
      admin_enabled: false,
      anonymous_pull_enabled: false,
      public_network_access_enabled: false,
      export_policy_enabled: false,
      quarantine_policy_enabled: true,
      retention_policy_in_days: 7,
      zone_redundancy_enabled: true,
      data_endpoint_enabled: true,
      network_rule_bypass_option: 'AzureServices',
      trust_policy_enabled: false,
    });
    expect(acr).not.toHaveProperty('network_rule_set');
  });

  test("one geo-replica in the home region's pair, zone-redundant, written in snake_case", () => {
    expect(acr.georeplications).toEqual([{ location: 'northeurope', regional_endpoint_enabled: false, tags: {}, zone_redundancy_enabled: true }]);
  });

  test('a replica in a region without availability zones is not zone-redundant', () => {
    const doc = registryDoc({ location: 'East US' });
    expect(only(doc, 'azurerm_container_registry').georeplications).toEqual([expect.objectContaining({ location: 'westus', zone_redundancy_enabled: false })]);
  });

  test('a private endpoint on subresource registry with a DNS zone group in a created, linked privatelink.azurecr.io zone', () => {
    const pe = only(doc, 'azurerm_private_endpoint');
    expect(pe.subnet_id).toBe(SUBNET);
    expect(pe.private_service_connection).toEqual({
      name: 'psc-contosoplatform-westeurope',
      is_manual_connection: false,
      private_connection_resource_id: expect.stringMatching(/^\$\{azurerm_container_registry\..+\.id\}$/),
      subresource_names: ['registry'],
    });
    expect(pe.private_dns_zone_group).toEqual({ name: 'registry', private_dns_zone_ids: [expect.stringMatching(/^\$\{azurerm_private_dns_zone\..+\.id\}$/)] });
    expect(only(doc, 'azurerm_private_dns_zone').name).toBe('privatelink.azurecr.io');
    expect(only(doc, 'azurerm_private_dns_zone_virtual_network_link')).toMatchObject({ virtual_network_id: VNET, registration_enabled: false });
  });

  test('no credentials anywhere in the synthesized JSON', () => {
    const text = JSON.stringify(doc.json);
    expect(text).not.toMatch(/password|admin_username|access_token|secret|connection_string/i);
    expect(doc.resources('azurerm_container_registry_token')).toHaveLength(0);
  });

  test('no diagnostics, Defender plan, task or waiver unless asked', () => {
    for (const type of ['azurerm_monitor_diagnostic_setting', 'azurerm_security_center_subscription_pricing', 'azurerm_container_registry_task', 'azurerm_role_assignment']) {
      expect(doc.resources(type)).toHaveLength(0);
    }
    expect(doc.metadata('aksChecklist')).toBeUndefined();
  });

  test('exposes the login server and the data endpoint host of each region', () => {
    let acr!: PrivateRegistry;
    synthDoc((stack) => {
      acr = registry(stack, { name: 'ContosoPlatform', geoReplicas: [{ location: 'North Europe' }, { location: 'swedencentral' }] });
    });
    expect(acr.loginServer).toBe('contosoplatform.azurecr.io');
    expect(acr.dataEndpointHosts).toEqual([
      'contosoplatform.azurecr.io',
      'contosoplatform.westeurope.data.azurecr.io',
      'contosoplatform.northeurope.data.azurecr.io',
      'contosoplatform.swedencentral.data.azurecr.io',
    ]);
    expect(acr.regions).toEqual(['westeurope', 'northeurope', 'swedencentral']);
  });
});

describe('PrivateRegistry options', () => {
  test('grantPull and grantPush create AcrPull / AcrPush assignments at the registry scope', () => {
    const doc = registryDoc({}, (_s, acr) => {
      acr.grantPull(PRINCIPAL, 'kubelet');
      acr.grantPush('22222222-2222-3333-4444-555555555555', 'ci');
    });
    const assignments = doc.resources('azurerm_role_assignment').map((r) => r.values);
    expect(assignments).toEqual([
      expect.objectContaining({ role_definition_name: 'AcrPull', principal_id: PRINCIPAL, principal_type: 'ServicePrincipal', scope: expect.stringMatching(/^\$\{azurerm_container_registry\..+\.id\}$/) }),
      expect.objectContaining({ role_definition_name: 'AcrPush', principal_type: 'ServicePrincipal' }),
    ]);
  });

  test('diagnostics send repository and login events and metrics to the workspace', () => {
    const diag = only(registryDoc({ logAnalyticsWorkspaceId: WORKSPACE }), 'azurerm_monitor_diagnostic_setting');
    expect(diag).toMatchObject({
      log_analytics_workspace_id: WORKSPACE,
      enabled_log: [{ category: 'ContainerRegistryRepositoryEvents' }, { category: 'ContainerRegistryLoginEvents' }],
      enabled_metric: [{ category: 'AllMetrics' }],
    });
    expect(diag).not.toHaveProperty('metric');
  });

  test('public access writes a complete snake_case network_rule_set and records waivers', () => {
    const doc = registryDoc({ publicAccess: { allowedIpRanges: ['203.0.113.0/24'], reason: 'on-premises build agents push over the internet' } });
    const acr = only(doc, 'azurerm_container_registry');
    expect(acr.public_network_access_enabled).toBe(true);
    expect(acr.export_policy_enabled).toBe(true);
    expect(acr.network_rule_set).toEqual([{ default_action: 'Deny', ip_rule: [{ action: 'Allow', ip_range: '203.0.113.0/24' }] }]);
    expect(JSON.stringify(acr)).not.toMatch(/defaultAction|ipRule|ipRange/);
    const waived = (doc.metadata('aksChecklist') as any).waivers.map((w: any) => w.item);
    expect(waived).toEqual(['container/registry-network-segmentation', 'network/private-registry-endpoint']);
  });

  test('an existing hub zone is used as is: no zone, no link created', () => {
    const doc = registryDoc({ privateDnsZoneId: HUB_ZONE, dnsVirtualNetworkIds: undefined });
    expect(doc.resources('azurerm_private_dns_zone')).toHaveLength(0);
    expect(doc.resources('azurerm_private_dns_zone_virtual_network_link')).toHaveLength(0);
    expect(only(doc, 'azurerm_private_endpoint').private_dns_zone_group.private_dns_zone_ids).toEqual([HUB_ZONE]);
  });

  test('a replica given a subnet gets its own endpoint in its region', () => {
    const doc = registryDoc({ geoReplicas: [{ location: 'northeurope', privateEndpointSubnetId: `${SUBNET}-ne` }] });
    const endpoints = doc.resources('azurerm_private_endpoint').map((e) => [e.values.location, e.values.subnet_id]);
    expect(endpoints).toEqual([
      ['westeurope', SUBNET],
      ['northeurope', `${SUBNET}-ne`],
    ]);
  });

  test('geoReplicas: { disabled: true, reason } turns geo-replication off and records a waiver', () => {
    const doc = registryDoc({ geoReplicas: { disabled: true, reason: 'dev registry, images rebuilt from source' } });
    expect(only(doc, 'azurerm_container_registry').georeplications).toBeUndefined();
    expect((doc.metadata('aksChecklist') as any).waivers).toEqual([expect.objectContaining({ item: 'cluster-setup/registry-geo-replication' })]);
  });

  test('trustedServicesBypass: false sets None', () => {
    expect(only(registryDoc({ trustedServicesBypass: false }), 'azurerm_container_registry').network_rule_bypass_option).toBe('None');
  });

  test('base-image refresh: an agent pool in the VNet and an encoded task with a base image trigger, no token', () => {
    const doc = registryDoc({ baseImageRefresh: { contextUrl: 'https://github.com/contoso/app.git#main:src', imageName: 'apps/web', agentPoolSubnetId: `${SUBNET}-tasks` } });
    expect(only(doc, 'azurerm_container_registry_agent_pool')).toMatchObject({ tier: 'S1', instance_count: 1, virtual_network_subnet_id: `${SUBNET}-tasks` });
    const task = only(doc, 'azurerm_container_registry_task');
    expect(task.base_image_trigger).toEqual({ name: 'base-image-update', type: 'Runtime', enabled: true });
    expect(task.agent_pool_name).toMatch(/^\$\{azurerm_container_registry_agent_pool\..+\.name\}$/);
    expect(task.platform).toEqual({ os: 'Linux' });
    expect(task.encoded_step.context_path).toBe('https://github.com/contoso/app.git#main:src');
    expect(task.encoded_step).not.toHaveProperty('context_access_token');
    const yaml = Buffer.from(task.encoded_step.task_content, 'base64').toString('utf8');
    expect(yaml).toContain('build: -t $Registry/apps/web:{{.Run.ID}}');
    expect(yaml).toContain('-f Dockerfile .');
  });

  test('a non-Premium SKU with every Premium feature turned off is public, with waivers', () => {
    const doc = registryDoc({
      skuOverride: { sku: 'Standard', reason: 'sandbox subscription without private networking' },
      privateEndpoint: undefined,
      geoReplicas: { disabled: true, reason: 'sandbox, images are rebuilt on demand' },
    });
    const acr = only(doc, 'azurerm_container_registry');
    expect(acr).toMatchObject({ sku: 'Standard', public_network_access_enabled: true, admin_enabled: false });
    for (const premiumOnly of ['quarantine_policy_enabled', 'retention_policy_in_days', 'data_endpoint_enabled', 'zone_redundancy_enabled', 'export_policy_enabled', 'georeplications']) {
      expect(acr).not.toHaveProperty(premiumOnly);
    }
    expect(doc.resources('azurerm_private_endpoint')).toHaveLength(0);
    expect((doc.metadata('aksChecklist') as any).waivers).toHaveLength(4);
  });
});

describe('PrivateRegistry bad input', () => {
  test.each(['acr', 'contoso-platform', 'a'.repeat(51), 'contoso_acr'])('name %p is not 5-50 alphanumerics', (name) => {
    expect(build({ name })).toThrow(/PrivateRegistry(?: '[^']+')?: prop 'name'.*5-50 alphanumerics/);
  });

  test('a geo-replica in the home region', () => {
    expect(build({ geoReplicas: [{ location: 'West Europe' }] })).toThrow(/PrivateRegistry(?: '[^']+')?: prop 'geoReplicas\[0\]\.location'.*home region/);
  });

  test('a geo-replica region given twice', () => {
    expect(build({ geoReplicas: [{ location: 'northeurope' }, { location: 'North Europe' }] })).toThrow(/PrivateRegistry(?: '[^']+')?: prop 'geoReplicas\[1\]\.location'.*twice/);
  });

  test('geo-replication on a non-Premium SKU rejects the SKU override', () => {
    expect(build({ skuOverride: { sku: 'Standard', reason: 'cheaper for a sandbox' }, privateEndpoint: undefined })).toThrow(
      /PrivateRegistry(?: '[^']+')?: prop 'skuOverride'.*geo-replicate.*Fix: keep Premium/,
    );
  });

  test('zone redundancy on a non-Premium SKU rejects the SKU override', () => {
    expect(build({ skuOverride: { sku: 'Basic', reason: 'cheaper for a sandbox' }, privateEndpoint: undefined, geoReplicas: { disabled: true, reason: 'sandbox registry only' }, zoneRedundant: true })).toThrow(
      /PrivateRegistry(?: '[^']+')?: prop 'skuOverride'.*zone-redundant.*Fix: keep Premium/,
    );
  });

  test('zone redundancy off is a loosening: a bare false is rejected, { enabled: false, reason } records a waiver', () => {
    expect(build({ zoneRedundant: false as never })).toThrow(/PrivateRegistry(?: '[^']+')?: prop 'zoneRedundant' = false turns zone redundancy off without a reason\. Fix: give zoneRedundant: \{ enabled: false, reason/);
    expect(build({ zoneRedundant: { enabled: false, reason: '' } })).toThrow(/PrivateRegistry(?: '[^']+')?: prop 'zoneRedundant\.reason' = '' is missing or too short: loosening a secure default \(zone redundancy off\)/);
    expect(build({ zoneRedundant: { enabled: true, reason: 'zone-redundant after all' } as never })).toThrow(/prop 'zoneRedundant\.enabled' = true is not a loosening of zoneRedundant \(false\)/);
    expect(build({ zoneRedundant: 'off' as never })).toThrow(/prop 'zoneRedundant' = 'off' is neither true nor a loosening/);
    const doc = registryDoc({ zoneRedundant: { enabled: false, reason: 'single-zone pilot region, replicas elsewhere' } });
    expect(only(doc, 'azurerm_container_registry').zone_redundancy_enabled).toBe(false);
    expect(waiversIn(doc).map((w) => `${w.item}: ${w.reason}`)).toContain('disaster-recovery/availability-zones: registry not zone-redundant: single-zone pilot region, replicas elsewhere');
  });

  test('a SKU override without a reason', () => {
    expect(build({ skuOverride: { sku: 'Basic', reason: '' }, privateEndpoint: undefined, geoReplicas: { disabled: true, reason: 'sandbox registry only' } })).toThrow(
      /PrivateRegistry(?: '[^']+')?: prop 'skuOverride\.reason'/,
    );
  });

  test('the private endpoint subnet missing', () => {
    expect(build({ privateEndpoint: undefined })).toThrow(/PrivateRegistry(?: '[^']+')?: prop 'privateEndpoint\.subnetId'.*missing/);
  });

  test.each([-1, 366, 7.5])('retention %p outside 0-365', (retentionDays) => {
    expect(build({ retentionDays })).toThrow(/PrivateRegistry(?: '[^']+')?: prop 'retentionDays'.*0-365/);
  });

  test('a public-access override without a reason', () => {
    expect(build({ publicAccess: { allowedIpRanges: ['203.0.113.10'], reason: ' ' } })).toThrow(/PrivateRegistry(?: '[^']+')?: prop 'publicAccess\.reason'/);
  });

  test('a public-access range that is not an address', () => {
    expect(build({ publicAccess: { allowedIpRanges: ['10.0.0.1/16'], reason: 'build agents on premises' } })).toThrow(/PrivateRegistry(?: '[^']+')?: prop 'publicAccess\.allowedIpRanges\[0\]'/);
  });

  test('a public-access range open to the internet', () => {
    expect(build({ publicAccess: { allowedIpRanges: ['0.0.0.0/0'], reason: 'build agents on premises' } })).toThrow(/PrivateRegistry 'acr': prop 'publicAccess\.allowedIpRanges' = \["0\.0\.0\.0\/0"\] contains 0\.0\.0\.0\/0: the registry would be open to the whole Internet/);
    expect(build({ publicAccess: { allowedIpRanges: ['0.0.0.0/1', '128.0.0.0/1'], reason: 'build agents on premises' } })).toThrow(/together cover every public address: the registry would be open/);
    expect(build({ publicAccess: { allowedIpRanges: ['10.1.0.0/16'], reason: 'build agents on premises' } })).toThrow(/prop 'publicAccess\.allowedIpRanges\[0\]' = '10\.1\.0\.0\/16' is a private range: registry IP rules take public addresses only/);
  });

  test('an unknown home region with no replicas given', () => {
    expect(build({ location: 'atlantis' })).toThrow(/PrivateRegistry 'acr': prop 'location' = 'atlantis' is not an Azure region/);
    expect(build({ location: 'westeurop' })).toThrow(/PrivateRegistry 'acr': prop 'location' = 'westeurop' is not an Azure region\. Fix: did you mean 'westeurope'\?/);
    expect(build({ geoReplicas: [{ location: 'northeurop' }] })).toThrow(/PrivateRegistry 'acr': prop 'geoReplicas\[0\]\.location' = 'northeurop' is not an Azure region\. Fix: did you mean 'northeurope'\?/);
    expect(build({ geoReplicas: [{ location: 'francesouth' }] })).toThrow(/prop 'geoReplicas\[0\]\.location' = 'francesouth' is an access-restricted region: a registry replica cannot be created there without a support request\. Fix: choose an open region \(e\.g\. 'francecentral'\)/);
    expect(build({ location: 'germanywestcentral' })).toThrow(/prop 'location' = 'germanywestcentral' has the access-restricted region 'germanynorth' as its Azure pair/);
    expect(build({ location: 'germanywestcentral', geoReplicas: [{ location: 'westeurope' }] })).not.toThrow();
    expect(build({ location: 'ukwest', zoneRedundant: true })).toThrow(/prop 'zoneRedundant' = true asks for a zone-redundant registry, but ukwest has no availability zones/);
  });

  test('a home region without a pair and no replicas given', () => {
    expect(build({ location: 'italynorth' })).toThrow(/PrivateRegistry(?: '[^']+')?: prop 'location' = 'italynorth'.*no Azure pair/);
  });

  test('an unknown region is fine when replicas are given', () => {
    expect(build({ location: 'italynorth', geoReplicas: [{ location: 'westeurope' }] })).not.toThrow();
  });

  test('geo-replication off without a usable reason', () => {
    expect(build({ geoReplicas: [] })).toThrow(/PrivateRegistry(?: '[^']+')?: prop 'geoReplicas' = \[\] turns geo-replication off without a reason\. Fix: give geoReplicas: \{ disabled: true, reason/);
    expect(build({ geoReplicas: { disabled: true, reason: 'tbd' } })).toThrow(/PrivateRegistry(?: '[^']+')?: prop 'geoReplicas\.reason' = 'tbd' is not a reason a reviewer can judge/);
  });

  test('a created zone with no VNet to link', () => {
    expect(build({ dnsVirtualNetworkIds: [] })).toThrow(/PrivateRegistry(?: '[^']+')?: prop 'dnsVirtualNetworkIds'.*empty/);
  });

  test('a hub zone id that is not privatelink.azurecr.io', () => {
    expect(build({ privateDnsZoneId: HUB_ZONE.replace('azurecr', 'vaultcore'), dnsVirtualNetworkIds: undefined })).toThrow(/PrivateRegistry(?: '[^']+')?: prop 'privateDnsZoneId'/);
  });

  test.each(['https://user:ghp_token@github.com/contoso/app.git', 'https://contoso.blob.core.windows.net/ctx.tar.gz?sv=2024&sig=abc', 'git@github.com:contoso/app.git'])(
    'a base-image context %p that carries or needs a credential',
    (contextUrl) => {
      expect(build({ baseImageRefresh: { contextUrl, imageName: 'apps/web', agentPoolSubnetId: SUBNET } })).toThrow(/PrivateRegistry 'acr': prop 'baseImageRefresh\.contextUrl'/);
    },
  );

  test('grantPull with something that is not an object id', () => {
    expect(() =>
      synthDoc((stack) => {
        registry(stack).grantPull('/subscriptions/x/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/kubelet');
      }),
    ).toThrow(/PrivateRegistry(?: '[^']+')?: prop 'grantPull\.principalId'/);
  });

  test('the same grant id twice', () => {
    const stack = new TerraformStack(new (require('cdktf').App)(), 'dup');
    const acr = registry(stack);
    acr.grantPull(PRINCIPAL, 'kubelet');
    expect(() => acr.grantPull(PRINCIPAL, 'kubelet')).toThrow(/PrivateRegistry(?: '[^']+')?: prop 'grantPull\.id'/);
  });

  test('a waiver reason is what the report shows', () => {
    const stack = new TerraformStack(new (require('cdktf').App)(), 'waivers');
    registry(stack, { publicAccess: { allowedIpRanges: ['203.0.113.10'], reason: 'on-premises build agents' } });
    expect(Checklist.waiversOf(stack).map((w) => w.reason)).toEqual(['on-premises build agents', 'on-premises build agents']);
  });
});
