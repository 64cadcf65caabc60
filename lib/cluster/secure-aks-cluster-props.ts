/**
 * The props of SecureAksCluster: the system pool, KMS, the public API server and Windows loosenings,
 * maintenance windows and the enums they use.
 */
import type { KubernetesClusterWebAppRouting } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import type { ITerraformDependable } from 'cdktf';
import type { IEgressPath, IManagedIdentity, PlacementProps } from '../core/contracts';
import type { KubernetesVersion } from '../core/kubernetes-versions';
import type { PoolUpgradeProps } from '../core/upgrade-settings';
import type { ClusterFeatureProps } from './cluster-features';

/** Cluster auto-upgrade channels (`automatic_upgrade_channel`); `none` omits the attribute. */
export type UpgradeChannel = 'patch' | 'stable' | 'rapid' | 'node-image' | 'none';
/** Node OS upgrade channels (`node_os_upgrade_channel`). */
export type NodeOsUpgradeChannel = 'NodeImage' | 'SecurityPatch' | 'Unmanaged' | 'None';
/** Control-plane tiers (`sku_tier`). */
export type SkuTier = 'Standard' | 'Premium' | 'Free';
/** Network policy engines (`network_policy`). `cilium` runs on the cilium data plane; `azure` and `calico` on the azure data plane. */
export type NetworkPolicyEngine = 'cilium' | 'azure' | 'calico';
/** Days for maintenance windows. */
export type DayOfWeek = 'Monday' | 'Tuesday' | 'Wednesday' | 'Thursday' | 'Friday' | 'Saturday' | 'Sunday';

/** A weekly maintenance window. */
export interface WeeklyWindowProps {
  /** Day of the week the window opens. */
  readonly dayOfWeek: DayOfWeek;
  /**
   * Start time, `HH:mm`, in `utcOffset`.
   * @default '00:00'
   */
  readonly startTime?: string;
  /**
   * Length in hours, 4-24.
   * @default 4
   */
  readonly durationHours?: number;
  /**
   * Every n weeks, 1-4.
   * @default 1
   */
  readonly intervalWeeks?: number;
  /**
   * Time zone offset, `+HH:mm` or `-HH:mm`.
   * @default '+00:00'
   */
  readonly utcOffset?: string;
}

/** The system node pool (the cluster's `default_node_pool`). */
export interface SystemPoolProps extends Omit<PoolUpgradeProps, 'maxUnavailable'> {
  /**
   * Pool name, `^[a-z][a-z0-9]{0,11}$`.
   * @default 'system'
   */
  readonly name?: string;
  /**
   * VM size. Sizes whose cache or temp disk holds the OS disk get an ephemeral OS disk.
   * @default 'Standard_D4ds_v5'
   */
  readonly vmSize?: string;
  /**
   * Autoscaler lower bound, 1-1000. Give both bounds or neither.
   * @default 3 (one node per zone)
   */
  readonly minCount?: number;
  /**
   * Autoscaler upper bound, 1-1000. Give both bounds or neither.
   * @default 6
   */
  readonly maxCount?: number;
  /**
   * Initial node count, between minCount and maxCount.
   * @default minCount
   */
  readonly nodeCount?: number;
  /**
   * Pods per node: 30 (the AKS minimum for system pools) to 250 (the Azure CNI Overlay maximum).
   * @default 50
   */
  readonly maxPods?: number;
  /**
   * Availability zones.
   * @default ['1', '2', '3']
   */
  readonly zones?: string[];
  /**
   * OS disk type. `Ephemeral` needs a VM size from the known table whose cache or temp disk
   * holds `osDiskSizeGb`.
   * @default 'Ephemeral' when the VM size allows it, else 'Managed' (with a warning for unknown sizes)
   */
  readonly osDiskType?: 'Ephemeral' | 'Managed';
  /**
   * OS disk size in GiB.
   * @default 128, or the VM's local disk capacity when that is smaller and the disk is ephemeral
   */
  readonly osDiskSizeGb?: number;
  /**
   * Extra nodes during upgrades, a count or a percentage.
   * @default '33%'
   */
  readonly maxSurge?: string;
  /**
   * Name of the temporary pool used to rotate the pool when a rotation-only property changes.
   * @default `${name}tmp` (cut to 12 characters)
   */
  readonly temporaryNameForRotation?: string;
  /**
   * Node OS.
   * @default 'AzureLinux'
   */
  readonly osSku?: 'AzureLinux' | 'Ubuntu';
}

/** etcd encryption with a customer-managed key (KMS). */
export interface KmsProps {
  /** Versioned Key Vault key id (`azurerm_key_vault_key.id`, never `versionless_id`). */
  readonly keyVaultKeyId: string;
  /**
   * Role assignments the cluster must wait for: "Key Vault Crypto User" (and, for a private vault,
   * "Key Vault Contributor") for the control-plane identity.
   * @default none
   */
  readonly dependsOn?: readonly ITerraformDependable[];
}

