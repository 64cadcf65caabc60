/** The validation kit (lib/core/validate.ts): Tokens: whether a value is known at synth, and the checks that need a literal; errors re-raised in a construct's or its caller's terms. */
import { Token } from 'cdktf';
import type { IConstruct } from 'constructs';
import { ErrorSubject, PropError } from '../errors';

// ---------------------------------------------------------------------------------------------
// Tokens

/** Whether a value is, or contains, an unresolved cdktf token (a value only Terraform knows). */
export function isToken(value: unknown): boolean {
  if (typeof value === 'string' || typeof value === 'number') {
    return Token.isUnresolved(value);
  }
  if (Array.isArray(value)) {
    return Token.isUnresolved(value) || value.some(isToken);
  }
  return false;
}

/** Whether a value is known at synth: given, and not a token. */
export function isKnown<T>(value: T | undefined | null): value is T {
  return value !== undefined && value !== null && !isToken(value);
}

/**
 * Throws when a value (or any string inside it) is a token: for props written into files that
 * Terraform never sees (manifests applied by Flux) or that decide the synthesized shape.
 */
export function requireLiteral(
  at: ErrorSubject,
  prop: string,
  value: unknown,
  why = 'is a Terraform reference (a token), which cannot be judged or written at synth',
  fix = 'pass the literal value',
): void {
  if (typeof value === 'string' || typeof value === 'number') {
    if (Token.isUnresolved(value)) {
      throw new PropError(at, prop, String(value), why, fix);
    }
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => requireLiteral(at, `${prop}[${i}]`, v, why, fix));
  } else if (value && typeof value === 'object') {
    Object.entries(value).forEach(([k, v]) => requireLiteral(at, prop ? `${prop}.${k}` : k, v, why, fix));
  }
}

/**
 * Throws a PropError unless `ok`; a value that is (or contains) a token always passes. For a
 * one-off condition no named check covers (`assertProp` in lib/core/errors does not skip tokens).
 */
export function requireProp(ok: boolean, at: ErrorSubject, prop: string, value: unknown, problem: string, fix: string): void {
  if (!ok && !isToken(value)) {
    throw new PropError(at, prop, value, problem, fix);
  }
}
/** Re-raises a PropError raised without a scope (a helper that only knew the class name) with this construct's path. */
export function atScope<T>(scope: IConstruct, build: () => T): T {
  try {
    return build();
  } catch (e) {
    if (e instanceof PropError && e.path === undefined) {
      const located = new PropError({ construct: e.construct, scope }, e.prop, e.value, e.problem, e.fix);
      Object.assign(located, { origin: (e as { origin?: string }).origin });
      throw located;
    }
    throw e;
  }
}
// ---------------------------------------------------------------------------------------------
// Errors of inner constructs, in the caller's terms

/**
 * How an inner construct's props map to the props of the construct the user called: inner prop
 * path prefix -> outer prop path prefix (`{ geoReplicas: 'registryGeoReplicas' }` turns
 * `geoReplicas[0].location` into `registryGeoReplicas[0].location`); the key `'*'` takes every
 * other prop (`{ '*': 'tenants[0]' }` turns `owners` into `tenants[0].owners`).
 */
export type PropMapping = Readonly<Record<string, string>>;

/** The outer prop path of an inner prop, when the mapping has it (the longest matching prefix wins). */
export function mapProp(prop: string, mapping: PropMapping): string | undefined {
  const key = Object.keys(mapping)
    .filter((k) => k !== '*' && (prop === k || prop.startsWith(`${k}.`) || prop.startsWith(`${k}[`)))
    .sort((a, b) => b.length - a.length)[0];
  if (key === undefined) {
    // '*': every other prop sits under one outer prop (`{ '*': 'tenants[0]' }`: `name` -> `tenants[0].name`).
    return mapping['*'] === undefined ? undefined : `${mapping['*']}.${prop}`;
  }
  return `${mapping[key]}${prop.slice(key.length)}`;
}

/** A camelCase identifier: a prop name, not an English word (`tier`, `zones` are left alone). */
const CAMEL_PROP = /^[a-z]+[A-Z][A-Za-z0-9]*$/;

/**
 * The inner construct's fix in the caller's words: where it names the inner prop (its path, its
 * camelCase name, or the mapped camelCase prefix), it names the caller's prop instead
 * (`use networkDataPlane 'azure'` -> `use networkPolicy 'azure'` for the platform).
 */
export function fixInCallerTerms(fix: string, innerProp: string, outerProp: string, mapping: PropMapping): string {
  const leaf = (p: string): string => p.replace(/\[[^\]]*\]/g, '').split('.').pop() ?? p;
  // An inner path the outer one ends with (`'*'`: `quota.x` -> `tenants[0].quota.x`) still reads right relative to it.
  const relative = outerProp.endsWith(`.${innerProp}`);
  const swaps: [string, string][] = !relative && (/[.[]/.test(innerProp) || CAMEL_PROP.test(innerProp)) ? [[innerProp, outerProp]] : [];
  if (CAMEL_PROP.test(leaf(innerProp)) && leaf(innerProp) !== leaf(outerProp)) {
    swaps.push([leaf(innerProp), outerProp]);
  }
  for (const [k, v] of Object.entries(mapping)) {
    if (k !== '*' && CAMEL_PROP.test(k) && k !== v && (innerProp === k || innerProp.startsWith(`${k}.`) || innerProp.startsWith(`${k}[`))) {
      swaps.push([k, v]);
    }
  }
  const escape = (t: string): string => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return swaps.reduce((text, [from, to]) => (from === to ? text : text.replace(new RegExp(`(?<![\\w.])${escape(from)}(?![\\w])`, 'g'), to)), fix);
}

/**
 * Builds an inner construct; a PropError it raises about a prop that comes from the caller's props
 * is raised again as the caller's error, naming the caller's prop (`SecureAksPlatform 'platform':
 * prop 'userPools[0].maxCount'`) and, at the end, the inner construct and prop that found it.
 * Errors about props the mapping does not know pass through unchanged (they name the inner construct's path).
 */
export function asCallerError<T>(at: ErrorSubject, mapping: PropMapping, build: () => T): T {
  try {
    return build();
  } catch (e) {
    if (e instanceof PropError) {
      const prop = mapProp(e.prop, mapping);
      if (prop !== undefined) {
        const origin = (e as { origin?: string }).origin ?? `${e.construct}${e.path ? ` '${e.path}'` : ''} prop '${e.prop}'`;
        const same = new PropError(at, prop, e.value, e.problem, e.fix);
        if (same.construct === e.construct && (e.path === undefined || same.path === e.path) && (e as { origin?: string }).origin === undefined) {
          throw same; // the construct's own helper: only the prop's name changes
        }
        const fix = fixInCallerTerms(e.fix.replace(/ \[found by .*\]$/, ''), e.prop, prop, mapping);
        const outer = new PropError(at, prop, e.value, e.problem, `${fix} [found by ${origin}]`);
        Object.assign(outer, { origin });
        throw outer;
      }
    }
    throw e;
  }
}
