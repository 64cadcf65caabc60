/**
 * Checklist rules for container registries. Pure functions over Terraform JSON: they read
 * azurerm_container_registry blocks and what references them (role assignments, private endpoints,
 * tokens), so they judge any stack, not only one built with PrivateRegistry.
 */
import { check, Check, evidenceFor, forEachResource, fromEvidence, notApplicable } from '../checklist/rule-kit';
import type { Evidence, Rule } from '../checklist/types';
import { blocks, getPath, JsonValue, strings, TerraformDocument, TfBlock } from '../core/terraform-document';

const REGISTRY = 'azurerm_container_registry';
const CLUSTER = 'azurerm_kubernetes_cluster';
const ROLE = 'azurerm_role_assignment';
const ENDPOINT = 'azurerm_private_endpoint';
/** Built-in role definition GUIDs (the same in every tenant). */
const ACR_PULL_ROLE = '7f951dda-4ed3-4680-a7ca-43fe172d538d';
const ACR_PUSH_ROLE = '8311e382-0749-4cb8-b61a-304f252e45ec';

/** Whether a value points at a registry: a `${...}` reference, or a literal resource id ending in its name. */
export function pointsAt(doc: TerraformDocument, value: JsonValue | undefined, registry: TfBlock): boolean {
  if (doc.references(value, registry)) {
    return true;
  }
  const name = getPath(registry.values, 'name');
  return typeof name === 'string' && strings(value).some((v) => v.toLowerCase().endsWith(`/microsoft.containerregistry/registries/${name.toLowerCase()}`));
}

function isRole(assignment: TfBlock, name: string, guid: string): boolean {
  const byName = getPath(assignment.values, 'role_definition_name');
  const byId = getPath(assignment.values, 'role_definition_id');
  return byName === name || (typeof byId === 'string' && byId.toLowerCase().endsWith(guid));
}

/** The AcrPull and AcrPush role assignments of a document, found once per document. */
const pullRoles = new WeakMap<TerraformDocument, TfBlock[]>();

/** The AcrPull (or AcrPush, which includes pull) role assignments scoped to a registry. */
export function pullAssignments(doc: TerraformDocument, registry: TfBlock): TfBlock[] {
  let roles = pullRoles.get(doc);
  if (!roles) {
    roles = doc.resources(ROLE).filter((a) => isRole(a, 'AcrPull', ACR_PULL_ROLE) || isRole(a, 'AcrPush', ACR_PUSH_ROLE));
    pullRoles.set(doc, roles);
  }
  return roles.filter((a) => pointsAt(doc, getPath(a.values, 'scope'), registry));
}

/** Private endpoints whose service connection targets a registry. */
export function registryEndpoints(doc: TerraformDocument, registry: TfBlock): TfBlock[] {
  return doc.resources(ENDPOINT).filter((e) => blocks(getPath(e.values, 'private_service_connection')).some((c) => pointsAt(doc, c.private_connection_resource_id, registry)));
}

function adminDisabled(registry: TfBlock): Check {
  const admin = getPath(registry.values, 'admin_enabled');
  return check('admin_enabled', admin !== true, 'admin user disabled (no shared password)', 'admin user enabled: a shared username/password can pull and push');
}

function publicAccessOff(registry: TfBlock): Check {
  const open = getPath(registry.values, 'public_network_access_enabled');
  return check('public_network_access_enabled', open === false, 'public network access disabled', `public network access is ${open === undefined ? 'not set (azurerm default: enabled)' : JSON.stringify(open)}`);
}

/** Whether a role assignment's principal is a cluster's kubelet identity (system- or user-assigned). */
function isKubeletOf(doc: TerraformDocument, assignment: TfBlock, cluster: TfBlock): boolean {
  const principal = getPath(assignment.values, 'principal_id');
  if (typeof principal === 'string' && doc.references(principal, cluster) && principal.includes('kubelet_identity')) {
    return true;
  }
  // A user-assigned kubelet identity: the assignment references the identity the cluster uses.
  const kubeletIdentity = getPath(cluster.values, 'kubelet_identity.user_assigned_identity_id');
  const identities = doc.referencedBlocks(kubeletIdentity, 'azurerm_user_assigned_identity');
  return identities.some((identity) => doc.references(principal, identity));
}

