/**
 * Evaluates a parsed Terraform expression in a scope. Known inputs give known results; an opaque input
 * (unknown, or a reference to a block) gives an opaque result whose text says what it depends on,
 * except where the answer does not depend on it (`false && x`, `length([x, y])`, `merge({a = x}, ...)`).
 */
import { lookupFunction } from './functions';
import { show } from './show';
import type { Node, Part } from './syntax';
import {
  asBool,
  asNumber,
  asString,
  equal,
  equalKnown,
  EvalError,
  hasOpaque,
  isObject,
  isOpaque,
  Lazy,
  ObjectValue,
  Opaque,
  opaqueOf,
  render,
  sortedKeys,
  Value,
} from './values';

/** Where names are looked up: `var`, `local`, `each`, a resource type, a for-expression's symbol. */
export interface Scope {
  /** The value of a root name, or undefined when the scope does not know it (it becomes unknown). */
  lookup(name: string): Value | undefined;
}

/** A scope with a few more names (a for-expression's symbols, a dynamic block's iterator). */
export function childScope(parent: Scope, names: Readonly<Record<string, Value>>): Scope {
  return { lookup: (name) => (Object.prototype.hasOwnProperty.call(names, name) ? names[name] : parent.lookup(name)) };
}

/** Evaluates a node; throws EvalError where Terraform would raise an error. */
export function evaluate(node: Node, scope: Scope, anon?: Value): Value {
  switch (node.k) {
    case 'lit':
      return node.v;
    case 'tmpl':
      return template(node, scope);
    case 'name': {
      const v = scope.lookup(node.name);
      return v === undefined ? new Opaque(node.name, false) : v;
    }
    case 'anon':
      return anon === undefined ? null : anon;
    case 'attr':
      return getAttr(evaluate(node.o, scope, anon), node.name);
    case 'index':
      return getIndex(evaluate(node.o, scope, anon), evaluate(node.i, scope, anon));
    case 'splat':
      return splat(evaluate(node.o, scope, anon), node.each, scope);
    case 'call':
      return call(node, scope, anon);
    case 'tuple':
      return node.items.map((i) => evaluate(i, scope, anon));
    case 'object':
      return object(node.items, scope, anon);
    case 'for':
      return forExpr(node, scope, anon);
    case 'cond':
      return conditional(node, scope, anon);
    case 'bin':
      return binary(node.op, node.l, node.r, scope, anon);
    case 'un': {
      const v = evaluate(node.e, scope, anon);
      if (isOpaque(v)) {
        return new Opaque(`${node.op}${render(v)}`, false, undefined, true);
      }
      return node.op === '!' ? !asBool(v) : -asNumber(v);
    }
  }
}

/** Evaluates without throwing: an error becomes an unknown value named by the expression. */
export function evaluateSafely(node: Node, scope: Scope): Value {
  try {
    return evaluate(node, scope);
  } catch (e) {
    if (e instanceof EvalError) {
      return new Opaque(show(node), false);
    }
    throw e;
  }
}

function getAttr(o: Value, name: string): Value {
  if (o instanceof Lazy) {
    return o.attr(name);
  }
  if (o instanceof Opaque) {
    return new Opaque(`${o.text}.${name}`, o.ref);
  }
  if (isObject(o)) {
    if (Object.prototype.hasOwnProperty.call(o, name)) {
      return o[name];
    }
    throw new EvalError(`no attribute '${name}'`);
  }
  throw new EvalError(`cannot read attribute '${name}' of ${o === null ? 'null' : Array.isArray(o) ? 'a list' : typeof o}`);
}

function getIndex(o: Value, key: Value): Value {
  if (isOpaque(key)) {
    return new Opaque(`${render(o)}[${render(key)}]`, false);
  }
  if (o instanceof Opaque) {
    return new Opaque(`${o.text}[${render(key)}]`, o.ref);
  }
  if (o instanceof Lazy) {
    return o.attr(asString(key));
  }
  if (Array.isArray(o)) {
    const i = asNumber(key);
    if (!Number.isInteger(i) || i < 0 || i >= o.length) {
      throw new EvalError(`index ${i} out of range`);
    }
    return o[i];
  }
  if (isObject(o)) {
    const k = asString(key);
    if (Object.prototype.hasOwnProperty.call(o, k)) {
      return o[k];
    }
    throw new EvalError(`no element ${JSON.stringify(k)}`);
  }
  throw new EvalError(`cannot index ${o === null ? 'null' : typeof o}`);
}

