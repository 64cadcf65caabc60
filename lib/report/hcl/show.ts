/** Writes a parsed expression back as native syntax: the text of an unknown value (./evaluate.ts). */
import type { Node, Part } from './syntax';
import { render } from './values';

/** Writes a node back as native syntax (the text of an unknown value that has no better one). */
export function show(node: Node): string {
  switch (node.k) {
    case 'lit':
      return render(node.v);
    case 'tmpl':
      return `"${node.parts.map(showPart).join('')}"`;
    case 'name':
      return node.name;
    case 'anon':
      return '';
    case 'attr':
      return `${show(node.o)}.${node.name}`;
    case 'index':
      return `${show(node.o)}[${show(node.i)}]`;
    case 'splat':
      return `${show(node.o)}[*]${show(node.each)}`;
    case 'call':
      return `${node.name}(${node.args.map(show).join(', ')}${node.expand ? '...' : ''})`;
    case 'tuple':
      return `[${node.items.map(show).join(', ')}]`;
    case 'object':
      return `{ ${node.items.map(([k, v]) => `${show(k)} = ${show(v)}`).join(', ')} }`;
    case 'for': {
      const head = `for ${node.key === undefined ? '' : `${node.key}, `}${node.val} in ${show(node.coll)} : `;
      const tail = node.cond ? ` if ${show(node.cond)}` : '';
      return node.kexpr === undefined ? `[${head}${show(node.vexpr)}${tail}]` : `{${head}${show(node.kexpr)} => ${show(node.vexpr)}${node.group ? '...' : ''}${tail}}`;
    }
    case 'cond':
      return `${show(node.c)} ? ${show(node.t)} : ${show(node.f)}`;
    case 'bin':
      return `(${show(node.l)} ${node.op} ${show(node.r)})`;
    case 'un':
      return `${node.op}${show(node.e)}`;
  }
}

function showPart(p: Part): string {
  if (typeof p === 'string') {
    return JSON.stringify(p).slice(1, -1).replace(/\$\{/g, '$$$${').replace(/%\{/g, '%%{');
  }
  switch (p.k) {
    case 'interp':
      return `\${${show(p.e)}}`;
    case 'if':
      return `%{if ${show(p.c)}}${p.then.map(showPart).join('')}${p.else.length ? `%{else}${p.else.map(showPart).join('')}` : ''}%{endif}`;
    case 'for':
      return `%{for ${p.key === undefined ? '' : `${p.key}, `}${p.val} in ${show(p.coll)}}${p.body.map(showPart).join('')}%{endfor}`;
  }
}
