import { settingsOf } from '../checklist/settings';
import type { ItemFacet } from '../checklist/types';
import type { SecureAksPlatform, SecureAksPlatformProps } from './secure-aks-platform';
import type { RequiredTags, RequiredTagsProps } from './tags';
import { resourceLabelsRule, resourceTagsRule, whitespaceDeploymentRule } from './rules';

const requiredTags = settingsOf<RequiredTagsProps, RequiredTags>('RequiredTags');
const secureAksPlatform = settingsOf<SecureAksPlatformProps, SecureAksPlatform>('SecureAksPlatform');

/** The checklist items this concern delivers, each with its rule (see lib/checklist/types.ts). */
export const platformFacets: readonly ItemFacet[] = [
  {
    id: 'development/resource-tags',
    delivery: 'enforced',
    settings: requiredTags('tags'),
    rule: resourceTagsRule,
    note: 'SecureAksPlatform applies RequiredTags to its stack; synthesis fails when a required key has no value.',
  },
  {
    id: 'operations/resource-labels',
    delivery: 'enforced',
    settings: requiredTags('tags'),
    rule: resourceLabelsRule,
    note: 'Azure side: business (owner, cost-center), security (data-classification) and technical (environment) tags on every resource.',
  },
  {
    id: 'disaster-recovery/whitespace-deployment',
    delivery: 'enforced',
    settings: secureAksPlatform(),rule: whitespaceDeploymentRule,
    note: 'The platform reads no pre-existing infrastructure and creates every resource group it uses; deterministic names per environment.',
  },
];
