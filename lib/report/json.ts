/**
 * The JSON report: the Report object itself, with the tool, the checklist and the totals on top.
 */
import type { Report } from './build';
import { CHECKLIST_URL, TOOL_NAME } from './format-kit';

/** The JSON report's format version; bump on a breaking change of its shape. */
const JSON_REPORT_VERSION = 2;

/** Renders a report as JSON text. */
export function toJson(report: Report): string {
  const out = {
    tool: TOOL_NAME,
    formatVersion: JSON_REPORT_VERSION,
    checklist: CHECKLIST_URL,
    totals: report.totals,
    stacks: report.stacks.map((s) => ({
      stack: s.stack,
      source: s.source,
      coverage: s.coverage,
      totals: s.totals,
      unusedWaivers: s.unusedWaivers,
      items: s.items.map((i) => ({
        id: i.id,
        category: i.category,
        title: i.title,
        delivery: i.delivery,
        status: i.status,
        message: i.message,
        deliveredBy: i.deliveredBy,
        guidance: i.guidance,
        recommendations: i.recommendations,
        waivers: i.waivers,
        currentGuids: i.currentGuids,
        current: i.current,
        evidence: i.evidence.map((e) => ({ address: e.address, attribute: e.attribute, constructPath: e.constructPath, ok: e.ok, unknown: e.unknown, recommendation: e.recommendation, message: e.message })),
      })),
    })),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
