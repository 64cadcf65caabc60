/**
 * `SecureKeyVault`: an Azure Key Vault hardened for AKS. Azure RBAC (no access policies), purge
 * protection, a set soft-delete retention, no public network access, network ACLs that deny by
 * default, a private endpoint (`vault`) with its `privatelink.vaultcore.azure.net` DNS record, and
 * its audit logs in Log Analytics. Intent methods add the KMS key, the disk encryption set and the
 * role assignments AKS documents.
 *
 * Whitespace trade-off: with public access off, Terraform writes keys through the private
 * endpoint, so it must run from a network that resolves and reaches it (a self-hosted runner in
 * the hub or spoke). A deployer outside the network needs `publicNetworkAccess` (with a reason),
 * which records a waiver of operations/key-vault.
 */
import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import type { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import type { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import type { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { libraryStack } from '../synth/library-stack';
import { Checklist } from '../checklist/checklist';
import * as check from '../core/validate';
import type { PlacementProps } from '../core/contracts';
import { privateDnsZoneWithLinks, privateEndpoint } from '../core/private-link';
import { ResourceDiagnostics } from '../monitoring/diagnostics';
import { CustomerKeyDiskEncryption, CustomerKeyDiskEncryptionOptions } from './disk-encryption';
import { grantRole, Principal } from './roles';
import { EtcdKeyProps, IKeyVault, KmsNetworkAccess, validateEtcdRotation, VaultKey, VaultKeyProps } from './vault-key';

/** The Private Link DNS zone of Key Vault (public cloud). */
export const KEY_VAULT_PRIVATE_DNS_ZONE = 'privatelink.vaultcore.azure.net';

/** Where the vault's private endpoint goes and how its name resolves. */
export interface KeyVaultPrivateEndpointProps {
  /** Id of the subnet the private endpoint's network interface is placed in. */
  readonly subnetId: string;
  /**
   * Id of an existing `privatelink.vaultcore.azure.net` zone (typically in the hub). When given,
   * no zone is created.
   * @default a zone is created in the vault's resource group
   */
  readonly privateDnsZoneId?: string;
  /**
   * Virtual networks linked to the zone this construct creates (the hub and spokes whose
   * clients resolve the vault). Ignored when `privateDnsZoneId` is given.
   * @default [] (then `privateDnsZoneId` is required)
   */
  readonly virtualNetworkIds?: readonly string[];
}

/** Loosening: public network access from listed addresses. Records a waiver of operations/key-vault. */
export interface KeyVaultPublicAccessProps {
  /** IPv4 addresses or CIDR ranges allowed through the vault firewall (everything else stays denied). */
  readonly allowedIpRanges: readonly string[];
  /** Why the vault must be reachable from the internet (shown in the checklist report). */
  readonly reason: string;
}

/** Props of SecureKeyVault. */
export interface SecureKeyVaultProps extends PlacementProps {
  /**
   * Globally unique vault name: 3-24 characters, alphanumerics and hyphens, starting with a
   * letter, ending with a letter or digit, no consecutive hyphens.
   */
  readonly name: string;
  /** Microsoft Entra tenant id that authenticates requests to the vault. */
  readonly tenantId: string;
  /**
   * SKU. `premium` adds HSM-protected keys.
   * @default 'standard'
   */
  readonly sku?: 'standard' | 'premium';
  /**
   * Days a deleted vault or object stays recoverable (7-90). Set once: Azure does not allow
   * changing it later. Purge protection means the name stays reserved this long after a destroy.
   * @default 90
   */
  readonly softDeleteRetentionDays?: number;
  /** The private endpoint. */
  readonly privateEndpoint: KeyVaultPrivateEndpointProps;
  /** Id of the Log Analytics workspace receiving the vault's audit logs (AuditEvent) and metrics. */
  readonly logAnalyticsWorkspaceId: string;
  /**
   * Principals granted "Key Vault Crypto Officer" on the vault: the principal Terraform runs as
   * needs it to create the keys (AKS KMS documentation, RBAC vault).
   * @default [] (the deploying principal must already hold a key-creating role)
   */
  readonly keyOfficerPrincipalIds?: readonly string[];
  /**
   * Loosening: allow public network access from the listed ranges.
   * @default no public network access
   */
  readonly publicNetworkAccess?: KeyVaultPublicAccessProps;
}

const VAULT_NAME = /^[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/;

/** An Azure Key Vault with RBAC, purge protection, a private endpoint and audit logs. */
export class SecureKeyVault extends Construct implements IKeyVault {
  /** The `azurerm_key_vault`. */
  public readonly vault: KeyVault;
  /** Resource id of the vault. */
  public readonly keyVaultId: string;
  /** Vault name. */
  public readonly keyVaultName: string;
  /** Data-plane URI, e.g. `https://<name>.vault.azure.net/`. */
  public readonly vaultUri: string;
  /** The `azurerm_private_endpoint`. */
  public readonly privateEndpoint: PrivateEndpoint;
  /** Id of the private DNS zone holding the vault's record (created or given). */
  public readonly privateDnsZoneId: string;
  /** How AKS KMS reaches this vault: `Private` unless public access was opened. */
  public readonly kmsNetworkAccess: KmsNetworkAccess;
  /** What a key write needs first (private endpoint, the DNS zone's VNet links created here, key officer role assignments). */
  public readonly dataPlaneDependables: ITerraformDependable[] = [];

  private readonly placement: PlacementProps;
  private readonly sku: 'standard' | 'premium';

  public constructor(scope: Construct, id: string, props: SecureKeyVaultProps) {
    super(scope, id);
    libraryStack(this);
    validate(this, props);
    this.placement = { resourceGroupName: props.resourceGroupName, location: props.location, tags: props.tags };
    this.sku = props.sku ?? 'standard';
    const tags = props.tags ? { ...props.tags } : undefined;
    const open = props.publicNetworkAccess;
    if (open) {
      Checklist.of(this).waive('operations/key-vault', open.reason);
    }

    this.vault = new KeyVault(this, 'vault', {
      name: props.name,
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      tenantId: props.tenantId,
      skuName: this.sku,
      rbacAuthorizationEnabled: true,
      purgeProtectionEnabled: true,
      softDeleteRetentionDays: props.softDeleteRetentionDays ?? 90,
      publicNetworkAccessEnabled: open !== undefined,
      networkAcls: {
        defaultAction: 'Deny',
        bypass: 'AzureServices',
        ipRules: [...(open?.allowedIpRanges ?? [])],
        virtualNetworkSubnetIds: [],
      },
      tags,
    });
    this.keyVaultId = this.vault.id;
    this.keyVaultName = this.vault.name;
    this.vaultUri = this.vault.vaultUri;
    this.kmsNetworkAccess = open ? 'Public' : 'Private';

    const pe = props.privateEndpoint;
    const dnsLinks: PrivateDnsZoneVirtualNetworkLink[] = [];
    if (pe.privateDnsZoneId !== undefined) {
      this.privateDnsZoneId = pe.privateDnsZoneId;
    } else {
      const dns = privateDnsZoneWithLinks(this, 'dns-zone', {
        zoneName: KEY_VAULT_PRIVATE_DNS_ZONE,
        resourceGroupName: props.resourceGroupName,
        virtualNetworkIds: pe.virtualNetworkIds ?? [],
        linkId: (i) => `dns-link-${i}`,
        linkName: (i) => `${props.name}-link-${i}`,
        tags,
      });
      dnsLinks.push(...dns.links);
      this.privateDnsZoneId = dns.zone.id;
    }
    this.privateEndpoint = privateEndpoint(this, 'private-endpoint', {
      name: `${props.name}-pe`,
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      subnetId: pe.subnetId,
      customNetworkInterfaceName: `${props.name}-pe-nic`,
      connectionName: `${props.name}-vault`,
      targetResourceId: this.vault.id,
      subresource: 'vault',
      privateDnsZoneId: this.privateDnsZoneId,
      tags,
    });
    // A key write from the runner's network resolves <vault>.vault.azure.net through the zone's VNet
    // links: before a link exists the name resolves to the public endpoint, which is disabled (403).
    this.dataPlaneDependables.push(this.privateEndpoint, ...dnsLinks);

    (props.keyOfficerPrincipalIds ?? []).forEach((principalId, i) => {
      this.dataPlaneDependables.push(
        grantRole(this, `key-officer-${i}`, {
          scope: this.vault.id,
          role: 'Key Vault Crypto Officer',
          principalId,
          description: 'Creates and rotates the vault keys (Terraform deployer).',
        }),
      );
    });

    new ResourceDiagnostics(this, 'diagnostics', {
      targetResourceId: this.vault.id,
      logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId,
      categories: ['AuditEvent', 'AzurePolicyEvaluationDetails'],
    });
  }

  /** Adds an RSA key with automatic rotation. */
  public addKey(id: string, props: Omit<VaultKeyProps, 'keyVault'>): VaultKey {
    this.requireHsmSku({ construct: 'SecureKeyVault.addKey', scope: this }, props.hsm);
    return new VaultKey(this, id, { ...props, keyVault: this });
  }

  /**
   * Adds the key AKS uses for KMS etcd encryption. Pass `key.keyId` (versioned) to the cluster's
   * `key_management_service` with `kmsKeyManagementService(key.keyId, vault.kmsNetworkAccess)`.
   * Key Vault rotates the key; Terraform then sees a new version and updates the cluster, after
   * which secrets should be re-encrypted (`kubectl get secrets -A -o json | kubectl replace -f -`).
   */
  public addEtcdEncryptionKey(props: EtcdKeyProps = {}): VaultKey {
    const at = { construct: 'SecureKeyVault.addEtcdEncryptionKey', scope: this };
    validateEtcdRotation(at, props.rotation);
    this.requireHsmSku(at, props.hsm);
    return new VaultKey(this, 'etcd-key', { ...props, name: props.name ?? 'aks-etcd-kms', keyVault: this, keyOpts: ['encrypt', 'decrypt'] }, 'SecureKeyVault.addEtcdEncryptionKey');
  }

  /**
   * Grants the cluster's control-plane identity (user-assigned: KMS does not work with a
   * system-assigned identity) what AKS KMS documents for an RBAC vault: "Key Vault Crypto User" on
   * the vault, and for a private vault "Key Vault Contributor" (to create the private link).
   * The cluster must depend on the returned assignments.
   * @param principal the control-plane identity (or its principal id)
   */
  public grantEtcdEncryption(principal: Principal): RoleAssignment[] {
    const grants = [
      grantRole(this, 'kms-crypto-user', {
        scope: this.vault.id,
        role: 'Key Vault Crypto User',
        principalId: principal,
        principalType: 'ServicePrincipal',
        description: 'AKS KMS etcd encryption: encrypt and decrypt with the etcd key.',
      }),
    ];
    if (this.kmsNetworkAccess === 'Private') {
      grants.push(
        grantRole(this, 'kms-private-link', {
          scope: this.vault.id,
          role: 'Key Vault Contributor',
          principalId: principal,
          principalType: 'ServicePrincipal',
          description: 'AKS KMS with a private vault: create the private link between the vault and the cluster.',
        }),
      );
    }
    return grants;
  }

  /**
   * Grants "Key Vault Secrets User" on the vault: for the Secrets Store CSI driver's identity
   * (`key_vault_secrets_provider.secret_identity.object_id`) or a workload identity.
   * @param principal the identity (or its principal (object) id)
   * @param id construct id of the assignment; a second grant gets the next free id
   */
  public grantSecretsRead(principal: Principal, id = 'secrets-user'): RoleAssignment {
    return grantRole(this, id, {
      scope: this.vault.id,
      role: 'Key Vault Secrets User',
      principalId: principal,
      principalType: 'ServicePrincipal',
      description: 'Reads secrets (Secrets Store CSI driver / workload identity).',
    });
  }

  /** An HSM-protected key (RSA-HSM) exists only in a premium vault; Key Vault rejects it in a standard one. */
  private requireHsmSku(at: check.ErrorSubject, hsm: boolean | undefined): void {
    check.requireProp(
      hsm !== true || this.sku === 'premium',
      at,
      'hsm',
      hsm,
      `asks for an RSA-HSM key in a '${this.sku}' vault, and only premium vaults hold HSM-protected keys`,
      "set the vault's sku to 'premium', or drop hsm for a software-protected RSA key",
    );
  }

  /**
   * Adds a disk encryption set whose customer-managed key lives in this vault, for the cluster's
   * `disk_encryption_set_id` (node OS and data disks).
   */
  public addDiskEncryptionSet(id: string, options: CustomerKeyDiskEncryptionOptions): CustomerKeyDiskEncryption {
    return new CustomerKeyDiskEncryption(this, id, { ...this.placement, ...options, keyVault: this });
  }
}

function validate(at: SecureKeyVault, props: SecureKeyVaultProps): void {
  const name = props.name;
  check.checkRegion(at, 'location', props.location);
  check.checkGuid(at, 'tenantId', props.tenantId, 'the Entra tenant id');
  check.checkGuids(at, 'keyOfficerPrincipalIds', props.keyOfficerPrincipalIds, 'the object id of the principal Terraform runs as');
  check.checkTags(at, 'tags', props.tags);
  check.requireProp(
    VAULT_NAME.test(name) && !name.includes('--'),
    at,
    'name',
    name,
    'is not a valid Key Vault name (3-24 characters, alphanumerics and hyphens, starts with a letter, ends with a letter or digit, no consecutive hyphens)',
    "use e.g. 'kv-platform-weu-01'",
  );
  check.checkInt(at, 'softDeleteRetentionDays', props.softDeleteRetentionDays ?? 90, 7, 90, 'days (90 is the Azure default)');
  check.requireProp(['standard', 'premium'].includes(props.sku ?? 'standard'), at, 'sku', props.sku, 'is not a Key Vault SKU', "use 'standard' or 'premium'");
  const pe = props.privateEndpoint;
  if (pe.privateDnsZoneId !== undefined && !check.isToken(pe.privateDnsZoneId)) {
    check.requireProp(
      pe.privateDnsZoneId.toLowerCase().endsWith(`/privatednszones/${KEY_VAULT_PRIVATE_DNS_ZONE}`),
      at,
      'privateEndpoint.privateDnsZoneId',
      pe.privateDnsZoneId,
      `is not a ${KEY_VAULT_PRIVATE_DNS_ZONE} zone`,
      `give the id of the hub's ${KEY_VAULT_PRIVATE_DNS_ZONE} private DNS zone`,
    );
  }
  check.requireProp(
    pe.privateDnsZoneId !== undefined || (pe.virtualNetworkIds ?? []).length > 0,
    at,
    'privateEndpoint.virtualNetworkIds',
    pe.virtualNetworkIds ?? [],
    'is empty, so the created DNS zone would resolve the vault nowhere',
    'link the hub/spoke virtual networks, or give privateDnsZoneId of an existing zone',
  );
  const open = props.publicNetworkAccess;
  if (open) {
    check.checkReason(at, 'publicNetworkAccess.reason', open.reason, 'opening the vault to the Internet');
    check.requireProp(open.allowedIpRanges.length > 0, at, 'publicNetworkAccess.allowedIpRanges', open.allowedIpRanges, 'is empty', 'list the deployer addresses, or drop publicNetworkAccess');
    const ranges = check.checkAllowedRanges(at, 'publicNetworkAccess.allowedIpRanges', open.allowedIpRanges, 'the vault');
    ranges.forEach((range) => {
      const i = open.allowedIpRanges.findIndex((r) => r === range.text || `${r}/32` === range.text);
      check.requireProp(
        !check.isPrivateRange(range),
        at,
        `publicNetworkAccess.allowedIpRanges[${i}]`,
        open.allowedIpRanges[i],
        'is a private range: Key Vault IP rules take public addresses only (private clients come through the private endpoint)',
        'list the public egress addresses of the deployers, e.g. 203.0.113.10; private networks reach the vault through privateEndpoint',
      );
    });
  }
}
