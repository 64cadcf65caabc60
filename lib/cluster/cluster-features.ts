/**
 * SecureAksCluster's 2026 feature set, each checked against azurerm 4.55 (`azurerm_kubernetes_cluster`):
 * - Advanced Container Networking Services (`network_profile.advanced_networking`): network flow
 *   observability and Cilium FQDN filtering / L7 policies; on by default on the cilium data plane,
 *   which azurerm requires for the block. Billed per node: turning either off takes a reason.
 * - the cost analysis add-on (`cost_analysis_enabled`, Standard or Premium tier); on by default.
 * - the Long Term Support plan (`support_plan = AKSLongTermSupport`, Premium tier only); an option.
 * - an upgrade override (`upgrade_override`: force an upgrade past the deprecated-API check until
 *   a date at most 30 days ahead); an option that takes a reason.
 * - the Istio service mesh add-on (`service_mesh_profile`, mode Istio) with its internal ingress
 *   gateway only; an option.
 */
import type { KubernetesClusterConfig } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { Annotations } from 'cdktf';
import type { Construct } from 'constructs';
import { Checklist } from '../checklist/checklist';
import { assertProp, ErrorSubject } from '../core/errors';
import { checkReason, isKnown } from '../core/validate';
import type { SkuTier } from './secure-aks-cluster-props';

/** Advanced Container Networking Services on the cilium data plane. */
export interface AdvancedNetworkingProps {
  /**
   * Network observability: per-pod flow metrics and logs (Hubble) into managed Prometheus.
   * @default true on the cilium data plane
   */
  readonly observability?: boolean;
  /**
   * Container network security: Cilium FQDN filtering and L7 network policies, which tenant
   * namespaces use for their egress allowances (TenantNamespace `egressFqdns`).
   * @default true on the cilium data plane
   */
  readonly security?: boolean;
  /** Why observability or security is off (at least 10 characters; recorded as a waiver of network/network-policies). */
  readonly reason?: string;
}

/** An upgrade override: upgrade even when AKS detects use of APIs the target version removes. */
export interface UpgradeOverrideProps {
  /** Bypass the upgrade protections (deprecated API usage). */
  readonly forceUpgrade: boolean;
  /**
   * Until when the override applies: RFC 3339 UTC, e.g. `2026-12-20T00:00:00Z`. AKS applies it to
   * upgrades that start before this time, and accepts a time at most 30 days ahead: a later one (or a
   * malformed one) fails at synth. A time already past is an expired override, which AKS ignores:
   * synth still succeeds (so a committed override does not break the stack once its date passes)
   * and warns to renew it with a new date or drop it.
   */
  readonly effectiveUntil: string;
  /** Why (at least 10 characters): a forced upgrade can break workloads that still call removed APIs. */
  readonly reason: string;
}

/** The Istio-based service mesh add-on. */
export interface ServiceMeshProps {
  /**
   * Istio control plane revisions, 1 or 2 (two during a canary upgrade), e.g. `['asm-1-26']`.
   * Check the revisions the region offers with `az aks mesh get-revisions -l <region>`.
   */
  readonly revisions: readonly string[];
  /**
   * A plug-in CA from Key Vault instead of the add-on's self-signed root (object names in the vault).
   * Needs the Key Vault secrets provider, which SecureAksCluster always turns on.
   * @default the add-on's own CA
   */
  readonly certificateAuthority?: {
    readonly keyVaultId: string;
    readonly rootCertObjectName: string;
    readonly certChainObjectName: string;
    readonly certObjectName: string;
    readonly keyObjectName: string;
  };
}

