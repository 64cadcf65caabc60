/**
 * Keys in a Key Vault: RSA, a set size, and a rotation policy with automatic rotation and an
 * expiry, so a key never lives unrotated. `kmsKeyManagementService` builds the cluster's
 * `key_management_service` block and rejects a versionless key id, which AKS KMS does not accept.
 */
import type { KubernetesClusterKeyManagementService } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { KeyVaultKey } from '@cdktf/provider-azurerm/lib/key-vault-key';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { atScope, checkIsoDuration, ErrorSubject, isToken, requireProp } from '../core/validate';
import { libraryStack } from '../synth/library-stack';

/** What a key needs from its vault. Implemented by SecureKeyVault. */
export interface IKeyVault {
  /** Resource id of the vault. */
  readonly keyVaultId: string;
  /**
   * What must exist before Terraform can write a key: the private endpoint and its DNS record,
   * and the role assignments that let the deploying principal create keys.
   */
  readonly dataPlaneDependables: readonly ITerraformDependable[];
}

/** A key's rotation policy (Key Vault `rotation_policy`). */
export interface KeyRotationProps {
  /**
   * ISO 8601 duration after a version's creation at which Key Vault creates the next version.
   * @default 'P180D'
   */
  readonly rotateAfter?: string;
  /**
   * ISO 8601 duration after which a version expires (at least 28 days).
   * @default 'P2Y'
   */
  readonly expireAfter?: string;
  /**
   * ISO 8601 duration before expiry at which Event Grid notifies (at least 7 days).
   * @default 'P30D'
   */
  readonly notifyBeforeExpiry?: string;
}

/** A rotation policy with its defaults filled in (the `@default`s above): what Key Vault gets and what the checks judge. */
function withRotationDefaults(rotation: KeyRotationProps = {}): Required<KeyRotationProps> {
  return { rotateAfter: rotation.rotateAfter ?? 'P180D', expireAfter: rotation.expireAfter ?? 'P2Y', notifyBeforeExpiry: rotation.notifyBeforeExpiry ?? 'P30D' };
}

/** The allowed RSA key sizes. */
export type RsaKeySize = 2048 | 3072 | 4096;

/** Operations a key may be used for (Key Vault `key_opts`). */
export type KeyOperation = 'encrypt' | 'decrypt' | 'wrapKey' | 'unwrapKey' | 'sign' | 'verify';

/** Props of VaultKey. */
export interface VaultKeyProps {
  /** The vault the key lives in. */
  readonly keyVault: IKeyVault;
  /** Key name: 1-127 characters, alphanumerics and hyphens. */
  readonly name: string;
  /**
   * RSA key size in bits: 2048, 3072 or 4096.
   * @default 2048 (the size the AKS KMS documentation creates)
   */
  readonly keySize?: RsaKeySize;
  /**
   * Whether the key lives in a hardware security module (`RSA-HSM`, premium vaults only).
   * @default false (`RSA`)
   */
  readonly hsm?: boolean;
  /**
   * Allowed operations.
   * @default ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey']
   */
  readonly keyOpts?: readonly KeyOperation[];
  /**
   * Rotation policy.
   * @default automatic rotation after 180 days, versions expire after 2 years, notice 30 days before
   */
  readonly rotation?: KeyRotationProps;
  /**
   * Tags on the key.
   * @default {}
   */
  readonly tags?: Readonly<Record<string, string>>;
}

const KEY_NAME = /^[0-9a-zA-Z-]{1,127}$/;

/** An RSA key with automatic rotation. */
export class VaultKey extends Construct {
  /** The `azurerm_key_vault_key`. */
  public readonly key: KeyVaultKey;
  /** Versioned key URL (`https://<vault>.vault.azure.net/keys/<name>/<version>`): what AKS KMS needs. */
  public readonly keyId: string;
  /** Versionless key URL: what a disk encryption set with automatic key rotation needs. */
  public readonly versionlessKeyId: string;
  /** ARM id of the key without version, for role assignments scoped to the key. */
  public readonly resourceVersionlessId: string;

