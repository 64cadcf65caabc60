/**
 * SecureAksPlatform: the whole secure AKS platform of one environment in one region, from a
 * handful of declared inputs, so that a whitespace redeployment ("delete everything and redeploy
 * the whole platform in an automated way") is one `terraform apply`.
 *
 * It composes the library's constructs and wires them the way each one documents: hub with the
 * egress firewall, spoke network sized by the IP planner, Key Vault with the etcd KMS key and the
 * disk encryption set, private registry, SecureAksCluster, user node pools, monitoring, Azure
 * Policy, and the DR options. Every part stays usable on its own.
 */
import { ManagementLock } from '@cdktf/provider-azurerm/lib/management-lock';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { dependable, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { libraryStack } from '../synth/library-stack';
import { Checklist } from '../checklist/checklist';
import { ISTIO_NAMESPACES } from '../cluster/cluster-features';
import { DEFAULT_POD_CIDR, DEFAULT_SERVICE_CIDR, describeSystemPool, SecureAksCluster } from '../cluster/secure-aks-cluster';
import { cidrOf, parseCidr } from '../core/cidr';
import { asCallerError, checkGitUrl, PropMapping } from '../core/validate';
import type { EgressFeature, IEgressPath, IManagedIdentity } from '../core/contracts';
import { privateDnsZoneWithLinks } from '../core/private-link';
import { AksBackup } from '../disaster-recovery/aks-backup';
import { GitOps } from '../disaster-recovery/gitops';
import { ClusterBaseline, fluxKustomizationFor } from '../in-cluster/cluster-baseline';
import { EgressFirewall } from '../egress/egress-firewall';
import { NatGatewayEgress } from '../egress/nat-gateway';
import { NetworkIsolatedEgress } from '../egress/network-isolated';
import { applicationRoutingConfig } from '../ingress/application-routing';
import { CustomerKeyDiskEncryption } from '../key-vault/disk-encryption';
import { SecureKeyVault } from '../key-vault/secure-key-vault';
import { VaultKey } from '../key-vault/vault-key';
import { OperationsAlerting } from '../monitoring/alerting';
import { ClusterMonitoring } from '../monitoring/cluster-monitoring';
import { SecureLogAnalyticsWorkspace } from '../monitoring/log-analytics';
import { SpokeNetwork } from '../network/spoke-network';
import { describePool, describeZonalPools, NodePoolProps, NodePoolSet, zonalPoolNames } from '../node-pools/node-pool-set';
import { ClusterGovernance } from '../policy/cluster-governance';
import { ClusterPolicies } from '../policy/cluster-policies';
import { PrivateRegistry } from '../registry/private-registry';
import { Naming } from './naming';
import type { SecureAksPlatformProps } from './secure-aks-platform-props';
import { validate } from './validate-platform';
import { addAlerting } from './platform-alerting';
import { RequiredTags } from './tags';

export * from './secure-aks-platform-props';

/** The whole secure AKS platform of one environment in one region. */
export class SecureAksPlatform extends Construct {
  public readonly naming: Naming;
  /** The hub's resource group (firewall outbound only). */
  public readonly hubResourceGroup?: ResourceGroup;
  public readonly resourceGroup: ResourceGroup;
  public readonly workspace: SecureLogAnalyticsWorkspace;
  public readonly network: SpokeNetwork;
  /** The hub firewall (firewall outbound only). */
  public readonly firewall?: EgressFirewall;
  /** The nodes' egress path: the firewall, a NAT gateway, or none (network isolated). */
  public readonly egress: IEgressPath;
  public readonly keyVault: SecureKeyVault;
  public readonly etcdKey: VaultKey;
  public readonly diskEncryption: CustomerKeyDiskEncryption;
  public readonly registry: PrivateRegistry;
  public readonly cluster: SecureAksCluster;
  public readonly nodePools: NodePoolSet;
  public readonly monitoring: ClusterMonitoring;
  public readonly policies: ClusterPolicies;
  public readonly governance: ClusterGovernance;
  public readonly gitOps?: GitOps;
  public readonly backup?: AksBackup;
  public readonly baseline: ClusterBaseline;
  /** The alerting baseline (unless disabled). */
  public readonly alerting?: OperationsAlerting;

  public constructor(scope: Construct, id: string, props: SecureAksPlatformProps) {
    super(scope, id);
    libraryStack(this);
    validate(this, props);
    // An inner construct's error names the platform's prop the value came from.
    const as = <T>(mapping: PropMapping, build: () => T): T => asCallerError(this, { location: 'location', tags: 'tags', ...mapping }, build);
    const mode = props.mode ?? 'production';
    const naming = (this.naming = new Naming({ prefix: props.prefix, environment: props.environment, location: props.location, uniqueSuffix: props.uniqueSuffix }));
    const location = props.location;
    const stack = TerraformStack.of(this);
    as({ requiredKeys: 'requiredTagKeys' }, () => RequiredTags.apply(stack, { tags: { ...props.tags, environment: props.environment }, requiredKeys: props.requiredTagKeys }));

    const outbound = props.outbound ?? { type: 'firewall' };
    if (outbound.type === 'firewall') {
      this.hubResourceGroup = new ResourceGroup(this, 'hub-rg', { name: naming.resourceGroup('hub'), location });
    }
    this.resourceGroup = new ResourceGroup(this, 'aks-rg', { name: naming.resourceGroup('aks'), location });
    const rg = this.resourceGroup.name;
    const placement = { resourceGroupName: rg, location };

    this.workspace = new SecureLogAnalyticsWorkspace(this, 'logs', { ...placement, name: naming.generic('log', 'aks', 63) });
    const workspaceId = this.workspace.workspaceId;

    // Network: pools first, because the IP plan sizes the subnets for them.
    const systemPool = props.systemPool ?? {};
    const userPools = props.userPools ?? [{ name: 'apps', vmSize: 'Standard_D4ds_v5', minCount: 1, maxCount: 5 }];
    const userDemands = userPools.flatMap((p) => ((p.zonal ?? true) ? describeZonalPools(p.name, p) : [describePool(p.name, p as NodePoolProps)]));
    this.network = as({ addressSpace: 'addressSpace.spoke' }, () => new SpokeNetwork(this, 'spoke', {
      ...placement,
      name: naming.generic('vnet', 'spoke', 64),
      addressSpace: props.addressSpace.spoke,
      systemPool: describeSystemPool(systemPool),
      userPools: userDemands,
      // The cluster's own defaults: the plan checks the ranges the cluster will use.
      podCidr: DEFAULT_POD_CIDR,
      serviceCidr: DEFAULT_SERVICE_CIDR,
      reservedRanges: props.addressSpace.hub ? [{ name: 'hub', cidr: props.addressSpace.hub }] : [],
    }));
    const net = this.network;
    const nodeSubnets = Object.values(net.subnets)
      .filter((s) => s.purpose === 'nodes')
      .map((s) => ({ id: s.id, name: s.name, addressPrefixes: [s.cidr], vnetId: net.vnetId, location }));

    // Hub: the egress firewall (and bastion) with rules generated from what the platform enables.
    const features: EgressFeature[] = ['aks-core', 'container-insights', 'managed-prometheus', 'azure-policy', 'defender', 'key-vault', 'container-registry'];
    if (props.gitOps) {
      features.push('gitops');
    }
    if (props.backup) {
      features.push('backup');
    }
    if (userPools.some((p) => p.osType === 'Windows')) {
      features.push('windows');
    }
    if (props.cluster?.serviceMesh) {
      features.push('service-mesh');
    }
    const hubGroup = this.hubResourceGroup;
    if (hubGroup) {
      const hub = parseCidr(props.addressSpace.hub as string)!;
      this.firewall = as({ tier: 'firewallTier', 'hubNetwork.addressSpace[0]': 'addressSpace.hub', 'featureOptions.gitops': 'gitOps.url', bastion: 'bastion' }, () => new EgressFirewall(this, 'egress', {
        resourceGroupName: hubGroup.name,
        location,
        name: naming.generic('afw', 'hub', 56),
        hubNetwork: { name: naming.generic('vnet', 'hub', 64), addressSpace: [props.addressSpace.hub as string] },
        firewallSubnet: { addressPrefix: cidrOf(hub.first, 26).text },
        bastion: props.bastion ? { subnetAddressPrefix: cidrOf(hub.first + 64, 26).text } : undefined,
        tier: props.firewallTier,
        logAnalyticsWorkspaceId: workspaceId,
        nodeSubnets,
        spokes: [{ vnetId: net.vnetId, vnetName: net.vnet.name, resourceGroupName: rg, location, peering: 'create' }],
        features,
        featureOptions: {
          'key-vault': { privateLink: true },
          'container-registry': { privateLink: true },
          ...(props.gitOps ? { gitops: { hosts: [checkGitUrl(this, 'gitOps.url', props.gitOps.url)?.host ?? props.gitOps.url] } } : {}),
        },
      }));
    }
    const dnsVnets = [net.vnetId, ...(this.firewall ? [this.firewall.hubVnetId] : [])];

    // Identities first: the vault grants them before the cluster exists (KMS needs its key access at creation).
    const controlPlane = identity(this, 'control-plane-identity', naming.generic('id', 'aksctl', 128), placement);
    const kubelet = identity(this, 'kubelet-identity', naming.generic('id', 'kubelet', 128), placement);

    this.keyVault = as({ tenantId: 'tenantId', 'keyOfficerPrincipalIds[0]': 'deployerObjectId' }, () => new SecureKeyVault(this, 'vault', {
      ...placement,
      name: naming.keyVault(),
      tenantId: props.tenantId,
      privateEndpoint: { subnetId: net.privateEndpointSubnetId, virtualNetworkIds: dnsVnets },
      logAnalyticsWorkspaceId: workspaceId,
      keyOfficerPrincipalIds: [props.deployerObjectId],
    }));
    this.etcdKey = this.keyVault.addEtcdEncryptionKey();
    const kmsGrants = this.keyVault.grantEtcdEncryption(controlPlane.principalId);
    this.diskEncryption = this.keyVault.addDiskEncryptionSet('disk-encryption', { name: naming.generic('des', 'aks', 80) });
    const desRead = this.diskEncryption.grantClusterRead(controlPlane.principalId);

    this.registry = as({ geoReplicas: 'registryGeoReplicas' }, () => new PrivateRegistry(this, 'registry', {
      ...placement,
      name: naming.registry(),
      privateEndpoint: { subnetId: net.privateEndpointSubnetId },
      dnsVirtualNetworkIds: dnsVnets,
      logAnalyticsWorkspaceId: workspaceId,
      enableDefenderForContainers: props.defenderForContainersPricing,
      geoReplicas: props.registryGeoReplicas,
    }));
    this.registry.grantPull(kubelet.principalId, 'kubelet-pull');

    if (this.firewall) {
      this.egress = this.firewall;
    } else if (outbound.type === 'natGateway') {
      const { type: _type, ...nat } = outbound;
      const userAssigned = (nat.mode ?? 'userAssigned') === 'userAssigned';
      this.egress = as({ '*': 'outbound' }, () =>
        new NatGatewayEgress(this, 'nat-gateway', {
          ...nat,
          ...(userAssigned ? { ...placement, name: naming.generic('ng', 'aks', 80), nodeSubnetIds: nodeSubnets.map((n) => n.id) } : {}),
        }),
      );
    } else {
      this.egress = new NetworkIsolatedEgress(this, 'network-isolated', { containerRegistryId: this.registry.registryId });
    }

    this.cluster = as(
      {
        ...Object.fromEntries(Object.keys(props.cluster ?? {}).map((k) => [k, `cluster.${k}`])),
        tenantId: 'tenantId',
        adminGroupObjectIds: 'adminGroupObjectIds',
        systemPool: 'systemPool',
        networkPolicy: 'networkPolicy',
        skuTier: 'skuTier',
        windowsProfile: 'windowsProfile',
      },
      () =>
        new SecureAksCluster(this, 'cluster', {
      ...placement,
      name: naming.cluster(),
      nodeSubnetId: net.systemSubnet.id,
      apiServerSubnetId: net.apiServerSubnetId!,
      vnetAddressSpaces: [props.addressSpace.spoke],
      adminGroupObjectIds: [...props.adminGroupObjectIds],
      tenantId: props.tenantId,
      controlPlaneIdentity: controlPlane,
      kubeletIdentity: kubelet,
      logAnalyticsWorkspaceId: workspaceId,
      kms: { keyVaultKeyId: this.etcdKey.keyId, dependsOn: kmsGrants },
      diskEncryptionSetId: this.diskEncryption.diskEncryptionSetId,
      egress: this.egress,
      systemPool,
      networkPolicy: props.networkPolicy,
      skuTier: props.skuTier,
      ...props.cluster,
      windowsProfile: props.windowsProfile,
      webAppRouting: applicationRoutingConfig(this),
    }),
    );
    this.cluster.addDependency(desRead);
    this.keyVault.grantSecretsRead(this.cluster.secretsProviderIdentity, 'csi-secrets-user');
    props.adminGroupObjectIds.forEach((g, i) => as({ 'grantClusterAdmin.groupObjectId': `adminGroupObjectIds[${i}]` }, () => this.cluster.grantClusterAdmin(g)));

    this.nodePools = new NodePoolSet(this, 'node-pools', { host: this.cluster, subnet: net.userSubnet() });
    userPools.forEach((pool, i) => {
      const { name, zonal, ...poolProps } = pool;
      const at = `userPools[${i}]`;
      // Pool props are `<pool>.<prop>` (zonal pools `<name>z<zone>.<prop>`); the set's own props name the pool.
      const mapping: PropMapping = {
        ...Object.fromEntries([name, ...zonalPoolNames(name, pool.zones ?? [1, 2, 3])].map((n) => [n, at])),
        name: `${at}.name`,
        baseName: `${at}.name`,
        zones: `${at}.zones`,
        'host.networkDataPlane': 'networkPolicy',
        'host.networkPolicy': 'networkPolicy',
        'host.nodeOsUpgradeChannel': 'networkPolicy',
      };
      as(mapping, () => ((zonal ?? true) ? this.nodePools.addZonalPools(name, poolProps) : this.nodePools.addPool(name, poolProps as NodePoolProps)));
    });

    this.monitoring = as({ 'grafana.adminGroupObjectIds': 'grafanaAdminGroupObjectIds', applicationInsights: 'applicationInsights' }, () => new ClusterMonitoring(this, 'monitoring', {
      ...placement,
      name: naming.generic('mon', 'aks', 35),
      clusterId: this.cluster.id,
      logAnalyticsWorkspaceId: workspaceId,
      grafana: props.grafanaAdminGroupObjectIds ? { name: naming.generic('amg', '', 23), adminGroupObjectIds: [...props.grafanaAdminGroupObjectIds] } : undefined,
      applicationInsights: props.applicationInsights,
    }));

    this.alerting = addAlerting(this, props, naming);

    // Namespaces of the add-ons the platform turns on: their Microsoft images and privileged pods
    // must not be blocked by the Deny assignments (Calico runs its agents in calico-system).
    const addOnNamespaces = [
      'app-routing-system',
      ...(props.gitOps ? ['flux-system'] : []),
      ...(props.backup ? ['dataprotection-microsoft'] : []),
      ...(props.networkPolicy === 'calico' ? ['calico-system', 'tigera-operator'] : []),
      ...(props.cluster?.serviceMesh ? ISTIO_NAMESPACES : []),
    ];
    this.policies = as({ '*': 'policy' }, () => new ClusterPolicies(this, 'policies', {
      ...props.policy,
      clusterId: this.cluster.id,
      allowedRegistries: [this.registry.loginServer],
      additionalExcludedNamespaces: [...addOnNamespaces, ...(props.policy?.additionalExcludedNamespaces ?? [])],
    }));

    const governance = props.governance ?? {};
    this.governance = as({ '*': 'governance' }, () => new ClusterGovernance(this, 'governance', {
      ...governance,
      ...(governance.scope === 'subscription' ? { subscriptionId: props.subscriptionId } : { resourceGroupId: this.resourceGroup.id }),
    }));

    this.baseline = as({ tenants: 'tenants' }, () => new ClusterBaseline(this, 'baseline', { clusterName: naming.cluster(), tenants: [...props.tenants] }));
    // The tenants' FQDN allowances pass the firewall too: the in-cluster policy names the pods, the firewall the nodes.
    props.tenants.forEach((tenant, i) => {
      (tenant.egressFqdns ?? []).forEach((a, j) => {
        const rule = `tenant-${tenant.name}-${a.name}`.slice(0, 80);
        as({ [`allowFqdns('${rule}')`]: `tenants[${i}].egressFqdns[${j}]` }, () =>
          this.firewall?.allowFqdns(rule, { fqdns: a.fqdns, protocols: (a.ports ?? [443]).map((port) => ({ type: 'Https' as const, port })) }),
        );
      });
    });

    const gitOps = props.gitOps;
    if (gitOps) {
      const repo = 'configurations[platform].repository';
      this.gitOps = as(
        { [`${repo}.url`]: 'gitOps.url', [`${repo}.reference.value`]: 'gitOps.branch', [`${repo}.localAuthReference`]: 'gitOps.localAuthReference', 'configurations[platform].kustomizations': 'gitOps.kustomizations' },
        () =>
          new GitOps(this, 'gitops', {
        clusterId: this.cluster.id,
        configurations: [
          {
            name: 'platform',
            repository: {
              url: gitOps.url,
              reference: { type: 'branch', value: gitOps.branch ?? 'main' },
              localAuthReference: gitOps.localAuthReference,
            },
            kustomizations: gitOps.kustomizations ?? [fluxKustomizationFor(this.baseline)],
          },
        ],
      }),
      );
    }

    if (props.backup) {
      const blobZone = privateDnsZoneWithLinks(this, 'blob-dns', {
        zoneName: 'privatelink.blob.core.windows.net',
        resourceGroupName: rg,
        virtualNetworkIds: dnsVnets,
        linkName: (i) => `${i === 0 ? 'spoke' : 'hub'}-link`,
      }).zone;
      const snapshots = new ResourceGroup(this, 'snapshot-rg', { name: naming.resourceGroup('snapshots'), location });
      this.backup = as({ subscriptionId: 'subscriptionId', tenantId: 'tenantId', redundancy: 'backup', storageReplication: 'backup' }, () => new AksBackup(this, 'backup', {
        ...placement,
        vaultName: naming.generic('bvault', 'aks', 50),
        storageAccountName: naming.storageAccount('bkp'),
        subscriptionId: props.subscriptionId,
        tenantId: props.tenantId,
        storagePrivateEndpoint: { subnetId: net.privateEndpointSubnetId, privateDnsZoneId: blobZone.id },
        logAnalyticsWorkspaceId: workspaceId,
        clusters: [
          {
            name: naming.cluster(),
            clusterId: this.cluster.id,
            clusterPrincipalId: controlPlane.principalId,
            snapshotResourceGroup: { name: snapshots.name, id: snapshots.id },
          },
        ],
      }));
    }

    // Cluster extensions run their agents on user nodes (the system pool takes critical add-ons only):
    // on a whitespace deployment they install after the user pools exist.
    const extensions = [this.gitOps?.extension, ...[...(this.backup?.backups.values() ?? [])].map((b) => b.extension)];
    for (const extension of extensions) {
      if (extension) {
        extension.dependsOn = [...(extension.dependsOn ?? []), ...this.nodePools.pools.map((p) => dependable(p.resource))];
      }
    }

    if (props.protectStatefulResources ?? mode === 'production') {
      const stateful: [string, string][] = [
        ['registry', this.registry.registryId],
        ['vault', this.keyVault.keyVaultId],
        ['workspace', workspaceId],
        ...(this.backup ? ([['backup-vault', this.backup.vault.id]] as [string, string][]) : []),
      ];
      for (const [name, scopeId] of stateful) {
        new ManagementLock(this, `lock-${name}`, {
          name: `lock-${name}`,
          scope: scopeId,
          lockLevel: 'CanNotDelete',
          notes: 'Stateful platform resource: remove the lock deliberately before a teardown (SecureAksPlatform protectStatefulResources).',
        });
      }
    }

    new TerraformOutput(this, 'cluster-name', { value: this.cluster.name });
    new TerraformOutput(this, 'registry-login-server', { value: this.registry.loginServer });
    new TerraformOutput(this, 'oidc-issuer-url', { value: this.cluster.oidcIssuerUrl });

    if (props.checklist !== undefined) {
      Checklist.of(stack).enforce({ mode: props.checklist });
    }
  }

  /** The spoke's IP plan as a Markdown table (subnet, CIDR, capacity, required, headroom). */
  public get ipPlanMarkdown(): string {
    return this.network.planMarkdown;
  }
}

function identity(scope: Construct, id: string, name: string, placement: { resourceGroupName: string; location: string }): IManagedIdentity {
  const uai = new UserAssignedIdentity(scope, id, { name, ...placement });
  return { id: uai.id, principalId: uai.principalId, clientId: uai.clientId };
}
