/** The validation kit (lib/core/validate.ts): Reasons, identifiers, numbers, choices, names, ISO 8601 durations, and the nearest match for "did you mean". */
import { ErrorSubject, PropError } from '../errors';
import { isToken } from './tokens';

// ---------------------------------------------------------------------------------------------
// Reasons

/** Shortest reason a loosening (a waiver) may give. */
export const MIN_REASON = 10;

/**
 * Checks the reason of a loosened default: a sentence a reviewer can judge (at least 10
 * characters, with letters, not a placeholder). Returns it trimmed. The prop is the reason's own
 * path (`publicApiServer.reason`), so a short reason names where it came from.
 * @param what what the reason justifies, e.g. `a public API server` (shown in the message)
 */
export function checkReason(at: ErrorSubject, prop: string, reason: unknown, what?: string): string {
  const text = typeof reason === 'string' ? reason.trim() : '';
  const placeholder = /^(todo|tbd|fixme|n\/?a|none|test|xxx+|temp|reason)\b[\s.!]*$/i.test(text) || /^(.)\1*$/.test(text.replace(/\s/g, ''));
  if (typeof reason !== 'string' || text.length < MIN_REASON || !/[A-Za-z]{2}/.test(text) || placeholder) {
    throw new PropError(
      at,
      prop,
      reason,
      `${text === '' ? 'is missing or too short' : `is not a reason a reviewer can judge (${text.length < MIN_REASON ? 'too short' : 'a placeholder'})`}: loosening a secure default${what ? ` (${what})` : ''} needs a reason, recorded as a waiver in the checklist report`,
      `give a reason of at least ${MIN_REASON} characters that says why, e.g. 'Build agents outside the network until Q3'`,
    );
  }
  return text;
}

/**
 * Reads a prop that may be loosened with the one loosening shape, `{ <key>: <loose value>, reason }`
 * (e.g. `upgradeChannel: { channel: 'none', reason }`). Returns the loose value and its checked
 * reason, or undefined when the prop is not loosened (a plain value or unset: the caller checks it).
 * A loose value given bare (without the object and its reason) throws, naming the prop.
 * @param loose the values that loosen the default (`['none']`)
 * @param what what the loosening does, e.g. `cluster auto-upgrade off` (shown in the message)
 */
export function checkLoosening(
  at: ErrorSubject,
  prop: string,
  given: unknown,
  key: string,
  loose: readonly (string | boolean)[],
  what: string,
): { readonly value: string | boolean; readonly reason: string } | undefined {
  const show = (v: unknown): string => (typeof v === 'string' ? `'${v}'` : String(v));
  const example = `${prop}: { ${key}: ${show(loose[0])}, reason: '<why>' }`;
  if (typeof given !== 'object' || given === null) {
    if (loose.includes(given as string | boolean)) {
      throw new PropError(at, prop, given, `turns ${what} without a reason`, `give ${example} (recorded as a waiver in the checklist report), or leave ${prop} unset`);
    }
    return undefined;
  }
  const value = (given as Record<string, unknown>)[key];
  if (!loose.includes(value as string | boolean)) {
    throw new PropError(at, `${prop}.${key}`, value, `is not a loosening of ${prop} (${loose.map(show).join(' or ')})`, `give ${example}, or a plain value`);
  }
  return { value: value as string | boolean, reason: checkReason(at, `${prop}.reason`, (given as { reason?: unknown }).reason, what) };
}

/**
 * Checks an entry of a loosening map (`exclude: { probes: { reason } }`) is the object form, not a
 * bare value (a reason string, `true`): the fix shows the object form. Its reason is the caller's
 * to check (`checkReason` at `<prop>.reason`).
 * @param example the object form, e.g. `{ reason: '<why>' }`
 */
export function checkLooseningObject(at: ErrorSubject, prop: string, given: unknown, example: string): void {
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    const dot = prop.lastIndexOf('.');
    const shown = dot < 0 ? `${prop}: ${example}` : `${prop.slice(0, dot)}: { ${prop.slice(dot + 1)}: ${example} }`;
    throw new PropError(at, prop, given, 'is not a loosening with its reason', `give ${shown} (the reason is recorded as a waiver in the checklist report)`);
  }
}

// ---------------------------------------------------------------------------------------------
// Identifiers, numbers and choices

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** Whether a string is a GUID (`00000000-0000-0000-0000-000000000000` form). */
export function isGuid(value: unknown): boolean {
  return typeof value === 'string' && GUID.test(value);
}

/**
 * Checks an Entra or Azure id that must be a GUID: tenant, subscription, object, principal, client id.
 * @param what e.g. `the Entra group's object id`
 */
