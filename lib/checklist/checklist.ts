/**
 * The checklist at synth: waivers recorded in the stack's JSON, and enforcement that runs every
 * rule on the synthesized stack and turns non-compliant items into errors (or warnings).
 */
import { Annotations, TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';
import { shareStackJson, synthesizedJson } from '../core/stack-json';
import { stackMetadata } from '../core/stack-metadata';
import { TerraformDocument } from '../core/terraform-document';
import { catalogueItem } from './catalogue';
import type { StackReport } from './stack-report';
import type { ItemId } from './types';
import { METADATA_KEY, Waiver } from './waivers';
import { checkReason } from '../core/validate';

export { METADATA_KEY };
export type { Waiver };

/**
 * How enforcement treats a non-compliant enforced item: `error` fails synthesis, `warning` warns
 * and lets it go on, `off` does not check at synth (the opt-out; it needs a reason, recorded in the
 * stack's metadata). The report (`aks-checklist report`) judges every item whatever the mode.
 */
export type EnforcementMode = 'error' | 'warning' | 'off';

/** Options for Checklist.enforce. */
export interface EnforceOptions {
  /**
   * `error` fails synthesis on a non-compliant, unwaived enforced item; `warning` adds an
   * Annotations warning on the stack for each and lets synthesis go on.
   * @default 'error'
   */
  readonly mode?: EnforcementMode;
  /**
   * Why this stack is not checked at synth: required with mode `off` (at least 10 characters),
   * recorded as an info annotation on the stack (in `cdktf.out/manifest.json` and the cdktf CLI's output).
   * @default none (modes `error` and `warning` need no reason)
   */
  readonly reason?: string;
  /**
   * Called with the stack's document and report when it synthesizes (for custom reporting).
   * @default no callback
   */
  readonly onReport?: (doc: TerraformDocument, report: StackReport) => void;
}

const MODES: readonly EnforcementMode[] = ['error', 'warning', 'off'];

/** A stack's waivers and enforcement options, written into its `//` metadata where the report reads the waivers. */
interface ChecklistState {
  readonly waivers: Waiver[];
  enforcement?: EnforceOptions;
}

function checklistState(stack: TerraformStack): ChecklistState {
  return stackMetadata<ChecklistState>(
    stack,
    METADATA_KEY,
    () => ({ waivers: [] }),
    (state) => (state.waivers.length === 0 ? undefined : { waivers: [...state.waivers].sort((a, b) => `${a.item} ${a.path}`.localeCompare(`${b.item} ${b.path}`)) }),
  );
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
    return checklistState(stack).waivers;
  }

  private constructor(private readonly scope: IConstruct) {}

  /**
   * Waives an item for the resources under this construct (on a stack: the whole stack). The
   * waiver shows in the report with its reason. Waiving the same item twice on one construct
   * keeps both reasons.
   * @param item a checklist item id (lib/checklist/items.ts); an unknown id throws
   * @param reason why the item does not apply or is accepted as a risk (at least 10 characters); a missing or short reason throws
   * @param options.prop the prop the reason came from, named by the error of a short reason (e.g. `publicApiServer.reason`)
   */
  public waive(item: ItemId | string, reason: string, options: { readonly prop?: string } = {}): this {
    const path = this.scope.node.path;
    catalogueItem(item); // throws with the known ids for an unknown one
    const text = checkReason({ construct: 'Checklist', scope: this.scope }, options.prop ?? `waive('${item}').reason`, reason, `a waiver of '${item}'`);
    const waivers = checklistState(TerraformStack.of(this.scope)).waivers;
    const index = waivers.findIndex((w) => w.item === item && w.path === path);
    if (index < 0) {
      waivers.push({ item: item as ItemId, path, reason: text });
    } else if (!waivers[index].reason.split('; ').includes(text)) {
      waivers[index] = { ...waivers[index], reason: `${waivers[index].reason}; ${text}` };
    }
    return this;
  }

  /**
   * Checks the stack when it synthesizes: each enforced item that is non-compliant and not
   * waived becomes a synth error (or a warning). Calling it again replaces the options. The
   * library's constructs call it on their stack (mode `error`) unless the stack chose first:
   * `enforce({ mode: 'off', reason })` before them opts the stack out.
   */
  public enforce(options: EnforceOptions = {}): this {
    if (options.mode !== undefined && !MODES.includes(options.mode)) {
      throw new Error(`Checklist: enforce mode ${JSON.stringify(options.mode)} is not one of ${MODES.join(', ')}. Fix: pass mode 'error', 'warning' or 'off' (with a reason).`);
    }
    if (options.mode === 'off') {
      checkReason({ construct: 'Checklist', scope: this.scope }, 'enforce.reason', options.reason, "enforce mode 'off' (keep mode 'error' or 'warning' otherwise)");
    }
    const stack = TerraformStack.of(this.scope);
    const metadata = checklistState(stack);
    const registered = metadata.enforcement !== undefined;
    metadata.enforcement = options;
    if (options.mode === 'off') {
      Annotations.of(stack).addInfo(`AKS checklist enforcement is off for this stack: ${options.reason?.trim()}`);
    } else {
      shareStackJson(stack); // before the validation that reads the JSON (once per stack)
    }
    if (!registered) {
      stack.node.addValidation({ validate: () => validateStack(stack, metadata) });
    }
    return this;
  }
}

/**
 * Enforcement as the library's constructs add it to their stack: `Checklist.of(stack).enforce()`
 * (mode `error`), unless the stack already has its own options (`warning`, or `off` with a reason).
 */
export function enforceByDefault(scope: IConstruct): void {
  const stack = TerraformStack.of(scope);
  if (checklistState(stack).enforcement === undefined) {
    Checklist.of(stack).enforce();
  }
}

function validateStack(stack: TerraformStack, metadata: ChecklistState): string[] {
  if (metadata.enforcement?.mode === 'off') {
    return [];
  }
  // Imported lazily: judging loads every rule, which a stack that never enforces does not need.
  const { buildStackReport } = require('./stack-report') as typeof import('./stack-report');
  // The in-cluster baselines' manifests are judged with the stack (cdk8s loads only when a baseline exists).
  const hasBaseline = stack.node.findAll().some((c) => (c as { isClusterBaseline?: boolean }).isClusterBaseline === true);
  const manifests = hasBaseline ? (require('../in-cluster/cluster-baseline') as typeof import('../in-cluster/cluster-baseline')).manifestsOf(stack) : [];
  const doc = new TerraformDocument(synthesizedJson(stack), stack.node.id, manifests);
  const report = buildStackReport(doc);
  metadata.enforcement?.onReport?.(doc, report);
  const messages = report.items
    .filter((i) => i.delivery === 'enforced' && i.status === 'non-compliant')
    .map((f) => `AKS checklist ${f.id} (${f.title}) is non-compliant: ${f.message}. Fix the input, or waive it with Checklist.of(scope).waive('${f.id}', reason).`);
  if ((metadata.enforcement?.mode ?? 'error') === 'warning') {
    const known = new Set(stack.node.metadata.map((m) => m.data));
    messages.filter((m) => !known.has(m)).forEach((m) => Annotations.of(stack).addWarning(m)); // validation may run more than once
    return [];
  }
  return messages;
}
