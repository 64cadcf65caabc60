/**
 * Reads a folder of Terraform (`*.tf`, `*.tf.json`) as one configuration and resolves it the way
 * `terraform plan` would see it, as far as that is possible without providers: variables (defaults,
 * tfvars, `--var-file`, `--var`), locals, module calls (local ones, and registry or git ones that
 * `terraform init` put under `.terraform/modules/`), `count`, `for_each` and `dynamic` blocks. What
 * cannot be known (a data source, an attribute known after apply, an unset variable, `file()`) stays a
 * `${...}` expression, as lib/core/resolved-config.ts says; AzAPI clusters and registries are mapped to
 * the azurerm shapes the rules read (./azapi.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { ModuleCoverage, ResolvedBlock, ResolvedConfiguration, SourceLocation } from '../../core/resolved-config';
import type { JsonObject, JsonValue } from '../../core/terraform-document';
import { mapAzapiBlocks } from './azapi';
import { childScope, entries, evaluateSafely, type Scope } from './evaluate';
import { isTemplate, parseTemplate } from './syntax';
import { constantJson, convert, HclParse, parseType, rootVariableValues, TypeConstraint, VariableOptions } from './variables';
import { asString, EvalError, hasOpaque, isObject, isOpaque, Lazy, ObjectValue, Opaque, render, toJson, Value } from './values';

/** A problem with the folder (not valid HCL, unreadable): the command line reports it and exits 2. */
export class HclInputError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'HclInputError';
  }
}

/** Options of {@link readHclConfiguration}. */
export interface HclReadOptions extends VariableOptions {
  /** Display name of the configuration. @default the folder's name */
  readonly name?: string;
  /**
   * Reads only these files of the root folder (names), e.g. a single `.tf` file; modules are still
   * followed. @default every `.tf` and `.tf.json` file
   */
  readonly only?: readonly string[];
}

/** Reads the Terraform configuration in `dir` (a root module) and resolves it. */
export async function readHclConfiguration(dir: string, options: HclReadOptions = {}): Promise<ResolvedConfiguration> {
  // Loaded only for HCL input: JSON reports never pay for the converter.
  const { parse } = require('../hcl-parser') as { parse: HclParse };
  const root = path.resolve(dir);
  const reader = new Reader(root, dir, parse);
  const rootModule = await reader.load(root, options.only);
  const types = Object.fromEntries(Object.entries(rootModule.variables).map(([n, v]) => [n, parseType(v.type)]));
  let vars;
  try {
    vars = await rootVariableValues(root, types, options, parse);
  } catch (e) {
    throw new HclInputError((e as Error).message);
  }
  const undeclared = Object.keys(vars.values).filter((n) => !(n in rootModule.variables));
  if (undeclared.length > 0) {
    reader.notes.push(`values given for undeclared variables (ignored): ${undeclared.join(', ')}`);
  }
  await reader.preload(rootModule, '');
  const instance = new ModuleInstance(reader, rootModule, '', [], (name) => (name in vars.values ? vars.values[name] : undefined));
  const blocks: ResolvedBlock[] = [];
  instance.collect(blocks);
  return {
    name: options.name ?? path.basename(root),
    blocks: mapAzapiBlocks(blocks),
    coverage: {
      kind: 'hcl',
      files: [...reader.files.map((f) => reader.relative(f)), ...vars.files.map((f) => reader.relative(path.resolve(f)))],
      modules: [...reader.modules.values()],
      notes: reader.notes,
    },
  };
}

/** One resource or data block as declared. */
interface Declaration {
  readonly mode: 'resource' | 'data';
  readonly type: string;
  readonly name: string;
  readonly body: JsonObject;
  readonly source: SourceLocation;
}