export function checkGuid(at: ErrorSubject, prop: string, value: unknown, what = 'the id'): void {
  if (isToken(value)) {
    return;
  }
  if (!isGuid(value)) {
    throw new PropError(at, prop, value, 'is not a GUID', `give ${what} as a GUID, e.g. 00000000-0000-0000-0000-000000000000 (not a name, an email or a resource id)`);
  }
}

/** Checks every id of a list is a GUID (and the list has no duplicates). */
export function checkGuids(at: ErrorSubject, prop: string, values: readonly unknown[] | undefined, what = 'the id'): void {
  (values ?? []).forEach((v, i) => checkGuid(at, `${prop}[${i}]`, v, what));
  checkUnique(at, prop, (values ?? []).filter((v): v is string => typeof v === 'string').map((v) => v.toLowerCase()));
}

/** Checks a whole number in [min, max] (skipped when undefined or a token). */
export function checkInt(at: ErrorSubject, prop: string, value: number | undefined, min: number, max: number, unit = ''): void {
  if (value === undefined || isToken(value)) {
    return;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const u = unit ? ` ${unit.trim()}` : '';
    throw new PropError(at, prop, value, `is outside ${min}-${max}${u}`, `give a whole number from ${min} to ${max}${u}`);
  }
}

/** Checks a value is one of the allowed ones (skipped when undefined or a token). */
export function checkOneOf<T extends string | number>(at: ErrorSubject, prop: string, value: T | undefined, allowed: readonly T[]): void {
  if (value === undefined || isToken(value)) {
    return;
  }
  if (!allowed.includes(value)) {
    const list = allowed.map((a) => JSON.stringify(a)).join(', ');
    const near = typeof value === 'string' ? nearest(value, allowed.filter((a): a is T & string => typeof a === 'string')) : undefined;
    throw new PropError(at, prop, value, `is not one of ${list}`, near ? `did you mean ${JSON.stringify(near)}? Use one of ${list}` : `use one of ${list}`);
  }
}

/** Checks a list has no duplicate (known values only). */
export function checkUnique(at: ErrorSubject, prop: string, values: readonly (string | number)[]): void {
  const seen = new Set<string | number>();
  for (const v of values) {
    if (isToken(v)) {
      continue;
    }
    if (seen.has(v)) {
      throw new PropError(at, prop, v, 'is given twice', 'give each entry once');
    }
    seen.add(v);
  }
}

/** Checks a name against an Azure naming rule (a pattern and the sentence that explains it). */
export function checkName(at: ErrorSubject, prop: string, value: unknown, rule: { readonly pattern: RegExp; readonly rule: string }): void {
  if (isToken(value)) {
    return;
  }
  if (typeof value !== 'string' || !rule.pattern.test(value)) {
    throw new PropError(at, prop, value, `is not a valid name (${rule.rule})`, `choose a name of ${rule.rule}`);
  }
}

// ---------------------------------------------------------------------------------------------
// ISO 8601 durations (Key Vault rotation policies)

/**
 * Days in an ISO 8601 duration of years, months and days as Key Vault rotation policies accept it
 * (`P90D`, `P1Y`, `P1Y6M`, `P2M`); undefined when malformed. Months count 30 days and years 365,
 * as Key Vault does. (Go-style durations such as `30s` are `durationSeconds`.)
 */
export function isoDurationDays(text: string): number | undefined {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?$/.exec(text);
  if (!m || text === 'P') {
    return undefined;
  }
  return Number(m[1] ?? 0) * 365 + Number(m[2] ?? 0) * 30 + Number(m[3] ?? 0);
}

/** Checks an ISO 8601 duration (`P90D`, `P6M`, `P2Y`) of at least `minDays`; returns its days (undefined when not given or a token). */
export function checkIsoDuration(at: ErrorSubject, prop: string, value: unknown, minDays = 0): number | undefined {
  if (value === undefined || isToken(value)) {
    return undefined;
  }
  const days = typeof value === 'string' ? isoDurationDays(value) : undefined;
  if (days === undefined) {
    throw new PropError(at, prop, value, 'is not an ISO 8601 duration in years, months or days', "write it like 'P90D', 'P6M' or 'P2Y'");
  }
  if (days < minDays) {
    throw new PropError(at, prop, value, `is shorter than the minimum of ${minDays} days`, `use at least 'P${minDays}D'`);
  }
  return days;
}

// ---------------------------------------------------------------------------------------------
// Nearest match (for "did you mean")

/** Edit distance of two strings (Levenshtein). */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

/** The candidate closest to `value` (case-insensitive), when it is close enough to be a typo. */
export function nearest<T extends string>(value: string, candidates: readonly T[]): T | undefined {
  const v = value.toLowerCase();
  let best: T | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(v, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(v.length / 5)) ? best : undefined;
}
