/**
 * The parser of the Terraform expression language, the only one of the report: the HCL file parser
 * (lib/report/hcl-parser.ts) parses each expression of a `.tf` file with it ({@link FileExpressions}),
 * and the evaluator parses the strings of the JSON form (hcl2json's output, `.tf.json` files): every
 * such string is a template in Terraform's JSON syntax (literal text, `$${` and `%%{` escapes,
 * `${ expr }` interpolations, `%{ if }` / `%{ for }` directives), and the expressions inside are native
 * syntax (quoted templates with backslash escapes, heredocs, operators, for-expressions, splats).
 *
 * Pure and synchronous; parsed templates are cached by text, since the same expressions repeat across
 * the resources of a configuration (the file parser puts the trees of the expressions it writes as
 * `${...}` there, so that the evaluator does not parse them again).
 */
import type { Node } from './template-syntax';
import { Parser, simplify } from './expression-parser';

export { SyntaxError } from './template-syntax';
export type { Node, Part } from './template-syntax';

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

/**
 * The expressions of a native-syntax file, parsed where the HCL parser finds them, with the source
 * extent of each tuple element, object key and value and negated operand (to write them back as
 * hcl2json does), and the text of each quoted template as hcl2json writes it.
 */
export class FileExpressions {
  private readonly parser: Parser;

  public constructor(text: string) {
    this.parser = new Parser(text, true);
  }

  /** The expression starting at `pos` (blanks skipped), and where it starts and ends. */
  public expression(pos: number): { readonly node: Node; readonly start: number; readonly end: number } {
    const p = this.parser;
    p.pos = pos;
    return p.spanned(() => p.expression());
  }

  /** The quoted string at `pos` (a block label): its text as hcl2json writes it, and where it ends. */
  public quoted(pos: number): { readonly text: string; readonly end: number } {
    const p = this.parser;
    p.pos = pos;
    const node = p.quoted();
    return { text: this.written(node) as string, end: p.pos };
  }

  /** Where a tuple element, an object key or value, or the operand of a `-` starts and ends. */
  public span(node: Node): readonly [number, number] {
    return this.parser.spans?.get(node) as readonly [number, number];
  }

  /** A quoted template's text as hcl2json writes it (escapes decoded, interpolations as written). */
  public written(node: Node): string | undefined {
    return this.parser.texts?.get(node);
  }
}

/**
 * Hands the evaluator the tree of an expression that the file parser wrote as `text` (`${...}`), as
 * {@link parseTemplate} would parse it.
 */
export function rememberTemplate(text: string, node: Node): void {
  if (!cache.has(text)) {
    cache.set(text, node);
  }
}

/** Whether a string of hcl2json's output holds any interpolation or directive. */
export function isTemplate(text: string): boolean {
  return text.includes('${') || text.includes('%{');
}
