/**
 * `CustomerKeyDiskEncryption`: an `azurerm_disk_encryption_set` with a customer-managed key from a
 * Key Vault, for the cluster's `disk_encryption_set_id` (node OS and data disks).
 *
 * The set uses a user-assigned identity, granted "Key Vault Crypto Service Encryption User" on the
 * vault BEFORE the set is created (a system-assigned identity would only exist after, leaving a
 * window where the set cannot reach its key). The key id is versionless and automatic key rotation
 * is on, so the set follows Key Vault's rotations.
 */
import { DiskEncryptionSet } from '@cdktf/provider-azurerm/lib/disk-encryption-set';
import type { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { Construct } from 'constructs';
import { libraryStack } from '../synth/library-stack';
import type { IManagedIdentity, PlacementProps } from '../core/contracts';
import { grantRole, Principal } from './roles';
import { IKeyVault, isVersionlessKeyUrl, KeyRotationProps, RsaKeySize, VaultKey } from './vault-key';
import { checkPlacement, isToken, requireProp } from '../core/validate';

/** Options of a disk encryption set (SecureKeyVault.addDiskEncryptionSet). */
export interface CustomerKeyDiskEncryptionOptions {
  /** Disk encryption set name: 1-80 characters, alphanumerics, underscores and hyphens. */
  readonly name: string;
  /**
   * Versionless URL of an existing key in the same vault. When given, no key is created.
   * @default a key named `<name>-key` is created in the vault
   */
  readonly keyVaultKeyId?: string;
  /**
   * Size of the created key in bits.
   * @default 2048
   */
  readonly keySize?: RsaKeySize;
  /**
   * Rotation policy of the created key.
   * @default rotate after 180 days, versions expire after 2 years
   */
  readonly rotation?: KeyRotationProps;
}

/** Props of CustomerKeyDiskEncryption. */
export interface CustomerKeyDiskEncryptionProps extends PlacementProps, CustomerKeyDiskEncryptionOptions {
  /** The vault holding the key (must have purge protection, as SecureKeyVault does). */
  readonly keyVault: IKeyVault;
}

const DES_NAME = /^[a-zA-Z0-9_-]{1,80}$/;
const C = 'CustomerKeyDiskEncryption';

/** A disk encryption set with a customer-managed, automatically rotated key. */
export class CustomerKeyDiskEncryption extends Construct {
  /** The `azurerm_disk_encryption_set`. */
  public readonly diskEncryptionSet: DiskEncryptionSet;
  /** Its id: the cluster's `disk_encryption_set_id`. */
  public readonly diskEncryptionSetId: string;
  /** The set's user-assigned identity. */
  public readonly identity: IManagedIdentity;
  /** The key, when this construct created it. */
  public readonly key?: VaultKey;
  /** The role assignment the set depends on. */
  public readonly keyAccess: RoleAssignment;

  public constructor(scope: Construct, id: string, props: CustomerKeyDiskEncryptionProps) {
    super(scope, id);
    libraryStack(this);
    checkPlacement(this, props);
    requireProp(DES_NAME.test(props.name), this, 'name', props.name, 'is not a valid disk encryption set name', 'use 1-80 letters, digits, underscores and hyphens');
    if (props.keyVaultKeyId !== undefined && !isToken(props.keyVaultKeyId)) {
      requireProp(
        isVersionlessKeyUrl(props.keyVaultKeyId),
        this,
        'keyVaultKeyId',
        props.keyVaultKeyId,
        'is not a versionless key URL, and automatic key rotation requires one',
        'pass https://<vault>.vault.azure.net/keys/<name> (VaultKey.versionlessKeyId)',
      );
    }
    const tags = props.tags ? { ...props.tags } : undefined;
    if (props.keyVaultKeyId === undefined) {
      this.key = new VaultKey(
        this,
        'key',
        { keyVault: props.keyVault, name: `${props.name}-key`.replace(/_/g, '-'), keySize: props.keySize, keyOpts: ['wrapKey', 'unwrapKey'], rotation: props.rotation },
        C,
      );
    }
    const uai = new UserAssignedIdentity(this, 'identity', {
      name: `${props.name}-identity`,
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      tags,
    });
    this.identity = { id: uai.id, principalId: uai.principalId, clientId: uai.clientId };
    this.keyAccess = grantRole(this, 'key-access', {
      scope: props.keyVault.keyVaultId,
      role: 'Key Vault Crypto Service Encryption User',
      principalId: uai.principalId,
      principalType: 'ServicePrincipal',
      description: 'Disk encryption set: wrap and unwrap the disk encryption key.',
    });
    this.diskEncryptionSet = new DiskEncryptionSet(this, 'set', {
      name: props.name,
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      keyVaultKeyId: this.key?.versionlessKeyId ?? props.keyVaultKeyId,
      autoKeyRotationEnabled: true,
      encryptionType: 'EncryptionAtRestWithCustomerKey',
      identity: { type: 'UserAssigned', identityIds: [uai.id] },
      tags,
      dependsOn: [this.keyAccess],
    });
    this.diskEncryptionSetId = this.diskEncryptionSet.id;
  }

  /**
   * Grants the cluster's control-plane identity "Reader" on the set: AKS documents that the
   * cluster identity needs read access to the disk encryption set.
   * @param principal the control-plane identity (or its principal id)
   */
  public grantClusterRead(principal: Principal): RoleAssignment {
    return grantRole(this, 'cluster-read', {
      scope: this.diskEncryptionSet.id,
      role: 'Reader',
      principalId: principal,
      principalType: 'ServicePrincipal',
      description: 'AKS cluster identity: read the disk encryption set for node disks.',
    });
  }
}
