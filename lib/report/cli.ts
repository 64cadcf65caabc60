/**
 * The `aks-checklist` command line. It loads the rules and the report, never cdktf or the
 * provider bindings, so it starts fast on any Terraform JSON or HCL with azurerm resources.
 */
import * as fs from 'fs';
import * as path from 'path';
import { isItemId } from '../checklist/catalogue';
import { buildReport, Report, ReportInput } from './build';
import { DEFAULT_FAIL_ON, FailCondition, failures, parseFailOn } from './fail-on';
import { toJson } from './json';
import { toJunit } from './junit';
import { InputError, loadStacks } from './load';
import { toMarkdown } from './markdown';
import { toSarif } from './sarif';
import { Waiver, waiversFromFile } from './waivers';

/** The report formats. */
type ReportFormat = 'markdown' | 'json' | 'sarif' | 'junit';

const FORMATS: readonly ReportFormat[] = ['markdown', 'json', 'sarif', 'junit'];

/** Exit codes. */
const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** The usage text. */
export const USAGE = `Usage: aks-checklist report <path> [options]

Measures Terraform stacks against the 103 items of The AKS Checklist.

<path>                 a cdktf.out directory (every stack in manifest.json, else stacks/*/cdk.tf.json),
                       a plan in JSON (terraform show -json tfplan > plan.json: exact values, modules
                       included), a Terraform JSON file (cdk.tf.json, *.tf.json), an HCL .tf file, or a
                       folder: all its .tf and .tf.json files are one configuration
--format, -f <fmt>     markdown (default), json, sarif (SARIF 2.1.0) or junit (JUnit XML)
--output, -o <file>    write the report to a file instead of standard output
--fail-on <policy>     when to exit 1: 'none', or a comma-separated list of
                         enforced       an enforced item is non-compliant and not waived (default)
                         policy, option a non-compliant item with that delivery
                         non-compliant  any non-compliant item, whatever its delivery
                         waived         any waived item
                         unknown        any item the report cannot decide (unresolved values)
--allow-no-cluster     do not fail (exit 2) when no azurerm_kubernetes_cluster is found
--required-tags <keys> comma-separated tag keys every resource must carry (default: the stack's own,
                       else owner, environment, cost-center, data-classification)
--config <file>        a JSON or YAML file with 'requiredTags' (a list) and 'waivers' (a list of
                       { item, reason, address?, expires? }); default: .aks-checklist.yml, .yaml or
                       .json in the current directory, when present
--var-file <file>      HCL input: a file of variable values, after terraform.tfvars and *.auto.tfvars
                       (repeatable, later files win)
--var <name=value>     HCL input: a variable value, applied last (repeatable)
--base <dir>           directory SARIF URIs are relative to (default: the git repository root, else
                       the current directory)
--help, -h             show this text

Exit codes: 0 passed, 1 failed the --fail-on policy, 2 usage or input error, or no AKS cluster found.
`;

/** Where the command line writes (injectable for tests). */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const PROCESS_IO: CliIo = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };

interface Options {
  readonly target: string;
  readonly format: ReportFormat;
  readonly output?: string;
  readonly failOn: readonly FailCondition[];
  readonly allowNoCluster: boolean;
  readonly requiredTags?: readonly string[];
  readonly config?: string;
  readonly base?: string;
  readonly varFiles: readonly string[];
  readonly vars: Readonly<Record<string, string>>;
}

/** The configuration file: required tag keys and waivers for stacks that are not built with this library. */
export interface ReportConfig {
  readonly requiredTags?: readonly string[];
  readonly waivers: readonly Waiver[];
}

const CONFIG_FILES = ['.aks-checklist.yml', '.aks-checklist.yaml', '.aks-checklist.json'];

/**
 * Reads a configuration file (JSON, or YAML by extension).
 * @param today `YYYY-MM-DD`, to judge waiver expiry
 */
