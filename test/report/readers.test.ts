/**
 * The report's readers and what the report says about them, on hand-written fixtures: plan JSON
 * (modules, references through module inputs and outputs, after_unknown), a folder as one
 * configuration (HCL and .tf.json), unknown values, coverage, no cluster, waiver and config files,
 * required tags, and the Markdown report's verdict, actions and attachments. No cdktf is loaded here.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { equals, evidenceFor, fromEvidence, oneOf, present } from '../../lib/checklist/rule-kit';
import { evaluateItem } from '../../lib/checklist/evaluate';
import { nodeTuningRule } from '../../lib/node-pools/rules';
import { getPath, TerraformDocument, unknownExpression } from '../../lib/core/terraform-document';
import { buildReport, buildStackReport, ReportItem } from '../../lib/report/build';
import { readConfig } from '../../lib/report/cli';
import { run } from './run';
import { toJunit } from '../../lib/report/junit';
import { loadStacks } from '../../lib/report/load';
import { configurationFromPlan } from '../../lib/report/plan';
import { toMarkdown } from '../../lib/report/markdown';
import { toSarif } from '../../lib/report/sarif';

const FIXTURES = path.join(__dirname, 'fixtures');
const PLAN = path.join(FIXTURES, 'plan', 'plan.json');
const FOLDER = path.join(FIXTURES, 'folder');


const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'aks-readers-'));
const itemOf = (items: readonly ReportItem[], id: string): ReportItem => items.find((i) => i.id === id)!;

describe('the rule kit on unknown values', () => {
  const doc = new TerraformDocument({
    resource: { azurerm_kubernetes_cluster: { aks: { sku_tier: '${var.tier}', network_profile: { network_plugin: '${local.plugin}' }, oms_agent: { log_analytics_workspace_id: '${azurerm_log_analytics_workspace.ws.id}' }, tags: '${var.tags}' } } },
  });
  const aks = doc.block('azurerm_kubernetes_cluster.aks')!;

  test('equals, oneOf and present are unknown on an unresolved expression, naming it', () => {
    expect(equals(aks, 'sku_tier', 'Standard')).toMatchObject({ ok: false, unknown: '${var.tier}', message: expect.stringContaining('${var.tier}') });
    expect(oneOf(aks, 'network_profile.network_plugin', ['azure'])).toMatchObject({ unknown: '${local.plugin}' });
    expect(present(aks, 'tags')).toMatchObject({ unknown: '${var.tags}' });
  });

  test('a reference to another block is set, not unknown', () => {
    expect(present(aks, 'oms_agent.log_analytics_workspace_id')).toMatchObject({ ok: true });
    expect(present(aks, 'oms_agent.log_analytics_workspace_id').unknown).toBeUndefined();
  });

  test('evidence of a check on an unresolved attribute is unknown whatever the check concluded, and the result is unknown', () => {
    const evidence = evidenceFor(aks, [{ attribute: 'sku_tier', ok: true, message: 'looks fine' }]);
    expect(evidence[0]).toMatchObject({ ok: false, unknown: '${var.tier}' });
    expect(fromEvidence(evidence).status).toBe('unknown');
    expect(fromEvidence([...evidence, ...evidenceFor(aks, [{ attribute: 'name', ok: false, message: 'bad' }])]).status).toBe('non-compliant');
  });

  test('address ranges computed from another block are unknown for IP planning, not absent', () => {
    const net = new TerraformDocument({
      resource: {
        azurerm_subnet: { nodes: { address_prefixes: ['${cidrsubnet(var.space, 2, 1)}'] } },
        azurerm_kubernetes_cluster: { aks: { default_node_pool: { vnet_subnet_id: '${azurerm_subnet.nodes.id}' }, network_profile: { network_plugin: 'azure', service_cidr: '${azurerm_subnet.nodes.address_prefixes[0]}' } } },
      },
    });
    const result = evaluateItem('network/ip-address-planning', net);
    expect(result.status).toBe('unknown');
    expect(result.evidence.map((e) => e.attribute).sort()).toEqual(['address_prefixes', 'network_profile.service_cidr']);
  });

  test("network/egress-lockdown files a user pool's subnet under the pool's address", () => {
    const egress = new TerraformDocument({
      resource: {
        azurerm_subnet: { nodes: { name: 'nodes' }, user: { name: 'user' } },
        azurerm_kubernetes_cluster: { aks: { default_node_pool: { vnet_subnet_id: '${azurerm_subnet.nodes.id}' }, network_profile: { outbound_type: 'userDefinedRouting' } } },
        azurerm_kubernetes_cluster_node_pool: { user: { kubernetes_cluster_id: '${azurerm_kubernetes_cluster.aks.id}', vnet_subnet_id: '${azurerm_subnet.user.id}' } },
      },
    });
    const evidence = evaluateItem('network/egress-lockdown', egress).evidence;
    expect(evidence.filter((e) => e.attribute === 'vnet_subnet_id').map((e) => e.address)).toEqual(['azurerm_kubernetes_cluster_node_pool.user']);
    expect(evidence.some((e) => e.address === 'azurerm_kubernetes_cluster.aks' && e.message.includes('node_pool.user'))).toBe(false);
  });

  test('an empty kubelet_config (as a plan writes it) tunes nothing', () => {
    const pool = new TerraformDocument({ resource: { azurerm_kubernetes_cluster: { aks: { default_node_pool: [{ name: 'system', kubelet_config: [], linux_os_config: [] }] } } } });
    expect(nodeTuningRule(pool).status).toBe('not-applicable');
  });

  test('an item whose rule reads an unresolved value is unknown, never compliant or non-compliant', () => {
    expect(evaluateItem('disaster-recovery/control-plane-sla', doc).status).toBe('unknown');
    expect(evaluateItem('network/network-model', doc).status).toBe('unknown');
  });
});

describe('plan JSON', () => {
  let items: readonly ReportItem[];
  let doc: TerraformDocument;
  beforeAll(async () => {
    const [input] = await loadStacks(PLAN);
    doc = input.doc;
    items = buildStackReport(doc, input.source).items;
  });

  test('is detected by format_version and planned_values, and reads root and child modules', () => {
    expect(doc.coverage.kind).toBe('plan');
    expect(doc.resources().map((r) => r.address).sort()).toEqual(['azurerm_monitor_diagnostic_setting.aks', 'module.aks.azurerm_kubernetes_cluster.main', 'module.network.azurerm_subnet.nodes']);
    expect(doc.coverage.modules).toEqual([
      { address: 'module.network', source: './modules/network', followed: true },
      { address: 'module.aks', source: './modules/aks', followed: true },
    ]);
  });

  test('values known after apply become references through module inputs and outputs', () => {
    const aks = doc.block('module.aks.azurerm_kubernetes_cluster.main')!;
    expect(getPath(aks.values, 'default_node_pool.vnet_subnet_id')).toBe('${module.network.azurerm_subnet.nodes.id}');
    expect(doc.referencedBlocks(getPath(aks.values, 'default_node_pool.vnet_subnet_id')).map((b) => b.address)).toEqual(['module.network.azurerm_subnet.nodes']);
    const diag = doc.block('azurerm_monitor_diagnostic_setting.aks')!;
    expect(doc.references(getPath(diag.values, 'target_resource_id'), aks)).toBe(true);
  });

  test('a value known after apply from no block is unknown; null means not set; a computed value not configured is absent', () => {
    const aks = doc.block('module.aks.azurerm_kubernetes_cluster.main')!;
    expect('kubelet_identity' in aks.values).toBe(false);
    expect(getPath(aks.values, 'oms_agent.log_analytics_workspace_id')).toBe('${unknown}');
    expect(getPath(aks.values, 'sku_tier')).toBe('${unknown}');
    expect(itemOf(items, 'disaster-recovery/control-plane-sla').status).toBe('unknown');
    expect('node_os_channel_upgrade' in aks.values).toBe(false);
    expect(itemOf(items, 'operations/node-os-patching').status).toBe('compliant');
  });

  test('3.x names, lower-case VM sizes: read as 4.x, with the generation in the coverage', () => {
    expect(doc.providerGenerations).toEqual(['3.x']);
    expect(itemOf(items, 'cluster-setup/upgrade-channel').status).toBe('compliant');
    expect(itemOf(items, 'cluster-setup/cluster-autoscaling').evidence.find((e) => e.attribute === 'default_node_pool.auto_scaling_enabled')?.ok).toBe(true);
    expect(itemOf(items, 'storage/storage-type').status).toBe('compliant');
  });

  test('the diagnostic setting that targets the cluster through a module output is judged', () => {
    expect(itemOf(items, 'operations/control-plane-logs').evidence.map((e) => e.address)).toContain('azurerm_monitor_diagnostic_setting.aks');
  });

  test('an AzAPI cluster in a plan is judged as azurerm_kubernetes_cluster, at its AzAPI address', () => {
    const plan = {
      format_version: '1.2',
      planned_values: {
        root_module: {
          resources: [
            {
              address: 'azapi_resource.aks',
              mode: 'managed',
              type: 'azapi_resource',
              name: 'aks',
              values: { type: 'Microsoft.ContainerService/managedClusters@2024-02-01', body: { properties: { apiServerAccessProfile: { enablePrivateCluster: true } } } },
            },
          ],
        },
      },
    };
    const azapi = TerraformDocument.fromConfiguration(configurationFromPlan(plan as never, 'azapi'));
    expect(azapi.resources('azurerm_kubernetes_cluster').map((b) => b.address)).toEqual(['azapi_resource.aks']);
    expect(evaluateItem('cluster-setup/private-cluster', azapi).evidence.find((e) => e.attribute === 'private_cluster_enabled')?.ok).toBe(true);
    expect(azapi.coverage.unjudged).toEqual([]);
  });

  test('SARIF names the resource address and the plan file', () => {
    const sarif = JSON.parse(JSON.stringify(toSarif(buildReport([{ doc, source: PLAN }]), { baseDir: FIXTURES, version: '1.2.3' })));
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'cluster-setup/managed-identity');
    expect(result.locations[0]).toEqual({
      physicalLocation: { artifactLocation: { uri: 'plan/plan.json', uriBaseId: '%SRCROOT%' } },
      logicalLocations: [{ fullyQualifiedName: 'module.aks.azurerm_kubernetes_cluster.main.identity.type', name: 'module.aks.azurerm_kubernetes_cluster.main', kind: 'resource' }],
    });
  });
});

describe('a folder is one configuration', () => {
  let items: readonly ReportItem[];
  let doc: TerraformDocument;
  beforeAll(async () => {
    const inputs = await loadStacks(FOLDER);
    expect(inputs).toHaveLength(1);
    doc = inputs[0].doc;
    items = buildStackReport(doc, inputs[0].source).items;
  });

  test('its .tf and .tf.json files together, with cross-file references', () => {
    expect(doc.name).toBe('folder');
    expect(doc.coverage.files.map((f) => path.basename(f))).toEqual(['main.tf', 'network.tf.json', 'variables.tf']);
    const aks = doc.block('azurerm_kubernetes_cluster.aks')!;
    expect(doc.referencedBlocks(getPath(aks.values, 'default_node_pool.vnet_subnet_id')).map((b) => b.address)).toEqual(['azurerm_subnet.nodes']);
    expect(aks.source).toEqual({ file: path.join(FOLDER, 'main.tf'), line: 2 });
  });

  test('variables resolve (default, then --var-file and --var), not judged as text', async () => {
    expect(getPath(doc.block('azurerm_kubernetes_cluster.aks')!.values, 'network_profile.network_plugin')).toBe('azure');
    expect(itemOf(items, 'network/network-model').status).toBe('compliant');
    const [kubenet] = await loadStacks(FOLDER, { vars: { network_plugin: 'kubenet' } });
    expect(itemOf(buildStackReport(kubenet.doc, kubenet.source).items, 'network/network-model').status).toBe('non-compliant');
  });

  test('--var-file and --var on the command line, --var last', async () => {
    const varFile = path.join(tmp(), 'kubenet.tfvars');
    fs.writeFileSync(varFile, 'network_plugin = "kubenet"\n');
    const status = async (...extra: string[]): Promise<string> =>
      itemOf(JSON.parse((await run('report', FOLDER, '-f', 'json', '--fail-on', 'none', ...extra)).out).stacks[0].items, 'network/network-model').status;
    expect(await status('--var-file', varFile)).toBe('non-compliant');
    expect(await status('--var-file', varFile, '--var', 'network_plugin=azure')).toBe('compliant');
    expect((await run('report', FOLDER, '--var', 'network_plugin')).err).toContain("--var 'network_plugin' is not name=value");
  });

  test('a dynamic block, and a block whose count is unresolved, are unknown; count = 0 is no block', () => {
    expect(unknownExpression(getPath(doc.block('azurerm_monitor_diagnostic_setting.aks')!.values, 'enabled_log'))).toBe('${local.categories}');
    expect(itemOf(items, 'operations/control-plane-logs').status).toBe('unknown');
    expect(itemOf(items, 'network/web-application-firewall')).toMatchObject({ status: 'unknown', message: expect.stringContaining('var.with_gateway') });
    expect(doc.block('azurerm_container_registry.never')).toBeUndefined();
  });

  test('numeric zones and 3.x names are read', () => {
    expect(getPath(doc.block('azurerm_kubernetes_cluster.aks')!.values, 'default_node_pool.zones')).toEqual(['1', '2', '3']);
    expect(itemOf(items, 'disaster-recovery/availability-zones').status).toBe('compliant');
    expect(itemOf(items, 'cluster-setup/upgrade-channel').status).toBe('compliant');
  });

  test('the coverage names the module not followed and the AzAPI cluster not judged; items that found nothing are unknown', () => {
    expect(doc.coverage.modules).toEqual([expect.objectContaining({ address: 'module.monitoring', followed: false })]);
    expect(doc.coverage.unjudged).toEqual([expect.objectContaining({ address: 'azapi_resource.second', reason: expect.stringContaining('not judged') })]);
    const windows = itemOf(items, 'windows/gmsa');
    expect(windows.status).toBe('unknown');
    expect(windows.message).toContain('module.monitoring');
    const md = toMarkdown(buildReport([{ doc }]));
    expect(md).toContain('- **Not read or not judged**: module.monitoring (git::https://example.com/monitoring.git) not followed; azapi_resource.second: AKS cluster written with AzAPI');
    expect(md).toContain('AKS clusters found: `azurerm_kubernetes_cluster.aks`');
  });

  test('SARIF points a result without a resource at the file of the cluster, not at the folder', () => {
    const sarif = toSarif(buildReport([{ doc, source: FOLDER }]), { baseDir: FIXTURES, version: '1.2.3' });
    const gmsa = sarif.runs[0].results.find((r) => r.ruleId === 'windows/gmsa')!;
    expect(gmsa.locations[0]).toEqual({ physicalLocation: { artifactLocation: { uri: 'folder/main.tf', uriBaseId: '%SRCROOT%' } } });
  });
});

describe('no cluster', () => {
  test('says so and exits 2, unless --allow-no-cluster', async () => {
    const dir = path.join(FIXTURES, 'no-cluster');
    const { code, err, out } = await run('report', dir);
    expect(code).toBe(2);
    expect(err).toMatch(/no azurerm_kubernetes_cluster in .*no-cluster/);
    expect(out).toContain('AKS clusters found: **none**');
    expect((await run('report', dir, '--allow-no-cluster', '--fail-on', 'none')).code).toBe(0);
  });
});

describe('--fail-on unknown', () => {
  test('unknown items fail only when asked', async () => {
    const plain = await run('report', FOLDER, '--fail-on', 'none');
    expect(plain.code).toBe(0);
    const strict = await run('report', FOLDER, '--fail-on', 'unknown');
    expect(strict.code).toBe(1);
    expect(strict.err).toContain('folder: windows/gmsa');
  });

  test('JUnit skips unknown items with a message, and fails them under --fail-on unknown', async () => {
    const report = buildReport(await loadStacks(FOLDER));
    expect(toJunit(report)).toContain('<skipped message="unknown (fail on it with --fail-on unknown)');
    expect(toJunit(report, { failOn: ['unknown'] }).match(/<failure /g)?.length).toBe(report.totals.unknown);
  });
});

describe('required tags and waivers for foreign stacks', () => {
  const WRITE = (dir: string, name: string, text: string): string => {
    fs.writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };

  test('--required-tags sets the keys the resource-tags rule asks for', async () => {
    const strict = JSON.parse((await run('report', PLAN, '-f', 'json', '--fail-on', 'none')).out);
    const loose = JSON.parse((await run('report', PLAN, '-f', 'json', '--fail-on', 'none', '--required-tags', 'team')).out);
    const message = (r: { stacks: { items: ReportItem[] }[] }): string => itemOf(r.stacks[0].items, 'development/resource-tags').message;
    expect(message(strict)).toContain('owner, environment');
    expect(message(loose)).toContain('lacks required tag(s) team');
  });

  test('a config file gives tag keys and waivers (item, reason, address, expiry)', async () => {
    const dir = tmp();
    const file = WRITE(
      dir,
      'checklist.yml',
      [
        'requiredTags: [team]',
        'waivers:',
        '  - item: cluster-setup/managed-identity',
        '    reason: The platform team migrates identities in Q3, tracked in OPS-1234',
        '    address: module.aks',
        '    expires: 2999-12-31',
      ].join('\n'),
    );
    const { out } = await run('report', PLAN, '-f', 'json', '--fail-on', 'none', '--config', file);
    const items = JSON.parse(out).stacks[0].items as ReportItem[];
    expect(itemOf(items, 'cluster-setup/managed-identity')).toMatchObject({ status: 'waived', message: 'The platform team migrates identities in Q3, tracked in OPS-1234' });
    expect(itemOf(items, 'development/resource-tags').message).toContain('team');
  });

  test('a waiver with an address covers only that address', async () => {
    const dir = tmp();
    const file = WRITE(dir, 'c.json', JSON.stringify({ waivers: [{ item: 'cluster-setup/managed-identity', reason: 'not this cluster, another one', address: 'module.other' }] }));
    const { out } = await run('report', PLAN, '-f', 'json', '--fail-on', 'none', '--config', file);
    expect(itemOf(JSON.parse(out).stacks[0].items, 'cluster-setup/managed-identity').status).toBe('non-compliant');
    expect(JSON.parse(out).stacks[0].unusedWaivers).toHaveLength(1);
  });

  test.each([
    [{ waivers: [{ item: 'cluster-setup/managed-identity', reason: 'accepted until the migration', expires: '2020-01-01' }] }, /expired on 2020-01-01/],
    [{ waivers: [{ item: 'cluster-setup/managed-identity' }] }, /has no reason a reviewer can judge/],
    [{ waivers: [{ item: 'cluster-setup/nope', reason: 'accepted until the migration' }] }, /not a checklist item id/],
    [{ waivers: [{ item: 'cluster-setup/managed-identity', reason: 'accepted until the migration', expires: 'soon' }] }, /write the date as YYYY-MM-DD/],
    [{ requiredTags: [] }, /non-empty list of tag keys/],
    [{ waiver: [] }, /unknown key\(s\) waiver/],
  ])('an invalid config file is an error (exit 2): %j', async (content, message) => {
    const file = WRITE(tmp(), 'c.json', JSON.stringify(content));
    expect(() => readConfig(file)).toThrow(message);
    expect((await run('report', PLAN, '--config', file)).code).toBe(2);
  });
});

describe('Markdown as people read it', () => {
  test('opens with the verdict and the actions, each with what fixes it; the counts match the table', async () => {
    const report = buildReport(await loadStacks(PLAN));
    const md = toMarkdown(report);
    const lines = md.split('\n');
    expect(lines[2]).toMatch(/^\*\*Verdict: ❌ fails\*\* \(`--fail-on enforced`: \d+ item\(s\)\)/);
    expect(lines[4]).toBe('## Action needed');
    const t = report.totals;
    expect(lines[2]).toContain(`${t['non-compliant']} non-compliant, ${t.unknown} unknown, ${t.waived} waived, ${t.compliant} compliant, ${t['policy-enforced']} policy-enforced`);
    const actions = lines.filter((l) => l.startsWith('- ❌ ') || l.startsWith('- ❔ '));
    expect(actions).toHaveLength(t['non-compliant'] + t.unknown);
    expect(actions.find((l) => l.includes('`cluster-setup/managed-identity`'))).toContain('Fix: `SecureAksCluster.');
    expect(actions.find((l) => l.includes('`disaster-recovery/control-plane-sla`'))).toContain('${unknown}');
    expect(toMarkdown(report, { failOn: [] }).split('\n')[2]).toMatch(/^\*\*Verdict: ✅ passes\*\* \(`--fail-on none`\)/);
  });

  test("includes a stack's ip-plan.md and topology.md when they sit next to its cdk.tf.json", async () => {
    const dir = path.join(tmp(), 'stacks', 'demo');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'cdk.tf.json'), JSON.stringify({ resource: { azurerm_kubernetes_cluster: { aks: { name: 'aks' } } } }));
    fs.writeFileSync(path.join(dir, 'ip-plan.md'), '| Subnet | CIDR |\n| --- | --- |\n| nodes | 10.0.0.0/22 |\n');
    fs.writeFileSync(path.join(dir, 'topology.md'), '```mermaid\nflowchart LR\n  hub --> spoke\n```\n');
    const md = toMarkdown(buildReport(await loadStacks(path.join(dir, 'cdk.tf.json'))));
    expect(md).toContain('### ip-plan.md\n\n| Subnet | CIDR |\n| --- | --- |\n| nodes | 10.0.0.0/22 |');
    expect(md).toContain('### topology.md\n\n```mermaid\nflowchart LR\n  hub --> spoke\n```');
  });
});
