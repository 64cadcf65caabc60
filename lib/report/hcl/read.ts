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
import type { ModuleCoverage, ResolvedBlock, ResolvedConfiguration } from '../../core/resolved-config';
import type { JsonObject } from '../../core/terraform-document';
import { mapAzapiBlocks } from './azapi';
import { asJsonObject, firstBody } from './bodies';
import { ModuleDecl, ModuleInstance } from './module-instance';
import { HclParse, parseType, rootVariableValues, VariableOptions } from './variables';

/** A problem with the folder (not valid HCL, unreadable): the command line reports it and exits 2. */
class HclInputError extends Error {
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
