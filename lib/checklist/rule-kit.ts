/**
 * Small building blocks for checklist rules. A rule is a pure function over a TerraformDocument;
 * these helpers keep each rule a few lines long and its evidence uniform.
 */
import { getPath, JsonValue, TerraformDocument, TfBlock } from '../core/terraform-document';
import type { Evidence, Rule, RuleResult } from './types';

/** One attribute check on one block. */
export interface Check {
  /** Attribute path inside the block ('' for the block as a whole). */
  readonly attribute: string;
  readonly ok: boolean;
  /** What was found, in a sentence. */
  readonly message: string;
}

/** A rule result with no resources to judge. */
export function notApplicable(message: string): RuleResult {
  return { status: 'not-applicable', message, evidence: [] };
}

/** Folds evidence into a result: non-compliant when any piece fails. */
export function fromEvidence(evidence: readonly Evidence[], whenNone = 'nothing to check'): RuleResult {
  if (evidence.length === 0) {
    return notApplicable(whenNone);
  }
  const failed = evidence.filter((e) => !e.ok);
  if (failed.length > 0) {
    return { status: 'non-compliant', message: failed.map((e) => e.message).join('; '), evidence };
  }
  return { status: 'compliant', message: evidence.map((e) => e.message).join('; '), evidence };
}

/** Turns checks on a block into evidence. */
export function evidenceFor(block: TfBlock, checks: readonly Check[]): Evidence[] {
  return checks.map((c) => ({
    address: block.address,
    attribute: c.attribute || undefined,
    constructPath: block.constructPath,
    ok: c.ok,
    message: `${block.address}${c.attribute ? `.${c.attribute}` : ''}: ${c.message}`,
  }));
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

/** Merges results of several rules (or facets) of one item. */
export function combine(results: readonly RuleResult[]): RuleResult {
  const evidence = results.flatMap((r) => r.evidence);
  const failing = results.filter((r) => r.status === 'non-compliant');
  if (failing.length > 0) {
    return { status: 'non-compliant', message: failing.map((r) => r.message).join('; '), evidence };
  }
  const passing = results.filter((r) => r.status === 'compliant');
  if (passing.length > 0) {
    return { status: 'compliant', message: passing.map((r) => r.message).join('; '), evidence };
  }
  return notApplicable(results.map((r) => r.message).join('; ') || 'nothing to check');
}

/** Check: the attribute equals the expected value. */
export function equals(block: TfBlock, attribute: string, expected: JsonValue): Check {
  const actual = getPath(block.values, attribute);
  const ok = JSON.stringify(actual) === JSON.stringify(expected);
  return { attribute, ok, message: ok ? `is ${JSON.stringify(expected)}` : `is ${describe(actual)}, expected ${JSON.stringify(expected)}` };
}

/** Check: the attribute is one of the allowed values. */
export function oneOf(block: TfBlock, attribute: string, allowed: readonly JsonValue[]): Check {
  const actual = getPath(block.values, attribute);
  const ok = allowed.some((a) => JSON.stringify(a) === JSON.stringify(actual));
  return {
    attribute,
    ok,
    message: ok ? `is ${JSON.stringify(actual)}` : `is ${describe(actual)}, expected one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`,
  };
}

/** Check: the attribute is set (not absent, null or an empty string/list/object). */
export function present(block: TfBlock, attribute: string, what = 'set'): Check {
  const actual = getPath(block.values, attribute);
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
