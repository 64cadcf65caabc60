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
  /**
   * @param reason what is wrong
   * @param at where in `text` (the HCL parser reports it as a file's line and column)
   */
  public constructor(
    public readonly reason: string,
    public readonly text: string,
    public readonly at: number,
  ) {
    super(`${reason} at ${at} in ${JSON.stringify(text.length > 120 ? `${text.slice(0, 117)}...` : text)}`);
    this.name = 'HclSyntaxError';
  }
}

const PUNCT = ['...', '=>', '==', '!=', '<=', '>=', '&&', '||', '[*]', '.*', '(', ')', '[', ']', '{', '}', ',', '.', ':', '?', '=', '!', '<', '>', '+', '-', '*', '/', '%'];
/** The punctuation by first character, longest first (as in PUNCT). */
const PUNCT_BY_CHAR = new Map<string, string[]>();
for (const p of PUNCT) {
  PUNCT_BY_CHAR.set(p[0], [...(PUNCT_BY_CHAR.get(p[0]) ?? []), p]);
}
const NO_PUNCT: readonly string[] = [];
const IDENT = /[A-Za-z_][A-Za-z0-9_-]*/y;
/** Backslash escapes of quoted strings, besides `\u` and `\U`. */
const ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** Scans an expression's text: the position, and the steps shared by expressions and templates. */
export abstract class TemplateScanner {
  public pos = 0;
  /** The text of the last quoted template parsed, as hcl2json writes it (see {@link template}). */
  protected written = '';
  /** Where the last blanks skipped began and ended (see {@link tokenEnd}). */
  private blanksFrom = 0;
  private blanksTo = 0;

  /**
   * @param src the text parsed
   * @param strict native-syntax file text (lib/report/hcl-parser.ts): a quoted string ends at its line
   *   and an unknown backslash escape is an error, as in Terraform, instead of literal text
   */
  public constructor(
    protected readonly src: string,
    protected readonly strict = false,
  ) {}

  /** One native-syntax expression at the cursor (the parser's entry point). */
  public abstract expression(): Node;

  public error(message: string): SyntaxError {
    return new SyntaxError(message, this.src, this.pos);
  }

  /** Where the last token ended: the position before the blanks and comments skipped after it. */
  public tokenEnd(): number {
    return this.blanksTo === this.pos ? this.blanksFrom : this.pos;
  }

  /** Skips blanks and comments; newlines too (this parser does not need them to separate items). */
  public skipSpace(newlines = true): void {
    const s = this.src;
    const from = this.pos;
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
        if (this.pos !== from) {
          this.blanksFrom = from;
          this.blanksTo = this.pos;
        }
        return;
      }
    }
  }

  protected peekPunct(): string | undefined {
    this.skipSpace();
    for (const p of PUNCT_BY_CHAR.get(this.src[this.pos]) ?? NO_PUNCT) {
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
   * Parses template parts up to `atEnd` (or a directive keyword the caller handles). Leaves in
   * `written` the template's text as hcl2json writes it: escapes decoded, `$${`, `%%{`, interpolations
   * and directives as written.
   * @param escapes whether backslash escapes apply (quoted native strings) or not (JSON strings, heredocs)
   */
  public template(escapes: boolean, atEnd: () => boolean, stopAt?: readonly string[]): Part[] {
    const s = this.src;
    const parts: Part[] = [];
    let text = '';
    let written = '';
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
        written += '$${';
        this.pos += 3;
      } else if (c === '%' && s[this.pos + 1] === '%' && s[this.pos + 2] === '{') {
        text += '%{';
        written += '%%{';
        this.pos += 3;
      } else if (c === '$' && s[this.pos + 1] === '{') {
        const at = this.pos;
        this.pos += 2;
        const strip = s[this.pos] === '~';
        if (strip) this.pos++;
        flush(strip);
        const e = this.expression();
        this.skipSpace();
        stripNext = this.closeBrace();
        parts.push({ k: 'interp', e });
        written += s.slice(at, this.pos);
      } else if (c === '%' && s[this.pos + 1] === '{') {
        const at = this.pos;
        this.pos += 2;
        const strip = s[this.pos] === '~';
        if (strip) this.pos++;
        const word = this.ident();
        if (stopAt && word !== undefined && stopAt.includes(word)) {
          this.pos = at;
          flush(strip);
          this.written = written;
          return parts;
        }
        flush(strip);
        if (word === 'if') {
          const cond = this.expression();
          this.skipSpace();
          stripNext = this.closeBrace();
          written += s.slice(at, this.pos);
          const then = this.template(escapes, atEnd, ['else', 'endif']);
          written += this.written;
          let tag = this.pos;
          let otherwise: Part[] = [];
          if (this.directive() === 'else') {
            written += s.slice(tag, this.pos);
            otherwise = this.template(escapes, atEnd, ['endif']);
            written += this.written;
            tag = this.pos;
            this.directive();
          }
          written += s.slice(tag, this.pos);
          parts.push({ k: 'if', c: cond, then, else: otherwise });
        } else if (word === 'for') {
          const { key, val, coll } = this.forHead();
          this.skipSpace();
          stripNext = this.closeBrace();
          written += s.slice(at, this.pos);
          const body = this.template(escapes, atEnd, ['endfor']);
          written += this.written;
          const tag = this.pos;
          this.directive();
          written += s.slice(tag, this.pos);
          parts.push({ k: 'for', key, val, coll, body });
        } else {
          throw this.error(`unknown template directive '${word ?? ''}'`);
        }
        continue;
      } else if (escapes && c === '\\') {
        const n = s[this.pos + 1];
        let decoded = c;
        if (n in ESCAPES) {
          decoded = ESCAPES[n];
          this.pos += 2;
        } else if (n === 'u' || n === 'U') {
          const len = n === 'u' ? 4 : 8;
          decoded = String.fromCodePoint(parseInt(s.slice(this.pos + 2, this.pos + 2 + len), 16));
          this.pos += 2 + len;
        } else if (this.strict) {
          throw this.error(`invalid escape \\${n ?? ''}`);
        } else {
          this.pos += 1;
        }
        text += decoded;
        written += decoded;
      } else {
        if (escapes && this.strict && c === '\n') {
          throw this.error('unterminated string');
        }
        text += c;
        written += c;
        this.pos += 1;
      }
    }
    if (stopAt) {
      throw this.error(`missing %{${stopAt[stopAt.length - 1]}}`);
    }
    flush(false);
    this.written = written;
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
