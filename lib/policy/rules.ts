/**
 * Checklist rules for Azure Policy on AKS clusters. They read policy assignments and clusters in
 * any Terraform JSON:
 * - an assignment covers a cluster when it is an `azurerm_resource_policy_assignment` whose
 *   `resource_id` references the cluster, an `azurerm_resource_group_policy_assignment` on the
 *   cluster's resource group, or a subscription / management group assignment;
 * - it delivers a built-in when its `policy_definition_id` is the built-in, an initiative known to
 *   contain it, or a `data.azurerm_policy_definition` / `azurerm_policy_set_definition` naming it;
 * - it enforces when its effect (the `effect` parameter, else the definition's default) is Deny
 *   and `enforce` is not false. Audit reports but does not block, so it does not count.
 * A cluster must also run the Azure Policy add-on (`azure_policy_enabled = true`), without which
 * no assignment reaches inside it.
 * When the stack has no cluster, assignments on a literal managed cluster id are judged.
 * A stack that assigns no Azure Policy at all is "not applicable" for the per-built-in items: the
 * single `operations/azure-policy` finding reports the gap instead of one per item.
 * Imports: the document, the rule kit and builtins.ts (pure data, no provider binding).
 */
import { getPath, JsonValue, TerraformDocument, TfBlock } from '../core/terraform-document';
import { check, Check, evidenceFor, fromEvidence, notApplicable } from '../checklist/rule-kit';
import type { Evidence, Rule, RuleResult } from '../checklist/types';
import { BuiltinPolicy, BUILTINS, builtinByDisplayName, builtinById, covers } from './builtins';

const CLUSTER = 'azurerm_kubernetes_cluster';
const RESOURCE_ASSIGNMENT = 'azurerm_resource_policy_assignment';

/** Assignment resource types and the attribute that holds their scope. */
const ASSIGNMENT_SCOPES: Readonly<Record<string, string>> = {
  azurerm_resource_policy_assignment: 'resource_id',
  azurerm_resource_group_policy_assignment: 'resource_group_id',
  azurerm_subscription_policy_assignment: 'subscription_id',
  azurerm_management_group_policy_assignment: 'management_group_id',
};

const MANAGED_CLUSTER_ID = /\/providers\/Microsoft\.ContainerService\/managedClusters\/[^/]+$/i;

/** What a rule requires of one assignment besides delivering the built-in. */
export type AssignmentCheck = (params: Readonly<Record<string, JsonValue>>) => Check | undefined;

/** Options of a policy rule. */
export interface PolicyRuleOptions {
  /** Whether Audit is enough (true for items that ask for visibility only). @default false */
  readonly auditIsEnough?: boolean;
  /** Extra check on the assignment's parameters. */
  readonly check?: AssignmentCheck;
  /** Judge clusters even when the stack has no assignment at all. @default false */
  readonly requireAssignments?: boolean;
}

/** All policy assignments of any scope in the document. */
export function policyAssignments(doc: TerraformDocument): TfBlock[] {
  return Object.keys(ASSIGNMENT_SCOPES).flatMap((t) => doc.resources(t));
}

/** The cluster a target stands for: a cluster block, or a literal cluster id outside the stack. */
interface Target {
  readonly cluster?: TfBlock;
  readonly literalId?: string;
}

function targets(doc: TerraformDocument): Target[] {
  const clusters = doc.resources(CLUSTER);
  if (clusters.length > 0) {
    return clusters.map((cluster) => ({ cluster }));
  }
  const ids = doc
    .resources(RESOURCE_ASSIGNMENT)
    .map((a) => getPath(a.values, 'resource_id'))
    .filter((id): id is string => typeof id === 'string' && !id.includes('${') && MANAGED_CLUSTER_ID.test(id));
  return [...new Set(ids.map((id) => id.toLowerCase()))].map((literalId) => ({ literalId }));
}

