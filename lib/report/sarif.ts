/**
 * SARIF 2.1.0, for code scanning in CI: one rule per checklist item, one result per non-compliant,
 * waived or unknown item of each stack (waived ones carry an external suppression with the reason).
 * Enforced items are errors, the other non-compliant ones warnings, unknown ones notes. Locations
 * point at the file and line of the resource (HCL and Terraform JSON) and name its address (all inputs,
 * plan JSON included), with URIs relative to a base directory (`%SRCROOT%`).
 */
import * as path from 'path';
import { pathToFileURL } from 'url';
import { catalogue } from '../checklist/catalogue';
import type { Evidence } from '../checklist/types';
import type { Report, ReportItem, StackReport } from './build';
import { CHECKLIST_URL, evidenceLabel, finding, relevantEvidence, TOOL_NAME } from './format-kit';
import { waiverScope } from './waivers';

/** The SARIF 2.1.0 schema address. */
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** Options for toSarif. */
export interface SarifOptions {
  /**
   * Directory that artifact URIs are made relative to (the repository root in CI); it becomes the
   * `%SRCROOT%` base of `originalUriBaseIds`.
   * @default the current working directory
   */
  readonly baseDir?: string;
  /**
   * Reads a stack file, to point results at the line of the resource when the reader did not record one.
   * @default no line numbers
   */
  readonly readSource?: (file: string) => string | undefined;
  /**
   * The tool's version.
   * @default the package's version
   */
  readonly version?: string;
}

/** The base id artifact URIs are relative to. */
const SRCROOT = '%SRCROOT%';

/** A SARIF log as this tool writes it (the parts it uses). */
export interface SarifLog {
  readonly $schema: string;
  readonly version: '2.1.0';
  readonly runs: readonly {
    readonly tool: { readonly driver: { readonly name: string; readonly version: string; readonly semanticVersion: string; readonly informationUri: string; readonly rules: readonly object[] } };
    readonly originalUriBaseIds: Readonly<Record<string, { readonly uri: string }>>;
    readonly results: readonly SarifResult[];
  }[];
}

/** One SARIF result. */
export interface SarifResult {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly level: 'error' | 'warning' | 'note';
  readonly message: { readonly text: string };
  readonly locations: readonly object[];
  readonly suppressions?: readonly { readonly kind: 'external'; readonly justification: string }[];
  readonly properties: Readonly<Record<string, unknown>>;
}

/** The package's version (package.json two levels up, from lib/report and from dist/report alike). */
function toolVersion(): string {
  try {
    const fs = require('fs') as typeof import('fs');
    return (JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

/**
 * Renders a report as a SARIF 2.1.0 log: non-compliant items (errors when enforced, else warnings),
 * waived ones with an external suppression, unknown ones as notes.
 */
export function toSarif(report: Report, options: SarifOptions = {}): SarifLog {
  const items = [...catalogue().values()];
  const rules = items.map((i) => ({
    id: i.id,
    name: i.id.split('/')[1],
    shortDescription: { text: i.title },
    fullDescription: { text: `${i.category}: ${i.title}` },
    helpUri: CHECKLIST_URL,
    help: { text: `${i.title} (The AKS Checklist, ${i.category}). Delivery: ${i.delivery}.` },
    defaultConfiguration: { level: i.delivery === 'enforced' ? 'error' : 'warning' },
    properties: { category: i.category, delivery: i.delivery, currentGuids: i.currentGuids, tags: ['aks', i.category] },
  }));
  const index = new Map(items.map((item, n) => [item.id, n]));
  const baseDir = path.resolve(options.baseDir ?? process.cwd());
  const results = report.stacks.flatMap((s) =>
    s.items
      .filter((i) => i.status === 'non-compliant' || i.status === 'waived' || i.status === 'unknown')
      .map((i) => result(s, i, index.get(i.id) ?? -1, { ...options, baseDir })),
  );
  const version = options.version ?? toolVersion();
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, version, semanticVersion: version, informationUri: CHECKLIST_URL, rules } },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(baseDir + path.sep).href } },
        results,
      },
    ],
  };
}

