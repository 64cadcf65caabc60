/**
 * The azurerm provider's Key Vault soft-delete behaviour, chosen per environment kind.
 *
 * Use: `new AzurermProvider(stack, 'azurerm', { features: [keyVaultProviderFeatures('rehearsal')] })`.
 *
 * SecureKeyVault always enables purge protection (AKS KMS and disk encryption sets require it),
 * so a destroyed vault stays soft-deleted for its retention days and its name stays taken; the
 * provider cannot purge it (it skips the purge when purge protection is on). What keeps a
 * whitespace rehearsal (destroy, then create again with the same deterministic names) from
 * colliding is recovery: on create, the provider recovers the soft-deleted vault and its
 * soft-deleted keys and secrets instead of failing on the taken name.
 *
 * - `rehearsal`: recover on create; purge on destroy wherever purge protection does not forbid it
 *   (objects of vaults created without it), so rehearsal leftovers do not pile up.
 * - `production`: recover on create; never purge on destroy (a purged KMS key makes the cluster's
 *   secrets unreadable for good).
 */
import type { AzurermProviderFeatures } from '@cdktf/provider-azurerm/lib/provider';
import type { EnvironmentKind } from '../core/contracts';

/** EnvironmentKind lives in lib/core/contracts (the platform, the provider block and monitoring use it); re-exported. */
export type { EnvironmentKind };

/** The provider `features` block value with its `key_vault` settings for the environment kind. */
export function keyVaultProviderFeatures(mode: EnvironmentKind): AzurermProviderFeatures {
  const purge = mode === 'rehearsal';
  return {
    keyVault: [
      {
        purgeSoftDeleteOnDestroy: purge,
        purgeSoftDeletedKeysOnDestroy: purge,
        purgeSoftDeletedSecretsOnDestroy: purge,
        purgeSoftDeletedCertificatesOnDestroy: purge,
        recoverSoftDeletedKeyVaults: true,
        recoverSoftDeletedKeys: true,
        recoverSoftDeletedSecrets: true,
        recoverSoftDeletedCertificates: true,
      },
    ],
  };
}
