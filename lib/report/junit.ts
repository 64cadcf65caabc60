/**
 * JUnit XML, for pipelines: a testsuite per stack, a testcase per item; non-compliant items fail,
 * not-applicable, guidance and planned items are skipped.
 */
import { REPORT_STATUSES, type Report, type ReportItem, type StackReport } from './build';
import { evidenceLabel, finding, relevantEvidence, TOOL_NAME } from './format-kit';

/** Renders a report as JUnit XML. */
export function toJunit(report: Report): string {
  const count = (s: StackReport, pick: (i: ReportItem) => boolean): number => s.items.filter(pick).length;
  const failed = (i: ReportItem): boolean => i.status === 'non-compliant';
  const skipped = (i: ReportItem): boolean => i.status === 'not-applicable' || i.status === 'guidance' || i.status === 'planned';
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
    lines.push(`      <skipped message="${attr(`${item.status}: ${item.guidance ?? item.message}`)}"/>`);
  }
  const out = [`status: ${item.status}`, `delivery: ${item.delivery}`, ...item.waivers.map((w) => `waived at ${w.path}: ${w.reason}`), ...(failed ? [] : [evidence])];
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
