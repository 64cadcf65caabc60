/**
 * The multi-region example: the secure AKS platform in two paired regions (one stack each, with
 * its own hub, firewall, registry and cluster) and a global stack with a Traffic Manager profile
 * that fails over between the regions' public entry points. Each region's registry replicates to
 * the other region. The stacks share no reference: each deploys (and redeploys) on its own.
 * Fork it: change the inputs below, nothing else is needed.
 */
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { App, LocalBackend, TerraformOutput, TerraformStack } from 'cdktf';
import { Checklist, EnvironmentKind, GlobalTrafficManager, Naming, platformProvider, RequiredTags, SecureAksPlatform, SecureAksPlatformProps, UpgradeFleet } from 'aks-checklist-cdktf';

/** One region of the deployment. */
export interface RegionInputs {
  /** Azure region, e.g. `westeurope`. */
  readonly location: string;
  /** Hub and spoke address spaces: distinct from every other region's (the regions may be peered later). */
  readonly addressSpace: { readonly hub: string; readonly spoke: string };
  /**
   * The region's public entry point (the FQDN of its WAF / edge, e.g. an Application Gateway's
   * public IP DNS name): the Traffic Manager endpoint's target.
   */
  readonly publicEntryHostname: string;
  /** Traffic Manager priority: 1 is the active region. */
  readonly priority: number;
}

/** The declared inputs of the multi-region example. */
export interface MultiRegionInputs {
  /** Everything the regional platforms share (location and address spaces come from `regions`). */
  readonly platform: Omit<SecureAksPlatformProps, 'location' | 'addressSpace' | 'registryGeoReplicas'>;
  /** The two paired regions. */
  readonly regions: readonly [RegionInputs, RegionInputs];
  /** Traffic Manager: DNS label under trafficmanager.net and the health probe path each region serves. */
  readonly trafficManager: { readonly dnsRelativeName: string; readonly healthPath: string };
  /**
   * Azure Kubernetes Fleet Manager in the global stack: both clusters as members, one update group
   * per region, and an update strategy that upgrades the secondary region (the higher priority
   * number) first and the primary after `soakSeconds`. Each regional stack then also audits fleet
   * membership (ClusterGovernance requireFleetMembership).
   * @default no fleet
   */
  readonly fleet?: { readonly soakSeconds?: number };
}

/** The declared inputs (replace the ids and hostnames with your own). */
export const INPUTS: MultiRegionInputs = {
  platform: {
    prefix: 'contoso',
    environment: 'prod',
    tenantId: '00000000-0000-0000-0000-000000000001',
    subscriptionId: '00000000-0000-0000-0000-000000000002',
    deployerObjectId: '00000000-0000-0000-0000-000000000003',
    adminGroupObjectIds: ['00000000-0000-0000-0000-000000000004'],
    tags: { owner: 'platform-team', 'cost-center': 'cc-1234', 'data-classification': 'confidential' },
    userPools: [{ name: 'apps', vmSize: 'Standard_D4ds_v5', minCount: 1, maxCount: 5 }],
    // Each region's platform has its own action group and alerts, all to the same on-call address.
    alerting: { receivers: { emails: ['platform-oncall@contoso.com'] } },
    // The same configuration repository in both regions: Flux applies the same tenants in each (manifests/<cluster>/ per region).
    gitOps: { url: 'https://github.com/contoso/aks-platform-config', branch: 'main' },
    tenants: [
      {
        name: 'storefront',
        owners: ['00000000-0000-0000-0000-000000000005'],
        labels: { owner: 'storefront-team', costCenter: 'cc-2001', dataClassification: 'internal' },
        ingressFromNamespaces: ['app-routing-system'],
      },
    ],
  },
  regions: [
    { location: 'westeurope', addressSpace: { hub: '10.0.0.0/24', spoke: '10.10.0.0/16' }, publicEntryHostname: 'weu.apps.contoso.com', priority: 1 },
    { location: 'northeurope', addressSpace: { hub: '10.1.0.0/24', spoke: '10.11.0.0/16' }, publicEntryHostname: 'neu.apps.contoso.com', priority: 2 },
  ],
  trafficManager: { dnsRelativeName: 'contoso-prod-apps', healthPath: '/healthz' },
  fleet: { soakSeconds: 3600 },
};

/** The stacks of the example. */
export interface MultiRegionStacks {
  /** One platform stack per region, in the order of `regions`. */
  readonly regional: readonly { readonly stack: TerraformStack; readonly platform: SecureAksPlatform }[];
  /** The global stack (Traffic Manager). */
  readonly global: TerraformStack;
  readonly trafficManager: GlobalTrafficManager;
  /** The fleet (with `inputs.fleet`). */
  readonly fleet?: UpgradeFleet;
}

