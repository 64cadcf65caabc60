/**
 * The synthesized Terraform JSON of a stack, resolved once per synthesis. Several validations read
 * the whole stack (checklist enforcement, the egress firewall's topology checks) and the synthesizer
 * then writes it; cdktf's token resolution is the costliest step of a synth, so one synthesis
 * resolves it once.
 *
 * Freshness: a validation registered on the stack itself, ahead of every reader, drops the shared
 * result when a validation pass starts (cdktf validates the stack node first, in registration
 * order), and a microtask drops it once the synchronous pass is over. The write reuses it only
 * inside `app.synth()`'s synthesis of this stack (aspects, validations, custom synthesis, write),
 * where nothing changes the tree: the stack's synthesizer is wrapped for exactly that window.
 */
import type { ISynthesisSession, TerraformStack } from 'cdktf';
import type { TerraformJson } from './terraform-document';

const shared = new WeakMap<TerraformStack, TerraformJson>();
const tracked = new WeakSet<TerraformStack>();

/**
 * Declares that validations of this stack read its JSON. Call it before adding such a validation
 * (e.g. in a constructor); once per stack it registers the validation that starts each pass fresh,
 * and lets the stack's synthesizer write the JSON its validations resolved.
 */
export function shareStackJson(stack: TerraformStack): void {
  if (tracked.has(stack)) {
    return;
  }
  tracked.add(stack);
  stack.node.addValidation({
    validate: () => {
      shared.delete(stack);
      return [];
    },
  });
  const inner = stack.synthesizer;
  stack.synthesizer = {
    synthesize: (session: ISynthesisSession) => {
      const resolve = stack.toTerraform.bind(stack);
      Object.defineProperty(stack, 'toTerraform', { value: () => shared.get(stack) ?? resolve(), configurable: true, writable: true });
      try {
        inner.synthesize(session);
      } finally {
        delete (stack as { toTerraform?: unknown }).toTerraform;
        shared.delete(stack);
      }
    },
  };
}

/** The stack's resolved Terraform JSON for the current validation pass (read-only: do not mutate it). */
export function synthesizedJson(stack: TerraformStack): TerraformJson {
  const cached = shared.get(stack);
  if (cached) {
    return cached;
  }
  const json = stack.toTerraform() as TerraformJson;
  if (tracked.has(stack)) {
    shared.set(stack, json);
    queueMicrotask(() => shared.delete(stack));
  }
  return json;
}