function splat(o: Value, each: Node, scope: Scope): Value {
  if (o instanceof Opaque) {
    return evaluate(each, scope, new Opaque(`${o.text}[*]`, o.ref));
  }
  if (o === null) {
    return [];
  }
  const list = Array.isArray(o) ? o : [o];
  return list.map((item) => evaluate(each, scope, item));
}

function template(node: Extract<Node, { k: 'tmpl' }>, scope: Scope): Value {
  const pieces: (string | Opaque)[] = [];
  let known = true;
  const run = (parts: readonly Part[], s: Scope): void => {
    for (const part of parts) {
      if (typeof part === 'string') {
        pieces.push(part);
      } else if (part.k === 'interp') {
        const v = evaluate(part.e, s);
        if (isOpaque(v)) {
          pieces.push(opaqueOf(v));
          known = false;
        } else if (v === null) {
          throw new EvalError('a null value in a template');
        } else if (typeof v === 'object') {
          if (hasOpaque(v)) {
            pieces.push(new Opaque(render(v), false));
            known = false;
          } else {
            throw new EvalError('a list or object in a template');
          }
        } else {
          pieces.push(asString(v));
        }
      } else if (part.k === 'if') {
        const c = evaluate(part.c, s);
        if (isOpaque(c)) {
          throw new Unresolved();
        }
        run(asBool(c) ? part.then : part.else, s);
      } else {
        const coll = evaluate(part.coll, s);
        if (isOpaque(coll)) {
          throw new Unresolved();
        }
        for (const [k, v] of entries(coll)) {
          run(part.body, childScope(s, part.key === undefined ? { [part.val]: v } : { [part.key]: k, [part.val]: v }));
        }
      }
    }
  };
  try {
    run(node.parts, scope);
  } catch (e) {
    if (e instanceof Unresolved) {
      return new Opaque(show(node), false);
    }
    throw e;
  }
  if (known) {
    return (pieces as string[]).join('');
  }
  const json = pieces.map((p) => (typeof p === 'string' ? p.replace(/\$\{/g, '$$$${') : `\${${p.text}}`)).join('');
  const text = `"${pieces.map((p) => (typeof p === 'string' ? JSON.stringify(p).slice(1, -1).replace(/\$\{/g, '$$$${') : `\${${p.text}}`)).join('')}"`;
  return new Opaque(text, pieces.every((p) => typeof p === 'string' || p.ref), json, true);
}

class Unresolved extends Error {}

/** A collection's elements as [key, value] pairs (lists by index, maps and objects by sorted key). */
export function entries(coll: Value): [Value, Value][] {
  if (Array.isArray(coll)) {
    return coll.map((v, i) => [i, v]);
  }
  if (isObject(coll)) {
    return sortedKeys(coll).map((k) => [k, coll[k]]);
  }
  throw new EvalError(`cannot iterate over ${coll === null ? 'null' : typeof coll}`);
}

function object(items: readonly (readonly [Node, Node])[], scope: Scope, anon: Value | undefined): Value {
  const out: ObjectValue = {};
  for (const [kn, vn] of items) {
    const k = evaluate(kn, scope, anon);
    if (isOpaque(k)) {
      return new Opaque(`{ ${items.map(([a, b]) => `${show(a)} = ${show(b)}`).join(', ')} }`, false);
    }
    out[asString(k)] = evaluate(vn, scope, anon);
  }
  return out;
}

function forExpr(node: Extract<Node, { k: 'for' }>, scope: Scope, anon: Value | undefined): Value {
  const coll = evaluate(node.coll, scope, anon);
  if (isOpaque(coll)) {
    return new Opaque(show(node), false);
  }
  const list: Value[] = [];
  const map: Record<string, Value> = {};
  for (const [k, v] of entries(coll)) {
    const s = childScope(scope, node.key === undefined ? { [node.val]: v } : { [node.key]: k, [node.val]: v });
    if (node.cond) {
      const c = evaluate(node.cond, s, anon);
      if (isOpaque(c)) {
        return new Opaque(show(node), false);
      }
      if (!asBool(c)) {
        continue;
      }
    }
    const value = evaluate(node.vexpr, s, anon);
    if (node.kexpr === undefined) {
      list.push(value);
      continue;
    }
    const key = evaluate(node.kexpr, s, anon);
    if (isOpaque(key)) {
      return new Opaque(show(node), false);
    }
    const name = asString(key);
    if (node.group) {
      ((map[name] ??= []) as Value[]).push(value);
    } else if (Object.prototype.hasOwnProperty.call(map, name)) {
      throw new EvalError(`duplicate key ${JSON.stringify(name)} in a for expression (use ... to group)`);
    } else {
      map[name] = value;
    }
  }
  return node.kexpr === undefined ? list : map;
}

function conditional(node: Extract<Node, { k: 'cond' }>, scope: Scope, anon: Value | undefined): Value {
  const c = evaluate(node.c, scope, anon);
  if (!isOpaque(c)) {
    return evaluate(asBool(c) ? node.t : node.f, scope, anon);
  }
  const branch = (n: Node): Value => {
    try {
      return evaluate(n, scope, anon);
    } catch (e) {
      if (e instanceof EvalError) return new Opaque(show(n), false);
      throw e;
    }
  };
  const t = branch(node.t);
  const f = branch(node.f);
  if (!hasOpaque(t) && !hasOpaque(f) && equal(t, f)) {
    return t;
  }
  const notNull = (v: Value): boolean => v !== null && (!(v instanceof Opaque) || v.notNull) && !(v instanceof Lazy);
  return new Opaque(`${render(c)} ? ${render(t)} : ${render(f)}`, false, undefined, notNull(t) && notNull(f));
}

function binary(op: string, ln: Node, rn: Node, scope: Scope, anon: Value | undefined): Value {
  const l = evaluate(ln, scope, anon);
  if ((op === '&&' || op === '||') && !isOpaque(l) && asBool(l) === (op === '||')) {
    return op === '||';
  }
  const r = evaluate(rn, scope, anon);
  if (op === '&&' || op === '||') {
    if (!isOpaque(r) && asBool(r) === (op === '||')) {
      return op === '||';
    }
    if (!isOpaque(l) && !isOpaque(r)) {
      return op === '&&' ? asBool(l) && asBool(r) : asBool(l) || asBool(r);
    }
  } else if (op === '==' || op === '!=') {
    const same = equalKnown(l, r);
    if (same !== undefined) {
      return same === (op === '==');
    }
  } else if (!isOpaque(l) && !isOpaque(r)) {
    const a = asNumber(l);
    const b = asNumber(r);
    switch (op) {
      case '+': return a + b;
      case '-': return a - b;
      case '*': return a * b;
      case '/': if (b === 0) throw new EvalError('division by zero'); return a / b;
      case '%': if (b === 0) throw new EvalError('division by zero'); return a % b;
      case '<': return a < b;
      case '>': return a > b;
      case '<=': return a <= b;
      case '>=': return a >= b;
    }
  }
  return new Opaque(`(${render(l)} ${op} ${render(r)})`, false, undefined, true);
}

/** Functions whose result may be null (the others never return null: Terraform refines them so). */
const NULLABLE_RESULTS = new Set(['lookup', 'element', 'one', 'tostring', 'tonumber', 'tobool', 'tolist', 'toset', 'tomap', 'jsondecode']);

function call(node: Extract<Node, { k: 'call' }>, scope: Scope, anon: Value | undefined): Value {
  if (node.name === 'try') {
    for (const a of node.args) {
      try {
        return evaluate(a, scope, anon);
      } catch (e) {
        if (!(e instanceof EvalError)) throw e;
      }
    }
    throw new EvalError('try: no argument could be evaluated');
  }
  if (node.name === 'can') {
    try {
      const v = evaluate(node.args[0], scope, anon);
      return isOpaque(v) ? new Opaque(`can(${render(v)})`, false) : true;
    } catch (e) {
      if (e instanceof EvalError) return false;
      throw e;
    }
  }
  let args = node.args.map((a) => evaluate(a, scope, anon));
  if (node.expand && args.length > 0) {
    const last = args[args.length - 1];
    if (Array.isArray(last)) {
      args = [...args.slice(0, -1), ...last];
    } else if (!isOpaque(last)) {
      throw new EvalError('only a list can be expanded with ...');
    }
  }
  const def = lookupFunction(node.name);
  const unknown = def === undefined || (def.partial ? args.some(isOpaque) : args.some(hasOpaque));
  if (unknown) {
    return new Opaque(`${node.name}(${args.map(render).join(', ')}${node.expand ? '...' : ''})`, false, undefined, def !== undefined && !NULLABLE_RESULTS.has(node.name));
  }
  return def.fn(args);
}
