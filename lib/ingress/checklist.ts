import type { ItemFacet } from '../checklist/types';
import { ingressDistributionRule, internalIngressRule, webApplicationFirewallRule } from './rules';

/** The checklist items this concern delivers, each with its rule (see lib/checklist/types.ts). */
export const ingressFacets: readonly ItemFacet[] = [
  {
    id: 'network/ingress-distribution',
    delivery: 'option',
    construct: 'SecureAksCluster',
    prop: 'webAppRouting (applicationRoutingConfig())',
    rule: ingressDistributionRule,
    note:
      'The rule sees the managed ingress controller (application routing or AGIC) on the cluster. Spreading the controller replicas ' +
      'across zones is in-cluster (the add-on runs 2+ replicas with autoscaling); an ingress controller installed with Helm is ' +
      'invisible to Terraform: waive the item with that reason.',
  },
  {
    id: 'network/internal-load-balancer',
    delivery: 'option',
    construct: 'SecureAksCluster',
    prop: "webAppRouting (applicationRoutingConfig(): defaultNginxController 'Internal')",
    rule: internalIngressRule,
    note:
      "applicationRoutingConfig() defaults the add-on's NGINX controller to an internal load balancer; a public one needs exposureReason " +
      '(recorded as a waiver). LoadBalancer Services created in-cluster are covered by the policy facet (internal load balancers only).',
  },
  {
    id: 'network/web-application-firewall',
    delivery: 'option',
    construct: 'WebApplicationFirewall',
    prop: 'mode',
    rule: webApplicationFirewallRule,
    note:
      'Application Gateway WAF_v2 with a WAF policy (Prevention, Microsoft Default Rule Set 2.1) and a public frontend in front of the ' +
      'internal ingress; Detection mode needs detectionReason (waiver). Front Door Premium profiles are judged by the same rule.',
  },
];
