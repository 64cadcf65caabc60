/**
 * The props of ClusterPolicies and the shapes its methods take (assignment options, deployment
 * safeguards, container limits).
 */
import type { BuiltinKey, PolicyValue } from './builtins';

/**
 * The namespaces the Kubernetes built-ins exclude by default (`kube-system`, `gatekeeper-system`
 * and `azure-arc` are always excluded by the add-on; `azure-extensions-usage-system` is the
 * built-ins' own fourth default).
 */
export const SYSTEM_NAMESPACES: readonly string[] = ['kube-system', 'gatekeeper-system', 'azure-arc', 'azure-extensions-usage-system'];

/** How strictly assignments act: `Deny` blocks non-compliant objects, `Audit` only reports them. */
export type PolicyStrictness = 'Deny' | 'Audit';

/** An effect an assignment may be given. */
export type PolicyEffect = 'Deny' | 'Audit' | 'Disabled';

/** The pod security standard the cluster enforces. */
export type PodSecurityStandard = 'restricted' | 'baseline';

/** Policies that report violations without blocking them: why. */
export interface AuditOnly {
  readonly effect: 'Audit';
  /** Why violations may be admitted (at least 10 characters; recorded as waivers). */
  readonly reason: string;
}

/** The baseline pod security standard instead of restricted: why. */
export interface BaselinePodSecurity {
  readonly standard: 'baseline';
  /** Why pods may run as root, escalate privileges or mount more volume types (recorded as a waiver). */
  readonly reason: string;
}

/**
 * A default built-in left out: why. ClusterGovernance's `loosen` takes the same shape per built-in
 * (an object with its reason, there with the weaker effect).
 */
export interface PolicyExclusion {
  /** Why the built-in is not assigned (at least 10 characters); recorded as a waiver of each item it delivers. */
  readonly reason: string;
}

/** A probe the probes built-in can require. */
export type ContainerProbe = 'readinessProbe' | 'livenessProbe' | 'startupProbe';

/** An `imagePullPolicy` value. */
export type ImagePullPolicy = 'Always' | 'IfNotPresent' | 'Never';

/** Maximum CPU and memory limits per container (Kubernetes quantities). */
export interface ContainerLimits {
  /** Maximum CPU limit per container, e.g. `2` or `500m`. */
  readonly cpu: string;
  /** Maximum memory limit per container, e.g. `4Gi` or `512Mi`. */
  readonly memory: string;
}

/** Parameter values for one assignment, by the parameter names the definition declares. */
export type PolicyParameters = Readonly<Record<string, PolicyValue>>;

/** Options for `ClusterPolicies.assign`. */
export interface AssignOptions {
  /**
   * The effect. Weaker than the strictness default (Audit where Deny is allowed, or Disabled)
   * requires `reason`.
   * @default the construct's strictness where the definition allows it, else the definition's default
   */
  readonly effect?: PolicyEffect;
  /**
   * Why a weaker effect is accepted; recorded as a waiver for the items the built-in delivers.
   * @default none (required when `effect` is weaker than the default)
   */
  readonly reason?: string;
  /**
   * The assignment's name (1-64 characters, none of `# < > * % & : \ ? . + /`, not ending with a space).
   * @default `${namePrefix}-${kebab-case key}`
   */
  readonly name?: string;
}

/** The deployment safeguards initiative, assigned as one unit. */
export interface DeploymentSafeguardsProps {
  /**
   * Users allowed to edit nodes and to set AKS-specific labels ("Cannot Edit Individual Nodes",
   * "No AKS Specific Labels").
   * @default []
   */
  readonly allowedUsers?: readonly string[];
  /**
   * Groups allowed to edit nodes and to set AKS-specific labels.
   * @default []
   */
  readonly allowedGroups?: readonly string[];
  /**
   * Let the initiative's mutations run (`effectForMutationPolicies = Mutate`: default requests,
   * anti-affinity, dropped capabilities...) instead of only denying.
   * @default false
   */
  readonly mutations?: boolean;
}

/** Props of ClusterPolicies. */
export interface ClusterPoliciesProps {
  /** Resource id of the AKS cluster the policies are assigned to (usually `cluster.id`). */
  readonly clusterId: string;
  /**
   * Registry login servers that images may come from, e.g. `['myacr.azurecr.io']`. Builds the
   * `allowedContainerImagesRegex` of the allowed-images built-in: anchored, dots escaped, each
   * registry followed by `/`.
   */
  readonly allowedRegistries: readonly string[];
  /**
   * `Deny` (block) for every assignment whose definition allows it. Report-only is a loosening,
   * `{ effect: 'Audit', reason }`, recorded as a waiver of every item the built-ins deliver (a bare
   * `'Audit'` is rejected).
   * @default 'Deny'
   */
  readonly strictness?: 'Deny' | AuditOnly;
  /**
   * The pod security standard: `restricted` (Kubernetes PSS restricted initiative). The baseline
   * standard is a loosening, `{ standard: 'baseline', reason }`, recorded as a waiver of
   * development/security-context (a bare `'baseline'` is rejected).
   * @default 'restricted'
   */
  readonly podSecurityStandard?: 'restricted' | BaselinePodSecurity;
  /**
   * Namespaces excluded in addition to SYSTEM_NAMESPACES, e.g. the namespaces of managed add-ons
   * whose images come from MCR (`app-routing-system`, `flux-system`, `dataprotection-microsoft`).
   * @default []
   */
  readonly additionalExcludedNamespaces?: readonly string[];
  /**
   * Probes every container must define.
   * @default ['readinessProbe', 'livenessProbe']
   */
  readonly requiredProbes?: readonly ContainerProbe[];
  /**
   * Maximum CPU and memory limits per container (the resource-limits built-in also requires limits).
   * @default { cpu: '2', memory: '4Gi' }
   */
  readonly containerLimits?: ContainerLimits;
  /**
   * Allowed `imagePullPolicy` values.
   * @default the built-in's default, ['IfNotPresent', 'Never']
   */
  readonly allowedPullPolicies?: readonly ImagePullPolicy[];
  /**
   * Default assignments to leave out, each with why, e.g. `{ preStopHook: { reason } }` (recorded
   * as a waiver of each item the built-in delivers).
   * @default {}
   */
  readonly exclude?: Partial<Record<BuiltinKey, PolicyExclusion>>;
  /**
   * Assign AKS deployment safeguards (the built-in initiative c047ea8e-9c78-49b2-958b-37e56d291a44,
   * what AKS Automatic enforces) as one unit. The default built-ins it contains (pod security, allowed
   * images, probes, requests, anti-affinity, latest tag, unique selectors, Windows HostProcess and
   * ContainerAdministrator) are then not assigned separately, so nothing is assigned twice; the
   * initiative gets their parameters (allowed images, probes, excluded namespaces) and the strictness.
   * @default off
   */
  readonly deploymentSafeguards?: boolean | DeploymentSafeguardsProps;
  /**
   * Prefix of assignment names.
   * @default 'aks'
   */
  readonly namePrefix?: string;
}
