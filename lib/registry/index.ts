export * from './private-registry';
export * as registryRules from './rules';
