/**
 * The Azure Policy built-ins this library assigns or recognises, copied from the built-in
 * definitions (Azure/azure-policy, MIT) so the library works on its own. Only what the project
 * needs is kept: id, display name, version, effects and the declared parameters (type, default,
 * allowed values).
 *
 * Every definition here declares an `effect` parameter; the built-ins export represents it as
 * `effects` (its allowed values) and `defaultEffect` (its default), so `effect` is not repeated in
 * `parameters`. Use `declaredParameters()` for the full list of names an assignment may set.
 *
 * Pure data (the tables are in builtins-*.ts): checklist rules read it without loading provider bindings.
 */
import type { BuiltinPolicy } from './builtin-types';
import { CLUSTER_RESOURCE_BUILTINS } from './builtins-cluster-resource';
import { POD_SECURITY_BUILTINS } from './builtins-pod-security';
import { WORKLOAD_BUILTINS } from './builtins-workload';

export type { BuiltinPolicy, PolicyValue } from './builtin-types';

/** The built-ins, keyed by the names this library uses for them. */
export const BUILTINS = { ...POD_SECURITY_BUILTINS, ...WORKLOAD_BUILTINS, ...CLUSTER_RESOURCE_BUILTINS } as const satisfies Record<string, BuiltinPolicy>;

/** The key of a built-in this library knows, e.g. `allowedImages`. */
export type BuiltinKey = keyof typeof BUILTINS;

/** The built-in for a key. */
export function builtinPolicy(key: BuiltinKey): BuiltinPolicy {
  return BUILTINS[key];
}

/** Whether a string is a known built-in key. */
export function isBuiltinKey(key: string): key is BuiltinKey {
  return Object.prototype.hasOwnProperty.call(BUILTINS, key);
}

/** Every parameter name a definition declares, `effect` included. */
export function declaredParameters(policy: BuiltinPolicy): string[] {
  return ['effect', ...Object.keys(policy.parameters)];
}

/** The last segment of a definition id, lower-cased (Azure ids are case-insensitive). */
function definitionGuid(id: string): string {
  return id.split('/').filter(Boolean).pop()?.toLowerCase() ?? '';
}

/** The known built-in with this id (full id or bare guid, any case), if any. */
export function builtinById(id: string): BuiltinPolicy | undefined {
  byGuid ??= new Map((Object.values(BUILTINS) as BuiltinPolicy[]).map((b) => [definitionGuid(b.id), b]));
  return byGuid.get(definitionGuid(id));
}

let byGuid: Map<string, BuiltinPolicy> | undefined;

/** The known built-in with this display name, if any. */
export function builtinByDisplayName(name: string): BuiltinPolicy | undefined {
  return (Object.values(BUILTINS) as BuiltinPolicy[]).find((b) => b.displayName === name);
}

/**
 * Whether a definition id (or an initiative containing it) covers the given built-in definition. A
 * wanted initiative is covered by itself, or by an initiative that contains every one of its members.
 */
export function covers(assignedId: string, wanted: BuiltinPolicy): boolean {
  const guid = definitionGuid(wanted.id);
  if (definitionGuid(assignedId) === guid) {
    return true;
  }
  const members = builtinById(assignedId)?.policyDefinitions?.map(definitionGuid) ?? [];
  if (wanted.policyDefinitions) {
    return wanted.policyDefinitions.every((d) => members.includes(definitionGuid(d)));
  }
  return members.includes(guid);
}
