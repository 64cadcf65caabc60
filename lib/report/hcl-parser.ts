/**
 * A native parser of HCL's native syntax that writes what @cdktf/hcl2json writes (the JSON the HCL
 * reader consumes), without hcl2json's WebAssembly runtime: about 0.7 s of start-up and seconds for a
 * large configuration become milliseconds.
 *
 * The output, as hcl2json's: a block is a list of bodies under its type and labels
 * (`resource.<type>.<name> = [body]`, `locals = [body]`, nested `dynamic.<name> = [body]`); an
 * attribute whose expression is a literal (number, bool, null, a string without interpolation, or a
 * tuple/object constructor, converted element by element) is that JSON value; a quoted or heredoc
 * template is its text (escapes decoded, `${...}`, `$${` and directives kept); any other expression is
 * `"${<its source text>}"`. Object keys are sorted, as Go writes them.
 *
 * This file parses bodies (blocks, labels, attributes); each expression is parsed by the evaluator's
 * parser (./hcl/syntax.ts), the report's one grammar of expressions, and written back from its tree
 * and source extent. The trees of the expressions written as `"${...}"` go to the evaluator with them
 * (see `rememberTemplate`), so they are parsed once.
 */
import type { JsonObject, JsonValue } from '../core/terraform-document';
import { HclScanner, IDENT_START } from './hcl-scanner';
import { FileExpressions, rememberTemplate, SyntaxError, type Node } from './hcl/syntax';

export { HclSyntaxError } from './hcl-scanner';

/** A bare object key that hcl2json writes as written (else the key is computed). */
const PLAIN_KEY = /^[A-Za-z_][\w-]*$|^-?\d/;

class Parser extends HclScanner {
  /** The expressions, parsed by the evaluator's parser (lib/report/hcl/syntax.ts). */
  private readonly expressions: FileExpressions;

  public constructor(text: string, file: string) {
    super(text, file);
    this.expressions = new FileExpressions(text);
  }

  public parseFile(): JsonObject {
    const out: JsonObject = {};
    this.body(out, true);
    this.skipSpace(true);
    if (this.pos < this.text.length) {
      this.fail(`unexpected ${JSON.stringify(this.text[this.pos])}`);
    }
    return sortKeys(out) as JsonObject;
  }

  // ------------------------------------------------------------------ bodies

  private body(out: JsonObject, topLevel: boolean): void {
    for (;;) {
      this.skipSpace(true);
      const c = this.text[this.pos];
      if (c === undefined || c === '}') {
        if (c === '}' && topLevel) {
          this.fail("unexpected '}'");
        }
        return;
      }
      const name = this.identifier();
      this.skipSpace(false);
      if (this.text[this.pos] === '=' && this.text[this.pos + 1] !== '=') {
        this.pos++;
        out[name] = this.attribute();
        this.endOfItem();
        continue;
      }
      const labels: string[] = [];
      for (;;) {
        this.skipSpace(false);
        const d = this.text[this.pos];
        if (d === '"') {
          labels.push(this.syntax(() => this.expressions.quoted(this.pos)).text);
        } else if (d !== undefined && IDENT_START.test(d)) {
          labels.push(this.identifier());
        } else {
          break;
        }
      }
      this.expect('{');
      const inner: JsonObject = {};
      this.body(inner, false);
      this.expect('}');
      this.endOfItem();
      let target: JsonObject = out;
      const keys = [name, ...labels];
      for (let k = 0; k < keys.length - 1; k++) {
        const next = target[keys[k]];
        if (next === undefined || typeof next !== 'object' || next === null || Array.isArray(next)) {
          target[keys[k]] = {};
        }
        target = target[keys[k]] as JsonObject;
      }
      const last = keys[keys.length - 1];
      const list = target[last];
      if (Array.isArray(list)) {
        list.push(inner);
      } else {
        target[last] = [inner];
      }
    }
  }

  /** After an attribute or a block: a newline, a comment, `}` or the end. */
  private endOfItem(): void {
    this.skipSpace(false);
    const c = this.text[this.pos];
    if (c === '\n' || c === '\r' || c === '}' || c === undefined) {
      return;
    }
    this.fail(`expected a new line, got ${JSON.stringify(c)}`);
  }

