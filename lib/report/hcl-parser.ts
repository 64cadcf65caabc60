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
 */
import type { JsonObject, JsonValue } from '../core/terraform-document';
import { HclScanner, IDENT_START } from './hcl-scanner';

export { HclSyntaxError } from './hcl-scanner';

/** What an expression parses to: its JSON form when it is a literal or a constructor, and whether it is one. */
interface Parsed {
  /** The JSON form of a literal, a template or a tuple/object constructor. */
  readonly json?: JsonValue;
}

const BINARY = ['||', '&&', '==', '!=', '<=', '>=', '<', '>', '+', '-', '*', '/', '%'];
/** First characters of binary operators. */
const OPERATOR_START = new Set('|&=!<>+-*/%');

class Parser extends HclScanner {
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
        const parsed = this.expression();
        out[name] = parsed.json !== undefined ? parsed.json : '';
        this.endOfItem();
        continue;
      }
      const labels: string[] = [];
      for (;;) {
        this.skipSpace(false);
        const d = this.text[this.pos];
        if (d === '"') {
          labels.push(this.plainString());
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

  // ------------------------------------------------------------------ expressions

  /** An expression; its JSON form as hcl2json writes it. */
  private expression(): Parsed {
    this.skipSpace(false);
    const start = this.pos;
    const first = this.operation();
    return this.conditional(false) || first.composite ? { json: this.source(start) } : first;
  }

  /** An expression nested in another: only its extent matters. */
  private expressionInner(): void {
    this.skipSpace(true);
    this.operation(true);
    this.conditional(true);
  }

  /** `? a : b` after a condition, when there is one (else the position is left before the blanks). */
  private conditional(multiline: boolean): boolean {
    const end = this.pos;
    this.skipSpace(multiline);
    if (this.text[this.pos] !== '?') {
      this.pos = end;
      return false;
    }
    this.pos++;
    this.expressionInner();
    this.skipSpace(true);
    this.expect(':');
    this.expressionInner();
    return true;
  }

  /** Unary and binary operations over postfix terms. `composite` when an operator was applied. */
  private operation(multiline = false): Parsed & { composite?: boolean } {
    let result = this.unary(multiline);
    for (;;) {
      const save = this.pos;
      this.skipSpace(multiline);
      const op = OPERATOR_START.has(this.text[this.pos]) ? BINARY.find((o) => this.text.startsWith(o, this.pos)) : undefined;
      // `=>` (for-expressions) and `=` are not operators; `<<` starts no operand here.
      if (!op || (op === '>' && this.text[this.pos - 1] === '=')) {
        this.pos = save;
        return result;
      }
      this.pos += op.length;
      this.skipSpace(true);
      this.unary(true);
      result = { composite: true };
    }
  }

  private unary(multiline: boolean): Parsed & { composite?: boolean } {
    this.skipSpace(multiline);
    const c = this.text[this.pos];
    if (c === '-' || c === '!') {
      const start = this.pos;
      this.pos++;
      const inner = this.unary(true);
      if (c === '-' && typeof inner.json === 'number' && !inner.composite) {
        return { json: -inner.json };
      }
      return { json: this.source(start), composite: true };
    }
    return this.postfix();
  }

  private postfix(): Parsed & { composite?: boolean } {
    const start = this.pos;
    const primary = this.primary();
    let composite = primary.composite ?? false;
    for (;;) {
      const c = this.text[this.pos];
      if (c === '.' && this.text[this.pos + 1] !== '.') {
        this.pos++;
        if (this.text[this.pos] === '*') {
          this.pos++;
        } else if (/\d/.test(this.text[this.pos] ?? '')) {
          while (/\d/.test(this.text[this.pos] ?? '')) this.pos++;
        } else {
          this.identifier();
        }
        composite = true;
      } else if (c === '[') {
        this.pos++;
        this.skipSpace(true);
        if (this.text[this.pos] === '*') {
          this.pos++;
        } else {
          this.expressionInner();
        }
        this.skipSpace(true);
        this.expect(']');
        composite = true;
      } else {
        break;
      }
    }
    return composite ? { json: this.source(start), composite: true } : primary;
  }

  private primary(): Parsed & { composite?: boolean } {
    const start = this.pos;
    const c = this.text[this.pos];
    if (c === undefined) {
      this.fail('expected an expression');
    }
    if (c === '"') {
      const template = this.template();
      return { json: template };
    }
    if (c === '<' && this.text.startsWith('<<', this.pos)) {
      return { json: this.heredoc() };
    }
    if (/\d/.test(c)) {
      const m = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.pos, this.pos + 64))!;
      this.pos += m[0].length;
      return { json: Number(m[0]) };
    }
    if (c === '(') {
      this.pos++;
      this.expressionInner();
      this.skipSpace(true);
      this.expect(')');
      return { json: this.source(start), composite: true };
    }
    if (c === '[') {
      return this.tuple(start);
    }
    if (c === '{') {
      return this.object(start);
    }
    if (IDENT_START.test(c)) {
      const name = this.identifier();
      if (this.text[this.pos] === '(') {
        this.pos++;
        this.arguments();
        return { json: this.source(start), composite: true };
      }
      if (this.text.startsWith('::', this.pos)) {
        // provider::name::function(...)
        while (this.text.startsWith('::', this.pos)) {
          this.pos += 2;
          this.identifier();
        }
        this.expect('(');
        this.arguments();
        return { json: this.source(start), composite: true };
      }
      if (name === 'true' || name === 'false') {
        return { json: name === 'true' };
      }
      if (name === 'null') {
        return { json: null };
      }
      return { json: this.source(start), composite: true };
    }
    return this.fail(`unexpected ${JSON.stringify(c)} in an expression`);
  }

  private arguments(): void {
    this.skipSpace(true);
    while (this.text[this.pos] !== ')') {
      this.expressionInner();
      this.skipSpace(true);
      if (this.text.startsWith('...', this.pos)) {
        this.pos += 3;
        this.skipSpace(true);
      }
      if (this.text[this.pos] === ',') {
        this.pos++;
        this.skipSpace(true);
      } else if (this.text[this.pos] !== ')') {
        this.fail("expected ',' or ')' in a function call");
      }
    }
    this.pos++;
  }

  /** `[a, b]` (converted element by element) or `[for ...]` (source text). */
  private tuple(start: number): Parsed & { composite?: boolean } {
    this.pos++;
    this.skipSpace(true);
    if (this.keyword('for')) {
      this.skipBalanced(']');
      return { json: this.source(start), composite: true };
    }
    const items: JsonValue[] = [];
    while (this.text[this.pos] !== ']') {
      const element = this.element();
      items.push(element);
      this.skipSpace(true);
      if (this.text[this.pos] === ',') {
        this.pos++;
        this.skipSpace(true);
      } else if (this.text[this.pos] !== ']') {
        this.fail("expected ',' or ']' in a list");
      }
    }
    this.pos++;
    return { json: items };
  }

  /** `{ k = v, ... }` (converted item by item) or `{for ...}` (source text). */
  private object(start: number): Parsed & { composite?: boolean } {
    this.pos++;
    this.skipSpace(true);
    if (this.keyword('for')) {
      this.skipBalanced('}');
      return { json: this.source(start), composite: true };
    }
    const out: JsonObject = {};
    let computedKey = false;
    while (this.text[this.pos] !== '}') {
      let key: string;
      const c = this.text[this.pos];
      if (c === '"') {
        const t = this.template();
        key = typeof t === 'string' ? t : '';
      } else if (c === '(') {
        const s = this.pos;
        this.pos++;
        this.expressionInner();
        this.skipSpace(true);
        this.expect(')');
        key = this.text.slice(s, this.pos);
        computedKey = true;
      } else {
        const s = this.pos;
        this.operation(false);
        key = this.text.slice(s, this.pos);
        if (!/^[A-Za-z_][\w-]*$/.test(key) && !/^-?\d/.test(key)) {
          computedKey = true;
        }
      }
      this.skipSpace(false);
      if (this.text[this.pos] !== '=' && this.text[this.pos] !== ':') {
        this.fail(`expected '=' or ':' after the object key ${JSON.stringify(key)}`);
      }
      this.pos++;
      out[key] = this.element();
      this.skipSpace(false);
      if (this.text[this.pos] === ',') {
        this.pos++;
      }
      this.skipSpace(true);
    }
    this.pos++;
    return computedKey ? { json: this.source(start), composite: true } : { json: out };
  }

  /** An element of a tuple or an object: its JSON form, or `${source}`. */
  private element(): JsonValue {
    this.skipSpace(true);
    const start = this.pos;
    const first = this.operation(true);
    return this.conditional(true) || first.composite || first.json === undefined ? this.source(start) : first.json;
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
