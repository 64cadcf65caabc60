import { App, LocalBackend, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Checklist } from '../../lib/checklist/checklist';

// Placeholder until the platform construct lands: proves the synth path end to end.
const app = new App();
const stack = new TerraformStack(app, 'whitespace');
new LocalBackend(stack, { path: 'terraform.tfstate' });
new AzurermProvider(stack, 'azurerm', { features: [{}] });
new ResourceGroup(stack, 'rg', { name: 'rg-aks-whitespace', location: 'westeurope' });
Checklist.of(stack).enforce();
app.synth();