/** A stack with local state and the azurerm provider configured for the inputs. */
function baseStack(app: App, id: string, platform: MultiRegionInputs['platform']): TerraformStack {
  const stack = new TerraformStack(app, id);
  const mode: EnvironmentKind = platform.mode ?? 'production';
  // Local state keeps the example self-contained; use useRemoteState (lib/platform/remote-state) for real environments: one key per stack.
  // The state file is terraform.<stack>.tfstate in the project folder: Terraform runs in cdktf.out/stacks/<stack>/,
  // which synthesis rewrites (the cdktf CLI removes it), so state kept there would be lost.
  new LocalBackend(stack, { path: `../../../terraform.${stack.node.id}.tfstate` });
  platformProvider(stack, { subscriptionId: platform.subscriptionId, tenantId: platform.tenantId, mode });
  return stack;
}

/** Builds the regional stacks (`<id>-<region>`) and the global stack (`<id>-global`) into `app`. */
export function buildMultiRegion(app: App, id = 'multi-region', inputs: MultiRegionInputs = INPUTS): MultiRegionStacks {
  const [first, second] = inputs.regions;
  const regional = inputs.regions.map((region) => {
    const other = region === first ? second : first;
    const stack = baseStack(app, `${id}-${region.location}`, inputs.platform);
    const platform = new SecureAksPlatform(stack, 'platform', {
      ...inputs.platform,
      location: region.location,
      addressSpace: region.addressSpace,
      // Each region's registry keeps a replica in the other region.
      registryGeoReplicas: [{ location: other.location }],
      governance: { ...inputs.platform.governance, requireFleetMembership: inputs.fleet !== undefined || inputs.platform.governance?.requireFleetMembership },
    });
    return { stack, platform };
  });

  const global = baseStack(app, `${id}-global`, inputs.platform);
  const naming = new Naming({ prefix: inputs.platform.prefix, environment: inputs.platform.environment, location: first.location });
  RequiredTags.apply(global, { tags: { ...inputs.platform.tags, environment: inputs.platform.environment }, requiredKeys: inputs.platform.requiredTagKeys });
  // Traffic Manager is global; its resource group needs a location for its metadata: the primary region.
  const rg = new ResourceGroup(global, 'global-rg', { name: naming.resourceGroup('global'), location: first.location });
  const trafficManager = new GlobalTrafficManager(global, 'traffic', {
    name: naming.generic('traf', 'apps', 63),
    resourceGroupName: rg.name,
    dnsRelativeName: inputs.trafficManager.dnsRelativeName,
    routingMethod: 'Priority',
    monitor: { protocol: 'HTTPS', port: 443, path: inputs.trafficManager.healthPath, expectedStatusCodeRanges: ['200-299'] },
    endpoints: inputs.regions.map((r) => ({ name: `entry-${r.location}`, target: r.publicEntryHostname, location: r.location, priority: r.priority })),
  });
  new TerraformOutput(global, 'traffic-manager-fqdn', { value: trafficManager.fqdn, description: "CNAME the application's public name to this." });

  // Fleet Manager: the members are the regional clusters by their deterministic ids (no cross-stack reference).
  let fleet: UpgradeFleet | undefined;
  if (inputs.fleet) {
    const secondaryFirst = [...inputs.regions].sort((a, b) => b.priority - a.priority).map((r) => r.location);
    fleet = new UpgradeFleet(global, 'fleet', {
      name: naming.generic('fleet', 'aks', 63),
      resourceGroupName: rg.name,
      location: first.location,
      members: regional.map(({ platform }, i) => ({
        name: inputs.regions[i].location,
        group: inputs.regions[i].location,
        clusterId: `/subscriptions/${inputs.platform.subscriptionId}/resourceGroups/${platform.naming.resourceGroup('aks')}/providers/Microsoft.ContainerService/managedClusters/${platform.naming.cluster()}`,
      })),
      upgradeOrder: secondaryFirst,
      soakSeconds: inputs.fleet.soakSeconds,
    });
    new TerraformOutput(global, 'fleet-update-strategy', { value: fleet.updateStrategy.name, description: 'az fleet updaterun create --update-strategy-name <this> ...: upgrades the secondary region, then the primary.' });
  }
  Checklist.of(global).enforce();
  return { regional, global, trafficManager, fleet };
}
