/**
 * PrivateRegistry: an Azure Container Registry that nothing outside the network can reach, that
 * clusters pull from with their managed identity (no passwords), geo-replicated to the home
 * region's pair, with quarantine, retention and no export by default.
 */
import { ContainerRegistry, ContainerRegistryConfig } from '@cdktf/provider-azurerm/lib/container-registry';
import type { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import type { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { SecurityCenterSubscriptionPricing } from '@cdktf/provider-azurerm/lib/security-center-subscription-pricing';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { libraryStack } from '../synth/library-stack';
import { Checklist } from '../checklist/checklist';
import { assertProp } from '../core/errors';
import { grantRole, Principal, principalIdOf } from '../core/grants';
import { normalizeRegion } from '../core/regions';
import { diagnosticSetting } from '../core/diagnostic-setting';
import { baseImageRefresh } from './base-image-refresh';
import { networkRuleSet, registryPrivateLink } from './network';
import type { NoGeoReplication, PrivateRegistryProps, RegistryRole } from './private-registry-props';
import { georeplications, resolveReplicas } from './replication';
import { resolveRetention, resolveZoneRedundancy, validateName, validatePublicAccess, validateSku } from './validation';
import { atScope, checkPlacement, checkZonesIn, isGuid } from '../core/validate';

export { ACR_PRIVATE_DNS_ZONE } from './network';
export * from './private-registry-props';

/**
 * A private, passwordless, geo-replicated Azure Container Registry.
 *
 * ```ts
 * const acr = new PrivateRegistry(this, 'acr', { name: 'contosoplatform', resourceGroupName, location,
 *   privateEndpoint: { subnetId: spoke.privateEndpointSubnetId }, dnsVirtualNetworkIds: [spoke.vnetId] });
 * acr.grantPull(cluster.kubeletIdentity); // an IManagedIdentity, or its principalId
 * ```
 */
export class PrivateRegistry extends Construct {
  /** The azurerm_container_registry. */
  public readonly registry: ContainerRegistry;
  /** Resource id of the registry. */
  public readonly registryId: string;
  /** Registry name as given. */
  public readonly registryName: string;
  /** `<name>.azurecr.io` (lower case): the host images are pulled from. */
  public readonly loginServer: string;
  /**
   * The login server and each region's data endpoint (`<name>.<region>.data.azurecr.io`, home and
   * replicas): exactly the hosts a cluster's egress firewall must allow for this registry, and the
   * registry the allowed-images policy names. Empty data endpoints for a non-Premium registry
   * (which serves data from shared storage hosts).
   */
  public readonly dataEndpointHosts: readonly string[];
  /** Programmatic names of the regions the registry serves: home first, then replicas. */
  public readonly regions: readonly string[];
  /** The private endpoints (home first). */
  public readonly privateEndpoints: readonly PrivateEndpoint[];
  /** Resource id of the private DNS zone the endpoints register in (created or given). */
  public readonly privateDnsZoneId?: string;

  private readonly props: PrivateRegistryProps;
  private readonly grants = new Map<string, RoleAssignment>();

  public constructor(scope: Construct, id: string, props: PrivateRegistryProps) {
    super(scope, id);
    libraryStack(this);
    this.props = props;
    atScope(this, () => validateName(props.name));
    checkPlacement(this, props);
    if (props.zoneRedundant === true) {
      checkZonesIn(this, 'zoneRedundant', true, props.location, 'a zone-redundant registry', 'leave zoneRedundant unset');
    }
    const home = normalizeRegion(props.location);
    const premium = props.skuOverride === undefined;
    const retention = resolveRetention(this, props);
    const replicas = resolveReplicas(this, props, home, premium);
    const zoneRedundant = resolveZoneRedundancy(this, props, home, premium);
    validateSku(this, props, replicas, zoneRedundant);
    validatePublicAccess(this, props);
    const tags = { ...(props.tags ?? {}) };

    const config: ContainerRegistryConfig = {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      sku: props.skuOverride?.sku ?? 'Premium',
      adminEnabled: false,
      anonymousPullEnabled: false,
      publicNetworkAccessEnabled: props.publicAccess !== undefined || !premium,
      networkRuleBypassOption: props.trustedServicesBypass === false ? 'None' : 'AzureServices',
      // Docker Content Trust is deprecated (removal 31 March 2028) and unsupported with CMK: left off.
      trustPolicyEnabled: false,
      tags,
      ...(premium
        ? {
            quarantinePolicyEnabled: true,
            retentionPolicyInDays: retention,
            // azurerm allows disabling export only on Premium with public network access disabled.
            exportPolicyEnabled: props.publicAccess !== undefined,
            zoneRedundancyEnabled: zoneRedundant,
            dataEndpointEnabled: true,
            georeplications: georeplications(replicas, tags),
          }
        : {}),
      networkRuleSet: networkRuleSet(props),
    };
    this.registry = new ContainerRegistry(this, 'registry', config);
    this.registryId = this.registry.id;
    this.registryName = props.name;
    // Names are case-insensitive; hosts are lower case. A token name cannot be lowered at synth.
    const host = Token.isUnresolved(props.name) ? props.name : props.name.toLowerCase();
    this.loginServer = `${host}.azurecr.io`;
    this.regions = [home, ...replicas.map((r) => r.location)];
    this.dataEndpointHosts = [this.loginServer, ...(premium ? this.regions.map((r) => `${host}.${r}.data.azurecr.io`) : [])];

    this.recordWaivers();
    const endpoints = premium ? registryPrivateLink(this, props, this.registry.id, home, replicas, tags) : { endpoints: [], zoneId: undefined };
    this.privateEndpoints = endpoints.endpoints;
    this.privateDnsZoneId = endpoints.zoneId;
    this.diagnostics();
    if (props.enableDefenderForContainers) {
      new SecurityCenterSubscriptionPricing(this, 'defender-containers', { tier: 'Standard', resourceType: 'Containers' });
    }
    if (props.baseImageRefresh) {
      baseImageRefresh(this, this.registry, this.props, props.baseImageRefresh, tags);
    }
  }

  /**
   * Lets an identity pull images (`AcrPull` at the registry's scope), e.g. a cluster's kubelet
   * identity: the cluster pulls with its managed identity, no password anywhere.
   * @param principal a managed identity or service principal (or its object id)
   * @param id construct id of the role assignment (to grant several identities)
   * @returns the role assignment
   */
  public grantPull(principal: Principal, id?: string): RoleAssignment {
    return this.grant('AcrPull', principalIdOf(principal), id, 'grantPull');
  }

  /**
   * Lets an identity push (and pull) images (`AcrPush`), e.g. a CI pipeline's workload identity.
   * @param principal a managed identity or service principal (or its object id)
   * @param id construct id of the role assignment
   */
  public grantPush(principal: Principal, id?: string): RoleAssignment {
    return this.grant('AcrPush', principalIdOf(principal), id, 'grantPush');
  }

  private grant(role: RegistryRole, principalId: string, id: string | undefined, method: string): RoleAssignment {
    assertProp(
      typeof principalId === 'string' && (Token.isUnresolved(principalId) || isGuid(principalId)),
      this,
      `${method}.principalId`,
      principalId,
      'is not an object id',
      "pass the identity's principal (object) id, e.g. cluster.kubeletIdentity.principalId (or pass the identity itself), not its client id or resource id",
    );
    const key = id ?? `${role === 'AcrPull' ? 'pull' : 'push'}-${this.grants.size}`;
    assertProp(!this.grants.has(key), this, `${method}.id`, key, 'is already used by another grant', 'give each grant its own id');
    const assignment = grantRole(this, key, { scope: this.registry.id, role, principalId, principalType: 'ServicePrincipal' });
    this.grants.set(key, assignment);
    return assignment;
  }

  private recordWaivers(): void {
    const checklist = Checklist.of(this);
    const g = this.props.geoReplicas;
    if (g !== undefined && !Array.isArray(g)) {
      checklist.waive('cluster-setup/registry-geo-replication', (g as NoGeoReplication).reason);
    }
    const p = this.props.publicAccess;
    if (p) {
      checklist.waive('container/registry-network-segmentation', p.reason);
      checklist.waive('network/private-registry-endpoint', p.reason);
    }
    const o = this.props.skuOverride;
    if (o) {
      for (const item of ['container/registry-network-segmentation', 'network/private-registry-endpoint', 'container/registry-quarantine'] as const) {
        checklist.waive(item, `${o.sku} SKU: ${o.reason}`);
      }
    }
  }

  private diagnostics(): void {
    const workspace = this.props.logAnalyticsWorkspaceId;
    if (workspace === undefined) {
      return;
    }
    diagnosticSetting(this, 'diagnostics', {
      name: `diag-${this.props.name}`,
      targetResourceId: this.registry.id,
      logAnalyticsWorkspaceId: workspace,
      categories: ['ContainerRegistryRepositoryEvents', 'ContainerRegistryLoginEvents'],
    });
  }
}