/**
 * cluster-setup/acr-integration-without-password: every registry has its admin user off, and each
 * cluster's kubelet identity holds AcrPull on a registry of the stack (without a cluster in the
 * stack: the registry has at least one AcrPull assignment, the passwordless way in).
 */
export const acrIntegrationWithoutPassword: Rule = (doc) => {
  const registries = doc.resources(REGISTRY);
  if (registries.length === 0) {
    return notApplicable(`no ${REGISTRY} in the stack`);
  }
  const clusters = doc.resources(CLUSTER);
  const evidence: Evidence[] = registries.flatMap((r) => evidenceFor(r, [adminDisabled(r)]));
  if (clusters.length > 0) {
    for (const cluster of clusters) {
      const grants = registries.flatMap((r) => pullAssignments(doc, r)).filter((a) => isKubeletOf(doc, a, cluster));
      evidence.push(
        ...evidenceFor(cluster, [
          check(
            'kubelet_identity',
            grants.length > 0,
            `kubelet identity holds AcrPull (${grants.map((g) => g.address).join(', ')})`,
            'kubelet identity holds no AcrPull role assignment on a registry of the stack: grant it (PrivateRegistry.grantPull(cluster.kubeletIdentity)) instead of image pull secrets',
          ),
        ]),
      );
    }
  } else {
    for (const r of registries) {
      const grants = pullAssignments(doc, r);
      evidence.push(...evidenceFor(r, [check('', grants.length > 0, `pulled through role assignments (${grants.map((g) => g.address).join(', ')})`, 'no AcrPull role assignment: nothing pulls without a password')]));
    }
  }
  return fromEvidence(evidence);
};

/** cluster-setup/registry-geo-replication: each registry has replicas, none in its home region, none twice. */
export const registryGeoReplication: Rule = forEachResource(REGISTRY, (r) => {
  const norm = (v: JsonValue | undefined): string => (typeof v === 'string' ? v.replace(/\s+/g, '').toLowerCase() : '');
  const home = norm(getPath(r.values, 'location'));
  const replicas = blocks(getPath(r.values, 'georeplications')).map((g) => norm(g.location));
  const duplicates = replicas.filter((l, i) => replicas.indexOf(l) !== i);
  return [
    check('sku', getPath(r.values, 'sku') === 'Premium', 'Premium SKU', `SKU ${JSON.stringify(getPath(r.values, 'sku'))} cannot geo-replicate (Premium only)`),
    check('georeplications', replicas.length > 0, `replicated to ${replicas.join(', ')}`, 'no geo-replica: images are lost with the home region'),
    check('georeplications', !replicas.includes(home), 'no replica in the home region', `a replica is in the home region ${home}`),
    check('georeplications', duplicates.length === 0, 'each replica region once', `replica regions repeated: ${duplicates.join(', ')}`),
  ];
});

/** cluster-setup/base-image-refresh: each registry task has an enabled base image trigger. */
export const baseImageRefresh: Rule = forEachResource('azurerm_container_registry_task', (t) => {
  const trigger = blocks(getPath(t.values, 'base_image_trigger'))[0];
  return [
    check('base_image_trigger', trigger !== undefined && trigger.enabled !== false, `rebuilds on ${JSON.stringify(trigger?.type)} base image updates`, 'no enabled base image trigger: images are not rebuilt when their base image is patched'),
  ];
});

/**
 * container/image-vulnerability-scanning (registry facet): Microsoft Defender for Containers (the
 * subscription's `Containers` plan, Standard tier) is enabled in the stack, and each
 * network-restricted registry lets trusted services in, which Defender needs to scan a private-link
 * registry. A plan enabled outside the stack cannot be seen here: waive with that reason.
 */
