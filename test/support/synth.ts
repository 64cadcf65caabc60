/**
 * Test support: synthesize a stack in memory and read it as a TerraformDocument.
 */
import { App, TerraformStack, Testing } from 'cdktf';
import { TerraformDocument } from '../../lib/core/terraform-document';

/** Builds a stack with `build` and returns its synthesized JSON as a document (validations run). */
export function synthDoc(build: (stack: TerraformStack) => void, options: { validate?: boolean } = {}): TerraformDocument {
  const app: App = Testing.app();
  const stack = new TerraformStack(app, 'test');
  build(stack);
  return TerraformDocument.parse(Testing.synth(stack, options.validate ?? true), 'test');
}

/** Synthesizes an already built stack. */
export function docOf(stack: TerraformStack, validate = true): TerraformDocument {
  return TerraformDocument.parse(Testing.synth(stack, validate), stack.node.id);
}

/** Returns a deep copy of a document's JSON with `edit` applied: for loosening one setting in a compliant stack. */
export function mutate(doc: TerraformDocument, edit: (json: any) => void): TerraformDocument {
  const json = JSON.parse(JSON.stringify(doc.json));
  edit(json);
  return new TerraformDocument(json, doc.name);
}
