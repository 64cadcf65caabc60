/**
 * Test support for the examples: build an example into a test app, synthesize each stack once with
 * its checklist enforcement (validations run), and report on it as the command line would.
 */
import { App, TerraformStack, Testing } from 'cdktf';
import { getPath, JsonObject, JsonValue, TerraformDocument } from '../../lib/core/terraform-document';
import { manifestsOf } from '../../lib/in-cluster/cluster-baseline';
import { buildStackReport, ReportItem, StackReport } from '../../lib/report/build';
import { docOf } from '../support/synth';

/** One synthesized stack of an example. */
export interface SynthesizedStack {
  readonly stack: TerraformStack;
  readonly doc: TerraformDocument;
  readonly report: StackReport;
}

/**
 * Builds an example into a fresh test app and synthesizes every stack with its validations (the
 * checklist's enforcement fails synthesis on a non-compliant enforced item), keyed by stack id.
 */
export function synthExample(build: (app: App) => void): Record<string, SynthesizedStack> {
  const app = Testing.app();
  build(app);
  const stacks = app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack);
  return Object.fromEntries(
    stacks.map((stack) => {
      const synthesized = docOf(stack, true);
      const doc = new TerraformDocument(synthesized.json, synthesized.name, manifestsOf(stack));
      return [stack.node.id, { stack, doc, report: buildStackReport(doc) }];
    }),
  );
}

/** Enforced items that are non-compliant (waived ones are not). */
export function failingEnforced(report: StackReport): Pick<ReportItem, 'id' | 'message'>[] {
  return report.items.filter((i) => i.delivery === 'enforced' && i.status === 'non-compliant').map((i) => ({ id: i.id, message: i.message }));
}

/** The single resource of a type. */
export function only(doc: TerraformDocument, type: string): JsonObject {
  const found = doc.resources(type);
  if (found.length !== 1) {
    throw new Error(`expected one ${type}, found ${found.length}`);
  }
  return found[0].values;
}

/** Every string literal under attributes whose name looks like a credential, with its path. */
export function credentialLiterals(value: JsonValue | undefined, path = ''): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((v, i) => credentialLiterals(v, `${path}[${i}]`));
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => {
      const here = path ? `${path}.${k}` : k;
      const credential = /(^|_)(password|secret|access_key|primary_key|secondary_key|connection_string|sas_token|client_secret)$/i.test(k);
      if (credential && typeof v === 'string' && v !== '' && !/^\$\{[^}]+\}$/.test(v)) {
        return [here];
      }
      return credentialLiterals(v, here);
    });
  }
  return [];
}

export { getPath };