/** A module's declarations (all the files of one folder). */
interface ModuleDecl {
  readonly dir: string;
  readonly variables: Record<string, JsonObject>;
  readonly locals: Record<string, JsonValue>;
  readonly outputs: Record<string, JsonObject>;
  readonly declarations: Map<string, Declaration>;
  readonly calls: Record<string, JsonObject>;
  /** Resolved folders of the module calls (filled by Reader.preload), keyed by call name. */
  readonly children: Map<string, ModuleDecl | undefined>;
}

const MODULES_JSON = path.join('.terraform', 'modules', 'modules.json');
const MAX_DEPTH = 16;

class Reader {
  public readonly files: string[] = [];
  public readonly notes: string[] = [];
  public readonly modules = new Map<string, ModuleCoverage>();
  private readonly loaded = new Map<string, ModuleDecl>();
  private initialised?: Map<string, string>;

  /**
   * @param root the root module's folder, absolute
   * @param given the folder as the caller named it: file paths in the output start with it, as read
   */
  public constructor(
    public readonly root: string,
    private readonly given: string,
    private readonly parse: HclParse,
  ) {}

  /** A file's path as read: under the folder as the caller named it (files outside it, absolute). */
  public relative(file: string): string {
    const rel = path.relative(this.root, file);
    return rel.startsWith('..') ? file : path.join(this.given, rel).split(path.sep).join('/');
  }

  /** Parses every `.tf` and `.tf.json` file of a folder into one module. */
  public async load(dir: string, only?: readonly string[]): Promise<ModuleDecl> {
    const known = this.loaded.get(dir);
    if (known) {
      return known;
    }
    let names: string[];
    try {
      names = fs.readdirSync(dir).sort();
    } catch {
      throw new HclInputError(`${dir} cannot be read`);
    }
    const decl: ModuleDecl = { dir, variables: {}, locals: {}, outputs: {}, declarations: new Map(), calls: {}, children: new Map() };
    const overrides = names.filter((f) => /(^|_)override\.tf(\.json)?$/.test(f));
    if (overrides.length > 0) {
      this.notes.push(`override files not applied: ${overrides.map((f) => this.relative(path.join(dir, f))).join(', ')}`);
    }
    for (const f of names.filter((n) => (n.endsWith('.tf') || n.endsWith('.tf.json')) && !overrides.includes(n) && (only === undefined || only.includes(n)))) {
      const file = path.join(dir, f);
      const text = fs.readFileSync(file, 'utf8');
      let json: JsonObject;
      try {
        json = f.endsWith('.json') ? (JSON.parse(text) as JsonObject) : await this.parse(f, text);
      } catch (e) {
        throw new HclInputError(`${file} is not valid ${f.endsWith('.json') ? 'JSON' : 'HCL'}: ${(e as Error).message}`);
      }
      this.files.push(file);
      this.merge(decl, json, this.relative(file), f.endsWith('.json') ? undefined : lineIndex(text));
    }
    this.loaded.set(dir, decl);
    return decl;
  }

  private merge(decl: ModuleDecl, json: JsonObject, file: string, lines: Map<string, number> | undefined): void {
    for (const mode of ['resource', 'data'] as const) {
      for (const [type, byName] of Object.entries(asJsonObject(json[mode]))) {
        for (const [name, body] of Object.entries(asJsonObject(byName))) {
          const key = `${mode === 'data' ? 'data.' : ''}${type}.${name}`;
          decl.declarations.set(key, { mode, type, name, body: firstBody(body), source: { file, line: lines?.get(`${mode}.${type}.${name}`) } });
        }
      }
    }
    for (const [name, body] of Object.entries(asJsonObject(json.variable))) decl.variables[name] = firstBody(body);
    for (const [name, body] of Object.entries(asJsonObject(json.output))) decl.outputs[name] = firstBody(body);
    for (const [name, body] of Object.entries(asJsonObject(json.module))) decl.calls[name] = firstBody(body);
    const locals = json.locals;
    for (const block of Array.isArray(locals) ? locals : locals ? [locals] : []) {
      Object.assign(decl.locals, asJsonObject(block));
    }
  }

