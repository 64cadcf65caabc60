/**
 * Input variables: type constraints (with `optional(type, default)` attributes, as AKS modules write
 * their settings objects) and the values a root module gets, in Terraform's order of precedence:
 * the `default`, then `terraform.tfvars`, `terraform.tfvars.json`, `*.auto.tfvars` and
 * `*.auto.tfvars.json` in lexical order, then each `--var-file` in the order given, then each `--var`
 * (later wins). Environment variables (`TF_VAR_*`) are not read: the report judges what is written down.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { JsonObject, JsonValue } from '../../core/terraform-document';
import { evaluate, type Scope } from './evaluate';
import { isTemplate, parseExpression, parseTemplate, type Node } from './syntax';
import { EvalError, isObject, isOpaque, ObjectValue, Value } from './values';

/** A type constraint. */
export type TypeConstraint =
  | { readonly k: 'any' | 'string' | 'number' | 'bool' }
  | { readonly k: 'list' | 'set' | 'map'; readonly of: TypeConstraint }
  | { readonly k: 'tuple'; readonly items: readonly TypeConstraint[] }
  | { readonly k: 'object'; readonly attrs: Readonly<Record<string, { readonly type: TypeConstraint; readonly optional: boolean; readonly default?: Value }>> };

const ANY: TypeConstraint = { k: 'any' };
const EMPTY_SCOPE: Scope = { lookup: () => undefined };

/** Reads a `type` as hcl2json gives it (`"${map(object({ a = optional(string, \"x\") }))}"`). */
export function parseType(text: JsonValue | undefined): TypeConstraint {
  if (typeof text !== 'string') {
    return ANY;
  }
  try {
    return typeOf(parseTemplate(text));
  } catch {
    return ANY;
  }
}

function typeOf(node: Node): TypeConstraint {
  if (node.k === 'name') {
    return node.name === 'string' || node.name === 'number' || node.name === 'bool' ? { k: node.name } : ANY;
  }
  if (node.k !== 'call') {
    return ANY;
  }
  const [arg] = node.args;
  switch (node.name) {
    case 'list':
    case 'set':
    case 'map':
      return { k: node.name, of: arg ? typeOf(arg) : ANY };
    case 'tuple':
      return arg?.k === 'tuple' ? { k: 'tuple', items: arg.items.map(typeOf) } : ANY;
    case 'object': {
      if (arg?.k !== 'object') {
        return ANY;
      }
      const attrs: Record<string, { type: TypeConstraint; optional: boolean; default?: Value }> = {};
      for (const [kn, vn] of arg.items) {
        if (kn.k !== 'lit' || typeof kn.v !== 'string') continue;
        if (vn.k === 'call' && vn.name === 'optional') {
          attrs[kn.v] = { type: vn.args[0] ? typeOf(vn.args[0]) : ANY, optional: true, default: vn.args[1] ? constant(vn.args[1]) : undefined };
        } else {
          attrs[kn.v] = { type: typeOf(vn), optional: false };
        }
      }
      return { k: 'object', attrs };
    }
    default:
      return ANY;
  }
}

function constant(node: Node): Value | undefined {
  try {
    return evaluate(node, EMPTY_SCOPE);
  } catch {
    return undefined;
  }
}

/**
 * Converts a value to a type constraint as Terraform does for variables: primitives between each
 * other, absent optional attributes get their default (or null), other extra attributes are dropped.
 * What cannot be converted is returned as it is (the report judges values, not type errors).
 */
