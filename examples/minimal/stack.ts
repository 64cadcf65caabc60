/**
 * The minimal example: the smallest compliant AKS cluster for a team whose hub already exists. The
 * hub team owns the firewall, the hub VNet and the private DNS zones; this stack creates only the
 * spoke: network, cluster, monitoring, Key Vault with the etcd key, registry, node pools, policy.
 * Fork it: change the inputs below, nothing else is needed.
 */
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { VirtualNetworkPeering } from '@cdktf/provider-azurerm/lib/virtual-network-peering';
import { App, dependable, LocalBackend, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { type AlertingOptions, applicationRoutingConfig, Checklist, ClusterBaseline, ClusterMonitoring, ClusterGovernance, ClusterPolicies, DEFAULT_POD_CIDR, DEFAULT_SERVICE_CIDR, describeSystemPool, describeZonalPools, fluxKustomizationFor, GitOps, HubEgressRoute, type IManagedIdentity, Naming, NodePoolSet, OperationsAlerting, platformProvider, PrivateRegistry, RequiredTags, SecureAksCluster, SecureKeyVault, SecureLogAnalyticsWorkspace, SpokeNetwork, type TenantNamespaceProps, ZonalPoolsProps } from 'aks-checklist-cdktf';

/** What the hub team gives the spoke team. */
export interface ExistingHub {
  /** Private IP of the hub firewall: the next hop of the node subnets' default route. */
  readonly firewallPrivateIp: string;
  /** Resource id of the hub VNet: this stack peers the spoke to it (the hub-to-spoke side is the hub team's). */
  readonly vnetId: string;
  /** The hub's address space: the spoke's IP plan must not overlap it. */
  readonly addressSpace: string;
  /**
   * DNS servers of the spoke VNet: the hub's resolver (the firewall's DNS proxy or a DNS Private
   * Resolver inbound endpoint), which resolves the hub's private DNS zones.
   */
  readonly dnsServers: readonly string[];
  /** Resource ids of the hub's private DNS zones. */
  readonly privateDnsZoneIds: {
    /** `privatelink.azurecr.io`. */
    readonly registry: string;
    /** `privatelink.vaultcore.azure.net`. */
    readonly keyVault: string;
    /** `privatelink.<region>.azmk8s.io`: the private API server's zone. */
    readonly aks: string;
  };
}

/** The declared inputs of the minimal example. */
export interface MinimalInputs {
  /** Platform prefix in every name: 2-8 lowercase letters and digits. */
  readonly prefix: string;
  /** Environment in every name, e.g. `prod`. */
  readonly environment: string;
  /** Azure region of the spoke (the hub's region). */
  readonly location: string;
  readonly tenantId: string;
  readonly subscriptionId: string;
  /** Object id of the principal Terraform runs as (creates the etcd key). */
  readonly deployerObjectId: string;
  /** Entra groups that administer the cluster. */
  readonly adminGroupObjectIds: readonly string[];
  /** The spoke VNet's address space (planned by the IP planner). */
  readonly spokeAddressSpace: string;
  /** The existing hub. */
  readonly hub: ExistingHub;
  /** The team's namespaces: quotas, LimitRanges, default-deny network policies, IMDS blocked, owners. */
  readonly tenants: readonly TenantNamespaceProps[];
  /**
   * The Git repository (HTTPS, no credentials) where the team commits `cdktf.out/manifests/<cluster>/`;
   * Flux applies it. The hub firewall must allow its host (the hub team's rule).
   */
  readonly gitOpsUrl: string;
  /** The user pool: one pool per zone. */
  readonly userPool: ZonalPoolsProps & { readonly name: string };
  /** Tags on every resource (owner, cost-center, data-classification; environment is added). */
  readonly tags: Readonly<Record<string, string>>;
  /** `rehearsal` lets the provider purge soft-deleted vaults and workspaces on destroy. */
  readonly mode: 'production' | 'rehearsal';
  /** Who is told when something goes wrong (the team's on-call address), and the alert options. */
  readonly alerting: AlertingOptions;
}

const HUB_SUBSCRIPTION = '/subscriptions/00000000-0000-0000-0000-00000000000a/resourceGroups/rg-hub-weu';

/** The declared inputs (replace the ids with your hub's). */
export const INPUTS: MinimalInputs = {
  prefix: 'contoso',
  environment: 'prod',
  location: 'westeurope',
  tenantId: '00000000-0000-0000-0000-000000000001',
  subscriptionId: '00000000-0000-0000-0000-000000000002',
  deployerObjectId: '00000000-0000-0000-0000-000000000003',
  adminGroupObjectIds: ['00000000-0000-0000-0000-000000000004'],
  spokeAddressSpace: '10.20.0.0/22',
  hub: {
    firewallPrivateIp: '10.0.0.4',
    vnetId: `${HUB_SUBSCRIPTION}/providers/Microsoft.Network/virtualNetworks/vnet-hub-weu`,
    addressSpace: '10.0.0.0/22',
    dnsServers: ['10.0.0.4'],
    privateDnsZoneIds: {
      registry: `${HUB_SUBSCRIPTION}/providers/Microsoft.Network/privateDnsZones/privatelink.azurecr.io`,
      keyVault: `${HUB_SUBSCRIPTION}/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net`,
      aks: `${HUB_SUBSCRIPTION}/providers/Microsoft.Network/privateDnsZones/privatelink.westeurope.azmk8s.io`,
    },
  },
  userPool: { name: 'apps', vmSize: 'Standard_D4ds_v5', minCount: 1, maxCount: 3 },
  tenants: [
    {
      name: 'payments',
      owners: ['00000000-0000-0000-0000-000000000005'],
      labels: { owner: 'team-payments', costCenter: 'cc-4711', dataClassification: 'confidential' },
      ingressFromNamespaces: ['app-routing-system'],
    },
  ],
  gitOpsUrl: 'https://github.com/contoso/payments-aks-config',
  tags: { owner: 'team-payments', 'cost-center': 'cc-4711', 'data-classification': 'confidential' },
  mode: 'production',
  alerting: { receivers: { emails: ['payments-oncall@contoso.com'] } },
};

/** The spoke of the minimal example: every construct used directly. */
export class MinimalSpoke extends Construct {
  public readonly network: SpokeNetwork;
  public readonly egress: HubEgressRoute;
  public readonly cluster: SecureAksCluster;
  public readonly nodePools: NodePoolSet;
  public readonly baseline: ClusterBaseline;

  public constructor(scope: Construct, id: string, inputs: MinimalInputs) {
    super(scope, id);
    const naming = new Naming({ prefix: inputs.prefix, environment: inputs.environment, location: inputs.location });
    const location = inputs.location;
    RequiredTags.apply(TerraformStack.of(this), { tags: { ...inputs.tags, environment: inputs.environment } });

    const rg = new ResourceGroup(this, 'rg', { name: naming.resourceGroup('aks'), location });
    const placement = { resourceGroupName: rg.name, location };
    const workspace = new SecureLogAnalyticsWorkspace(this, 'logs', { ...placement, name: naming.generic('log', 'aks', 63) });

    // Network: sized for the system pool and the zonal user pools, clear of the hub's range.
    const { name: poolName, ...poolProps } = inputs.userPool;
    this.network = new SpokeNetwork(this, 'spoke', {
      ...placement,
      name: naming.generic('vnet', 'spoke', 64),
      addressSpace: inputs.spokeAddressSpace,
      // The cluster's own defaults (system pool, pod and service ranges), as SecureAksCluster resolves them.
      systemPool: describeSystemPool(),
      userPools: describeZonalPools(poolName, poolProps),
      podCidr: DEFAULT_POD_CIDR,
      serviceCidr: DEFAULT_SERVICE_CIDR,
      reservedRanges: [{ name: 'hub', cidr: inputs.hub.addressSpace }],
      dnsServers: inputs.hub.dnsServers,
    });
    const net = this.network;
    // The spoke side of the peering; the hub team creates the hub-to-spoke side (their VNet, their rights).
    new VirtualNetworkPeering(this, 'spoke-to-hub', {
      name: 'peer-spoke-to-hub',
      resourceGroupName: rg.name,
      virtualNetworkName: net.vnet.name,
      remoteVirtualNetworkId: inputs.hub.vnetId,
      allowVirtualNetworkAccess: true,
      allowForwardedTraffic: true,
      allowGatewayTransit: false,
      useRemoteGateways: false,
    });

    // Egress: every node subnet's default route goes to the hub firewall.
    this.egress = new HubEgressRoute(this, 'egress', {
      ...placement,
      name: naming.generic('rt', 'egress', 80),
      firewallPrivateIp: inputs.hub.firewallPrivateIp,
      nodeSubnets: Object.values(net.subnets)
        .filter((s) => s.purpose === 'nodes')
        .map((s) => ({ id: s.id, name: s.name })),
    });

    // Identities first: the vault grants them before the cluster exists.
    const controlPlane = identity(this, 'control-plane-identity', naming.generic('id', 'aksctl', 128), placement);
    const kubelet = identity(this, 'kubelet-identity', naming.generic('id', 'kubelet', 128), placement);

    const vault = new SecureKeyVault(this, 'vault', {
      ...placement,
      name: naming.keyVault(),
      tenantId: inputs.tenantId,
      privateEndpoint: { subnetId: net.privateEndpointSubnetId, privateDnsZoneId: inputs.hub.privateDnsZoneIds.keyVault },
      logAnalyticsWorkspaceId: workspace.workspaceId,
      keyOfficerPrincipalIds: [inputs.deployerObjectId],
    });
    const etcdKey = vault.addEtcdEncryptionKey();
    const kmsGrants = vault.grantEtcdEncryption(controlPlane.principalId);
    const disks = vault.addDiskEncryptionSet('disk-encryption', { name: naming.generic('des', 'aks', 80) });
    const diskRead = disks.grantClusterRead(controlPlane.principalId);

    const registry = new PrivateRegistry(this, 'registry', {
      ...placement,
      name: naming.registry(),
      privateEndpoint: { subnetId: net.privateEndpointSubnetId },
      privateDnsZoneId: inputs.hub.privateDnsZoneIds.registry,
      logAnalyticsWorkspaceId: workspace.workspaceId,
    });
    registry.grantPull(kubelet.principalId, 'kubelet-pull');

    this.cluster = new SecureAksCluster(this, 'cluster', {
      ...placement,
      name: naming.cluster(),
      nodeSubnetId: net.systemSubnet.id,
      apiServerSubnetId: net.apiServerSubnetId!,
      vnetAddressSpaces: [inputs.spokeAddressSpace],
      privateDnsZoneId: inputs.hub.privateDnsZoneIds.aks,
      adminGroupObjectIds: [...inputs.adminGroupObjectIds],
      tenantId: inputs.tenantId,
      controlPlaneIdentity: controlPlane,
      kubeletIdentity: kubelet,
      logAnalyticsWorkspaceId: workspace.workspaceId,
      kms: { keyVaultKeyId: etcdKey.keyId, dependsOn: kmsGrants },
      diskEncryptionSetId: disks.diskEncryptionSetId,
      egress: this.egress,
      webAppRouting: applicationRoutingConfig(this),
    });
    this.cluster.addDependency(diskRead);
    vault.grantSecretsRead(this.cluster.secretsProviderIdentity, 'csi-secrets-user');
    inputs.adminGroupObjectIds.forEach((g) => this.cluster.grantClusterAdmin(g));

    this.nodePools = new NodePoolSet(this, 'node-pools', { host: this.cluster, subnet: net.userSubnet() });
    this.nodePools.addZonalPools(poolName, poolProps);

    const monitoring = new ClusterMonitoring(this, 'monitoring', { ...placement, name: naming.generic('mon', 'aks', 35), clusterId: this.cluster.id, logAnalyticsWorkspaceId: workspace.workspaceId });
    // Alerting baseline; the hub firewall's alerts are the hub team's (its firewall is not in this stack).
    new OperationsAlerting(this, 'alerting', {
      ...inputs.alerting,
      ...placement,
      ...naming.alerting(),
      subscriptionId: inputs.subscriptionId,
      clusterId: this.cluster.id,
      clusterName: naming.cluster(),
      monitorWorkspaceId: monitoring.prometheus.monitorWorkspace.id,
      healthTargets: [
        { name: 'registry', id: registry.registryId },
        { name: 'vault', id: vault.keyVaultId },
      ],
      resourceGroupIds: [rg.id],
    });
    new ClusterPolicies(this, 'policies', { clusterId: this.cluster.id, allowedRegistries: [registry.loginServer], additionalExcludedNamespaces: ['app-routing-system', 'flux-system'] });
    // Azure-resource-level policy on the resource group: changes made outside Terraform are denied or reported by Azure.
    new ClusterGovernance(this, 'governance', { resourceGroupId: rg.id });

    // In-cluster baseline: rendered into cdktf.out/manifests/<cluster>/, committed to the Git repository, applied by Flux.
    this.baseline = new ClusterBaseline(this, 'baseline', { clusterName: naming.cluster(), tenants: [...inputs.tenants] });
    const gitOps = new GitOps(this, 'gitops', {
      clusterId: this.cluster.id,
      configurations: [
        {
          name: 'platform',
          repository: { url: inputs.gitOpsUrl, reference: { type: 'branch', value: 'main' } },
          kustomizations: [fluxKustomizationFor(this.baseline)],
        },
      ],
    });
    // Flux's agents run on user nodes (the system pool takes critical add-ons only).
    gitOps.extension.dependsOn = this.nodePools.pools.map((p) => dependable(p.resource));

    new TerraformOutput(this, 'cluster-name', { value: this.cluster.name });
    new TerraformOutput(this, 'registry-login-server', { value: registry.loginServer });
    new TerraformOutput(this, 'spoke-vnet-id', { value: net.vnetId, description: 'For the hub team: peer the hub to this VNet (allow forwarded traffic).' });
  }

  /** The spoke's IP plan as a Markdown table. */
  public get ipPlanMarkdown(): string {
    return this.network.planMarkdown;
  }
}

function identity(scope: Construct, id: string, name: string, placement: { resourceGroupName: string; location: string }): IManagedIdentity {
  const uai = new UserAssignedIdentity(scope, id, { name, ...placement });
  return { id: uai.id, principalId: uai.principalId, clientId: uai.clientId };
}

export interface MinimalOptions {
  /** Inputs. @default INPUTS */
  readonly inputs?: MinimalInputs;
}

/** Builds the minimal stack into `app`. */
export function buildMinimal(app: App, id = 'minimal', options: MinimalOptions = {}): { stack: TerraformStack; spoke: MinimalSpoke } {
  const inputs = options.inputs ?? INPUTS;
  const stack = new TerraformStack(app, id);
  // Local state keeps the example self-contained; use useRemoteState (lib/platform/remote-state) for real environments.
  // The state file is terraform.<stack>.tfstate in the project folder: Terraform runs in cdktf.out/stacks/<stack>/,
  // which synthesis rewrites (the cdktf CLI removes it), so state kept there would be lost.
  new LocalBackend(stack, { path: `../../../terraform.${stack.node.id}.tfstate` });
  platformProvider(stack, { subscriptionId: inputs.subscriptionId, tenantId: inputs.tenantId, mode: inputs.mode });
  const spoke = new MinimalSpoke(stack, 'spoke', inputs);
  Checklist.of(stack).enforce();
  return { stack, spoke };
}
