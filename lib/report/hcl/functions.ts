/**
 * The pure Terraform functions the evaluator knows, as AKS modules use them on their settings. A
 * function that is not here (`file`, `timestamp`, `uuid`, ...) makes its result unknown.
 *
 * Unless a function is marked `partial`, an opaque argument anywhere makes the result opaque; a
 * partial function (e.g. `merge`, `length`, `concat`) works on known containers that hold opaque
 * elements, and only an opaque argument at the top level makes it opaque.
 */
import { cidrOf, formatIp, parseIp } from '../../core/cidr';
import {
  asBool,
  asList,
  asNumber,
  asObject,
  asString,
  equal,
  EvalError,
  formatNumber,
  isObject,
  isOpaque,
  ObjectValue,
  sortedKeys,
  toJson,
  typeOf,
  Value,
} from './values';

export interface FunctionDef {
  readonly fn: (args: Value[]) => Value;
  /** Works on containers with opaque elements (see the file comment). */
  readonly partial?: boolean;
}

/** The base block of a CIDR argument (IPv4; host bits are ignored, as Terraform does). */
function baseOf(text: string): { first: number; prefix: number } {
  const [ip, bits] = text.split('/');
  const first = parseIp(ip);
  const prefix = Number(bits);
  if (first === undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > 32) throw new EvalError(`${text} is not an IPv4 CIDR block`);
  const size = 2 ** (32 - prefix);
  return { first: first - (first % size), prefix };
}

function cidrSubnet(base: string, newBits: number, num: number): string {
  const b = baseOf(base);
  const prefix = b.prefix + newBits;
  if (prefix > 32 || num < 0 || num >= 2 ** newBits) throw new EvalError(`cidrsubnet: ${num} does not fit in ${newBits} bits after ${base}`);
  return cidrOf(b.first + num * 2 ** (32 - prefix), prefix).text;
}

function cidrHost(base: string, num: number): string {
  const b = baseOf(base);
  const size = 2 ** (32 - b.prefix);
  if (num >= size || -num > size) throw new EvalError(`cidrhost: ${num} is outside ${base}`);
  return formatIp(b.first + (num < 0 ? size + num : num));
}