export function convert(v: Value, t: TypeConstraint): Value {
  if (v === null || isOpaque(v) || t.k === 'any') {
    return v;
  }
  switch (t.k) {
    case 'string':
      return typeof v === 'number' ? String(v) : typeof v === 'boolean' ? String(v) : v;
    case 'number':
      return typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : v;
    case 'bool':
      return v === 'true' ? true : v === 'false' ? false : v;
    case 'list':
    case 'set': {
      if (!Array.isArray(v)) return v;
      const items = v.map((x) => convert(x, t.of));
      return t.k === 'set' && items.every((x) => typeof x === 'string') ? [...new Set(items as string[])].sort() : items;
    }
    case 'map':
      return isObject(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, convert(x, t.of)])) : v;
    case 'tuple':
      return Array.isArray(v) ? v.map((x, i) => (t.items[i] ? convert(x, t.items[i]) : x)) : v;
    case 'object': {
      if (!isObject(v)) return v;
      const out: ObjectValue = {};
      for (const [name, a] of Object.entries(t.attrs)) {
        if (Object.prototype.hasOwnProperty.call(v, name) && !(a.optional && v[name] === null && a.default !== undefined)) {
          out[name] = convert(v[name], a.type);
        } else {
          out[name] = a.default === undefined ? null : convert(a.default, a.type);
        }
      }
      return out;
    }
  }
}

/** Where variable values come from. */
export interface VariableOptions {
  /** `--var-file` files, in command-line order (relative to the working directory). */
  readonly varFiles?: readonly string[];
  /** `--var name=value` values, applied after the files. */
  readonly vars?: Readonly<Record<string, string>>;
}

/** An HCL parser (hcl2json's `parse`), passed in so that this module stays free of the WASM loader. */
export type HclParse = (filename: string, text: string) => Promise<JsonObject>;

/** Values the root module's variables get from tfvars files and the command line, and the files read. */
export async function rootVariableValues(
  dir: string,
  types: Readonly<Record<string, TypeConstraint>>,
  options: VariableOptions,
  parse: HclParse,
): Promise<{ values: Record<string, Value>; files: string[] }> {
  const values: Record<string, Value> = {};
  const files: string[] = [];
  const names = fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
  const auto = names.filter((f) => f.endsWith('.auto.tfvars') || f.endsWith('.auto.tfvars.json'));
  const found = ['terraform.tfvars', 'terraform.tfvars.json'].filter((f) => names.includes(f)).concat(auto).map((f) => path.join(dir, f));
  for (const file of [...found, ...(options.varFiles ?? [])]) {
    Object.assign(values, await readVarFile(file, parse));
    files.push(file);
  }
  for (const [name, text] of Object.entries(options.vars ?? {})) {
    values[name] = commandLineValue(text, types[name] ?? ANY);
  }
  return { values, files };
}

/** A tfvars file's values (HCL or, for `.json`, JSON whose strings are literal). */
async function readVarFile(file: string, parse: HclParse): Promise<Record<string, Value>> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new EvalError(`variable file ${file} cannot be read`);
  }
  if (file.endsWith('.json')) {
    try {
      return JSON.parse(text) as Record<string, Value>;
    } catch (e) {
      throw new EvalError(`variable file ${file} is not valid JSON: ${(e as Error).message}`);
    }
  }
  let json: JsonObject;
  try {
    json = await parse(path.basename(file), text);
  } catch (e) {
    throw new EvalError(`variable file ${file} is not valid HCL: ${(e as Error).message}`);
  }
  return Object.fromEntries(Object.entries(json).map(([k, v]) => [k, constantJson(v)]));
}

/** A constant written in hcl2json's JSON (strings are templates without references). */
export function constantJson(v: JsonValue): Value {
  if (typeof v === 'string') {
    return isTemplate(v) ? (constant(safeParse(v)) ?? v) : v;
  }
  if (Array.isArray(v)) {
    return v.map(constantJson);
  }
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, constantJson(x)]));
  }
  return v;
}

function safeParse(text: string): Node {
  try {
    return parseTemplate(text);
  } catch {
    return { k: 'lit', v: text };
  }
}

/**
 * A `--var` value: a string for a string variable (and for an untyped one unless it reads as a list or
 * object); otherwise parsed as an HCL expression, as Terraform does for complex types.
 */
export function commandLineValue(text: string, type: TypeConstraint): Value {
  const complex = type.k !== 'string' && (type.k !== 'any' || /^\s*[[{]/.test(text));
  if (!complex) {
    return convert(text, type);
  }
  try {
    return convert(evaluate(parseExpression(text), EMPTY_SCOPE), type);
  } catch {
    return convert(text, type);
  }
}
