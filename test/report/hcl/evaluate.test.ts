/**
 * The HCL expression evaluator on its own: templates as hcl2json writes them, operators, for
 * expressions, splats, each function, unknown values and references, variable types.
 */
import * as fs from 'fs';
import { evaluate, Scope } from '../../../lib/report/hcl/evaluate';
import { KNOWN_FUNCTIONS } from '../../../lib/report/hcl/functions';
import { parseTemplate } from '../../../lib/report/hcl/syntax';
import { commandLineValue, convert, parseType } from '../../../lib/report/hcl/variables';
import { Lazy, Opaque, toJson, Value } from '../../../lib/report/hcl/values';
import type { JsonValue } from '../../../lib/core/terraform-document';

const VARS: Record<string, Value> = {
  n: 3,
  name: 'aks',
  pools: { system: { size: 'Standard_D4s_v5', zones: ['1', '2'] }, user: { size: 'Standard_D8s_v5', zones: [] } },
  list: ['a', 'b', 'c'],
  maybe: null,
  flags: { a: true, b: false },
};

/** `var.*` from VARS (unset ones unknown), `azurerm_subnet.<name>` a reference, `data.x.y` a data source. */
const scope: Scope = {
  lookup: (root) => {
    if (root === 'var') return new Lazy('var', (n) => (n in VARS ? VARS[n] : new Opaque(`var.${n}`, false)), false);
    if (root === 'azurerm_subnet') return new Lazy('azurerm_subnet', (n) => new Lazy(`azurerm_subnet.${n}`, (a) => new Opaque(`azurerm_subnet.${n}.${a}`, true)));
    return undefined;
  },
};

/** Evaluates a string as hcl2json writes it (a JSON-syntax template) and returns the resolved JSON. */
function ev(text: string): JsonValue {
  return toJson(evaluate(parseTemplate(text), scope));
}

describe('HCL evaluator: templates and expressions', () => {
  test.each([
    ['literal text', 'plain', 'plain'],
    ['a single interpolation keeps its type', '${var.n}', 3],
    ['a template with text is a string', 'aks-${var.n}-x', 'aks-3-x'],
    ['escapes $${ and %%{', '$${literal} %%{x}', '$${literal} %{x}'],
    ['a conditional inside a template (hcl2json writes %{if})', 'x-%{if var.n > 1}big%{else}small%{endif}', 'x-big'],
    ['a for directive', '%{for x in var.list}${x};%{endfor}', 'a;b;c;'],
    ['a conditional', '${var.n > 2 ? "many" : "few"}', 'many'],
    ['arithmetic and precedence', '${1 + 2 * var.n - 10 / 5 % 3}', 5],
    ['comparison and logic', '${var.n >= 3 && !(var.n == 4) || false}', true],
    ['equality is typed', '${1 == "1"}', false],
    ['unary minus', '${-var.n}', -3],
    ['a quoted string with escapes and a nested template', '${"a\\"${var.name}\\"\\n"}', 'a"aks"\n'],
    ['attribute and index access', '${var.pools.system.zones[1]}', '2'],
    ['index by string', '${var.pools["user"].size}', 'Standard_D8s_v5'],
    ['legacy index', '${var.list.0}', 'a'],
    ['a full splat', '${values(var.pools)[*].size}', ['Standard_D4s_v5', 'Standard_D8s_v5']],
    ['a legacy attribute splat', '${values(var.pools).*.size}', ['Standard_D4s_v5', 'Standard_D8s_v5']],
    ['a splat of null is empty', '${var.maybe[*]}', []],
    ['a list for expression with a condition', '${[for k, v in var.pools : upper(k) if length(v.zones) > 0]}', ['SYSTEM']],
    ['an object for expression', '${{ for k, v in var.pools : v.size => k }}', { Standard_D4s_v5: 'system', Standard_D8s_v5: 'user' }],
    ['a grouping for expression', '${{ for s in ["a", "b", "a"] : s => s... }}', { a: ['a', 'a'], b: ['b'] }],
    ['an object constructor with a computed key', '${{ (var.name) = 1, plain = 2, "quoted key" = 3 }}', { aks: 1, plain: 2, 'quoted key': 3 }],
    ['a multi-line object with comments', '${merge({\n  a = 1 # one\n  b = 2\n}, {})}', { a: 1, b: 2 }],
    ['a heredoc', '${<<-EOT\n    x ${var.n}\n    y\n  EOT\n}', 'x 3\ny\n'],
    ['an expanded final argument', '${max(var.n, [7, 2]...)}', 7],
  ])('%s', (_what, text, expected) => {
    expect(ev(text)).toEqual(expected);
  });

  test('a reference to a block stays a reference with its full address', () => {
    expect(ev('${azurerm_subnet.nodes.id}')).toBe('${azurerm_subnet.nodes.id}');
    expect(ev('${azurerm_subnet.nodes.id}/x')).toBe('${azurerm_subnet.nodes.id}/x');
    expect(ev('${[azurerm_subnet.a.id, "b"]}')).toEqual(['${azurerm_subnet.a.id}', 'b']);
  });

  test('an unset variable is unknown, and so is what depends on it; what does not depend on it is known', () => {
    expect(ev('${var.unset}')).toBe('${var.unset}');
    expect(ev('${var.unset ? "a" : "b"}')).toBe('${var.unset ? "a" : "b"}');
    expect(ev('${var.unset ? "same" : "same"}')).toBe('same');
    expect(ev('${false && var.unset}')).toBe(false);
    expect(ev('${var.unset || true}')).toBe(true);
    expect(ev('${length([var.unset, 1])}')).toBe(2);
    expect(ev('${{ a = var.unset } != null}')).toBe(true);
    expect(ev('${coalesce("a", var.unset) != null}')).toBe(true);
    expect(ev('${"x-${var.unset}" == null}')).toBe(false);
    expect(ev('${lookup(var.flags, var.unset, null) == null}')).toBe('${(lookup({ a = true, b = false }, var.unset, null) == null)}');
    expect(ev('${[var.unset, 1] == [var.unset, 2]}')).toBe(false);
    expect(ev('${[var.unset] == ["x"]}')).toBe('${([var.unset] == ["x"])}');
    expect(ev('${merge({ a = var.unset }, { b = 1 })}')).toEqual({ a: '${var.unset}', b: 1 });
    expect(ev('${upper(var.unset)}')).toBe('${upper(var.unset)}');
    expect(ev('${try(var.unset.x, "fallback")}')).toBe('${var.unset.x}');
    expect(ev('${[for x in var.unset : x]}')).toBe('${[for x in var.unset : x]}');
  });

  test('a function the evaluator does not know is unknown', () => {
    expect(ev('${file("key.pub")}')).toBe('${file("key.pub")}');
    expect(ev('${timestamp()}')).toBe('${timestamp()}');
  });

  test('errors: try and can catch them', () => {
    expect(ev('${try(var.pools.none.size, var.pools.user.size)}')).toBe('Standard_D8s_v5');
    expect(ev('${can(var.pools.none)}')).toBe(false);
    expect(ev('${can(var.pools.user)}')).toBe(true);
    expect(() => ev('${var.pools.none}')).toThrow(/no attribute 'none'/);
  });
});

