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

/** The addresses a block waits for: its `depends_on` entries and the blocks its "${...}" expressions reference. */
function directDependencies(doc: TerraformDocument, address: string): string[] {
  const block = doc.block(address);
  if (!block) {
    return [];
  }
  const found = new Set<string>();
  const deps = block.values.depends_on;
  for (const dep of Array.isArray(deps) ? deps : []) {
    if (typeof dep === 'string') {
      found.add(dep);
    }
  }
  const visit = (v: JsonValue | undefined): void => {
    if (typeof v === 'string') {
      for (const expr of v.matchAll(REF)) {
        for (const m of expr[1].matchAll(ADDRESS)) {
          found.add(m[1]);
        }
      }
    } else if (Array.isArray(v)) {
      v.forEach(visit);
    } else if (v && typeof v === 'object') {
      Object.entries(v).forEach(([k, x]) => k !== '//' && k !== 'depends_on' && visit(x));
    }
  };
  visit(block.values);
  return [...found].filter((a) => doc.block(a) !== undefined);
}

/** Every block Terraform creates before `address` (the transitive closure of depends_on and references). */
export function dependencyClosure(doc: TerraformDocument, address: string): Set<string> {
  const seen = new Set<string>();
  const queue = [address];
  while (queue.length > 0) {
    for (const next of directDependencies(doc, queue.shift()!)) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

/**
 * Clusters on userDefinedRouting that Terraform could create before their 0.0.0.0/0 route: the
 * cluster's dependencies (depends_on and references, transitively) reach no azurerm_route.
 */
export function clustersBeforeTheirRoute(doc: TerraformDocument): string[] {
  return doc
    .resources('azurerm_kubernetes_cluster')
    .filter((c) => JSON.stringify(c.values).includes('"userDefinedRouting"'))
    .filter((c) => ![...dependencyClosure(doc, c.address)].some((a) => a.startsWith('azurerm_route.')))
    .map((c) => c.address);
}
