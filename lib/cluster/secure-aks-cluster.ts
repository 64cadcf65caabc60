/**
 * SecureAksCluster: an azurerm_kubernetes_cluster that meets every cluster-level item of The AKS
 * Checklist by default. Loosening a default is an explicit prop with a reason, recorded as a waiver.
 */
import { KubernetesCluster, KubernetesClusterConfig } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import type { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { Annotations, dependable, ITerraformDependable, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { libraryStack } from '../synth/library-stack';
import { Checklist } from '../checklist/checklist';
import type { ItemId } from '../checklist/types';
import type { IManagedIdentity } from '../core/contracts';
import { assertProp, PropError } from '../core/errors';
import { BuiltInRole, grantRole } from '../core/grants';
import { versionOf, versionWaiver } from '../core/kubernetes-versions';
import { atScope, checkGuid, isKnown } from '../core/validate';
import { validate } from './check-props';
import { ResolvedClusterDefaults, resolveClusterDefaults, systemPoolConfig } from './cluster-defaults';
import type { NamespaceRole, NetworkPolicyEngine, NodeOsUpgradeChannel, SecureAksClusterProps, WeeklyWindowProps } from './secure-aks-cluster-props';
import { featureConfig } from './cluster-features';
import { CONSTRUCT, dnsPrefixFor } from './validation';

export * from './secure-aks-cluster-props';
export { DEFAULT_DNS_SERVICE_IP, DEFAULT_POD_CIDR, DEFAULT_SERVICE_CIDR, describeSystemPool, resolveSystemPool } from './cluster-defaults';
export type { ResolvedSystemPool } from './cluster-defaults';

const NAMESPACE_ROLES: Readonly<Record<NamespaceRole, BuiltInRole>> = {
  reader: 'Azure Kubernetes Service RBAC Reader',
  writer: 'Azure Kubernetes Service RBAC Writer',
  admin: 'Azure Kubernetes Service RBAC Admin',
};
const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

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
  /** The cluster's region (for node pools: zones only where the region has them). */
  public readonly location: string;
  /** The system (default) pool's name (no user pool may take it). */
  public readonly systemPoolName: string;

  private readonly dependencies: string[] = [];

  public constructor(scope: Construct, id: string, props: SecureAksClusterProps) {
    super(scope, id);
    libraryStack(this);
    const tags = { ...(props.tags ?? {}) };
    const d = resolveClusterDefaults(props);
    atScope(this, () => validate(this, props, d));
    this.node.addValidation({ validate: () => this.checkNodeResourceGroup(props) });

    this.networkPolicy = d.networkPolicy;
    this.networkDataPlane = this.networkPolicy === 'cilium' ? 'cilium' : 'azure';
    this.nodeOsUpgradeChannel = d.nodeOsUpgradeChannel;
    this.location = props.location;
    this.systemPoolName = d.systemPool.name;

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

    this.resource = new KubernetesCluster(this, 'Cluster', this.clusterConfig(props, d, tags, privateDnsZoneId));
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
    if (isKnown(namespace)) {
      assertProp(DNS_LABEL.test(namespace), this, 'grantNamespaceAccess.namespace', namespace, 'is not a valid namespace name', 'use a DNS label: lowercase letters, digits and "-", 1-63 characters');
    }
    assertProp(role in NAMESPACE_ROLES, this, 'grantNamespaceAccess.role', role, 'is not a namespace role', `use one of ${Object.keys(NAMESPACE_ROLES).join(', ')}`);
    return this.grantGroup(`grantNamespaceAccess-${namespace}-${role}`, groupObjectId, NAMESPACE_ROLES[role], `${this.id}/namespaces/${namespace}`);
  }

  /** Makes the cluster wait for other resources (e.g. role assignments that KMS needs). */
  public addDependency(...dependables: ITerraformDependable[]): void {
    dependables.forEach((d) => this.dependencies.push(dependable(d)));
    this.resource.dependsOn = [...this.dependencies];
  }

  private grantGroup(method: string, groupObjectId: string, role: BuiltInRole, scope: string): RoleAssignment {
    atScope(this, () => checkGuid(CONSTRUCT, `${method}.groupObjectId`, groupObjectId, 'an Entra group object id'));
    const id = `${method}-${isKnown(groupObjectId) ? groupObjectId : this.node.children.length}`.replace(/^grant/, 'Grant');
    return grantRole(this, id, { scope, role, principalId: groupObjectId, principalType: 'Group' });
  }

  private identity(id: string, name: string, props: SecureAksClusterProps, tags: Record<string, string>): IManagedIdentity {
    const identity = new UserAssignedIdentity(this, id, { name, resourceGroupName: props.resourceGroupName, location: props.location, tags });
    return { id: identity.id, principalId: identity.principalId, clientId: identity.clientId };
  }

  private grant(id: string, role: BuiltInRole, scope: string, principalId: string): void {
    const assignment = grantRole(this, id, { scope, role, principalId, principalType: 'ServicePrincipal' });
    this.dependencies.push(dependable(assignment));
  }

  /** The node resource group AKS creates must not be a resource group the stack creates (AKS fails on an existing one). */
  private checkNodeResourceGroup(props: SecureAksClusterProps): string[] {
    const name = props.nodeResourceGroup;
    if (!isKnown(name)) {
      return [];
    }
    const groups = TerraformStack.of(this)
      .node.findAll()
      .filter((c): c is ResourceGroup => c instanceof ResourceGroup)
      .map((g) => g.nameInput)
      .filter((n): n is string => isKnown(n));
    const clash = [...groups, ...(isKnown(props.resourceGroupName) ? [props.resourceGroupName] : [])].find((g) => g.toLowerCase() === name.toLowerCase());
    return clash === undefined
      ? []
      : [new PropError(this, 'nodeResourceGroup', name, 'is a resource group this stack creates (or the cluster\'s own), and AKS creates the node resource group itself: it fails on an existing one', `give a name no other resource group uses, e.g. 'MC_${name}', or leave it unset`).message];
  }

  private recordWaivers(props: SecureAksClusterProps): void {
    const waive = (item: ItemId, reason: string): void => void Checklist.of(this).waive(item, reason);
    if (typeof props.kubernetesVersion === 'object') {
      waive('operations/kubernetes-version-current', versionWaiver(props.kubernetesVersion));
    }
    if (props.egress?.unfiltered) {
      waive('network/egress-lockdown', `unfiltered egress (${props.egress.outboundType}): ${props.egress.unfiltered.reason.trim()}`);
    }
    if (props.publicApiServer) {
      waive('cluster-setup/private-cluster', props.publicApiServer.reason);
    }
    if (typeof props.upgradeChannel === 'object') {
      waive('cluster-setup/upgrade-channel', props.upgradeChannel.reason);
      waive('operations/kubernetes-version-current', props.upgradeChannel.reason);
    }
    if (typeof props.nodeOsUpgradeChannel === 'object') {
      waive('operations/node-os-patching', props.nodeOsUpgradeChannel.reason);
    }
    if (typeof props.skuTier === 'object') {
      waive('disaster-recovery/control-plane-sla', props.skuTier.reason);
    }
    if (props.disableWorkloadIdentity) {
      waive('development/workload-identity', props.disableWorkloadIdentity.reason);
    }
    if (props.disableKeda) {
      waive('development/application-autoscaling', props.disableKeda.reason);
    }
  }

  private clusterConfig(props: SecureAksClusterProps, d: ResolvedClusterDefaults, tags: Record<string, string>, privateDnsZoneId: string | undefined): KubernetesClusterConfig {
    const channel = d.upgradeChannel;
    const workloadIdentity = !props.disableWorkloadIdentity;
    const features = featureConfig(this, props, { tier: d.skuTier, cilium: this.networkDataPlane === 'cilium' });
    return {
      ...features.cluster,
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      dnsPrefix: props.dnsPrefix ?? (isKnown(props.name) ? dnsPrefixFor(props.name) : props.name),
      kubernetesVersion: versionOf(props.kubernetesVersion),
      nodeResourceGroup: props.nodeResourceGroup,
      skuTier: d.skuTier,
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
        outboundType: props.egress?.outboundType ?? 'loadBalancer',
        natGatewayProfile: props.egress?.natGatewayProfile ? { ...props.egress.natGatewayProfile } : undefined,
        podCidr: d.podCidr,
        serviceCidr: d.serviceCidr,
        dnsServiceIp: d.dnsServiceIp,
        advancedNetworking: features.advancedNetworking,
      },
      defaultNodePool: systemPoolConfig(this, d.systemPool, props.systemPool, props.nodeSubnetId, tags),
      windowsProfile: props.windowsProfile
        ? { adminUsername: props.windowsProfile.adminUsername, adminPassword: props.windowsProfile.adminPasswordReference, gmsa: props.windowsProfile.gmsa }
        : undefined,
      webAppRouting: props.webAppRouting,
      bootstrapProfile: props.egress?.bootstrapProfile ? { ...props.egress.bootstrapProfile } : undefined,
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