export function readConfig(file: string, today = new Date().toISOString().slice(0, 10)): ReportConfig {
  let raw: unknown;
  try {
    const text = fs.readFileSync(file, 'utf8');
    raw = /\.ya?ml$/.test(file) ? (require('yaml') as typeof import('yaml')).parse(text) : JSON.parse(text);
  } catch (e) {
    throw new InputError(`${file} cannot be read as ${/\.ya?ml$/.test(file) ? 'YAML' : 'JSON'}: ${(e as Error).message}`);
  }
  const config = (raw ?? {}) as { requiredTags?: unknown; waivers?: unknown };
  if (typeof config !== 'object' || Array.isArray(config)) {
    throw new InputError(`${file}: expected an object with 'requiredTags' and 'waivers'`);
  }
  const unknownKeys = Object.keys(config).filter((k) => k !== 'requiredTags' && k !== 'waivers');
  if (unknownKeys.length > 0) {
    throw new InputError(`${file}: unknown key(s) ${unknownKeys.join(', ')}; the keys are requiredTags and waivers`);
  }
  const tags = config.requiredTags;
  if (tags !== undefined && (!Array.isArray(tags) || tags.length === 0 || !tags.every((t) => typeof t === 'string' && t.trim() !== ''))) {
    throw new InputError(`${file}: 'requiredTags' must be a non-empty list of tag keys`);
  }
  try {
    return { ...(tags ? { requiredTags: (tags as string[]).map((t) => t.trim()) } : {}), waivers: waiversFromFile(config.waivers, file, isItemId, today) };
  } catch (e) {
    throw new InputError((e as Error).message);
  }
}

/** The git repository root of a directory, else the directory. */
function repositoryRoot(dir: string): string {
  const { spawnSync } = require('child_process') as typeof import('child_process');
  const git = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, encoding: 'utf8' });
  return git.status === 0 && git.stdout.trim() !== '' ? git.stdout.trim() : dir;
}

/** Runs the command line; resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIo = PROCESS_IO): Promise<number> {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') {
    (argv.length === 0 ? io.stderr : io.stdout)(USAGE);
    return argv.length === 0 ? EXIT.usage : EXIT.ok;
  }
  const parsed = parseArgs(argv);
  if (typeof parsed === 'string') {
    io.stderr(`aks-checklist: ${parsed}\n\n${USAGE}`);
    return EXIT.usage;
  }
  let stacks: ReportInput[];
  try {
    const configFile = parsed.config ?? CONFIG_FILES.find((f) => fs.existsSync(f));
    const config = configFile ? readConfig(configFile) : { waivers: [] };
    const requiredTags = parsed.requiredTags ?? config.requiredTags;
    stacks = (await loadStacks(parsed.target, { ...(requiredTags ? { requiredTags } : {}), varFiles: parsed.varFiles, vars: parsed.vars })).map((s) => ({ ...s, waivers: [...(s.waivers ?? []), ...config.waivers] }));
  } catch (e) {
    if (e instanceof InputError) {
      io.stderr(`aks-checklist: ${e.message}\n`);
      return EXIT.usage;
    }
    throw e;
  }
  const report = buildReport(stacks);
  const text = render(report, parsed);
  if (parsed.output) {
    fs.mkdirSync(path.dirname(path.resolve(parsed.output)), { recursive: true });
    fs.writeFileSync(parsed.output, text);
  } else {
    io.stdout(text);
  }
  const summary = summaryOf(report);
  const clusters = report.stacks.reduce((n, s) => n + s.coverage.clusters.length, 0);
  if (clusters === 0 && !parsed.allowNoCluster) {
    const unread = report.stacks.flatMap((s) => [...s.coverage.modules.filter((m) => !m.followed).map((m) => m.address), ...s.coverage.unjudged.map((u) => u.address)]);
    const hint = unread.length > 0 ? ` (not read: ${unread.join(', ')}; a plan in JSON judges what modules hold)` : '';
    io.stderr(`aks-checklist: no azurerm_kubernetes_cluster in ${parsed.target}${hint}: nothing AKS to judge. Pass --allow-no-cluster to accept. ${summary}.\n`);
    return EXIT.usage;
  }
  const failed = failures(report, parsed.failOn);
  if (failed.length > 0) {
    io.stderr(`aks-checklist: FAILED (--fail-on ${parsed.failOn.join(',')}): ${failed.map((f) => `${f.stack}: ${f.item.id}`).join(', ')}. ${summary}.\n`);
    return EXIT.failed;
  }
  if (parsed.output) {
    io.stderr(`aks-checklist: wrote ${parsed.output}. ${summary}.\n`);
  }
  return EXIT.ok;
}

/** One line of totals, with the same counts as the report's table. */
function summaryOf(report: Report): string {
  const t = report.totals;
  return `${report.stacks.length} stack(s): ${t['non-compliant']} non-compliant, ${t.unknown} unknown, ${t.waived} waived, ${t.compliant} compliant, ${t['policy-enforced']} policy-enforced`;
}

