/**
 * Test support: synthesize a stack in memory and read it as a TerraformDocument.
 */
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { App, TerraformStack, Testing } from 'cdktf';
import { invokeAspects } from 'cdktf/lib/synthesize/synthesizer';
import { Checklist } from '../../lib/checklist/checklist';
import { TerraformDocument } from '../../lib/core/terraform-document';

/**
 * A stack with the azurerm provider configured, as every example has. Enforcement is off: a unit
 * test of one construct asserts its JSON itself (a test of enforcement calls `enforce()`, which
 * replaces the opt-out).
 */
export function testStack(id = 'test'): TerraformStack {
  const app: App = Testing.app();
  const stack = new TerraformStack(app, id);
  Checklist.of(stack).enforce({ mode: 'off', reason: 'a unit test asserts the JSON of one construct itself' });
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  return stack;
}

/** Builds a stack with `build` and returns its synthesized JSON as a document (validations run). */
export function synthDoc(build: (stack: TerraformStack) => void, options: { validate?: boolean } = {}): TerraformDocument {
  const stack = testStack();
  build(stack);
  return docOf(stack, options.validate ?? true);
}

/**
 * Synthesizes an already built stack exactly as `app.synth()` writes it, `//` metadata included
 * (Testing.synth strips it, and with it waivers and construct paths). Aspects and validations run.
 */
export function docOf(stack: TerraformStack, validate = true): TerraformDocument {
  // What Testing.synth does, without its second resolution of the whole stack.
  invokeAspects(stack);
  if (validate) {
    stack.runAllValidations();
  }
  return new TerraformDocument(JSON.parse(JSON.stringify(stack.toTerraform())), stack.node.id);
}

/** Returns a deep copy of a document's JSON with `edit` applied: for loosening one setting in a compliant stack. */
export function mutate(doc: TerraformDocument, edit: (json: any) => void): TerraformDocument {
  const json = JSON.parse(JSON.stringify(doc.json));
  edit(json);
  return new TerraformDocument(json, doc.name);
}
