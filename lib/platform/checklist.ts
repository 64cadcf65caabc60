import type { ItemFacet } from '../checklist/types';
import { resourceLabelsRule, resourceTagsRule, whitespaceDeploymentRule } from './rules';

/** The checklist items this concern delivers, each with its rule (see lib/checklist/types.ts). */
export const platformFacets: readonly ItemFacet[] = [
  {
    id: 'development/resource-tags',
    delivery: 'enforced',
    construct: 'RequiredTags',
    prop: 'tags',
    rule: resourceTagsRule,
    note: 'SecureAksPlatform applies RequiredTags to its stack; synthesis fails when a required key has no value.',
  },
  {
    id: 'operations/resource-labels',
    delivery: 'enforced',
    construct: 'RequiredTags',
    prop: 'tags',
    rule: resourceLabelsRule,
    note: 'Azure side: business (owner, cost-center), security (data-classification) and technical (environment) tags on every resource.',
  },
  {
    id: 'disaster-recovery/whitespace-deployment',
    delivery: 'enforced',
    construct: 'SecureAksPlatform',
    rule: whitespaceDeploymentRule,
    note: 'The platform reads no pre-existing infrastructure and creates every resource group it uses; deterministic names per environment.',
  },
];