function result(stack: StackReport, item: ReportItem, ruleIndex: number, options: SarifOptions & { readonly baseDir: string }): SarifResult {
  const evidence = relevantEvidence(item);
  const found = evidence.map((e) => `${evidenceLabel(e)}: ${finding(e)}`).join('; ') || item.message;
  const level = item.status === 'unknown' ? 'note' : item.delivery === 'enforced' ? 'error' : 'warning';
  return {
    ruleId: item.id,
    ruleIndex,
    level,
    message: { text: `[${stack.stack}] ${item.title}${item.status === 'unknown' ? ' (unknown)' : ''}: ${found}` },
    locations: (evidence.length > 0 ? dedupe(evidence) : [undefined]).map((e) => location(stack, e, options)),
    ...(item.status === 'waived' ? { suppressions: item.waivers.map((w) => ({ kind: 'external' as const, justification: `${waiverScope(w)}: ${w.reason}` })) } : {}),
    properties: { stack: stack.stack, status: item.status, delivery: item.delivery, currentGuids: item.currentGuids },
  };
}

/** One piece of evidence per resource and attribute. */
function dedupe(evidence: readonly Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return evidence.filter((e) => !seen.has(evidenceLabel(e)) && seen.add(evidenceLabel(e)) !== undefined);
}

/**
 * The file a result without a resource points at: the stack's file, or for a folder the file of its
 * first cluster, else its first file (code scanning needs a file, not a directory).
 */
function stackFile(stack: StackReport): string | undefined {
  const files = stack.coverage.files;
  if (stack.source === undefined || files.length === 0 || files.includes(stack.source)) {
    return stack.source;
  }
  const cluster = stack.coverage.clusters.map((a) => stack.blockSources[a]?.file).find((f) => f !== undefined);
  return cluster ?? files[0];
}

function artifact(file: string, baseDir: string): object {
  const absolute = path.resolve(file);
  const relative = path.relative(baseDir, absolute);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    return { uri: pathToFileURL(absolute).href };
  }
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function location(stack: StackReport, e: Evidence | undefined, options: SarifOptions & { readonly baseDir: string }): object {
  const logical = e ? { logicalLocations: [{ fullyQualifiedName: evidenceLabel(e), name: e.address, kind: 'resource' }] } : {};
  const recorded = e ? stack.blockSources[e.address] : undefined;
  const file = recorded?.file ?? stackFile(stack);
  if (!file) {
    return logical;
  }
  const line = recorded?.line ?? (e && stack.coverage.kind !== 'plan' ? lineOf(options.readSource?.(file), e.address) : undefined);
  return { physicalLocation: { artifactLocation: artifact(file, options.baseDir), ...(line ? { region: { startLine: line } } : {}) }, ...logical };
}

/** The 1-based line where a resource's body starts in a Terraform JSON or HCL file, if found. */
export function lineOf(text: string | undefined, address: string): number | undefined {
  if (!text) {
    return undefined;
  }
  const parts = address.split('.');
  const [type, name] = parts[0] === 'data' ? [parts[1], parts[2]] : [parts[0], parts[1]];
  const lines = text.split('\n');
  const hcl = lines.findIndex((l) => new RegExp(`^\\s*(resource|data)\\s+"${escape(type)}"\\s+"${escape(name)}"`).test(l));
  if (hcl >= 0) {
    return hcl + 1;
  }
  const typeLine = lines.findIndex((l) => l.includes(`"${type}"`));
  if (typeLine < 0) {
    return undefined;
  }
  const nameLine = lines.findIndex((l, n) => n > typeLine && l.includes(`"${name}"`));
  return nameLine < 0 ? undefined : nameLine + 1;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
