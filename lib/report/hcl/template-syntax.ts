/**
 * The lexical and template half of the expression parser (./syntax.ts): the syntax tree's types,
 * blanks and comments, punctuation and names, `for` heads, and template parts (text, `${...}`
 * interpolations, `%{if}` / `%{for}` directives). The parser extends it with expressions.
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

const PUNCT = ['...', '=>', '==', '!=', '<=', '>=', '&&', '||', '[*]', '.*', '(', ')', '[', ']', '{', '}', ',', '.', ':', '?', '=', '!', '<', '>', '+', '-', '*', '/', '%'];
const IDENT = /[A-Za-z_][A-Za-z0-9_-]*/y;

/** Scans an expression's text: the position, and the steps shared by expressions and templates. */
export abstract class TemplateScanner {
  public pos = 0;

  public constructor(protected readonly src: string) {}

  /** One native-syntax expression at the cursor (the parser's entry point). */
  public abstract expression(): Node;

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

  protected peekPunct(): string | undefined {
    this.skipSpace();
    for (const p of PUNCT) {
      if (this.src.startsWith(p, this.pos)) {
        // `.*` only as a splat (not `.5`); `[*]` only as written.
        return p;
      }
    }
    return undefined;
  }

  protected eat(p: string): boolean {
    if (this.peekPunct() === p) {
      this.pos += p.length;
      return true;
    }
    return false;
  }

  protected expect(p: string): void {
    if (!this.eat(p)) {
      throw this.error(`expected '${p}'`);
    }
  }

  protected ident(): string | undefined {
    this.skipSpace();
    IDENT.lastIndex = this.pos;
    const m = IDENT.exec(this.src);
    if (!m) {
      return undefined;
    }
    this.pos += m[0].length;
    return m[0];
  }

  protected peekIdent(): string | undefined {
    const at = this.pos;
    const id = this.ident();
    this.pos = at;
    return id;
  }

  /** `k, v in coll` (or `v in coll`) after `for`. */
  protected forHead(): { key?: string; val: string; coll: Node } {
    let val = this.ident() as string;
    let key: string | undefined;
    if (this.eat(',')) {
      key = val;
      val = this.ident() as string;
    }
    this.ident(); // in
    return { key, val, coll: this.expression() };
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
  protected directive(): string | undefined {
    this.pos += 2;
    if (this.src[this.pos] === '~') this.pos++;
    const word = this.ident();
    this.skipSpace();
    this.closeBrace();
    return word;
  }

  /** Consumes `}` or `~}`; returns whether it strips the following whitespace. */
  protected closeBrace(): boolean {
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
