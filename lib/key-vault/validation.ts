/**
 * Synth-time input checks shared by the key-vault and monitoring constructs. Every check skips
 * unresolved tokens (values Terraform only knows at apply time).
 */
import { ErrorSubject, PropError } from '../core/errors';
import { isToken } from '../core/validate';

export { isToken } from '../core/validate';

/** Throws a PropError unless `ok`; a token value always passes. */
export function requireProp(ok: boolean, construct: ErrorSubject, prop: string, value: unknown, problem: string, fix: string): void {
  if (!ok && !isToken(value)) {
    throw new PropError(construct, prop, value, problem, fix);
  }
}

/** Checks a whole number within [min, max]. */
export function requireIntegerIn(construct: ErrorSubject, prop: string, value: number, min: number, max: number, fix?: string): void {
  requireProp(
    Number.isInteger(value) && value >= min && value <= max,
    construct,
    prop,
    value,
    `is outside the allowed range ${min}-${max}`,
    fix ?? `use a whole number between ${min} and ${max}`,
  );
}

/** A Kubernetes namespace name (RFC 1123 label): lower-case alphanumerics and '-', at most 63. */
export const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** A Kubernetes service account name (RFC 1123 subdomain): labels joined by '.', at most 253. */
export function isDns1123Subdomain(name: string): boolean {
  return name.length <= 253 && name.split('.').every((label) => /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(label));
}

/**
 * Days in an ISO 8601 duration as Key Vault rotation policies accept it (`P90D`, `P1Y`, `P1Y6M`,
 * `P2M`); undefined when malformed. Months count 30 days and years 365, as Key Vault does.
 */
export function durationDays(text: string): number | undefined {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?$/.exec(text);
  if (!m || text === 'P') {
    return undefined;
  }
  return Number(m[1] ?? 0) * 365 + Number(m[2] ?? 0) * 30 + Number(m[3] ?? 0);
}

/** Checks an ISO 8601 duration of at least `minDays`; returns its days (undefined for a token). */
export function requireDuration(construct: ErrorSubject, prop: string, value: string, minDays: number): number | undefined {
  if (isToken(value)) {
    return undefined;
  }
  const days = durationDays(value);
  requireProp(days !== undefined, construct, prop, value, 'is not an ISO 8601 duration in years, months or days', "write it like 'P90D', 'P6M' or 'P2Y'");
  requireProp((days ?? 0) >= minDays, construct, prop, value, `is shorter than the minimum of ${minDays} days`, `use at least 'P${minDays}D'`);
  return days;
}
