import { settingsOf } from '../checklist/settings';
import type { ItemFacet } from '../checklist/types';
import type { PrivateRegistry, PrivateRegistryProps } from './private-registry';
import {
  acrIntegrationWithoutPassword,
  allowedRegistriesOnly,
  baseImageRefresh,
  imageVulnerabilityScanning,
  privateRegistryEndpoint,
  registryGeoReplication,
  registryNetworkSegmentation,
  registryQuarantine,
  registryRbac,
} from './rules';


const privateRegistry = settingsOf<PrivateRegistryProps, PrivateRegistry>('PrivateRegistry');

/** The checklist items this concern delivers, each with its rule (see lib/checklist/types.ts). */
export const registryFacets: readonly ItemFacet[] = [
  {
    id: 'cluster-setup/acr-integration-without-password',
    delivery: 'enforced',
    settings: privateRegistry('grantPull'),
    rule: acrIntegrationWithoutPassword,
    note: 'admin_enabled is always false; clusters pull with an AcrPull role assignment to their kubelet identity (grantPull), never with image pull secrets or the admin password.',
  },
  {
    id: 'cluster-setup/registry-geo-replication',
    delivery: 'enforced',
    settings: privateRegistry('geoReplicas'),
    rule: registryGeoReplication,
    note: "Default: one replica in the home region's Azure paired region (lib/core/regions.ts), zone-redundant where that region has availability zones. geoReplicas: { disabled: true, reason } turns it off (waiver).",
  },
  {
    id: 'cluster-setup/base-image-refresh',
    delivery: 'option',
    settings: privateRegistry('baseImageRefresh'),
    rule: baseImageRefresh,
    note: 'An ACR task with a base image trigger, run on a dedicated agent pool inside the VNet (agent pools are in preview and in a subset of regions). The build context is a public Git URL or an oci:// artifact in the registry: no PAT or SAS token is ever put in the task.',
  },
  {
    id: 'container/image-vulnerability-scanning',
    delivery: 'option',
    settings: privateRegistry('enableDefenderForContainers'),
    rule: imageVulnerabilityScanning,
    note: "Checks that Defender for Containers (subscription plan 'Containers', Standard) is in the stack and that a network-restricted registry keeps network_rule_bypass_option = AzureServices, which Defender needs to scan a private-link registry. A plan enabled outside the stack is invisible to the rule: waive the item with that reason.",
  },
  {
    id: 'container/allowed-registries-only',
    delivery: 'enforced',
    settings: privateRegistry(),
    rule: allowedRegistriesOnly,
    note: 'Registry side: dedicated data endpoints, so the egress firewall allows exactly loginServer + dataEndpointHosts, and the allowed-images policy names loginServer. The policy and firewall facets enforce the rest.',
  },
  {
    id: 'container/registry-quarantine',
    delivery: 'enforced',
    settings: privateRegistry('skuOverride'),
    rule: registryQuarantine,
    note: 'quarantine_policy_enabled = true (Premium): pushed images stay unpullable until a scanner releases them. Docker Content Trust (trust_policy_enabled) stays off: Azure deprecated it (removal 31 March 2028) and it is unsupported with customer-managed keys. Its successor, Notary Project signing with the AKS Image Integrity policy, is a preview Azure Policy (Audit only) at cluster scope, not a registry setting: the policy concern owns it; the registry stores signatures as OCI referrers with no setting.',
  },
  {
    id: 'container/registry-rbac',
    delivery: 'enforced',
    settings: privateRegistry('grantPull', 'grantPush'),
    rule: registryRbac,
    note: 'No admin user, no anonymous pull, no repository-scoped tokens: access is Entra ID role assignments only (AcrPull for clusters, AcrPush for CI).',
  },
  {
    id: 'container/registry-network-segmentation',
    delivery: 'enforced',
    settings: privateRegistry('privateEndpoint'),
    rule: registryNetworkSegmentation,
    note: 'public_network_access_enabled = false and a private endpoint in the spoke (and in each replica region given a subnet). publicAccess (IP ranges) or skuOverride record a waiver with their reason.',
  },
  {
    id: 'network/private-registry-endpoint',
    delivery: 'enforced',
    settings: privateRegistry('privateEndpoint'),
    rule: privateRegistryEndpoint,
    note: 'Private endpoint on subresource registry with a DNS zone group in privatelink.azurecr.io (created and linked to dnsVirtualNetworkIds, or the hub zone given by privateDnsZoneId).',
  },
];
