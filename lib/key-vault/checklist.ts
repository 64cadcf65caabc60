import { settingsOf } from '../checklist/settings';
import type { ItemFacet } from '../checklist/types';
import type { SecureKeyVault, SecureKeyVaultProps } from './secure-key-vault';
import type { WorkloadIdentity, WorkloadIdentityProps } from './workload-identity';
import { etcdKeyInKeyVault, keyVaultHardened, secretsInKeyVault, workloadIdentityFederation } from './rules';

const secureKeyVault = settingsOf<SecureKeyVaultProps, SecureKeyVault>('SecureKeyVault');
const workloadIdentity = settingsOf<WorkloadIdentityProps, WorkloadIdentity>('WorkloadIdentity');

/** The checklist items this concern delivers, each with its rule (see lib/checklist/types.ts). */
export const keyVaultFacets: readonly ItemFacet[] = [
  {
    id: 'cluster-setup/etcd-encryption-own-key',
    delivery: 'enforced',
    settings: secureKeyVault('addEtcdEncryptionKey', 'grantEtcdEncryption'),
    rule: etcdKeyInKeyVault,
    note:
      'RSA key (2048 bits by default) with automatic rotation; versions live at least two rotation periods because an expired KMS key version stops the API server from decrypting secrets. ' +
      'The cluster needs a user-assigned control-plane identity holding "Key Vault Crypto User" (and "Key Vault Contributor" for a private vault) before KMS is enabled, the VERSIONED key id, and API server VNet integration for a private vault. ' +
      'After Key Vault rotates the key, terraform apply moves the cluster to the new version; then re-encrypt secrets.',
  },
  {
    id: 'development/secrets-in-key-vault',
    delivery: 'enforced',
    settings: secureKeyVault('grantSecretsRead'),
    rule: secretsInKeyVault,
    note: 'Azure RBAC vault; the Secrets Store CSI driver identity (or a workload identity) gets "Key Vault Secrets User" on the vault.',
  },
  {
    id: 'operations/key-vault',
    delivery: 'enforced',
    settings: secureKeyVault(),rule: keyVaultHardened,
    note:
      'RBAC, purge protection, soft-delete retention, no public network access, network ACLs Deny, private endpoint (vault, privatelink.vaultcore.azure.net), AuditEvent logs. ' +
      'Terraform must run from a network that reaches the private endpoint to write keys; publicNetworkAccess (with a reason) is the waived alternative.',
  },
  {
    id: 'development/workload-identity',
    delivery: 'option',
    settings: workloadIdentity('namespace', 'serviceAccount'),
    rule: workloadIdentityFederation,
    note: 'User-assigned identity + federated credential (audience api://AzureADTokenExchange, subject system:serviceaccount:<ns>:<sa>) on the cluster OIDC issuer.',
  },
];
