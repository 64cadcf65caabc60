/**
 * The native HCL parser writes what @cdktf/hcl2json writes, on a syntax-rich sample and on every HCL
 * fixture of the report's tests; and reports syntax errors with file, line and column.
 */
import * as fs from 'fs';
import * as path from 'path';
import { HclSyntaxError, parseHcl } from '../../lib/report/hcl-parser';
import { parseExpression, parseTemplate } from '../../lib/report/hcl/syntax';

const FIXTURES = path.join(__dirname, 'fixtures');

function tfFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tfFiles(path.join(dir, e.name)) : e.name.endsWith('.tf') ? [path.join(dir, e.name)] : []));
}

describe('parseHcl', () => {
  const hcl2json = require('@cdktf/hcl2json') as { parse: (file: string, text: string) => Promise<object> };
  const files = [...tfFiles(FIXTURES), ...tfFiles(path.join(__dirname, 'hcl'))];

  test('there are HCL fixtures to compare', () => expect(files.length).toBeGreaterThanOrEqual(5));

  test.each(files.map((f) => [path.relative(__dirname, f), f]))('%s: as hcl2json', async (_, file) => {
    const text = fs.readFileSync(file, 'utf8');
    expect(parseHcl(path.basename(file), text)).toEqual(await hcl2json.parse(path.basename(file), text));
  });

  test('literals are JSON, other expressions their source text, templates their text', () => {
    const json = parseHcl('x.tf', 'locals {\n  a = [1, "b", var.c]\n  d = { "k-1" = true, e = null }\n  f = var.on ? "x" : "y"\n  g = "p-${var.q}-$${r}"\n  h = -2\n}\n');
    expect(json).toEqual({ locals: [{ a: [1, 'b', '${var.c}'], d: { 'k-1': true, e: null }, f: '${var.on ? "x" : "y"}', g: 'p-${var.q}-$${r}', h: -2 }] });
  });

  // Expressions parsed by the evaluator's parser and written back from their trees and source extents.
  const EDGES = [
    'neg      = - 2',
    'negparen = -(1)',
    'parenneg = (-1)',
    'paren    = [(1), "a", -3, true, null, [2, "b"]]',
    'keytmpl  = { "${var.k}" = 1, "x\\ty" = 2 }',
    'heredocs = [\n    <<-EOF\n      a ${var.x}\n        b\n    EOF\n    , "c"\n  ]',
    'forloop  = "%{for s in var.l}${s}\\n%{endfor}"',
    'esc      = "a\\\\b\\"c $${d} %%{e} \\u00e9 $x %y"',
    'nested   = { a = { b = [1, { c = var.c }] } }',
    'idx      = [1, 2][0]',
    'cond     = var.a ? { x = 1 } : { x = 2 }',
    'forobj   = { for k, v in var.m : k => v... if v != null }',
    'comment  = [ # c\n    1, /* two */ 2,\n  ]',
    'legacy   = var.l.0.id',
    'prov     = provider::azurerm::normalise_resource_id("x")',
    'trailing = var.z // a comment',
  ];

  test('operators, parentheses, nested constructors, heredocs in lists and comments: as hcl2json', async () => {
    const text = `locals {\n${EDGES.map((l) => `  ${l}\n`).join('')}}\n`;
    expect(parseHcl('x.tf', text)).toEqual(await hcl2json.parse('x.tf', text));
  });

  test('where it writes other than hcl2json (computed keys, `--2`, strip markers), it writes what it always wrote', () => {
    // hcl2json: { "${(var.k)}" = 1 }, { "a.b" = 1 }, { "${-2}" = "m" }, "${--2}", strip markers applied. The evaluator reads either.
    const json = parseHcl('x.tf', 'locals {\n  a = { (var.k) = 1 }\n  b = { a.b = 1 }\n  c = { -2 = "m" }\n  d = --2\n  e = "%{ if var.on ~} y %{ endif }"\n}\n');
    expect(json).toEqual({ locals: [{ a: '${{ (var.k) = 1 }}', b: '${{ a.b = 1 }}', c: { '-2': 'm' }, d: 2, e: '%{ if var.on ~} y %{ endif }' }] });
  });

  test('the evaluator gets the tree of each expression written as ${...}, as it would parse the string', () => {
    const sources = ['var.a + 1 * 2', 'merge(var.a, { b = [for s in var.l : upper(s) if s != ""] })', 'var.l[*].id', 'trimspace(<<EOT\n  x ${var.y}\nEOT\n)'];
    const json = parseHcl('x.tf', `locals {\n${sources.map((s, i) => `  v${i} = ${s}\n`).join('')}}\n`);
    const locals = (json.locals as Record<string, string>[])[0];
    sources.forEach((s, i) => {
      expect(locals[`v${i}`]).toBe(`\${${s}}`);
      expect(parseTemplate(locals[`v${i}`])).toEqual(parseExpression(s));
    });
  });

  test.each([
    ['resource "a" "b" {\n  x = \n}\n', /x.tf:2,7: /],
    ['resource "a" "b" {\n  x = "a\\qb"\n}\n', /x.tf:2,.*invalid escape/],
    ['resource "a" "b" {\n  x = join("a\n", [])\n}\n', /x.tf:2,.*unterminated string/],
    ['resource "a" "b" {\n  x = [1, 2\n}\n', /x.tf:3,1: expected ','/],
    ['resource "a" "b" {\n  x = "open\n}\n', /unterminated string/],
    ['resource "a" "b" {\n  x = 1 y = 2\n}\n', /expected a new line/],
    ['resource "a" "b" {\n', /expected '}'/],
  ])('a syntax error names the file, line and column: %j', (text, message) => {
    expect(() => parseHcl('x.tf', text)).toThrow(HclSyntaxError);
    expect(() => parseHcl('x.tf', text)).toThrow(message);
  });
});
