/**
 * The Markdown report, readable in a pull request: a verdict line and the actions needed first, then
 * totals per stack, what was read, and per stack and category a table of items with their status,
 * evidence and current-edition GUIDs. A stack's IP plan and topology (written at synth next to its
 * cdk.tf.json) are included when they exist.
 */
import { Report, REPORT_STATUSES, ReportItem, ReportStatus, StackReport, unread } from './build';
import { DEFAULT_FAIL_ON, FailCondition, trips } from './fail-on';
import { currentEditionCoverage } from '../checklist/traceability';
import { CHECKLIST_URL, evidenceLabel, finding, relevantEvidence, shorten } from './format-kit';
import { waiverScope } from './waivers';

const ICON: Readonly<Record<ReportStatus, string>> = {
  'non-compliant': '❌',
  unknown: '❔',
  waived: '⚠️',
  compliant: '✅',
  'policy-enforced': '🛡️',
  'not-applicable': '➖',
  guidance: '📘',
  planned: '🗓️',
};

/** Evidence lines shown per item in the tables before "+N more" (the action list shows all). */
const MAX_EVIDENCE = 3;

/** Options for toMarkdown. */
export interface MarkdownOptions {
  /**
   * The `--fail-on` policy, for the verdict line.
   * @default DEFAULT_FAIL_ON
   */
  readonly failOn?: readonly FailCondition[];
}

/** Renders a report as Markdown. */
export function toMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const failOn = options.failOn ?? DEFAULT_FAIL_ON;
  const lines = ['# AKS checklist report', '', verdict(report, failOn), ''];
  const actions = report.stacks.flatMap((s) => s.items.filter(needsAction).map((i) => action(s, i, report.stacks.length > 1, failOn)));
  if (actions.length > 0) {
    lines.push('## Action needed', '', ...actions, '');
  }
  lines.push(
    `Measured against [The AKS Checklist](${CHECKLIST_URL}) (103 items); GUIDs are the current edition's matching items (${currentEditionCoverage()}). † marks a GUID that Azure/review-checklists uses for another item: do not join on it.`,
    '',
    `| Stack | ${REPORT_STATUSES.map((s) => `${ICON[s]} ${s}`).join(' | ')} |`,
    `| --- | ${REPORT_STATUSES.map(() => '---:').join(' | ')} |`,
    ...report.stacks.map((s) => `| ${cell(s.stack)} | ${REPORT_STATUSES.map((st) => s.totals[st]).join(' | ')} |`),
  );
  if (report.stacks.length > 1) {
    lines.push(`| **all** | ${REPORT_STATUSES.map((st) => `**${report.totals[st]}**`).join(' | ')} |`);
  }
  report.stacks.forEach((s) => lines.push('', ...stackSection(s)));
  return `${lines.join('\n')}\n`;
}

/** The first line: passes or fails the policy, with the counts that matter. */
function verdict(report: Report, failOn: readonly FailCondition[]): string {
  const failing = report.stacks.flatMap((s) => s.items.filter((i) => failOn.some((c) => trips(i, c))));
  const t = report.totals;
  const counts = `${t['non-compliant']} non-compliant, ${t.unknown} unknown, ${t.waived} waived, ${t.compliant} compliant, ${t['policy-enforced']} policy-enforced`;
  const policy = failOn.length === 0 ? 'none' : failOn.join(',');
  return failing.length > 0
    ? `**Verdict: ❌ fails** (\`--fail-on ${policy}\`: ${failing.length} item(s)). ${counts}.`
    : `**Verdict: ✅ passes** (\`--fail-on ${policy}\`). ${counts}.`;
}

function needsAction(item: ReportItem): boolean {
  return item.status === 'non-compliant' || item.status === 'unknown';
}

/** One line of the action list: the item, what was found (uncut), and what fixes it. */
function action(stack: StackReport, item: ReportItem, named: boolean, failOn: readonly FailCondition[]): string {
  const where = named ? ` (stack \`${stack.stack}\`)` : '';
  const fails = failOn.some((c) => trips(item, c)) ? ' **fails the build**' : '';
  const found = [...new Set(relevantEvidence(item).map((e) => `\`${evidenceLabel(e)}\` ${finding(e)}`))];
  const text = found.length > 0 ? found.join('; ') : item.message;
  const fix =
    item.status === 'unknown'
      ? 'Fix: give the value a literal or default the report can read, or report on the plan (`terraform show -json`).'
      : item.deliveredBy
        ? `Fix: \`${item.deliveredBy}\` (this library), or the attribute named above.`
        : 'Fix: the attribute named above.';
  return `- ${ICON[item.status]} \`${item.id}\` ${cell(item.title)}${where}${fails}: ${cell(text)}. ${fix}`;
}