  /** Loads the folders of every module call, recursively, recording coverage. */
  public async preload(decl: ModuleDecl, keyPath: string, depth = 0): Promise<void> {
    for (const [name, call] of Object.entries(decl.calls)) {
      const key = keyPath ? `${keyPath}.${name}` : name;
      const address = key.split('.').map((n) => `module.${n}`).join('.');
      const source = typeof call.source === 'string' ? call.source : '';
      const found = depth >= MAX_DEPTH ? { reason: `nested deeper than ${MAX_DEPTH} modules` } : this.locate(source, decl.dir, key);
      if ('dir' in found) {
        const child = await this.load(found.dir);
        decl.children.set(name, child);
        this.modules.set(address, { address, source, followed: true });
        await this.preload(child, key, depth + 1);
      } else {
        decl.children.set(name, undefined);
        this.modules.set(address, { address, source, followed: false, reason: found.reason });
      }
    }
  }

  private locate(source: string, callerDir: string, key: string): { dir: string } | { reason: string } {
    if (source.startsWith('./') || source.startsWith('../')) {
      const dir = path.resolve(callerDir, source);
      return fs.existsSync(dir) && fs.statSync(dir).isDirectory() ? { dir } : { reason: `local module folder ${this.relative(dir)} not found` };
    }
    this.initialised ??= this.readModulesJson();
    const dir = this.initialised.get(key);
    if (dir !== undefined && fs.existsSync(dir)) {
      return { dir };
    }
    const kind = /^(git::|github\.com\/|git@|bitbucket\.org\/)/.test(source) ? 'git' : /^(https?:|s3::|gcs::)/.test(source) ? 'remote' : 'registry';
    return { reason: `${kind} module not initialised: run terraform init` };
  }

  private readModulesJson(): Map<string, string> {
    const out = new Map<string, string>();
    const file = path.join(this.root, MODULES_JSON);
    if (!fs.existsSync(file)) {
      return out;
    }
    try {
      const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { Modules?: { Key?: string; Dir?: string }[] };
      for (const m of json.Modules ?? []) {
        if (m.Key && m.Dir) out.set(m.Key, path.resolve(this.root, m.Dir));
      }
    } catch {
      this.notes.push(`${MODULES_JSON} is not valid JSON: modules from terraform init not followed`);
    }
    return out;
  }
}

function safeTemplate(text: string): ReturnType<typeof parseTemplate> | undefined {
  try {
    return parseTemplate(text);
  } catch {
    return undefined;
  }
}

