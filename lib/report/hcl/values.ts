/**
 * Values of the HCL evaluator: JSON-like known values, and `Opaque` for what the evaluator cannot know
 * (a block's attribute known after apply, a data source, an unset variable, a function it does not
 * evaluate). An opaque value keeps an expression text, so that the report still sees what it is
 * (`${azurerm_subnet.nodes.id}` is a reference, `${var.x}` is unknown), as lib/core/resolved-config.ts says.
 */
import type { JsonValue } from '../../core/terraform-document';

/** A value the evaluator cannot know, with the expression that stands for it. */
export class Opaque {
  /**
   * @param text the expression, without `${}`, with block addresses written in full
   * @param ref whether it is a reference to a block (or a template of references and literals)
   * @param json the string the value becomes in the output, when not `${text}` (a template: `x-${a.b.id}`)
   * @param notNull whether it is known not to be null (a template, an operator's or most functions'
   *   result), as Terraform refines unknown values: `coalesce("a", x) != null` is true
   */
  public constructor(
    public readonly text: string,
    public readonly ref: boolean,
    public readonly json?: string,
    public readonly notNull = false,
  ) {}
}

/**
 * Something named in an expression whose attributes are looked up lazily: `var`, `local`, a resource
 * (`azurerm_subnet.x`), a module call. Used as a value it is opaque, a reference to what it names.
 */
export class Lazy {
  public constructor(
    public readonly text: string,
    public readonly attr: (name: string) => Value,
    public readonly ref = true,
  ) {}
}

/** An evaluator value. Objects are plain objects (never an Opaque or Lazy). */
export type Value = null | string | number | boolean | Value[] | { [key: string]: Value } | Opaque | Lazy;
export type ObjectValue = { [key: string]: Value };

/** An error Terraform would raise (caught by `try` and `can`; elsewhere the value becomes unknown). */
export class EvalError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'EvalError';
  }
}

export function isObject(v: Value | undefined): v is ObjectValue {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Opaque) && !(v instanceof Lazy);
}

export function isOpaque(v: Value | undefined): v is Opaque | Lazy {
  return v instanceof Opaque || v instanceof Lazy;
}

/** Whether a value is opaque anywhere inside. */
export function hasOpaque(v: Value): boolean {
  if (isOpaque(v)) {
    return true;
  }
  if (Array.isArray(v)) {
    return v.some(hasOpaque);
  }
  if (isObject(v)) {
    return Object.values(v).some(hasOpaque);
  }
  return false;
}

/** The value as an Opaque (a Lazy becomes the reference it names). */
export function opaqueOf(v: Opaque | Lazy): Opaque {
  return v instanceof Opaque ? v : new Opaque(v.text, v.ref);
}

/** Writes a value as a native-syntax expression (for the text of an opaque result). */
export function render(v: Value): string {
  if (v instanceof Opaque || v instanceof Lazy) {
    return v.text;
  }
  if (v === null) {
    return 'null';
  }
  if (typeof v === 'string') {
    return JSON.stringify(v).replace(/\$\{/g, '$$$${').replace(/%\{/g, '%%{');
  }
  if (typeof v === 'number' || typeof v === 'boolean') {
    return String(v);
  }
  if (Array.isArray(v)) {
    return `[${v.map(render).join(', ')}]`;
  }
  return `{ ${Object.entries(v)
    .map(([k, x]) => `${/^[A-Za-z_][A-Za-z0-9_-]*$/.test(k) ? k : JSON.stringify(k)} = ${render(x)}`)
    .join(', ')} }`;
}

/** A known value as JSON; opaque values become `${expression}` strings (the resolved-config convention). */
export function toJson(v: Value): JsonValue {
  if (v instanceof Opaque) {
    return v.json ?? `\${${v.text}}`;
  }
  if (v instanceof Lazy) {
    return `\${${v.text}}`;
  }
  if (Array.isArray(v)) {
    return v.map(toJson);
  }
  if (isObject(v)) {
    const out: { [k: string]: JsonValue } = {};
    for (const [k, x] of Object.entries(v)) {
      out[k] = toJson(x);
    }
    return out;
  }
  if (typeof v === 'string' && v.includes('${')) {
    return v.replace(/\$\{/g, '$$$${');
  }
  return v;
}

/** A type name for messages. */
export function typeOf(v: Value): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'list';
  if (isObject(v)) return 'object';
  if (isOpaque(v)) return 'unknown';
  return typeof v;
}

/** Terraform's string conversion of a primitive. */
export function asString(v: Value): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return String(v);
  if (v === null) throw new EvalError('a null value cannot be used as a string');
  throw new EvalError(`a ${typeOf(v)} cannot be used as a string`);
}

export function formatNumber(n: number): string {
  return Number.isInteger(n) ? n.toFixed(0) : String(n);
}

export function asNumber(v: Value): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  throw new EvalError(`${render(v)} is not a number`);
}

export function asBool(v: Value): boolean {
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new EvalError(`${render(v)} is not a bool`);
}

/** A list, set or tuple; objects and maps are not lists. */
export function asList(v: Value): Value[] {
  if (Array.isArray(v)) return v;
  throw new EvalError(`${typeOf(v)} is not a list`);
}

export function asObject(v: Value): ObjectValue {
  if (isObject(v)) return v;
  throw new EvalError(`${typeOf(v)} is not a map or object`);
}

/** The keys of a map or object in Terraform's order (lexical). */
export function sortedKeys(o: ObjectValue): string[] {
  return Object.keys(o).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Deep equality of known values (Terraform's `==`: types must match). */
export function equal(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && equal(a[k], b[k]));
  }
  return false;
}

/**
 * Equality as Terraform decides it with unknown parts: false as soon as known parts differ (an
 * object with unknown attributes is still not null), undefined when only unknown parts could differ.
 */
export function equalKnown(a: Value, b: Value): boolean | undefined {
  if ((a === null && b instanceof Opaque && b.notNull) || (b === null && a instanceof Opaque && a.notNull)) return false;
  if (isOpaque(a) || isOpaque(b)) return undefined;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    let result: boolean | undefined = true;
    for (let i = 0; i < a.length; i++) {
      const e = equalKnown(a[i], b[i]);
      if (e === false) return false;
      if (e === undefined) result = undefined;
    }
    return result;
  }
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length || !ka.every((k) => k in b)) return false;
    let result: boolean | undefined = true;
    for (const k of ka) {
      const e = equalKnown(a[k], b[k]);
      if (e === false) return false;
      if (e === undefined) result = undefined;
    }
    return result;
  }
  return a === b;
}