describe('HCL evaluator: functions', () => {
  test.each([
    ['try', '${try(var.maybe.x, "d")}', 'd'],
    ['can', '${can(regex("^a", "abc"))}', true],
    ['coalesce', '${coalesce(var.maybe, "", "x")}', 'x'],
    ['coalescelist', '${coalescelist([], ["a"])}', ['a']],
    ['compact', '${compact(["a", "", null, "b"])}', ['a', 'b']],
    ['concat', '${concat(["a"], ["b", "c"])}', ['a', 'b', 'c']],
    ['contains', '${contains(var.list, "b")}', true],
    ['distinct', '${distinct(["a", "b", "a"])}', ['a', 'b']],
    ['element (wraps)', '${element(var.list, 4)}', 'b'],
    ['flatten', '${flatten([["a"], [["b"]], []])}', ['a', 'b']],
    ['index', '${index(var.list, "c")}', 2],
    ['keys (sorted)', '${keys({ b = 1, a = 2 })}', ['a', 'b']],
    ['length of a string, list, map', '${[length("abc"), length(var.list), length(var.pools)]}', [3, 3, 2]],
    ['lookup with a default', '${lookup(var.flags, "c", "none")}', 'none'],
    ['lookup', '${lookup(var.flags, "a")}', true],
    ['merge', '${merge({ a = 1, b = 1 }, null, { b = 2 })}', { a: 1, b: 2 }],
    ['one', '${one(["x"])}', 'x'],
    ['range', '${range(1, 7, 2)}', [1, 3, 5]],
    ['reverse', '${reverse(var.list)}', ['c', 'b', 'a']],
    ['setintersection', '${setintersection(["a", "b"], ["b", "c"])}', ['b']],
    ['setsubtract', '${setsubtract(["a", "b"], ["b"])}', ['a']],
    ['setunion', '${setunion(["b"], ["a", "b"])}', ['a', 'b']],
    ['slice', '${slice(var.list, 1, 3)}', ['b', 'c']],
    ['sort', '${sort(["b", "a"])}', ['a', 'b']],
    ['sum', '${sum([1, 2, 3])}', 6],
    ['tolist', '${tolist(toset(["b", "a"]))}', ['a', 'b']],
    ['toset (unique, sorted)', '${toset(["b", "a", "b"])}', ['a', 'b']],
    ['tomap', '${tomap({ a = "x" })}', { a: 'x' }],
    ['transpose', '${transpose({ a = ["1", "2"], b = ["2"] })}', { 1: ['a'], 2: ['a', 'b'] }],
    ['values (by sorted key)', '${values({ b = 1, a = 2 })}', [2, 1]],
    ['zipmap', '${zipmap(["a", "b"], [1, 2])}', { a: 1, b: 2 }],
    ['alltrue', '${alltrue([true, "true"])}', true],
    ['anytrue', '${anytrue([false, true])}', true],
    ['chomp', '${chomp("x\\n\\n")}', 'x'],
    ['endswith', '${endswith("aks-prod", "prod")}', true],
    ['format', '${format("%s-%03d-%v-%t", "a", 7, 1.5, true)}', 'a-007-1.5-true'],
    ['formatlist', '${formatlist("%s-x", ["a", "b"])}', ['a-x', 'b-x']],
    ['indent', '${indent(2, "a\\nb")}', 'a\n  b'],
    ['join', '${join(",", var.list)}', 'a,b,c'],
    ['lower', '${lower("AbC")}', 'abc'],
    ['regex', '${regex("^([a-z]+)-(\\\\d+)$", "aks-12")}', ['aks', '12']],
    ['regexall', '${regexall("[0-9]", "a1b2")}', ['1', '2']],
    ['replace (string)', '${replace("a.b.c", ".", "-")}', 'a-b-c'],
    ['replace (regex)', '${replace("Standard_D4", "/^Standard_/", "")}', 'D4'],
    ['split', '${split(",", "a,b")}', ['a', 'b']],
    ['startswith', '${startswith("Standard_B2s", "Standard_B")}', true],
    ['strcontains', '${strcontains("azure-cni", "cni")}', true],
    ['substr', '${substr("kubernetes", 0, 4)}', 'kube'],
    ['title', '${title("hello world")}', 'Hello World'],
    ['trim', '${trim("?!x!?", "!?")}', 'x'],
    ['trimprefix', '${trimprefix("rg-aks", "rg-")}', 'aks'],
    ['trimsuffix', '${trimsuffix("aks-rg", "-rg")}', 'aks'],
    ['trimspace', '${trimspace("  x ")}', 'x'],
    ['upper', '${upper("abc")}', 'ABC'],
    ['abs', '${abs(-2)}', 2],
    ['ceil', '${ceil(1.2)}', 2],
    ['floor', '${floor(1.8)}', 1],
    ['max', '${max(1, 5, 3)}', 5],
    ['min', '${min(4, 2)}', 2],
    ['parseint', '${parseint("ff", 16)}', 255],
    ['pow', '${pow(2, 10)}', 1024],
    ['signum', '${signum(-4)}', -1],
    ['jsonencode', '${jsonencode({ a = [1, true] })}', '{"a":[1,true]}'],
    ['jsondecode', '${jsondecode("{\\"a\\":1}").a}', 1],
    ['tobool', '${tobool("true")}', true],
    ['tonumber', '${tonumber("42")}', 42],
    ['tostring', '${tostring(5)}', '5'],
    ['type', '${type(var.list)}', 'list'],
    ['cidrsubnet', '${cidrsubnet("10.0.0.0/16", 8, 4)}', '10.0.4.0/24'],
    ['cidrhost', '${cidrhost("10.0.4.0/24", 10)}', '10.0.4.10'],
    ['cidrsubnets', '${cidrsubnets("10.1.0.0/16", 4, 4, 8)}', ['10.1.0.0/20', '10.1.16.0/20', '10.1.32.0/24']],
  ])('%s', (_name, text, expected) => {
    expect(ev(text)).toEqual(expected);
  });

  test('every known function has a case above', () => {
    const tested = fs.readFileSync(__filename, 'utf8');
    const missing = KNOWN_FUNCTIONS.filter((f) => !new RegExp(`\\$\\{[^']*\\b${f}\\(`).test(tested));
    expect(missing).toEqual([]);
  });
});

