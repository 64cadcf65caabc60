/**
 * Reads a Terraform plan in JSON (`terraform show -json tfplan`) as a ResolvedConfiguration: every
 * planned resource of the root module and of `child_modules`, with the values Terraform resolved.
 * A value Terraform knows only after apply (`resource_changes[].change.after_unknown`) is written as a
 * reference to the block the `configuration` section says it comes from (followed through module
 * inputs and outputs), as `${unknown}` when its expression comes from no block, and left out when
 * the configuration does not set it (a provider-computed default, absent as in the HCL). This is how rules find a
 * subnet's route table or a cluster's diagnostic setting in a plan. AzAPI resources are mapped to
 * their azurerm shapes (lib/report/hcl/azapi.ts).
 */
import type { JsonObject, JsonValue } from '../core/terraform-document';
import type { ModuleCoverage, ResolvedBlock, ResolvedConfiguration } from '../core/resolved-config';
import { mapAzapiBlocks } from './hcl/azapi';

/** Whether parsed JSON is a plan (`format_version` and `planned_values`). */
export function isPlan(json: unknown): json is JsonObject {
  return typeof json === 'object' && json !== null && !Array.isArray(json) && 'format_version' in json && 'planned_values' in json;
}

interface PlanModule {
  readonly address?: string;
  readonly resources?: readonly PlanResource[];
  readonly child_modules?: readonly PlanModule[];
}

interface PlanResource {
  readonly address: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly index?: string | number;
  readonly values?: JsonObject;
}

/** A module of the `configuration` section. */
interface ConfigModule {
  readonly resources?: readonly { readonly address: string; readonly mode: string; readonly type: string; readonly name: string; readonly expressions?: JsonObject }[];
  readonly module_calls?: Readonly<Record<string, { readonly source?: string; readonly expressions?: JsonObject; readonly module?: ConfigModule }>>;
  readonly outputs?: Readonly<Record<string, { readonly expression?: JsonObject }>>;
}

/** Where an expression is evaluated: a module instance of the plan and its configuration. */
interface Scope {
  /** `''` for the root, `module.aks`, `module.aks[0].module.net`. */
  readonly address: string;
  readonly config: ConfigModule;
  readonly parent?: Scope;
  /** The call that made this module (its name in the parent's `module_calls`). */
  readonly call?: string;
}

const RESOURCE_REF = /^(?:data\.[a-z][a-z0-9_]*|[a-z][a-z0-9]*_[a-z0-9_]*)\.[A-Za-z_][\w-]*/;
const MAX_DEPTH = 12;

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const qualify = (scope: Scope, ref: string): string => (scope.address ? `${scope.address}.${ref}` : ref);

/** The scope of a module instance, with its parents. */
function scopeOf(root: ConfigModule, moduleAddress: string): Scope | undefined {
  let scope: Scope = { address: '', config: root };
  const steps = moduleAddress === '' ? [] : moduleAddress.split(/\.(?=module\.)/);
  for (const step of steps) {
    const call = /^module\.([A-Za-z_][\w-]*)/.exec(step)?.[1];
    const config = call ? scope.config.module_calls?.[call]?.module : undefined;
    if (!call || !config) {
      return undefined;
    }
    scope = { address: scope.address ? `${scope.address}.${step}` : step, config, parent: scope, call };
  }
  return scope;
}

/**
 * The block reference behind one of an expression's `references`, qualified with its module:
 * `var.x` follows the module call's argument, `module.m.out` the module's output.
 */
