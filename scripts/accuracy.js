'use strict';
// `npm run accuracy`: the report on real-world Terraform, each folder of ../shared/real-plans read
// twice: as its plan (`plan.json`, exact values) and as its HCL (the folder's .tf and .tf.json files).
// Prints per folder and in total: the plan's verdicts, HCL verdicts that contradict the plan, HCL
// not-applicable where the plan judged the item, HCL unknowns, and the share of the plan's definite
// verdicts that HCL reaches too (target: at least 80 %). HCL verdicts must equal the plan's or be
// unknown. Exits 1 on a contradiction, a not-applicable where the plan has a cluster, an HCL verdict
// where the plan has none, or a share below the target; skips (exit 0) when the folder is absent.
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
/** The share of the plan's definite verdicts HCL must reach too. */
const TARGET_SHARE = 0.8;
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
    const row = { folder, compliant: 0, nonCompliant: 0, planUnknown: 0, contradictions: 0, notApplicable: 0, hclUnknown: 0, bothDefinite: 0, planDefinite: 0, agree: 0, hclOnly: 0, clusters: plan.coverage.clusters.length };
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
      if (DEFINITE.has(p.status)) row.planDefinite++;
      if (DEFINITE.has(p.status) && DEFINITE.has(h.status) && verdict(h.status) === verdict(p.status)) row.agree++;
      if (p.status === 'unknown' && DEFINITE.has(h.status)) {
        row.hclOnly++;
        details.push(`${folder}: ${p.id}: plan unknown, HCL ${h.status}\n    plan: ${p.message}\n    HCL:  ${h.message}`);
      }
    }
    rows.push(row);
  }
  const total = rows.reduce(
    (t, r) => {
      for (const k of Object.keys(t)) if (typeof r[k] === 'number') t[k] += r[k];
      return t;
    },
    { compliant: 0, nonCompliant: 0, planUnknown: 0, contradictions: 0, notApplicable: 0, hclUnknown: 0, bothDefinite: 0, planDefinite: 0, agree: 0, hclOnly: 0, clusters: 0 },
  );
  const share = (r) => (r.planDefinite === 0 ? 1 : r.agree / r.planDefinite);
  const header = ['folder', 'plan compliant', 'plan non-compliant', 'plan unknown', 'HCL contradicts plan', 'HCL n/a, plan judged', 'HCL decides, plan unknown', 'HCL unknown', 'HCL decides as plan', 'share of plan-definite'];
  const line = (name, r) => [name, r.compliant, r.nonCompliant, r.planUnknown, r.contradictions, r.notApplicable, r.hclOnly, r.hclUnknown, r.agree, `${(100 * share(r)).toFixed(1)} %`];
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
  const agrees = total.contradictions === 0 && total.notApplicable === 0 && total.hclOnly === 0;
  const enough = share(total) >= TARGET_SHARE;
  const ok = agrees && enough;
  console.log(
    `\n${agrees ? 'OK: every HCL verdict equals the plan\'s or is unknown, and HCL never says not-applicable where the plan judged an item.' : 'FAILED: HCL verdicts that are not the plan\'s (see the findings above).'}` +
      `\n${enough ? 'OK' : 'FAILED'}: HCL decides ${total.agree} of the plan's ${total.planDefinite} definite verdicts (${(100 * share(total)).toFixed(1)} %, target ${100 * TARGET_SHARE} %).`,
  );
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
