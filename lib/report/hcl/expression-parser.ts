/**
 * The recursive-descent parser behind lib/report/hcl/syntax.ts: native-syntax expressions (operators
 * by precedence, postfix access and splats, for-expressions, objects, quoted templates, heredocs) on
 * top of the template scanner. syntax.ts is the entry point; nothing else should construct a Parser.
 */
import { Node, Part, SyntaxError, TemplateScanner } from './template-syntax';

export function simplify(parts: readonly Part[]): Node {
  if (parts.length === 0) {
    return { k: 'lit', v: '' };
  }
  if (parts.length === 1) {
    const only = parts[0];
    if (typeof only === 'string') {
      return { k: 'lit', v: only };
    }
    if (only.k === 'interp') {
      return only.e;
    }
  }
  return { k: 'tmpl', parts };
}

/** Binary operators by precedence, lowest first. */
const BINARY: readonly (readonly string[])[] = [['||'], ['&&'], ['==', '!='], ['<', '>', '<=', '>='], ['+', '-'], ['*', '/', '%']];
const PRECEDENCE = new Map(BINARY.flatMap((ops, level) => ops.map((op) => [op, level] as const)));
const NUMBER = /[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;
const DIGITS = /[0-9]+/y;
/** Text of a quoted string without escapes, interpolations, directives or line ends. */
const PLAIN_STRING = /[^"\\$%\n]*/y;

export class Parser extends TemplateScanner {
  /** In a file (strict): the source extents of the nodes {@link FileExpressions} writes back. */
  public readonly spans = this.strict ? new Map<Node, readonly [number, number]>() : undefined;
  /** In a file: the text of each quoted template as hcl2json writes it. */
  public readonly texts = this.strict ? new Map<Node, string>() : undefined;

  /** Parses with `parse` and, in a file, records where the node starts and ends. */
  public spanned<T extends Node>(parse: () => T): { node: T; start: number; end: number } {
    this.skipSpace();
    const start = this.pos;
    const node = parse();
    const end = this.tokenEnd();
    this.spans?.set(node, [start, end]);
    return { node, start, end };
  }

  public expression(): Node {
    const c = this.binary(0);
    if (this.eat('?')) {
      const t = this.expression();
      this.expect(':');
      const f = this.expression();
      return { k: 'cond', c, t, f };
    }
    return c;
  }

  /** Operations of at least the precedence `level` (operators of a level associate to the left). */
  private binary(level: number): Node {
    let l = this.unary();
    for (;;) {
      const p = this.peekPunct();
      const precedence = p === undefined ? undefined : PRECEDENCE.get(p);
      if (p === undefined || precedence === undefined || precedence < level) {
        return l;
      }
      this.pos += p.length;
      const r = this.binary(precedence + 1);
      l = { k: 'bin', op: p, l, r };
    }
  }

  private unary(): Node {
    const p = this.peekPunct();
    if (p === '!' || p === '-') {
      this.pos += 1;
      return { k: 'un', op: p, e: this.spanned(() => this.unary()).node };
    }
    return this.postfix(this.primary());
  }

  private postfix(node: Node): Node {
    for (;;) {
      const p = this.peekPunct();
      if (p === '.') {
        this.pos += 1;
        this.skipSpace();
        const legacy = this.legacyIndex(node);
        if (legacy) {
          node = legacy;
          continue;
        }
        const name = this.ident();
        if (name === undefined) {
          throw this.error('expected an attribute name');
        }
        node = { k: 'attr', o: node, name };
      } else if (p === '[*]' || p === '.*') {
        this.pos += p.length;
        node = { k: 'splat', o: node, each: this.splatTail(p === '[*]') };
      } else if (p === '[') {
        node = this.index(node);
      } else {
        return node;
      }
    }
  }

  /** `o[i]`, the cursor at the `[`. */
  private index(o: Node): Node {
    this.pos += 1;
    const i = this.expression();
    this.expect(']');
    return { k: 'index', o, i };
  }

  /** `o.0` (a legacy index), the cursor after the dot; undefined when no digits follow. */
  private legacyIndex(o: Node): Node | undefined {
    DIGITS.lastIndex = this.pos;
    const m = DIGITS.exec(this.src);
    if (!m) {
      return undefined;
    }
    this.pos += m[0].length;
    return { k: 'index', o, i: { k: 'lit', v: Number(m[0]) } };
  }

  /** The traversal applied to each element after a splat: attributes, and (full splat) indexes. */
  private splatTail(full: boolean): Node {
    let each: Node = { k: 'anon' };
    for (;;) {
      const p = this.peekPunct();
      if (p === '.' && !this.src.startsWith('.*', this.pos)) {
        this.pos += 1;
        const name = this.ident();
        if (name === undefined) {
          const legacy = this.legacyIndex(each);
          if (!legacy) throw this.error('expected an attribute name');
          each = legacy;
          continue;
        }
        each = { k: 'attr', o: each, name };
      } else if (full && p === '[') {
        each = this.index(each);
      } else {
        return each;
      }
    }
  }

  private primary(): Node {
    this.skipSpace();
    const s = this.src;
    const c = s[this.pos];
    if (c === undefined) {
      throw this.error('unexpected end of expression');
    }
    if (c === '"') {
      return this.quoted();
    }
    if (c === '<' && s.startsWith('<<', this.pos)) {
      return this.heredoc();
    }
    if (c >= '0' && c <= '9') {
      NUMBER.lastIndex = this.pos;
      const m = NUMBER.exec(s) as RegExpExecArray;
      this.pos += m[0].length;
      return { k: 'lit', v: Number(m[0]) };
    }
    if (c === '(') {
      this.pos += 1;
      const e = this.expression();
      this.expect(')');
      return e;
    }
    if (c === '[') {
      this.pos += 1;
      if (this.peekIdent() === 'for' && this.isFor()) {
        return this.forExpr(']');
      }
      const items: Node[] = [];
      while (!this.eat(']')) {
        items.push(this.spanned(() => this.expression()).node);
        if (!this.eat(',') && this.peekPunct() !== ']') {
          throw this.error("expected ',' or ']'");
        }
      }
      return { k: 'tuple', items };
    }
    if (c === '{') {
      this.pos += 1;
      if (this.peekIdent() === 'for' && this.isFor()) {
        return this.forExpr('}');
      }
      const items: [Node, Node][] = [];
      while (!this.eat('}')) {
        items.push([this.spanned(() => this.objectKey()).node, this.objectValue()]);
        this.eat(',');
      }
      return { k: 'object', items };
    }
    const name = this.ident();
    if (name === undefined) {
      throw this.error(`unexpected '${c}'`);
    }
    if (name === 'true' || name === 'false') {
      return { k: 'lit', v: name === 'true' };
    }
    if (name === 'null') {
      return { k: 'lit', v: null };
    }
    // A function call (`provider::name::fn(` included); the parenthesis must follow on the same line.
    let fn = name;
    while (s.startsWith('::', this.pos)) {
      this.pos += 2;
      fn += `::${this.ident() ?? ''}`;
    }
    let at = this.pos;
    while (s[at] === ' ' || s[at] === '\t') at++;
    if (s[at] === '(') {
      this.pos = at + 1;
      const args: Node[] = [];
      let expand = false;
      while (!this.eat(')')) {
        args.push(this.expression());
        if (this.eat('...')) {
          expand = true;
        }
        if (!this.eat(',') && this.peekPunct() !== ')') {
          throw this.error("expected ',' or ')'");
        }
      }
      return { k: 'call', name: fn, args, expand };
    }
    return { k: 'name', name };
  }

  /** A quoted template at the cursor. */
  public quoted(): Node {
    const s = this.src;
    const close = s.indexOf('"', this.pos + 1);
    PLAIN_STRING.lastIndex = this.pos + 1;
    if (close > 0 && PLAIN_STRING.test(s) && PLAIN_STRING.lastIndex === close) {
      // Literal text only (most strings): the same node, without the template scanner.
      const text = s.slice(this.pos + 1, close);
      const node: Node = { k: 'lit', v: text };
      this.pos = close + 1;
      this.texts?.set(node, text);
      return node;
    }
    this.pos += 1;
    const parts = this.template(true, () => s[this.pos] === '"');
    if (s[this.pos] !== '"') {
      throw this.error('unterminated string');
    }
    this.pos += 1;
    const simple = simplify(parts);
    // A quoted template with one interpolation converts its value to a string in native syntax.
    const node: Node = simple.k === 'lit' || simple.k === 'tmpl' ? simple : { k: 'tmpl', parts };
    this.texts?.set(node, this.written);
    return node;
  }

  /** Whether `for` at the cursor starts a for-expression (`for x in` / `for k, v in`), not a key named `for`. */
  private isFor(): boolean {
    const at = this.pos;
    this.ident();
    const next = this.ident();
    const more = next !== undefined && (this.eat(',') ? this.ident() !== undefined && this.ident() === 'in' : this.ident() === 'in');
    this.pos = at;
    return more;
  }

  private forExpr(close: ']' | '}'): Node {
    this.ident();
    const { key, val, coll } = this.forHead();
    this.expect(':');
    let kexpr: Node | undefined;
    let vexpr = this.expression();
    let group = false;
    if (close === '}') {
      this.expect('=>');
      kexpr = vexpr;
      vexpr = this.expression();
      group = this.eat('...');
    }
    let cond: Node | undefined;
    if (this.peekIdent() === 'if') {
      this.ident();
      cond = this.expression();
    }
    this.expect(close);
    return { k: 'for', key, val, coll, kexpr, vexpr, cond, group };
  }

  private objectKey(): Node {
    const at = this.pos;
    const name = this.ident();
    if (name !== undefined) {
      const p = this.peekPunct();
      if (p === '=' || p === ':') {
        return { k: 'lit', v: name };
      }
      this.pos = at;
    }
    return this.expression();
  }

  private objectValue(): Node {
    const p = this.peekPunct();
    if (p !== '=' && p !== ':') {
      throw this.error("expected '=' or ':' after an object key");
    }
    this.pos += 1;
    return this.spanned(() => this.expression()).node;
  }

  private heredoc(): Node {
    const s = this.src;
    const m = /<<(-?)([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/y;
    m.lastIndex = this.pos;
    const h = m.exec(s);
    if (!h) {
      throw this.error('bad heredoc');
    }
    const start = this.pos + h[0].length;
    const end = new RegExp(`^[ \\t]*${h[2]}[ \\t]*$`, 'm');
    end.lastIndex = 0;
    const rest = s.slice(start);
    const found = end.exec(rest);
    if (!found) {
      throw this.error('unterminated heredoc');
    }
    let body = rest.slice(0, found.index);
    this.pos = start + found.index + found[0].length;
    if (h[1] === '-') {
      const lines = body.split('\n');
      const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => (/^[ \t]*/.exec(l) as RegExpExecArray)[0].length));
      body = lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n');
    }
    const inner = new Parser(body);
    let parts: Part[];
    try {
      parts = inner.template(false, () => inner.pos >= body.length);
    } catch (e) {
      // In a file, the error is the heredoc's (its position in the body is not one in the file).
      if (this.strict && e instanceof SyntaxError) {
        this.pos = start;
        throw this.error(e.reason);
      }
      throw e;
    }
    return parts.length === 1 && typeof parts[0] === 'string' ? { k: 'lit', v: parts[0] } : { k: 'tmpl', parts };
  }
}
