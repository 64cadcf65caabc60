/**
 * Checks that `terraform validate` would make on the configuration's structure, for the stacks we
 * cannot validate with the provider here: every `depends_on` entry is a bare address (Terraform
 * rejects "${...}" there) of a block in the stack, and every "${type.name...}" reference names a
 * block that exists.
 */
import type { JsonValue, TerraformDocument } from '../../lib/core/terraform-document';

const REF = /\$\{([^}]*)\}/g;
const ADDRESS = /(?:^|[^.\w])((?:data\.)?(?:azurerm|azuread|terraform|random|time|local)_?[a-z0-9_]*\.[A-Za-z_][\w-]*)/g;

export function terraformStructureProblems(doc: TerraformDocument): string[] {
  const problems: string[] = [];
  const exists = (address: string): boolean => doc.block(address) !== undefined;
  const visit = (where: string, v: JsonValue | undefined): void => {
    if (typeof v === 'string') {
      for (const expr of v.matchAll(REF)) {
        for (const m of expr[1].matchAll(ADDRESS)) {
          if (/^(data\.)?(azurerm|terraform)_/.test(m[1]) && !exists(m[1])) {
            problems.push(`${where}: references ${m[1]}, which is not in the stack`);
          }
        }
      }
    } else if (Array.isArray(v)) {
      v.forEach((x) => visit(where, x));
    } else if (v && typeof v === 'object') {
      Object.entries(v).forEach(([k, x]) => k !== '//' && visit(where, x));
    }
  };
  for (const block of [...doc.resources(), ...doc.dataSources()]) {
    const deps = block.values.depends_on;
    for (const dep of Array.isArray(deps) ? deps : []) {
      if (typeof dep !== 'string' || dep.includes('${') || !exists(dep)) {
        problems.push(`${block.address}.depends_on: ${JSON.stringify(dep)} is not the bare address of a block in the stack`);
      }
    }
    visit(block.address, block.values);
  }
  return problems;
}