/** A public API server: only with a reason and authorized ranges. */
export interface PublicApiServerProps {
  /** Why the API server must be public (recorded as a waiver of cluster-setup/private-cluster). */
  readonly reason: string;
  /** CIDR ranges or addresses allowed to reach the API server; non-empty, never 0.0.0.0/0. */
  readonly authorizedIpRanges: string[];
}

/** Windows nodes with Group Managed Service Accounts. */
export interface WindowsProfileProps {
  /** Admin user name of the Windows nodes. */
  readonly adminUsername: string;
  /**
   * Admin password as an unresolved reference, e.g. a `DataAzurermKeyVaultSecret`'s `value`. The
   * provider requires this field; a literal string is refused so no password is synthesized.
   */
  readonly adminPasswordReference: string;
  /**
   * gMSA: both empty strings when the VNet's DNS servers resolve the domain.
   * @default no gMSA
   */
  readonly gmsa?: { readonly dnsServer: string; readonly rootDomain: string };
}

/** A loosened default: why. */
export interface LooseningProps {
  /** Why the default is loosened (at least 10 characters; recorded as a waiver). */
  readonly reason: string;
}

/** The Free control-plane tier (no SLA): why. */
export interface FreeTier {
  readonly tier: 'Free';
  /** Why no uptime SLA is acceptable (recorded as a waiver). */
  readonly reason: string;
}

/** Cluster auto-upgrade turned off: why. */
export interface AutoUpgradeOff {
  readonly channel: 'none';
  /** Why upgrades are not automatic (recorded as a waiver). */
  readonly reason: string;
}

/** Node OS patching not managed by AKS: why. */
export interface NodeOsPatchingOff {
  readonly channel: 'Unmanaged' | 'None';
  /** Why node images are not patched by AKS (recorded as a waiver). */
  readonly reason: string;
}

export interface SecureAksClusterProps extends PlacementProps, ClusterFeatureProps {
  /** Cluster name: 1-63 characters, letters, digits, '-' and '_', alphanumeric at both ends. */
  readonly name: string;
  /**
   * DNS prefix: 1-54 letters, digits and '-'.
   * @default the name with '_' replaced by '-'
   */
  readonly dnsPrefix?: string;
  /**
   * Kubernetes version (`1.33` or `1.33.2`) in the supported window (KUBERNETES_VERSIONS, dated).
   * A version outside it is a loosening, `{ version: '1.31', reason }` (e.g. a long-term-support
   * version on the Premium tier, or a minor AKS published after this release), recorded as a waiver
   * of operations/kubernetes-version-current; the object form is refused for a version inside the window.
   * @default the latest version AKS recommends at creation
   */
  readonly kubernetesVersion?: KubernetesVersion;
  /**
   * Name of the node resource group AKS creates (must not exist).
   * @default AKS's MC_ name
   */
  readonly nodeResourceGroup?: string;

  /** Subnet id of the system pool's nodes. */
  readonly nodeSubnetId: string;
  /** Subnet id delegated to Microsoft.ContainerService/managedClusters for API Server VNet Integration (/28 or larger). */
  readonly apiServerSubnetId: string;
  /**
   * VNet address spaces, to check that pod and service ranges do not overlap them.
   * @default [] (no check)
   */
  readonly vnetAddressSpaces?: string[];
  /**
   * Overlay pod range. The default is from RFC 6598 shared address space, which enterprise VNets
   * and on-premises networks rarely use (unlike 10.0.0.0/16 or 192.168.0.0/16).
   * @default '100.64.0.0/16'
   */
  readonly podCidr?: string;
  /**
   * Kubernetes service range (/12 or smaller).
   * @default '100.65.0.0/16'
   */
  readonly serviceCidr?: string;
  /**
   * kube-dns address, inside serviceCidr and not its first address.
   * @default '100.65.0.10'
   */
  readonly dnsServiceIp?: string;
  /**
   * Network policy engine.
   * @default 'cilium' (on the cilium data plane)
   */
  readonly networkPolicy?: NetworkPolicyEngine;
  /**
   * Egress through a firewall: `outbound_type = userDefinedRouting` and the cluster waits for the
   * path's route associations and rules.
   * @default none: outbound_type loadBalancer, which the egress rule reports as a finding
   */
  readonly egress?: IEgressPath;

