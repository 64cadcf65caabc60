/**
 * The synthesized Terraform JSON of a stack, shared by the validations of one validation pass.
 * Several validations read the whole stack (checklist enforcement, the egress firewall's topology
 * checks), and cdktf's token resolution is the costliest step of a synth, so a pass computes it once.
 *
 * Freshness: a validation registered on the stack itself, ahead of every reader, drops the shared
 * result when a pass starts (cdktf validates the stack node before its children, in registration
 * order), and a microtask drops it once the synchronous pass is over. The synthesizer's own
 * `toTerraform()` is left alone, so what is written always reflects the tree as it is then.
 */
import type { TerraformStack } from 'cdktf';
import type { TerraformJson } from './terraform-document';

const shared = new WeakMap<TerraformStack, TerraformJson>();
const tracked = new WeakSet<TerraformStack>();

/**
 * Declares that validations of this stack read its JSON. Call it before adding such a validation
 * (e.g. in a constructor); it registers, once per stack, the validation that starts each pass fresh.
 */
export function shareStackJson(stack: TerraformStack): void {
  if (!tracked.has(stack)) {
    tracked.add(stack);
    stack.node.addValidation({
      validate: () => {
        shared.delete(stack);
        return [];
      },
    });
  }
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
