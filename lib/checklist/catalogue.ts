/**
 * The catalogue: every checklist item with how the library meets it. Items come from items.ts;
 * each concern folder contributes facets (delivery, construct, prop, rule) in its checklist.ts.
 * An item with no facet is `planned`.
 */
import { clusterFacets } from '../cluster/checklist';
import { disasterRecoveryFacets } from '../disaster-recovery/checklist';
import { egressFacets } from '../egress/checklist';
import { guidanceFacets } from '../guidance/checklist';
import { inClusterFacets } from '../in-cluster/checklist';
import { ingressFacets } from '../ingress/checklist';
import { keyVaultFacets } from '../key-vault/checklist';
import { monitoringFacets } from '../monitoring/checklist';
import { networkFacets } from '../network/checklist';
import { nodePoolsFacets } from '../node-pools/checklist';
import { platformFacets } from '../platform/checklist';
import { policyFacets } from '../policy/checklist';
import { registryFacets } from '../registry/checklist';
import { ITEMS } from './items';
import { CURRENT_GUIDS } from './traceability';
import type { CatalogueItem, Delivery, ItemFacet, ItemId } from './types';

/** Every facet of every concern, in a stable order. */
export const ALL_FACETS: readonly ItemFacet[] = [
  ...clusterFacets,
  ...nodePoolsFacets,
  ...networkFacets,
  ...registryFacets,
  ...egressFacets,
  ...keyVaultFacets,
  ...monitoringFacets,
  ...policyFacets,
  ...ingressFacets,
  ...disasterRecoveryFacets,
  ...platformFacets,
  ...inClusterFacets,
  ...guidanceFacets,
];

/** Strongest first: an item that one concern enforces is enforced, whatever else offers it. */
const STRENGTH: readonly Delivery[] = ['enforced', 'policy', 'option', 'guidance', 'planned'];

/** The mapping to the current edition's GUIDs (see traceability.ts). */
const currentGuids: Readonly<Record<string, readonly string[]>> = CURRENT_GUIDS;

let cache: ReadonlyMap<ItemId, CatalogueItem> | undefined;

/** The catalogue, keyed by item id, in checklist order. */
export function catalogue(): ReadonlyMap<ItemId, CatalogueItem> {
  if (!cache) {
    const map = new Map<ItemId, CatalogueItem>();
    for (const item of ITEMS) {
      const facets = ALL_FACETS.filter((f) => f.id === item.id);
      const delivery = STRENGTH.find((d) => facets.some((f) => f.delivery === d)) ?? 'planned';
      map.set(item.id, { ...item, delivery, facets, currentGuids: currentGuids[item.id] ?? [] });
    }
    cache = map;
  }
  return cache;
}

/** One item; throws for an unknown id, naming the closest known ids. */
export function catalogueItem(id: string): CatalogueItem {
  const item = catalogue().get(id as ItemId);
  if (!item) {
    const prefix = id.split('/')[0];
    const near = [...catalogue().keys()].filter((k) => k.startsWith(prefix)).slice(0, 5);
    throw new Error(`Checklist: unknown item id '${id}'. Use an id from lib/checklist/items.ts${near.length ? `, e.g. ${near.join(', ')}` : ''}.`);
  }
  return item;
}

/** Whether a string is a known item id. */
export function isItemId(id: string): id is ItemId {
  return catalogue().has(id as ItemId);
}
