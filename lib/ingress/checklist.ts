import { settingsOf } from '../checklist/settings';
import type { ItemFacet } from '../checklist/types';
import type { SecureAksCluster, SecureAksClusterProps } from '../cluster/secure-aks-cluster';
import type { WebApplicationFirewall, WebApplicationFirewallProps } from './web-application-firewall';
import { ingressDistributionRule, internalIngressRule, webApplicationFirewallRule } from './rules';

const webApplicationFirewall = settingsOf<WebApplicationFirewallProps, WebApplicationFirewall>('WebApplicationFirewall');
const secureAksCluster = settingsOf<SecureAksClusterProps, SecureAksCluster>('SecureAksCluster');

/** The checklist items this concern delivers, each with its rule (see lib/checklist/types.ts). */
export const ingressFacets: readonly ItemFacet[] = [
  {
    id: 'network/ingress-distribution',
    delivery: 'option',
    settings: [...secureAksCluster('webAppRouting'), { construct: 'applicationRoutingConfig' }],
    rule: ingressDistributionRule,
    note:
      'The rule sees the managed ingress controller (application routing or AGIC) on the cluster. Spreading the controller replicas ' +
      'across zones is in-cluster (the add-on runs 2+ replicas with autoscaling); an ingress controller installed with Helm is ' +
      'invisible to Terraform: waive the item with that reason.',
  },
  {
    id: 'network/internal-load-balancer',
    delivery: 'option',
    settings: [...secureAksCluster('webAppRouting'), { construct: 'applicationRoutingConfig' }],
    rule: internalIngressRule,
    note:
      "applicationRoutingConfig() defaults the add-on's NGINX controller to an internal load balancer; a public one needs defaultNginxController: { exposure, reason } " +
      '(recorded as a waiver). LoadBalancer Services created in-cluster are covered by the policy facet (internal load balancers only).',
  },
  {
    id: 'network/web-application-firewall',
    delivery: 'option',
    settings: webApplicationFirewall('mode'),
    rule: webApplicationFirewallRule,
    note:
      'Application Gateway WAF_v2 with a WAF policy (Prevention, Microsoft Default Rule Set 2.1) and a public frontend in front of the ' +
      'internal ingress; Detection mode needs mode: { mode: "Detection", reason } (waiver). Front Door Premium profiles are judged by the same rule.',
  },
];
