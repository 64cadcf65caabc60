/**
 * What the library adds to every stack it is used in: checklist enforcement by default (with an
 * explicit opt-out), and the pictures written at synth (ip-plan.md, topology.md); and the synth
 * entry point of the repository (scripts/synth.js).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { App, TerraformStack, Testing } from 'cdktf';
import { buildMinimal } from '../../examples/minimal/stack';
import { buildWhitespace } from '../../examples/whitespace/stack';
import { Checklist } from '../../lib/checklist/checklist';
import { SecureAksCluster } from '../../lib/cluster/secure-aks-cluster';
import { TerraformDocument } from '../../lib/core/terraform-document';
import { IP_PLAN_FILE, TOPOLOGY_FILE } from '../../lib/synth/artefacts';
import { topologyMermaid } from '../../lib/synth/topology';
import { baseProps } from '../cluster/fixtures';
// scripts/ is plain JavaScript (no types to import)
const { afterSynth } = require('../../scripts/synth-output') as { afterSynth: (outdir: string, options?: { underCli?: boolean; stdout?: NodeJS.WritableStream; stderr?: NodeJS.WritableStream }) => boolean };
import { docOf } from '../support/synth';

const repo = path.join(__dirname, '..', '..');

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'aks-synth-test-'));
}

/** A fresh stack with a lone SecureAksCluster: compliant on its own items, but with no tenant baseline. */
function loneCluster(before?: (stack: TerraformStack) => void): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'lone');
  before?.(stack);
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  new SecureAksCluster(stack, 'aks', baseProps());
  return stack;
}

describe('checklist enforcement by default', () => {
  test('a construct used on its own enforces the checklist on its stack', () => {
    expect(() => docOf(loneCluster())).toThrow(/AKS checklist cluster-setup\/logical-isolation .* is non-compliant/);
  });

  test("the stack's own choice made before the first construct stays: warning", () => {
    const stack = loneCluster((s) => Checklist.of(s).enforce({ mode: 'warning' }));
    docOf(stack);
    expect(stack.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => m.data)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^AKS checklist cluster-setup\/logical-isolation/)]),
    );
  });

  test('app.synth() prints the stack\'s warnings on stderr, except under the cdktf CLI (which prints them)', () => {
    const outdir = tempDir();
    const printed = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const synthTo = () => {
        const app = new App({ outdir });
        const stack = new TerraformStack(app, 'lone');
        Checklist.of(stack).enforce({ mode: 'warning' });
        new AzurermProvider(stack, 'azurerm', { features: [{}] });
        new SecureAksCluster(stack, 'aks', baseProps());
        app.synth();
        return printed.mock.calls.map((c) => String(c[0])).filter((l) => l.startsWith('warning '));
      };
      expect(synthTo()).toEqual(expect.arrayContaining([expect.stringMatching(/^warning \[lone\] AKS checklist cluster-setup\/logical-isolation .* is non-compliant/)]));
      printed.mockClear();
      process.env.CDKTF_CONTEXT_JSON = '{}';
      expect(synthTo()).toEqual([]);
    } finally {
      delete process.env.CDKTF_CONTEXT_JSON;
      printed.mockRestore();
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  test("opting out is mode 'off' with a reason, recorded as an info annotation", () => {
    const stack = loneCluster((s) => Checklist.of(s).enforce({ mode: 'off', reason: 'tenant namespaces are managed by another team' }));
    expect(() => docOf(stack)).not.toThrow();
    expect(stack.node.metadata.filter((m) => m.type === '@cdktf/info').map((m) => m.data)).toEqual(['AKS checklist enforcement is off for this stack: tenant namespaces are managed by another team']);
  });

  test("mode 'off' without a reason is refused", () => {
    const stack = new TerraformStack(Testing.app(), 's');
    expect(() => Checklist.of(stack).enforce({ mode: 'off' })).toThrow(/Checklist 's': prop 'enforce\.reason' = undefined is missing or too short: loosening a secure default \(enforce mode 'off'.*Fix: give a reason of at least 10 characters/);
    expect(() => Checklist.of(stack).enforce({ mode: 'off', reason: 'because' })).toThrow(/prop 'enforce\.reason' = 'because' is not a reason a reviewer can judge/);
  });
});

describe('pictures at synth', () => {
  let outdir: string;
  beforeAll(() => {
    outdir = tempDir();
    const app = new App({ outdir });
    buildMinimal(app);
    app.synth();
  });
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));
  const read = (file: string): string => fs.readFileSync(path.join(outdir, 'stacks', 'minimal', file), 'utf8');

  test('ip-plan.md holds the IpPlanner table of each spoke network', () => {
    const plan = read(IP_PLAN_FILE);
    expect(plan).toMatch(/^# IP plan of stack `minimal`\n\n## Spoke network `minimal\/spoke\/spoke` \(10\.20\.0\.0\/22\)\n/);
    expect(plan).toContain('| Subnet | CIDR | Capacity | Required | Headroom |');
    expect(plan).toMatch(/\| snet-system \| 10\.20\.0\.\d+\/\d+ \|/);
  });

  test('topology.md is a Mermaid flowchart drawn from the synthesized stack', () => {
    const topology = read(TOPOLOGY_FILE);
    expect(topology).toMatch(/```mermaid\nflowchart LR\n[\s\S]*\n```\n$/);
    // the spoke and its subnets; the hub is outside this stack: its next hop and VNet are drawn from the inputs
    expect(topology).toMatch(/subgraph n\d+\["VNet vnet-contoso-prod-weu-spoke<br\/>10\.20\.0\.0\/22"\]/);
    expect(topology).toMatch(/n\d+\(\("VirtualAppliance 10\.0\.0\.4<br\/>outside this stack"\)\)/);
    expect(topology).toMatch(/n\d+\["VNet vnet-hub-weu<br\/>outside this stack"\]/);
    expect(topology).toMatch(/\(\["AKS aks-contoso-prod-weu-main<br\/>private API server"\]\)/);
  });

  test('the stack folders the report reads hold the pictures', () => {
    expect(fs.readdirSync(path.join(outdir, 'stacks', 'minimal')).sort()).toEqual(['cdk.tf.json', IP_PLAN_FILE, TOPOLOGY_FILE].sort());
  });
});

