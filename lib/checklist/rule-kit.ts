/**
 * Small building blocks for checklist rules. A rule is a pure function over a TerraformDocument;
 * these helpers keep each rule a few lines long and its evidence uniform.
 */
import { getPath, isExpression, JsonValue, TerraformDocument, TfBlock, unknownExpression } from '../core/terraform-document';
import type { Evidence, Rule, RuleResult } from './types';

/** One attribute check on one block. */
export interface Check {
  /** Attribute path inside the block ('' for the block as a whole). */
  readonly attribute: string;
  readonly ok: boolean;
  /** What was found, in a sentence. */
  readonly message: string;
  /** The expression that keeps the check from deciding (see Evidence.unknown). */
  readonly unknown?: string;
  /** A check of a stronger default than the item asks (see Evidence.recommendation). */
  readonly recommendation?: boolean;
}

/** Whether a piece of evidence fails its rule: not ok, not unknown, not a mere recommendation. */
export function fails(e: Evidence): boolean {
  return !e.ok && e.unknown === undefined && e.recommendation !== true;
}

/** Whether a piece of evidence is undecided. */
export function isUnknown(e: Evidence): boolean {
  return e.unknown !== undefined;
}

/** A check that cannot decide because a value is an expression the report cannot resolve. */
export function unknownCheck(attribute: string, expression: string, wanted?: string): Check {
  return { attribute, ok: false, unknown: expression, message: `is ${expression}, which the report cannot resolve${wanted ? ` (the item needs ${wanted})` : ''}` };
}

/** Marks checks as recommendations: this library's stronger default, not what the item asks. */
export function recommend(...checks: readonly Check[]): Check[] {
  return checks.map((c) => ({ ...c, recommendation: true, message: c.ok ? c.message : `${c.message} (recommended, beyond the item)` }));
}

/** A rule result with no resources to judge. */
export function notApplicable(message: string): RuleResult {
  return { status: 'not-applicable', message, evidence: [] };
}

/** Folds evidence into a result: non-compliant when any piece fails, else unknown when any is undecided. */
export function fromEvidence(evidence: readonly Evidence[], whenNone = 'nothing to check'): RuleResult {
  if (evidence.length === 0) {
    return notApplicable(whenNone);
  }
  const failed = evidence.filter(fails);
  if (failed.length > 0) {
    return { status: 'non-compliant', message: failed.map((e) => e.message).join('; '), evidence };
  }
  const unknown = evidence.filter(isUnknown);
  if (unknown.length > 0) {
    return { status: 'unknown', message: unknown.map((e) => e.message).join('; '), evidence };
  }
  return { status: 'compliant', message: evidence.filter((e) => e.ok).map((e) => e.message).join('; '), evidence };
}

/**
 * Turns checks on a block into evidence. A check whose attribute holds an expression the report cannot
 * resolve (`${var.x}`, see unknownExpression) becomes unknown evidence, whatever the check concluded
 * from the unresolved text: `"${var.plugin}"` is neither `azure` nor "not azure". So do all checks
 * of a block whose `count` or `for_each` is unresolved (it may not exist).
 */
export function evidenceFor(block: TfBlock, checks: readonly Check[]): Evidence[] {
  // A block whose count or for_each the report cannot resolve may not exist at all: nothing about it is decided.
  const instances = unknownExpression(block.values.count) ?? unknownExpression(block.values.for_each);
  return checks.map((c) => {
    const expression = c.unknown ?? (c.attribute ? unknownExpression(getPath(block.values, c.attribute)) : undefined) ?? instances;
    const label = `${block.address}${c.attribute ? `.${c.attribute}` : ''}`;
    return {
      address: block.address,
      attribute: c.attribute || undefined,
      constructPath: block.constructPath,
      ok: expression === undefined && c.ok,
      message: expression === undefined || c.unknown !== undefined ? `${label}: ${c.message}` : `${label}: is ${expression}, which the report cannot resolve`,
      ...(expression !== undefined ? { unknown: expression } : {}),
      ...(c.recommendation ? { recommendation: true } : {}),
    };
  });
}

/**
 * A rule that checks every resource of a type; not applicable when there is none.
 * @param type Terraform resource type, e.g. `azurerm_kubernetes_cluster`
 * @param check the checks for one resource
 */
