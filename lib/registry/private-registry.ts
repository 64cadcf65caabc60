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
import { assertProp, PropError } from '../core/errors';
import { grantRole, Principal, principalIdOf } from '../core/grants';
import { normalizeRegion, pairedRegion, regionInfo } from '../core/regions';
import { diagnosticSetting } from '../core/diagnostic-setting';
import { privateDnsZoneWithLinks, privateEndpoint } from '../core/private-link';
import { baseImageRefresh } from './base-image-refresh';
import type { GeoReplicaProps, NoGeoReplication, PrivateRegistryProps, RegistryRole } from './private-registry-props';
import { atScope, checkAllowedRanges, checkIpOrCidr, checkLoosening, checkOpenRegion, checkPlacement, checkReason, checkZonesIn, isPrivateRange } from '../core/validate';

const C = 'PrivateRegistry';

/** The private DNS zone of ACR's private link (public cloud). */
export const ACR_PRIVATE_DNS_ZONE = 'privatelink.azurecr.io';

export * from './private-registry-props';


const NAME = /^[a-zA-Z0-9]{5,50}$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
    const retention = props.retentionDays ?? 7;
    assertProp(
      Token.isUnresolved(retention) || (Number.isInteger(retention) && retention >= 0 && retention <= 365),
      this,
      'retentionDays',
      retention,
      'is outside 0-365',
      'give a whole number of days between 0 and 365 (ACR keeps untagged manifests at most a year)',
    );
    const replicas = this.resolveReplicas(home, premium);
    const zoneRedundant = this.resolveZoneRedundancy(home, premium);
    this.validateSku(replicas, zoneRedundant);
    this.validatePublicAccess();
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
            georeplications: replicas.length === 0 ? undefined : replicas.map((r) => ({
              location: r.location,
              zoneRedundancyEnabled: regionInfo(r.location)?.zones ?? true,
              regionalEndpointEnabled: false,
              tags,
            })),
          }
        : {}),
      ...(props.publicAccess
        ? {
            networkRuleSet: [
              {
                defaultAction: 'Deny',
                ipRule: props.publicAccess.allowedIpRanges.map((ipRange) => ({ action: 'Allow', ipRange })),
              },
            ],
          }
        : {}),
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
    const endpoints = premium ? this.privateLink(home, replicas, tags) : { endpoints: [], zoneId: undefined };
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
      typeof principalId === 'string' && (Token.isUnresolved(principalId) || GUID.test(principalId)),
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

  private resolveReplicas(home: string, premium: boolean): GeoReplicaProps[] {
    const given = this.props.geoReplicas;
    if (Array.isArray(given) && given.length === 0) {
      throw new PropError(this, 'geoReplicas', given, 'turns geo-replication off without a reason', "give geoReplicas: { disabled: true, reason: '<why>' } (recorded as a waiver in the checklist report), or list the replicas");
    }
    if (given !== undefined && !Array.isArray(given)) {
      checkLoosening(this, 'geoReplicas', given, 'disabled', [true], 'geo-replication off');
      return [];
    }
    if (given === undefined) {
      if (!premium) {
        return [];
      }
      const info = regionInfo(home);
      const pair = pairedRegion(home);
      if (pair && regionInfo(pair)?.restricted) {
        throw new PropError(
          this,
          'location',
          this.props.location,
          `has the access-restricted region '${pair}' as its Azure pair, so the default geo-replica cannot be created there without a support request`,
          "give geoReplicas explicitly with an open region, e.g. geoReplicas: [{ location: 'westeurope' }], or geoReplicas: { disabled: true, reason: '<why>' }",
        );
      }
      if (!pair) {
        throw new PropError(
          this,
          'location',
          this.props.location,
          info ? 'is a region with no Azure pair, so there is no default geo-replica' : 'is a region the library does not know, so it cannot pick the paired region for the default geo-replica',
          "give geoReplicas explicitly, e.g. geoReplicas: [{ location: 'westeurope' }], or geoReplicas: { disabled: true, reason: '<why>' }",
        );
      }
      return [{ location: pair }];
    }
    const seen = new Set<string>();
    return (given as readonly GeoReplicaProps[]).map((r, i) => {
      checkOpenRegion(this, `geoReplicas[${i}].location`, r.location, 'a registry replica');
      const location = normalizeRegion(r.location);
      assertProp(location !== home, this, `geoReplicas[${i}].location`, r.location, `is the home region '${home}'`, 'replicate to another region: the home region already holds the registry');
      assertProp(!seen.has(location), this, `geoReplicas[${i}].location`, r.location, 'is given twice', 'list each replica region once');
      seen.add(location);
      return { ...r, location };
    });
  }

  private validateSku(replicas: readonly GeoReplicaProps[], zoneRedundant: boolean): void {
    const o = this.props.skuOverride;
    if (!o) {
      return;
    }
    const fix = (what: string): string => `keep Premium (drop skuOverride), or ${what}`;
    assertProp(o.sku === 'Basic' || o.sku === 'Standard', this, 'skuOverride.sku', o.sku, 'is not Basic or Standard', "use 'Basic' or 'Standard', or drop skuOverride for Premium");
    const replicating = this.props.geoReplicas === undefined || replicas.length > 0;
    assertProp(!replicating, this, 'skuOverride', o.sku, `cannot geo-replicate (Premium only)${this.props.geoReplicas === undefined ? ', and geo-replication is on by default' : ''}`, fix("set geoReplicas: { disabled: true, reason: '<why>' }"));
    assertProp(!zoneRedundant, this, 'skuOverride', o.sku, 'cannot be zone-redundant here (azurerm: Premium only)', fix('leave zoneRedundant unset'));
    assertProp(this.props.privateEndpoint === undefined, this, 'skuOverride', o.sku, 'has no private link (Premium only)', fix('remove privateEndpoint'));
    assertProp(this.props.publicAccess === undefined, this, 'skuOverride', o.sku, 'has no IP network rules (Premium only): the registry is fully public', fix('remove publicAccess'));
    assertProp(this.props.baseImageRefresh === undefined, this, 'skuOverride', o.sku, 'has no dedicated agent pools (Premium only)', fix('remove baseImageRefresh'));
    assertReason(this, o.reason, 'skuOverride.reason', `a ${o.sku} registry`);
  }

  private validatePublicAccess(): void {
    const p = this.props.publicAccess;
    if (!p) {
      return;
    }
    assertReason(this, p.reason, 'publicAccess.reason', 'public network access to the registry');
    assertProp(Array.isArray(p.allowedIpRanges) && p.allowedIpRanges.length > 0, this, 'publicAccess.allowedIpRanges', p.allowedIpRanges, 'is empty', 'list the public IPs or CIDR ranges that must reach the registry');
    p.allowedIpRanges.forEach((range, i) => {
      assertProp(Token.isUnresolved(range) || range !== '0.0.0.0', this, `publicAccess.allowedIpRanges[${i}]`, range, 'opens the registry to the whole internet', 'list only the ranges that need access');
      const cidr = checkIpOrCidr(this, `publicAccess.allowedIpRanges[${i}]`, range);
      assertProp(
        cidr === undefined || cidr.prefix === 0 || !isPrivateRange(cidr),
        this,
        `publicAccess.allowedIpRanges[${i}]`,
        range,
        'is a private range: registry IP rules take public addresses only (private clients come through the private endpoint)',
        'list the public egress addresses that must reach the registry, e.g. 203.0.113.10',
      );
    });
    checkAllowedRanges(this, 'publicAccess.allowedIpRanges', p.allowedIpRanges, 'the registry');
  }

  /** Zone redundancy: the given value, else on where the region has zones (Premium); turning it off takes a reason. */
  private resolveZoneRedundancy(home: string, premium: boolean): boolean {
    const z = this.props.zoneRedundant as true | false | { enabled?: unknown; reason?: string } | undefined;
    if (z === undefined) {
      return premium ? regionInfo(home)?.zones ?? true : false;
    }
    if (z === true) {
      return true;
    }
    assertProp(
      typeof z === 'object' && z !== null && z.enabled === false,
      this,
      'zoneRedundant',
      z,
      'turns zone redundancy off without a reason',
      "give zoneRedundant: { enabled: false, reason: '<why the registry may lose a zone>' } (recorded as a waiver), or leave it unset",
    );
    const reason = (z as { reason?: string }).reason;
    assertReason(this, reason, 'zoneRedundant.reason', 'a registry that is not zone-redundant');
    Checklist.of(this).waive('disaster-recovery/availability-zones', `registry not zone-redundant: ${reason}`);
    return false;
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

  private privateLink(home: string, replicas: readonly GeoReplicaProps[], tags: Record<string, string>): { endpoints: PrivateEndpoint[]; zoneId?: string } {
    const pe = this.props.privateEndpoint;
    if (this.props.publicAccess === undefined || pe !== undefined) {
      assertProp(
        pe !== undefined && typeof pe.subnetId === 'string' && pe.subnetId.length > 0,
        this,
        'privateEndpoint.subnetId',
        pe?.subnetId,
        'is missing: with public network access disabled the registry is reachable only through a private endpoint',
        "pass privateEndpoint: { subnetId } with a subnet of the spoke VNet (e.g. network.privateEndpointSubnetId)",
      );
    }
    const wanted = (pe ? 1 : 0) + replicas.filter((r) => r.privateEndpointSubnetId !== undefined).length;
    if (wanted === 0) {
      return { endpoints: [], zoneId: undefined };
    }
    const zoneId = this.dnsZone(tags);
    const endpoint = (id: string, location: string, subnetId: string): PrivateEndpoint =>
      privateEndpoint(this, id, {
        name: `pe-${this.props.name}-${location}`,
        resourceGroupName: this.props.resourceGroupName,
        location,
        subnetId,
        tags,
        connectionName: `psc-${this.props.name}-${location}`,
        targetResourceId: this.registry.id,
        subresource: 'registry',
        privateDnsZoneId: zoneId,
      });
    const endpoints: PrivateEndpoint[] = [];
    if (pe) {
      endpoints.push(endpoint('endpoint', home, pe.subnetId));
    }
    replicas.forEach((r) => {
      if (r.privateEndpointSubnetId !== undefined) {
        endpoints.push(endpoint(`endpoint-${r.location}`, r.location, r.privateEndpointSubnetId));
      }
    });
    return { endpoints, zoneId };
  }

  private dnsZone(tags: Record<string, string>): string {
    const given = this.props.privateDnsZoneId;
    const vnets = this.props.dnsVirtualNetworkIds ?? [];
    if (given !== undefined) {
      assertProp(
        Token.isUnresolved(given) || new RegExp(`/privateDnsZones/${ACR_PRIVATE_DNS_ZONE.replace(/\./g, '\\.')}$`, 'i').test(given),
        this,
        'privateDnsZoneId',
        given,
        `is not the id of a '${ACR_PRIVATE_DNS_ZONE}' private DNS zone`,
        `pass the resource id of the hub's ${ACR_PRIVATE_DNS_ZONE} zone, or omit it to create the zone here`,
      );
      assertProp(vnets.length === 0, this, 'dnsVirtualNetworkIds', vnets, 'cannot be linked to a zone this construct does not own', 'link the VNets to the hub zone where the hub manages it, or omit privateDnsZoneId');
      return given;
    }
    assertProp(vnets.length > 0, this, 'dnsVirtualNetworkIds', vnets, `is empty: no VNet would resolve ${ACR_PRIVATE_DNS_ZONE} to the private endpoint`, 'list the VNets whose clients pull from the registry (the spoke VNet at least), or pass privateDnsZoneId of a hub zone');
    return privateDnsZoneWithLinks(this, 'dns-zone', {
      zoneName: ACR_PRIVATE_DNS_ZONE,
      resourceGroupName: this.props.resourceGroupName,
      virtualNetworkIds: vnets,
      linkId: (i) => `dns-link-${i}`,
      linkName: (i) => `${this.props.name}-link-${i}`,
      tags,
    }).zone.id;
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

function validateName(name: string): void {
  assertProp(
    typeof name === 'string' && (Token.isUnresolved(name) || NAME.test(name)),
    C,
    'name',
    name,
    'is not 5-50 alphanumerics',
    "use only letters and digits, 5 to 50 of them (no hyphens), e.g. 'contosoplatformacr'; the name is global across Azure, so make it unique",
  );
}

function assertReason(at: PrivateRegistry, reason: string | undefined, prop: string, context?: string): void {
  checkReason(at, prop, reason, context);
}
