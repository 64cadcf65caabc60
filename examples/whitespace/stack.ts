import { App, LocalBackend, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Checklist } from '../../lib/checklist/checklist';

export interface WhitespaceOptions {
  /** Environment name (part of every resource name). */
  readonly environment?: string;
}

/** Placeholder until the platform construct lands: proves the synth path end to end. */
export function buildWhitespace(app: App, id = 'whitespace', options: WhitespaceOptions = {}): TerraformStack {
  const stack = new TerraformStack(app, id);
  new LocalBackend(stack, { path: 'terraform.tfstate' });
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  new ResourceGroup(stack, 'rg', { name: `rg-aks-${options.environment ?? 'prod'}`, location: 'westeurope' });
  Checklist.of(stack).enforce();
  return stack;
}
