/**
 * JUnit XML, for pipelines: a testsuite per stack, a testcase per item. Only what the `--fail-on`
 * policy fails is a failure; other non-compliant items (options left off, say) and unknown,
 * not-applicable, guidance and planned items are skipped with a message saying why.
 */
import { REPORT_STATUSES, type Report, type ReportItem, type StackReport } from './build';
import { DEFAULT_FAIL_ON, type FailCondition, trips } from './fail-on';
import { evidenceLabel, finding, relevantEvidence, TOOL_NAME } from './format-kit';
import { waiverScope } from './waivers';

/** Options for toJunit. */
export interface JunitOptions {
  /**
   * The `--fail-on` policy: the items it fails are failures.
   * @default DEFAULT_FAIL_ON
   */
  readonly failOn?: readonly FailCondition[];
}

/** Renders a report as JUnit XML. */
export function toJunit(report: Report, options: JunitOptions = {}): string {
  const failOn = options.failOn ?? DEFAULT_FAIL_ON;
  const count = (s: StackReport, pick: (i: ReportItem) => boolean): number => s.items.filter(pick).length;
  const failed = (i: ReportItem): boolean => failOn.some((c) => trips(i, c));
  const skipped = (i: ReportItem): boolean => !failed(i) && ['non-compliant', 'unknown', 'not-applicable', 'guidance', 'planned'].includes(i.status);
  const all = report.stacks.flatMap((s) => s.items);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${TOOL_NAME}" tests="${all.length}" failures="${all.filter(failed).length}" errors="0" skipped="${all.filter(skipped).length}">`,
  ];
  for (const s of report.stacks) {
    out.push(
      `  <testsuite name="${attr(s.stack)}" tests="${s.items.length}" failures="${count(s, failed)}" errors="0" skipped="${count(s, skipped)}"${s.source ? ` file="${attr(s.source)}"` : ''}>`,
      '    <properties>',
      ...REPORT_STATUSES.map((st) => `      <property name="${st}" value="${s.totals[st]}"/>`),
      '    </properties>',
    );
    s.items.forEach((i) => out.push(...testcase(s, i, failed(i), skipped(i))));
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

function testcase(stack: StackReport, item: ReportItem, failed: boolean, skipped: boolean): string[] {
  const lines = [`    <testcase classname="${attr(`${TOOL_NAME}.${stack.stack}.${item.category}`)}" name="${attr(`${item.id}: ${item.title}`)}">`];
  if (item.currentGuids.length > 0) {
    lines.push('      <properties>', ...item.currentGuids.map((g) => `        <property name="currentGuid" value="${attr(g)}"/>`), '      </properties>');
  }
  const evidence = relevantEvidence(item)
    .map((e) => `${evidenceLabel(e)}: ${finding(e)}`)
    .join('\n');
  if (failed) {
    lines.push(`      <failure type="${attr(item.delivery)}" message="${attr(item.message)}">${text(evidence)}</failure>`);
  } else if (skipped) {
    const why =
      item.status === 'non-compliant'
        ? `non-compliant ${item.delivery} item, not failed by the --fail-on policy: ${item.message}`
        : item.status === 'unknown'
          ? `unknown (fail on it with --fail-on unknown): ${item.message}`
          : `${item.status}: ${item.guidance ?? item.message}`;
    lines.push(`      <skipped message="${attr(why)}"/>`);
  }
  const out = [`status: ${item.status}`, `delivery: ${item.delivery}`, ...item.waivers.map((w) => `waived at ${waiverScope(w)}: ${w.reason}`), ...(failed ? [] : [evidence])];
  lines.push(`      <system-out>${text(out.filter((l) => l !== '').join('\n'))}</system-out>`, '    </testcase>');
  return lines;
}

/** Characters XML 1.0 does not allow, even escaped. */
const INVALID = /[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text content. */
export function text(value: string): string {
  return value.replace(INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes an attribute value (quotes and line breaks too). */
export function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
