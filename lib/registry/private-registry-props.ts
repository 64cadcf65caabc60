/**
 * The props of PrivateRegistry: private endpoints, geo-replicas, the loosenings (public access, a
 * lower SKU) and the base image refresh task.
 */
import type { PlacementProps } from '../core/contracts';

/** Zone redundancy turned off in a region that has zones: why. */
export interface RegistryZoneRedundancyOff {
  readonly enabled: false;
  /** Why the registry is not zone-redundant; recorded as a waiver of disaster-recovery/availability-zones. */
  readonly reason: string;
}

/** Geo-replication turned off: why. */
export interface NoGeoReplication {
  readonly disabled: true;
  /** Why the registry has no replica in another region; recorded as a waiver of cluster-setup/registry-geo-replication. */
  readonly reason: string;
}

/** A private endpoint of the registry in one subnet. */
export interface RegistryEndpointProps {
  /** Resource id of the subnet the endpoint's network interface goes in (same region as the endpoint). */
  readonly subnetId: string;
}

/** A geo-replica of the registry. */
export interface GeoReplicaProps {
  /** Azure region of the replica, e.g. `northeurope`; never the home region. */
  readonly location: string;
  /**
   * A subnet in the replica's region for a private endpoint there, so that clusters in that region
   * reach the registry through their own region's network.
   * @default no endpoint in the replica's region (clients there use the home region's endpoint)
   */
  readonly privateEndpointSubnetId?: string;
}

/** Opening the registry's public endpoint to a few address ranges (a loosening, waived in the report). */
export interface RegistryPublicAccessProps {
  /** Public IPv4 addresses or CIDR ranges allowed to reach the public endpoint; everything else is denied. */
  readonly allowedIpRanges: readonly string[];
  /** Why the public endpoint must be reachable (at least 10 characters); shown in the report. */
  readonly reason: string;
}

/** A non-Premium SKU (a loosening: no private link, geo-replication, zone redundancy, quarantine, retention). */
export interface RegistrySkuOverrideProps {
  readonly sku: 'Basic' | 'Standard';
  /** Why Premium is not used (at least 10 characters); shown in the report. */
  readonly reason: string;
}

/**
 * An ACR task that rebuilds an image whenever its base image is updated. It runs on a dedicated
 * agent pool inside the virtual network, so it reaches the registry through the private endpoint:
 * ACR Tasks on the shared pool are not a trusted service by default any more (since June 2025),
 * and azurerm 4.55 cannot set `networkRuleBypassAllowedForTasks`.
 */
export interface BaseImageRefreshProps {
  /**
   * Build context that needs no credential: a public Git repository
   * (`https://github.com/org/repo.git#branch:folder`) or an OCI artifact in this registry
   * (`oci://<loginServer>/<repository>:<tag>`, read with the task's own run token). URLs with user
   * info or SAS/token query strings are rejected: no secret goes into the task.
   */
  readonly contextUrl: string;
  /** Repository in this registry the task pushes to, e.g. `apps/web`. */
  readonly imageName: string;
  /**
   * Dockerfile path inside the context.
   * @default 'Dockerfile'
   */
  readonly dockerfilePath?: string;
  /** Subnet (in the home region's VNet) of the dedicated agent pool that runs the task. */
  readonly agentPoolSubnetId: string;
  /**
   * Agent pool tier: S1 (2 vCPU), S2 (4), S3 (8), I6 (64, isolated).
   * @default 'S1'
   */
  readonly agentPoolTier?: 'S1' | 'S2' | 'S3' | 'I6';
  /**
   * Which base image updates trigger a build: `Runtime` (the final stage's base image) or `All`.
   * @default 'Runtime'
   */
  readonly trigger?: 'Runtime' | 'All';
}

/** Props of PrivateRegistry. */
export interface PrivateRegistryProps extends PlacementProps {
  /**
   * Registry name: 5-50 alphanumerics, globally unique across Azure (it becomes
   * `<name>.azurecr.io`).
   */
  readonly name: string;
  /**
   * The registry's private endpoint in the home region. Required unless `skuOverride` is given
   * (only Premium has private link).
   * @default none (an error unless `skuOverride`)
   */
  readonly privateEndpoint?: RegistryEndpointProps;
  /**
   * Resource id of an existing `privatelink.azurecr.io` zone (hub-and-spoke: the hub owns the zone
   * and its VNet links). When set, no zone and no VNet link are created here.
   * @default a zone is created in the resource group, linked to `dnsVirtualNetworkIds`
   */
  readonly privateDnsZoneId?: string;
  /**
   * VNets that resolve the registry privately: one `azurerm_private_dns_zone_virtual_network_link`
   * each. Required (at least one) when the zone is created here.
   * @default []
   */
  readonly dnsVirtualNetworkIds?: readonly string[];
  /**
   * Geo-replicas (Premium). Turning geo-replication off is a loosening, `{ disabled: true, reason }`,
   * recorded as a waiver of cluster-setup/registry-geo-replication (an empty list is rejected).
   * @default one replica in the home region's Azure paired region
   */
  readonly geoReplicas?: readonly GeoReplicaProps[] | NoGeoReplication;
  /**
   * Zone redundancy of the home region (Premium). Replicas are zone-redundant where their region
   * has availability zones. Turning it off is a loosening: `{ enabled: false, reason }`, recorded
   * as a waiver of disaster-recovery/availability-zones (a bare `false` is rejected).
   * @default true when the home region has availability zones (or is unknown to the library); off for a non-Premium `skuOverride`
   */
  readonly zoneRedundant?: true | RegistryZoneRedundancyOff;
  /**
   * Days untagged manifests are kept before deletion, 0-365 (Premium).
   * @default 7
   */
  readonly retentionDays?: number;
  /**
   * Let trusted Azure services (`network_rule_bypass_option = AzureServices`) reach the
   * network-restricted registry. They still authenticate with Entra ID and need a role. Microsoft
   * Defender's vulnerability scanning of a private-link registry needs it; ACR Tasks on the shared
   * pool do not benefit any more (use `baseImageRefresh`'s agent pool). `false` sets `None`: no
   * bypass at all, and no Defender registry scanning.
   * @default true
   */
  readonly trustedServicesBypass?: boolean;
  /**
   * Log Analytics workspace for repository and login events and metrics.
   * @default no diagnostic setting (the platform passes its workspace)
   */
  readonly logAnalyticsWorkspaceId?: string;
  /**
   * Enable Microsoft Defender for Containers (subscription-wide `Containers` plan, Standard tier),
   * which scans the registry's images. Enable it once per subscription, here or elsewhere.
   * @default false
   */
  readonly enableDefenderForContainers?: boolean;
  /**
   * Rebuild an image when its base image is updated.
   * @default none
   */
  readonly baseImageRefresh?: BaseImageRefreshProps;
  /**
   * Open the public endpoint to address ranges (Premium), with a reason.
   * @default public network access disabled
   */
  readonly publicAccess?: RegistryPublicAccessProps;
  /**
   * A non-Premium SKU, with a reason. Needs `geoReplicas: { disabled: true, reason }`,
   * no zone redundancy, no `privateEndpoint` and no `publicAccess` ranges: the registry is then
   * public with no network rules.
   * @default Premium
   */
  readonly skuOverride?: RegistrySkuOverrideProps;
}

/** Options of grantPull / grantPush. */
export type RegistryRole = 'AcrPull' | 'AcrPush';
