/**
 * The lexical half of the HCL native-syntax parser (lib/report/hcl-parser.ts) for bodies: position,
 * blanks and comments between items, names, a heredoc's text as hcl2json writes it, and syntax errors
 * with line and column. The parser extends it with bodies; expressions are parsed by the evaluator's
 * parser (lib/report/hcl/syntax.ts).
 */

/** A syntax error, with the file, line and column. */
export class HclSyntaxError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'HclSyntaxError';
  }
}

/** Characters that start an identifier. */
export const IDENT_START = /[A-Za-z_]/;

/** Whether a character code continues an identifier (letters, digits, `_`, `-`). */
function identChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 45;
}

/** Scans HCL text: the parser's position and its lexical steps. */
export class HclScanner {
  protected pos = 0;

  public constructor(
    protected readonly text: string,
    protected readonly file: string,
  ) {}

  // ------------------------------------------------------------------ strings

  /** `<<EOT` / `<<-EOT` ... `EOT`: the lines between, with a final newline (`<<-` strips common indentation). */
  protected heredoc(): string {
    const m = /^<<(-?)([A-Za-z_][\w-]*)[ \t]*\r?\n/.exec(this.text.slice(this.pos, this.pos + 200));
    if (!m) {
      return this.fail('invalid heredoc');
    }
    this.pos += m[0].length;
    const lines: string[] = [];
    for (;;) {
      if (this.pos >= this.text.length) {
        this.fail(`unterminated heredoc ${m[2]}`);
      }
      let end = this.text.indexOf('\n', this.pos);
      if (end < 0) {
        end = this.text.length;
      }
      const line = this.text.slice(this.pos, end).replace(/\r$/, '');
      if (line.trim() === m[2]) {
        this.pos += line.length - line.trimStart().length + m[2].length;
        while (this.text[this.pos] === ' ' || this.text[this.pos] === '\t') this.pos++;
        break;
      }
      lines.push(line);
      this.pos = end + 1;
    }
    let body = lines;
    if (m[1] === '-') {
      const indents = lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length);
      const cut = indents.length > 0 ? Math.min(...indents) : 0;
      body = lines.map((l) => (l.trim() === '' ? l : l.slice(cut)));
    }
    return body.map((l) => `${l}\n`).join('');
  }

  // ------------------------------------------------------------------ lexical

  protected identifier(): string {
    const start = this.pos;
    if (!IDENT_START.test(this.text[this.pos] ?? '')) {
      this.fail(`expected a name, got ${JSON.stringify(this.text[this.pos] ?? 'the end')}`);
    }
    this.pos++;
    while (identChar(this.text.charCodeAt(this.pos))) this.pos++;
    return this.text.slice(start, this.pos);
  }

  /** Skips blanks and comments; new lines too when `newlines`. */
  protected skipSpace(newlines: boolean): void {
    for (;;) {
      const c = this.text[this.pos];
      if (c === ' ' || c === '\t' || (newlines && (c === '\n' || c === '\r'))) {
        this.pos++;
      } else if (c === '\\' && newlines && (this.text[this.pos + 1] === '\n' || this.text[this.pos + 1] === '\r')) {
        this.pos++;
      } else if (c === '#' || (c === '/' && this.text[this.pos + 1] === '/')) {
        const end = this.text.indexOf('\n', this.pos);
        this.pos = end < 0 ? this.text.length : end;
      } else if (c === '/' && this.text[this.pos + 1] === '*') {
        const end = this.text.indexOf('*/', this.pos + 2);
        if (end < 0) {
          this.fail('unterminated comment');
        }
        this.pos = end + 2;
      } else {
        return;
      }
    }
  }

  protected expect(c: string): void {
    this.skipSpace(c === '}' || c === ']' || c === ')');
    if (this.text[this.pos] !== c) {
      this.fail(`expected '${c}', got ${JSON.stringify(this.text[this.pos] ?? 'the end')}`);
    }
    this.pos++;
  }

  protected fail(message: string): never {
    const before = this.text.slice(0, this.pos);
    const line = before.split('\n').length;
    const column = this.pos - before.lastIndexOf('\n');
    throw new HclSyntaxError(`${this.file}:${line},${column}: ${message}`);
  }
}
