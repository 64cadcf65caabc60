import type { TerraformDocument } from '../core/terraform-document';
import type { ItemId } from './items';

export type { ItemId };

/**
 * How the library meets an item.
 * - `enforced`: on by default in the constructs; loosening it is explicit and needs a waiver.
 * - `option`: behind a documented prop; off by default, tested when on.
 * - `policy`: enforced inside the cluster by an Azure Policy assignment that the library creates.
 * - `guidance`: out of Terraform's reach; the catalogue says why and what to do instead.
 * - `planned`: a later piece of work delivers it.
 */
export type Delivery = 'enforced' | 'option' | 'policy' | 'guidance' | 'planned';

/**
 * What a rule found in one stack. `unknown`: the decision depends on a value the report cannot
 * resolve (`${var.x}`, a value known only after apply, a module it did not read); never a pass or a fail.
 */
export type RuleStatus = 'compliant' | 'non-compliant' | 'unknown' | 'not-applicable';

/** Where a rule looked: a resource address and, when it matters, an attribute path. */
export interface Evidence {
  /** Terraform address, e.g. `azurerm_kubernetes_cluster.aks`. */
  readonly address: string;
  /** Attribute path inside the block, e.g. `api_server_access_profile.virtual_network_integration_enabled`. */
  readonly attribute?: string;
  /** The construct path cdktf recorded for the resource, when known (used to scope waivers). */
  readonly constructPath?: string;
  /** Whether this piece of evidence satisfies the rule (false for unknown evidence). */
  readonly ok: boolean;
  /** What was found, in a sentence. */
  readonly message: string;
  /** The expression the rule could not resolve, when this evidence decides nothing (`${var.network_plugin}`). */
  readonly unknown?: string;
  /**
   * A check of this library's stronger default rather than of the checklist item (e.g. API server VNet
   * integration on a private cluster): when not ok, it is a recommendation and does not fail the item.
   */
  readonly recommendation?: boolean;
}

/** The outcome of one rule over one stack. */
export interface RuleResult {
  readonly status: RuleStatus;
  /** A one-line summary. */
  readonly message: string;
  readonly evidence: readonly Evidence[];
}

/** A checklist rule: a pure function over a synthesized Terraform document. */
export type Rule = (doc: TerraformDocument) => RuleResult;

/** A setting that delivers an item: a construct (or function) and the prop or method that controls it. */
export interface Setting {
  /** e.g. `SecureAksCluster`. */
  readonly construct: string;
  /** e.g. `publicApiServer`; none when the construct delivers the item by existing. */
  readonly prop?: string;
}

/** Why an item is out of Terraform's reach, and what a team should do instead. */
export interface Guidance {
  readonly reason: string;
  readonly action: string;
}

/**
 * One concern's contribution to a checklist item. An item can have several facets (e.g.
 * availability zones on the cluster, the firewall and the registry); the catalogue merges them.
 */
export interface ItemFacet {
  readonly id: ItemId;
  readonly delivery: Delivery;
  /**
   * The settings that deliver the item: each a construct and the prop of its props (or its method)
   * that controls it, e.g. `SecureAksCluster.publicApiServer`. Built with `settingsOf()`
   * (lib/checklist/settings.ts), which checks the prop against the construct's types.
   */
  readonly settings?: readonly Setting[];
  /** The rule; required for `enforced`, `option` and `policy`. */
  readonly rule?: Rule;
  /** Required for `guidance`. */
  readonly guidance?: Guidance;
  /** Anything a reader of the report should know (trade-offs, deprecations). */
  readonly note?: string;
}

/** A checklist item as the catalogue holds it. */
export interface CatalogueItem {
  readonly id: ItemId;
  readonly category: string;
  readonly title: string;
  /** The strongest delivery among the item's facets (`planned` when it has none). */
  readonly delivery: Delivery;
  readonly facets: readonly ItemFacet[];
  /** GUIDs of the matching items of the current (168-item) edition of the checklist. */
  readonly currentGuids: readonly string[];
}