function resolve(ref: string, scope: Scope, depth = 0): string | undefined {
  if (depth > MAX_DEPTH) {
    return undefined;
  }
  if (ref.startsWith('var.')) {
    const name = ref.split('.')[1];
    const call = scope.parent && scope.call ? scope.parent.config.module_calls?.[scope.call] : undefined;
    return firstResolved(call?.expressions?.[name], scope.parent, depth);
  }
  if (ref.startsWith('module.')) {
    const [, rawName, output] = ref.split('.');
    const name = rawName?.replace(/\[.*$/, '');
    const child = name ? scope.config.module_calls?.[name]?.module : undefined;
    if (!child || !output) {
      return undefined;
    }
    const inner: Scope = { address: qualify(scope, `module.${name}`), config: child, parent: scope, call: name };
    return firstResolved(child.outputs?.[output.replace(/\[.*$/, '')]?.expression, inner, depth);
  }
  return RESOURCE_REF.test(ref) ? qualify(scope, ref) : undefined;
}

function firstResolved(expression: JsonValue | undefined, scope: Scope | undefined, depth: number): string | undefined {
  const refs = isObject(expression) && Array.isArray(expression.references) ? expression.references : [];
  for (const r of refs) {
    const found = typeof r === 'string' && scope ? resolve(r, scope, depth + 1) : undefined;
    if (found) {
      return found;
    }
  }
  return undefined;
}

/** The expression at a path of a resource's configuration, walking blocks (lists of objects) alike. */
function expressionAt(expressions: JsonValue | undefined, steps: readonly (string | number)[]): JsonValue | undefined {
  let current = expressions;
  for (const step of steps) {
    if (Array.isArray(current)) {
      current = typeof step === 'number' ? (current[step] ?? current[0]) : current[0];
      if (typeof step === 'number') {
        continue;
      }
    }
    if (!isObject(current)) {
      return undefined;
    }
    if ('references' in current || 'constant_value' in current) {
      return current; // a list attribute's elements share its expression
    }
    current = typeof step === 'string' ? current[step] : undefined;
  }
  return current;
}

/** Null means "not set" in a plan: drop it, as an absent argument in HCL. */
function withoutNulls(value: JsonValue): JsonValue {
  if (Array.isArray(value)) {
    return value.map(withoutNulls);
  }
  if (isObject(value)) {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) {
      if (v !== null) {
        out[k] = withoutNulls(v);
      }
    }
    return out;
  }
  return value;
}

/**
 * Fills the values Terraform knows only after apply: a reference to the block they come from, or `${unknown}`.
 * Known Azure resource ids that come from a block become that reference too (for update plans).
 */
function fillUnknown(values: JsonValue | undefined, unknown: JsonValue | undefined, expressions: JsonValue | undefined, scope: Scope, steps: (string | number)[]): JsonValue | undefined {
  if (unknown === true) {
    const expression = expressionAt(expressions, steps);
    if (expression === undefined) {
      return undefined; // computed by the provider, not configured: as absent as in the HCL
    }
    const ref = firstResolved(expression, scope, 0);
    return ref ? `\${${ref}}` : '${unknown}';
  }
  if (typeof values === 'string' && values.startsWith('/subscriptions/')) {
    const ref = firstResolved(expressionAt(expressions, steps), scope, 0);
    return ref ? `\${${ref}}` : values;
  }
  if (Array.isArray(unknown) || Array.isArray(values)) {
    const list = Array.isArray(values) ? values : [];
    const marks = Array.isArray(unknown) ? unknown : [];
    const length = Math.max(list.length, marks.length);
    return Array.from({ length }, (_, i) => fillUnknown(list[i], marks[i], expressions, scope, [...steps, i]) ?? null);
  }
  if (isObject(unknown) || isObject(values)) {
    const out: JsonObject = { ...(isObject(values) ? values : {}) };
    for (const key of new Set([...Object.keys(out), ...Object.keys(isObject(unknown) ? unknown : {})])) {
      const filled = fillUnknown(out[key], isObject(unknown) ? unknown[key] : undefined, expressions, scope, [...steps, key]);
      if (filled !== undefined) {
        out[key] = filled;
      }
    }
    return out;
  }
  return values;
}

function moduleCoverage(config: ConfigModule | undefined, prefix = ''): ModuleCoverage[] {
  return Object.entries(config?.module_calls ?? {}).flatMap(([name, call]) => {
    const address = prefix ? `${prefix}.module.${name}` : `module.${name}`;
    return [{ address, source: call.source ?? '', followed: true }, ...moduleCoverage(call.module, address)];
  });
}

/**
 * Reads a plan's JSON.
 * @param plan the parsed `terraform show -json` output
 * @param name the stack name for the report
 * @param file the plan file, for the coverage statement and SARIF locations
 */
export function configurationFromPlan(plan: JsonObject, name: string, file?: string): ResolvedConfiguration {
  const root = (isObject(plan.configuration) && isObject(plan.configuration.root_module) ? plan.configuration.root_module : {}) as ConfigModule;
  const changes = new Map<string, JsonObject>();
  for (const rc of Array.isArray(plan.resource_changes) ? plan.resource_changes : []) {
    if (isObject(rc) && typeof rc.address === 'string' && isObject(rc.change)) {
      changes.set(rc.address, rc.change);
    }
  }
  const blocks: ResolvedBlock[] = [];
  const scopes = new Map<string, Scope | undefined>();
  const visit = (module: PlanModule): void => {
    for (const r of module.resources ?? []) {
      const moduleAddress = module.address ?? '';
      if (!scopes.has(moduleAddress)) {
        scopes.set(moduleAddress, scopeOf(root, moduleAddress));
      }
      const scope = scopes.get(moduleAddress) ?? { address: moduleAddress, config: {} };
      const mode = r.mode === 'data' ? 'data' : 'resource';
      const configured = scope.config.resources?.find((c) => c.type === r.type && c.name === r.name && (c.mode === 'data') === (mode === 'data'));
      const change = changes.get(r.address);
      const values = fillUnknown(withoutNulls(r.values ?? {}), change?.after_unknown, configured?.expressions, scope, []) as JsonObject;
      blocks.push({ mode, type: r.type, name: r.name, address: r.address, values, ...(file ? { source: { file } } : {}) });
    }
    (module.child_modules ?? []).forEach(visit);
  };
  const planned = isObject(plan.planned_values) ? plan.planned_values.root_module : undefined;
  visit((isObject(planned) ? planned : {}) as PlanModule);
  const version = typeof plan.terraform_version === 'string' ? `Terraform ${plan.terraform_version} plan` : 'Terraform plan';
  const deleted = [...changes.entries()].filter(([address, c]) => Array.isArray(c.actions) && c.actions.length === 1 && c.actions[0] === 'delete' && !blocks.some((b) => b.address === address));
  return {
    name,
    // AzAPI clusters, pools and registries are judged as their azurerm equivalents, as in HCL mode.
    blocks: mapAzapiBlocks(blocks),
    coverage: {
      kind: 'plan',
      files: file ? [file] : [],
      modules: moduleCoverage(root),
      notes: [`${version}: resolved values; values known only after apply are references or unknown`, ...(deleted.length > 0 ? [`${deleted.length} resource(s) the plan deletes are not judged`] : [])],
    },
  };
}
