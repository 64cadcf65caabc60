/**
 * Checklist rules of the key-vault concern. Pure functions over Terraform JSON: they read
 * azurerm resources and the `${...}` references between them, never provider bindings.
 */
import { getPath, JsonValue, strings, TerraformDocument, TfBlock } from '../core/terraform-document';
import { Check, check, equals, forEachResource, present } from '../checklist/rule-kit';
import type { Rule } from '../checklist/types';

/** Built-in role definition ids (GUIDs), for assignments written with `role_definition_id`. */
const ROLE_IDS: Readonly<Record<string, string>> = {
  'Key Vault Secrets User': '4633458b-17de-408a-b874-0445c86b69e6',
  'Key Vault Crypto User': '12338af0-0e69-4776-bea7-57ae8d297424',
};

/** Whether a role assignment grants the named built-in role. */
function grantsRole(assignment: TfBlock, role: string): boolean {
  const name = getPath(assignment.values, 'role_definition_name');
  if (typeof name === 'string') {
    return name.toLowerCase() === role.toLowerCase();
  }
  const id = getPath(assignment.values, 'role_definition_id');
  const guid = ROLE_IDS[role];
  return typeof id === 'string' && guid !== undefined && id.toLowerCase().endsWith(guid);
}

/** Role assignments of `role` whose scope references one of `targets`. */
function assignmentsOn(doc: TerraformDocument, targets: readonly TfBlock[], role: string): TfBlock[] {
  return doc
    .resources('azurerm_role_assignment')
    .filter((ra) => grantsRole(ra, role) && targets.some((t) => doc.references(getPath(ra.values, 'scope'), t)));
}

/** Whether a vault authorizes data access with Azure RBAC (either attribute spelling). */
function rbacEnabled(vault: TfBlock): boolean {
  return getPath(vault.values, 'rbac_authorization_enabled') === true || getPath(vault.values, 'enable_rbac_authorization') === true;
}

function rbacCheck(vault: TfBlock): Check {
  return check('rbac_authorization_enabled', rbacEnabled(vault), 'Azure RBAC authorizes data access', 'is not true: access policies authorize data access, set rbac_authorization_enabled = true');
}

function privateEndpointCheck(doc: TerraformDocument, vault: TfBlock): Check {
  const endpoints = doc
    .referencing('azurerm_private_endpoint', 'private_service_connection', vault)
    .filter((pe) => strings(getPath(pe.values, 'private_service_connection.subresource_names')).includes('vault'));
  return check(
    '',
    endpoints.length > 0,
    `reached through private endpoint ${endpoints.map((e) => e.address).join(', ')}`,
    "has no private endpoint with subresource 'vault'",
  );
}

function diagnosticsCheck(doc: TerraformDocument, block: TfBlock): Check {
  const settings = doc.referencing('azurerm_monitor_diagnostic_setting', 'target_resource_id', block);
  return check('', settings.length > 0, 'audit logs sent by a diagnostic setting', 'has no diagnostic setting: its audit events are not kept');
}

/** operations/key-vault: each vault uses RBAC, purge protection, a set soft-delete retention, no public access, a private endpoint and audit logs. */
export const keyVaultHardened: Rule = forEachResource('azurerm_key_vault', (vault, doc) => [
  rbacCheck(vault),
  equals(vault, 'purge_protection_enabled', true),
  present(vault, 'soft_delete_retention_days', 'set explicitly'),
  equals(vault, 'public_network_access_enabled', false),
  equals(vault, 'network_acls.default_action', 'Deny'),
  privateEndpointCheck(doc, vault),
  diagnosticsCheck(doc, vault),
]);

/** development/secrets-in-key-vault: each vault uses RBAC and grants "Key Vault Secrets User" to the identity that reads secrets. */
export const secretsInKeyVault: Rule = forEachResource('azurerm_key_vault', (vault, doc) => {
  const readers = assignmentsOn(doc, [vault], 'Key Vault Secrets User');
  return [
    rbacCheck(vault),
    check(
      '',
      readers.length > 0,
      `"Key Vault Secrets User" granted by ${readers.map((r) => r.address).join(', ')}`,
      'grants "Key Vault Secrets User" to nobody: no secrets provider or workload identity can read it',
    ),
  ];
});

