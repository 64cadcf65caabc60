/**
 * What the library adds to every stack one of its constructs is in, once per stack, from the first
 * such construct (each construct's constructor calls `libraryStack(this)`):
 * - checklist enforcement: `Checklist.of(stack).enforce()` (mode `error`), unless the stack chose
 *   its own options first (`enforce({ mode: 'warning' })`, or `enforce({ mode: 'off', reason })`
 *   to opt out); a construct used on its own is checked as the whole platform is;
 * - at synth, `ip-plan.md` and `topology.md` next to the stack's `cdk.tf.json` (./artefacts).
 */
import { TerraformStack } from 'cdktf';
import { addCustomSynthesis } from 'cdktf/lib/synthesize/synthesizer';
import { Construct, IConstruct } from 'constructs';
import { enforceByDefault } from '../checklist/checklist';
import { shareStackJson } from '../core/stack-json';
import { writeArtefacts } from './artefacts';

const ID = 'aks-checklist-synth';

/** Adds the library's defaults to the stack of `scope` (once per stack; later calls do nothing). */
export function libraryStack(scope: IConstruct): void {
  const stack = TerraformStack.of(scope);
  if (stack.node.tryFindChild(ID)) {
    return;
  }
  const marker = new Construct(stack, ID);
  enforceByDefault(stack);
  shareStackJson(stack); // the pictures read the JSON the write resolves anyway
  addCustomSynthesis(marker, { onSynthesize: (session) => writeArtefacts(stack, session) });
}
