/**
 * A parser for the Terraform expression language as @cdktf/hcl2json hands it over: every string in its
 * output is a template in Terraform's JSON syntax (literal text, `$${` and `%%{` escapes, `${ expr }`
 * interpolations, `%{ if }` / `%{ for }` directives), and the expressions inside are native syntax
 * (quoted templates with backslash escapes, heredocs, operators, for-expressions, splats).
 *
 * Pure and synchronous; parsed templates are cached by text, since the same expressions repeat across
 * the resources of a configuration.
 */

/** A node of an expression's syntax tree. */
export type Node =
  | { readonly k: 'lit'; readonly v: null | string | number | boolean }
  | { readonly k: 'tmpl'; readonly parts: readonly Part[] }
  | { readonly k: 'name'; readonly name: string }
  | { readonly k: 'attr'; readonly o: Node; readonly name: string }
  | { readonly k: 'index'; readonly o: Node; readonly i: Node }
  | { readonly k: 'splat'; readonly o: Node; readonly each: Node }
  | { readonly k: 'anon' }
  | { readonly k: 'call'; readonly name: string; readonly args: readonly Node[]; readonly expand: boolean }
  | { readonly k: 'tuple'; readonly items: readonly Node[] }
  | { readonly k: 'object'; readonly items: readonly (readonly [Node, Node])[] }
  | {
      readonly k: 'for';
      readonly key?: string;
      readonly val: string;
      readonly coll: Node;
      readonly kexpr?: Node;
      readonly vexpr: Node;
      readonly cond?: Node;
      readonly group: boolean;
    }
  | { readonly k: 'cond'; readonly c: Node; readonly t: Node; readonly f: Node }
  | { readonly k: 'bin'; readonly op: string; readonly l: Node; readonly r: Node }
  | { readonly k: 'un'; readonly op: string; readonly e: Node };

/** A piece of a template. */
export type Part =
  | string
  | { readonly k: 'interp'; readonly e: Node }
  | { readonly k: 'if'; readonly c: Node; readonly then: readonly Part[]; readonly else: readonly Part[] }
  | { readonly k: 'for'; readonly key?: string; readonly val: string; readonly coll: Node; readonly body: readonly Part[] };

/** A syntax error, with the text that could not be parsed. */
export class SyntaxError extends Error {
  public constructor(message: string, public readonly text: string) {
    super(`${message} in ${JSON.stringify(text.length > 120 ? `${text.slice(0, 117)}...` : text)}`);
    this.name = 'HclSyntaxError';
  }
}

const cache = new Map<string, Node>();

/**
 * Parses a string of hcl2json's output (a Terraform JSON-syntax template). A template that is one
 * interpolation (`"${var.x}"`) is that expression, as in Terraform: its value keeps its type.
 */
export function parseTemplate(text: string): Node {
  let node = cache.get(text);
  if (node === undefined) {
    const p = new Parser(text);
    const parts = p.template(false, () => p.pos >= text.length);
    node = simplify(parts);
    cache.set(text, node);
  }
  return node;
}

/** Parses one native-syntax expression (e.g. a variable's `type`, a `--var` value). */
export function parseExpression(text: string): Node {
  const p = new Parser(text);
  const node = p.expression();
  p.skipSpace(true);
  if (p.pos < text.length) {
    throw p.error('unexpected text after the expression');
  }
  return node;
}

/** Whether a string of hcl2json's output holds any interpolation or directive. */
export function isTemplate(text: string): boolean {
  return text.includes('${') || text.includes('%{');
}

