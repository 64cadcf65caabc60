import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { App, TerraformStack, Testing } from 'cdktf';
import { getPath, JsonObject, TerraformDocument, TfBlock } from '../../lib/core/terraform-document';
import { CustomerKeyDiskEncryption, keyVaultProviderFeatures, kmsKeyManagementService, SecureKeyVault, VaultKey, WorkloadIdentity } from '../../lib/key-vault';
import { describeItem } from '../support/items';
import { mutate, synthDoc } from '../support/synth';
import { PLACE, platform, TENANT_ID, vaultProps, VNET_ID, WORKSPACE_ID } from './fixtures';

const one = (doc: TerraformDocument, type: string): TfBlock => {
  const found = doc.resources(type);
  expect(found).toHaveLength(1);
  return found[0];
};
const roles = (doc: TerraformDocument): string[] => doc.resources('azurerm_role_assignment').map((r) => String(r.values.role_definition_name)).sort();
const resourcesOf = (json: any, type: string): any[] => Object.values(json.resource[type] ?? {});
const newStack = (): TerraformStack => new TerraformStack(Testing.app(), 'bad');
const VERSIONED = 'https://kv-platform-weu.vault.azure.net/keys/aks-etcd-kms/0123456789abcdef0123456789abcdef';

describe('SecureKeyVault synthesizes a hardened vault', () => {
  const doc = synthDoc((stack) => new SecureKeyVault(stack, 'Vault', vaultProps()));
  const vault = one(doc, 'azurerm_key_vault');

  test('RBAC, purge protection, retention, no public access, deny-by-default ACLs with every nested key', () => {
    expect(vault.values).toMatchObject({
      name: 'kv-platform-weu',
      sku_name: 'standard',
      tenant_id: TENANT_ID,
      rbac_authorization_enabled: true,
      purge_protection_enabled: true,
      soft_delete_retention_days: 90,
      public_network_access_enabled: false,
      network_acls: { default_action: 'Deny', bypass: 'AzureServices', ip_rules: [], virtual_network_subnet_ids: [] },
    });
    expect(vault.values).not.toHaveProperty('enable_rbac_authorization');
    expect(vault.values).not.toHaveProperty('access_policy');
  });

  test('private endpoint on subresource vault, with a created privatelink zone linked to the VNet', () => {
    const pe = one(doc, 'azurerm_private_endpoint');
    expect(pe.values.private_service_connection).toEqual({
      name: 'kv-platform-weu-vault',
      is_manual_connection: false,
      private_connection_resource_id: `\${${vault.address}.id}`,
      subresource_names: ['vault'],
    });
    const zone = one(doc, 'azurerm_private_dns_zone');
    expect(zone.values.name).toBe('privatelink.vaultcore.azure.net');
    expect(getPath(pe.values, 'private_dns_zone_group.private_dns_zone_ids')).toEqual([`\${${zone.address}.id}`]);
    expect(one(doc, 'azurerm_private_dns_zone_virtual_network_link').values).toMatchObject({
      registration_enabled: false,
      private_dns_zone_name: `\${${zone.address}.name}`,
      virtual_network_id: VNET_ID,
    });
  });

  test('audit events and metrics go to the workspace', () => {
    const diag = one(doc, 'azurerm_monitor_diagnostic_setting');
    expect(diag.values).toMatchObject({
      log_analytics_workspace_id: WORKSPACE_ID,
      enabled_log: [{ category: 'AuditEvent' }, { category: 'AzurePolicyEvaluationDetails' }],
      enabled_metric: [{ category: 'AllMetrics' }],
    });
    expect(doc.references(diag.values.target_resource_id, vault)).toBe(true);
  });

  test('the deployer gets Key Vault Crypto Officer (AKS KMS docs) and nothing else is granted by default', () => {
    expect(roles(doc)).toEqual(['Key Vault Crypto Officer']);
  });

  test('a hub zone id replaces the created zone', () => {
    const zoneId = '/subscriptions/0/resourceGroups/rg-hub/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net';
    const hub = synthDoc((stack) => new SecureKeyVault(stack, 'Vault', vaultProps({ privateEndpoint: { subnetId: 'snet', privateDnsZoneId: zoneId } })));
    expect(hub.resources('azurerm_private_dns_zone')).toHaveLength(0);
    expect(getPath(one(hub, 'azurerm_private_endpoint').values, 'private_dns_zone_group.private_dns_zone_ids')).toEqual([zoneId]);
  });

  test('public access is an explicit, waived loosening that keeps deny-by-default', () => {
    const open = synthDoc((stack) => new SecureKeyVault(stack, 'Vault', vaultProps({ publicNetworkAccess: { allowedIpRanges: ['203.0.113.0/28'], reason: 'deployer runs on a hosted agent for now' } })));
    const v = one(open, 'azurerm_key_vault');
    expect(v.values).toMatchObject({ public_network_access_enabled: true, network_acls: { default_action: 'Deny', ip_rules: ['203.0.113.0/28'] } });
    expect(getPath(open.json['//'], 'metadata.aksChecklist.waivers')).toEqual([{ item: 'operations/key-vault', path: 'test/Vault', reason: 'deployer runs on a hosted agent for now' }]);
  });
});