  /** Runs a step of the expression parser; its syntax errors become this file's, with line and column. */
  private syntax<T extends { readonly end: number }>(step: () => T): T {
    try {
      const result = step();
      this.pos = result.end;
      return result;
    } catch (e) {
      if (e instanceof SyntaxError) {
        this.pos = Math.min(e.at, this.text.length);
        this.fail(e.reason);
      }
      throw e;
    }
  }

  // ------------------------------------------------------------------ expressions, as hcl2json writes them

  /** An attribute's expression (on the line of its `=`), as hcl2json writes it. */
  private attribute(): JsonValue {
    this.skipSpace(false);
    const c = this.text[this.pos];
    if (c === undefined || c === '\n' || c === '\r') {
      this.fail('expected an expression');
    }
    const { node, start, end } = this.syntax(() => this.expressions.expression(this.pos));
    return this.written(node, start, end);
  }

  /**
   * An expression as hcl2json writes it: a literal (number, bool, null; a negated number) as its JSON
   * value, a quoted or heredoc template as its text, a tuple or object constructor element by element
   * (an object with a computed key is not a constructor here), anything else as `"${<source text>}"`.
   */
  private written(node: Node, start: number, end: number): JsonValue {
    const source = this.text.slice(start, end).trim();
    const c = source[0];
    if ((node.k === 'lit' || node.k === 'tmpl') && c === '"') {
      return this.expressions.written(node) as string;
    }
    if ((node.k === 'lit' || node.k === 'tmpl') && c === '<') {
      const at = this.pos;
      this.pos = start;
      const text = this.heredoc();
      this.pos = at;
      return text;
    }
    const n = this.number(node, source);
    if (n !== undefined) {
      return n;
    }
    if (node.k === 'lit' && (source === 'true' || source === 'false' || source === 'null')) {
      return node.v;
    }
    if (node.k === 'tuple' && c === '[') {
      return node.items.map((item) => this.element(item));
    }
    if (node.k === 'object' && c === '{') {
      const object = this.object(node);
      if (object !== undefined) {
        return object;
      }
    }
    const text = `\${${source}}`;
    rememberTemplate(text, node);
    return text;
  }

  /** A number literal, or one negated (`-1`, `- 2.5`); undefined for anything else. */
  private number(node: Node, source: string): number | undefined {
    if (node.k === 'lit' && typeof node.v === 'number' && /^\d/.test(source)) {
      return node.v;
    }
    if (node.k === 'un' && node.op === '-' && source[0] === '-') {
      const [s, e] = this.expressions.span(node.e);
      const n = this.number(node.e, this.text.slice(s, e));
      return n === undefined ? undefined : -n;
    }
    return undefined;
  }

  /** An element of a tuple or an object. */
  private element(node: Node): JsonValue {
    const [s, e] = this.expressions.span(node);
    return this.written(node, s, e);
  }

  /** An object constructor item by item; undefined when a key is computed (`(k)`, `a.b`, `"${k}" == x`). */
  private object(node: Extract<Node, { k: 'object' }>): JsonObject | undefined {
    const out: JsonObject = {};
    for (const [key, value] of node.items) {
      const [s, e] = this.expressions.span(key);
      const source = this.text.slice(s, e);
      let name: string;
      if ((key.k === 'lit' || key.k === 'tmpl') && source[0] === '"') {
        name = this.expressions.written(key) as string;
      } else if (PLAIN_KEY.test(source)) {
        name = source;
      } else {
        return undefined;
      }
      out[name] = this.element(value);
    }
    return out;
  }
}

function sortKeys(value: JsonValue): JsonValue {
  if (Array.isArray(value)) {
    return value.map(sortKeys);
  }
  if (value && typeof value === 'object') {
    const out: JsonObject = {};
    for (const k of Object.keys(value).sort()) {
      out[k] = sortKeys(value[k]);
    }
    return out;
  }
  return value;
}

/** Parses HCL native syntax into hcl2json's JSON (synchronously). */
export function parseHcl(filename: string, text: string): JsonObject {
  return new Parser(text.replace(/^\uFEFF/, ''), filename).parseFile();
}

/** The same, with @cdktf/hcl2json's signature (`parse(filename, text): Promise<object>`). */
export function parse(filename: string, text: string): Promise<JsonObject> {
  try {
    return Promise.resolve(parseHcl(filename, text));
  } catch (e) {
    return Promise.reject(e);
  }
}
