import { stackMetadata } from '../../lib/core/stack-metadata';
import { docOf, testStack } from '../support/synth';

describe('stackMetadata', () => {
  test('one state per key and stack, rendered into //.metadata at synth; undefined writes nothing', () => {
    const stack = testStack();
    const list = stackMetadata<string[]>(stack, 'aksExample', () => [], (l) => (l.length ? [...l] : undefined));
    expect(stackMetadata<string[]>(stack, 'aksExample', () => ['other'], () => undefined)).toBe(list);
    stackMetadata(stack, 'aksEmpty', () => [], () => undefined);
    list.push('a', 'b');
    const doc = docOf(stack);
    expect(doc.metadata('aksExample')).toEqual(['a', 'b']);
    expect(doc.metadata('aksEmpty')).toBeUndefined();
  });
});
