/** The validation kit (lib/core/validate.ts): Kubernetes syntax: label keys and values, durations, surges. */
import { ErrorSubject, PropError } from '../errors';
import { DNS_SUBDOMAIN } from './names';
import { isToken } from './tokens';

// ---------------------------------------------------------------------------------------------
// Kubernetes syntax

/** Label key prefixes reserved for Kubernetes and AKS: users may not set labels under them. */
export const RESERVED_LABEL_PREFIXES = ['kubernetes.io/', 'k8s.io/', 'kubernetes.azure.com/'] as const;
/** Label keys under a reserved prefix that users may set (kubelet's allowed node labels). */
const ALLOWED_RESERVED_LABELS = ['node.kubernetes.io/instance-type', 'node.kubernetes.io/exclude-from-external-load-balancers'];

const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
/** A Kubernetes label value: at most 63 characters, alphanumeric at both ends, `-_.` inside (may be empty). */
export const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$/;

/** The reserved prefix a label key falls under (`node.kubernetes.io/x` is under `kubernetes.io/`). */
export function reservedLabelPrefix(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  if (slash < 0 || ALLOWED_RESERVED_LABELS.includes(key)) {
    return undefined;
  }
  const prefix = key.slice(0, slash + 1).toLowerCase();
  return RESERVED_LABEL_PREFIXES.find((r) => prefix === r || prefix.endsWith(`.${r}`));
}

/** Whether a string is a valid label key (`[prefix/]name`). */
export function isLabelKey(key: string): boolean {
  const slash = key.lastIndexOf('/');
  const prefix = slash < 0 ? undefined : key.slice(0, slash);
  const name = slash < 0 ? key : key.slice(slash + 1);
  return LABEL_NAME.test(name) && (prefix === undefined || DNS_SUBDOMAIN.test(prefix));
}

/** Checks a label key: syntax, and (unless `allowReserved`) not under a reserved prefix. */
export function checkLabelKey(at: ErrorSubject, prop: string, key: string, options: { readonly allowReserved?: boolean } = {}): void {
  if (!isLabelKey(key)) {
    throw new PropError(at, prop, key, 'is not a valid Kubernetes label key', 'use [prefix/]name: an optional DNS subdomain prefix, then 1-63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit');
  }
  const reserved = options.allowReserved ? undefined : reservedLabelPrefix(key);
  if (reserved) {
    throw new PropError(at, prop, key, `uses the prefix '${reserved}', which Kubernetes and AKS reserve (AKS rejects or overwrites such labels)`, `use your own prefix, e.g. '${key.slice(key.lastIndexOf('/') + 1)}' or 'contoso.com/${key.slice(key.lastIndexOf('/') + 1)}'`);
  }
}

/** Checks a label value. */
export function checkLabelValue(at: ErrorSubject, prop: string, value: unknown): void {
  if (typeof value !== 'string' || !LABEL_VALUE.test(value)) {
    throw new PropError(at, prop, value, 'is not a valid Kubernetes label value', 'use at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit');
  }
}

/** Checks a label map: every key and value (reserved prefixes rejected unless allowed). */
export function checkLabels(at: ErrorSubject, prop: string, labels: Readonly<Record<string, unknown>> | undefined, options: { readonly allowReserved?: boolean } = {}): void {
  for (const [key, value] of Object.entries(labels ?? {})) {
    checkLabelKey(at, `${prop}.${key}`, key, options);
    checkLabelValue(at, `${prop}.${key}`, value);
  }
}

/** Seconds in a Go-style duration (`30s`, `2m`, `1h30m`); undefined when malformed. */
export function durationSeconds(text: string): number | undefined {
  if (!/^(\d+(\.\d+)?(h|m|s))+$/.test(text)) {
    return undefined;
  }
  let total = 0;
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)(h|m|s)/g)) {
    total += Number(m[1]) * (m[2] === 'h' ? 3600 : m[2] === 'm' ? 60 : 1);
  }
  return total;
}

/**
 * Checks a duration as Kubernetes and AKS write it (`10s`, `2m`, `1h30m`), optionally within
 * [minSeconds, maxSeconds]. Returns its seconds (undefined when not given or a token).
 */
export function checkDuration(at: ErrorSubject, prop: string, value: unknown, range: { readonly minSeconds?: number; readonly maxSeconds?: number } = {}): number | undefined {
  if (value === undefined || isToken(value)) {
    return undefined;
  }
  const seconds = typeof value === 'string' ? durationSeconds(value) : undefined;
  if (seconds === undefined) {
    throw new PropError(at, prop, value, 'is not a duration', "write it as a number and a unit without spaces: '30s', '2m', '1h' or '1h30m'");
  }
  const { minSeconds = 0, maxSeconds = Infinity } = range;
  if (seconds < minSeconds || seconds > maxSeconds) {
    throw new PropError(at, prop, value, `is outside ${formatSeconds(minSeconds)}-${maxSeconds === Infinity ? '' : formatSeconds(maxSeconds)}`, `give a duration from ${formatSeconds(minSeconds)} to ${maxSeconds === Infinity ? 'any length' : formatSeconds(maxSeconds)}`);
  }
  return seconds;
}

function formatSeconds(s: number): string {
  return s % 3600 === 0 && s > 0 ? `${s / 3600}h` : s % 60 === 0 && s > 0 ? `${s / 60}m` : `${s}s`;
}

/** Checks a surge as AKS takes it: a node count (`1`-`100`) or a percentage (`1%`-`100%`). */
export function checkMaxSurge(at: ErrorSubject, prop: string, value: unknown): void {
  if (value === undefined || isToken(value)) {
    return;
  }
  const m = typeof value === 'string' ? /^(\d+)(%?)$/.exec(value) : null;
  const n = m ? Number(m[1]) : NaN;
  if (!m || n < 1 || n > 100) {
    throw new PropError(at, prop, value, 'is not a surge AKS accepts', "give a node count from '1' to '100' or a percentage from '1%' to '100%', e.g. '33%'");
  }
}
