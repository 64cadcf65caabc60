'use strict';
// `npm run accuracy`: the report on real-world Terraform, each folder of ../shared/real-plans read
// twice: as its plan (`plan.json`, exact values) and as its HCL (the folder's .tf and .tf.json files).
// Prints per folder and in total: the plan's verdicts, HCL verdicts that contradict the plan, HCL
// not-applicable where the plan judged the item, and HCL unknowns. Exits 1 on a contradiction or a
// not-applicable where the plan has a cluster; skips (exit 0) when the folder is absent.
//
// Usage: node scripts/accuracy.js [--verbose] [<real-plans dir>]   (or AKS_REAL_PLANS=<dir>)
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.join(__dirname, '..');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const explicit = args.find((a) => !a.startsWith('--')) || process.env.AKS_REAL_PLANS;

/** ../shared/real-plans next to the repository; for a git worktree, also next to the main checkout. */
function plansDir() {
  if (explicit) {
    return path.resolve(explicit);
  }
  const candidates = [path.join(ROOT, '..', 'shared', 'real-plans')];
  const common = spawnSync('git', ['rev-parse', '--path-format=absolute', '--git-common-dir'], { cwd: ROOT, encoding: 'utf8' });
  if (common.status === 0 && common.stdout.trim()) {
    candidates.push(path.join(path.dirname(common.stdout.trim()), '..', 'shared', 'real-plans'));
  }
  return candidates.find((c) => fs.existsSync(c));
}

const DEFINITE = new Set(['compliant', 'policy-enforced', 'non-compliant']);
const verdict = (status) => (status === 'policy-enforced' ? 'compliant' : status);

async function main() {
  const dir = plansDir();
  if (!dir || !fs.existsSync(dir)) {
    console.log('accuracy: ../shared/real-plans is absent; nothing to measure (pass a directory or set AKS_REAL_PLANS).');
    return 0;
  }
  require('./register');
  const { loadStacks } = require('../lib/report/load');
  const { buildStackReport } = require('../lib/report/build');
  const folders = fs
    .readdirSync(dir)
    .filter((f) => fs.existsSync(path.join(dir, f, 'plan.json')))
    .sort();
  const rows = [];
  const details = [];
  for (const folder of folders) {
    const [planInput] = await loadStacks(path.join(dir, folder, 'plan.json'));
    const [hclInput] = await loadStacks(path.join(dir, folder));
    const plan = buildStackReport(planInput.doc);
    const hcl = buildStackReport(hclInput.doc);
    const hclById = new Map(hcl.items.map((i) => [i.id, i]));
    const row = { folder, compliant: 0, nonCompliant: 0, planUnknown: 0, contradictions: 0, notApplicable: 0, hclUnknown: 0, bothDefinite: 0, clusters: plan.coverage.clusters.length };
    for (const p of plan.items) {
      const h = hclById.get(p.id);
      if (verdict(p.status) === 'compliant') row.compliant++;
      if (p.status === 'non-compliant') row.nonCompliant++;
      if (p.status === 'unknown') row.planUnknown++;
      if (h.status === 'unknown') row.hclUnknown++;
      const contradicts = DEFINITE.has(h.status) && ((DEFINITE.has(p.status) && verdict(h.status) !== verdict(p.status)) || p.status === 'not-applicable');
      if (contradicts) {
        row.contradictions++;
        details.push(`${folder}: ${p.id}: plan ${p.status}, HCL ${h.status}\n    plan: ${p.message}\n    HCL:  ${h.message}`);
      }
      if (h.status === 'not-applicable' && row.clusters > 0 && p.status !== 'not-applicable' && p.status !== 'guidance' && p.status !== 'planned') {
        row.notApplicable++;
        details.push(`${folder}: ${p.id}: plan ${p.status}, HCL not-applicable\n    plan: ${p.message}\n    HCL:  ${h.message}`);
      }
      if (DEFINITE.has(p.status) && DEFINITE.has(h.status)) row.bothDefinite++;
    }
    rows.push(row);
  }
  const total = rows.reduce(
    (t, r) => {
      for (const k of Object.keys(t)) if (typeof r[k] === 'number') t[k] += r[k];
      return t;
    },
    { compliant: 0, nonCompliant: 0, planUnknown: 0, contradictions: 0, notApplicable: 0, hclUnknown: 0, bothDefinite: 0, clusters: 0 },
  );
  const header = ['folder', 'plan compliant', 'plan non-compliant', 'plan unknown', 'HCL contradicts plan', 'HCL n/a, plan judged', 'HCL unknown', 'HCL decides as plan'];
  const line = (name, r) => [name, r.compliant, r.nonCompliant, r.planUnknown, r.contradictions, r.notApplicable, r.hclUnknown, r.bothDefinite];
  const table = [header, ...rows.map((r) => line(r.folder, r)), line('total', total)];
  const widths = header.map((_, c) => Math.max(...table.map((t) => String(t[c]).length)));
  console.log(`accuracy: ${rows.length} folders of ${dir}, each as plan.json and as HCL\n`);
  table.forEach((t, n) => {
    console.log(t.map((v, c) => (c === 0 ? String(v).padEnd(widths[c]) : String(v).padStart(widths[c]))).join('  '));
    if (n === 0 || n === table.length - 2) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  });
  if (details.length > 0) {
    console.log(`\n${verbose ? details.join('\n') : `${details.length} finding(s); --verbose lists them`}`);
  }
  const ok = total.contradictions === 0 && total.notApplicable === 0;
  console.log(`\n${ok ? 'OK: HCL never contradicts the plan and never says not-applicable where the plan judged an item.' : 'FAILED: see the findings above.'}`);
  return ok ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error);
    process.exitCode = 2;
  },
);
