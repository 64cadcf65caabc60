/**
 * Evaluating a block's body for the HCL reader (./module-instance.ts): JSON values and bodies in a
 * scope, the instances of `count` and `for_each`, their addresses, and `dynamic` blocks.
 */
import type { JsonObject, JsonValue } from '../../core/terraform-document';
import { childScope, entries, evaluateSafely, type Scope } from './evaluate';
import { isTemplate, parseTemplate } from './syntax';
import { asString, isObject, isOpaque, ObjectValue, Opaque, render, Value } from './values';

/** A template's syntax tree; undefined when it does not parse. */
export function safeTemplate(text: string): ReturnType<typeof parseTemplate> | undefined {
  try {
    return parseTemplate(text);
  } catch {
    return undefined;
  }
}

/** A JSON value as an object (anything else: an empty one). */
export function asJsonObject(v: JsonValue | undefined): JsonObject {
  return v && typeof v === 'object' && !Array.isArray(v) ? v : {};
}

/** HCL-JSON writes a block as a list of bodies, Terraform JSON as one object. */
export function firstBody(v: JsonValue): JsonObject {
  return asJsonObject(Array.isArray(v) ? v[0] : v);
}

/** Meta-arguments that are not part of a block's values. */
export const META = new Set(['count', 'for_each', 'lifecycle', 'provisioner', 'connection']);

/** The instances a `count` or `for_each` makes: keys with their `count`/`each` symbols, or unknown. */
export type Instances = { readonly key?: string | number; readonly names: Record<string, Value> }[] | Opaque;

export function instancesOf(body: JsonObject, scope: Scope): Instances {
  if (body.count !== undefined) {
    const count = evalJson(body.count, scope);
    if (isOpaque(count)) return count instanceof Opaque ? count : new Opaque(count.text, false);
    const n = typeof count === 'number' ? count : Number(count);
    if (!Number.isInteger(n) || n < 0) return new Opaque(render(count), false);
    return Array.from({ length: n }, (_, i) => ({ key: i, names: { count: { index: i } } }));
  }
  if (body.for_each !== undefined) {
    const each = evalJson(body.for_each, scope);
    if (isOpaque(each)) return each instanceof Opaque ? each : new Opaque(each.text, false);
    if (Array.isArray(each)) {
      if (each.some((k) => isOpaque(k) || typeof k === 'object')) return new Opaque(render(each), false);
      return [...new Set(each.map((k) => asString(k)))].sort().map((k) => ({ key: k, names: { each: { key: k, value: k } } }));
    }
    if (isObject(each)) {
      return entries(each).map(([k, v]) => ({ key: k as string, names: { each: { key: k, value: v } } }));
    }
    return new Opaque(render(each), false);
  }
  return [{ names: {} }];
}

export function instanceAddress(base: string, key: string | number | undefined): string {
  return key === undefined ? base : typeof key === 'number' ? `${base}[${key}]` : `${base}[${JSON.stringify(key)}]`;
}

/**
 * Evaluates a value of hcl2json's output: strings are templates, objects and lists hold more.
 * @param inBlock inside a resource's body: the objects of a list are nested blocks, whose null
 *   arguments are unset (Terraform reads `x = null` as `x` not written)
 */
export function evalJson(v: JsonValue, scope: Scope, inBlock = false): Value {
  if (typeof v === 'string') {
    if (!isTemplate(v)) return v;
    try {
      return evaluateSafely(parseTemplate(v), scope);
    } catch (e) {
      // not parseable (a construct this parser does not know): unknown, as written
      return new Opaque(v.replace(/^\$\{([\s\S]*)\}$/, '$1'), false, v);
    }
  }
  if (Array.isArray(v)) {
    return v.map((x) => (inBlock && x && typeof x === 'object' && !Array.isArray(x) ? evalBody(x, scope, false, true) : evalJson(x, scope, inBlock)));
  }
  if (v && typeof v === 'object') {
    return evalBody(v, scope, false);
  }
  return v;
}

/**
 * A block body (or an object value): evaluates its values, expands its `dynamic` blocks.
 * @param top a resource's own body (meta-arguments are dropped)
 * @param block a block's body (top, nested or dynamic): null arguments are not set
 */
export function evalBody(body: JsonObject, scope: Scope, top: boolean, block = top): ObjectValue {
  const out: ObjectValue = {};
  for (const [k, v] of Object.entries(body)) {
    if (top && META.has(k)) continue;
    if (k === 'dynamic' && isDynamicGroup(v)) {
      for (const [label, specs] of Object.entries(v)) {
        const expanded = (specs as JsonObject[]).map((s) => expandDynamic(label, s, scope));
        const existing = out[label];
        const known = expanded.filter((e): e is ObjectValue[] => Array.isArray(e)).flat();
        const unknown = expanded.find((e): e is Opaque => e instanceof Opaque);
        if (Array.isArray(existing) && existing.length > 0) {
          out[label] = [...existing, ...known];
        } else {
          out[label] = unknown !== undefined && known.length === 0 ? unknown : known;
        }
      }
      continue;
    }
    const key = isTemplate(k) ? evalJson(k, scope) : k;
    const value = evalJson(v, scope, block);
    if (block && value === null) {
      continue;
    }
    if (label(key) in out && Array.isArray(out[label(key)]) && Array.isArray(value)) {
      out[label(key)] = [...(out[label(key)] as Value[]), ...value];
    } else {
      out[label(key)] = value;
    }
  }
  return out;
}

function label(key: Value): string {
  return isOpaque(key) ? `\${${key.text}}` : typeof key === 'string' ? key : render(key);
}

function isDynamicGroup(v: JsonValue): v is Record<string, JsonObject[]> {
  return isObject(v as Value) && Object.values(v as JsonObject).every((s) => Array.isArray(s) && s.every((b) => b && typeof b === 'object' && 'content' in (b as JsonObject)));
}

/**
 * A `dynamic` block: its blocks for a known `for_each`; for an unknown one, an unknown value in place of
 * the blocks (`identity = "${var.identity_ids}"`), so that the report sees their presence as unknown.
 */
function expandDynamic(name: string, spec: JsonObject, scope: Scope): ObjectValue[] | Opaque {
  const each = evalJson(spec.for_each ?? null, scope);
  if (isOpaque(each) || (!Array.isArray(each) && !isObject(each))) {
    return isOpaque(each) ? new Opaque(each.text, false) : new Opaque(render(each), false);
  }
  const iterator = typeof spec.iterator === 'string' ? spec.iterator.replace(/^\$\{(.*)\}$/, '$1') : name;
  const content = firstBody(spec.content ?? {});
  return entries(each).map(([k, v]) => evalBody(content, childScope(scope, { [iterator]: { key: k, value: v } }), false, true));
}
