import { settingsOf } from '../checklist/settings';
import type { Delivery, ItemFacet, Setting } from '../checklist/types';
import type { ClusterGovernance, ClusterGovernanceProps } from './cluster-governance';
import type { ClusterPolicies, ClusterPoliciesProps } from './cluster-policies';
import { BUILTINS, BuiltinPolicy } from './builtins';
import { BUILTINS_BY_ITEM, PolicyItemId } from './policy-items';
import { anchoredImageRegex, AssignmentCheck, azurePolicyInUse, listIncludes, policyRule, resourceGovernance } from './rules';

const DEFAULT_PROBES = ['readinessProbe', 'livenessProbe'];

const clusterGovernance = settingsOf<ClusterGovernanceProps, ClusterGovernance>('ClusterGovernance');
const clusterPolicies = settingsOf<ClusterPoliciesProps, ClusterPolicies>('ClusterPolicies');

/** The built-ins that deliver an item (policy-items.ts, the one map). */
function builtinsFor(id: PolicyItemId): BuiltinPolicy[] {
  return BUILTINS_BY_ITEM[id].map((key) => BUILTINS[key]);
}

/** A facet judged by the item's built-ins (BUILTINS_BY_ITEM): delivered as policy unless said otherwise. */
function builtinFacet(
  id: PolicyItemId,
  settings: readonly Setting[],
  options: { readonly delivery?: Delivery; readonly check?: AssignmentCheck; readonly note?: string } = {},
): ItemFacet {
  return { id, delivery: options.delivery ?? 'policy', settings, rule: policyRule(builtinsFor(id), { check: options.check }), ...(options.note ? { note: options.note } : {}) };
}

/** The checklist items this concern delivers, each with its rule (see lib/checklist/types.ts). */
export const policyFacets: readonly ItemFacet[] = [
  {
    id: 'operations/azure-policy',
    delivery: 'policy',
    settings: clusterPolicies('clusterId'),
    rule: azurePolicyInUse,
    note: 'Every cluster runs the Azure Policy add-on and has enabled assignments; the other policy items name each built-in.',
  },
  {
    id: 'operations/azure-policy',
    delivery: 'policy',
    settings: clusterGovernance('resourceGroupId'),
    rule: resourceGovernance,
    note: 'Above the cluster: Azure-resource-level built-ins on its resource group (or subscription) deny a public API server, local accounts, nodes without host encryption and disks without customer-managed keys, and audit KMS, the Defender profile, Image Cleaner, workload identity and automatic upgrades; so drift made outside Terraform is caught by Azure.',
  },
  builtinFacet('development/liveness-probe', clusterPolicies('requiredProbes'), { check: listIncludes('requiredProbes', 'livenessProbe', DEFAULT_PROBES) }),
  builtinFacet('development/readiness-probe', clusterPolicies('requiredProbes'), { check: listIncludes('requiredProbes', 'readinessProbe', DEFAULT_PROBES) }),
  builtinFacet('development/startup-probe', clusterPolicies('requiredProbes'), { delivery: 'option', check: listIncludes('requiredProbes', 'startupProbe', DEFAULT_PROBES), note: "Off by default: a startup probe matters for slow-starting containers, not all. Add 'startupProbe' to requiredProbes to require it everywhere." }),
  builtinFacet('development/prestop-hook', clusterPolicies('exclude.preStopHook')),
  builtinFacet('development/no-naked-pods', clusterPolicies('exclude.noNakedPods')),
  builtinFacet('development/requests-and-limits', clusterPolicies('containerLimits'), { note: 'Requests must be defined; limits must be defined and stay under containerLimits.' }),
  builtinFacet('resource-management/memory-requests-and-limits', clusterPolicies('containerLimits')),
  builtinFacet('development/security-context', clusterPolicies('podSecurityStandard'), { note: 'Pod security restricted initiative (no privileged containers or escalation, non-root, seccomp, capabilities, volume types) and no automounted API credentials.' }),
  builtinFacet('development/manifest-good-practices', clusterPolicies('exclude.noLatestTag'), { note: 'The cluster rejects `latest` tags and services with duplicate selectors; linting manifests in CI (kube-score, Checkov, kube-linter) still catches more, earlier.' }),
  builtinFacet('development/image-pull-policy', clusterPolicies('allowedPullPolicies')),
  builtinFacet('disaster-recovery/pod-anti-affinity', clusterPolicies('exclude.antiAffinityOrTopologySpread')),
  builtinFacet('resource-management/pod-disruption-budgets', clusterPolicies('exclude.accuratePodDisruptionBudgets'), { note: 'Preview built-in: it rejects PodDisruptionBudgets that would block every eviction; it does not require each workload to have one. Ship a PDB with every multi-replica Deployment.' }),
  builtinFacet('operations/no-default-namespace', clusterPolicies('exclude.noDefaultNamespace')),
  builtinFacet('network/internal-load-balancer', clusterPolicies('exclude.internalLoadBalancers'), { note: 'Services of type LoadBalancer must be internal (service.beta.kubernetes.io/azure-load-balancer-internal).' }),
  builtinFacet('network/ingress-hostname-control', clusterPolicies('exclude.ingressHostRequired'), { note: 'The built-in requires a host on every ingress rule; it does not restrict hosts to approved domains (the unique-hostnames built-in is deprecated). An allow-list of domains needs a custom Gatekeeper constraint.' }),
  builtinFacet('container/allowed-registries-only', clusterPolicies('allowedRegistries'), { check: anchoredImageRegex }),
  builtinFacet('windows/no-privileged-containers', clusterPolicies('exclude.windowsNoHostProcess'), { note: 'Windows pods may not run HostProcess (privileged) containers nor run as ContainerAdministrator.' }),
  builtinFacet('windows/memory-usage', clusterPolicies('exclude.windowsNoOvercommit'), { note: 'Windows has no OOM eviction: the built-in rejects Windows containers whose CPU/memory requests and limits differ (overcommit). Watch node memory in Container Insights too.' }),
];
