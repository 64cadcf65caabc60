/**
 * One instance of a module while the HCL reader (./read.ts) resolves a configuration: its variables,
 * locals, module calls and the resource and data blocks it holds, with `count`, `for_each` and
 * `dynamic` expanded as far as their values are known.
 */
import type { ResolvedBlock, SourceLocation } from '../../core/resolved-config';
import type { JsonObject, JsonValue } from '../../core/terraform-document';
import { evalBody, evalJson, instanceAddress, Instances, instancesOf, META, safeTemplate } from './bodies';
import { childScope, evaluateSafely, type Scope } from './evaluate';
import { constantJson, convert, parseType, TypeConstraint } from './variables';
import { EvalError, hasOpaque, isOpaque, Lazy, Opaque, toJson, Value } from './values';

/** One resource or data block as declared. */
export interface Declaration {
  readonly mode: 'resource' | 'data';
  readonly type: string;
  readonly name: string;
  readonly body: JsonObject;
  readonly source: SourceLocation;
}

/** A module's declarations (all the files of one folder). */
export interface ModuleDecl {
  readonly dir: string;
  readonly variables: Record<string, JsonObject>;
  readonly locals: Record<string, JsonValue>;
  readonly outputs: Record<string, JsonObject>;
  readonly declarations: Map<string, Declaration>;
  readonly calls: Record<string, JsonObject>;
  /** Resolved folders of the module calls (filled by Reader.preload), keyed by call name. */
  readonly children: Map<string, ModuleDecl | undefined>;
}

/** What a module instance needs of the reader: the root folder and the notes it collects. */
export interface ReaderContext {
  readonly root: string;
  readonly notes: string[];
}

/** One instance of a module (the root module is one): its scope, and the blocks it declares. */
export class ModuleInstance {
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
    private readonly reader: ReaderContext,
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