/** Line numbers of `resource "t" "n"` / `data "t" "n"` headers in an HCL file. */
function lineIndex(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const header = /^[ \t]*(resource|data)[ \t]+"?([\w-]+)"?[ \t]+"?([\w-]+)"?[ \t]*\{/gm;
  let line = 1;
  let last = 0;
  for (const m of text.matchAll(header)) {
    for (let i = last; i < m.index; i++) {
      if (text.charCodeAt(i) === 10) line++;
    }
    last = m.index;
    out.set(`${m[1]}.${m[2]}.${m[3]}`, line);
  }
  return out;
}

function asJsonObject(v: JsonValue | undefined): JsonObject {
  return v && typeof v === 'object' && !Array.isArray(v) ? v : {};
}

/** HCL-JSON writes a block as a list of bodies, Terraform JSON as one object. */
function firstBody(v: JsonValue): JsonObject {
  return asJsonObject(Array.isArray(v) ? v[0] : v);
}

/** Meta-arguments that are not part of a block's values. */
const META = new Set(['count', 'for_each', 'lifecycle', 'provisioner', 'connection']);

/** The instances a `count` or `for_each` makes: keys with their `count`/`each` symbols, or unknown. */
type Instances = { readonly key?: string | number; readonly names: Record<string, Value> }[] | Opaque;

function instancesOf(body: JsonObject, scope: Scope): Instances {
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

function instanceAddress(base: string, key: string | number | undefined): string {
  return key === undefined ? base : typeof key === 'number' ? `${base}[${key}]` : `${base}[${JSON.stringify(key)}]`;
}

/**
 * Evaluates a value of hcl2json's output: strings are templates, objects and lists hold more.
 * @param inBlock inside a resource's body: the objects of a list are nested blocks, whose null
 *   arguments are unset (Terraform reads `x = null` as `x` not written)
 */
function evalJson(v: JsonValue, scope: Scope, inBlock = false): Value {
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
function evalBody(body: JsonObject, scope: Scope, top: boolean, block = top): ObjectValue {
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

/** One instance of a module (the root module is one): its scope, and the blocks it declares. */
class ModuleInstance {
  private readonly varMemo = new Map<string, Value>();
  private readonly localMemo = new Map<string, Value>();
  private readonly moduleMemo = new Map<string, Value>();
  private readonly instanceMemo = new Map<string, Instances>();
  private readonly childMemo = new Map<string, { key?: string | number; child?: ModuleInstance }[] | Opaque>();
  private readonly evaluating = new Set<string>();
  public readonly scope: Scope;

  /**
   * @param prefix the module path of addresses (`module.aks.` or '' for the root)
   * @param keyPath the call names down to here (for nested coverage)
   * @param input the value given for a variable (undefined: its default)
   */
  public constructor(
    private readonly reader: Reader,
    private readonly decl: ModuleDecl,
    private readonly prefix: string,
    private readonly keyPath: readonly string[],
    private readonly input: (name: string) => Value | undefined,
    /** For the instance of a module call whose count or for_each is unknown: that expression (it may not exist). */
    private readonly existence?: JsonValue,
  ) {
    const types = new Set([...decl.declarations.values()].filter((d) => d.mode === 'resource').map((d) => d.type));
    const dataTypes = new Set([...decl.declarations.values()].filter((d) => d.mode === 'data').map((d) => d.type));
    const namespaces: Record<string, Value> = {
      var: new Lazy('var', (n) => this.variable(n), false),
      local: new Lazy('local', (n) => this.local(n), false),
      module: new Lazy(`${prefix}module`, (n) => this.moduleValue(n), false),
      data: new Lazy(`${prefix}data`, (t) => (dataTypes.has(t) ? new Lazy(`${prefix}data.${t}`, (n) => this.blockValue(`data.${t}.${n}`)) : new Opaque(`${prefix}data.${t}`, false)), false),
      path: { module: decl.dir, root: reader.root, cwd: process.cwd() },
      terraform: { workspace: 'default' },
    };
    this.scope = {
      lookup: (name) => {
        if (Object.prototype.hasOwnProperty.call(namespaces, name)) return namespaces[name];
        if (types.has(name)) return new Lazy(`${prefix}${name}`, (n) => this.blockValue(`${name}.${n}`));
        return undefined;
      },
    };
  }

  private guarded(key: string, memo: Map<string, Value>, compute: () => Value): Value {
    const known = memo.get(key);
    if (known !== undefined) return known;
    if (this.evaluating.has(key)) throw new EvalError(`cycle through ${key}`);
    this.evaluating.add(key);
    try {
      const v = compute();
      memo.set(key, v);
      return v;
    } finally {
      this.evaluating.delete(key);
    }
  }

  private variable(name: string): Value {
    return this.guarded(`var.${name}`, this.varMemo, () => {
      const decl = this.decl.variables[name];
      if (decl === undefined) throw new EvalError(`no variable ${name}`);
      const type: TypeConstraint = parseType(decl.type);
      let v = this.input(name);
      if (v === undefined || (v === null && decl.nullable === false)) {
        v = decl.default === undefined ? new Opaque(`var.${name}`, false) : constantJson(decl.default);
      }
      return convert(v, type);
    });
  }

  private local(name: string): Value {
    return this.guarded(`local.${name}`, this.localMemo, () => {
      if (!Object.prototype.hasOwnProperty.call(this.decl.locals, name)) throw new EvalError(`no local ${name}`);
      return evalJson(this.decl.locals[name], this.scope);
    });
  }

  private instances(key: string, body: JsonObject): Instances {
    let known = this.instanceMemo.get(key);
    if (known === undefined) {
      if (this.evaluating.has(`#${key}`)) throw new EvalError(`cycle through ${key}`);
      this.evaluating.add(`#${key}`);
      try {
        known = instancesOf(body, this.scope);
      } finally {
        this.evaluating.delete(`#${key}`);
      }
      this.instanceMemo.set(key, known);
    }
    return known;
  }

  /** A resource or data source as a value: references to its instances. */
  private blockValue(key: string): Value {
    const d = this.decl.declarations.get(key);
    const base = `${this.prefix}${key}`;
    if (d === undefined) return new Opaque(base, false);
    const inst = this.instances(key, d.body);
    if (inst instanceof Opaque) return new Opaque(base, true);
    const ref = (i: { key?: string | number; names: Record<string, Value> }): Lazy => {
      const address = instanceAddress(base, i.key);
      return new Lazy(address, (attr) => this.attribute(d, address, attr, i.names));
    };
    if (d.body.count !== undefined) return inst.map(ref);
    if (d.body.for_each !== undefined) return Object.fromEntries(inst.map((i) => [String(i.key), ref(i)]));
    return ref(inst[0]);
  }

  private readonly attributeMemo = new Map<string, Value>();

  /**
   * An attribute of a block instance: its configured value when that is known (as in a plan), else a
   * reference to the attribute (known after apply).
   */
  private attribute(d: Declaration, address: string, attr: string, names: Record<string, Value>): Value {
    const configured = Object.prototype.hasOwnProperty.call(d.body, attr) && !META.has(attr) && attr !== 'depends_on' && attr !== 'dynamic';
    // An attribute the provider computes (`id`, `result`) is set after apply: `azurerm_subnet.x.id != null`
    // is true, as modules assume when they filter nulls out of a body.
    const reference = new Opaque(`${address}.${attr}`, true, undefined, !configured);
    if (!configured) {
      return reference;
    }
    try {
      const v = this.guarded(`${address}.${attr}`, this.attributeMemo, () => evalJson(d.body[attr], childScope(this.scope, names)));
      return hasOpaque(v) ? reference : v;
    } catch (e) {
      if (e instanceof EvalError) return reference;
      throw e;
    }
  }

  private children(name: string): { key?: string | number; child?: ModuleInstance }[] | Opaque {
    let known = this.childMemo.get(name);
    if (known !== undefined) return known;
    const call = this.decl.calls[name];
    const decl = this.decl.children.get(name);
    const inst = this.instances(`module.${name}`, call);
    const base = `${this.prefix}module.${name}`;
    if (inst instanceof Opaque) {
      known = decl ? [{ child: this.child(decl, base, name, call, {}, toJson(inst)) }] : [{}];
      this.reader.notes.push(`${base}: ${call.count !== undefined ? 'count' : 'for_each'} is unknown (${inst.text}); read as one instance`);
    } else {
      known = inst.map((i) => ({ key: i.key, child: decl ? this.child(decl, instanceAddress(base, i.key), name, call, i.names) : undefined }));
    }
    this.childMemo.set(name, known);
    return known;
  }

  private child(decl: ModuleDecl, address: string, name: string, call: JsonObject, names: Record<string, Value>, existence = this.existence): ModuleInstance {
    const scope = childScope(this.scope, names);
    const memo = new Map<string, Value>();
    return new ModuleInstance(this.reader, decl, `${address}.`, [...this.keyPath, name], (v) => {
      if (!Object.prototype.hasOwnProperty.call(call, v) || v === 'source' || v === 'version' || v === 'providers' || v === 'depends_on' || META.has(v)) return undefined;
      let value = memo.get(v);
      if (value === undefined) {
        value = evalJson(call[v], scope);
        memo.set(v, value);
      }
      return value;
    }, existence);
  }

  /** `module.NAME` as a value: its outputs (per instance for count / for_each). */
  private moduleValue(name: string): Value {
    return this.guarded(`module.${name}`, this.moduleMemo, () => {
      if (!Object.prototype.hasOwnProperty.call(this.decl.calls, name)) throw new EvalError(`no module ${name}`);
      const base = `${this.prefix}module.${name}`;
      const kids = this.children(name);
      if (kids instanceof Opaque) return new Opaque(base, false);
      const value = (k: { key?: string | number; child?: ModuleInstance }): Value => {
        const address = instanceAddress(base, k.key);
        return k.child ? k.child.outputs(address) : new Opaque(address, false);
      };
      const call = this.decl.calls[name];
      if (call.count !== undefined) return kids.map(value);
      if (call.for_each !== undefined) return Object.fromEntries(kids.map((k) => [String(k.key), value(k)]));
      return value(kids[0]);
    });
  }

  private readonly outputMemo = new Map<string, Value>();

  private outputs(address: string): Value {
    return new Lazy(address, (out) =>
      this.guarded(`output.${out}`, this.outputMemo, () => {
        const o = this.decl.outputs[out];
        if (o === undefined) throw new EvalError(`${address} has no output ${out}`);
        return evalJson(o.value ?? null, this.scope);
      }),
      false,
    );
  }

  /** Appends the blocks of this instance and of its modules, in declaration order. */
  public collect(out: ResolvedBlock[]): void {
    for (const [key, d] of this.decl.declarations) {
      const base = `${this.prefix}${key}`;
      const inst = this.instances(key, d.body);
      if (inst instanceof Opaque) {
        // One instance that may not exist: its unknown count or for_each stays in its values, so that
        // the rules decide nothing about it.
        const meta = d.body.count !== undefined ? 'count' : 'for_each';
        this.reader.notes.push(`${base}: ${meta} is unknown (${inst.text}); read as one instance that may not exist`);
        const b = this.block(d, base, meta === 'count' ? { count: { index: new Opaque('count.index', false) } } : { each: { key: new Opaque('each.key', false), value: new Opaque('each.value', false) } });
        out.push({ ...b, values: { ...b.values, [meta]: toJson(inst) } });
        continue;
      }
      for (const i of inst) {
        out.push(this.block(d, instanceAddress(base, i.key), i.names));
      }
    }
    for (const name of Object.keys(this.decl.calls)) {
      const kids = this.children(name);
      if (kids instanceof Opaque) continue;
      for (const k of kids) k.child?.collect(out);
    }
  }

  private block(d: Declaration, address: string, names: Record<string, Value>): ResolvedBlock {
    const scope = childScope(this.scope, names);
    const evaluated = evalBody(d.body, scope, true);
    const raw = d.body.body;
    if (d.type.startsWith('azapi_') && typeof raw === 'string' && isOpaque(evaluated.body)) {
      // azapi 1.x: `body = jsonencode({...})`; with references inside, the string is unknown but the
      // object is not: read the object (what the AzAPI mapping needs).
      const node = safeTemplate(raw);
      if (node?.k === 'call' && node.name === 'jsonencode' && node.args.length === 1) {
        evaluated.body = evaluateSafely(node.args[0], scope);
      }
    }
    const values = toJson(evaluated) as JsonObject;
    if (this.existence !== undefined && values.count === undefined) {
      // in a module instance that may not exist: so may the block
      values.count = this.existence;
    }
    return { mode: d.mode, type: d.type, name: d.name, address, values, source: d.source };
  }
}
