export * from './cluster-policies';
export { BUILTINS, builtinPolicy, builtinById, builtinByDisplayName, declaredParameters } from './builtins';
export type { BuiltinKey } from './builtins';
export * as policyRules from './rules';
export { policyFacets } from './checklist';
