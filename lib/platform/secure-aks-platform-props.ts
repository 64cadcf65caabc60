/**
 * The props of SecureAksPlatform: the declared inputs of one environment in one region (ids,
 * address space, tags, tenants) and the options of its parts (user pools, GitOps, policies...).
 */
import type { EnforcementMode } from '../checklist/checklist';
import type { EnvironmentKind } from '../core/contracts';
import type { ClusterFeatureProps } from '../cluster/cluster-features';
import type { NetworkPolicyEngine, SystemPoolProps, WindowsProfileProps } from '../cluster/secure-aks-cluster';
import type { FluxKustomization } from '../disaster-recovery/gitops';
import type { FirewallTier } from '../egress/egress-firewall';
import type { NatGatewayEgressProps } from '../egress/nat-gateway';
import type { TenantNamespaceProps } from '../in-cluster/tenant-namespace';
import type { ZonalPoolsProps } from '../node-pools/node-pool-set';
import type { AlertingOptions } from '../monitoring/alerting';
import type { ClusterGovernanceProps } from '../policy/cluster-governance';
import type { ClusterPoliciesProps } from '../policy/cluster-policies';
import type { GeoReplicaProps, NoGeoReplication } from '../registry/private-registry';

/** A user node pool of the platform. */
export interface PlatformUserPool extends ZonalPoolsProps {
  /** Pool name (zonal pools get `<name>z1`..`<name>z3`): lowercase letters and digits, at most 10 characters. */
  readonly name: string;
  /**
   * One pool per zone (so the autoscaler can balance zonal workloads such as zonal disks), or one
   * pool spanning zones 1-3.
   * @default true
   */
  readonly zonal?: boolean;
}

/** A GitOps source the platform's Flux configuration follows. */
export interface PlatformGitOpsProps {
  /** HTTPS URL of a Git repository (no credentials in the URL). */
  readonly url: string;
  /**
   * Branch to follow.
   * @default 'main'
   */
  readonly branch?: string;
  /**
   * Kustomizations to apply.
   * @default the tenant baseline's folder (`./manifests/<cluster name>`, see ClusterBaseline)
   */
  readonly kustomizations?: readonly FluxKustomization[];
  /**
   * Name of a Kubernetes secret (created outside Terraform) holding credentials for a private repository.
   * @default a public repository
   */
  readonly localAuthReference?: string;
}

/** The platform's outbound choice (see SecureAksPlatformProps.outbound). */
export type PlatformOutbound =
  | { readonly type: 'firewall' }
  | ({ readonly type: 'natGateway' } & Pick<NatGatewayEgressProps, 'reason' | 'mode' | 'zone' | 'publicIpCount' | 'idleTimeoutMinutes'>)
  | { readonly type: 'networkIsolated' };

