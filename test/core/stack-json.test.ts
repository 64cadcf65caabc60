import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { App, TerraformStack, Testing } from 'cdktf';
import { shareStackJson, synthesizedJson } from '../../lib/core/stack-json';
import { testStack } from '../support/synth';

describe('synthesizedJson', () => {
  test('validations of one pass share one resolution; the next pass sees later changes', () => {
    const stack = testStack();
    new ResourceGroup(stack, 'a', { name: 'rg-a', location: 'westeurope' });
    const seen: number[] = [];
    shareStackJson(stack);
    const read = () => {
      seen.push(Object.keys(synthesizedJson(stack).resource?.azurerm_resource_group ?? {}).length);
      return [];
    };
    stack.node.addValidation({ validate: read });
    stack.node.addValidation({ validate: read });
    const resolve = jest.spyOn(stack, 'toTerraform');
    Testing.synth(stack, true);
    expect(resolve).toHaveBeenCalledTimes(2); // once for both validations, once for the output
    new ResourceGroup(stack, 'b', { name: 'rg-b', location: 'westeurope' });
    Testing.synth(stack, true);
    expect(seen).toEqual([1, 1, 2, 2]);
  });

  test('without shareStackJson nothing is cached', () => {
    const stack = testStack();
    new ResourceGroup(stack, 'a', { name: 'rg-a', location: 'westeurope' });
    const first = synthesizedJson(stack);
    expect(synthesizedJson(stack)).not.toBe(first);
  });
});

describe('app.synth() of a stack whose validations read its JSON', () => {
  test('resolves the stack once and writes what the validations judged; a later synth sees changes', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'stack-json-'));
    const app = new App({ outdir });
    const stack = new TerraformStack(app, 'one');
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    new ResourceGroup(stack, 'a', { name: 'rg-a', location: 'westeurope' });
    shareStackJson(stack);
    const judged: string[][] = [];
    stack.node.addValidation({ validate: () => (judged.push(Object.keys(synthesizedJson(stack).resource?.azurerm_resource_group ?? {})), []) });
    const resolve = jest.spyOn(TerraformStack.prototype, 'toTerraform');
    const written = () => Object.keys(JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'one', 'cdk.tf.json'), 'utf8')).resource.azurerm_resource_group);
    app.synth();
    expect(resolve).toHaveBeenCalledTimes(1);
    expect(written()).toEqual(['a']);
    new ResourceGroup(stack, 'b', { name: 'rg-b', location: 'westeurope' });
    app.synth();
    expect(resolve).toHaveBeenCalledTimes(2);
    expect(written()).toEqual(['a', 'b']);
    expect(judged).toEqual([['a'], ['a', 'b']]);
    resolve.mockRestore();
  });
});