function coveringAssignments(doc: TerraformDocument, target: Target): TfBlock[] {
  return policyAssignments(doc).filter((a) => {
    const scope = getPath(a.values, ASSIGNMENT_SCOPES[a.type]);
    if (a.type === 'azurerm_subscription_policy_assignment' || a.type === 'azurerm_management_group_policy_assignment') {
      return true;
    }
    if (target.literalId !== undefined) {
      return a.type === RESOURCE_ASSIGNMENT && typeof scope === 'string' && scope.toLowerCase() === target.literalId;
    }
    const cluster = target.cluster as TfBlock;
    if (a.type === RESOURCE_ASSIGNMENT) {
      return doc.references(scope, cluster);
    }
    // resource group assignment: same resource group block, or the same literal name
    const groups = doc.referencedBlocks(getPath(cluster.values, 'resource_group_name'), 'azurerm_resource_group');
    if (groups.some((g) => doc.references(scope, g))) {
      return true;
    }
    const rgName = getPath(cluster.values, 'resource_group_name');
    return typeof rgName === 'string' && typeof scope === 'string' && !rgName.includes('${') && scope.toLowerCase().endsWith(`/resourcegroups/${rgName.toLowerCase()}`);
  });
}

/** The built-in an assignment's policy_definition_id designates (literal id or a data source naming it). */
function assignedDefinitionIds(doc: TerraformDocument, assignment: TfBlock): string[] {
  const value = getPath(assignment.values, 'policy_definition_id');
  if (typeof value !== 'string') {
    return [];
  }
  if (!value.includes('${')) {
    return [value];
  }
  return doc
    .referencedBlocks(value)
    .filter((b) => b.type === 'azurerm_policy_definition' || b.type === 'azurerm_policy_set_definition')
    .flatMap((b) => {
      const name = getPath(b.values, 'name');
      const display = getPath(b.values, 'display_name');
      const byName = typeof name === 'string' ? builtinById(name) : undefined;
      const byDisplay = typeof display === 'string' ? builtinByDisplayName(display) : undefined;
      return [byName?.id, byDisplay?.id].filter((id): id is string => id !== undefined);
    });
}

/** The parameters of an assignment as `{ name: value }`; undefined when they are not literal JSON. */
export function assignmentParameters(assignment: TfBlock): Record<string, JsonValue> | undefined {
  const raw = getPath(assignment.values, 'parameters');
  if (raw === undefined || raw === null) {
    return {};
  }
  if (typeof raw !== 'string') {
    return undefined;
  }
  try {
    const parsed = JSON.parse(raw) as JsonValue;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      return undefined;
    }
    const out: Record<string, JsonValue> = {};
    for (const [k, v] of Object.entries(parsed)) {
      out[k] = getPath(v, 'value') as JsonValue;
    }
    return out;
  } catch {
    return undefined;
  }
}

function judge(doc: TerraformDocument, assignment: TfBlock, wanted: BuiltinPolicy, options: PolicyRuleOptions): Check[] {
  const params = assignmentParameters(assignment);
  const assigned = builtinById(assignedDefinitionIds(doc, assignment)[0] ?? '') ?? wanted;
  if (params === undefined) {
    return [check('parameters', false, '', `assigns '${wanted.displayName}' with parameters that are not literal JSON: its effect cannot be read`)];
  }
  const effect = String(params.effect ?? assigned.defaultEffect);
  const strong = effect.toLowerCase() === 'deny' || (options.auditIsEnough === true && effect.toLowerCase() === 'audit');
  const enforce = getPath(assignment.values, 'enforce');
  const checks: Check[] = [
    check('parameters.effect', strong, `assigns '${wanted.displayName}' with effect ${effect}`, `assigns '${wanted.displayName}' with effect ${effect}${effect.toLowerCase() === 'audit' ? ': violations are reported, not blocked' : ''}; expected Deny`),
    check('enforce', enforce !== false, 'is enforced', 'has enforce = false (DoNotEnforce): nothing is blocked'),
  ];
  const extra = options.check?.(params);
  return extra ? [...checks, extra] : checks;
}