/** What was read for a stack, in a few lines. */
function coverageLines(stack: StackReport): string[] {
  const c = stack.coverage;
  const files = c.files.length === 0 ? '' : c.files.length <= 5 ? `: ${c.files.map((f) => `\`${f}\``).join(', ')}` : `: ${c.files.slice(0, 5).map((f) => `\`${f}\``).join(', ')} and ${c.files.length - 5} more`;
  const followed = c.modules.filter((m) => m.followed).map((m) => `\`${m.address}\``);
  const lines = [
    `- Read: ${c.kind} input, ${c.files.length} file(s)${files}.`,
    `- Resources: ${c.resources}; AKS clusters found: ${c.clusters.length === 0 ? '**none**' : c.clusters.map((a) => `\`${a}\``).join(', ')}.`,
  ];
  if (c.modules.length > 0) {
    lines.push(`- Modules followed: ${followed.join(', ') || 'none'}.`);
  }
  const missing = unread(c);
  if (missing !== '') {
    lines.push(`- **Not read or not judged**: ${cell(missing)}. Items that found nothing in what was read are \`unknown\`, not not-applicable.`);
  }
  if (c.providerGenerations.length > 0) {
    lines.push(`- azurerm ${c.providerGenerations.join(' and ')} argument names read as their 4.x equivalents.`);
  }
  c.notes.forEach((n) => lines.push(`- ${cell(n)}`));
  return lines;
}

function stackSection(stack: StackReport): string[] {
  const lines = [`## Stack \`${stack.stack}\``, ''];
  if (stack.source) {
    lines.push(`Source: \`${stack.source}\``, '');
  }
  lines.push(...coverageLines(stack), '');
  for (const category of [...new Set(stack.items.map((i) => i.category))]) {
    lines.push(`### ${category}`, '', '| Item | Status | Delivery | Evidence | Current edition |', '| --- | --- | --- | --- | --- |');
    stack.items.filter((i) => i.category === category).forEach((i) => lines.push(row(i)));
    lines.push('');
  }
  const recommended = stack.items.filter((i) => i.recommendations.length > 0);
  if (recommended.length > 0) {
    lines.push('### Recommendations', '', "Stronger defaults of this library, beyond what the item asks; they do not change the item's status.", '');
    recommended.forEach((i) => i.recommendations.forEach((r) => lines.push(`- \`${i.id}\`: ${cell(r)}`)));
    lines.push('');
  }
  if (stack.unusedWaivers.length > 0) {
    lines.push('### Unused waivers', '', 'These waivers cover no failing finding: remove them, or check their construct path or address.', '');
    stack.unusedWaivers.forEach((w) => lines.push(`- \`${w.item}\` at \`${waiverScope(w)}\`: ${cell(w.reason)}`));
    lines.push('');
  }
  for (const a of stack.attachments) {
    lines.push(`### ${a.name}`, '', a.markdown.trim(), '');
  }
  return lines;
}

function row(item: ReportItem): string {
  const guids = item.current.map((c) => `\`${c.guid}\`${c.reviewChecklistItem ? ` (†: in Azure/review-checklists, "${cell(c.reviewChecklistItem)}")` : ''}`).join('<br>');
  return `| \`${item.id}\`<br>${cell(item.title)} | ${ICON[item.status]} ${item.status} | ${item.delivery} | ${cell(evidence(item))} | ${guids || '–'} |`;
}

function evidence(item: ReportItem): string {
  switch (item.status) {
    case 'waived':
      return `waived at ${item.waivers.map((w) => `\`${waiverScope(w)}\``).join(', ')}: ${shorten(item.message, 120)}`;
    case 'guidance':
    case 'planned':
      return shorten(item.message, 100);
    case 'not-applicable':
      return shorten(item.message, 80);
    default: {
      const decided = item.status === 'non-compliant' || item.status === 'unknown';
      const shown = [...new Set(relevantEvidence(item).map((e) => (decided ? `\`${evidenceLabel(e)}\` ${shorten(finding(e), 80)}` : `\`${evidenceLabel(e)}\``)))];
      if (shown.length === 0) {
        return shorten(item.message, 160);
      }
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