  /**
   * Private DNS zone of the private API server: 'System', 'None' or a privatelink.<region>.azmk8s.io zone id
   * (the control-plane identity gets "Private DNS Zone Contributor" on it).
   * @default 'System'
   */
  readonly privateDnsZoneId?: string;
  /**
   * Make the API server public (not recommended).
   * @default private API server with VNet integration
   */
  readonly publicApiServer?: PublicApiServerProps;

  /** Entra group object ids that get cluster admin; required, non-empty. */
  readonly adminGroupObjectIds: string[];
  /**
   * Entra tenant id.
   * @default the tenant of the provider's subscription
   */
  readonly tenantId?: string;
  /**
   * Control-plane identity.
   * @default a new azurerm_user_assigned_identity
   */
  readonly controlPlaneIdentity?: IManagedIdentity;
  /**
   * Kubelet identity (the control-plane identity gets "Managed Identity Operator" on it).
   * @default a new azurerm_user_assigned_identity
   */
  readonly kubeletIdentity?: IManagedIdentity;
  /**
   * Grant the control-plane identity "Network Contributor" on the node and API server subnets, as
   * AKS needs for a bring-your-own VNet and API Server VNet Integration. Turn off when the platform
   * grants it (e.g. at VNet scope).
   * @default true
   */
  readonly grantSubnetAccess?: boolean;
  /**
   * OIDC issuer.
   * @default true
   */
  readonly oidcIssuerEnabled?: boolean;
  /**
   * Turn Workload Identity off (needs a reason).
   * @default Workload Identity on
   */
  readonly disableWorkloadIdentity?: LooseningProps;

  /** Log Analytics workspace id for Container Insights (oms_agent) and Microsoft Defender. */
  readonly logAnalyticsWorkspaceId: string;
  /**
   * etcd encryption with a customer-managed key. Without it, cluster-setup/etcd-encryption-own-key
   * is reported non-compliant.
   * @default none (a synth warning)
   */
  readonly kms?: KmsProps;
  /**
   * Disk encryption set for OS and data disks (customer-managed keys).
   * @default platform-managed keys
   */
  readonly diskEncryptionSetId?: string;
  /**
   * Image Cleaner interval in hours, 24-2160.
   * @default 48
   */
  readonly imageCleanerIntervalHours?: number;
  /**
   * Secrets Store CSI driver rotation poll interval.
   * @default '2m'
   */
  readonly secretRotationInterval?: string;
  /**
   * Blob CSI driver.
   * @default false (disk, file and snapshot controller are on)
   */
  readonly blobDriverEnabled?: boolean;
  /**
   * Turn KEDA off (needs a reason).
   * @default KEDA on
   */
  readonly disableKeda?: LooseningProps;

  /**
   * Control-plane tier. The Free tier has no SLA: it is a loosening, `{ tier: 'Free', reason }`,
   * recorded as a waiver of disaster-recovery/control-plane-sla (a bare `'Free'` is rejected).
   * @default 'Standard'
   */
  readonly skuTier?: 'Standard' | 'Premium' | FreeTier;
  /**
   * Cluster auto-upgrade channel. Turning auto-upgrade off is a loosening, `{ channel: 'none', reason }`,
   * recorded as a waiver of cluster-setup/upgrade-channel and operations/kubernetes-version-current
   * (a bare `'none'` is rejected).
   * @default 'patch'
   */
  readonly upgradeChannel?: Exclude<UpgradeChannel, 'none'> | AutoUpgradeOff;
  /**
   * Node OS upgrade channel. Unmanaged node OS patching is a loosening, `{ channel: 'Unmanaged' | 'None', reason }`,
   * recorded as a waiver of operations/node-os-patching (a bare `'Unmanaged'` or `'None'` is rejected).
   * @default 'NodeImage'
   */
  readonly nodeOsUpgradeChannel?: 'NodeImage' | 'SecurityPatch' | NodeOsPatchingOff;
  /**
   * Window for cluster auto-upgrades.
   * @default Sundays 00:00-04:00 UTC, weekly
   */
  readonly autoUpgradeWindow?: WeeklyWindowProps;
  /**
   * Window for node OS upgrades (staggered from the cluster window).
   * @default Saturdays 00:00-04:00 UTC, weekly
   */
  readonly nodeOsUpgradeWindow?: WeeklyWindowProps;

  /**
   * The system node pool.
   * @default see SystemPoolProps
   */
  readonly systemPool?: SystemPoolProps;
  /**
   * Windows profile with gMSA (for Windows node pools).
   * @default none
   */
  readonly windowsProfile?: WindowsProfileProps;
  /**
   * Application routing add-on (`web_app_routing`), e.g. from lib/ingress.
   * @default off
   */
  readonly webAppRouting?: KubernetesClusterWebAppRouting;
}

/** A namespace-scoped role of AKS RBAC. */
export type NamespaceRole = 'reader' | 'writer' | 'admin';