export function forEachResource(type: string, check: (block: TfBlock, doc: TerraformDocument) => readonly Check[]): Rule {
  return (doc) => {
    const blocks = doc.resources(type);
    return fromEvidence(
      blocks.flatMap((b) => evidenceFor(b, check(b, doc))),
      `no ${type} in the stack`,
    );
  };
}

/** The same check for every resource of several types (e.g. each taggable resource). */
export function forEachResourceOf(types: readonly string[], check: (block: TfBlock, doc: TerraformDocument) => readonly Check[]): Rule {
  return (doc) =>
    fromEvidence(
      types.flatMap((t) => doc.resources(t)).flatMap((b) => evidenceFor(b, check(b, doc))),
      `none of ${types.join(', ')} in the stack`,
    );
}

/** Combines rules: non-compliant if any is, compliant if any is, else not applicable. */
export function allOf(...rules: readonly Rule[]): Rule {
  return (doc) => combine(rules.map((r) => r(doc)));
}

/** Merges results of several rules (or facets) of one item: non-compliant, else unknown, else compliant, else not applicable. */
export function combine(results: readonly RuleResult[]): RuleResult {
  const evidence = results.flatMap((r) => r.evidence);
  for (const status of ['non-compliant', 'unknown'] as const) {
    const found = results.filter((r) => r.status === status);
    if (found.length > 0) {
      return { status, message: found.map((r) => r.message).join('; '), evidence };
    }
  }
  const passing = results.filter((r) => r.status === 'compliant');
  if (passing.length > 0) {
    return { status: 'compliant', message: passing.map((r) => r.message).join('; '), evidence };
  }
  return notApplicable(results.map((r) => r.message).join('; ') || 'nothing to check');
}

/** An expression where a literal is expected: the check cannot decide. */
function unresolved(attribute: string, actual: JsonValue | undefined, wanted: string): Check | undefined {
  if (isExpression(actual)) {
    return unknownCheck(attribute, actual, wanted);
  }
  const inList = Array.isArray(actual) ? actual.find(isExpression) : undefined;
  return typeof inList === 'string' ? unknownCheck(attribute, inList, wanted) : undefined;
}

/** Check: the attribute equals the expected value (unknown when it is an expression). */
export function equals(block: TfBlock, attribute: string, expected: JsonValue): Check {
  const actual = getPath(block.values, attribute);
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    const undecided = unresolved(attribute, actual, JSON.stringify(expected));
    if (undecided) {
      return undecided;
    }
  }
  const ok = JSON.stringify(actual) === JSON.stringify(expected);
  return { attribute, ok, message: ok ? `is ${JSON.stringify(expected)}` : `is ${describe(actual)}, expected ${JSON.stringify(expected)}` };
}

/** Check: the attribute is one of the allowed values (unknown when it is an expression). */
export function oneOf(block: TfBlock, attribute: string, allowed: readonly JsonValue[]): Check {
  const actual = getPath(block.values, attribute);
  const ok = allowed.some((a) => JSON.stringify(a) === JSON.stringify(actual));
  const undecided = ok ? undefined : unresolved(attribute, actual, `one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`);
  if (undecided) {
    return undecided;
  }
  return {
    attribute,
    ok,
    message: ok ? `is ${JSON.stringify(actual)}` : `is ${describe(actual)}, expected one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`,
  };
}

/** Check: the attribute is set (not absent, null or an empty string/list/object); unknown when it is an unresolved expression (a reference is set). */
export function present(block: TfBlock, attribute: string, what = 'set'): Check {
  const actual = getPath(block.values, attribute);
  const expression = unknownExpression(actual);
  if (expression) {
    return unknownCheck(attribute, expression, `it ${what}`);
  }
  const ok = !isEmpty(actual);
  return { attribute, ok, message: ok ? `${what}` : `is not ${what}` };
}

/** Check: an arbitrary condition with its own messages. */
export function check(attribute: string, ok: boolean, whenOk: string, whenNot: string): Check {
  return { attribute, ok, message: ok ? whenOk : whenNot };
}

/** Whether a JSON value is absent or empty. */
export function isEmpty(value: JsonValue | undefined): boolean {
  if (value === undefined || value === null || value === '') {
    return true;
  }
  if (Array.isArray(value)) {
    return value.length === 0;
  }
  if (typeof value === 'object') {
    return Object.keys(value).length === 0;
  }
  return false;
}

function describe(value: JsonValue | undefined): string {
  return value === undefined ? 'not set' : JSON.stringify(value);
}