test('a vault opened to public access gives KMS public network access and no private-link grant', () => {
  const doc = synthDoc((stack) => {
    const vault = new SecureKeyVault(stack, 'Vault', vaultProps({ publicNetworkAccess: { allowedIpRanges: ['203.0.113.10'], reason: 'deployer outside the network' } }));
    expect(vault.kmsNetworkAccess).toBe('Public');
    vault.grantEtcdEncryption('55555555-5555-5555-5555-555555555555');
  });
  expect(roles(doc)).toEqual(['Key Vault Crypto Officer', 'Key Vault Crypto User']);
});

describe('platform wiring: KMS key, disk encryption set, secrets provider and workload identity', () => {
  const doc = synthDoc((stack) => platform(stack));

  test('role assignments are those AKS documents', () => {
    expect(roles(doc)).toEqual([
      'Key Vault Contributor',
      'Key Vault Crypto Officer',
      'Key Vault Crypto Service Encryption User',
      'Key Vault Crypto User',
      'Key Vault Secrets User',
      'Reader',
    ]);
    const kmsUser = doc.resources('azurerm_role_assignment').find((r) => r.values.role_definition_name === 'Key Vault Crypto User') as TfBlock;
    expect(kmsUser.values).toMatchObject({ principal_type: 'ServicePrincipal', principal_id: '${azurerm_user_assigned_identity.ControlPlane.principal_id}' });
  });

  test('the etcd key is RSA 2048 with automatic rotation, and the cluster gets its VERSIONED id over private access', () => {
    const keys = doc.resources('azurerm_key_vault_key');
    const etcd = keys.find((k) => k.values.name === 'aks-etcd-kms') as TfBlock;
    expect(etcd.values).toMatchObject({
      key_type: 'RSA',
      key_size: 2048,
      key_opts: ['encrypt', 'decrypt'],
      rotation_policy: { automatic: { time_after_creation: 'P180D' }, expire_after: 'P2Y', notify_before_expiry: 'P30D' },
    });
    const officer = doc.resources('azurerm_role_assignment').find((r) => r.values.role_definition_name === 'Key Vault Crypto Officer') as TfBlock;
    // The VNet link too: until it exists the runner resolves the vault's public (disabled) endpoint.
    expect(etcd.values.depends_on).toEqual([one(doc, 'azurerm_private_endpoint').address, one(doc, 'azurerm_private_dns_zone_virtual_network_link').address, officer.address]);
    const cluster = one(doc, 'azurerm_kubernetes_cluster');
    expect(cluster.values.key_management_service).toEqual({ key_vault_key_id: `\${${etcd.address}.id}`, key_vault_network_access: 'Private' });
  });

  test('the disk encryption set uses a pre-authorized user-assigned identity and the versionless key', () => {
    const des = one(doc, 'azurerm_disk_encryption_set');
    const desKey = doc.resources('azurerm_key_vault_key').find((k) => k.values.name === 'des-platform-weu-key') as TfBlock;
    expect(des.values).toMatchObject({
      auto_key_rotation_enabled: true,
      encryption_type: 'EncryptionAtRestWithCustomerKey',
      key_vault_key_id: `\${${desKey.address}.versionless_id}`,
      identity: { type: 'UserAssigned' },
    });
    expect(desKey.values.key_opts).toEqual(['wrapKey', 'unwrapKey']);
    const access = doc.resources('azurerm_role_assignment').find((r) => r.values.role_definition_name === 'Key Vault Crypto Service Encryption User') as TfBlock;
    expect(des.values.depends_on).toEqual([access.address]);
    expect(one(doc, 'azurerm_kubernetes_cluster').values.disk_encryption_set_id).toBe(`\${${des.address}.id}`);
  });

  test('the workload identity federates the cluster issuer for payments/payments-api', () => {
    const fic = one(doc, 'azurerm_federated_identity_credential');
    expect(fic.values).toMatchObject({
      name: 'payments-payments-api',
      audience: ['api://AzureADTokenExchange'],
      subject: 'system:serviceaccount:payments:payments-api',
      issuer: '${azurerm_kubernetes_cluster.Cluster.oidc_issuer_url}',
    });
    const parent = doc.referencedBlocks(fic.values.parent_id, 'azurerm_user_assigned_identity');
    expect(parent.map((p) => p.values.name)).toEqual(['id-payments']);
  });

  test('no secret in the synthesized JSON', () => {
    const text = JSON.stringify(doc.json);
    expect(text).not.toMatch(/password|client_secret|access_key|connection_string|instrumentation_key/i);
  });
});

