/**
 * ClusterPolicies: Azure Policy assignments on one AKS cluster (`azurerm_resource_policy_assignment`
 * scoped to the cluster's id), from the built-ins in builtins.ts. Secure by default: every
 * assignment denies where its definition allows Deny; weakening one (Audit, an excluded built-in,
 * the baseline pod security standard) needs a reason and records a waiver that the report shows.
 */
import { ResourcePolicyAssignment } from '@cdktf/provider-azurerm/lib/resource-policy-assignment';
import { Fn, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { libraryStack } from '../synth/library-stack';
import { Checklist } from '../checklist/checklist';
import { PropError } from '../core/errors';
import { BuiltinKey, BuiltinPolicy, builtinPolicy, BUILTINS, covers, declaredParameters, isBuiltinKey, PolicyValue } from './builtins';
import { ITEMS_BY_BUILTIN } from './policy-items';
import type { AssignOptions, AuditOnly, ClusterPoliciesProps, PolicyParameters, PolicyStrictness } from './cluster-policies-props';
import { SYSTEM_NAMESPACES } from './cluster-policies-props';
import { checkLoosening, checkLooseningObject, checkReason } from '../core/validate';


export * from './cluster-policies-props';

export { ITEMS_BY_BUILTIN } from './policy-items';

/** The built-ins assigned by default (the pod security initiative is added per `podSecurityStandard`). */
export const DEFAULT_BUILTINS: readonly BuiltinKey[] = [
  'allowedImages',
  'noDefaultNamespace',
  'internalLoadBalancers',
  'probes',
  'preStopHook',
  'noNakedPods',
  'resourceRequests',
  'resourceLimits',
  'antiAffinityOrTopologySpread',
  'httpsOnlyIngress',
  'ingressHostRequired',
  'noLatestTag',
  'allowedPullPolicy',
  'noAutomountApiCredentials',
  'uniqueServiceSelectors',
  'accuratePodDisruptionBudgets',
  'clusterAdminRoleMinimized',
  'minimizeRbacWildcards',
  'windowsNoContainerAdministrator',
  'windowsNoHostProcess',
  'windowsNoOvercommit',
];

const INVALID_NAME_CHARS = /[#<>*%&:\\?.+/]/;
const HOST = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(:\d{1,5})?$/;
const NAMESPACE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const CPU = /^(\d+(\.\d+)?|\d+m)$/;
const MEMORY = /^\d+(\.\d+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/;
const CLUSTER_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.ContainerService\/managedClusters\/[^/]+$/i;

/**
 * Escapes a login server for a regular expression (RE2 and JavaScript alike). A token (an
 * unresolved login server) is escaped by Terraform's `replace()` at apply time; its backslash is
 * doubled because the value lands inside the JSON text of `parameters`.
 */
function escapeRegistry(registry: string): string {
  if (Token.isUnresolved(registry)) {
    return Fn.replace(registry, '.', '\\\\\\\\.');
  }
  return registry.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The `allowedContainerImagesRegex` for a list of registry login servers. */
export function allowedImagesRegex(registries: readonly string[]): string {
  return `^(${registries.map(escapeRegistry).join('|')})/.+$`;
}

/** Azure Policy assignments on one AKS cluster, secure by default. */
export class ClusterPolicies extends Construct {
  /** Every assignment created, by built-in key. */
  public readonly assignments: Map<BuiltinKey, ResourcePolicyAssignment> = new Map();

  private readonly strictness: PolicyStrictness;
  private readonly namePrefix: string;
  private readonly excludedNamespaces: readonly string[];

  public constructor(scope: Construct, id: string, private readonly props: ClusterPoliciesProps) {
    super(scope, id);
    libraryStack(this);
    this.strictness = typeof props.strictness === 'object' && props.strictness !== null ? props.strictness.effect : props.strictness ?? 'Deny';
    this.namePrefix = props.namePrefix ?? 'aks';
    this.validate();
    this.excludedNamespaces = [...SYSTEM_NAMESPACES, ...(props.additionalExcludedNamespaces ?? [])];

    if (typeof props.strictness === 'object') {
      const items = new Set(Object.values(ITEMS_BY_BUILTIN).flat());
      items.forEach((item) => Checklist.of(this).waive(item, (props.strictness as AuditOnly).reason));
    }
    const pss = props.podSecurityStandard;
    const standard = typeof pss === 'object' && pss !== null ? pss.standard : pss ?? 'restricted';
    if (typeof pss === 'object') {
      Checklist.of(this).waive('development/security-context', pss.reason);
    }
    for (const [key, exclusion] of Object.entries(props.exclude ?? {})) {
      (ITEMS_BY_BUILTIN[key as BuiltinKey] ?? []).forEach((item) => Checklist.of(this).waive(item, exclusion.reason));
    }

    const defaults: BuiltinKey[] = [standard === 'restricted' ? 'podSecurityRestricted' : 'podSecurityBaseline', ...DEFAULT_BUILTINS];
    if (props.deploymentSafeguards) {
      this.assign('deploymentSafeguards', this.defaultParameters('deploymentSafeguards'));
    }
    for (const key of defaults.filter((k) => !(k in (props.exclude ?? {})) && !this.inSafeguards(k))) {
      this.assign(key, this.defaultParameters(key));
    }
  }

  /** Whether the deployment safeguards initiative is assigned and contains this built-in (every member, for an initiative). */
  public inSafeguards(key: BuiltinKey): boolean {
    return Boolean(this.props.deploymentSafeguards) && key !== 'deploymentSafeguards' && covers(BUILTINS.deploymentSafeguards.id, builtinPolicy(key));
  }

  /** The assignments as a list, in creation order. */
  public get assignmentList(): ResourcePolicyAssignment[] {
    return [...this.assignments.values()];
  }

  /**
   * Assigns a built-in to the cluster.
   * @param key the built-in's key in BUILTINS, e.g. `readOnlyRootFilesystem`
   * @param parameters parameter values, by the names the definition declares (`effect` excluded: use options)
   * @param options effect, reason and name
   */
  public assign(key: BuiltinKey, parameters: PolicyParameters = {}, options: AssignOptions = {}): ResourcePolicyAssignment {
    if (!isBuiltinKey(key)) {
      throw new PropError(this, 'assign.key', key, 'is not a known built-in', `use one of ${Object.keys(BUILTINS).join(', ')}`);
    }
    if (this.assignments.has(key)) {
      throw new PropError(this, 'assign.key', key, 'is already assigned to this cluster', 'assign each built-in once, or leave it out of the defaults with `exclude`');
    }
    if (this.inSafeguards(key)) {
      throw new PropError(this, 'assign.key', key, 'is already assigned as a member of the deployment safeguards initiative', 'leave it to the initiative, or turn deploymentSafeguards off');
    }
    const policy = builtinPolicy(key);
    const effect = this.effectFor(key, policy, options);
    const values = this.checkParameters(key, policy, parameters);
    const name = options.name ?? `${this.namePrefix}-${kebab(key)}`;
    assertName(this, options.name === undefined ? 'namePrefix' : 'assign.options.name', name, options.name === undefined ? this.namePrefix : name);
    const json: Record<string, { value: PolicyValue }> = { effect: { value: effect } };
    for (const [param, value] of Object.entries(values)) {
      json[param] = { value };
    }
    const assignment = new ResourcePolicyAssignment(this, key, {
      name,
      displayName: policy.displayName,
      description: `${policy.displayName} (built-in ${policy.version}), assigned by aks-checklist-cdktf.`,
      resourceId: this.props.clusterId,
      policyDefinitionId: policy.id,
      parameters: JSON.stringify(json),
    });
    this.assignments.set(key, assignment);
    return assignment;
  }

  private defaultParameters(key: BuiltinKey): PolicyParameters {
    const params: Record<string, PolicyValue> = {};
    if ('excludedNamespaces' in builtinPolicy(key).parameters) {
      params.excludedNamespaces = [...this.excludedNamespaces];
    }
    switch (key) {
      case 'allowedImages':
        params.allowedContainerImagesRegex = allowedImagesRegex(this.props.allowedRegistries);
        break;
      case 'probes':
        params.requiredProbes = [...(this.props.requiredProbes ?? ['readinessProbe', 'livenessProbe'])];
        break;
      case 'resourceLimits': {
        const limits = this.props.containerLimits ?? { cpu: '2', memory: '4Gi' };
        params.cpuLimit = limits.cpu;
        params.memoryLimit = limits.memory;
        break;
      }
      case 'deploymentSafeguards': {
        const safeguards = typeof this.props.deploymentSafeguards === 'object' ? this.props.deploymentSafeguards : {};
        params.allowedContainerImagesRegex = allowedImagesRegex(this.props.allowedRegistries);
        params.requiredProbes = [...(this.props.requiredProbes ?? ['readinessProbe', 'livenessProbe'])];
        params.allowedUsers = [...(safeguards.allowedUsers ?? [])];
        params.allowedGroups = [...(safeguards.allowedGroups ?? [])];
        params.labels = ['kubernetes.azure.com'];
        params.reservedTaints = ['CriticalAddonsOnly'];
        params.effectForMutationPolicies = safeguards.mutations ? 'Mutate' : 'Disabled';
        break;
      }
      case 'allowedPullPolicy':
        if (this.props.allowedPullPolicies) {
          params.allowedPullPolicy = [...this.props.allowedPullPolicies];
        }
        break;
      default:
        break;
    }
    return params;
  }

  private effectFor(key: BuiltinKey, policy: BuiltinPolicy, options: AssignOptions): string {
    const allows = (e: string): boolean => policy.effects.some((a) => a.toLowerCase() === e.toLowerCase());
    const preferred = allows(this.strictness) ? this.strictness : allows('Audit') ? 'Audit' : policy.defaultEffect;
    if (options.effect === undefined) {
      return preferred;
    }
    if (!allows(options.effect)) {
      throw new PropError(this, `assign(${key}).effect`, options.effect, `is not an effect '${policy.displayName}' allows (${policy.effects.join(', ')})`, `use one of ${[...new Set(policy.effects.map((e) => e[0].toUpperCase() + e.slice(1)))].join(', ')}`);
    }
    const rank = (e: string): number => ['disabled', 'audit', 'deny'].indexOf(e.toLowerCase());
    if (rank(options.effect) < rank(preferred)) {
      checkReason(this, `assign(${key}).reason`, options.reason, `weakening the effect from ${preferred} to ${options.effect}`);
      (ITEMS_BY_BUILTIN[key] ?? []).forEach((item) => Checklist.of(this).waive(item, options.reason as string));
    }
    return options.effect;
  }

  private checkParameters(key: BuiltinKey, policy: BuiltinPolicy, parameters: PolicyParameters): PolicyParameters {
    const declared = declaredParameters(policy);
    for (const [param, value] of Object.entries(parameters)) {
      const prop = `assign(${key}).parameters.${param}`;
      if (param === 'effect') {
        throw new PropError(this, prop, value, 'sets the effect through parameters', 'pass `{ effect }` in the options argument of assign()');
      }
      const spec = policy.parameters[param];
      if (!spec) {
        throw new PropError(this, prop, value, `is not a parameter of '${policy.displayName}'`, `use one of ${declared.filter((d) => d !== 'effect').join(', ')}`);
      }
      if (Token.isUnresolved(value)) {
        continue;
      }
      const ok =
        spec.type === 'Array' ? Array.isArray(value) : spec.type === 'Object' ? typeof value === 'object' && value !== null && !Array.isArray(value) : spec.type === 'Boolean' ? typeof value === 'boolean' : spec.type === 'Integer' || spec.type === 'Float' ? typeof value === 'number' : typeof value === 'string';
      if (!ok) {
        throw new PropError(this, prop, value, `is not of the declared type ${spec.type}`, `pass a ${spec.type} value`);
      }
      if (spec.allowed && !spec.allowed.some((a) => JSON.stringify(a) === JSON.stringify(value))) {
        throw new PropError(this, prop, value, 'is not an allowed value', `use one of ${spec.allowed.map((a) => JSON.stringify(a)).join(', ')}`);
      }
    }
    for (const [param, spec] of Object.entries(policy.parameters)) {
      if (spec.default === undefined && !(param in parameters)) {
        throw new PropError(this, `assign(${key}).parameters.${param}`, undefined, `is required by '${policy.displayName}' (it has no default)`, `pass a ${spec.type} value for ${param}`);
      }
    }
    return parameters;
  }

  private validate(): void {
    const p = this.props;
    const { clusterId } = p;
    if (typeof clusterId !== 'string' || (!Token.isUnresolved(clusterId) && !CLUSTER_ID.test(clusterId))) {
      throw new PropError(this, 'clusterId', clusterId, 'is not an AKS cluster resource id', 'pass the cluster id (`cluster.id`) or /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.ContainerService/managedClusters/<name>');
    }
    if (!Array.isArray(p.allowedRegistries) || p.allowedRegistries.length === 0) {
      throw new PropError(this, 'allowedRegistries', p.allowedRegistries, 'is empty: every image would be denied', "pass the registries' login servers, e.g. ['myacr.azurecr.io'] (PrivateRegistry.loginServer)");
    }
    for (const registry of p.allowedRegistries) {
      if (typeof registry !== 'string' || (!Token.isUnresolved(registry) && !HOST.test(registry))) {
        throw new PropError(this, 'allowedRegistries', registry, 'is not a registry login server (lower-case host name, optional port, no scheme, path or wildcard)', "pass a login server such as 'myacr.azurecr.io'");
      }
    }
    if (!checkLoosening(this, 'strictness', p.strictness, 'effect', ['Audit'], 'blocking off (Audit reports violations but does not block them)') && p.strictness !== undefined && p.strictness !== 'Deny') {
      throw new PropError(this, 'strictness', p.strictness, 'is not a strictness', "use 'Deny', or { effect: 'Audit', reason }");
    }
    if (
      !checkLoosening(this, 'podSecurityStandard', p.podSecurityStandard, 'standard', ['baseline'], 'the restricted pod security standard off (baseline allows root containers, privilege escalation and more volume types)') &&
      p.podSecurityStandard !== undefined &&
      p.podSecurityStandard !== 'restricted'
    ) {
      throw new PropError(this, 'podSecurityStandard', p.podSecurityStandard, 'is not a pod security standard', "use 'restricted', or { standard: 'baseline', reason }");
    }
    for (const ns of p.additionalExcludedNamespaces ?? []) {
      if (typeof ns !== 'string' || ns.length > 63 || !NAMESPACE.test(ns)) {
        throw new PropError(this, 'additionalExcludedNamespaces', ns, 'is not a Kubernetes namespace name', 'use a lower-case DNS label of at most 63 characters');
      }
    }
    const probes = p.requiredProbes;
    if (probes !== undefined && (probes.length === 0 || probes.some((x) => !['readinessProbe', 'livenessProbe', 'startupProbe'].includes(x)))) {
      throw new PropError(this, 'requiredProbes', probes, 'must list at least one of readinessProbe, livenessProbe, startupProbe', "use e.g. ['readinessProbe', 'livenessProbe']");
    }
    const limits = p.containerLimits;
    if (limits && !Token.isUnresolved(limits.cpu) && !CPU.test(limits.cpu)) {
      throw new PropError(this, 'containerLimits.cpu', limits.cpu, 'is not a Kubernetes CPU quantity', "use e.g. '2' or '500m'");
    }
    if (limits && !Token.isUnresolved(limits.memory) && !MEMORY.test(limits.memory)) {
      throw new PropError(this, 'containerLimits.memory', limits.memory, 'is not a Kubernetes memory quantity', "use e.g. '4Gi' or '512Mi'");
    }
    const pulls = p.allowedPullPolicies;
    if (pulls !== undefined && (pulls.length === 0 || pulls.some((x) => !['Always', 'IfNotPresent', 'Never'].includes(x)))) {
      throw new PropError(this, 'allowedPullPolicies', pulls, 'must list at least one of Always, IfNotPresent, Never', "use e.g. ['IfNotPresent']");
    }
    const safeguards = p.deploymentSafeguards;
    if (typeof safeguards === 'object' && safeguards !== null) {
      for (const prop of ['allowedUsers', 'allowedGroups'] as const) {
        const list = safeguards[prop];
        if (list !== undefined && (!Array.isArray(list) || list.some((x) => typeof x !== 'string' || x.trim() === ''))) {
          throw new PropError(this, `deploymentSafeguards.${prop}`, list, 'is not a list of non-empty names', "pass e.g. ['ops@contoso.com'] or []");
        }
      }
    } else if (safeguards !== undefined && typeof safeguards !== 'boolean') {
      throw new PropError(this, 'deploymentSafeguards', safeguards, 'is neither a boolean nor safeguards options', 'pass true, or { allowedUsers, allowedGroups, mutations }');
    }
    for (const [key, exclusion] of Object.entries(p.exclude ?? {})) {
      if (!isBuiltinKey(key) || !DEFAULT_BUILTINS.includes(key)) {
        throw new PropError(this, 'exclude', key, 'is not a default assignment', `use one of ${DEFAULT_BUILTINS.join(', ')} (set podSecurityStandard for the pod security initiative)`);
      }
      checkLooseningObject(this, `exclude.${key}`, exclusion, "{ reason: '<why>' }");
      if (safeguards && covers(BUILTINS.deploymentSafeguards.id, builtinPolicy(key))) {
        throw new PropError(this, `exclude.${key}`, exclusion, 'cannot be honoured: the built-in is a member of the deployment safeguards initiative, assigned as one unit', 'turn deploymentSafeguards off to exclude it, or keep it');
      }
      checkReason(this, `exclude.${key}.reason`, exclusion.reason, 'leaving a default assignment out weakens the checklist items it delivers');
    }
    const longest = Object.keys(BUILTINS).map(kebab).sort((a, b) => b.length - a.length)[0];
    assertName(this, 'namePrefix', `${this.namePrefix}-${longest}`, this.namePrefix);
  }
}

function kebab(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** Azure's and azurerm's rules for a policy assignment name at resource scope. */
function assertName(at: IConstruct, prop: string, name: string, value: string): void {
  if (Token.isUnresolved(name)) {
    return;
  }
  const ok = name.trim().length > 0 && name.length <= 64 && !INVALID_NAME_CHARS.test(name) && !/[\s.]$/.test(name) && !/\p{Cc}/u.test(name);
  if (!ok) {
    throw new PropError(at, prop, value, `gives the assignment name '${name}', which Azure rejects (1-64 characters, none of # < > * % & : \\ ? . + /, not ending with a space or period)`, 'use letters, digits, - and _ only, and keep the name within 64 characters');
  }
}