/** Props of SecureAksPlatform. */
export interface SecureAksPlatformProps {
  /** Platform prefix in every name: 2-8 lowercase letters and digits, starting with a letter. */
  readonly prefix: string;
  /** Environment in every name: 1-8 lowercase letters and digits, e.g. `prod`, `rehears1`. */
  readonly environment: string;
  /** Azure region, e.g. `westeurope`. */
  readonly location: string;
  /** Microsoft Entra tenant id. */
  readonly tenantId: string;
  /** Subscription id the platform deploys into (a declared input, not looked up). */
  readonly subscriptionId: string;
  /** Entra groups that administer the cluster (cluster admin through Azure RBAC). */
  readonly adminGroupObjectIds: readonly string[];
  /**
   * Object id of the principal Terraform runs as: granted "Key Vault Crypto Officer" on the
   * platform's vault so that it can create the etcd and disk encryption keys.
   */
  readonly deployerObjectId: string;
  /**
   * Address spaces: the hub (firewall, bastion; /24 or larger; required with the firewall outbound,
   * otherwise only reserved in the IP plan when given) and the spoke (cluster; planned by IpPlanner).
   */
  readonly addressSpace: { readonly hub?: string; readonly spoke: string };
  /**
   * How the nodes reach outside:
   * - `{ type: 'firewall' }`: a hub with Azure Firewall, rules generated per feature (the default);
   * - `{ type: 'natGateway', reason, ... }`: a NAT gateway, zonal (NatGatewayEgress), for teams
   *   without a hub: no hub, no firewall rules, and no filtering (a waiver of network/egress-lockdown);
   * - `{ type: 'networkIsolated' }`: no outbound path (`outbound_type none`), nodes bootstrap from
   *   the private registry's cache; no hub, no firewall, no GitOps from the Internet.
   * @default { type: 'firewall' }
   */
  readonly outbound?: PlatformOutbound;
  /**
   * Tags on every resource. Must give a value to every required key except `environment`, which the
   * platform sets from `environment`.
   */
  readonly tags: Readonly<Record<string, string>>;
  /**
   * Required tag keys.
   * @default DEFAULT_REQUIRED_TAG_KEYS (owner, environment, cost-center, data-classification)
   */
  readonly requiredTagKeys?: readonly string[];
  /**
   * `production` locks the stateful resources (registry, vault, workspace, backup vault) against
   * deletion; `rehearsal` leaves them deletable so a whitespace rehearsal can tear down and rebuild.
   * @default 'production'
   */
  readonly mode?: EnvironmentKind;
  /**
   * Lock the stateful resources with `azurerm_management_lock` (CanNotDelete).
   * @default true in production mode, false in rehearsal mode
   */
  readonly protectStatefulResources?: boolean;
  /**
   * Suffix of globally unique names (registry, vault, storage).
   * @default derived from prefix, environment and location
   */
  readonly uniqueSuffix?: string;
  /**
   * The system node pool.
   * @default SecureAksCluster's defaults (Standard_D4ds_v5, 3-6 nodes in zones 1-3)
   */
  readonly systemPool?: SystemPoolProps;
  /**
   * User node pools.
   * @default one zonal pool 'apps' (Standard_D4ds_v5, 1-5 nodes per zone)
   */
  readonly userPools?: readonly PlatformUserPool[];
  /**
   * Network policy engine. Windows pools need `azure` or `calico` (cilium does not run on Windows).
   * @default 'cilium'
   */
  readonly networkPolicy?: NetworkPolicyEngine;
  /**
   * Control-plane tier: `Premium` for the Long Term Support plan (`cluster.longTermSupport`).
   * @default 'Standard'
   */
  readonly skuTier?: 'Standard' | 'Premium';
  /**
   * The cluster's 2026 features (SecureAksCluster's ClusterFeatureProps): Advanced Container
   * Networking Services, cost analysis, Long Term Support, an upgrade override, the Istio add-on.
   * With `serviceMesh`, the firewall allows the mesh's images and the policies exclude its namespaces.
   * @default ACNS observability and security on (cilium), cost analysis on, KubernetesOfficial support, no mesh
   */
  readonly cluster?: ClusterFeatureProps;
  /**
   * Windows node profile (admin user, password reference, gMSA), for Windows pools with gMSA.
   * @default none (AKS generates the Windows admin credentials)
   */
  readonly windowsProfile?: WindowsProfileProps;
  /**
   * Registry replicas. No replica is a loosening, `{ disabled: true, reason }`, recorded as a
   * waiver of cluster-setup/registry-geo-replication (an empty list is rejected).
   * @default one replica in the region's Azure pair
   */
  readonly registryGeoReplicas?: readonly GeoReplicaProps[] | NoGeoReplication;
  /**
   * Azure Firewall tier.
   * @default 'Premium'
   */
  readonly firewallTier?: FirewallTier;
  /**
   * An Azure Bastion host in the hub for node access.
   * @default false
   */
  readonly bastion?: boolean;
  /**
   * Azure Policy options (clusterId and allowedRegistries are set by the platform).
   * @default ClusterPolicies' defaults: restricted pod security, Deny
   */
  readonly policy?: Omit<ClusterPoliciesProps, 'clusterId' | 'allowedRegistries'>;
  /**
   * Azure-resource-level Azure Policy above the cluster (ClusterGovernance): Deny a public API
   * server, local accounts, nodes without host encryption and disks without customer-managed keys;
   * Audit KMS, the Defender profile, Image Cleaner, workload identity and automatic upgrades.
   * `scope: 'subscription'` assigns them to `subscriptionId` instead of the cluster's resource group.
   * @default assigned to the cluster's resource group, Deny where the built-in allows it
   */
  readonly governance?: Omit<ClusterGovernanceProps, 'resourceGroupId' | 'subscriptionId'>;
  /**
   * GitOps with Flux.
   * @default no GitOps
   */
  readonly gitOps?: PlatformGitOpsProps;
  /**
   * Tenant namespaces of the cluster (quotas, LimitRanges, default-deny network policies, IMDS
   * block, owners), rendered as manifests under `cdktf.out/manifests/<cluster>/` and applied by
   * Flux from the GitOps repository (`gitOps`) where the team commits them. Required, at least
   * one: only you know the teams, their owners and labels, and a cluster without tenant baselines
   * fails six enforced items (logical and namespace isolation, default-deny network policies, IMDS
   * block, quotas, LimitRanges).
   */
  readonly tenants: readonly TenantNamespaceProps[];
  /**
   * AKS Backup (backup vault, extension, trusted access, daily policy, instance).
   * @default false
   */
  readonly backup?: boolean;
  /**
   * Managed Grafana on managed Prometheus, administered by these Entra groups.
   * @default no Grafana
   */
  readonly grafanaAdminGroupObjectIds?: readonly string[];
  /**
   * Application Insights for distributed tracing.
   * @default false
   */
  readonly applicationInsights?: boolean;
  /**
   * The alerting baseline: the environment's action group, managed Prometheus recording and
   * recommended alert rule groups, metric alerts (nodes, pods, firewall), activity-log alerts
   * (Resource Health, Service Health, Advisor, security, deletes) and AKS upgrade notifications.
   * `{ disabled: { reason } }` leaves it out and records the reason as waivers.
   * @default on, sending to the subscription's Owners (an ARM role receiver); declare `receivers` for on-call addresses
   */
  readonly alerting?: AlertingOptions | { readonly disabled: { readonly reason: string } };
  /**
   * Defender for Containers at subscription level (changes billing for the whole subscription).
   * @default false
   */
  readonly defenderForContainersPricing?: boolean;
  /**
   * Checklist enforcement at synth: `error` fails synthesis on a non-compliant enforced item,
   * `warning` warns and goes on. To opt the stack out, call
   * `Checklist.of(stack).enforce({ mode: 'off', reason })` before creating the platform.
   * @default the stack's enforcement: `error`, as every construct of the library adds it, unless the stack chose first
   */
  readonly checklist?: Exclude<EnforcementMode, 'off'>;
}