function addOnCheck(cluster: TfBlock): Evidence[] {
  const enabled = getPath(cluster.values, 'azure_policy_enabled');
  return evidenceFor(cluster, [check('azure_policy_enabled', enabled === true, 'runs the Azure Policy add-on', 'does not run the Azure Policy add-on (azure_policy_enabled): assignments do not reach inside the cluster')]);
}

function targetEvidence(doc: TerraformDocument, target: Target, wanted: BuiltinPolicy, options: PolicyRuleOptions): Evidence[] {
  const matching = coveringAssignments(doc, target).filter((a) => assignedDefinitionIds(doc, a).some((id) => covers(id, wanted)));
  const where = target.cluster ? target.cluster.address : target.literalId;
  const addOn = target.cluster ? addOnCheck(target.cluster) : [];
  if (matching.length === 0) {
    const missing: Evidence = {
      address: target.cluster?.address ?? String(target.literalId),
      constructPath: target.cluster?.constructPath,
      ok: false,
      message: `${where}: no policy assignment of '${wanted.displayName}' (${wanted.id}) covers it`,
    };
    return [missing, ...addOn];
  }
  const judged = matching.map((a) => evidenceFor(a, judge(doc, a, wanted, options)));
  const passing = judged.find((ev) => ev.every((e) => e.ok));
  return [...(passing ?? judged.flat()), ...addOn];
}

/**
 * A rule: every AKS cluster of the stack is covered by an enforcing assignment of one of the
 * built-ins (all of `wanted`, each satisfied by itself or an initiative containing it).
 */
export function policyRule(wanted: readonly BuiltinPolicy[], options: PolicyRuleOptions = {}): Rule {
  return (doc: TerraformDocument): RuleResult => {
    const found = targets(doc);
    if (found.length === 0) {
      return notApplicable('no AKS cluster and no policy assignment on a cluster id in the stack');
    }
    if (!options.requireAssignments && policyAssignments(doc).length === 0) {
      return notApplicable('the stack assigns no Azure Policy (reported by operations/azure-policy)');
    }
    return fromEvidence(found.flatMap((t) => wanted.flatMap((w) => targetEvidence(doc, t, w, options))));
  };
}

/** A check that a list parameter (or the definition's default for it) contains a value. */
export function listIncludes(param: string, value: string, fallback: readonly string[]): AssignmentCheck {
  return (params) => {
    const list = params[param] ?? [...fallback];
    const ok = Array.isArray(list) && list.includes(value);
    return check(`parameters.${param}`, ok, `${param} includes ${value}`, `${param} is ${JSON.stringify(list)}, without ${value}`);
  };
}

/** Check: the allowed-images regex is set, anchored, and rejects an image from Docker Hub. */
export const anchoredImageRegex: AssignmentCheck = (params) => {
  const regex = params.allowedContainerImagesRegex;
  if (typeof regex !== 'string' || regex === '') {
    return check('parameters.allowedContainerImagesRegex', false, '', 'allowedContainerImagesRegex is not set');
  }
  if (!regex.startsWith('^') || !regex.endsWith('$')) {
    return check('parameters.allowedContainerImagesRegex', false, '', `allowedContainerImagesRegex ${JSON.stringify(regex)} is not anchored with ^ and $`);
  }
  if (regex.includes('${')) {
    return check('parameters.allowedContainerImagesRegex', true, 'allowedContainerImagesRegex is anchored (registries resolved at apply)', '');
  }
  let rejectsHub = false;
  try {
    rejectsHub = !new RegExp(regex).test('docker.io/library/nginx:latest') && !new RegExp(regex).test('nginx:latest');
  } catch {
    rejectsHub = false;
  }
  return check('parameters.allowedContainerImagesRegex', rejectsHub, `allowedContainerImagesRegex ${JSON.stringify(regex)} admits only the listed registries`, `allowedContainerImagesRegex ${JSON.stringify(regex)} admits Docker Hub images or does not compile`);
};

