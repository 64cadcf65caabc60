#!/usr/bin/env node
'use strict';
/**
 * `npm run bench`: cold synth of every example exactly as a user runs it (`npm run synth -- <example>`),
 * the floor (`node -e "require('cdktf')"`), a fleet of 1/10/50 whitespace stacks in one app, and the
 * full test suite, and the report on a generated 2,000-resource HCL configuration. Writes BENCHMARKS.md.
 * Options: --runs N (default 5), --skip-tests, --report-only (the report benchmark alone, printed, no file).
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.join(__dirname, '..');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 5;
const skipTests = args.includes('--skip-tests');
const reportOnly = args.includes('--report-only');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'aks-bench-'));
const probe = path.join(__dirname, 'rss-probe.js');

/** Runs a command once; returns wall seconds and the peak RSS (MB) of its node processes. */
function measure(command, argv, env = {}) {
  const rssFile = path.join(work, `rss-${Date.now()}-${Math.random().toString(36).slice(2)}.jsonl`);
  const start = process.hrtime.bigint();
  const result = spawnSync(command, argv, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env, BENCH_RSS_FILE: rssFile, NODE_OPTIONS: `--require ${probe}` },
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) {
    throw new Error(`${command} ${argv.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  const procs = fs.existsSync(rssFile)
    ? fs.readFileSync(rssFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l))
    : [];
  const peakMb = Math.max(0, ...procs.map((p) => p.maxRssKb / 1024));
  const cpuSeconds = procs.reduce((sum, p) => sum + (p.cpuMs ?? 0), 0) / 1000;
  return { seconds, peakMb, cpuSeconds };
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

function repeat(label, command, argv, env) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    samples.push(measure(command, argv, env));
  }
  const time = stats(samples.map((s) => s.seconds));
  const rss = stats(samples.map((s) => s.peakMb));
  const cpu = stats(samples.map((s) => s.cpuSeconds));
  process.stderr.write(`${label}: ${time.median.toFixed(3)} s, ${cpu.median.toFixed(3)} s CPU, ${rss.median.toFixed(0)} MB\n`);
  return { label, time, rss, cpu };
}

/**
 * The report on a generated HCL configuration of 2,000 resources (bench/hcl-config.js), as a user
 * runs it: `aks-checklist report <folder> --format json --output <file>`. A warm-up run fills the
 * transpile cache first.
 */
function reportBench() {
  const dir = path.join(work, 'hcl-2000');
  const resources = require('./hcl-config').writeHclConfiguration(dir, 2000);
  const argv = [path.join(root, 'bin', 'aks-checklist.js'), 'report', dir, '--format', 'json', '--output', path.join(work, 'report.json'), '--fail-on', 'none'];
  measure('node', argv);
  return { resources, ...repeat(`aks-checklist report on ${resources} HCL resources`, 'node', argv) };
}

if (reportOnly) {
  const r = reportBench();
  process.stdout.write(`${r.label}: ${r.time.median.toFixed(3)} s wall (${r.time.min.toFixed(3)}–${r.time.max.toFixed(3)}), ${r.cpu.median.toFixed(3)} s CPU, ${r.rss.median.toFixed(0)} MB peak RSS; load average ${os.loadavg()[0].toFixed(1)}\n`);
  fs.rmSync(work, { recursive: true, force: true });
  process.exit(0);
}

const examples = fs
  .readdirSync(path.join(root, 'examples'), { withFileTypes: true })
  .filter((e) => e.isDirectory() && fs.existsSync(path.join(root, 'examples', e.name, 'main.ts')))
  .map((e) => e.name);

// Warm the transpile cache once, as a user's second synth would find it.
measure('npm', ['run', 'synth', '--silent', '--', examples[0]], { CDKTF_OUTDIR: path.join(work, 'warm-up') });

const floor = repeat('floor: node -e "require(\'cdktf\')"', 'node', ['-e', "require('cdktf')"]);
const synths = examples.map((name) =>
  repeat(`npm run synth -- ${name}`, 'npm', ['run', 'synth', '--silent', '--', name], { CDKTF_OUTDIR: path.join(work, `out-${name}`) }),
);
const plain = repeat('node scripts/synth.js whitespace (no npm)', 'node', ['scripts/synth.js', 'whitespace'], { CDKTF_OUTDIR: path.join(work, 'out-plain') });
// The very first synth after `npm ci` also transpiles the TypeScript (then cached in node_modules/.cache).
const transpileCache = path.join(root, 'node_modules', '.cache', 'aks-checklist-ts');
const firstSamples = [];
for (let i = 0; i < runs; i++) {
  fs.rmSync(transpileCache, { recursive: true, force: true });
  firstSamples.push(measure('npm', ['run', 'synth', '--silent', '--', 'whitespace'], { CDKTF_OUTDIR: path.join(work, 'out-first') }));
}
const first = { label: 'npm run synth -- whitespace, first run after install (empty transpile cache)', time: stats(firstSamples.map((x) => x.seconds)), rss: stats(firstSamples.map((x) => x.peakMb)) };
process.stderr.write(`${first.label}: ${first.time.median.toFixed(3)} s\n`);

const fleetScript = path.join(work, 'fleet.js');
fs.writeFileSync(fleetScript, `require(${JSON.stringify(path.join(root, 'scripts', 'synth-runtime.js'))});\nrequire(${JSON.stringify(path.join(root, 'bench', 'fleet.ts'))});\n`);
const fleet = [1, 10, 50].map((n) => {
  const r = repeat(`fleet of ${n}`, 'node', [fleetScript, String(n), path.join(work, `fleet-${n}`)]);
  return { n, ...r };
});
const perStack = (fleet[2].time.median - fleet[0].time.median) / 49;
const perStackMb = (fleet[2].rss.median - fleet[0].rss.median) / 49;

const report = reportBench();

let testSeconds;
let testColdSeconds;
if (!skipTests) {
  // Cold: no type-check build info and no jest transform cache, as on a fresh clone.
  fs.rmSync(path.join(root, 'node_modules', '.cache', 'tsc'), { recursive: true, force: true });
  const jestCache = spawnSync(path.join(root, 'node_modules', '.bin', 'jest'), ['--showConfig'], { cwd: root, encoding: 'utf8' });
  const cacheDirectory = /"cacheDirectory": "([^"]+)"/.exec(jestCache.stdout ?? '')?.[1];
  if (cacheDirectory) {
    fs.rmSync(cacheDirectory, { recursive: true, force: true });
  }
  testColdSeconds = measure('npm', ['test', '--silent']).seconds;
  testSeconds = measure('npm', ['test', '--silent']).seconds;
  process.stderr.write(`npm test: ${testColdSeconds.toFixed(1)} s cold, ${testSeconds.toFixed(1)} s warm\n`);
}

const fmt = (s) => `${s.median.toFixed(3)} (${s.min.toFixed(3)}–${s.max.toFixed(3)})`;
const fmtMb = (s) => `${s.median.toFixed(0)} (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;
const ws = synths.find((s) => s.label.endsWith(' whitespace')) ?? synths[0];
const verdict = (ok) => (ok ? 'met' : '**missed**');
// The floor the issue measured its targets against: require('cdktf') in 0.19-0.24 s.
const REFERENCE_FLOOR = 0.215;
const scale = floor.time.median / REFERENCE_FLOOR;
const timeRow = (label, measured, target) =>
  `| ${label} | ${measured.toFixed(2)} s | ${verdict(measured <= target)} | ${(target * scale).toFixed(2)} s | ${verdict(measured <= target * scale)} |`;
// Linear growth: the marginal memory per stack from 10 to 50 is no more than twice that from 1 to 10.
const perStackLow = (fleet[1].rss.median - fleet[0].rss.median) / 9;
const perStackHigh = (fleet[2].rss.median - fleet[1].rss.median) / 40;
const linear = perStackHigh <= Math.max(2 * perStackLow, 2);
const lines = [
  '# Benchmarks',
  '',
  `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${runs} runs each; median (min–max).`,
  'Peak RSS is the largest node process of the command (npm itself is one of them).',
  '',
  '## Cold synth of each example, as a user runs it',
  '',
  '| command | wall s | peak RSS MB | × floor |',
  '| --- | --- | --- | --- |',
  `| ${floor.label} | ${fmt(floor.time)} | ${fmtMb(floor.rss)} | 1.0 |`,
  ...[...synths, plain, first].map((s) => `| ${s.label} | ${fmt(s.time)} | ${fmtMb(s.rss)} | ${(s.time.median / floor.time.median).toFixed(1)} |`),
  '',
  '## Fleet: one app with N whitespace platform stacks',
  '',
  '| stacks | wall s | peak RSS MB |',
  '| --- | --- | --- |',
  ...fleet.map((f) => `| ${f.n} | ${fmt(f.time)} | ${fmtMb(f.rss)} |`),
  '',
  `Marginal cost per stack (50 vs 1): ${(perStack * 1000).toFixed(0)} ms and ${perStackMb.toFixed(1)} MB.`,
  '',
  '## Report on a large HCL configuration',
  '',
  `\`aks-checklist report\` on a generated folder of ${report.resources} HCL resources in 20 files (bench/hcl-config.js: a cluster, node pools, subnets, NSGs, role assignments, registries, vaults, diagnostic settings; variables and cross-file references), JSON output to a file.`,
  '',
  '| wall s | CPU s | peak RSS MB |',
  '| --- | --- | --- |',
  `| ${fmt(report.time)} | ${fmt(report.cpu)} | ${fmtMb(report.rss)} |`,
  '',
  '## Test suite',
  '',
  testSeconds === undefined
    ? 'Not run (--skip-tests).'
    : `\`npm test\` (type-check beside jest): ${testColdSeconds.toFixed(1)} s cold (fresh clone: no type-check build info, no transform cache), ${testSeconds.toFixed(1)} s warm.`,
  '',
  '## Against the targets',
  '',
  `The issue measured its targets on a machine where the floor took ${REFERENCE_FLOOR} s; this machine's floor is ${floor.time.median.toFixed(3)} s, so`,
  `absolute time targets are also shown scaled by ${scale.toFixed(2)} (ratios are what count, because machines differ).`,
  '',
  '| target | measured | verdict | scaled target | verdict (scaled) |',
  '| --- | --- | --- | --- | --- |',
  timeRow('whitespace synth ≤ 1.0 s end to end', ws.time.median, 1.0),
  `| whitespace synth ≤ 200 MB | ${ws.rss.median.toFixed(0)} MB | ${verdict(ws.rss.median <= 200)} | – | – |`,
  `| whitespace synth ≤ 4× floor | ${(ws.time.median / floor.time.median).toFixed(1)}× | ${verdict(ws.time.median / floor.time.median <= 4)} | – | – |`,
  timeRow('50 stacks ≤ 5 s', fleet[2].time.median, 5),
  timeRow(`report on ${report.resources} HCL resources ≤ 1 s`, report.time.median, 1),
  `| report on ${report.resources} HCL resources ≤ 200 MB | ${report.rss.median.toFixed(0)} MB | ${verdict(report.rss.median <= 200)} | – | – |`,
  `| 50 stacks: memory grows linearly | ${fleet.map((f) => `${f.n}: ${f.rss.median.toFixed(0)} MB`).join(', ')} | ${verdict(linear)} | – | – |`,
  testSeconds === undefined ? '' : timeRow('npm test ≤ 30 s (cold)', testColdSeconds, 30),
  testSeconds === undefined ? '' : timeRow('npm test ≤ 30 s (warm)', testSeconds, 30),
  '',
];
fs.writeFileSync(path.join(root, 'BENCHMARKS.md'), lines.filter((l, i, a) => !(l === '' && a[i - 1] === '')).join('\n'));
fs.rmSync(work, { recursive: true, force: true });
process.stdout.write(fs.readFileSync(path.join(root, 'BENCHMARKS.md'), 'utf8'));
