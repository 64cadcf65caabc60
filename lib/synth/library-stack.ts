/**
 * What the library adds to every stack one of its constructs is in, once per stack, from the first
 * such construct (each construct's constructor calls `libraryStack(this)`):
 * - checklist enforcement: `Checklist.of(stack).enforce()` (mode `error`), unless the stack chose
 *   its own options first (`enforce({ mode: 'warning' })`, or `enforce({ mode: 'off', reason })`
 *   to opt out); a construct used on its own is checked as the whole platform is;
 * - at synth, `ip-plan.md` and `topology.md` next to the stack's `cdk.tf.json` (./artefacts);
 * - at synth, the stack's warnings on stderr (`warning [<construct path>] <message>`): a plain
 *   `node`/`tsx`/`ts-node` run of a cdktf app shows none otherwise. Under the cdktf CLI (which
 *   sets CDKTF_CONTEXT_JSON and prints them itself) nothing is printed.
 */
import { AnnotationMetadataEntryType, TerraformStack } from 'cdktf';
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
  addCustomSynthesis(marker, {
    onSynthesize: (session) => {
      writeArtefacts(stack, session);
      if (process.env.CDKTF_CONTEXT_JSON === undefined) {
        stackWarnings(stack).forEach((w) => process.stderr.write(`warning ${w}\n`));
      }
    },
  });
}

/** The warning annotations of a stack's constructs, as `[<construct path>] <message>`. */
function stackWarnings(stack: TerraformStack): string[] {
  return stack.node
    .findAll()
    .flatMap((c) => c.node.metadata.filter((m) => m.type === AnnotationMetadataEntryType.WARN).map((m) => `[${c.node.path}] ${String(m.data)}`));
}
