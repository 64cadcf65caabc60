/**
 * The command line: inputs (cdk.tf.json, cdktf.out, HCL), formats, --output, exit codes and
 * --fail-on, and that it loads neither cdktf nor the provider bindings.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Checklist } from '../../lib/checklist/checklist';
import { USAGE } from '../../lib/report/cli';
import { run } from './run';
import { buildRawStack } from './raw-stack';
import { synthOut, tempDir } from './support';
import { assertWellFormed } from './xml';

const ROOT = path.join(__dirname, '..', '..');
const FIXTURES = path.join(__dirname, 'fixtures');


const out = synthOut({ raw: buildRawStack, empty: () => undefined });
const rawFile = path.join(out, 'stacks', 'raw', 'cdk.tf.json');
const emptyFile = path.join(out, 'stacks', 'empty', 'cdk.tf.json');

describe('aks-checklist report: inputs', () => {
  test('a cdktf.out directory reports every stack of its manifest', async () => {
    const { code, out: text } = await run('report', out, '--format', 'json');
    expect(code).toBe(1);
    expect(JSON.parse(text).stacks.map((s: { stack: string }) => s.stack).sort()).toEqual(['empty', 'raw']);
  });

  test('a cdktf.out directory without manifest.json falls back to stacks/*/cdk.tf.json', async () => {
    const copy = path.join(tempDir(), 'cdktf.out');
    fs.cpSync(out, copy, { recursive: true });
    fs.rmSync(path.join(copy, 'manifest.json'));
    const { out: text } = await run('report', copy, '--format=json');
    expect(JSON.parse(text).stacks.map((s: { stack: string }) => s.stack)).toEqual(['empty', 'raw']);
  });

  test('a cdk.tf.json file takes the stack name from its metadata', async () => {
    const { out: text } = await run('report', rawFile, '-f', 'json');
    expect(JSON.parse(text).stacks[0]).toMatchObject({ stack: 'raw', source: rawFile });
  });

  test('an HCL .tf file is converted and judged like JSON', async () => {
    const { code, out: text } = await run('report', path.join(FIXTURES, 'raw-cluster.tf'), '--format', 'json');
    expect(code).toBe(1);
    const items = JSON.parse(text).stacks[0].items as { id: string; status: string }[];
    const statusOf = (id: string): string | undefined => items.find((i) => i.id === id)?.status;
    for (const id of ['cluster-setup/api-server-authorized-ip-ranges', 'cluster-setup/private-cluster', 'cluster-setup/aad-integration', 'cluster-setup/managed-identity', 'container/registry-rbac', 'container/registry-network-segmentation']) {
      expect([id, statusOf(id)]).toEqual([id, 'non-compliant']);
    }
  });

  test('a directory of .tf files is one stack named after the directory', async () => {
    const { out: text } = await run('report', FIXTURES, '--format', 'json');
    expect(JSON.parse(text).stacks.map((s: { stack: string }) => s.stack)).toEqual(['fixtures']);
  });
});

describe('aks-checklist report: formats and output', () => {
  test('Markdown is the default', async () => {
    const { out: text } = await run('report', rawFile);
    expect(text.startsWith('# AKS checklist report\n')).toBe(true);
  });

  test.each([
    ['json', (t: string) => expect(JSON.parse(t).tool).toBe('aks-checklist')],
    ['sarif', (t: string) => expect(JSON.parse(t).version).toBe('2.1.0')],
    ['junit', (t: string) => expect(assertWellFormed(t)).toBe('testsuites')],
  ])('--format %s', async (format, verify) => {
    const { out: text } = await run('report', rawFile, '--format', format);
    verify(text);
  });

  test('--output writes the file and prints nothing on stdout', async () => {
    const file = path.join(tempDir(), 'reports', 'report.sarif');
    const { code, out: text } = await run('report', emptyFile, '--format', 'sarif', '--output', file, '--allow-no-cluster');
    expect(code).toBe(0);
    expect(text).toBe('');
    const sarif = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(sarif.runs[0].tool.driver.name).toBe('aks-checklist');
  });

  test('SARIF URIs are relative to --base, declared in originalUriBaseIds', async () => {
    const dir = tempDir();
    await run('report', rawFile, '--format', 'sarif', '--output', path.join(dir, 'r.sarif'), '--base', out);
    const sarif = JSON.parse(fs.readFileSync(path.join(dir, 'r.sarif'), 'utf8'));
    const location = sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation;
    expect(location).toEqual({ uri: 'stacks/raw/cdk.tf.json', uriBaseId: '%SRCROOT%' });
    expect(new URL(sarif.runs[0].originalUriBaseIds['%SRCROOT%'].uri).pathname).toBe(`${out}/`);
  });

  test('SARIF URIs default to the git repository root of the current directory', async () => {
    const { out: text } = await run('report', path.join(FIXTURES, 'raw-cluster.tf'), '--format', 'sarif');
    const sarif = JSON.parse(text);
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'cluster-setup/private-cluster');
    expect(result.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'test/report/fixtures/raw-cluster.tf', uriBaseId: '%SRCROOT%' }, region: { startLine: 7 } });
    expect(sarif.runs[0].tool.driver.version).toBe(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });
});