function simplify(parts: readonly Part[]): Node {
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

const BINARY: readonly (readonly string[])[] = [['||'], ['&&'], ['==', '!='], ['<', '>', '<=', '>='], ['+', '-'], ['*', '/', '%']];
const PUNCT = ['...', '=>', '==', '!=', '<=', '>=', '&&', '||', '[*]', '.*', '(', ')', '[', ']', '{', '}', ',', '.', ':', '?', '=', '!', '<', '>', '+', '-', '*', '/', '%'];
const IDENT = /[A-Za-z_][A-Za-z0-9_-]*/y;
const NUMBER = /[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;

class Parser {
  public pos = 0;

  public constructor(private readonly src: string) {}

  public error(message: string): SyntaxError {
    return new SyntaxError(`${message} at ${this.pos}`, this.src);
  }

  /** Skips blanks and comments; newlines too (this parser does not need them to separate items). */
  public skipSpace(newlines = true): void {
    const s = this.src;
    for (;;) {
      const c = s[this.pos];
      if (c === ' ' || c === '\t' || c === '\r' || (newlines && c === '\n')) {
        this.pos++;
      } else if (c === '#' || (c === '/' && s[this.pos + 1] === '/')) {
        while (this.pos < s.length && s[this.pos] !== '\n') this.pos++;
      } else if (c === '/' && s[this.pos + 1] === '*') {
        const end = s.indexOf('*/', this.pos + 2);
        this.pos = end < 0 ? s.length : end + 2;
      } else {
        return;
      }
    }
  }

  private peekPunct(): string | undefined {
    this.skipSpace();
    for (const p of PUNCT) {
      if (this.src.startsWith(p, this.pos)) {
        // `.*` only as a splat (not `.5`); `[*]` only as written.
        return p;
      }
    }
    return undefined;
  }

  private eat(p: string): boolean {
    if (this.peekPunct() === p) {
      this.pos += p.length;
      return true;
    }
    return false;
  }

  private expect(p: string): void {
    if (!this.eat(p)) {
      throw this.error(`expected '${p}'`);
    }
  }

  private ident(): string | undefined {
    this.skipSpace();
    IDENT.lastIndex = this.pos;
    const m = IDENT.exec(this.src);
    if (!m) {
      return undefined;
    }
    this.pos += m[0].length;
    return m[0];
  }

  private peekIdent(): string | undefined {
    const at = this.pos;
    const id = this.ident();
    this.pos = at;
    return id;
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

  private binary(level: number): Node {
    if (level === BINARY.length) {
      return this.unary();
    }
    let l = this.binary(level + 1);
    for (;;) {
      const p = this.peekPunct();
      if (p === undefined || !BINARY[level].includes(p)) {
        return l;
      }
      this.pos += p.length;
      const r = this.binary(level + 1);
      l = { k: 'bin', op: p, l, r };
    }
  }

  private unary(): Node {
    const p = this.peekPunct();
    if (p === '!' || p === '-') {
      this.pos += 1;
      return { k: 'un', op: p, e: this.unary() };
    }
    return this.postfix(this.primary());
  }

  private postfix(node: Node): Node {
    for (;;) {
      const p = this.peekPunct();
      if (p === '.') {
        this.pos += 1;
        this.skipSpace();
        NUMBER.lastIndex = this.pos;
        const n = /[0-9]+/y;
        n.lastIndex = this.pos;
        const m = n.exec(this.src);
        if (m) {
          this.pos += m[0].length;
          node = { k: 'index', o: node, i: { k: 'lit', v: Number(m[0]) } };
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
        this.pos += 1;
        const i = this.expression();
        this.expect(']');
        node = { k: 'index', o: node, i };
      } else {
        return node;
      }
    }
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
          const n = /[0-9]+/y;
          n.lastIndex = this.pos;
          const m = n.exec(this.src);
          if (!m) throw this.error('expected an attribute name');
          this.pos += m[0].length;
          each = { k: 'index', o: each, i: { k: 'lit', v: Number(m[0]) } };
          continue;
        }
        each = { k: 'attr', o: each, name };
      } else if (full && p === '[' ) {
        this.pos += 1;
        const i = this.expression();
        this.expect(']');
        each = { k: 'index', o: each, i };
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
      this.pos += 1;
      const parts = this.template(true, () => s[this.pos] === '"');
      if (s[this.pos] !== '"') {
        throw this.error('unterminated string');
      }
      this.pos += 1;
      const node = simplify(parts);
      // A quoted template with one interpolation converts its value to a string in native syntax.
      return node.k === 'lit' || node.k === 'tmpl' ? node : { k: 'tmpl', parts };
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
        items.push(this.expression());
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
        items.push([this.objectKey(), this.objectValue()]);
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

  /** Whether `for` at the cursor starts a for-expression (`for x in` / `for k, v in`), not a key named `for`. */
  private isFor(): boolean {
    const at = this.pos;
    this.ident();
    const next = this.ident();
    const more = next !== undefined && (this.eat(',') ? this.ident() !== undefined && this.ident() === 'in' : this.ident() === 'in');
    this.pos = at;
    return more;
  }

  /** `k, v in coll` (or `v in coll`) after `for`. */
  private forHead(): { key?: string; val: string; coll: Node } {
    let val = this.ident() as string;
    let key: string | undefined;
    if (this.eat(',')) {
      key = val;
      val = this.ident() as string;
    }
    this.ident(); // in
    return { key, val, coll: this.expression() };
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
    return this.expression();
  }

  private heredoc(): Node {
    const s = this.src;
    const m = /<<(-?)([A-Za-z_][A-Za-z0-9_-]*)\r?\n/y;
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
    const parts = inner.template(false, () => inner.pos >= body.length);
    return parts.length === 1 && typeof parts[0] === 'string' ? { k: 'lit', v: parts[0] } : { k: 'tmpl', parts };
  }

  /**
   * Parses template parts up to `atEnd` (or a directive keyword the caller handles).
   * @param escapes whether backslash escapes apply (quoted native strings) or not (JSON strings, heredocs)
   */
  public template(escapes: boolean, atEnd: () => boolean, stopAt?: readonly string[]): Part[] {
    const s = this.src;
    const parts: Part[] = [];
    let text = '';
    let stripNext = false;
    const flush = (stripBefore: boolean): void => {
      let t = text;
      if (stripNext) t = t.replace(/^\s+/, '');
      if (stripBefore) t = t.replace(/\s+$/, '');
      if (t !== '') parts.push(t);
      text = '';
      stripNext = false;
    };
    while (this.pos < s.length && !atEnd()) {
      const c = s[this.pos];
      if (c === '$' && s[this.pos + 1] === '$' && s[this.pos + 2] === '{') {
        text += '${';
        this.pos += 3;
      } else if (c === '%' && s[this.pos + 1] === '%' && s[this.pos + 2] === '{') {
        text += '%{';
        this.pos += 3;
      } else if (c === '$' && s[this.pos + 1] === '{') {
        this.pos += 2;
        const strip = s[this.pos] === '~';
        if (strip) this.pos++;
        flush(strip);
        const e = this.expression();
        this.skipSpace();
        stripNext = this.closeBrace();
        parts.push({ k: 'interp', e });
      } else if (c === '%' && s[this.pos + 1] === '{') {
        const at = this.pos;
        this.pos += 2;
        const strip = s[this.pos] === '~';
        if (strip) this.pos++;
        const word = this.ident();
        if (stopAt && word !== undefined && stopAt.includes(word)) {
          this.pos = at;
          flush(strip);
          return parts;
        }
        flush(strip);
        if (word === 'if') {
          const cond = this.expression();
          this.skipSpace();
          stripNext = this.closeBrace();
          const then = this.template(escapes, atEnd, ['else', 'endif']);
          let otherwise: Part[] = [];
          if (this.directive() === 'else') {
            otherwise = this.template(escapes, atEnd, ['endif']);
            this.directive();
          }
          parts.push({ k: 'if', c: cond, then, else: otherwise });
        } else if (word === 'for') {
          const { key, val, coll } = this.forHead();
          this.skipSpace();
          stripNext = this.closeBrace();
          const body = this.template(escapes, atEnd, ['endfor']);
          this.directive();
          parts.push({ k: 'for', key, val, coll, body });
        } else {
          throw this.error(`unknown template directive '${word ?? ''}'`);
        }
        continue;
      } else if (escapes && c === '\\') {
        const n = s[this.pos + 1];
        const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
        if (n in simple) {
          text += simple[n];
          this.pos += 2;
        } else if (n === 'u' || n === 'U') {
          const len = n === 'u' ? 4 : 8;
          text += String.fromCodePoint(parseInt(s.slice(this.pos + 2, this.pos + 2 + len), 16));
          this.pos += 2 + len;
        } else {
          text += c;
          this.pos += 1;
        }
      } else {
        text += c;
        this.pos += 1;
      }
    }
    if (stopAt) {
      throw this.error(`missing %{${stopAt[stopAt.length - 1]}}`);
    }
    flush(false);
    return parts;
  }

  /** Reads a `%{ word ~}` directive, returns the word. */
  private directive(): string | undefined {
    this.pos += 2;
    if (this.src[this.pos] === '~') this.pos++;
    const word = this.ident();
    this.skipSpace();
    this.closeBrace();
    return word;
  }

  /** Consumes `}` or `~}`; returns whether it strips the following whitespace. */
  private closeBrace(): boolean {
    this.skipSpace();
    if (this.src[this.pos] === '~' && this.src[this.pos + 1] === '}') {
      this.pos += 2;
      return true;
    }
    if (this.src[this.pos] !== '}') {
      throw this.error("expected '}'");
    }
    this.pos += 1;
    return false;
  }
}
