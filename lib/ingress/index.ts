export * from './application-routing';
export * from './web-application-firewall';
export { ingressDistributionRule, internalIngressRule, webApplicationFirewallRule } from './rules';
