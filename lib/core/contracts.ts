/**
 * The small interfaces constructs use to plug into each other. They carry Terraform values
 * (ids, IPs) and dependables, never construct internals, so each construct stays usable alone.
 */
import type { ITerraformDependable } from 'cdktf';

/** Where a construct's resources go. */
export interface PlacementProps {
  /** Name of the resource group the resources are created in. */
  readonly resourceGroupName: string;
  /** Azure region, e.g. `westeurope`. */
  readonly location: string;
  /**
   * Tags applied to every taggable resource the construct creates.
   * @default {}
   */
  readonly tags?: Readonly<Record<string, string>>;
}

/** A user-assigned managed identity as other constructs consume it. */
export interface IManagedIdentity {
  /** Resource id of the identity. */
  readonly id: string;
  /** Object (principal) id, for role assignments. */
  readonly principalId: string;
  /** Client id, for workload identity and kubelet configuration. */
  readonly clientId: string;
}

/**
 * How a cluster's nodes reach outside (`network_profile.outbound_type`):
 * - `userDefinedRouting`: through a firewall (EgressFirewall, HubEgressRoute), FQDN-filtered;
 * - `managedNATGateway` / `userAssignedNATGateway`: through a NAT gateway (NatGatewayEgress), not filtered;
 * - `none`: no outbound path at all (NetworkIsolatedEgress), images from the registry's cache.
 */
export type OutboundType = 'userDefinedRouting' | 'managedNATGateway' | 'userAssignedNATGateway' | 'none';

/**
 * An egress path for a cluster's nodes (EgressFirewall, HubEgressRoute, NatGatewayEgress,
 * NetworkIsolatedEgress): the cluster takes its `outbound_type` (and the blocks that type needs)
 * and is created after everything in `dependables`.
 */
export interface IEgressPath {
  readonly outboundType: OutboundType;
  /**
   * The firewall's private IP: the next hop of the node subnets' default route.
   * @default none (only userDefinedRouting has a next hop)
   */
  readonly nextHopIp?: string;
  /** Public egress IPs (for a public API server's authorized ranges); empty when AKS allocates them or there are none. */
  readonly egressPublicIps: readonly string[];
  /** Route table or NAT gateway associations and rule collection groups the cluster must wait for. */
  readonly dependables: readonly ITerraformDependable[];
  /**
   * `network_profile.nat_gateway_profile` (managedNATGateway only).
   * @default none
   */
  readonly natGatewayProfile?: { readonly managedOutboundIpCount: number; readonly idleTimeoutInMinutes: number };
  /**
   * `bootstrap_profile` (outbound none: node images and add-on images from the registry's cache).
   * @default none
   */
  readonly bootstrapProfile?: { readonly artifactSource: 'Cache'; readonly containerRegistryId: string };
  /**
   * The loosening of a path that does not filter (a NAT gateway), `{ reason }`: why unfiltered
   * egress is accepted. The cluster checks the reason and records it as a waiver of
   * network/egress-lockdown.
   * @default none (the path filters, or has no outbound at all)
   */
  readonly unfiltered?: { readonly reason: string };
}

/** Features whose outbound FQDNs the egress firewall must allow (each rule is tagged with one). */
export type EgressFeature =
  | 'aks-core'
  | 'container-insights'
  | 'managed-prometheus'
  | 'azure-policy'
  | 'defender'
  | 'key-vault'
  | 'container-registry'
  | 'gitops'
  | 'backup'
  | 'windows'
  | 'service-mesh';

/**
 * Which kind of environment a stack deploys: `rehearsal` (a whitespace redeployment rehearsed as its
 * own environment: no management locks, soft-deleted vaults recovered) or `production`.
 */
export type EnvironmentKind = 'rehearsal' | 'production';
