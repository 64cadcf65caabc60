import { settingsOf } from '../checklist/settings';
import type { ItemFacet } from '../checklist/types';
import type { SecureAksCluster, SecureAksClusterProps } from '../cluster/secure-aks-cluster';
import type { ClusterBaseline, ClusterBaselineProps } from './cluster-baseline';
import type { TenantNamespace, TenantNamespaceProps } from './tenant-namespace';
import * as rules from './rules';


const tenantNamespace = settingsOf<TenantNamespaceProps, TenantNamespace>('TenantNamespace');
const clusterBaseline = settingsOf<ClusterBaselineProps, ClusterBaseline>('ClusterBaseline');
const secureAksCluster = settingsOf<SecureAksClusterProps, SecureAksCluster>('SecureAksCluster');

/** The checklist items this concern delivers, each with its rule (see lib/checklist/types.ts). */
export const inClusterFacets: readonly ItemFacet[] = [
  {
    id: 'cluster-setup/logical-isolation',
    delivery: 'enforced',
    settings: clusterBaseline('tenants', 'addTenant'),
    rule: rules.logicalIsolation,
    note:
      'Teams share a cluster through tenant namespaces, each owned by Entra groups bound by a RoleBinding in the namespace only. ' +
      'A cluster with no tenant baseline rendered for it is non-compliant. Manifests are delivered by GitOps (Flux), not by Terraform.',
  },
  {
    id: 'development/namespace-isolation',
    delivery: 'enforced',
    settings: tenantNamespace('owners'),
    rule: rules.namespaceIsolation,
    note: 'Each tenant namespace has its own access boundary (RoleBinding) and network boundary (default-deny ingress).',
  },
  { id: 'resource-management/resource-quotas', delivery: 'enforced', settings: tenantNamespace('quota'), rule: rules.resourceQuotas, note: 'CPU and memory requests and limits, pods, claims, storage; LoadBalancer and NodePort services 0 by default.' },
  {
    id: 'resource-management/limit-ranges',
    delivery: 'enforced',
    settings: tenantNamespace('limits'),
    rule: rules.limitRanges,
    note: 'Container default requests and limits and a maximum; synthesis fails when a default exceeds the maximum or the quota cannot hold one default container.',
  },
  {
    id: 'resource-management/memory-requests-and-limits',
    delivery: 'enforced',
    settings: tenantNamespace('limits.defaultRequestMemory', 'limits.defaultMemory'),
    rule: rules.memoryRequestsAndLimits,
    note: 'Defaults side: containers that set nothing get a memory request and limit from the LimitRange (the policy concern rejects pods without them). Judged only when manifests are rendered.',
  },
  {
    id: 'network/default-deny-network-policies',
    delivery: 'enforced',
    settings: tenantNamespace('egress', 'ingressFromNamespaces'),
    rule: rules.defaultDenyNetworkPolicies,
    note:
      'default-deny (ingress and egress) in every tenant namespace, plus DNS to kube-dns and (by default) traffic inside the namespace. ' +
      'An egress allowance broader than /8 (e.g. 0.0.0.0/0, still filtered by the egress firewall) needs a reason and is reported as waived.',
  },
  {
    id: 'network/block-imds-access',
    delivery: 'enforced',
    settings: tenantNamespace('imdsAccess'),
    rule: rules.blockImdsAccess,
    note: 'In-cluster facet: default-deny egress blocks 169.254.169.254 and every egress allowance excepts it; pods selected by imdsAccess.podLabels (with a reason, reported as waived) may reach it.',
  },
  {
    id: 'operations/resource-labels',
    delivery: 'enforced',
    settings: tenantNamespace('labels'),
    rule: rules.resourceLabels,
    note: 'Kubernetes side: app.kubernetes.io/part-of and managed-by, owner, cost-center and data-classification on every rendered object. Judged only when manifests are rendered.',
  },
  {
    id: 'operations/no-default-namespace',
    delivery: 'enforced',
    settings: tenantNamespace('name'),
    rule: rules.noDefaultNamespace,
    note: 'Nothing the baseline renders lands in default (reserved names are rejected at synth); the policy concern keeps workloads out of it. Judged only when manifests are rendered.',
  },
  {
    id: 'windows/container-traffic',
    delivery: 'option',
    settings: [...clusterBaseline(), ...secureAksCluster('networkPolicy')],
    rule: rules.windowsContainerTraffic,
    note:
      'NetworkPolicy is not enforced on Windows nodes by every data plane: Cilium (the default) has no Windows support, Azure NPM on Windows is retiring (30 Sep 2026, no new onboarding); ' +
      'Calico enforces it on Windows Server 2019/2022. The rendered policies say so in an annotation and the file header. Windows applications still need their own protection (authentication, mTLS).',
  },
];
