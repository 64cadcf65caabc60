#!/usr/bin/env node
'use strict';
// `npm run test:consumer`: the library as its users get it, in fresh projects in a temp folder.
//
// 1. Packs the library (`npm pack`: prepare builds dist/).
// 2. At the lowest and at the highest version of each peer range (cdktf, constructs,
//    @cdktf/provider-azurerm; the highest asked of the npm registry), installs the tarball into a fresh
//    consumer project, type-checks (tsc) and synthesizes (tsx) the README's consumer project as
//    written and a construct-by-construct stack (the minimal example's stack), checks that one copy
//    of each peer is installed, and runs the report command (which needs no devDependency).
// 3. Installs the library from git (`git+file://` of this repository's committed HEAD) and checks
//    that dist/ was built and the package loads and synthesizes.
// 4. Copies each example alone and runs the commands of its README's "On its own" section.
//
// Everything (npm cache, tsx cache, projects) lives in one temp folder, removed at the end
// (`--keep` keeps it). `--only <step>` runs one of: matrix, git, examples.
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const repo = path.join(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
const args = process.argv.slice(2);
const keep = args.includes('--keep');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aks-consumer-'));
fs.mkdirSync(path.join(tmp, 'tmp'));
// The children's npm and tsx caches stay in the temp folder; the parent npm's settings do not leak in.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
Object.assign(env, {
  npm_config_cache: path.join(tmp, 'npm-cache'),
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
  TMPDIR: path.join(tmp, 'tmp'),
  CHECKPOINT_DISABLE: '1',
});
delete env.CDKTF_OUTDIR;
delete env.AKS_EXAMPLE;

const started = Date.now();
const log = (line) => process.stdout.write(`[consumer ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);

/** Runs a command (a shell line, or a file and arguments) in `cwd`; throws with its output on failure. */
function run(cwd, command, commandArgs, extraEnv = {}) {
  const shown = commandArgs ? [command, ...commandArgs].join(' ') : command;
  const r = commandArgs
    ? spawnSync(command, commandArgs, { cwd, env: { ...env, ...extraEnv }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    : spawnSync('bash', ['-euo', 'pipefail', '-c', command], { cwd, env: { ...env, ...extraEnv }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) {
    throw new Error(`\`${shown}\` in ${cwd} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  }
  return r.stdout;
}

function check(ok, message) {
  if (!ok) {
    throw new Error(message);
  }
}

/** The fenced blocks of a Markdown section (from its heading to the next heading of its level). */
function blocks(markdown, heading, lang) {
  const start = markdown.indexOf(`${heading}\n`);
  check(start >= 0, `no section '${heading}'`);
  const level = heading.match(/^#+/)[0];
  const rest = markdown.slice(start + heading.length);
  const end = rest.search(new RegExp(`\\n${level} `));
  const section = end < 0 ? rest : rest.slice(0, end);
  return [...section.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);
}

// ---- versions -------------------------------------------------------------------------------------
const parse = (v) => v.split(/[.-]/).slice(0, 3).map(Number);
const newer = (a, b) => {
  const [x, y] = [parse(a), parse(b)];
  for (let i = 0; i < 3; i++) {
    if (x[i] !== y[i]) {
      return x[i] > y[i];
    }
  }
  return false;
};
function peerEnds() {
  const low = {};
  const high = {};
  for (const [peer, range] of Object.entries(pkg.peerDependencies)) {
    const m = /^\^(\d+\.\d+\.\d+)$/.exec(range);
    check(m, `peer range ${peer}@${range}: this test knows caret ranges (^x.y.z) only`);
    low[peer] = m[1];
    const listed = JSON.parse(run(tmp, 'npm', ['view', `${peer}@${range}`, 'version', '--json']));
    high[peer] = [].concat(listed).filter((v) => !v.includes('-')).reduce((a, b) => (newer(b, a) ? b : a));
  }
  return { low, high };
}

// ---- the consumer project ------------------------------------------------------------------------
const readme = fs.readFileSync(path.join(repo, 'README.md'), 'utf8');
const CONSUMER = '## Use it in your own cdktf project';
const TS_NODE = '^10.9.2';
const devTools = JSON.parse(fs.readFileSync(path.join(repo, 'examples', 'minimal', 'package.json'), 'utf8')).devDependencies;

function consumerProject(name, library, peers, extraDevTools = {}) {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir);
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: `consumer-${name}`, version: '0.0.0', private: true, dependencies: { 'aks-checklist-cdktf': library, ...peers }, devDependencies: { ...devTools, ...extraDevTools } }, null, 2),
  );
  const [tsconfig] = blocks(readme, CONSUMER, 'json');
  const [main] = blocks(readme, CONSUMER, 'ts');
  check(tsconfig && main, `README '${CONSUMER}' has no tsconfig.json or main.ts block`);
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), tsconfig);
  fs.writeFileSync(path.join(dir, 'main.ts'), main);
  // The construct-by-construct stack: the minimal example's stack, as a user would copy it.
  fs.copyFileSync(path.join(repo, 'examples', 'minimal', 'stack.ts'), path.join(dir, 'stack.ts'));
  fs.writeFileSync(path.join(dir, 'constructs.ts'), "import { App } from 'cdktf';\nimport { buildMinimal } from './stack';\n\nconst app = new App();\nbuildMinimal(app);\napp.synth();\n");
  run(dir, 'npm', ['install']);
  return dir;
}

function synthesizeConsumer(dir, peers) {
  const installed = (p) => JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', p, 'package.json'), 'utf8')).version;
  for (const [peer, version] of Object.entries(peers)) {
    check(installed(peer) === version, `${peer} ${installed(peer)} installed, ${version} asked`);
    const copies = run(dir, 'find', ['node_modules', '-path', `*/node_modules/${peer}/package.json`, '-not', '-path', 'node_modules/.cache/*']).trim().split('\n');
    check(copies.length === 1, `${peer}: ${copies.length} copies installed (${copies.join(', ')}); a construct library must share its user's`);
  }
  check(!fs.existsSync(path.join(dir, 'node_modules', '@swc', 'core')), '@swc/core was installed: a devDependency leaked');
  run(dir, 'npx', ['tsc', '-p', '.']);
  run(dir, 'npx', ['tsx', 'main.ts']);
  run(dir, 'npx', ['tsx', 'constructs.ts']);
  for (const stack of ['platform-prod-weu', 'minimal']) {
    const file = path.join(dir, 'cdktf.out', 'stacks', stack, 'cdk.tf.json');
    check(fs.existsSync(file), `${file} was not written`);
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    check(Object.keys(json.resource.azurerm_kubernetes_cluster || {}).length === 1, `${stack}: no azurerm_kubernetes_cluster synthesized`);
    for (const picture of ['ip-plan.md', 'topology.md']) {
      check(fs.existsSync(path.join(path.dirname(file), picture)), `${stack}: no ${picture} written at synth`);
    }
  }
  run(dir, 'npx', ['aks-checklist', 'report', 'cdktf.out', '--format', 'json', '--output', 'report.json']);
  check(JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')), 'the report wrote no JSON');
}

try {
  log(`temp folder ${tmp}`);
  const packed = run(repo, 'npm', ['pack', '--pack-destination', tmp, '--silent']).trim().split('\n').pop();
  const tarball = path.join(tmp, packed);
  check(fs.existsSync(tarball), `npm pack wrote no ${tarball}`);
  log(`packed ${packed}`);

  if (!only || only === 'matrix') {
    const ends = peerEnds();
    for (const [end, peers] of Object.entries(ends)) {
      const list = Object.entries(peers).map(([p, v]) => `${p}@${v}`).join(' ');
      log(`${end} end of the peer ranges: ${list}`);
      synthesizeConsumer(consumerProject(`consumer-${end}`, `file:${tarball}`, peers), peers);
      log(`${end}: installed, type-checked, synthesized the README project and the construct-by-construct stack, reported`);
    }
  }

  if (!only || only === 'git') {
    const head = run(repo, 'git', ['rev-parse', 'HEAD']).trim();
    const dirty = run(repo, 'git', ['status', '--porcelain', '--untracked-files=no']).trim();
    log(`git+file install of ${head.slice(0, 12)}${dirty ? ' (uncommitted changes are not part of it)' : ''}`);
    const peers = Object.fromEntries(Object.keys(pkg.peerDependencies).map((p) => [p, pkg.devDependencies[p]]));
    const dir = consumerProject('consumer-git', `git+file://${path.resolve(repo)}#${head}`, peers, { 'ts-node': TS_NODE });
    check(fs.existsSync(path.join(dir, 'node_modules', 'aks-checklist-cdktf', 'dist', 'index.js')), 'the git install has no dist/index.js (prepare did not build)');
    synthesizeConsumer(dir, peers);
    // The README's other runner: ts-node (type-checks as it runs).
    run(dir, 'npx', ['ts-node', 'main.ts'], { CDKTF_OUTDIR: path.join(dir, 'out-ts-node') });
    check(fs.existsSync(path.join(dir, 'out-ts-node', 'stacks', 'platform-prod-weu', 'cdk.tf.json')), 'ts-node main.ts wrote no stack');
    log('git: dist/ built on install; type-checked, synthesized (tsx and ts-node), reported');
  }

  if (!only || only === 'examples') {
    const examples = fs.readdirSync(path.join(repo, 'examples')).filter((e) => fs.existsSync(path.join(repo, 'examples', e, 'main.ts')));
    for (const example of examples) {
      const dir = path.join(tmp, example);
      fs.cpSync(path.join(repo, 'examples', example), dir, { recursive: true, filter: (src) => !/[\\/](node_modules|cdktf\.out)$/.test(src) });
      const markdown = fs.readFileSync(path.join(dir, 'README.md'), 'utf8');
      const commands = blocks(markdown, '## On its own', 'sh')
        .flatMap((b) => b.split('\n'))
        .map((l) => l.replace(/\s+#.*$/, '').trim());
      const from = commands.indexOf(`cd ../${example}`);
      check(from >= 0, `examples/${example}/README.md: no 'cd ../${example}' in '## On its own'`);
      const steps = commands.slice(from + 1).filter((l) => l && !l.startsWith('#'));
      check(steps.some((s) => s.startsWith('npm run synth')), `examples/${example}/README.md: no 'npm run synth' after 'cd ../${example}'`);
      for (const step of steps) {
        run(dir, step);
      }
      const stacks = fs.readdirSync(path.join(dir, 'cdktf.out', 'stacks'));
      check(stacks.length > 0 && stacks.every((s) => fs.existsSync(path.join(dir, 'cdktf.out', 'stacks', s, 'cdk.tf.json'))), `${example}: no stack synthesized`);
      log(`example ${example} alone: ${steps.join(' && ')} -> ${stacks.join(', ')}`);
    }
  }
  log('passed');
} catch (error) {
  process.stderr.write(`\nconsumer test failed: ${error.message}\n`);
  process.exitCode = 1;
} finally {
  if (keep) {
    log(`kept ${tmp}`);
  } else {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
