import type { ItemFacet } from '../checklist/types';

/** The checklist items this concern delivers, each with its rule (see lib/checklist/types.ts). */
export const registryFacets: readonly ItemFacet[] = [];