function sorted(list: readonly string[]): string[] {
  return [...list].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Terraform's set semantics: unique elements; strings in lexical order. */
function toSet(list: readonly Value[]): Value[] {
  const out: Value[] = [];
  for (const v of list) {
    if (!out.some((o) => equal(o, v))) out.push(v);
  }
  return out.every((v) => typeof v === 'string') ? sorted(out as string[]) : out;
}

function flatten(list: readonly Value[]): Value[] {
  return list.flatMap((v) => (Array.isArray(v) ? flatten(v) : isOpaque(v) ? (() => { throw new EvalError('opaque'); })() : [v]));
}

/** Go's fmt verbs as Terraform's `format` supports them (the common ones). */
function format(spec: string, args: readonly Value[]): string {
  let i = 0;
  return spec.replace(/%(-?0?\d*)(\.\d+)?([sdvqft%])/g, (_m, width: string, prec: string | undefined, verb: string) => {
    if (verb === '%') return '%';
    const v = args[i++];
    if (v === undefined) throw new EvalError('format: not enough arguments');
    let s: string;
    switch (verb) {
      case 'd':
        s = formatNumber(Math.trunc(asNumber(v)));
        break;
      case 'f':
        s = asNumber(v).toFixed(prec ? Number(prec.slice(1)) : 6);
        break;
      case 'q':
        s = JSON.stringify(asString(v));
        break;
      case 't':
        s = String(asBool(v));
        break;
      case 'v':
        s = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? asString(v) : JSON.stringify(toJson(v));
        break;
      default:
        s = asString(v);
    }
    const w = Number(width);
    return width.startsWith('-') ? s.padEnd(-w) : w > 0 ? s.padStart(w, width.startsWith('0') ? '0' : ' ') : s;
  });
}

function minMax(args: Value[], pick: (a: number, b: number) => number): number {
  if (args.length === 0) throw new EvalError('needs at least one number');
  return args.map(asNumber).reduce((a, b) => pick(a, b));
}

function lengthOf(v: Value): number {
  if (typeof v === 'string') return [...v].length;
  if (Array.isArray(v)) return v.length;
  if (isObject(v)) return Object.keys(v).length;
  throw new EvalError(`length of ${typeOf(v)}`);
}

function regexOf(pattern: string): RegExp {
  // RE2 and JavaScript agree on the syntax modules use; named groups differ in spelling only.
  return new RegExp(pattern.replace(/\(\?P</g, '(?<'));
}

function replace(s: string, find: string, by: string): string {
  if (find.length > 1 && find.startsWith('/') && find.endsWith('/')) {
    return s.replace(new RegExp(regexOf(find.slice(1, -1)).source, 'g'), by.replace(/\$\{?(\w+)\}?/g, '$$<$1>').replace(/\$<(\d+)>/g, '$$$1'));
  }
  return s.split(find).join(by);
}

const FUNCTIONS: Record<string, FunctionDef> = {
  // collections
  coalesce: { fn: (a) => { const v = a.find((x) => x !== null && x !== ''); if (v === undefined) throw new EvalError('coalesce: no non-null argument'); return v; }, partial: true },
  coalescelist: { fn: (a) => a.find((x) => Array.isArray(x) && x.length > 0) ?? (() => { throw new EvalError('coalescelist: no non-empty list'); })(), partial: true },
  compact: { fn: (a) => asList(a[0]).filter((x) => x !== null && x !== '').map((x) => asString(x)) },
  concat: { fn: (a) => a.flatMap(asList), partial: true },
  contains: { fn: (a) => asList(a[0]).some((x) => equal(x, a[1])) },
  distinct: { fn: (a) => { const out: Value[] = []; for (const v of asList(a[0])) if (!out.some((o) => equal(o, v))) out.push(v); return out; } },
  element: { fn: (a) => { const l = asList(a[0]); if (l.length === 0) throw new EvalError('element of an empty list'); const i = Math.trunc(asNumber(a[1])); return l[((i % l.length) + l.length) % l.length]; }, partial: true },
  flatten: { fn: (a) => flatten(asList(a[0])) , partial: true },
  index: { fn: (a) => { const i = asList(a[0]).findIndex((x) => equal(x, a[1])); if (i < 0) throw new EvalError('index: not found'); return i; } },
  keys: { fn: (a) => sortedKeys(asObject(a[0])), partial: true },
  length: { fn: (a) => lengthOf(a[0]), partial: true },
  lookup: {
    fn: (a) => {
      const o = asObject(a[0]);
      const k = asString(a[1]);
      if (k in o) return o[k];
      if (a.length > 2) return a[2];
      throw new EvalError(`lookup: no key ${JSON.stringify(k)}`);
    },
    partial: true,
  },
  merge: {
    fn: (a) => {
      const out: ObjectValue = {};
      for (const o of a) if (o !== null) Object.assign(out, asObject(o));
      return out;
    },
    partial: true,
  },
  one: { fn: (a) => { const l = asList(a[0]); if (l.length > 1) throw new EvalError('one: more than one element'); return l.length === 0 ? null : l[0]; }, partial: true },
  range: {
    fn: (a) => {
      const n = a.map(asNumber);
      const [start, end, step] = n.length === 1 ? [0, n[0], 1] : [n[0], n[1], n[2] ?? (n[0] <= n[1] ? 1 : -1)];
      const out: number[] = [];
      for (let i = start; step > 0 ? i < end : i > end; i += step) {
        out.push(i);
        if (out.length > 1024) throw new EvalError('range: too many elements');
      }
      return out;
    },
  },
  reverse: { fn: (a) => [...asList(a[0])].reverse(), partial: true },
  setintersection: { fn: (a) => toSet(asList(a[0]).filter((x) => a.slice(1).every((s) => asList(s).some((y) => equal(x, y))))) },
  setsubtract: { fn: (a) => toSet(asList(a[0]).filter((x) => !asList(a[1]).some((y) => equal(x, y)))) },
  setunion: { fn: (a) => toSet(a.flatMap(asList)) },
  slice: { fn: (a) => asList(a[0]).slice(asNumber(a[1]), asNumber(a[2])), partial: true },
  sort: { fn: (a) => sorted(asList(a[0]).map(asString)) },
  sum: { fn: (a) => asList(a[0]).map(asNumber).reduce((x, y) => x + y, 0) },
  tolist: { fn: (a) => (Array.isArray(a[0]) ? a[0] : asList(a[0])), partial: true },
  toset: { fn: (a) => toSet(asList(a[0])) },
  tomap: { fn: (a) => asObject(a[0]), partial: true },
  transpose: {
    fn: (a) => {
      const out: Record<string, string[]> = {};
      for (const [k, l] of Object.entries(asObject(a[0]))) for (const v of asList(l)) (out[asString(v)] ??= []).push(k);
      return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, sorted(v)]));
    },
  },
  values: { fn: (a) => { const o = asObject(a[0]); return sortedKeys(o).map((k) => o[k]); }, partial: true },
  zipmap: { fn: (a) => { const ks = asList(a[0]).map(asString); const vs = asList(a[1]); return Object.fromEntries(ks.map((k, i) => [k, vs[i]])); }, partial: true },
  alltrue: { fn: (a) => asList(a[0]).every((x) => asBool(x)) },
  anytrue: { fn: (a) => asList(a[0]).some((x) => asBool(x)) },
  // strings
  chomp: { fn: (a) => asString(a[0]).replace(/(\r?\n)+$/, '') },
  endswith: { fn: (a) => asString(a[0]).endsWith(asString(a[1])) },
  format: { fn: (a) => format(asString(a[0]), a.slice(1)) },
  formatlist: {
    fn: (a) => {
      const n = Math.max(...a.slice(1).map((x) => (Array.isArray(x) ? x.length : 1)));
      return Array.from({ length: n }, (_, i) => format(asString(a[0]), a.slice(1).map((x) => (Array.isArray(x) ? x[i] : x))));
    },
  },
  indent: { fn: (a) => asString(a[1]).replace(/\n/g, `\n${' '.repeat(asNumber(a[0]))}`) },
  join: { fn: (a) => asList(a[1]).map(asString).join(asString(a[0])) },
  lower: { fn: (a) => asString(a[0]).toLowerCase() },
  regex: { fn: (a) => { const m = regexOf(asString(a[0])).exec(asString(a[1])); if (!m) throw new EvalError('regex: no match'); return m.groups ? { ...m.groups } : m.length > 1 ? m.slice(1) : m[0]; } },
  regexall: { fn: (a) => [...asString(a[1]).matchAll(new RegExp(regexOf(asString(a[0])).source, 'g'))].map((m) => (m.length > 1 ? m.slice(1) : m[0])) },
  replace: { fn: (a) => replace(asString(a[0]), asString(a[1]), asString(a[2])) },
  split: { fn: (a) => asString(a[1]).split(asString(a[0])) },
  startswith: { fn: (a) => asString(a[0]).startsWith(asString(a[1])) },
  strcontains: { fn: (a) => asString(a[0]).includes(asString(a[1])) },
  substr: { fn: (a) => { const s = [...asString(a[0])]; const off = asNumber(a[1]); const len = asNumber(a[2]); const start = off < 0 ? s.length + off : off; return s.slice(start, len < 0 ? undefined : start + len).join(''); } },
  title: { fn: (a) => asString(a[0]).replace(/\b\w/g, (c) => c.toUpperCase()) },
  trim: { fn: (a) => { const cut = [...asString(a[1])]; let s = asString(a[0]); while (s && cut.includes(s[0])) s = s.slice(1); while (s && cut.includes(s[s.length - 1])) s = s.slice(0, -1); return s; } },
  trimprefix: { fn: (a) => { const s = asString(a[0]); const p = asString(a[1]); return s.startsWith(p) ? s.slice(p.length) : s; } },
  trimsuffix: { fn: (a) => { const s = asString(a[0]); const p = asString(a[1]); return p && s.endsWith(p) ? s.slice(0, -p.length) : s; } },
  trimspace: { fn: (a) => asString(a[0]).trim() },
  upper: { fn: (a) => asString(a[0]).toUpperCase() },
  // numbers
  abs: { fn: (a) => Math.abs(asNumber(a[0])) },
  ceil: { fn: (a) => Math.ceil(asNumber(a[0])) },
  floor: { fn: (a) => Math.floor(asNumber(a[0])) },
  max: { fn: (a) => minMax(a, Math.max) },
  min: { fn: (a) => minMax(a, Math.min) },
  parseint: { fn: (a) => { const n = parseInt(asString(a[0]), asNumber(a[1])); if (Number.isNaN(n)) throw new EvalError('parseint: not a number'); return n; } },
  pow: { fn: (a) => asNumber(a[0]) ** asNumber(a[1]) },
  signum: { fn: (a) => Math.sign(asNumber(a[0])) },
  // types and encoding
  jsonencode: { fn: (a) => JSON.stringify(toJson(a[0])) },
  jsondecode: { fn: (a) => { try { return JSON.parse(asString(a[0])) as Value; } catch { throw new EvalError('jsondecode: invalid JSON'); } } },
  tobool: { fn: (a) => (a[0] === null ? null : asBool(a[0])) },
  tonumber: { fn: (a) => (a[0] === null ? null : asNumber(a[0])) },
  tostring: { fn: (a) => (a[0] === null ? null : asString(a[0])) },
  type: { fn: (a) => typeOf(a[0]) },
  // network
  cidrsubnet: { fn: (a) => cidrSubnet(asString(a[0]), asNumber(a[1]), asNumber(a[2])) },
  cidrhost: { fn: (a) => cidrHost(asString(a[0]), asNumber(a[1])) },
  cidrsubnets: {
    fn: (a) => {
      const base = asString(a[0]);
      const prefix = Number(base.split('/')[1]);
      let next = 0;
      return a.slice(1).map((bits) => {
        const newBits = asNumber(bits);
        const size = 2 ** (32 - prefix - newBits);
        next = Math.ceil(next / size) * size;
        const out = cidrSubnet(base, newBits, next / size);
        next += size;
        return out;
      });
    },
  },
};

/** The function of that name (without a `provider::` prefix), if the evaluator knows it. */
export function lookupFunction(name: string): FunctionDef | undefined {
  return Object.prototype.hasOwnProperty.call(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
}

/** The names of the functions the evaluator knows, for documentation and tests. */
export const KNOWN_FUNCTIONS: readonly string[] = Object.keys(FUNCTIONS).concat(['try', 'can']).sort();