/** The feature props of SecureAksCluster. */
export interface ClusterFeatureProps {
  /**
   * Advanced Container Networking Services (billed per node). Only on the cilium data plane.
   * @default observability and security on when networkPolicy is 'cilium'; absent otherwise
   */
  readonly advancedNetworking?: AdvancedNetworkingProps;
  /**
   * The cost analysis add-on: namespace and deployment costs in Azure Cost Management. Needs the
   * Standard or Premium tier.
   * @default true (false on the Free tier)
   */
  readonly costAnalysis?: boolean;
  /**
   * The Long Term Support plan (`support_plan = AKSLongTermSupport`): two years of support for an
   * LTS Kubernetes version. Needs `skuTier: 'Premium'`.
   * @default false (KubernetesOfficial)
   */
  readonly longTermSupport?: boolean;
  /**
   * Force the next upgrades past the deprecated-API protection until a date. Once set, azurerm
   * cannot remove the `upgrade_override` block from the cluster: leave it in the code when it
   * expires (synth then warns, and AKS ignores an expired override), or renew it with a new date
   * within 30 days when another forced upgrade is needed.
   * @default none
   */
  readonly upgradeOverride?: UpgradeOverrideProps;
  /**
   * The Istio service mesh add-on, with the internal ingress gateway only (no public gateway). Its
   * namespaces (`aks-istio-system`, `aks-istio-ingress`) are excluded from the in-cluster Deny
   * policies, and sidecar injection needs the istio-init container's NET_ADMIN and NET_RAW, which the
   * restricted pod security standard denies in tenant namespaces.
   * @default no service mesh
   */
  readonly serviceMesh?: ServiceMeshProps;
}

/** The namespaces the Istio add-on runs in. */
export const ISTIO_NAMESPACES: readonly string[] = ['aks-istio-system', 'aks-istio-ingress'];

const RFC3339_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const REVISION = /^asm-\d+-\d+$/;
const MAX_OVERRIDE_DAYS = 30;

/** Whether an upgrade override's effectiveUntil (a literal, well-formed time) is already past. */
export function overrideExpired(o: UpgradeOverrideProps, now: Date = new Date()): boolean {
  return isKnown(o.effectiveUntil) && typeof o.effectiveUntil === 'string' && Date.parse(o.effectiveUntil) <= now.getTime();
}

/** Checks the feature props against what azurerm 4.55 and AKS accept (tier and data plane included). */
export function checkFeatures(at: ErrorSubject, p: ClusterFeatureProps, ctx: { readonly tier: SkuTier; readonly cilium: boolean; readonly now?: Date }): void {
  const acns = p.advancedNetworking;
  if (acns) {
    const on = (acns.observability ?? true) || (acns.security ?? true);
    assertProp(ctx.cilium || !on, at, 'advancedNetworking', acns, "needs the cilium data plane (azurerm sets advanced_networking only with network_data_plane 'cilium')", "use networkPolicy 'cilium', or pass { observability: false, security: false, reason }");
    if (acns.observability === false || acns.security === false) {
      checkReason(at, 'advancedNetworking.reason', acns.reason, 'turning Advanced Container Networking Services off');
    }
  }
  assertProp(!(p.costAnalysis === true && ctx.tier === 'Free'), at, 'costAnalysis', true, 'needs the Standard or Premium tier (cost_analysis_enabled)', "use skuTier 'Standard' or 'Premium', or drop costAnalysis");
  assertProp(!(p.longTermSupport === true && ctx.tier !== 'Premium'), at, 'longTermSupport', true, `needs the Premium tier (support_plan AKSLongTermSupport), and skuTier is '${ctx.tier}'`, "set skuTier: 'Premium', or drop longTermSupport");
  const o = p.upgradeOverride;
  if (o) {
    checkReason(at, 'upgradeOverride.reason', o.reason, 'forcing upgrades past the deprecated-API protection');
    if (isKnown(o.effectiveUntil)) {
      assertProp(typeof o.effectiveUntil === 'string' && RFC3339_UTC.test(o.effectiveUntil) && !Number.isNaN(Date.parse(o.effectiveUntil)), at, 'upgradeOverride.effectiveUntil', o.effectiveUntil, 'is not an RFC 3339 UTC time', "write it like '2026-12-20T00:00:00Z'");
      const now = (ctx.now ?? new Date()).getTime();
      const until = Date.parse(o.effectiveUntil);
      // A past date is an expired override (warned about in featureConfig), not an error: the committed
      // code must keep synthesizing after the date, and azurerm cannot remove the block anyway.
      assertProp(until <= now + MAX_OVERRIDE_DAYS * 86_400_000, at, 'upgradeOverride.effectiveUntil', o.effectiveUntil, `is more than ${MAX_OVERRIDE_DAYS} days ahead (AKS refuses it)`, `give a time between now and ${new Date(now + MAX_OVERRIDE_DAYS * 86_400_000).toISOString().slice(0, 19)}Z`);
    }
  }
  const mesh = p.serviceMesh;
  if (mesh) {
    const revisions = mesh.revisions ?? [];
    assertProp(Array.isArray(revisions) && revisions.length >= 1 && revisions.length <= 2, at, 'serviceMesh.revisions', revisions, 'must list 1 or 2 revisions (2 only during a canary upgrade)', "give e.g. ['asm-1-26']");
    revisions.forEach((r, i) => assertProp(!isKnown(r) || REVISION.test(r), at, `serviceMesh.revisions[${i}]`, r, 'is not an Istio add-on revision', "write it like 'asm-1-26' (az aks mesh get-revisions -l <region>)"));
    assertProp(new Set(revisions).size === revisions.length, at, 'serviceMesh.revisions', revisions, 'lists a revision twice', 'list each revision once');
    const ca = mesh.certificateAuthority;
    if (ca) {
      for (const key of ['keyVaultId', 'rootCertObjectName', 'certChainObjectName', 'certObjectName', 'keyObjectName'] as const) {
        assertProp(typeof ca[key] === 'string' && ca[key].length > 0, at, `serviceMesh.certificateAuthority.${key}`, ca[key], 'is required with a plug-in CA', `give the ${key}`);
      }
    }
  }
}