describe('HCL evaluator: variable types and command-line values', () => {
  test('optional attributes get their default, or null; extra attributes are dropped', () => {
    const t = parseType('${object({ name = string, zones = optional(list(string), ["1", "2", "3"]), count = optional(number) })}');
    expect(convert({ name: 'x', extra: true }, t)).toEqual({ name: 'x', zones: ['1', '2', '3'], count: null });
    expect(convert({ name: 'x', zones: ['1'], count: '3' }, t)).toEqual({ name: 'x', zones: ['1'], count: 3 });
  });

  test('maps of objects and primitive conversions', () => {
    const t = parseType('${map(object({ enabled = optional(bool, true) }))}');
    expect(convert({ a: {}, b: { enabled: 'false' } }, t)).toEqual({ a: { enabled: true }, b: { enabled: false } });
    expect(convert(5, parseType('${string}'))).toBe('5');
    expect(convert(['b', 'a', 'b'], parseType('${set(string)}'))).toEqual(['a', 'b']);
  });

  test('--var values: strings for string variables, HCL for the others', () => {
    expect(commandLineValue('[1, 2]', parseType('${string}'))).toBe('[1, 2]');
    expect(commandLineValue('["a", "b"]', parseType('${list(string)}'))).toEqual(['a', 'b']);
    expect(commandLineValue('3', parseType('${number}'))).toBe(3);
    expect(commandLineValue('true', parseType('${bool}'))).toBe(true);
    expect(commandLineValue('{ a = 1 }', parseType(undefined))).toEqual({ a: 1 });
    expect(commandLineValue('azure', parseType(undefined))).toBe('azure');
  });
});
