/**
 * The pictures written next to each stack's `cdk.tf.json` at synth, for people who look rather than
 * read (the report includes them when present):
 * - `ip-plan.md`: the IP plan of each SpokeNetwork in the stack (the IpPlanner's table);
 * - `topology.md`: the Mermaid topology drawn from the synthesized stack (lib/synth/topology).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { ISynthesisSession, TerraformStack } from 'cdktf';
import { synthesizedJson } from '../core/stack-json';
import { TerraformDocument } from '../core/terraform-document';
import type { SpokeNetwork } from '../network/spoke-network';
import { topologyMarkdown } from './topology';

/** File names, in the stack's folder (`cdktf.out/stacks/<stack>/`). */
export const IP_PLAN_FILE = 'ip-plan.md';
export const TOPOLOGY_FILE = 'topology.md';

/** ip-plan.md of a stack: one section per spoke network, or undefined when the stack has none. */
export function ipPlanMarkdown(stack: TerraformStack): string | undefined {
  // Required at synth, not at load: spoke-network imports library-stack, which imports this module.
  const { SpokeNetwork: Spoke } = require('../network/spoke-network') as typeof import('../network/spoke-network');
  const spokes = stack.node.findAll().filter((c): c is SpokeNetwork => c instanceof Spoke);
  if (spokes.length === 0) {
    return undefined;
  }
  const sections = spokes.map((s) => [`## Spoke network \`${s.node.path}\` (${s.plan.vnetCidrs.join(', ')})`, '', s.planMarkdown, ''].join('\n'));
  return [`# IP plan of stack \`${stack.node.id}\``, '', ...sections].join('\n');
}

/** Writes the stack's pictures into its folder of the synthesis output; removes those it no longer has. */
export function writeArtefacts(stack: TerraformStack, session: ISynthesisSession): void {
  const dir = path.join(session.outdir, session.manifest.forStack(stack).workingDirectory);
  const files: Record<string, string | undefined> = {
    [IP_PLAN_FILE]: ipPlanMarkdown(stack),
    [TOPOLOGY_FILE]: topologyMarkdown(new TerraformDocument(synthesizedJson(stack), stack.node.id)),
  };
  fs.mkdirSync(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    if (content === undefined) {
      fs.rmSync(path.join(dir, file), { force: true });
    } else {
      fs.writeFileSync(path.join(dir, file), content);
    }
  }
}
