/**
 * SARIF 2.1.0, for code scanning in CI: one rule per checklist item, one result per non-compliant
 * or waived item of each stack (waived ones carry an external suppression with the reason).
 * Enforced items are errors, the others warnings.
 */
import * as path from 'path';
import { catalogue } from '../checklist/catalogue';
import type { Evidence } from '../checklist/types';
import type { Report, ReportItem, StackReport } from './build';
import { CHECKLIST_URL, evidenceLabel, finding, relevantEvidence, TOOL_NAME } from './format-kit';

/** The SARIF 2.1.0 schema address. */
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** Options for toSarif. */
export interface SarifOptions {
  /**
   * Directory that artifact URIs are made relative to (the repository root in CI).
   * @default the current working directory
   */
  readonly baseDir?: string;
  /**
   * Reads a stack file, to point results at the line of the resource.
   * @default no line numbers
   */
  readonly readSource?: (file: string) => string | undefined;
}

/** A SARIF log as this tool writes it (the parts it uses). */
export interface SarifLog {
  readonly $schema: string;
  readonly version: '2.1.0';
  readonly runs: readonly {
    readonly tool: { readonly driver: { readonly name: string; readonly informationUri: string; readonly rules: readonly object[] } };
    readonly results: readonly SarifResult[];
  }[];
}

/** One SARIF result. */
export interface SarifResult {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly level: 'error' | 'warning';
  readonly message: { readonly text: string };
  readonly locations: readonly object[];
  readonly suppressions?: readonly { readonly kind: 'external'; readonly justification: string }[];
  readonly properties: Readonly<Record<string, unknown>>;
}

/** Renders a report as a SARIF 2.1.0 log. */
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
  const results = report.stacks.flatMap((s) =>
    s.items.filter((i) => i.status === 'non-compliant' || i.status === 'waived').map((i) => result(s, i, index.get(i.id) ?? -1, options)),
  );
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{ tool: { driver: { name: TOOL_NAME, informationUri: CHECKLIST_URL, rules } }, results }],
  };
}

function result(stack: StackReport, item: ReportItem, ruleIndex: number, options: SarifOptions): SarifResult {
  const evidence = relevantEvidence(item);
  const found = evidence.map((e) => `${evidenceLabel(e)}: ${finding(e)}`).join('; ') || item.message;
  return {
    ruleId: item.id,
    ruleIndex,
    level: item.delivery === 'enforced' ? 'error' : 'warning',
    message: { text: `[${stack.stack}] ${item.title}: ${found}` },
    locations: (evidence.length > 0 ? evidence : [undefined]).map((e) => location(stack, e, options)),
    ...(item.status === 'waived' ? { suppressions: item.waivers.map((w) => ({ kind: 'external' as const, justification: `${w.path}: ${w.reason}` })) } : {}),
    properties: { stack: stack.stack, delivery: item.delivery, currentGuids: item.currentGuids },
  };
}

function location(stack: StackReport, e: Evidence | undefined, options: SarifOptions): object {
  const logical = e ? { logicalLocations: [{ fullyQualifiedName: evidenceLabel(e), name: e.address, kind: 'resource' }] } : {};
  if (!stack.source) {
    return logical;
  }
  const uri = path.relative(options.baseDir ?? process.cwd(), stack.source).split(path.sep).join('/');
  const line = e ? lineOf(options.readSource?.(stack.source), e.address) : undefined;
  return { physicalLocation: { artifactLocation: { uri }, ...(line ? { region: { startLine: line } } : {}) }, ...logical };
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
