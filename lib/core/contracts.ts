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
 * An egress path for a cluster's nodes (implemented by EgressFirewall): the cluster uses
 * `outbound_type = userDefinedRouting` and is created after everything in `dependables`.
 */
export interface IEgressPath {
  readonly outboundType: 'userDefinedRouting';
  /** The firewall's private IP: the next hop of the node subnets' default route. */
  readonly nextHopIp: string;
  /** Public egress IPs (for a public API server's authorized ranges). */
  readonly egressPublicIps: readonly string[];
  /** Route table associations and rule collection groups the cluster must wait for. */
  readonly dependables: readonly ITerraformDependable[];
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