  public constructor(scope: Construct, id: string, props: VaultKeyProps, constructName = 'VaultKey') {
    super(scope, id);
    libraryStack(this);
    atScope(this, () => validateKeyProps(constructName, props));
    const rotation = withRotationDefaults(props.rotation);
    this.key = new KeyVaultKey(this, 'key', {
      name: props.name,
      keyVaultId: props.keyVault.keyVaultId,
      keyType: props.hsm ? 'RSA-HSM' : 'RSA',
      keySize: props.keySize ?? 2048,
      keyOpts: [...(props.keyOpts ?? ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'])],
      rotationPolicy: {
        automatic: { timeAfterCreation: rotation.rotateAfter },
        expireAfter: rotation.expireAfter,
        notifyBeforeExpiry: rotation.notifyBeforeExpiry,
      },
      tags: props.tags ? { ...props.tags } : undefined,
      dependsOn: [...props.keyVault.dataPlaneDependables],
    });
    this.keyId = this.key.id;
    this.versionlessKeyId = this.key.versionlessId;
    this.resourceVersionlessId = this.key.resourceVersionlessId;
  }
}

function validateKeyProps(construct: string, props: VaultKeyProps): void {
  requireProp(KEY_NAME.test(props.name), construct, 'name', props.name, 'is not a valid key name', 'use 1-127 letters, digits and hyphens');
  const size = props.keySize ?? 2048;
  requireProp([2048, 3072, 4096].includes(size), construct, 'keySize', size, 'is not an RSA key size Key Vault accepts (2048, 3072, 4096)', 'use 2048, 3072 or 4096 bits');
  const opts = props.keyOpts ?? [];
  requireProp(props.keyOpts === undefined || opts.length > 0, construct, 'keyOpts', opts, 'is empty', "omit it, or list operations such as ['wrapKey', 'unwrapKey']");
  const rotation = withRotationDefaults(props.rotation);
  const rotate = checkIsoDuration(construct, 'rotation.rotateAfter', rotation.rotateAfter, 7);
  const expire = checkIsoDuration(construct, 'rotation.expireAfter', rotation.expireAfter, 28);
  const notify = checkIsoDuration(construct, 'rotation.notifyBeforeExpiry', rotation.notifyBeforeExpiry, 7);
  if (rotate !== undefined && expire !== undefined) {
    requireProp(
      rotate + 7 <= expire,
      construct,
      'rotation.rotateAfter',
      rotation.rotateAfter,
      `does not leave 7 days before the version expires (expireAfter ${rotation.expireAfter})`,
      'rotate earlier or let versions live longer',
    );
  }
  if (notify !== undefined && expire !== undefined) {
    requireProp(notify < expire, construct, 'rotation.notifyBeforeExpiry', props.rotation?.notifyBeforeExpiry, 'is not shorter than expireAfter', 'notify some days before expiry, e.g. P30D');
  }
}

/** Options of the key AKS uses for KMS etcd encryption. */
export type EtcdKeyProps = Omit<VaultKeyProps, 'keyVault' | 'keyOpts' | 'name'> & {
  /**
   * Key name.
   * @default 'aks-etcd-kms'
   */
  readonly name?: string;
};

/**
 * The checks the etcd key adds to a key's: AKS KMS keeps using the previous version until the
 * next rotation, and an expired version makes the API server fail to decrypt secrets, so a
 * version must stay valid at least two rotation periods.
 */
export function validateEtcdRotation(construct: ErrorSubject, given?: KeyRotationProps): void {
  const rotation = withRotationDefaults(given);
  const rotate = checkIsoDuration(construct, 'rotation.rotateAfter', rotation.rotateAfter, 7);
  const expire = checkIsoDuration(construct, 'rotation.expireAfter', rotation.expireAfter, 28);
  if (rotate !== undefined && expire !== undefined) {
    requireProp(
      expire >= 2 * rotate,
      construct,
      'rotation.expireAfter',
      rotation.expireAfter,
      `expires a version before the next rotation retires it (rotateAfter ${rotation.rotateAfter}); an expired KMS key version stops the API server from decrypting secrets`,
      'let versions live at least twice the rotation period',
    );
  }
}

/** How AKS reaches a KMS key vault. */
export type KmsNetworkAccess = 'Private' | 'Public';

/** A versioned Key Vault key URL: `https://<vault>.<domain>/keys/<name>/<version>`. */
const VERSIONED_KEY_URL = /^https:\/\/[a-zA-Z0-9-]+\.[a-z0-9.-]+(:443)?\/keys\/[0-9a-zA-Z-]+\/[0-9a-fA-F]{32}$/;
/** A versionless Key Vault key URL. */
const VERSIONLESS_KEY_URL = /^https:\/\/[a-zA-Z0-9-]+\.[a-z0-9.-]+(:443)?\/keys\/[0-9a-zA-Z-]+\/?$/;

/**
 * The value of `azurerm_kubernetes_cluster.key_management_service` for KMS etcd encryption.
 * AKS needs the key id WITH its version; a literal versionless id is rejected here.
 * @param keyVaultKeyId the versioned key id (`VaultKey.keyId`)
 * @param access `Private` for a vault without public network access (requires API server VNet integration)
 */
export function kmsKeyManagementService(keyVaultKeyId: string, access: KmsNetworkAccess = 'Private'): KubernetesClusterKeyManagementService {
  if (!isToken(keyVaultKeyId)) {
    const versionless = VERSIONLESS_KEY_URL.test(keyVaultKeyId);
    requireProp(
      VERSIONED_KEY_URL.test(keyVaultKeyId),
      'kmsKeyManagementService',
      'keyVaultKeyId',
      keyVaultKeyId,
      versionless ? 'has no key version, and AKS KMS needs the versioned key id' : 'is not a Key Vault key URL',
      "pass VaultKey.keyId (https://<vault>.vault.azure.net/keys/<name>/<version>), not versionlessKeyId",
    );
  }
  return { keyVaultKeyId, keyVaultNetworkAccess: access };
}

/** Whether a literal key URL is versionless. */
export function isVersionlessKeyUrl(keyVaultKeyId: string): boolean {
  return VERSIONLESS_KEY_URL.test(keyVaultKeyId);
}
