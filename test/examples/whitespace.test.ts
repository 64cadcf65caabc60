/** The whitespace example synthesizes with its checklist enforced (the default of `npm run synth`). */
import { buildWhitespace } from '../../examples/whitespace/stack';
import { failingEnforced, synthExample } from './support';

test('examples/whitespace synthesizes with every enforced item compliant or waived, reading no existing infrastructure', () => {
  const { whitespace } = synthExample((app) => void buildWhitespace(app));
  expect(failingEnforced(whitespace.report)).toEqual([]);
  expect(whitespace.doc.dataSources()).toEqual([]);
  expect(whitespace.doc.resources('azurerm_kubernetes_cluster')).toHaveLength(1);
});
