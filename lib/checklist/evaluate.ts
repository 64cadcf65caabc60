/**
 * Runs the catalogue's rules over one Terraform document.
 */
import { TerraformDocument } from '../core/terraform-document';
import { catalogue, catalogueItem } from './catalogue';
import { combine, notApplicable } from './rule-kit';
import type { CatalogueItem, ItemId, RuleResult } from './types';

/** The rule result of one item: its facets' rules combined. Items without a rule are not applicable. */
export function evaluateItem(id: ItemId | string, doc: TerraformDocument): RuleResult {
  return evaluateCatalogueItem(catalogueItem(id), doc);
}

/** As evaluateItem, for an item already looked up. */
export function evaluateCatalogueItem(item: CatalogueItem, doc: TerraformDocument): RuleResult {
  const results = item.facets.filter((f) => f.rule).map((f) => f.rule!(doc));
  return results.length === 0 ? notApplicable(`${item.delivery}: no rule`) : combine(results);
}

/** Every item's rule result. */
export function evaluateAll(doc: TerraformDocument): Map<ItemId, RuleResult> {
  const out = new Map<ItemId, RuleResult>();
  for (const item of catalogue().values()) {
    out.set(item.id, evaluateCatalogueItem(item, doc));
  }
  return out;
}