export const imageVulnerabilityScanning: Rule = (doc) => {
  const registries = doc.resources(REGISTRY);
  if (registries.length === 0) {
    return notApplicable(`no ${REGISTRY} in the stack`);
  }
  const plans = doc
    .resources('azurerm_security_center_subscription_pricing')
    .filter((p) => getPath(p.values, 'resource_type') === 'Containers' && getPath(p.values, 'tier') === 'Standard');
  return fromEvidence(
    registries.flatMap((r) => {
      const restricted = getPath(r.values, 'public_network_access_enabled') === false || blocks(getPath(r.values, 'network_rule_set')).length > 0;
      const bypass = getPath(r.values, 'network_rule_bypass_option');
      return evidenceFor(r, [
        check('', plans.length > 0, `scanned by Defender for Containers (${plans.map((p) => p.address).join(', ')})`, 'no Defender for Containers plan (azurerm_security_center_subscription_pricing Containers/Standard) in the stack: images are not scanned'),
        check(
          'network_rule_bypass_option',
          !restricted || bypass !== 'None',
          restricted ? 'trusted services (Defender) may reach the network-restricted registry' : 'registry reachable for scanning',
          "is 'None': Defender cannot scan a network-restricted registry without the trusted-services bypass",
        ),
      ]);
    }),
  );
};

/**
 * container/allowed-registries-only (registry facet): each registry serves data from dedicated
 * data endpoints (`<name>.<region>.data.azurecr.io`), so an egress firewall can allow exactly this
 * registry instead of a storage wildcard.
 */
export const allowedRegistriesOnly: Rule = forEachResource(REGISTRY, (r) => [
  check('data_endpoint_enabled', getPath(r.values, 'data_endpoint_enabled') === true, 'dedicated data endpoints: the firewall allows exactly this registry', 'no dedicated data endpoints: the firewall must allow a *.blob.core.windows.net wildcard to pull layers'),
]);

/** container/registry-quarantine: each registry quarantines pushed images until they are released. */
export const registryQuarantine: Rule = forEachResource(REGISTRY, (r) => [
  check('quarantine_policy_enabled', getPath(r.values, 'quarantine_policy_enabled') === true, 'quarantine policy enabled', 'quarantine policy not enabled: a pushed image is pullable before it is scanned'),
]);

/** container/registry-rbac: no admin user, no anonymous pull, no repository tokens: Entra ID roles only. */
export const registryRbac: Rule = forEachResource(REGISTRY, (r, doc) => {
  const tokens = doc.resources('azurerm_container_registry_token').filter((t) => doc.references(getPath(t.values, 'container_registry_name'), r));
  return [
    adminDisabled(r),
    check('anonymous_pull_enabled', getPath(r.values, 'anonymous_pull_enabled') !== true, 'anonymous pull disabled', 'anonymous pull enabled: anyone reaching the registry can pull'),
    check('', tokens.length === 0, 'no repository-scoped tokens (passwords)', `repository-scoped tokens with passwords: ${tokens.map((t) => t.address).join(', ')}`),
  ];
});

/** container/registry-network-segmentation: public access off and at least one private endpoint. */
export const registryNetworkSegmentation: Rule = forEachResource(REGISTRY, (r, doc) => {
  const endpoints = registryEndpoints(doc, r);
  return [
    publicAccessOff(r),
    check('', endpoints.length > 0, `private endpoints: ${endpoints.map((e) => e.address).join(', ')}`, 'no private endpoint: clients cannot reach the registry through the VNet'),
  ];
});

/**
 * network/private-registry-endpoint (registry facet): public access off and a private endpoint
 * on the `registry` subresource with a DNS zone group, so names resolve to the private IPs.
 */
export const privateRegistryEndpoint: Rule = forEachResource(REGISTRY, (r, doc) => {
  const endpoints = registryEndpoints(doc, r).filter((e) =>
    blocks(getPath(e.values, 'private_service_connection')).some((c) => pointsAt(doc, c.private_connection_resource_id, r) && strings(c.subresource_names).includes('registry')),
  );
  const withDns = endpoints.filter((e) => blocks(getPath(e.values, 'private_dns_zone_group')).some((g) => strings(g.private_dns_zone_ids).length > 0));
  return [
    publicAccessOff(r),
    check('', endpoints.length > 0, `private endpoint on subresource 'registry': ${endpoints.map((e) => e.address).join(', ')}`, "no private endpoint on subresource 'registry'"),
    check('', endpoints.length > 0 && withDns.length === endpoints.length, 'each endpoint registers in a private DNS zone group', 'a registry endpoint has no private_dns_zone_group: the login server resolves to the public IP'),
  ];
});
