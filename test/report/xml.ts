/**
 * A tiny XML well-formedness check for tests (no dependency): balanced, properly nested elements,
 * quoted attributes without raw `<`, and only the five predefined or numeric entities.
 */
const NAME = '[A-Za-z_][\\w.-]*';
const ENTITY = /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
const ATTRS = new RegExp(`^(\\s+${NAME}\\s*=\\s*("[^"<]*"|'[^'<]*'))*\\s*$`);

/** Throws with the reason when `xml` is not well-formed; returns the root element's name. */
export function assertWellFormed(xml: string): string {
  let rest = xml.replace(/^\uFEFF?<\?xml[^?]*\?>/, '');
  const stack: string[] = [];
  let root: string | undefined;
  while (rest.length > 0) {
    const lt = rest.indexOf('<');
    const textPart = lt < 0 ? rest : rest.slice(0, lt);
    if (ENTITY.test(textPart)) {
      throw new Error(`bad entity in text: ${textPart.slice(0, 60)}`);
    }
    if (stack.length === 0 && textPart.trim() !== '') {
      throw new Error(`text outside the root element: ${textPart.slice(0, 60)}`);
    }
    if (lt < 0) {
      break;
    }
    rest = rest.slice(lt);
    if (rest.startsWith('<!--')) {
      const end = rest.indexOf('-->');
      if (end < 0) throw new Error('unclosed comment');
      rest = rest.slice(end + 3);
      continue;
    }
    const gt = rest.indexOf('>');
    if (gt < 0) throw new Error('unclosed tag');
    const tag = rest.slice(1, gt);
    rest = rest.slice(gt + 1);
    const close = new RegExp(`^/(${NAME})\\s*$`).exec(tag);
    if (close) {
      const open = stack.pop();
      if (open !== close[1]) throw new Error(`</${close[1]}> closes <${open}>`);
      continue;
    }
    const m = new RegExp(`^(${NAME})([^]*?)(/?)$`).exec(tag);
    if (!m || !ATTRS.test(m[2]) || ENTITY.test(m[2])) throw new Error(`malformed tag <${tag.slice(0, 80)}>`);
    const names = [...m[2].matchAll(new RegExp(`(${NAME})\\s*=`, 'g'))].map((a) => a[1]);
    if (new Set(names).size !== names.length) throw new Error(`duplicate attribute in <${m[1]}>`);
    if (stack.length === 0) {
      if (root !== undefined) throw new Error(`second root element <${m[1]}>`);
      root = m[1];
    }
    if (m[3] !== '/') stack.push(m[1]);
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.join('>, <')}>`);
  if (root === undefined) throw new Error('no root element');
  return root;
}
