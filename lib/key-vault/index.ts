/** Key Vault, KMS key, disk encryption set and workload identity. */
export * from './secure-key-vault';
export * from './vault-key';
export * from './disk-encryption';
export * from './workload-identity';
export * from './provider-features';
export { grantRole } from './roles';
export type { BuiltInRole, RoleGrant } from './roles';
export { keyVaultHardened, secretsInKeyVault, etcdKeyInKeyVault, workloadIdentityFederation } from './rules';