describe('topologyMermaid', () => {
  const doc = docOf(buildWhitespace(Testing.app()));
  const chart = topologyMermaid(doc) as string;
  const node = (pattern: RegExp): string => {
    const m = new RegExp(String.raw`(n\d+)` + pattern.source).exec(chart);
    if (!m) {
      throw new Error(`no node ${pattern} in\n${chart}`);
    }
    return m[1];
  };

  test('puts the firewall in its hub subnet and routes the node subnets to it through the route table', () => {
    const firewall = node(/\{\{"Azure Firewall afw-contoso-prod-weu-hub-fw<br\/>Premium"\}\}/);
    expect(chart).toMatch(new RegExp(String.raw`subgraph n\d+\["AzureFirewallSubnet<br/>10\.0\.0\.0/26"\]\n\s+${firewall}\{\{`));
    const table = node(/\[\/"route table [^"]+"\\\]/);
    const system = node(/\["snet-system<br\/>[^"]+"\]/);
    const user = node(/\["snet-user<br\/>[^"]+"\]/);
    expect(chart).toContain(`${table} -->|"0.0.0.0/0"| ${firewall}`);
    expect(chart).toContain(`${system} -.-> ${table}`);
    expect(chart).toContain(`${user} -.-> ${table}`);
  });

  test('draws the private endpoints in their subnet, linked to the registry and the vault', () => {
    const registry = node(/\[\("Container registry acrcontosoprod[0-9a-f]+"\)\]/);
    const vault = node(/\[\("Key Vault kv-contoso-prod-[0-9a-f]+"\)\]/);
    expect(chart).toMatch(new RegExp(String.raw`n\d+ -\. private link \.-> ${registry}`));
    expect(chart).toMatch(new RegExp(String.raw`n\d+ -\. private link \.-> ${vault}`));
  });

  test('draws the cluster with its pools in their subnets and the API server subnet, and one peering per pair', () => {
    const cluster = node(/\(\["AKS aks-contoso-prod-weu-main<br\/>private API server"\]\)/);
    const apps = node(/\["pool appsz1<br\/>zone 1"\]/);
    expect(chart).toContain(`${cluster} --- ${apps}`);
    expect(chart).toMatch(/\["API server \(VNet integration\)"\]/);
    expect(chart.match(/<-->\|peering\|/g)).toHaveLength(1);
  });

  test('a stack without network or cluster has no topology', () => {
    expect(topologyMermaid(new TerraformDocument({ resource: { azurerm_resource_group: { rg: { name: 'rg', location: 'westeurope' } } } }, 'rg'))).toBeUndefined();
  });
});

describe('npm run synth (scripts/synth.js, scripts/synth-output.js)', () => {
  const synth = (args: string[], outdir: string) =>
    spawnSync(process.execPath, [path.join(repo, 'scripts', 'synth.js'), ...args], { cwd: repo, env: { ...process.env, CDKTF_OUTDIR: outdir, AKS_EXAMPLE: '' }, encoding: 'utf8' });

  test('an unknown example fails with the known ones', () => {
    const outdir = tempDir();
    const r = synth(['nope'], outdir);
    fs.rmSync(outdir, { recursive: true, force: true });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/synth: no example 'nope' \(argument\)\. Fix: use one of minimal, multi-region, whitespace, windows/);
  });

  test('loads only what the stack uses: no archiver before an archive asset, no unused provider binding, nor yaml (the manifest loader of the report); an archive asset still zips', () => {
    const outdir = tempDir();
    const src = path.join(outdir, 'src');
    fs.mkdirSync(src);
    fs.writeFileSync(path.join(src, 'a.txt'), 'a');
    // the synth entry point's set-up, then the minimal example and an ARCHIVE asset in one app
    const script = `
      require(${JSON.stringify(path.join(repo, 'scripts', 'synth-runtime.js'))});
      const loaded = (part) => Object.keys(require.cache).some((f) => f.includes(part));
      const { App, TerraformAsset, AssetType, TerraformStack } = require('cdktf');
      const { buildMinimal } = require(${JSON.stringify(path.join(repo, 'examples', 'minimal', 'stack.ts'))});
      const app = new App({ outdir: ${JSON.stringify(outdir)} });
      buildMinimal(app);
      const before = { archiver: loaded('/archiver/lib/'), trafficManager: loaded('/lib/traffic-manager-profile/'), yaml: loaded(${JSON.stringify(path.join(repo, 'node_modules', 'yaml') + path.sep)}) };
      new TerraformAsset(new TerraformStack(app, 'assets'), 'zip', { path: ${JSON.stringify(src)}, type: AssetType.ARCHIVE });
      app.synth();
      process.stdout.write(JSON.stringify(before));
    `;
    try {
      const r = spawnSync(process.execPath, ['-e', script], { cwd: repo, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout)).toEqual({ archiver: false, trafficManager: false, yaml: false });
      const zip = fs.readdirSync(path.join(outdir, 'stacks', 'assets', 'assets', 'zip'));
      expect(zip).toHaveLength(1);
      const bytes = fs.readFileSync(path.join(outdir, 'stacks', 'assets', 'assets', 'zip', zip[0], 'archive.zip'));
      expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
      expect(bytes.includes(Buffer.from('a.txt'))).toBe(true);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  test('the transpiled TypeScript keeps its source map: with --enable-source-maps a stack trace names the .ts line', () => {
    const source = path.join(repo, 'lib', 'cluster', 'secure-aks-cluster.ts');
    const script = `
      require(${JSON.stringify(path.join(repo, 'scripts', 'register.js'))});
      const { App, TerraformStack } = require('cdktf');
      const { SecureAksCluster } = require(${JSON.stringify(source)});
      try { new SecureAksCluster(new TerraformStack(new App(), 's'), 'aks', {}); } catch (e) { process.stdout.write(e.stack); }
    `;
    // twice: the first run may transpile, the second reads the cache
    for (let run = 0; run < 2; run++) {
      const r = spawnSync(process.execPath, ['--enable-source-maps', '-e', script], { cwd: repo, encoding: 'utf8' });
      const frame = /new SecureAksCluster \(.*secure-aks-cluster\.ts:(\d+):\d+\)/.exec(r.stdout);
      expect(frame).not.toBeNull();
      expect(fs.readFileSync(source, 'utf8').split('\n')[Number(frame![1]) - 1]).toMatch(/atScope\(this/);
    }
  });

  test("V8's compile cache: a module's second load uses it; a changed text (same size and mtime) compiles afresh", () => {
    const dir = tempDir();
    const file = path.join(dir, 'probe.js');
    // what compile-cache.js hands V8 for the probe: no cached data, accepted data, or rejected data
    const script = `
      const vm = require('vm');
      const seen = [];
      vm.Script = class extends vm.Script {
        constructor(source, options) {
          super(source, options);
          if (options && options.filename === ${JSON.stringify(file)}) seen.push(options.cachedData === undefined ? 'compiled' : this.cachedDataRejected ? 'rejected' : 'from cache');
        }
      };
      require(${JSON.stringify(path.join(repo, 'scripts', 'register.js'))});
      const value = require(${JSON.stringify(file)}).answer();
      process.stdout.write(JSON.stringify({ seen, value }));
    `;
    const run = (text: string) => {
      fs.writeFileSync(file, text);
      fs.utimesSync(file, 1e9, 1e9);
      const r = spawnSync(process.execPath, ['-e', script], { cwd: repo, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      return JSON.parse(r.stdout) as { seen: string[]; value: number };
    };
    try {
      const first = `module.exports = { answer: () => 40 + 2, stamp: '${path.basename(dir)}' };`;
      expect(run(first)).toEqual({ seen: ['compiled'], value: 42 });
      expect(run(first)).toEqual({ seen: ['from cache'], value: 42 });
      expect(run(first.replace('40 + 2', '40 + 3'))).toEqual({ seen: ['compiled'], value: 43 });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("prints what was written; removes another example's stale stacks and manifests, keeps a stale stack that holds Terraform state", () => {
    const outdir = tempDir();
    try {
      const write = (file: string, content: unknown) => {
        fs.mkdirSync(path.dirname(path.join(outdir, file)), { recursive: true });
        fs.writeFileSync(path.join(outdir, file), typeof content === 'string' ? content : JSON.stringify(content));
      };
      write('stacks/other/cdk.tf.json', '{}');
      write('stacks/deployed/cdk.tf.json', '{}');
      write('stacks/deployed/terraform.deployed.tfstate', '{}');
      write('manifests/aks-old/kustomization.yaml', '');
      write('manifests/aks-new/kustomization.yaml', '');
      write('stacks/new/cdk.tf.json', { resource: { azurerm_resource_group: { rg: {} } }, '//': { metadata: { aksManifests: [{ path: 'manifests/aks-new' }] } } });
      write('manifest.json', { stacks: { new: { name: 'new', annotations: [], synthesizedStackPath: 'stacks/new/cdk.tf.json', workingDirectory: 'stacks/new' } } });
      const out: string[] = [];
      const err: string[] = [];
      const sink = (lines: string[]) => ({ write: (text: string) => lines.push(text) }) as unknown as NodeJS.WritableStream;
      expect(afterSynth(outdir, { stdout: sink(out), stderr: sink(err) })).toBe(true);
      expect(out.join('')).toMatch(/^synthesized new: 1 resources in .*stacks\/new\/cdk\.tf\.json, manifests in .*manifests\/aks-new\/\n$/);
      expect(err).toHaveLength(1);
      expect(err[0]).toMatch(/stacks\/deployed is from an earlier synthesis and holds Terraform state: kept/);
      expect(fs.readdirSync(path.join(outdir, 'stacks')).sort()).toEqual(['deployed', 'new']);
      expect(fs.readdirSync(path.join(outdir, 'manifests'))).toEqual(['aks-new']);
      // under the cdktf CLI: the summary only (the CLI replaces the stacks folder)
      write('stacks/other/cdk.tf.json', '{}');
      err.length = 0;
      afterSynth(outdir, { underCli: true, stdout: sink(out), stderr: sink(err) });
      expect(err).toEqual([]);
      expect(fs.existsSync(path.join(outdir, 'stacks', 'other'))).toBe(true);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