/** The attributes the features add to the cluster, and the `advanced_networking` block for its network profile. */
export function featureConfig(scope: Construct, p: ClusterFeatureProps, ctx: { readonly tier: SkuTier; readonly cilium: boolean; readonly now?: Date }): {
  readonly cluster: Pick<KubernetesClusterConfig, 'costAnalysisEnabled' | 'supportPlan' | 'upgradeOverride' | 'serviceMeshProfile'>;
  readonly advancedNetworking?: { readonly observabilityEnabled: boolean; readonly securityEnabled: boolean };
} {
  const acns = p.advancedNetworking ?? {};
  if (ctx.cilium && (acns.observability === false || acns.security === false)) {
    Checklist.of(scope).waive('network/network-policies', acns.reason as string);
  }
  const o = p.upgradeOverride;
  if (o && overrideExpired(o, ctx.now)) {
    Annotations.of(scope).addWarning(
      `SecureAksCluster: upgradeOverride expired at ${o.effectiveUntil}: AKS ignores it and upgrades with the deprecated-API protection again. Renew it with an effectiveUntil within the next ${MAX_OVERRIDE_DAYS} days if another forced upgrade is needed; otherwise set forceUpgrade: false (azurerm cannot remove the upgrade_override block, so keep it in the code).`,
    );
  } else if (o?.forceUpgrade) {
    Annotations.of(scope).addWarning(`SecureAksCluster: upgradeOverride forces upgrades past the deprecated-API check until ${o.effectiveUntil} (${o.reason}).`);
  }
  const mesh = p.serviceMesh;
  return {
    cluster: {
      costAnalysisEnabled: p.costAnalysis ?? ctx.tier !== 'Free',
      supportPlan: p.longTermSupport ? 'AKSLongTermSupport' : 'KubernetesOfficial',
      upgradeOverride: p.upgradeOverride ? { forceUpgradeEnabled: p.upgradeOverride.forceUpgrade, effectiveUntil: p.upgradeOverride.effectiveUntil } : undefined,
      serviceMeshProfile: mesh
        ? {
            mode: 'Istio',
            revisions: [...mesh.revisions],
            internalIngressGatewayEnabled: true,
            externalIngressGatewayEnabled: false,
            certificateAuthority: mesh.certificateAuthority ? { ...mesh.certificateAuthority } : undefined,
          }
        : undefined,
    },
    advancedNetworking: ctx.cilium ? { observabilityEnabled: acns.observability ?? true, securityEnabled: acns.security ?? true } : undefined,
  };
}
