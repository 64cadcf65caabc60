/**
 * The checklist at synth: waivers recorded in the stack's JSON, and enforcement that runs every
 * rule on the synthesized stack and turns non-compliant items into errors (or warnings).
 */
import { Annotations, TerraformElement, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { TerraformDocument } from '../core/terraform-document';
import { catalogueItem } from './catalogue';
import type { ItemId } from './types';

/** A recorded waiver: a known item, the construct it covers, and why. */
export interface Waiver {
  readonly item: ItemId;
  /** Construct path the waiver covers; findings on resources under it are waived. */
  readonly path: string;
  readonly reason: string;
}

/** Where the library keeps its own data inside a stack's `//` metadata. */
export const METADATA_KEY = 'aksChecklist';

/** How enforcement treats a non-compliant enforced item. */
export type EnforcementMode = 'error' | 'warning';

/** Options for Checklist.enforce. */
export interface EnforceOptions {
  /**
   * `error` fails synthesis on a non-compliant, unwaived enforced item; `warning` reports it.
   * @default 'error'
   */
  readonly mode?: EnforcementMode;
  /**
   * Called with the stack's report when it synthesizes (for custom reporting).
   * @default no callback
   */
  readonly onReport?: (doc: TerraformDocument) => void;
}

const MIN_REASON = 10;

/** Holds the stack's waivers and writes them into the synthesized JSON, where the report reads them. */
class ChecklistMetadata extends TerraformElement {
  public static of(stack: TerraformStack): ChecklistMetadata {
    const existing = stack.node.tryFindChild(ChecklistMetadata.ID);
    return (existing as ChecklistMetadata | undefined) ?? new ChecklistMetadata(stack, ChecklistMetadata.ID);
  }

  private static readonly ID = 'aks-checklist-metadata';
  public readonly waivers: Waiver[] = [];
  public enforcement?: EnforceOptions;

  public override toMetadata(): Record<string, unknown> {
    if (this.waivers.length === 0) {
      return {};
    }
    return { [METADATA_KEY]: { waivers: [...this.waivers].sort((a, b) => `${a.item}${a.path}`.localeCompare(`${b.item}${b.path}`)) } };
  }
}

/**
 * The checklist of a construct: `Checklist.of(scope).waive(id, reason)` records a waiver for the
 * resources under `scope`; `Checklist.of(stack).enforce()` checks the stack at synth.
 */
export class Checklist {
  /** The checklist handle for a construct (a stack, or any construct inside one). */
  public static of(scope: IConstruct): Checklist {
    return new Checklist(scope);
  }

  /** The waivers recorded in a stack. */
  public static waiversOf(stack: TerraformStack): readonly Waiver[] {
    return ChecklistMetadata.of(stack).waivers;
  }

  private constructor(private readonly scope: IConstruct) {}

  /**
   * Waives an item for the resources under this construct. The waiver shows in the report with
   * its reason.
   * @param item a checklist item id
   * @param reason why the item does not apply or is accepted as a risk (at least 10 characters)
   */
  public waive(item: ItemId | string, reason: string): this {
    const path = this.scope.node.path;
    catalogueItem(item); // throws with the known ids for an unknown one
    if (typeof reason !== 'string' || reason.trim().length < MIN_REASON) {
      throw new Error(
        `Checklist: waiver for '${item}' at '${path}' has reason ${JSON.stringify(reason)}. Fix: give a reason of at least ${MIN_REASON} characters that a reviewer can judge.`,
      );
    }
    const metadata = ChecklistMetadata.of(TerraformStack.of(this.scope));
    if (!metadata.waivers.some((w) => w.item === item && w.path === path)) {
      metadata.waivers.push({ item: item as ItemId, path, reason: reason.trim() });
    }
    return this;
  }

  /**
   * Checks the stack when it synthesizes: each enforced item that is non-compliant and not
   * waived becomes a synth error (or a warning).
   */
  public enforce(options: EnforceOptions = {}): this {
    const stack = TerraformStack.of(this.scope);
    const metadata = ChecklistMetadata.of(stack);
    if (metadata.enforcement) {
      metadata.enforcement = options;
      return this;
    }
    metadata.enforcement = options;
    stack.node.addValidation({
      validate: () => {
        // Imported lazily: the report module loads every rule, which a stack that never enforces does not need.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { buildStackReport } = require('../report/build') as typeof import('../report/build');
        const doc = new TerraformDocument(JSON.parse(JSON.stringify(stack.toTerraform())), stack.node.id);
        metadata.enforcement?.onReport?.(doc);
        const failures = buildStackReport(doc).items.filter((i) => i.delivery === 'enforced' && i.status === 'non-compliant');
        const messages = failures.map((f) => `AKS checklist ${f.id} (${f.title}) is non-compliant: ${f.message}. Fix the input, or waive it with Checklist.of(scope).waive('${f.id}', reason).`);
        if ((metadata.enforcement?.mode ?? 'error') === 'warning') {
          messages.forEach((m) => Annotations.of(stack).addWarning(m));
          return [];
        }
        return messages;
      },
    });
    return this;
  }
}

/** Constructs may call this to record that a loosened default was asked for, with its reason. */
export function waiveFor(scope: Construct, item: ItemId, reason: string): void {
  Checklist.of(scope).waive(item, reason);
}
