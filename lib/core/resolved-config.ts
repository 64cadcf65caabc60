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

/** What a reader read: the report prints it so that nothing passes silently. */
export interface Coverage {
  /** `cdktf`, `terraform-json`, `plan`, or `hcl`. */
  readonly kind: 'cdktf' | 'terraform-json' | 'plan' | 'hcl';
  readonly files: readonly string[];
  readonly modules: readonly ModuleCoverage[];
  /** Anything else worth saying (skipped files, unsupported constructs, provider generation). */
  readonly notes: readonly string[];
}

/** A configuration as readers hand it to the report. */
export interface ResolvedConfiguration {
  readonly name: string;
  readonly blocks: readonly ResolvedBlock[];
  readonly coverage: Coverage;
}