function keyChecks(doc: TerraformDocument, cluster: TfBlock, key: TfBlock): Check[] {
  const type = getPath(key.values, 'key_type');
  const size = getPath(key.values, 'key_size');
  const automatic = getPath(key.values, 'rotation_policy.automatic');
  const expiry = getPath(key.values, 'rotation_policy.expire_after') ?? getPath(key.values, 'expiration_date');
  const vaults = doc.referencedBlocks(getPath(key.values, 'key_vault_id'), 'azurerm_key_vault');
  const identities = doc.referencedBlocks(getPath(cluster.values, 'identity.identity_ids'), 'azurerm_user_assigned_identity');
  const cryptoUsers = assignmentsOn(doc, [...vaults, key], 'Key Vault Crypto User').filter((ra) =>
    doc.referencedBlocks(getPath(ra.values, 'principal_id'), 'azurerm_user_assigned_identity').some((i) => identities.includes(i)),
  );
  const privateVault = vaults.some((v) => getPath(v.values, 'public_network_access_enabled') === false);
  const access = getPath(cluster.values, 'key_management_service.key_vault_network_access') ?? 'Public';
  return [
    check('key_management_service', type === 'RSA' || type === 'RSA-HSM', `KMS key ${key.address} is ${type}`, `KMS key ${key.address} is ${describe(type)}, expected RSA or RSA-HSM`),
    check('key_management_service', typeof size === 'number' && size >= 2048, `KMS key size is ${describe(size)} bits`, `KMS key size is ${describe(size)}, expected 2048 bits or more`),
    check(
      'key_management_service',
      automatic !== undefined && automatic !== null && expiry !== undefined && expiry !== null,
      'KMS key rotates automatically and its versions expire',
      `KMS key ${key.address} has no automatic rotation policy with an expiry`,
    ),
    check(
      'identity',
      cryptoUsers.length > 0,
      `control-plane identity holds "Key Vault Crypto User" (${cryptoUsers.map((r) => r.address).join(', ')})`,
      'no user-assigned control-plane identity of the cluster holds "Key Vault Crypto User" on the KMS key or its vault',
    ),
    check(
      'key_management_service.key_vault_network_access',
      !privateVault || access === 'Private',
      `KMS reaches the vault over ${describe(access)} access`,
      `the KMS vault has no public access but key_vault_network_access is ${describe(access)}, expected "Private"`,
    ),
  ];
}

/** cluster-setup/etcd-encryption-own-key (key-vault facet): the cluster's KMS key is RSA 2048+, rotates, and the control-plane identity may use it. */
export const etcdKeyInKeyVault: Rule = forEachResource('azurerm_kubernetes_cluster', (cluster, doc) => {
  const keyId = getPath(cluster.values, 'key_management_service.key_vault_key_id');
  if (keyId === undefined || keyId === null) {
    return [check('key_management_service', false, '', 'is not set: etcd is encrypted with Microsoft-managed keys only')];
  }
  const keys = doc.referencedBlocks(keyId, 'azurerm_key_vault_key');
  if (keys.length === 0) {
    return [check('key_management_service.key_vault_key_id', true, 'KMS uses a key managed outside this stack', '')];
  }
  return keys.flatMap((key) => keyChecks(doc, cluster, key));
});

/** The subject of a federated credential for a Kubernetes service account. */
const SA_SUBJECT = /^system:serviceaccount:[a-z0-9]([-a-z0-9]*[a-z0-9])?:[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/** development/workload-identity: each federated credential trusts a service account of a cluster's OIDC issuer, with the token exchange audience. */
export const workloadIdentityFederation: Rule = forEachResource('azurerm_federated_identity_credential', (credential, doc) => {
  const subject = getPath(credential.values, 'subject');
  const clusters = doc.referencedBlocks(getPath(credential.values, 'issuer'), 'azurerm_kubernetes_cluster');
  const checks: Check[] = [
    equals(credential, 'audience', ['api://AzureADTokenExchange']),
    check('subject', typeof subject === 'string' && SA_SUBJECT.test(subject), `trusts ${describe(subject)}`, `is ${describe(subject)}, expected system:serviceaccount:<namespace>:<name>`),
    present(credential, 'issuer', 'an OIDC issuer'),
  ];
  for (const cluster of clusters) {
    checks.push(
      check(
        'issuer',
        getPath(cluster.values, 'oidc_issuer_enabled') === true && getPath(cluster.values, 'workload_identity_enabled') === true,
        `issuer of ${cluster.address}, which has workload identity enabled`,
        `issuer of ${cluster.address}, which lacks oidc_issuer_enabled = true and workload_identity_enabled = true`,
      ),
    );
  }
  return checks;
});

function describe(value: JsonValue | undefined): string {
  return value === undefined ? 'not set' : JSON.stringify(value);
}
