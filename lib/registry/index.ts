export * from './private-registry';
export * from './region-pairs';
export * as registryRules from './rules';
