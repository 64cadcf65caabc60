/**
 * The default example (`npm run synth`): the whole platform in one stack. Its report is the
 * library's promise: every enforced item compliant, no item left planned.
 */
import { Testing } from 'cdktf';
import { TerraformDocument } from '../../lib/core/terraform-document';
import { manifestsOf } from '../../lib/in-cluster/cluster-baseline';
import { buildStackReport, StackReport } from '../../lib/report/build';
import { buildWhitespace } from '../../examples/whitespace/stack';
import { clustersBeforeTheirRoute, terraformStructureProblems } from '../support/terraform-checks';

describe('examples/whitespace', () => {
  let doc: TerraformDocument;
  let report: StackReport;
  beforeAll(() => {
    const stack = buildWhitespace(Testing.app());
    Testing.synth(stack, true); // runs the Aspects and the checklist enforcement (error mode)
    doc = new TerraformDocument(JSON.parse(JSON.stringify(stack.toTerraform())), 'whitespace', manifestsOf(stack));
    report = buildStackReport(doc);
  });

  test('every enforced item is compliant (none waived), every policy item enforced by an assignment', () => {
    const enforced = report.items.filter((i) => i.delivery === 'enforced');
    expect(enforced.filter((i) => i.status !== 'compliant' && i.status !== 'not-applicable').map((i) => `${i.id}: ${i.status}`)).toEqual([]);
    expect(report.items.filter((i) => i.delivery === 'policy').map((i) => `${i.id}: ${i.status}`).filter((s) => !s.endsWith('policy-enforced'))).toEqual([]);
  });

  test('no item is planned, and the only non-compliant items are opt-in options', () => {
    expect(report.totals.planned).toBe(0);
    expect(report.items.filter((i) => i.status === 'non-compliant').map((i) => `${i.id} (${i.delivery})`)).toEqual([
      'container/image-vulnerability-scanning (option)',
      'development/startup-probe (option)',
    ]);
  });

  test('renders two tenant namespaces for the cluster', () => {
    const namespaces = doc.manifests.filter((m) => m.kind === 'Namespace').map((m) => m.metadata.name);
    expect(namespaces).toEqual(['catalog', 'payments']);
  });

  test('is well-formed Terraform: bare depends_on addresses, no reference to a missing block', () => {
    expect(terraformStructureProblems(doc)).toEqual([]);
  });

  test('the cluster waits for its 0.0.0.0/0 route: its dependencies (depends_on and references) reach azurerm_route', () => {
    expect(doc.resources('azurerm_kubernetes_cluster')).toHaveLength(1);
    expect(clustersBeforeTheirRoute(doc)).toEqual([]);
  });

  test('synthesizes no credential', () => {
    const text = JSON.stringify(doc.json);
    expect(text).not.toMatch(/"(admin_password|client_secret|access_key|sas_token|password)"\s*:/);
  });

  test('regression net: the synthesized JSON', () => {
    expect(doc.json).toMatchSnapshot();
  });
});
