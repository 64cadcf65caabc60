/**
 * The shared contract between the report's input readers (Terraform JSON, plan JSON, HCL with its
 * variables and modules, AzAPI resources) and the rules: a configuration as a flat list of resolved
 * blocks with Terraform addresses, plus a statement of what was read and what was not.
 *
 * Values follow one convention:
 * - a literal (string, number, bool, list, object) is a known value;
 * - a string that contains `${...}` is an expression the reader could not turn into a literal. When the
 *   expression names another block's address (`${module.aks.azurerm_subnet.nodes["a"].id}`) it is a
 *   reference to that block (its value is known after apply, but the reference itself is known); any
 *   other expression (`${var.x}`, `${data.y.z}`, `${unknown}`) is an unknown value.
 *
 * Readers write references with the full address of the target, module path included (inside
 * `module.aks`, HCL's `azurerm_subnet.x.id` is `${module.aks.azurerm_subnet.x.id}`); a reference without
 * an instance key (`azurerm_subnet.this[each.key]`) names every instance. `unknownExpression()` in
 * terraform-document.ts tells an unknown value from a reference. TerraformDocument reads azurerm 3.x and
 * 2.x argument names as 4.x (azurerm-names.ts), so readers pass values as written.
 */
import type { JsonObject } from './terraform-document';

/** Where a block was written, for annotations (SARIF regions). */
export interface SourceLocation {
  /** Path of the file, relative to the report's base directory when known, else as read. */
  readonly file: string;
  /** 1-based line of the block's first line, when known. */
  readonly line?: number;
}

/** One resource or data source instance. */
export interface ResolvedBlock {
  readonly mode: 'resource' | 'data';
  /** Terraform type, e.g. `azurerm_kubernetes_cluster` or `azapi_resource`. */
  readonly type: string;
  /** Terraform name, without module path or instance key, e.g. `main`. */
  readonly name: string;
  /**
   * Full Terraform address as Terraform prints it, e.g. `azurerm_kubernetes_cluster.main`,
   * `module.aks.azurerm_kubernetes_cluster.main`, `azurerm_subnet.this["nodes"]`, `data.azurerm_client_config.current`.
   */
  readonly address: string;
  /** The arguments, with the value convention above. Nested blocks are objects or lists of objects. */
  readonly values: JsonObject;
  readonly source?: SourceLocation;
  /** The construct path cdktf recorded for the block (scopes waivers), when the input came from cdktf. */
  readonly constructPath?: string;
}

/** A module call the reader did or did not follow. */
export interface ModuleCoverage {
  /** e.g. `module.aks` */
  readonly address: string;
  /** The `source` as written. */
  readonly source: string;
  readonly followed: boolean;
  /** Why not followed (e.g. `registry module not initialised: run terraform init`). */
  readonly reason?: string;
}

/**
 * A resource the rules do not judge although it may matter to the checklist, e.g. an `azapi_resource`
 * of type `Microsoft.ContainerService/managedClusters` that no reader mapped to `azurerm_kubernetes_cluster`.
 */
export interface UnjudgedResource {
  readonly address: string;
  /** Terraform type, e.g. `azapi_resource`. */
  readonly type: string;
  /** What it is and why it is not judged, e.g. `AKS cluster (Microsoft.ContainerService/managedClusters@2024-02-01) written with AzAPI: not judged`. */
  readonly reason: string;
}

/** What a reader read: the report prints it so that nothing passes silently. */
export interface Coverage {
  /** `cdktf`, `terraform-json`, `plan`, or `hcl`. */
  readonly kind: 'cdktf' | 'terraform-json' | 'plan' | 'hcl';
  readonly files: readonly string[];
  readonly modules: readonly ModuleCoverage[];
  /** Anything else worth saying (skipped files, unsupported constructs, provider generation). */
  readonly notes: readonly string[];
  /**
   * Resources of providers or kinds the rules do not judge (see UnjudgedResource). TerraformDocument adds
   * AzAPI AKS clusters that are still `azapi_resource` blocks by itself.
   * @default none
   */
  readonly unjudged?: readonly UnjudgedResource[];
}

/** A configuration as readers hand it to the report. */
export interface ResolvedConfiguration {
  readonly name: string;
  readonly blocks: readonly ResolvedBlock[];
  readonly coverage: Coverage;
  /**
   * The top-level `//` object of a cdktf configuration (this library's waivers, manifests and required
   * tag keys live under `//.metadata`).
   * @default none
   */
  readonly metadata?: JsonObject;
}