describeItem('operations/key-vault', {
  compliant: { 'SecureKeyVault defaults': () => synthDoc((stack) => new SecureKeyVault(stack, 'Vault', vaultProps())) },
  nonCompliant: {
    'public network access opened (waiver aside)': () => synthDoc((stack) => new SecureKeyVault(stack, 'Vault', vaultProps({ publicNetworkAccess: { allowedIpRanges: ['203.0.113.10'], reason: 'deployer outside the network' } }))),
    'purge protection off': () => mutate(synthDoc((stack) => new SecureKeyVault(stack, 'Vault', vaultProps())), (json) => resourcesOf(json, 'azurerm_key_vault').forEach((v) => (v.purge_protection_enabled = false))),
    'access policies instead of RBAC': () => mutate(synthDoc((stack) => new SecureKeyVault(stack, 'Vault', vaultProps())), (json) => resourcesOf(json, 'azurerm_key_vault').forEach((v) => delete v.rbac_authorization_enabled)),
    'no private endpoint (raw vault)': () =>
      synthDoc((stack) => new KeyVault(stack, 'Raw', { ...PLACE, name: 'kv-raw', tenantId: TENANT_ID, skuName: 'standard', rbacAuthorizationEnabled: true, purgeProtectionEnabled: true, softDeleteRetentionDays: 7, publicNetworkAccessEnabled: false, networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices' } })),
  },
  notApplicable: { 'no vault': () => synthDoc(() => undefined) },
});

describeItem('development/secrets-in-key-vault', {
  compliant: { 'platform: secrets provider identity is a Key Vault Secrets User': () => synthDoc((stack) => platform(stack)) },
  nonCompliant: {
    'vault alone: nobody can read secrets': () => synthDoc((stack) => new SecureKeyVault(stack, 'Vault', vaultProps())),
    'Secrets User assignment removed': () =>
      mutate(synthDoc((stack) => platform(stack)), (json) => {
        for (const [name, ra] of Object.entries<any>(json.resource.azurerm_role_assignment)) {
          if (ra.role_definition_name === 'Key Vault Secrets User') {
            delete json.resource.azurerm_role_assignment[name];
          }
        }
      }),
  },
});

describeItem('cluster-setup/etcd-encryption-own-key', {
  compliant: { 'platform: KMS key with rotation and Crypto User grant': () => synthDoc((stack) => platform(stack)) },
  nonCompliant: {
    'key without rotation policy': () => mutate(synthDoc((stack) => platform(stack)), (json) => resourcesOf(json, 'azurerm_key_vault_key').forEach((k) => delete k.rotation_policy)),
    'key of 1024 bits': () => mutate(synthDoc((stack) => platform(stack)), (json) => resourcesOf(json, 'azurerm_key_vault_key').forEach((k) => (k.key_size = 1024))),
    'Crypto User not granted to the control-plane identity': () =>
      mutate(synthDoc((stack) => platform(stack)), (json) => {
        for (const ra of resourcesOf(json, 'azurerm_role_assignment')) {
          if (ra.role_definition_name === 'Key Vault Crypto User') {
            ra.principal_id = '33333333-3333-3333-3333-333333333333';
          }
        }
      }),
    'public KMS access to a private vault': () => mutate(synthDoc((stack) => platform(stack)), (json) => resourcesOf(json, 'azurerm_kubernetes_cluster').forEach((c) => (c.key_management_service.key_vault_network_access = 'Public'))),
    'cluster without KMS': () =>
      synthDoc(
        (stack) =>
          new KubernetesCluster(stack, 'Cluster', { ...PLACE, name: 'aks', dnsPrefix: 'aks', defaultNodePool: { name: 'system', vmSize: 'Standard_D4ds_v5', nodeCount: 1 }, identity: { type: 'SystemAssigned' } }),
      ),
  },
  notApplicable: { 'vault without cluster': () => synthDoc((stack) => new SecureKeyVault(stack, 'Vault', vaultProps())) },
});

describeItem('development/workload-identity', {
  compliant: { 'platform: WorkloadIdentity on the cluster issuer': () => synthDoc((stack) => platform(stack)) },
  nonCompliant: {
    'wrong audience': () => mutate(synthDoc((stack) => platform(stack)), (json) => resourcesOf(json, 'azurerm_federated_identity_credential').forEach((f) => (f.audience = ['api://other']))),
    'cluster without workload identity': () => mutate(synthDoc((stack) => platform(stack)), (json) => resourcesOf(json, 'azurerm_kubernetes_cluster').forEach((c) => (c.workload_identity_enabled = false))),
    'subject is not a service account': () => mutate(synthDoc((stack) => platform(stack)), (json) => resourcesOf(json, 'azurerm_federated_identity_credential').forEach((f) => (f.subject = 'repo:org/app:ref:refs/heads/main'))),
  },
  notApplicable: { 'no federated credential': () => synthDoc((stack) => new SecureKeyVault(stack, 'Vault', vaultProps())) },
});

describe('bad input is rejected with the construct, the prop and the fix', () => {
  test.each(['kv', '1kv-platform', 'kv--platform', 'kv-platform-weu-with-a-long-name', 'kv_platform', 'kv-platform-'])('vault name %s', (name) => {
    expect(() => new SecureKeyVault(newStack(), 'Vault', vaultProps({ name }))).toThrow(/SecureKeyVault(?: '[^']+')?: prop 'name' = .* is not a valid Key Vault name/);
  });

  test.each([6, 91, 30.5])('soft-delete retention %s days', (days) => {
    expect(() => new SecureKeyVault(newStack(), 'Vault', vaultProps({ softDeleteRetentionDays: days }))).toThrow(/SecureKeyVault(?: '[^']+')?: prop 'softDeleteRetentionDays' = .*7 to 90/);
  });

  test('a created DNS zone with no linked VNet', () => {
    expect(() => new SecureKeyVault(newStack(), 'Vault', vaultProps({ privateEndpoint: { subnetId: 'snet' } }))).toThrow(/SecureKeyVault(?: '[^']+')?: prop 'privateEndpoint.virtualNetworkIds'/);
  });

  test('a DNS zone that is not the Key Vault zone', () => {
    expect(() => new SecureKeyVault(newStack(), 'Vault', vaultProps({ privateEndpoint: { subnetId: 'snet', privateDnsZoneId: '/x/privateDnsZones/privatelink.azurecr.io' } }))).toThrow(
      /SecureKeyVault(?: '[^']+')?: prop 'privateEndpoint.privateDnsZoneId'.*privatelink.vaultcore.azure.net/,
    );
  });

  test('public access without a real reason', () => {
    expect(() => new SecureKeyVault(newStack(), 'Vault', vaultProps({ publicNetworkAccess: { allowedIpRanges: ['203.0.113.10'], reason: 'ci' } }))).toThrow(/SecureKeyVault(?: '[^']+')?: prop 'publicNetworkAccess.reason' = 'ci'/);
  });

  test('a public access range that is not an address', () => {
    expect(() => new SecureKeyVault(newStack(), 'Vault', vaultProps({ publicNetworkAccess: { allowedIpRanges: ['10.0.0.1/16'], reason: 'deployer outside the network' } }))).toThrow(
      /SecureKeyVault(?: '[^']+')?: prop 'publicNetworkAccess.allowedIpRanges\[0\]' = '10.0.0.1\/16' has host bits set/,
    );
  });

  const open = (allowedIpRanges: string[]) => () => new SecureKeyVault(newStack(), 'Vault', vaultProps({ publicNetworkAccess: { allowedIpRanges, reason: 'deployer outside the network' } }));
  test.each(['10.0.0.0/8', '192.168.1.10', '172.16.0.0/12'])('a private range %s in the vault firewall (Key Vault takes public addresses only)', (range) => {
    expect(open(['203.0.113.10', range])).toThrow(/SecureKeyVault 'Vault': prop 'publicNetworkAccess.allowedIpRanges\[1\]' = .* is a private range: Key Vault IP rules take public addresses only.*Fix: list the public egress addresses/);
  });
  test('the whole Internet in the vault firewall, as 0.0.0.0/0 or as halves', () => {
    expect(open(['0.0.0.0/0'])).toThrow(/prop 'publicNetworkAccess.allowedIpRanges' = \["0.0.0.0\/0"\] contains 0.0.0.0\/0: the vault would be open to the whole Internet/);
    expect(open(['0.0.0.0/1', '128.0.0.0/1'])).toThrow(/together cover every public address: the vault would be open to the whole Internet/);
    expect(open(['203.0.113.0/28'])).not.toThrow();
  });
  test('ids that are not GUIDs, and a region that does not exist', () => {
    expect(() => new SecureKeyVault(newStack(), 'Vault', vaultProps({ tenantId: 'contoso.onmicrosoft.com' }))).toThrow(/SecureKeyVault 'Vault': prop 'tenantId' = 'contoso.onmicrosoft.com' is not a GUID\. Fix: give the Entra tenant id as a GUID/);
    expect(() => new SecureKeyVault(newStack(), 'Vault', vaultProps({ keyOfficerPrincipalIds: ['deployer@contoso.com'] }))).toThrow(/prop 'keyOfficerPrincipalIds\[0\]' = 'deployer@contoso.com' is not a GUID/);
    expect(() => new SecureKeyVault(newStack(), 'Vault', vaultProps()).grantSecretsRead('csi-driver')).toThrow(/SecureKeyVault 'Vault': prop 'principalId' = 'csi-driver' is not a GUID/);
    expect(() => new SecureKeyVault(newStack(), 'Vault', vaultProps({ location: 'westeurop' }))).toThrow(/SecureKeyVault 'Vault': prop 'location' = 'westeurop' is not an Azure region\. Fix: did you mean 'westeurope'/);
  });

  test('key size below 2048', () => {
    const vault = new SecureKeyVault(newStack(), 'Vault', vaultProps());
    expect(() => vault.addKey('Small', { name: 'small', keySize: 1024 as never })).toThrow(/VaultKey(?: '[^']+')?: prop 'keySize' = 1024 .*Fix: use 2048, 3072 or 4096/);
    expect(() => vault.addEtcdEncryptionKey({ keySize: 1024 as never })).toThrow(/^SecureKeyVault.addEtcdEncryptionKey 'Vault\/etcd-key': prop 'keySize' = 1024/);
  });

  test('an HSM key in a standard vault (Key Vault holds RSA-HSM keys in premium vaults only)', () => {
    const vault = new SecureKeyVault(newStack(), 'Vault', vaultProps());
    expect(() => vault.addKey('Hsm', { name: 'hsm', hsm: true })).toThrow(/SecureKeyVault\.addKey 'Vault': prop 'hsm' = true .*premium.*Fix: set the vault's sku to 'premium'/);
    expect(() => vault.addEtcdEncryptionKey({ hsm: true })).toThrow(/SecureKeyVault\.addEtcdEncryptionKey 'Vault': prop 'hsm' = true/);
    const stack = newStack();
    new SecureKeyVault(stack, 'Vault', vaultProps({ sku: 'premium' })).addKey('Hsm', { name: 'hsm', hsm: true });
    expect(resourcesOf(JSON.parse(Testing.synth(stack)), 'azurerm_key_vault_key')[0].key_type).toBe('RSA-HSM');
  });

  test('a rotation that lets a KMS key version expire before the next rotation', () => {
    const vault = new SecureKeyVault(newStack(), 'Vault', vaultProps());
    expect(() => vault.addEtcdEncryptionKey({ rotation: { rotateAfter: 'P180D', expireAfter: 'P200D' } })).toThrow(/SecureKeyVault\.addEtcdEncryptionKey 'Vault': prop 'rotation.expireAfter' = 'P200D'.*twice the rotation period/);
  });

  test('a malformed or too short rotation duration', () => {
    const vault = new SecureKeyVault(newStack(), 'Vault', vaultProps());
    expect(() => vault.addKey('K1', { name: 'k1', rotation: { expireAfter: '2 years' } })).toThrow(/VaultKey(?: '[^']+')?: prop 'rotation.expireAfter' = '2 years' is not an ISO 8601 duration/);
    expect(() => vault.addKey('K2', { name: 'k2', rotation: { expireAfter: 'P10D', rotateAfter: 'P7D' } })).toThrow(/VaultKey(?: '[^']+')?: prop 'rotation.expireAfter' = 'P10D' is shorter than the minimum of 28 days/);
  });

  test('a versionless key id where AKS KMS needs the version', () => {
    expect(() => kmsKeyManagementService('https://kv-platform-weu.vault.azure.net/keys/aks-etcd-kms')).toThrow(/kmsKeyManagementService: prop 'keyVaultKeyId' = .* has no key version.*Fix: pass VaultKey.keyId/);
    expect(kmsKeyManagementService(VERSIONED)).toEqual({ keyVaultKeyId: VERSIONED, keyVaultNetworkAccess: 'Private' });
  });

  test('a versioned key id where automatic rotation needs a versionless one', () => {
    const stack = newStack();
    const vault = new SecureKeyVault(stack, 'Vault', vaultProps());
    expect(() => new CustomerKeyDiskEncryption(stack, 'Des', { ...PLACE, name: 'des', keyVault: vault, keyVaultKeyId: VERSIONED })).toThrow(/CustomerKeyDiskEncryption(?: '[^']+')?: prop 'keyVaultKeyId' = .* versionless/);
  });

  test.each([
    ['namespace', 'Payments', 'payments-api'],
    ['namespace', 'payments_ns', 'payments-api'],
    ['namespace', 'a'.repeat(64), 'payments-api'],
    ['serviceAccount', 'payments', 'Payments API'],
    ['serviceAccount', 'payments', '-api'],
  ])('workload identity %s (%s / %s)', (prop, namespace, serviceAccount) => {
    expect(() => new WorkloadIdentity(newStack(), 'Wi', { ...PLACE, name: 'id-payments', oidcIssuerUrl: 'https://oidc.example/issuer/', namespace, serviceAccount })).toThrow(
      new RegExp(`WorkloadIdentity(?: '[^']+')?: prop '${prop}'.*DNS-1123`),
    );
  });

  test('a 21st federated credential on one identity', () => {
    const wi = new WorkloadIdentity(newStack(), 'Wi', { ...PLACE, name: 'id-payments', oidcIssuerUrl: 'https://oidc.example/issuer/', namespace: 'ns0', serviceAccount: 'sa' });
    for (let i = 1; i < 20; i++) {
      wi.federate(`ns${i}`, 'sa');
    }
    expect(() => wi.federate('ns20', 'sa')).toThrow(/WorkloadIdentity(?: '[^']+')?: prop 'serviceAccount' = 'ns20\/sa' would be federated credential number 21/);
  });

  test('an issuer that is not https', () => {
    expect(() => new WorkloadIdentity(newStack(), 'Wi', { ...PLACE, name: 'id-payments', oidcIssuerUrl: 'http://oidc.example/', namespace: 'payments', serviceAccount: 'api' })).toThrow(/WorkloadIdentity(?: '[^']+')?: prop 'oidcIssuerUrl'/);
  });
});

test('tokens skip synth-time checks', () => {
  const app: App = Testing.app();
  const stack = new TerraformStack(app, 'tokens');
  const vault = new SecureKeyVault(stack, 'Vault', vaultProps());
  const key = new VaultKey(stack, 'Key', { keyVault: vault, name: 'k' });
  expect(() => kmsKeyManagementService(key.keyId)).not.toThrow();
  expect(() => kmsKeyManagementService(key.versionlessKeyId)).not.toThrow();
});

describe('keyVaultProviderFeatures', () => {
  test('rehearsal purges where it can and recovers soft-deleted vaults and keys', () => {
    expect(keyVaultProviderFeatures('rehearsal').keyVault).toEqual([
      expect.objectContaining({ purgeSoftDeleteOnDestroy: true, purgeSoftDeletedKeysOnDestroy: true, recoverSoftDeletedKeyVaults: true, recoverSoftDeletedKeys: true }),
    ]);
  });

  test('production never purges, and recovers', () => {
    const [kv] = keyVaultProviderFeatures('production').keyVault as JsonObject[];
    expect(kv).toMatchObject({ purgeSoftDeleteOnDestroy: false, purgeSoftDeletedKeysOnDestroy: false, purgeSoftDeletedSecretsOnDestroy: false, recoverSoftDeletedKeyVaults: true, recoverSoftDeletedKeys: true });
  });
});

describe('SecureKeyVault grants', () => {
  test('take an identity or a principal id; a second grantSecretsRead gets the next free id', () => {
    const doc = synthDoc((stack) => {
      const vault = new SecureKeyVault(stack, 'Vault', vaultProps());
      vault.grantSecretsRead({ principalId: '11111111-1111-1111-1111-111111111111' });
      vault.grantSecretsRead('22222222-2222-2222-2222-222222222222');
    });
    const readers = doc.resources('azurerm_role_assignment').filter((r) => r.values.role_definition_name === 'Key Vault Secrets User');
    expect(readers.map((r) => r.values.principal_id).sort()).toEqual(['11111111-1111-1111-1111-111111111111', '22222222-2222-2222-2222-222222222222']);
  });
});