/** operations/azure-policy: each cluster runs the add-on and has at least one enforcing assignment. */
export const azurePolicyInUse: Rule = (doc) => {
  const found = targets(doc);
  if (found.length === 0) {
    return notApplicable('no AKS cluster and no policy assignment on a cluster id in the stack');
  }
  const evidence = found.flatMap((t) => {
    const where = t.cluster ? t.cluster.address : String(t.literalId);
    const covering = coveringAssignments(doc, t);
    const enforcing = covering.filter((a) => {
      const p = assignmentParameters(a);
      const effect = String(p?.effect ?? builtinById(assignedDefinitionIds(doc, a)[0] ?? '')?.defaultEffect ?? '').toLowerCase();
      return getPath(a.values, 'enforce') !== false && effect !== 'disabled';
    });
    const own: Evidence = {
      address: t.cluster?.address ?? where,
      constructPath: t.cluster?.constructPath,
      ok: enforcing.length > 0,
      message: enforcing.length > 0 ? `${where}: ${enforcing.length} policy assignment(s) cover it` : `${where}: no enabled Azure Policy assignment covers it`,
    };
    return [own, ...(t.cluster ? addOnCheck(t.cluster) : [])];
  });
  return fromEvidence(evidence);
};

/** The Azure-resource-level built-ins operations/azure-policy expects above every cluster (see ClusterGovernance). */
export const GOVERNED: readonly BuiltinPolicy[] = [
  BUILTINS.privateClusterRequired,
  BUILTINS.localAccountsDisabled,
  BUILTINS.hostEncryptionRequired,
  BUILTINS.customerManagedDiskKeys,
  BUILTINS.kmsEnabled,
  BUILTINS.defenderProfileEnabled,
  BUILTINS.imageCleanerEnabled,
  BUILTINS.workloadIdentityEnabled,
  BUILTINS.clusterAutoUpgradeEnabled,
  BUILTINS.nodeOsAutoUpgradeEnabled,
];

/**
 * operations/azure-policy, above the cluster: each cluster is covered by assignments of the
 * Azure-resource-level built-ins (GOVERNED) at its resource group, subscription or management
 * group, with Deny where the definition allows it and Audit where it is audit-only; so a change
 * made outside Terraform is caught by Azure.
 */
export const resourceGovernance: Rule = (doc) => {
  const clusters = doc.resources(CLUSTER);
  if (clusters.length === 0) {
    return notApplicable('no AKS cluster in the stack');
  }
  const evidence = clusters.flatMap((cluster) =>
    GOVERNED.flatMap((wanted): Evidence[] => {
      const matching = coveringAssignments(doc, { cluster }).filter((a) => assignedDefinitionIds(doc, a).some((id) => covers(id, wanted)));
      if (matching.length === 0) {
        return [{ address: cluster.address, constructPath: cluster.constructPath, ok: false, message: `${cluster.address}: no assignment of '${wanted.displayName}' above it: a change made outside Terraform goes unnoticed (ClusterGovernance)` }];
      }
      const strongest = wanted.effects.some((e) => e.toLowerCase() === 'deny') ? 'deny' : 'audit';
      const judged = matching.map((a) => {
        const effect = String(assignmentParameters(a)?.effect ?? wanted.defaultEffect);
        const enforced = getPath(a.values, 'enforce') !== false;
        return evidenceFor(a, [
          check('parameters.effect', effect.toLowerCase() === strongest, `assigns '${wanted.displayName}' with effect ${effect}`, `assigns '${wanted.displayName}' with effect ${effect}; expected ${strongest === 'deny' ? 'Deny' : 'Audit'}`),
          check('enforce', enforced, 'is enforced', 'has enforce = false (DoNotEnforce)'),
        ]);
      });
      return judged.find((ev) => ev.every((e) => e.ok)) ?? judged.flat();
    }),
  );
  return fromEvidence(evidence);
};

/** Shorthands for the built-ins the rules name. */
export const B = BUILTINS;
