/**
 * The Markdown report, readable in a pull request: totals per stack, then per stack and category
 * a table of items with their status, short evidence and current-edition GUIDs.
 */
import { Report, REPORT_STATUSES, ReportItem, ReportStatus, StackReport } from './build';
import { CHECKLIST_URL, evidenceLabel, finding, relevantEvidence, shorten } from './format-kit';

const ICON: Readonly<Record<ReportStatus, string>> = {
  'non-compliant': '❌',
  waived: '⚠️',
  compliant: '✅',
  'policy-enforced': '🛡️',
  'not-applicable': '➖',
  guidance: '📘',
  planned: '🗓️',
};

/** Evidence lines shown per item before "+N more". */
const MAX_EVIDENCE = 3;

/** Renders a report as Markdown. */
export function toMarkdown(report: Report): string {
  const lines = [
    '# AKS checklist report',
    '',
    `Measured against [The AKS Checklist](${CHECKLIST_URL}) (103 items); GUIDs are the current edition's matching items.`,
    '',
    `| Stack | ${REPORT_STATUSES.map((s) => `${ICON[s]} ${s}`).join(' | ')} |`,
    `| --- | ${REPORT_STATUSES.map(() => '---:').join(' | ')} |`,
    ...report.stacks.map((s) => `| ${cell(s.stack)} | ${REPORT_STATUSES.map((st) => s.totals[st]).join(' | ')} |`),
  ];
  if (report.stacks.length > 1) {
    lines.push(`| **all** | ${REPORT_STATUSES.map((st) => `**${report.totals[st]}**`).join(' | ')} |`);
  }
  report.stacks.forEach((s) => lines.push('', ...stackSection(s)));
  return `${lines.join('\n')}\n`;
}

function stackSection(stack: StackReport): string[] {
  const lines = [`## Stack \`${stack.stack}\``, ''];
  if (stack.source) {
    lines.push(`Source: \`${stack.source}\``, '');
  }
  for (const category of [...new Set(stack.items.map((i) => i.category))]) {
    lines.push(`### ${category}`, '', '| Item | Status | Delivery | Evidence | Current edition |', '| --- | --- | --- | --- | --- |');
    stack.items.filter((i) => i.category === category).forEach((i) => lines.push(row(i)));
    lines.push('');
  }
  if (stack.unusedWaivers.length > 0) {
    lines.push('### Unused waivers', '', 'These waivers cover no failing finding: remove them, or check their construct path.', '');
    stack.unusedWaivers.forEach((w) => lines.push(`- \`${w.item}\` at \`${w.path}\`: ${cell(w.reason)}`));
    lines.push('');
  }
  return lines;
}

function row(item: ReportItem): string {
  const guids = item.currentGuids.map((g) => `\`${g}\``).join('<br>');
  return `| \`${item.id}\`<br>${cell(item.title)} | ${ICON[item.status]} ${item.status} | ${item.delivery} | ${cell(evidence(item))} | ${guids || '–'} |`;
}

function evidence(item: ReportItem): string {
  switch (item.status) {
    case 'waived':
      return `waived at ${item.waivers.map((w) => `\`${w.path}\``).join(', ')}: ${shorten(item.message, 120)}`;
    case 'guidance':
    case 'planned':
      return shorten(item.message, 100);
    case 'not-applicable':
      return shorten(item.message, 80);
    default: {
      const shown = [
        ...new Set(relevantEvidence(item).map((e) => (item.status === 'non-compliant' ? `\`${evidenceLabel(e)}\` ${shorten(finding(e), 80)}` : `\`${evidenceLabel(e)}\``))),
      ];
      const text = shown.slice(0, MAX_EVIDENCE);
      const more = shown.length > MAX_EVIDENCE ? [`+${shown.length - MAX_EVIDENCE} more`] : [];
      return [...text, ...more].join('<br>');
    }
  }
}

/** Escapes a table cell: pipes, and line breaks. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
