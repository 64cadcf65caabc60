import { SecurityCenterSubscriptionPricing } from '@cdktf/provider-azurerm/lib/security-center-subscription-pricing';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { evaluateItem } from '../../lib/checklist/evaluate';
import { TerraformDocument } from '../../lib/core/terraform-document';
import { mutate, synthDoc } from '../support/synth';
import { describeItem } from '../support/items';
import { cluster, PRINCIPAL, registryDoc, SUBNET } from './fixtures';

/** Edits the single registry block of a document. */
function editRegistry(doc: TerraformDocument, edit: (registry: any) => void): TerraformDocument {
  return mutate(doc, (json) => Object.values(json.resource.azurerm_container_registry).forEach(edit));
}

/** Drops every resource of a type. */
function without(doc: TerraformDocument, type: string): TerraformDocument {
  return mutate(doc, (json) => delete json.resource[type]);
}

const empty = (): TerraformDocument => synthDoc(() => undefined);
const defaults = (): TerraformDocument => registryDoc();
const withKubeletPull = (): TerraformDocument =>
  registryDoc({}, (stack, acr) => {
    acr.grantPull(cluster(stack).kubeletIdentity.objectId, 'kubelet');
  });

describeItem('cluster-setup/acr-integration-without-password', {
  compliant: {
    "the cluster's kubelet identity holds AcrPull": withKubeletPull,
    'a user-assigned kubelet identity holds AcrPull': () =>
      registryDoc({}, (stack, acr) => {
        const kubelet = new UserAssignedIdentity(stack, 'kubelet', { name: 'kubelet', resourceGroupName: 'rg', location: 'westeurope' });
        cluster(stack).putKubeletIdentity({ userAssignedIdentityId: kubelet.id, clientId: kubelet.clientId, objectId: kubelet.principalId });
        acr.grantPull(kubelet.principalId, 'kubelet');
      }),
    'no cluster in the stack, an AcrPull grant': () => registryDoc({}, (_s, acr) => acr.grantPull(PRINCIPAL)),
  },
  nonCompliant: {
    'admin user enabled': () => editRegistry(withKubeletPull(), (r) => (r.admin_enabled = true)),
    'a cluster without AcrPull': () => registryDoc({}, (stack) => cluster(stack)),
    'AcrPull given to another principal than the kubelet': () => registryDoc({}, (stack, acr) => (cluster(stack), acr.grantPull(PRINCIPAL))),
    'no cluster and no grant': defaults,
  },
  notApplicable: { 'no registry': empty },
});

describeItem('cluster-setup/registry-geo-replication', {
  compliant: { "defaults: the pair's replica": defaults, 'explicit replicas': () => registryDoc({ geoReplicas: [{ location: 'northeurope' }, { location: 'swedencentral' }] }) },
  nonCompliant: {
    'no replica': () => editRegistry(defaults(), (r) => delete r.georeplications),
    'replica in the home region': () => editRegistry(defaults(), (r) => (r.georeplications[0].location = 'West Europe')),
    'replica region twice': () => editRegistry(defaults(), (r) => r.georeplications.push({ ...r.georeplications[0] })),
    'geoReplicas: [] (waived, still non-compliant by rule)': () => registryDoc({ geoReplicas: { disabled: true, reason: 'dev registry, images rebuilt from source' } }),
  },
  notApplicable: { 'no registry': empty },
});

const refresh = (): TerraformDocument =>
  registryDoc({ baseImageRefresh: { contextUrl: 'oci://contosoplatform.azurecr.io/context:main', imageName: 'apps/web', agentPoolSubnetId: SUBNET } });

describeItem('cluster-setup/base-image-refresh', {
  compliant: { 'baseImageRefresh on': refresh },
  nonCompliant: {
    'trigger disabled': () => mutate(refresh(), (json) => Object.values<any>(json.resource.azurerm_container_registry_task).forEach((t) => (t.base_image_trigger.enabled = false))),
    'no trigger': () => mutate(refresh(), (json) => Object.values<any>(json.resource.azurerm_container_registry_task).forEach((t) => delete t.base_image_trigger)),
  },
  notApplicable: { 'option off: no task': defaults },
});

const scanned = (): TerraformDocument => registryDoc({ enableDefenderForContainers: true });

describeItem('container/image-vulnerability-scanning', {
  compliant: {
    'Defender for Containers enabled by the registry': scanned,
    'Defender plan enabled elsewhere in the stack': () => registryDoc({}, (stack) => new SecurityCenterSubscriptionPricing(stack, 'mdc', { tier: 'Standard', resourceType: 'Containers' })),
  },
  nonCompliant: {
    'no Defender plan in the stack': defaults,
    'Defender on the Free tier': () => mutate(scanned(), (json) => Object.values<any>(json.resource.azurerm_security_center_subscription_pricing).forEach((p) => (p.tier = 'Free'))),
    'trusted services bypass off on a private registry': () => registryDoc({ enableDefenderForContainers: true, trustedServicesBypass: false }),
  },
  notApplicable: { 'no registry': empty },
});

