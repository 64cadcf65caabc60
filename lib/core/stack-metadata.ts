/**
 * The library's own data in a stack's synthesized `//.metadata` (waivers, required tag keys, where
 * the in-cluster manifests are), where the command-line report reads it back with
 * `metadataOf(json, key)` (lib/core/terraform-document.ts; a document's `metadata(key)`). One
 * element per stack carries every key.
 */
import { TerraformElement, TerraformStack } from 'cdktf';

interface Entry {
  readonly state: unknown;
  readonly render: (state: never) => unknown;
}

class StackMetadata extends TerraformElement {
  public static of(stack: TerraformStack): StackMetadata {
    return (stack.node.tryFindChild(StackMetadata.ID) as StackMetadata | undefined) ?? new StackMetadata(stack, StackMetadata.ID);
  }

  private static readonly ID = 'aks-checklist-stack-metadata';
  public readonly entries = new Map<string, Entry>();

  public override toMetadata(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, entry] of this.entries) {
      const value = entry.render(entry.state as never);
      if (value !== undefined) {
        out[key] = value;
      }
    }
    return out;
  }
}

/**
 * The state behind one metadata key of a stack, created on first use. `render` turns it into the
 * value written at synth (undefined writes nothing).
 */
export function stackMetadata<T>(stack: TerraformStack, key: string, create: () => T, render: (state: T) => unknown): T {
  const element = StackMetadata.of(stack);
  const existing = element.entries.get(key);
  if (existing) {
    return existing.state as T;
  }
  const state = create();
  element.entries.set(key, { state, render: render as (state: never) => unknown });
  return state;
}
