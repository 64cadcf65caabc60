/**
 * Waivers in the report: a waived item shows its reason; a construct waiver covers only the
 * resources under its construct; a stack waiver covers the whole stack.
 */
import { Construct } from 'constructs';
import { ContainerRegistry } from '@cdktf/provider-azurerm/lib/container-registry';
import { Checklist } from '../../lib/checklist/checklist';
import { buildStackReport, ReportItem, waiversIn } from '../../lib/report/build';
import { TerraformDocument } from '../../lib/core/terraform-document';
import { mutate } from '../support/synth';
import { rawDoc } from './support';

const ID = 'container/registry-rbac';
const REASON = 'break-glass admin user until the pipeline moves to AcrPush';
const itemOf = (doc: TerraformDocument, id = ID): ReportItem => buildStackReport(doc).items.find((i) => i.id === id)!;

describe('waivers in the report', () => {
  test('a stack waiver with a reason makes the item waived, with the reason', () => {
    const doc = rawDoc((stack) => Checklist.of(stack).waive(ID, REASON));
    const item = itemOf(doc);
    expect(item.status).toBe('waived');
    expect(item.message).toBe(REASON);
    expect(item.waivers).toEqual([{ item: ID, path: 'raw', reason: REASON }]);
    expect(doc.json['//']).toMatchObject({ metadata: { aksChecklist: { waivers: [{ item: ID, path: 'raw', reason: REASON }] } } });
  });

  test('a waiver counts in the totals as waived, not non-compliant', () => {
    const before = buildStackReport(rawDoc()).totals;
    const after = buildStackReport(rawDoc((stack) => Checklist.of(stack).waive(ID, REASON))).totals;
    expect(after.waived).toBe(before.waived + 1);
    expect(after['non-compliant']).toBe(before['non-compliant'] - 1);
  });

  test('a construct waiver covers the resources under the construct only', () => {
    const doc = rawDoc((stack) => {
      const team = new Construct(stack, 'team');
      new ContainerRegistry(team, 'acr', { name: 'acrteam0001', resourceGroupName: 'rg-raw', location: 'westeurope', sku: 'Premium', adminEnabled: true });
      Checklist.of(team).waive(ID, REASON);
    });
    const item = itemOf(doc);
    expect(item.status).toBe('non-compliant'); // the raw stack's own registry is not under raw/team
    expect(item.waivers.map((w) => w.path)).toEqual(['raw/team']);
    expect(item.message).toContain('azurerm_container_registry.acr.admin_enabled');
    expect(item.message).not.toContain('team_acr');
    expect(item.message).toMatch(/waivers cover 1 of 2 failing findings/);
  });

  test('construct waivers on every failing resource waive the item', () => {
    const doc = rawDoc((stack) => {
      const acr = stack.node.findChild('acr');
      Checklist.of(acr).waive(ID, REASON);
    });
    expect(itemOf(doc).status).toBe('waived');
    expect(itemOf(doc).waivers).toEqual([{ item: ID, path: 'raw/acr', reason: REASON }]);
  });

  test('a construct waiver does not cover evidence without a construct path (HCL, plain JSON)', () => {
    const doc = mutate(rawDoc((stack) => Checklist.of(stack.node.findChild('acr')).waive(ID, REASON)), (json) => {
      delete json.resource.azurerm_container_registry.acr['//'];
    });
    expect(itemOf(doc).status).toBe('non-compliant');
  });

  test('a waiver for a compliant item is listed as unused', () => {
    const doc = rawDoc((stack) => Checklist.of(stack).waive('operations/node-os-patching', 'kept for the migration window'));
    const report = buildStackReport(doc);
    expect(report.items.find((i) => i.id === 'operations/node-os-patching')!.status).toBe('compliant');
    expect(report.unusedWaivers).toEqual([{ item: 'operations/node-os-patching', path: 'raw', reason: 'kept for the migration window' }]);
  });

  test('waivers without a reason in hand-edited JSON are ignored', () => {
    const doc = mutate(rawDoc(), (json) => {
      json['//'].metadata.aksChecklist = { waivers: [{ item: ID, path: 'raw' }, { item: ID, path: 'raw', reason: '  ' }, 'junk'] };
    });
    expect(waiversIn(doc)).toEqual([]);
    expect(itemOf(doc).status).toBe('non-compliant');
  });
});
