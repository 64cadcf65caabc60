/**
 * Checklist at synth: waivers (reason, known id, scope) and enforcement (error and warning modes).
 */
import { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { AnnotationMetadataEntryType, App, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Checklist } from '../../lib/checklist/checklist';
import type { StackReport } from '../../lib/report/build';
import { docOf, testStack } from '../support/synth';

/** A raw cluster with a public API server and no authorized ranges: enforced items fail. */
function publicCluster(scope: Construct, id = 'aks'): KubernetesCluster {
  return new KubernetesCluster(scope, id, {
    name: 'aks-public',
    location: 'westeurope',
    resourceGroupName: 'rg',
    dnsPrefix: 'aks-public',
    defaultNodePool: { name: 'system', vmSize: 'Standard_D4ds_v5', nodeCount: 3 },
    identity: { type: 'SystemAssigned' },
  });
}

describe('Checklist.waive', () => {
  test('records the waiver in the stack metadata with its construct path', () => {
    const stack = testStack();
    const team = new Construct(stack, 'team');
    Checklist.of(team).waive('cluster-setup/private-cluster', '  public API for the lab, ranges planned  ');
    expect(Checklist.waiversOf(stack)).toEqual([{ item: 'cluster-setup/private-cluster', path: 'test/team', reason: 'public API for the lab, ranges planned' }]);
    expect(docOf(stack).json['//']).toMatchObject({
      metadata: { aksChecklist: { waivers: [{ item: 'cluster-setup/private-cluster', path: 'test/team', reason: 'public API for the lab, ranges planned' }] } },
    });
  });

  test('without a reason is an error', () => {
    const stack = testStack();
    expect(() => Checklist.of(stack).waive('cluster-setup/private-cluster', undefined as unknown as string)).toThrow(
      /Checklist 'test': prop 'waive\('cluster-setup\/private-cluster'\)\.reason' = undefined is missing or too short: loosening a secure default \(a waiver of 'cluster-setup\/private-cluster'\) needs a reason.*Fix: give a reason of at least 10 characters/,
    );
  });

  test('with a blank or too short reason is an error', () => {
    const stack = testStack();
    expect(() => Checklist.of(stack).waive('cluster-setup/private-cluster', '   ')).toThrow(/= '   ' is missing or too short.*Fix: give a reason/);
    expect(() => Checklist.of(stack).waive('cluster-setup/private-cluster', 'because')).toThrow(/= 'because' is not a reason a reviewer can judge \(too short\)/);
    expect(() => Checklist.of(stack).waive('cluster-setup/private-cluster', 'no', { prop: 'publicApiServer.reason' })).toThrow(/Checklist 'test': prop 'publicApiServer\.reason' = 'no'/);
  });

  test('for an unknown id is an error that names known ids', () => {
    const stack = testStack();
    expect(() => Checklist.of(stack).waive('cluster-setup/privat-cluster', 'a good enough reason')).toThrow(/unknown item id 'cluster-setup\/privat-cluster'.*cluster-setup\/logical-isolation/);
  });

  test('writes no metadata when nothing is waived', () => {
    const stack = testStack();
    Checklist.of(stack).enforce();
    expect(JSON.stringify(docOf(stack).json['//'])).not.toContain('aksChecklist');
  });

  test('the same item waived twice on one construct keeps both reasons once', () => {
    const stack = testStack();
    Checklist.of(stack).waive('cluster-setup/private-cluster', 'first reason, long enough');
    Checklist.of(stack).waive('cluster-setup/private-cluster', 'second reason, long enough');
    Checklist.of(stack).waive('cluster-setup/private-cluster', 'first reason, long enough');
    expect(Checklist.waiversOf(stack)).toEqual([{ item: 'cluster-setup/private-cluster', path: 'test', reason: 'first reason, long enough; second reason, long enough' }]);
  });
});

describe('Checklist.enforce', () => {
  test('error mode: Testing.synth with validations fails on a non-compliant enforced item, naming it and the fix', () => {
    const stack = testStack();
    publicCluster(stack);
    Checklist.of(stack).enforce();
    expect(() => Testing.synth(stack, true)).toThrow(/AKS checklist cluster-setup\/private-cluster \(Private cluster\) is non-compliant: .*private_cluster_enabled.*waive\('cluster-setup\/private-cluster', reason\)/);
  });

  test('error mode: app.synth() fails, as `npm run synth` would', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'aks-enforce-')) });
    const stack = new TerraformStack(app, 'prod');
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    publicCluster(stack);
    Checklist.of(stack).enforce({ mode: 'error' });
    expect(() => app.synth()).toThrow(/cluster-setup\/api-server-authorized-ip-ranges/);
  });

  test('passes when nothing enforced is non-compliant', () => {
    const clean = testStack();
    Checklist.of(clean).enforce();
    expect(() => Testing.synth(clean, true)).not.toThrow();
  });

  test('waived items do not fail synth; the report shows them waived with the reason', () => {
    const stack = testStack();
    const cluster = publicCluster(stack);
    let report: StackReport | undefined;
    Checklist.of(stack).enforce({ mode: 'warning', onReport: (_doc, r) => (report = r) });
    Testing.synth(stack, true); // collect the failing items first
    const failing = report!.items.filter((i) => i.delivery === 'enforced' && i.status === 'non-compliant').map((i) => i.id);
    expect(failing).toContain('cluster-setup/private-cluster');
    failing.forEach((id) => Checklist.of(cluster).waive(id, 'lab cluster, torn down nightly'));
    Checklist.of(stack).enforce({ mode: 'error', onReport: (_doc, r) => (report = r) });
    expect(() => Testing.synth(stack, true)).not.toThrow();
    expect(report!.items.find((i) => i.id === 'cluster-setup/private-cluster')).toMatchObject({ status: 'waived', message: 'lab cluster, torn down nightly' });
  });

  test('a construct-scoped waiver does not cover a resource outside the construct', () => {
    const stack = testStack();
    const lab = new Construct(stack, 'lab');
    publicCluster(lab, 'aks');
    publicCluster(stack, 'prod_aks');
    Checklist.of(lab).waive('cluster-setup/private-cluster', 'lab cluster, torn down nightly');
    let report: StackReport | undefined;
    Checklist.of(stack).enforce({ mode: 'warning', onReport: (_doc, r) => (report = r) });
    Testing.synth(stack, true);
    const item = report!.items.find((i) => i.id === 'cluster-setup/private-cluster')!;
    expect(item.status).toBe('non-compliant');
    expect(item.message).toContain('azurerm_kubernetes_cluster.prod_aks');
    expect(item.message).not.toContain('lab_aks');
  });

  test('warning mode: synth goes on and each failure becomes an Annotations warning on the stack, once', () => {
    const stack = testStack();
    publicCluster(stack);
    Checklist.of(stack).enforce({ mode: 'warning' });
    expect(() => Testing.synth(stack, true)).not.toThrow();
    Testing.synth(stack, true);
    const warnings = stack.node.metadata.filter((m) => m.type === AnnotationMetadataEntryType.WARN).map((m) => String(m.data));
    const privateCluster = warnings.filter((w) => w.startsWith('AKS checklist cluster-setup/private-cluster '));
    expect(privateCluster).toHaveLength(1);
  });

  test('enforcing twice replaces the options and validates once', () => {
    const stack = testStack();
    publicCluster(stack);
    Checklist.of(stack).enforce({ mode: 'warning' });
    Checklist.of(stack).enforce({ mode: 'error' });
    let thrown = '';
    try {
      Testing.synth(stack, true);
    } catch (e) {
      thrown = (e as Error).message;
    }
    expect(thrown.match(/AKS checklist cluster-setup\/private-cluster /g)).toHaveLength(1);
  });

  test('an unknown mode is an error', () => {
    const stack = testStack();
    expect(() => Checklist.of(stack).enforce({ mode: 'strict' as 'error' })).toThrow(/Checklist: enforce mode "strict" is not one of error, warning/);
  });
});
