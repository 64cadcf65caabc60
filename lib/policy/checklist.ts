import { settingsOf } from '../checklist/settings';
import type { ItemFacet } from '../checklist/types';
import type { ClusterGovernance, ClusterGovernanceProps } from './cluster-governance';
import type { ClusterPolicies, ClusterPoliciesProps } from './cluster-policies';
import { BUILTINS, BuiltinPolicy } from './builtins';
import { BUILTINS_BY_ITEM, PolicyItemId } from './policy-items';
import { anchoredImageRegex, azurePolicyInUse, listIncludes, policyRule, resourceGovernance } from './rules';

const DEFAULT_PROBES = ['readinessProbe', 'livenessProbe'];

const clusterGovernance = settingsOf<ClusterGovernanceProps, ClusterGovernance>('ClusterGovernance');
const clusterPolicies = settingsOf<ClusterPoliciesProps, ClusterPolicies>('ClusterPolicies');

/** The built-ins that deliver an item (policy-items.ts, the one map). */
function builtinsFor(id: PolicyItemId): BuiltinPolicy[] {
  return BUILTINS_BY_ITEM[id].map((key) => BUILTINS[key]);
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
  {
    id: 'development/liveness-probe',
    delivery: 'policy',
    settings: clusterPolicies('requiredProbes'),
    rule: policyRule(builtinsFor('development/liveness-probe'), { check: listIncludes('requiredProbes', 'livenessProbe', DEFAULT_PROBES) }),
  },
  {
    id: 'development/readiness-probe',
    delivery: 'policy',
    settings: clusterPolicies('requiredProbes'),
    rule: policyRule(builtinsFor('development/readiness-probe'), { check: listIncludes('requiredProbes', 'readinessProbe', DEFAULT_PROBES) }),
  },
  {
    id: 'development/startup-probe',
    delivery: 'option',
    settings: clusterPolicies('requiredProbes'),
    rule: policyRule(builtinsFor('development/startup-probe'), { check: listIncludes('requiredProbes', 'startupProbe', DEFAULT_PROBES) }),
    note: "Off by default: a startup probe matters for slow-starting containers, not all. Add 'startupProbe' to requiredProbes to require it everywhere.",
  },
  {
    id: 'development/prestop-hook',
    delivery: 'policy',
    settings: clusterPolicies('exclude.preStopHook'),
    rule: policyRule(builtinsFor('development/prestop-hook')),
  },
  {
    id: 'development/no-naked-pods',
    delivery: 'policy',
    settings: clusterPolicies('exclude.noNakedPods'),
    rule: policyRule(builtinsFor('development/no-naked-pods')),
  },
  {
    id: 'development/requests-and-limits',
    delivery: 'policy',
    settings: clusterPolicies('containerLimits'),
    rule: policyRule(builtinsFor('development/requests-and-limits')),
    note: 'Requests must be defined; limits must be defined and stay under containerLimits.',
  },
  {
    id: 'resource-management/memory-requests-and-limits',
    delivery: 'policy',
    settings: clusterPolicies('containerLimits'),
    rule: policyRule(builtinsFor('resource-management/memory-requests-and-limits')),
  },
  {
    id: 'development/security-context',
    delivery: 'policy',
    settings: clusterPolicies('podSecurityStandard'),
    rule: policyRule(builtinsFor('development/security-context')),
    note: 'Pod security restricted initiative (no privileged containers or escalation, non-root, seccomp, capabilities, volume types) and no automounted API credentials.',
  },
  {
    id: 'development/manifest-good-practices',
    delivery: 'policy',
    settings: clusterPolicies('exclude.noLatestTag'),
    rule: policyRule(builtinsFor('development/manifest-good-practices')),
    note: 'The cluster rejects `latest` tags and services with duplicate selectors; linting manifests in CI (kube-score, Checkov, kube-linter) still catches more, earlier.',
  },
  {
    id: 'development/image-pull-policy',
    delivery: 'policy',
    settings: clusterPolicies('allowedPullPolicies'),
    rule: policyRule(builtinsFor('development/image-pull-policy')),
  },
  {
    id: 'disaster-recovery/pod-anti-affinity',
    delivery: 'policy',
    settings: clusterPolicies('exclude.antiAffinityOrTopologySpread'),
    rule: policyRule(builtinsFor('disaster-recovery/pod-anti-affinity')),
  },
  {
    id: 'resource-management/pod-disruption-budgets',
    delivery: 'policy',
    settings: clusterPolicies('exclude.accuratePodDisruptionBudgets'),
    rule: policyRule(builtinsFor('resource-management/pod-disruption-budgets')),
    note: 'Preview built-in: it rejects PodDisruptionBudgets that would block every eviction; it does not require each workload to have one. Ship a PDB with every multi-replica Deployment.',
  },
  {
    id: 'operations/no-default-namespace',
    delivery: 'policy',
    settings: clusterPolicies('exclude.noDefaultNamespace'),
    rule: policyRule(builtinsFor('operations/no-default-namespace')),
  },
  {
    id: 'network/internal-load-balancer',
    delivery: 'policy',
    settings: clusterPolicies('exclude.internalLoadBalancers'),
    rule: policyRule(builtinsFor('network/internal-load-balancer')),
    note: 'Services of type LoadBalancer must be internal (service.beta.kubernetes.io/azure-load-balancer-internal).',
  },
  {
    id: 'network/ingress-hostname-control',
    delivery: 'policy',
    settings: clusterPolicies('exclude.ingressHostRequired'),
    rule: policyRule(builtinsFor('network/ingress-hostname-control')),
    note: 'The built-in requires a host on every ingress rule; it does not restrict hosts to approved domains (the unique-hostnames built-in is deprecated). An allow-list of domains needs a custom Gatekeeper constraint.',
  },
  {
    id: 'container/allowed-registries-only',
    delivery: 'policy',
    settings: clusterPolicies('allowedRegistries'),
    rule: policyRule(builtinsFor('container/allowed-registries-only'), { check: anchoredImageRegex }),
  },
  {
    id: 'windows/no-privileged-containers',
    delivery: 'policy',
    settings: clusterPolicies('exclude.windowsNoHostProcess'),
    rule: policyRule(builtinsFor('windows/no-privileged-containers')),
    note: 'Windows pods may not run HostProcess (privileged) containers nor run as ContainerAdministrator.',
  },
  {
    id: 'windows/memory-usage',
    delivery: 'policy',
    settings: clusterPolicies('exclude.windowsNoOvercommit'),
    rule: policyRule(builtinsFor('windows/memory-usage')),
    note: 'Windows has no OOM eviction: the built-in rejects Windows containers whose CPU/memory requests and limits differ (overcommit). Watch node memory in Container Insights too.',
  },
];
