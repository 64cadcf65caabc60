/**
 * Report test support: the raw-resource stack as a document, and as a cdktf.out directory.
 */
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { App, TerraformStack } from 'cdktf';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { TerraformDocument } from '../../lib/core/terraform-document';
import { docOf, testStack } from '../support/synth';
import { buildRawStack } from './raw-stack';

/** The raw-resource stack, synthesized with its `//` metadata. */
export function rawDoc(extra?: (stack: TerraformStack) => void): TerraformDocument {
  const stack = testStack('raw');
  buildRawStack(stack);
  extra?.(stack);
  return docOf(stack);
}

/** A fresh temporary directory. */
export function tempDir(prefix = 'aks-checklist-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * Synthesizes stacks into a cdktf.out directory with `app.synth()`, as `cdktf synth` does.
 * @returns the output directory
 */
export function synthOut(stacks: Record<string, (stack: TerraformStack) => void>): string {
  const outdir = path.join(tempDir(), 'cdktf.out');
  const app = new App({ outdir });
  for (const [id, build] of Object.entries(stacks)) {
    const stack = new TerraformStack(app, id);
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    build(stack);
  }
  app.synth();
  return outdir;
}
