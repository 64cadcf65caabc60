/**
 * Synth-time input checks shared by the ingress and disaster-recovery constructs. Every check
 * skips unresolved tokens (values only Terraform knows) and throws a PropError naming the
 * construct, the prop, the value and the fix.
 */
import { Token } from 'cdktf';
import { ErrorSubject, PropError } from '../core/errors';
import { checkName as kitCheckName, checkReason as kitCheckReason } from '../core/validate';

/** An Azure naming rule: a pattern and the sentence that explains it. */
export interface NameRule {
  readonly pattern: RegExp;
  readonly rule: string;
}

/** Naming rules of the resource types these constructs create (Azure's and the provider's). */
export const NAME_RULES = {
  backupVault: { pattern: /^[A-Za-z][-A-Za-z0-9]{0,48}[A-Za-z0-9]$/, rule: '2-50 letters, digits and hyphens, starting with a letter and ending with a letter or digit' },
  storageAccount: { pattern: /^[a-z0-9]{3,24}$/, rule: '3-24 lowercase letters and digits (globally unique)' },
  storageContainer: { pattern: /^(?!.*--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/, rule: '3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit' },
  fluxName: { pattern: /^[a-z\d]([-a-z\d]{0,28}[a-z\d])?$/, rule: '1-30 lowercase letters, digits and hyphens, starting and ending with a letter or digit' },
  kubernetesName: { pattern: /^[a-z\d]([-a-z\d]{0,61}[a-z\d])?$/, rule: '1-63 lowercase letters, digits and hyphens, starting and ending with a letter or digit' },
  trafficManagerProfile: { pattern: /^[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?$/, rule: '1-63 letters, digits and hyphens, starting and ending with a letter or digit' },
  trafficManagerEndpoint: { pattern: /^[A-Za-z0-9]([-A-Za-z0-9._]{0,78}[A-Za-z0-9_])?$/, rule: '1-80 letters, digits, hyphens, periods and underscores, starting with a letter or digit' },
  applicationGateway: { pattern: /^[A-Za-z0-9]([-A-Za-z0-9._]{0,78}[A-Za-z0-9_])?$/, rule: '1-80 letters, digits, hyphens, periods and underscores, starting with a letter or digit and ending with a letter, digit or underscore' },
  wafPolicy: { pattern: /^[A-Za-z0-9]([-A-Za-z0-9._]{0,126}[A-Za-z0-9_])?$/, rule: '1-128 letters, digits, hyphens, periods and underscores, starting with a letter or digit and ending with a letter, digit or underscore' },
} as const satisfies Record<string, NameRule>;

/** Whether a value is known at synth (a literal, not a Terraform token). */
export function known<T>(value: T): boolean {
  if (value === undefined || value === null) {
    return false;
  }
  if (typeof value === 'string' || typeof value === 'number' || Array.isArray(value)) {
    return !Token.isUnresolved(value);
  }
  return true;
}

/** Throws unless a name (when known) matches its rule: the kit's check, skipped when the name is not given. */
export function checkName(construct: ErrorSubject, prop: string, value: string, rule: NameRule): void {
  if (known(value)) {
    kitCheckName(construct, prop, value, rule);
  }
}

/** Throws unless an integer (when known) lies in [min, max]. */
export function checkRange(construct: ErrorSubject, prop: string, value: number | undefined, min: number, max: number, unit = ''): void {
  if (value === undefined || !known(value)) {
    return;
  }
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new PropError(construct, prop, value, `is outside ${min}-${max}${unit}`, `give a whole number between ${min} and ${max}${unit}`);
  }
}

/** Throws unless a value (when known) is one of the allowed ones. */
export function checkOneOf<T extends string | number>(construct: ErrorSubject, prop: string, value: T | undefined, allowed: readonly T[]): void {
  if (value === undefined || !known(value)) {
    return;
  }
  if (!allowed.includes(value)) {
    throw new PropError(construct, prop, value, `is not one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`, `use one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`);
  }
}

/** Throws when a loosening prop is given without a reason a reviewer can judge (the kit's check); returns it trimmed. */
export function checkReason(construct: ErrorSubject, prop: string, reason: string | undefined, what: string): string {
  return kitCheckReason(construct, prop, reason, what);
}

/** Throws on a duplicate in a list of names (known values only). */
export function checkUnique(construct: string, prop: string, values: readonly (string | number)[]): void {
  const seen = new Set<string | number>();
  for (const v of values) {
    if (!known(v)) {
      continue;
    }
    if (seen.has(v)) {
      throw new PropError(construct, prop, v, 'is used twice', 'give each entry a distinct value');
    }
    seen.add(v);
  }
}