describeItem('container/allowed-registries-only', {
  compliant: { defaults },
  nonCompliant: { 'no dedicated data endpoints': () => editRegistry(defaults(), (r) => (r.data_endpoint_enabled = false)) },
});

describeItem('container/registry-quarantine', {
  compliant: { defaults },
  nonCompliant: {
    'quarantine off': () => editRegistry(defaults(), (r) => (r.quarantine_policy_enabled = false)),
    'quarantine not set': () => editRegistry(defaults(), (r) => delete r.quarantine_policy_enabled),
  },
  notApplicable: { 'no registry': empty },
});

describeItem('container/registry-rbac', {
  compliant: { defaults, 'with pull and push grants': () => registryDoc({}, (_s, acr) => (acr.grantPull(PRINCIPAL), acr.grantPush(PRINCIPAL))) },
  nonCompliant: {
    'admin user enabled': () => editRegistry(defaults(), (r) => (r.admin_enabled = true)),
    'anonymous pull enabled': () => editRegistry(defaults(), (r) => (r.anonymous_pull_enabled = true)),
    'a repository-scoped token': () =>
      mutate(defaults(), (json) => {
        const address = Object.keys(json.resource.azurerm_container_registry)[0];
        json.resource.azurerm_container_registry_token = { ci: { name: 'ci', resource_group_name: 'rg', scope_map_id: 'x', container_registry_name: `\${azurerm_container_registry.${address}.name}` } };
      }),
  },
});

describeItem('container/registry-network-segmentation', {
  compliant: { defaults },
  nonCompliant: {
    'public access on': () => editRegistry(defaults(), (r) => (r.public_network_access_enabled = true)),
    'public access not set (azurerm default: on)': () => editRegistry(defaults(), (r) => delete r.public_network_access_enabled),
    'no private endpoint': () => without(defaults(), 'azurerm_private_endpoint'),
    'publicAccess override (waived, still non-compliant by rule)': () => registryDoc({ privateEndpoint: undefined, publicAccess: { allowedIpRanges: ['203.0.113.0/24'], reason: 'on-premises agents push' } }),
  },
});

describeItem('network/private-registry-endpoint', {
  compliant: { defaults, 'hub DNS zone': () => registryDoc({ privateDnsZoneId: '/subscriptions/s/resourceGroups/hub/providers/Microsoft.Network/privateDnsZones/privatelink.azurecr.io', dnsVirtualNetworkIds: undefined }) },
  nonCompliant: {
    'endpoint without DNS zone group': () => mutate(defaults(), (json) => Object.values<any>(json.resource.azurerm_private_endpoint).forEach((e) => delete e.private_dns_zone_group)),
    'endpoint on another subresource': () =>
      mutate(defaults(), (json) => Object.values<any>(json.resource.azurerm_private_endpoint).forEach((e) => (e.private_service_connection.subresource_names = ['registry_data_westeurope']))),
    'public access on': () => editRegistry(defaults(), (r) => (r.public_network_access_enabled = true)),
  },
});

describe('registry rules on HCL-style JSON (list blocks, literal ids)', () => {
  const id = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/hclacr';
  const doc = new TerraformDocument({
    resource: {
      azurerm_container_registry: {
        hcl: {
          name: 'hclacr',
          location: 'West Europe',
          sku: 'Premium',
          admin_enabled: false,
          public_network_access_enabled: false,
          quarantine_policy_enabled: true,
          data_endpoint_enabled: true,
          georeplications: [{ location: 'North Europe', zone_redundancy_enabled: true }],
        },
      },
      azurerm_private_endpoint: {
        pe: {
          private_service_connection: [{ name: 'psc', is_manual_connection: false, private_connection_resource_id: id, subresource_names: ['registry'] }],
          private_dns_zone_group: [{ name: 'default', private_dns_zone_ids: ['/subscriptions/s/resourceGroups/hub/providers/Microsoft.Network/privateDnsZones/privatelink.azurecr.io'] }],
        },
      },
      azurerm_role_assignment: { pull: { scope: id, role_definition_id: '/providers/Microsoft.Authorization/roleDefinitions/7f951dda-4ed3-4680-a7ca-43fe172d538d', principal_id: PRINCIPAL } },
    },
  });

  test.each([
    'cluster-setup/acr-integration-without-password',
    'cluster-setup/registry-geo-replication',
    'container/registry-quarantine',
    'container/registry-rbac',
    'container/registry-network-segmentation',
    'network/private-registry-endpoint',
    'container/allowed-registries-only',
  ])('%s is compliant', (item) => {
    expect(evaluateItem(item, doc).status).toBe('compliant');
  });

  test('evidence names the resource and attribute that failed', () => {
    const open = mutate(doc, (json) => (json.resource.azurerm_container_registry.hcl.public_network_access_enabled = true));
    const result = evaluateItem('container/registry-network-segmentation', open);
    expect(result.evidence.filter((e) => !e.ok)).toEqual([expect.objectContaining({ address: 'azurerm_container_registry.hcl', attribute: 'public_network_access_enabled' })]);
  });
});
