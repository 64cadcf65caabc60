/**
 * Rules of the platform concern: tags on every resource, tag categories, whitespace deployability.
 */
import { check, forEachResourceOf, fromEvidence, evidenceFor, notApplicable, recommend } from '../checklist/rule-kit';
import type { Rule } from '../checklist/types';
import { getPath, JsonObject, TerraformDocument, TfBlock } from '../core/terraform-document';
import { DEFAULT_REQUIRED_TAG_KEYS, REQUIRED_TAGS_METADATA_KEY } from './tag-keys';
import { TAGGABLE_TYPES } from './taggable-types';

/** The required tag keys a stack declares (RequiredTags records them), or the library's default. */
function requiredTagKeys(doc: TerraformDocument): readonly string[] {
  const declared = doc.metadata(REQUIRED_TAGS_METADATA_KEY);
  return Array.isArray(declared) && declared.every((k) => typeof k === 'string') ? (declared as string[]) : DEFAULT_REQUIRED_TAG_KEYS;
}

function taggable(doc: TerraformDocument): TfBlock[] {
  return doc.resources().filter((r) => TAGGABLE_TYPES.has(r.type));
}

function tagsOf(block: TfBlock, path = 'tags'): JsonObject {
  const tags = getPath(block.values, path);
  return tags && typeof tags === 'object' && !Array.isArray(tags) ? tags : {};
}

/** Where a resource carries tags: its own `tags`, and for a cluster also the system pool's VMs. */
function tagPaths(block: TfBlock): string[] {
  return block.type === 'azurerm_kubernetes_cluster' ? ['tags', 'default_node_pool.tags'] : ['tags'];
}

/** development/resource-tags: every taggable resource carries every required tag key with a value. */
export const resourceTagsRule: Rule = (doc) => {
  const keys = requiredTagKeys(doc);
  const blocks = taggable(doc);
  return fromEvidence(
    blocks.flatMap((b) =>
      evidenceFor(
        b,
        tagPaths(b).flatMap((path) => {
          const tags = tagsOf(b, path);
          // Azure treats tag keys case-insensitively: `Environment` carries `environment`.
          const byLower = new Map(Object.entries(tags).map(([k, v]) => [k.toLowerCase(), { key: k, value: v }]));
          const found = (k: string): { key: string; value: unknown } | undefined => (k in tags ? { key: k, value: tags[k] } : byLower.get(k.toLowerCase()));
          const missing = keys.filter((k) => {
            const tag = found(k);
            return !tag || typeof tag.value !== 'string' || tag.value.trim() === '';
          });
          const otherCase = keys.filter((k) => !missing.includes(k) && !(k in tags)).map((k) => `${found(k)?.key} (for ${k})`);
          return [
            check(path, missing.length === 0, `carries ${keys.join(', ')}`, `lacks required tag(s) ${missing.join(', ')}`),
            ...(otherCase.length > 0 ? recommend(check(path, false, '', `writes ${otherCase.join(', ')} in another case than the required key`)) : []),
          ];
        }),
      ),
    ),
    'no taggable azurerm resource in the stack',
  );
};

/** Tag keys by the kind of information they carry (checklist: business, security and technical labels). */
const TAG_CATEGORIES: Readonly<Record<'business' | 'security' | 'technical', readonly string[]>> = {
  business: ['owner', 'cost-center', 'costcenter', 'business-unit', 'application', 'project'],
  security: ['data-classification', 'dataclassification', 'confidentiality', 'compliance'],
  technical: ['environment', 'env', 'workload', 'tier', 'managed-by'],
};

/** operations/resource-labels (Azure side): each taggable resource has business, security and technical tags. */
export const resourceLabelsRule: Rule = forEachResourceOf([...TAGGABLE_TYPES], (b) => {
  const keys = Object.keys(tagsOf(b)).map((k) => k.toLowerCase());
  const missing = Object.entries(TAG_CATEGORIES)
    .filter(([, names]) => !names.some((n) => keys.includes(n)))
    .map(([category]) => category);
  return [check('tags', missing.length === 0, 'has business, security and technical tags', `has no ${missing.join(', ')} tag`)];
});

/** Data sources a whitespace deployment may read: they describe the caller, not pre-existing infrastructure. */
const DECLARED_DATA_SOURCES: readonly string[] = ['azurerm_client_config', 'azurerm_subscription', 'terraform_remote_state'];

/**
 * disaster-recovery/whitespace-deployment: the stack can rebuild its platform from nothing. It reads no
 * pre-existing infrastructure through data sources, and every resource group it deploys into is created in it.
 */
export const whitespaceDeploymentRule: Rule = (doc) => {
  if (doc.resources('azurerm_kubernetes_cluster').length === 0) {
    return notApplicable('no azurerm_kubernetes_cluster in the stack');
  }
  const groups = doc.resources('azurerm_resource_group');
  const groupNames = new Set(groups.map((g) => getPath(g.values, 'name')).filter((n): n is string => typeof n === 'string'));
  const evidence = doc.resources().flatMap((r) => {
    const rg = getPath(r.values, 'resource_group_name');
    if (rg === undefined || r.type === 'azurerm_resource_group') {
      return [];
    }
    const created = doc.referencedBlocks(rg, 'azurerm_resource_group').length > 0 || (typeof rg === 'string' && groupNames.has(rg));
    return evidenceFor(r, [check('resource_group_name', created, 'deploys into a resource group the stack creates', `deploys into ${JSON.stringify(rg)}, which the stack does not create`)]);
  });
  const reads = doc.dataSources().map((d) => ({
    address: d.address,
    constructPath: d.constructPath,
    ok: DECLARED_DATA_SOURCES.includes(d.type),
    message: DECLARED_DATA_SOURCES.includes(d.type) ? `${d.address}: reads only the caller's context` : `${d.address}: reads pre-existing infrastructure; pass its id as a declared input instead`,
  }));
  return fromEvidence([...evidence, ...reads]);
};