function render(report: Report, options: Options): string {
  switch (options.format) {
    case 'json':
      return toJson(report);
    case 'sarif': {
      const baseDir = options.base ? path.resolve(options.base) : repositoryRoot(process.cwd());
      return `${JSON.stringify(toSarif(report, { baseDir, readSource: readText }), null, 2)}\n`;
    }
    case 'junit':
      return toJunit(report, { failOn: options.failOn });
    default:
      return toMarkdown(report, { failOn: options.failOn });
  }
}

function readText(file: string): string | undefined {
  try {
    return fs.statSync(file).isFile() ? fs.readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

/** Parses the arguments; a string is a usage error. */
function parseArgs(argv: readonly string[]): Options | string {
  const [command, ...rest] = argv;
  if (command !== 'report') {
    return `unknown command '${command}': the only command is 'report'`;
  }
  const positional: string[] = [];
  const values: Record<string, string> = {};
  const names: Record<string, string> = {
    '--format': 'format',
    '-f': 'format',
    '--output': 'output',
    '-o': 'output',
    '--fail-on': 'failOn',
    '--required-tags': 'requiredTags',
    '--config': 'config',
    '--base': 'base',
  };
  let allowNoCluster = false;
  const varFiles: string[] = [];
  const vars: Record<string, string> = {};
  for (let n = 0; n < rest.length; n++) {
    const arg = rest[n];
    if (arg === '--allow-no-cluster') {
      allowNoCluster = true;
      continue;
    }
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!flag.startsWith('-') || flag === '-') {
      positional.push(arg);
      continue;
    }
    const name = flag === '--var-file' || flag === '--var' ? flag : names[flag];
    if (!name) {
      return `unknown option '${flag}'`;
    }
    const value = inline ?? rest[++n];
    if (value === undefined || (inline === undefined && value.startsWith('-') && flag !== '--var')) {
      return `option '${flag}' needs a value`;
    }
    if (flag === '--var-file') {
      varFiles.push(value);
      continue;
    }
    if (flag === '--var') {
      const eq = value.indexOf('=');
      if (eq <= 0) {
        return `--var '${value}' is not name=value`;
      }
      vars[value.slice(0, eq).trim()] = value.slice(eq + 1);
      continue;
    }
    if (values[name] !== undefined) {
      return `option '${flag}' is given twice`;
    }
    values[name] = value;
  }
  if (positional.length !== 1) {
    return positional.length === 0 ? `'report' needs a <path>` : `'report' takes one <path>, got ${positional.map((p) => `'${p}'`).join(' ')}`;
  }
  const format = (values.format ?? 'markdown') as ReportFormat;
  if (!FORMATS.includes(format)) {
    return `--format '${values.format}' is not one of ${FORMATS.join(', ')}`;
  }
  const failOn = values.failOn === undefined ? DEFAULT_FAIL_ON : parseFailOn(values.failOn);
  if ('error' in failOn) {
    return failOn.error;
  }
  const requiredTags = values.requiredTags?.split(',').map((t) => t.trim()).filter((t) => t !== '');
  if (requiredTags !== undefined && requiredTags.length === 0) {
    return `--required-tags '${values.requiredTags}' names no tag key`;
  }
  return { target: positional[0], format, output: values.output, failOn, allowNoCluster, requiredTags, config: values.config, base: values.base, varFiles, vars };
}
