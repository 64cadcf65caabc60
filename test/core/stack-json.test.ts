import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Testing } from 'cdktf';
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
