/**
 * The native HCL parser writes what @cdktf/hcl2json writes, on a syntax-rich sample and on every HCL
 * fixture of the report's tests; and reports syntax errors with file, line and column.
 */
import * as fs from 'fs';
import * as path from 'path';
import { HclSyntaxError, parseHcl } from '../../lib/report/hcl-parser';

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

  test.each([
    ['resource "a" "b" {\n  x = \n}\n', /x.tf:2,7: /],
    ['resource "a" "b" {\n  x = "open\n}\n', /unterminated string/],
    ['resource "a" "b" {\n  x = 1 y = 2\n}\n', /expected a new line/],
    ['resource "a" "b" {\n', /expected '}'/],
  ])('a syntax error names the file, line and column: %j', (text, message) => {
    expect(() => parseHcl('x.tf', text)).toThrow(HclSyntaxError);
    expect(() => parseHcl('x.tf', text)).toThrow(message);
  });
});
