export * from './cluster-policies';
export * from './cluster-governance';
export { BUILTINS, builtinPolicy, builtinById, builtinByDisplayName, declaredParameters } from './builtins';
export type { BuiltinKey } from './builtins';
export * as policyRules from './rules';
export { policyFacets } from './checklist';
