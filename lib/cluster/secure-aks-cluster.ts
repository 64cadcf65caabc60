/**
 * SecureAksCluster: an azurerm_kubernetes_cluster that meets every cluster-level item of The AKS
 * Checklist by default. Loosening a default is an explicit prop with a reason, recorded as a waiver.
 */
import { KubernetesCluster, KubernetesClusterConfig, KubernetesClusterWebAppRouting } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { Annotations, dependable, ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { Checklist } from '../checklist/checklist';
import type { ItemId } from '../checklist/types';
import type { IEgressPath, IManagedIdentity, PlacementProps } from '../core/contracts';
import { assertProp, PropError } from '../core/errors';
import {
  checkAddressPlan,
  checkAuthorizedRanges,
  checkClusterName,
  checkDnsPrefix,
  checkGuid,
  checkKeyId,
  checkPoolName,
  checkPrivateDnsZoneId,
  checkRange,
  checkReason,
  CONSTRUCT,
  dnsPrefixFor,
  known,
} from './validation';
import { ephemeralCapacityGiB } from '../core/vm-sizes';

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
export interface SystemPoolProps {
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

export interface SecureAksClusterProps extends PlacementProps {
  /** Cluster name: 1-63 characters, letters, digits, '-' and '_', alphanumeric at both ends. */
  readonly name: string;
  /**
   * DNS prefix: 1-54 letters, digits and '-'.
   * @default the name with '_' replaced by '-'
   */
  readonly dnsPrefix?: string;
  /**
   * Kubernetes version (`1.33` or `1.33.2`).
   * @default the latest version AKS recommends at creation
   */
  readonly kubernetesVersion?: string;
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
   * Control-plane tier. `Free` has no SLA and needs `freeTierReason`.
   * @default 'Standard'
   */
  readonly skuTier?: SkuTier;
  /**
   * Why the Free tier is acceptable.
   * @default none
   */
  readonly freeTierReason?: string;
  /**
   * Cluster auto-upgrade channel. `none` needs `upgradeChannelNoneReason`.
   * @default 'patch'
   */
  readonly upgradeChannel?: UpgradeChannel;
  /**
   * Why auto-upgrade is off.
   * @default none
   */
  readonly upgradeChannelNoneReason?: string;
  /**
   * Node OS upgrade channel. `Unmanaged` and `None` need `nodeOsUpgradeChannelReason`.
   * @default 'NodeImage'
   */
  readonly nodeOsUpgradeChannel?: NodeOsUpgradeChannel;
  /**
   * Why node OS patching is not managed.
   * @default none
   */
  readonly nodeOsUpgradeChannelReason?: string;
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

const NAMESPACE_ROLES: Readonly<Record<NamespaceRole, string>> = {
  reader: 'Azure Kubernetes Service RBAC Reader',
  writer: 'Azure Kubernetes Service RBAC Writer',
  admin: 'Azure Kubernetes Service RBAC Admin',
};
const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** Names ManagedClusterWindowsProfile.adminUsername disallows (AKS API reference). */
const WINDOWS_RESERVED_ADMIN_NAMES: readonly string[] = [
  'administrator', 'admin', 'user', 'user1', 'test', 'user2', 'test1', 'user3', 'admin1', '1', '123', 'a', 'actuser', 'adm', 'admin2', 'aspnet', 'backup', 'console',
  'david', 'guest', 'john', 'owner', 'root', 'server', 'sql', 'support', 'support_388945a0', 'sys', 'test2', 'test3', 'user4', 'user5',
];
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const UTC_OFFSET = /^[+-](0\d|1[0-4]):[0-5]\d$/;

/**
 * An AKS cluster that meets the cluster-level items of The AKS Checklist by default: private API
 * server with VNet integration, Entra ID with Azure RBAC and no local accounts, user-assigned
 * identities, workload identity, Defender, Azure Policy, KMS, managed upgrades, Azure CNI Overlay
 * with cilium, and a system pool for critical add-ons only.
 */
export class SecureAksCluster extends Construct {
  /** The cluster resource. */
  public readonly resource: KubernetesCluster;
  /** Resource id. */
  public readonly id: string;
  /** Cluster name. */
  public readonly name: string;
  /** OIDC issuer URL (for federated credentials). */
  public readonly oidcIssuerUrl: string;
  /** The control-plane identity. */
  public readonly controlPlaneIdentity: IManagedIdentity;
  /** The kubelet identity (grant it AcrPull on registries). */
  public readonly kubeletIdentity: IManagedIdentity;
  /** Object id of the Key Vault secrets provider's identity (grant it "Key Vault Secrets User"). */
  public readonly secretsProviderIdentity: string;
  /** Network plugin (for node pools). */
  public readonly networkPlugin = 'azure' as const;
  /** Network plugin mode (for node pools). */
  public readonly networkPluginMode = 'overlay' as const;
  /** Data plane (for node pools). */
  public readonly networkDataPlane: 'azure' | 'cilium';
  /** Network policy engine (for node pools). */
  public readonly networkPolicy: NetworkPolicyEngine;
  /** Node OS upgrade channel (for node pools: Windows pools need one that patches them). */
  public readonly nodeOsUpgradeChannel: NodeOsUpgradeChannel;

  private readonly dependencies: string[] = [];

  public constructor(scope: Construct, id: string, props: SecureAksClusterProps) {
    super(scope, id);
    const tags = { ...(props.tags ?? {}) };
    validate(props);

    this.networkPolicy = props.networkPolicy ?? 'cilium';
    this.networkDataPlane = this.networkPolicy === 'cilium' ? 'cilium' : 'azure';
    this.nodeOsUpgradeChannel = props.nodeOsUpgradeChannel ?? 'NodeImage';

    this.controlPlaneIdentity = props.controlPlaneIdentity ?? this.identity('ControlPlaneIdentity', `${props.name}-control-plane`, props, tags);
    this.kubeletIdentity = props.kubeletIdentity ?? this.identity('KubeletIdentity', `${props.name}-kubelet`, props, tags);

    // AKS refuses a custom kubelet identity unless the control-plane identity can assign it.
    this.grant('KubeletIdentityOperator', 'Managed Identity Operator', this.kubeletIdentity.id, this.controlPlaneIdentity.principalId);
    if (props.grantSubnetAccess ?? true) {
      this.grant('NodeSubnetNetworkContributor', 'Network Contributor', props.nodeSubnetId, this.controlPlaneIdentity.principalId);
      this.grant('ApiServerSubnetNetworkContributor', 'Network Contributor', props.apiServerSubnetId, this.controlPlaneIdentity.principalId);
    }
    const privateDnsZoneId = props.publicApiServer ? undefined : (props.privateDnsZoneId ?? 'System');
    if (privateDnsZoneId && privateDnsZoneId !== 'System' && privateDnsZoneId !== 'None') {
      this.grant('PrivateDnsZoneContributor', 'Private DNS Zone Contributor', privateDnsZoneId, this.controlPlaneIdentity.principalId);
    }
    props.kms?.dependsOn?.forEach((d) => this.dependencies.push(dependable(d)));
    props.egress?.dependables.forEach((d) => this.dependencies.push(dependable(d)));

    this.recordWaivers(props);
    if (!props.kms) {
      Annotations.of(this).addWarning(
        `${CONSTRUCT} '${props.name}': no 'kms' key, so etcd is not encrypted with your own key (cluster-setup/etcd-encryption-own-key is non-compliant). Pass kms.keyVaultKeyId (a versioned key id) or waive the item.`,
      );
    }

    this.resource = new KubernetesCluster(this, 'Cluster', this.clusterConfig(props, tags, privateDnsZoneId));
    this.resource.dependsOn = [...this.dependencies];
    this.id = this.resource.id;
    this.name = this.resource.name;
    this.oidcIssuerUrl = this.resource.oidcIssuerUrl;
    this.secretsProviderIdentity = this.resource.keyVaultSecretsProvider.secretIdentity.get(0).objectId;
  }

  /** Grants an Entra group "Azure Kubernetes Service RBAC Cluster Admin" on the cluster. */
  public grantClusterAdmin(groupObjectId: string): RoleAssignment {
    return this.grantGroup('grantClusterAdmin', groupObjectId, 'Azure Kubernetes Service RBAC Cluster Admin', this.id);
  }

  /** Grants an Entra group "Azure Kubernetes Service RBAC Reader" on the whole cluster. */
  public grantClusterReader(groupObjectId: string): RoleAssignment {
    return this.grantGroup('grantClusterReader', groupObjectId, 'Azure Kubernetes Service RBAC Reader', this.id);
  }

  /** Grants an Entra group an AKS RBAC role (reader, writer or admin) in one namespace. */
  public grantNamespaceAccess(groupObjectId: string, namespace: string, role: NamespaceRole = 'reader'): RoleAssignment {
    if (known(namespace)) {
      assertProp(DNS_LABEL.test(namespace), CONSTRUCT, 'grantNamespaceAccess.namespace', namespace, 'is not a valid namespace name', 'use a DNS label: lowercase letters, digits and "-", 1-63 characters');
    }
    assertProp(role in NAMESPACE_ROLES, CONSTRUCT, 'grantNamespaceAccess.role', role, 'is not a namespace role', `use one of ${Object.keys(NAMESPACE_ROLES).join(', ')}`);
    return this.grantGroup(`grantNamespaceAccess-${namespace}-${role}`, groupObjectId, NAMESPACE_ROLES[role], `${this.id}/namespaces/${namespace}`);
  }

  /** Makes the cluster wait for other resources (e.g. role assignments that KMS needs). */
  public addDependency(...dependables: ITerraformDependable[]): void {
    dependables.forEach((d) => this.dependencies.push(dependable(d)));
    this.resource.dependsOn = [...this.dependencies];
  }

  private grantGroup(method: string, groupObjectId: string, role: string, scope: string): RoleAssignment {
    checkGuid(`${method}.groupObjectId`, groupObjectId);
    const id = `${method}-${known(groupObjectId) ? groupObjectId : this.node.children.length}`.replace(/^grant/, 'Grant');
    return new RoleAssignment(this, id, { scope, roleDefinitionName: role, principalId: groupObjectId, principalType: 'Group' });
  }

  private identity(id: string, name: string, props: SecureAksClusterProps, tags: Record<string, string>): IManagedIdentity {
    const identity = new UserAssignedIdentity(this, id, { name, resourceGroupName: props.resourceGroupName, location: props.location, tags });
    return { id: identity.id, principalId: identity.principalId, clientId: identity.clientId };
  }

  private grant(id: string, role: string, scope: string, principalId: string): void {
    const assignment = new RoleAssignment(this, id, { scope, roleDefinitionName: role, principalId, principalType: 'ServicePrincipal' });
    this.dependencies.push(dependable(assignment));
  }

  private recordWaivers(props: SecureAksClusterProps): void {
    const waive = (item: ItemId, reason: string): void => void Checklist.of(this).waive(item, reason);
    if (props.publicApiServer) {
      waive('cluster-setup/private-cluster', props.publicApiServer.reason);
    }
    if (props.upgradeChannel === 'none') {
      waive('cluster-setup/upgrade-channel', props.upgradeChannelNoneReason as string);
      waive('operations/kubernetes-version-current', props.upgradeChannelNoneReason as string);
    }
    if (props.nodeOsUpgradeChannel === 'Unmanaged' || props.nodeOsUpgradeChannel === 'None') {
      waive('operations/node-os-patching', props.nodeOsUpgradeChannelReason as string);
    }
    if (props.skuTier === 'Free') {
      waive('disaster-recovery/control-plane-sla', props.freeTierReason as string);
    }
    if (props.disableWorkloadIdentity) {
      waive('development/workload-identity', props.disableWorkloadIdentity.reason);
    }
    if (props.disableKeda) {
      waive('development/application-autoscaling', props.disableKeda.reason);
    }
  }

  private clusterConfig(props: SecureAksClusterProps, tags: Record<string, string>, privateDnsZoneId: string | undefined): KubernetesClusterConfig {
    const channel = props.upgradeChannel ?? 'patch';
    const workloadIdentity = !props.disableWorkloadIdentity;
    return {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      dnsPrefix: props.dnsPrefix ?? (known(props.name) ? dnsPrefixFor(props.name) : props.name),
      kubernetesVersion: props.kubernetesVersion,
      nodeResourceGroup: props.nodeResourceGroup,
      skuTier: props.skuTier ?? 'Standard',
      tags,

      privateClusterEnabled: !props.publicApiServer,
      privateClusterPublicFqdnEnabled: false,
      privateDnsZoneId,
      apiServerAccessProfile: {
        virtualNetworkIntegrationEnabled: true,
        subnetId: props.apiServerSubnetId,
        authorizedIpRanges: props.publicApiServer?.authorizedIpRanges,
      },

      localAccountDisabled: true,
      roleBasedAccessControlEnabled: true,
      azureActiveDirectoryRoleBasedAccessControl: {
        azureRbacEnabled: true,
        adminGroupObjectIds: props.adminGroupObjectIds,
        tenantId: props.tenantId,
      },
      identity: { type: 'UserAssigned', identityIds: [this.controlPlaneIdentity.id] },
      kubeletIdentity: {
        userAssignedIdentityId: this.kubeletIdentity.id,
        clientId: this.kubeletIdentity.clientId,
        objectId: this.kubeletIdentity.principalId,
      },
      oidcIssuerEnabled: props.oidcIssuerEnabled ?? true,
      workloadIdentityEnabled: workloadIdentity,
      runCommandEnabled: false,

      azurePolicyEnabled: true,
      microsoftDefender: { logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId },
      imageCleanerEnabled: true,
      imageCleanerIntervalHours: props.imageCleanerIntervalHours ?? 48,
      keyVaultSecretsProvider: { secretRotationEnabled: true, secretRotationInterval: props.secretRotationInterval ?? '2m' },
      keyManagementService: props.kms ? { keyVaultKeyId: props.kms.keyVaultKeyId, keyVaultNetworkAccess: 'Private' } : undefined,
      diskEncryptionSetId: props.diskEncryptionSetId,

      automaticUpgradeChannel: channel === 'none' ? undefined : channel,
      nodeOsUpgradeChannel: this.nodeOsUpgradeChannel,
      maintenanceWindowAutoUpgrade: channel === 'none' ? undefined : weeklyWindow(props.autoUpgradeWindow ?? { dayOfWeek: 'Sunday' }),
      maintenanceWindowNodeOs: weeklyWindow(props.nodeOsUpgradeWindow ?? { dayOfWeek: 'Saturday' }),
      omsAgent: { logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId, msiAuthForMonitoringEnabled: true },
      monitorMetrics: {},
      storageProfile: {
        diskDriverEnabled: true,
        fileDriverEnabled: true,
        snapshotControllerEnabled: true,
        blobDriverEnabled: props.blobDriverEnabled ?? false,
      },
      workloadAutoscalerProfile: { kedaEnabled: !props.disableKeda },

      networkProfile: {
        networkPlugin: this.networkPlugin,
        networkPluginMode: this.networkPluginMode,
        networkDataPlane: this.networkDataPlane,
        networkPolicy: this.networkPolicy,
        loadBalancerSku: 'standard',
        outboundType: props.egress ? 'userDefinedRouting' : 'loadBalancer',
        podCidr: props.podCidr ?? '100.64.0.0/16',
        serviceCidr: props.serviceCidr ?? '100.65.0.0/16',
        dnsServiceIp: props.dnsServiceIp ?? '100.65.0.10',
      },
      defaultNodePool: this.systemPool(props, tags),
      windowsProfile: props.windowsProfile
        ? { adminUsername: props.windowsProfile.adminUsername, adminPassword: props.windowsProfile.adminPasswordReference, gmsa: props.windowsProfile.gmsa }
        : undefined,
      webAppRouting: props.webAppRouting,
    };
  }

  private systemPool(props: SecureAksClusterProps, tags: Record<string, string>): KubernetesClusterConfig['defaultNodePool'] {
    const pool = props.systemPool ?? {};
    const name = pool.name ?? 'system';
    const vmSize = pool.vmSize ?? 'Standard_D4ds_v5';
    const minCount = pool.minCount ?? 3;
    const disk = osDisk(this, vmSize, pool);
    return {
      name,
      vmSize,
      onlyCriticalAddonsEnabled: true,
      zones: pool.zones ?? ['1', '2', '3'],
      autoScalingEnabled: true,
      minCount,
      maxCount: pool.maxCount ?? 6,
      nodeCount: pool.nodeCount ?? minCount,
      maxPods: pool.maxPods ?? 50,
      osDiskType: disk.type,
      osDiskSizeGb: disk.sizeGb,
      osSku: pool.osSku ?? 'AzureLinux',
      hostEncryptionEnabled: true,
      nodePublicIpEnabled: false,
      vnetSubnetId: props.nodeSubnetId,
      temporaryNameForRotation: pool.temporaryNameForRotation ?? `${name.slice(0, 9)}tmp`,
      upgradeSettings: { maxSurge: pool.maxSurge ?? '33%' },
      tags,
    };
  }
}

function weeklyWindow(w: WeeklyWindowProps): NonNullable<KubernetesClusterConfig['maintenanceWindowNodeOs']> {
  return {
    frequency: 'Weekly',
    interval: w.intervalWeeks ?? 1,
    dayOfWeek: w.dayOfWeek,
    startTime: w.startTime ?? '00:00',
    duration: w.durationHours ?? 4,
    utcOffset: w.utcOffset ?? '+00:00',
  };
}

/** Ephemeral where the VM's local disks hold the OS disk; Managed otherwise (warning for unknown sizes). */
function osDisk(scope: Construct, vmSize: string, pool: SystemPoolProps): { type: 'Ephemeral' | 'Managed'; sizeGb: number } {
  const capacity = known(vmSize) ? ephemeralCapacityGiB(vmSize) : undefined;
  if (pool.osDiskType === 'Managed') {
    return { type: 'Managed', sizeGb: pool.osDiskSizeGb ?? 128 };
  }
  if (capacity === undefined) {
    if (pool.osDiskType === 'Ephemeral') {
      throw new PropError(CONSTRUCT, 'systemPool.osDiskType', 'Ephemeral', `cannot be checked for VM size '${vmSize}', which is not in the known VM size table`, "use a known size (e.g. Standard_D4ds_v5) or osDiskType 'Managed'");
    }
    Annotations.of(scope).addWarning(
      `${CONSTRUCT}: VM size '${vmSize}' is not in the known VM size table, so the system pool uses a Managed OS disk. Use a size with a cache or temp disk (e.g. Standard_D4ds_v5) for an ephemeral OS disk.`,
    );
    return { type: 'Managed', sizeGb: pool.osDiskSizeGb ?? 128 };
  }
  const sizeGb = pool.osDiskSizeGb ?? Math.min(128, capacity);
  if (capacity >= 30 && sizeGb <= capacity) {
    return { type: 'Ephemeral', sizeGb };
  }
  if (pool.osDiskType === 'Ephemeral') {
    throw new PropError(CONSTRUCT, 'systemPool.osDiskSizeGb', sizeGb, `does not fit the ${capacity} GiB cache/temp disk of ${vmSize}, so the OS disk cannot be ephemeral`, `use osDiskSizeGb <= ${capacity}, a larger VM size, or osDiskType 'Managed'`);
  }
  return { type: 'Managed', sizeGb: pool.osDiskSizeGb ?? 128 };
}

function validate(props: SecureAksClusterProps): void {
  checkClusterName(props.name);
  if (props.dnsPrefix !== undefined) {
    checkDnsPrefix(props.dnsPrefix);
  } else if (known(props.name)) {
    checkDnsPrefix(dnsPrefixFor(props.name));
  }
  if (props.kubernetesVersion !== undefined && known(props.kubernetesVersion)) {
    assertProp(/^\d+\.\d+(\.\d+)?$/.test(props.kubernetesVersion), CONSTRUCT, 'kubernetesVersion', props.kubernetesVersion, 'is not a Kubernetes version', "use 'major.minor' (e.g. '1.33') or 'major.minor.patch'");
  }
  for (const prop of ['nodeSubnetId', 'apiServerSubnetId', 'logAnalyticsWorkspaceId', 'resourceGroupName', 'location'] as const) {
    assertProp(typeof props[prop] === 'string' && props[prop].length > 0, CONSTRUCT, prop, props[prop], 'is required', `pass the ${prop}`);
  }

  assertProp(
    Array.isArray(props.adminGroupObjectIds) && props.adminGroupObjectIds.length > 0,
    CONSTRUCT,
    'adminGroupObjectIds',
    props.adminGroupObjectIds,
    'is empty: with local accounts disabled, nobody could administer the cluster',
    'list at least one Entra group object id',
  );
  props.adminGroupObjectIds.forEach((g, i) => checkGuid(`adminGroupObjectIds[${i}]`, g));
  if (props.tenantId !== undefined) {
    checkGuid('tenantId', props.tenantId);
  }
  if (props.disableWorkloadIdentity) {
    checkReason('disableWorkloadIdentity.reason', props.disableWorkloadIdentity.reason);
  } else {
    assertProp(
      props.oidcIssuerEnabled !== false,
      CONSTRUCT,
      'oidcIssuerEnabled',
      false,
      'is off while Workload Identity is on: Workload Identity needs the OIDC issuer',
      'keep oidcIssuerEnabled true, or pass disableWorkloadIdentity with a reason',
    );
  }
  if (props.disableKeda) {
    checkReason('disableKeda.reason', props.disableKeda.reason);
  }

  if (props.publicApiServer) {
    checkReason('publicApiServer.reason', props.publicApiServer.reason);
    checkAuthorizedRanges('publicApiServer.authorizedIpRanges', props.publicApiServer.authorizedIpRanges);
    assertProp(props.privateDnsZoneId === undefined, CONSTRUCT, 'privateDnsZoneId', props.privateDnsZoneId, 'is set on a public API server', 'drop privateDnsZoneId, or drop publicApiServer');
  }
  if (props.privateDnsZoneId !== undefined) {
    checkPrivateDnsZoneId(props.privateDnsZoneId);
  }

  checkAddressPlan({
    podCidr: props.podCidr ?? '100.64.0.0/16',
    serviceCidr: props.serviceCidr ?? '100.65.0.0/16',
    dnsServiceIp: props.dnsServiceIp ?? '100.65.0.10',
    vnetAddressSpaces: props.vnetAddressSpaces ?? [],
  });
  assertProp(
    props.networkPolicy === undefined || ['cilium', 'azure', 'calico'].includes(props.networkPolicy),
    CONSTRUCT,
    'networkPolicy',
    props.networkPolicy,
    'is not a network policy engine',
    "use 'cilium' (cilium data plane), 'azure' or 'calico'",
  );

  if (props.kms) {
    checkKeyId(props.kms.keyVaultKeyId);
  }

  const channel = props.upgradeChannel ?? 'patch';
  assertProp(['patch', 'stable', 'rapid', 'node-image', 'none'].includes(channel), CONSTRUCT, 'upgradeChannel', channel, 'is not an upgrade channel', "use 'patch', 'stable', 'rapid' or 'node-image'");
  if (channel === 'none') {
    checkReason('upgradeChannelNoneReason', props.upgradeChannelNoneReason);
  }
  const osChannel = props.nodeOsUpgradeChannel ?? 'NodeImage';
  assertProp(['NodeImage', 'SecurityPatch', 'Unmanaged', 'None'].includes(osChannel), CONSTRUCT, 'nodeOsUpgradeChannel', osChannel, 'is not a node OS upgrade channel', "use 'NodeImage' or 'SecurityPatch'");
  if (osChannel === 'Unmanaged' || osChannel === 'None') {
    checkReason('nodeOsUpgradeChannelReason', props.nodeOsUpgradeChannelReason);
  }
  assertProp(
    channel !== 'node-image' || osChannel === 'NodeImage',
    CONSTRUCT,
    'nodeOsUpgradeChannel',
    osChannel,
    "must be 'NodeImage' when upgradeChannel is 'node-image'",
    "use nodeOsUpgradeChannel 'NodeImage', or another upgradeChannel",
  );
  const tier = props.skuTier ?? 'Standard';
  assertProp(['Standard', 'Premium', 'Free'].includes(tier), CONSTRUCT, 'skuTier', tier, 'is not an AKS tier', "use 'Standard' or 'Premium'");
  if (tier === 'Free') {
    checkReason('freeTierReason', props.freeTierReason);
  }
  for (const [prop, w] of [['autoUpgradeWindow', props.autoUpgradeWindow], ['nodeOsUpgradeWindow', props.nodeOsUpgradeWindow]] as const) {
    if (w) {
      checkWindow(prop, w);
    }
  }
  checkRange('imageCleanerIntervalHours', props.imageCleanerIntervalHours, 24, 2160, ' hours');
  checkSystemPool(props.systemPool ?? {});
  if (props.windowsProfile) {
    const w = props.windowsProfile;
    assertProp(
      !known(w.adminPasswordReference),
      CONSTRUCT,
      'windowsProfile.adminPasswordReference',
      '(a literal string, not shown)',
      'is a literal password, which would be written into the synthesized Terraform',
      'pass a reference such as new DataAzurermKeyVaultSecret(...).value, so only the reference is synthesized',
    );
    assertProp(known(w.adminUsername) ? /^[A-Za-z][A-Za-z0-9_.-]{0,19}$/.test(w.adminUsername) : true, CONSTRUCT, 'windowsProfile.adminUsername', w.adminUsername, 'is not a valid Windows admin user name', 'use 1-20 letters, digits, ".", "-" or "_", starting with a letter');
    assertProp(
      known(w.adminUsername) ? !w.adminUsername.endsWith('.') && !WINDOWS_RESERVED_ADMIN_NAMES.includes(w.adminUsername.toLowerCase()) : true,
      CONSTRUCT,
      'windowsProfile.adminUsername',
      w.adminUsername,
      'is a name AKS refuses for the Windows admin account (it ends in "." or is reserved, e.g. admin, administrator, user1, root, guest)',
      "choose another name, e.g. 'aksadmin'",
    );
    if (w.gmsa) {
      assertProp(
        (w.gmsa.dnsServer === '') === (w.gmsa.rootDomain === ''),
        CONSTRUCT,
        'windowsProfile.gmsa',
        w.gmsa,
        'sets only one of dnsServer and rootDomain',
        'set both, or both to "" when the VNet DNS servers resolve the domain',
      );
    }
  }
}

function checkWindow(prop: string, w: WeeklyWindowProps): void {
  if (w.startTime !== undefined) {
    assertProp(HH_MM.test(w.startTime), CONSTRUCT, `${prop}.startTime`, w.startTime, 'is not HH:mm', "use 24-hour 'HH:mm', e.g. '02:00'");
  }
  if (w.utcOffset !== undefined) {
    assertProp(UTC_OFFSET.test(w.utcOffset), CONSTRUCT, `${prop}.utcOffset`, w.utcOffset, 'is not a UTC offset', "use '+HH:mm' or '-HH:mm', e.g. '+01:00'");
  }
  checkRange(`${prop}.durationHours`, w.durationHours, 4, 24, ' hours');
  checkRange(`${prop}.intervalWeeks`, w.intervalWeeks, 1, 4, ' weeks');
}

function checkSystemPool(pool: SystemPoolProps): void {
  const name = pool.name ?? 'system';
  checkPoolName('systemPool.name', name);
  if (pool.temporaryNameForRotation !== undefined) {
    checkPoolName('systemPool.temporaryNameForRotation', pool.temporaryNameForRotation);
    assertProp(pool.temporaryNameForRotation !== name, CONSTRUCT, 'systemPool.temporaryNameForRotation', pool.temporaryNameForRotation, 'equals the pool name', 'use a different name for the temporary pool');
  }
  if ((pool.minCount === undefined) !== (pool.maxCount === undefined)) {
    throw new PropError(
      CONSTRUCT,
      pool.minCount === undefined ? 'systemPool.minCount' : 'systemPool.maxCount',
      undefined,
      'is missing: autoscaling needs both bounds',
      'give both systemPool.minCount and systemPool.maxCount, or neither for the defaults (3-6)',
    );
  }
  checkRange('systemPool.minCount', pool.minCount, 1, 1000);
  checkRange('systemPool.maxCount', pool.maxCount, 1, 1000);
  const min = pool.minCount ?? 3;
  const max = pool.maxCount ?? 6;
  assertProp(min <= max, CONSTRUCT, 'systemPool.minCount', min, `is greater than maxCount ${max}`, 'use minCount <= maxCount');
  if (pool.nodeCount !== undefined) {
    assertProp(pool.nodeCount >= min && pool.nodeCount <= max, CONSTRUCT, 'systemPool.nodeCount', pool.nodeCount, `is outside the autoscaling bounds ${min}-${max}`, `use a node count from ${min} to ${max}`);
  }
  checkRange('systemPool.maxPods', pool.maxPods, 30, 250);
  checkRange('systemPool.osDiskSizeGb', pool.osDiskSizeGb, 30, 2048, ' GiB');
  if (pool.zones) {
    assertProp(
      pool.zones.length > 0 && pool.zones.every((z) => ['1', '2', '3'].includes(z)),
      CONSTRUCT,
      'systemPool.zones',
      pool.zones,
      'is not a non-empty list of zones 1-3',
      "use ['1', '2', '3'] where the region has zones",
    );
  }
  if (pool.maxSurge !== undefined) {
    assertProp(/^([1-9]\d*|[1-9]\d?%|100%)$/.test(pool.maxSurge), CONSTRUCT, 'systemPool.maxSurge', pool.maxSurge, 'is not a node count or a percentage', "use e.g. '33%' or '1'");
  }
}
