export * from './egress-firewall';
export * from './bastion';
export * from './existing-hub-route';
export * from './nat-gateway';
export * from './network-isolated';
export { featureEndpoints, ALL_FEATURES, DEFAULT_FEATURES } from './endpoints';
export type { ApiServerAccess, FqdnProtocol, FeatureEndpoints, FeatureFqdnRule, FeatureNetworkRule, EndpointContext } from './endpoints';
export * as egressRules from './rules';
export { egressFacets } from './checklist';