describe('aks-checklist report: exit codes', () => {
  test('0 when no enforced item is non-compliant', async () => {
    expect((await run('report', emptyFile, '--allow-no-cluster')).code).toBe(0);
  });

  test('1 when an enforced item is non-compliant and not waived, naming it', async () => {
    const { code, err } = await run('report', rawFile);
    expect(code).toBe(1);
    expect(err).toMatch(/FAILED \(--fail-on enforced\): .*raw: cluster-setup\/private-cluster/);
  });

  test('0 when every failing enforced item is waived', async () => {
    const first = JSON.parse((await run('report', rawFile, '--format', 'json')).out);
    const failing = first.stacks[0].items.filter((i: { status: string; delivery: string }) => i.status === 'non-compliant' && i.delivery === 'enforced').map((i: { id: string }) => i.id);
    expect(failing.length).toBeGreaterThan(0);
    const waivedDir = synthOut({
      waived: (stack) => {
        buildRawStack(stack);
        failing.forEach((id: string) => Checklist.of(stack).waive(id, 'accepted for the test of exit codes'));
      },
    });
    const waivedFile = path.join(waivedDir, 'stacks', 'waived', 'cdk.tf.json');
    expect((await run('report', waivedFile)).code).toBe(0);
    expect((await run('report', waivedFile, '--fail-on', 'waived')).code).toBe(1);
  });

  test('--fail-on none never fails', async () => {
    expect((await run('report', rawFile, '--fail-on', 'none')).code).toBe(0);
  });

  test('--fail-on non-compliant fails on any non-compliant item, whatever its delivery', async () => {
    const hcl = path.join(FIXTURES, 'raw-cluster.tf');
    expect((await run('report', hcl, '--fail-on', 'non-compliant')).code).toBe(1);
    expect((await run('report', emptyFile, '--fail-on', 'non-compliant', '--allow-no-cluster')).code).toBe(0);
  });

  test('--fail-on option looks at option items only', async () => {
    const { out: text } = await run('report', rawFile, '--format', 'json', '--fail-on', 'none');
    const options = JSON.parse(text).stacks[0].items.filter((i: { delivery: string; status: string }) => i.delivery === 'option' && i.status === 'non-compliant');
    expect((await run('report', rawFile, '--fail-on', 'option')).code).toBe(options.length > 0 ? 1 : 0);
  });

  test.each([
    [[], /Usage: aks-checklist report/],
    [['lint', 'x'], /unknown command 'lint'/],
    [['report'], /'report' needs a <path>/],
    [['report', 'a', 'b'], /takes one <path>/],
    [['report', 'x', '--format', 'xml'], /--format 'xml' is not one of markdown, json, sarif, junit/],
    [['report', 'x', '--format'], /option '--format' needs a value/],
    [['report', 'x', '--colour', 'on'], /unknown option '--colour'/],
    [['report', 'x', '--fail-on', 'sometimes'], /--fail-on 'sometimes' is not 'none' or a comma-separated list of enforced, policy, option, non-compliant, waived, unknown/],
    [['report', '/no/such/path'], /\/no\/such\/path does not exist/],
  ])('2 with a clear message for %j', async (argv, message) => {
    const { code, err } = await run(...(argv as string[]));
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });

  test('2 for a file that is not JSON, and for a directory with no stack', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'cdk.tf.json'), '{ nope');
    expect(await run('report', path.join(dir, 'cdk.tf.json'))).toMatchObject({ code: 2, err: expect.stringMatching(/is not valid JSON/) });
    expect(await run('report', tempDir())).toMatchObject({ code: 2, err: expect.stringMatching(/holds no cdktf.out manifest.json/) });
  });

  test('--help prints the usage and exits 0', async () => {
    expect(await run('report', '--help')).toEqual({ code: 0, out: USAGE, err: '' });
  });
});

describe('bin/aks-checklist.js', () => {
  test('the command line loads neither cdktf, constructs nor provider bindings (rules must not)', () => {
    // Reports the import chain of the first such module, so a failure names the file to fix.
    const script = `
      require('./scripts/register');
      const Module = require('module');
      const load = Module._load;
      let chain = null;
      Module._load = function (request, parent) {
        if (chain === null && /^(cdktf|constructs|@cdktf\\/provider-azurerm)(\\/|$)/.test(request)) {
          chain = [request];
          for (let p = parent; p; p = p.parent) chain.push(require('path').relative(process.cwd(), p.filename));
        }
        return load.apply(this, arguments);
      };
      require('./lib/report/cli').main(['report', ${JSON.stringify(rawFile)}, '--format', 'json'], { stdout: () => {}, stderr: () => {} }).then((code) => {
        process.stdout.write(JSON.stringify({ code, importChain: chain && chain.join(' <- ') }));
      });`;
    const probe = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(probe.stderr).toBe('');
    expect(JSON.parse(probe.stdout)).toEqual({ code: 1, importChain: null });
  });

  test('runs as a process: report on stdout, exit code from the policy', () => {
    const bin = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'aks-checklist.js'), 'report', emptyFile, '--format', 'junit', '--allow-no-cluster'], { encoding: 'utf8' });
    expect(bin.status).toBe(0);
    expect(assertWellFormed(bin.stdout)).toBe('testsuites');
    const usage = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'aks-checklist.js'), 'report'], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("'report' needs a <path>");
  });
});
