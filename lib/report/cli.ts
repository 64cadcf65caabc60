/**
 * The `aks-checklist` command line. It loads the rules and the report, never cdktf or the
 * provider bindings, so it starts fast on any Terraform JSON or HCL with azurerm resources.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildReport } from './build';
import { DEFAULT_FAIL_ON, FailCondition, failures, parseFailOn } from './fail-on';
import { toJson } from './json';
import { toJunit } from './junit';
import { InputError, loadStacks } from './load';
import { toMarkdown } from './markdown';
import { toSarif } from './sarif';

/** The report formats. */
export type ReportFormat = 'markdown' | 'json' | 'sarif' | 'junit';

const FORMATS: readonly ReportFormat[] = ['markdown', 'json', 'sarif', 'junit'];

/** Exit codes. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** The usage text. */
export const USAGE = `Usage: aks-checklist report <path> [--format markdown|json|sarif|junit] [--output <file>] [--fail-on <policy>]

Measures Terraform stacks against the 103 items of The AKS Checklist.

<path>                 a cdk.tf.json (or any Terraform JSON file), a cdktf.out directory (every
                       stack in manifest.json, else stacks/*/cdk.tf.json), a directory of *.tf.json,
                       or an HCL .tf file or a directory of .tf files
--format, -f <fmt>     markdown (default), json, sarif (SARIF 2.1.0) or junit (JUnit XML)
--output, -o <file>    write the report to a file instead of standard output
--fail-on <policy>     when to exit 1: 'none', or a comma-separated list of
                         enforced       an enforced item is non-compliant and not waived (default)
                         policy, option a non-compliant item with that delivery
                         non-compliant  any non-compliant item, whatever its delivery
                         waived         any waived item
--help, -h             show this text

Exit codes: 0 passed, 1 failed the --fail-on policy, 2 usage or input error.
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
  let stacks;
  try {
    stacks = await loadStacks(parsed.target);
  } catch (e) {
    if (e instanceof InputError) {
      io.stderr(`aks-checklist: ${e.message}\n`);
      return EXIT.usage;
    }
    throw e;
  }
  const report = buildReport(stacks);
  const text = render(report, parsed.format, parsed.output);
  if (parsed.output) {
    fs.mkdirSync(path.dirname(path.resolve(parsed.output)), { recursive: true });
    fs.writeFileSync(parsed.output, text);
  } else {
    io.stdout(text);
  }
  const failed = failures(report, parsed.failOn);
  const t = report.totals;
  const summary = `${report.stacks.length} stack(s): ${t['non-compliant']} non-compliant, ${t.waived} waived, ${t.compliant + t['policy-enforced']} compliant`;
  if (failed.length > 0) {
    io.stderr(`aks-checklist: FAILED (--fail-on ${parsed.failOn.join(',')}): ${failed.map((f) => `${f.stack}: ${f.item.id}`).join(', ')}. ${summary}.\n`);
    return EXIT.failed;
  }
  if (parsed.output) {
    io.stderr(`aks-checklist: wrote ${parsed.output}. ${summary}.\n`);
  }
  return EXIT.ok;
}

function render(report: ReturnType<typeof buildReport>, format: ReportFormat, output: string | undefined): string {
  switch (format) {
    case 'json':
      return toJson(report);
    case 'sarif': {
      const baseDir = output ? path.dirname(path.resolve(output)) : process.cwd();
      return `${JSON.stringify(toSarif(report, { baseDir, readSource: readText }), null, 2)}\n`;
    }
    case 'junit':
      return toJunit(report);
    default:
      return toMarkdown(report);
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
  const names: Record<string, string> = { '--format': 'format', '-f': 'format', '--output': 'output', '-o': 'output', '--fail-on': 'failOn' };
  for (let n = 0; n < rest.length; n++) {
    const arg = rest[n];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!flag.startsWith('-') || flag === '-') {
      positional.push(arg);
      continue;
    }
    const name = names[flag];
    if (!name) {
      return `unknown option '${flag}'`;
    }
    const value = inline ?? rest[++n];
    if (value === undefined || (inline === undefined && value.startsWith('-'))) {
      return `option '${flag}' needs a value`;
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
  return { target: positional[0], format, output: values.output, failOn };
}
