/** The shapes of the built-in policy table (lib/policy/builtins.ts). Pure types. */

/** The type of a policy parameter, as the definition declares it. */
export type PolicyParameterType = 'String' | 'Array' | 'Object' | 'Boolean' | 'Integer' | 'Float' | 'DateTime';

/** A JSON value as a policy parameter holds it. */
export type PolicyValue = string | number | boolean | null | readonly PolicyValue[] | { readonly [key: string]: PolicyValue };

/** One declared parameter of a built-in. */
export interface PolicyParameterSpec {
  readonly type: PolicyParameterType;
  /** The definition's default; absent when the parameter is required. */
  readonly default?: PolicyValue;
  /** The allowed values, when the definition restricts them. */
  readonly allowed?: readonly PolicyValue[];
}

/** A built-in policy definition or initiative (policy set definition). */
export interface BuiltinPolicy {
  /** Full resource id, e.g. `/providers/Microsoft.Authorization/policyDefinitions/<guid>`. */
  readonly id: string;
  readonly kind: 'policyDefinition' | 'policySetDefinition';
  readonly displayName: string;
  readonly version: string;
  readonly preview: boolean;
  /** Allowed values of the `effect` parameter (Azure compares them case-insensitively). */
  readonly effects: readonly string[];
  /** Default of the `effect` parameter. */
  readonly defaultEffect: string;
  /** Declared parameters other than `effect`. */
  readonly parameters: Readonly<Record<string, PolicyParameterSpec>>;
  /** For an initiative: the ids of the definitions it contains. */
  readonly policyDefinitions?: readonly string[];
}
