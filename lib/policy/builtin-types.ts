/** The shapes of the built-in policy table (lib/policy/builtins.ts) and the parameters its entries share. Pure. */

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

/**
 * The scope parameters every Gatekeeper-based Kubernetes built-in declares (source, warn, namespaces
 * and their exclusions, label selector), with the add-on's three system namespaces excluded by default.
 */
export const GATEKEEPER_SCOPE = {
  "source": {"type": "String", "default": "Original", "allowed": ["All", "Generated", "Original"]},
  "warn": {"type": "Boolean", "default": false},
  "excludedNamespaces": {"type": "Array", "default": ["kube-system", "gatekeeper-system", "azure-arc"]},
  "namespaces": {"type": "Array", "default": []},
  "labelSelector": {"type": "Object", "default": {}},
} as const satisfies Readonly<Record<string, PolicyParameterSpec>>;

/** GATEKEEPER_SCOPE of the built-ins that also exclude azure-extensions-usage-system by default. */
export const GATEKEEPER_SCOPE_WITH_EXTENSIONS = {
  ...GATEKEEPER_SCOPE,
  "excludedNamespaces": {"type": "Array", "default": ["kube-system", "gatekeeper-system", "azure-arc", "azure-extensions-usage-system"]},
} as const satisfies Readonly<Record<string, PolicyParameterSpec>>;
