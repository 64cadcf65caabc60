/**
 * A read-only view over synthesized Terraform JSON (a parsed `cdk.tf.json`, or any Terraform JSON
 * configuration) with the queries that checklist rules need. It knows nothing about constructs:
 * everything it answers comes from resources, their attributes and the references between them,
 * so rules built on it work on stacks that were not built with this library.
 */

import { toAzurerm4 } from './azurerm-names';
import { getPath, JsonObject, JsonValue } from './json-values';
import type { Coverage, ResolvedBlock, ResolvedConfiguration } from './resolved-config';

export { blocks, getPath, isExpression, strings } from './json-values';
export type { JsonObject, JsonValue } from './json-values';

/** The top-level shape of a Terraform JSON configuration. */
export interface TerraformJson {
  readonly '//'?: JsonObject;
  readonly terraform?: JsonObject;
  readonly provider?: JsonObject;
  readonly resource?: { [type: string]: { [name: string]: JsonObject } };
  readonly data?: { [type: string]: { [name: string]: JsonObject } };
  readonly output?: JsonObject;
  readonly variable?: JsonObject;
  readonly locals?: JsonObject;
  readonly module?: JsonObject;
}

/**
 * The one reader of a stack's `//` metadata: the value under `//.metadata.<key>` (a dotted key reads
 * inside it: `aksChecklist.waivers`). What lib/core/stack-metadata.ts writes at synth, cdktf's own
 * `stackName` too.
 */
export function metadataOf(json: Pick<TerraformJson, '//'>, key: string): JsonValue | undefined {
  return getPath(json['//'], `metadata.${key}`);
}

/** One resource (or data source) block. */
export interface TfBlock extends ResolvedBlock {
  /** `resource` or `data`. */
  readonly mode: 'resource' | 'data';
  /** Terraform type, e.g. `azurerm_kubernetes_cluster` (never derived from the address: an AzAPI cluster mapped by a reader keeps its `azapi_resource.x` address). */
  readonly type: string;
  /** Terraform name (cdktf's logical id), without module path or instance key. */
  readonly name: string;
  /** Terraform address, e.g. `azurerm_kubernetes_cluster.aks`, `data.azurerm_client_config.current`, `module.aks.azurerm_subnet.this["a"]`. */
  readonly address: string;
  /** The block's arguments as written (cdktf's `//` metadata included, when present). */
  readonly values: JsonObject;
  /** The construct path cdktf recorded for the block, when the JSON came from cdktf. */
  readonly constructPath?: string;
  /** The module instance the block belongs to (`module.aks`, `module.aks[0].module.net`), `''` in the root module. */
  readonly module: string;
}

const REF = /\$\{([^}]*)\}/g;
/** Module path of an address: `module.a.module.b["x"].` (each step optionally indexed). */
const MODULE_PATH = String.raw`(?:module\.[A-Za-z_][\w-]*(?:\[[^\]]*\])?\.)*`;
const INDEX = String.raw`\[(?:"[^"]*"|\d+)\]`;
/** Candidate block addresses inside an expression (group 1: module path, mode and name; group 2: an instance key). */
const ADDRESS = new RegExp(String.raw`(?:^|[^.\w\]"-])(${MODULE_PATH}(?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z_][\w-]*)(${INDEX})?`, 'g');
/**
 * An expression that is only a traversal of a resource, data source or module resource (a reference to
 * another block): the root is a resource type (it has a provider prefix, `azurerm_...`), `data.` or a
 * module path followed by one of those. `var.x`, `local.y`, `each.value`, function calls and conditionals are not.
 */
const PURE_REFERENCE = new RegExp(
  String.raw`^\s*${MODULE_PATH}(?:data\.[a-z][a-z0-9_]*|[a-z][a-z0-9]*_[a-z0-9_]*)\.[A-Za-z_][\w-]*(?:\[(?:"[^"]*"|\d+|\*)\]|\.[\w-]+|\.\*)*\s*$`,
);

/** The first `${...}` expression in a string that is not a pure reference to another block, if any. */
function unresolvedIn(text: string): string | undefined {
  if (!text.includes('${')) {
    return undefined;
  }
  for (const m of text.matchAll(REF)) {
    if (!PURE_REFERENCE.test(m[1])) {
      return m[0];
    }
  }
  // `${` without a closing brace, or a template directive: not something we can read.
  return text.match(REF) ? undefined : text;
}

/**
 * The expression that makes a value unknown, if any: a string, or a string in a list, with a `${...}`
 * that is not a pure reference to another block (`${var.x}`, `${local.y}`, `${each.value.z}`,
 * `${unknown}`, conditionals, function calls). Pure references (`${azurerm_subnet.nodes.id}`) are
 * known references. Objects are not searched: a nested block with an unknown argument is still a block.
 */
export function unknownExpression(value: JsonValue | undefined): string | undefined {
  if (typeof value === 'string') {
    return unresolvedIn(value);
  }
  if (Array.isArray(value)) {
    for (const v of value) {
      const found = typeof v === 'string' ? unresolvedIn(v) : undefined;
      if (found) {
        return found;
      }
    }
  }
  return undefined;
}

/** An address without the instance key of its last step: `azurerm_subnet.this["a"]` → `azurerm_subnet.this`. */
function withoutLastKey(address: string): string {
  return address.replace(/\[(?:"[^"]*"|\d+)\]$/, '');
}

/** An address without any instance key: `module.aks[0].azurerm_subnet.this["a"]` → `module.aks.azurerm_subnet.this`. */
function withoutKeys(address: string): string {
  return address.replace(/\[(?:"[^"]*"|\d+)\]/g, '');
}

/** A Kubernetes object (a rendered manifest) that belongs to a stack's cluster(s). */
export interface KubernetesObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string; readonly labels?: Readonly<Record<string, string>>; readonly [key: string]: JsonValue | undefined };
  readonly [key: string]: JsonValue | undefined | KubernetesObject['metadata'];
}

/**
 * Reads a Terraform JSON configuration (a cdktf `cdk.tf.json` or a hand-written `*.tf.json`) as a
 * ResolvedConfiguration: root-module blocks only; module calls are listed as not followed.
 * @param kind `cdktf` or `terraform-json`; by default `cdktf` when the JSON carries cdktf's metadata
 */
export function configurationFromJson(json: TerraformJson, name = 'stack', options: { readonly file?: string; readonly kind?: Coverage['kind'] } = {}): ResolvedConfiguration {
  const out: ResolvedBlock[] = [];
  for (const mode of ['resource', 'data'] as const) {
    for (const [type, byName] of Object.entries(json[mode] ?? {})) {
      for (const [blockName, raw] of Object.entries(byName ?? {})) {
        // Terraform JSON allows a list of bodies per name (HCL-JSON writes one): the first is the block.
        const values = (Array.isArray(raw) ? (raw[0] ?? {}) : raw) as JsonObject;
        const path = getPath(values, '//.metadata.path');
        out.push({
          mode,
          type,
          name: blockName,
          address: mode === 'data' ? `data.${type}.${blockName}` : `${type}.${blockName}`,
          values,
          ...(typeof path === 'string' ? { constructPath: path } : {}),
          ...(options.file ? { source: { file: options.file } } : {}),
        });
      }
    }
  }
  const metadata = json['//'];
  const cdktf = metadataOf(json, 'stackName') !== undefined || out.some((b) => b.constructPath !== undefined);
  const modules = Object.entries(json.module ?? {}).map(([call, body]) => ({
    address: `module.${call}`,
    source: String(getPath(body, 'source') ?? ''),
    followed: false,
    reason: 'a module called from Terraform JSON is not read: report on its folder, or on the plan (terraform show -json)',
  }));
  return {
    name,
    blocks: out,
    coverage: { kind: options.kind ?? (cdktf ? 'cdktf' : 'terraform-json'), files: options.file ? [options.file] : [], modules, notes: [] },
    ...(metadata ? { metadata } : {}),
  };
}

/** AzAPI resource types that hold an AKS cluster or node pool. */
const AZAPI_AKS = /^Microsoft\.ContainerService\/managedClusters(\/agentPools)?@/i;

export class TerraformDocument {
  /** Parses Terraform JSON text. */
  public static parse(text: string, name = 'stack', manifests: readonly KubernetesObject[] = []): TerraformDocument {
    return new TerraformDocument(JSON.parse(text) as TerraformJson, name, manifests);
  }

  /** A document over a configuration a reader produced (Terraform JSON, plan JSON, HCL). */
  public static fromConfiguration(configuration: ResolvedConfiguration, manifests: readonly KubernetesObject[] = []): TerraformDocument {
    return new TerraformDocument(configuration.metadata ? { '//': configuration.metadata } : {}, configuration.name, manifests, configuration);
  }

  /** What was read, with the resources the rules do not judge (AzAPI AKS clusters included). */
  public readonly coverage: Coverage;
  /** The azurerm provider generations whose old argument names were read as 4.x (e.g. `3.x`), sorted. */
  public readonly providerGenerations: readonly string[];

  private readonly byAddress = new Map<string, TfBlock>();
  private readonly byType = new Map<string, TfBlock[]>();
  /** Instances by address without the last key, and without any key (`this["a"]`, `this["b"]` under `this`). */
  private readonly byBase = new Map<string, TfBlock[]>();
  private readonly byBare = new Map<string, TfBlock[]>();
  private readonly refsOfString = new Map<string, string[]>();

  /**
   * @param json the Terraform JSON configuration (for fromConfiguration: only its `//` metadata)
   * @param name a display name for reports (the stack name)
   * @param manifests the Kubernetes objects rendered for the stack's clusters (delivered by GitOps), if any
   * @param configuration the blocks, when a reader produced them; by default read from `json`
   */
  public constructor(
    public readonly json: TerraformJson,
    public readonly name = 'stack',
    public readonly manifests: readonly KubernetesObject[] = [],
    configuration: ResolvedConfiguration = configurationFromJson(json, name),
  ) {
    const generations = new Set<string>();
    const unjudged = [...(configuration.coverage.unjudged ?? [])];
    for (const b of configuration.blocks) {
      const normalized = toAzurerm4(b.type, b.values);
      if (normalized.generation) {
        generations.add(normalized.generation);
      }
      const block: TfBlock = { ...b, values: normalized.values, module: moduleOf(b.address) };
      this.byAddress.set(block.address, block);
      if (block.mode === 'resource') {
        this.push(this.byType, block.type, block);
      }
      this.push(this.byBase, withoutLastKey(block.address), block);
      this.push(this.byBare, withoutKeys(block.address), block);
      const azapiType = block.type === 'azapi_resource' ? getPath(block.values, 'type') : undefined;
      if (typeof azapiType === 'string' && AZAPI_AKS.test(azapiType) && !unjudged.some((u) => u.address === block.address)) {
        const what = azapiType.includes('agentPools') ? 'AKS node pool' : 'AKS cluster';
        unjudged.push({ address: block.address, type: block.type, reason: `${what} written with AzAPI (${azapiType}): not judged` });
      }
    }
    this.providerGenerations = [...generations].sort();
    this.coverage = { ...configuration.coverage, unjudged };
  }

  private push(map: Map<string, TfBlock[]>, key: string, block: TfBlock): void {
    const list = map.get(key);
    if (list) {
      list.push(block);
    } else {
      map.set(key, [block]);
    }
  }

  /** All resources, or those of one type. */
  public resources(type?: string): TfBlock[] {
    if (type === undefined) {
      this.allResources ??= [...this.byAddress.values()].filter((b) => b.mode === 'resource');
      return this.allResources;
    }
    return this.byType.get(type) ?? [];
  }

  private allResources?: TfBlock[];

  /** All data sources, or those of one type. */
  public dataSources(type?: string): TfBlock[] {
    const all = [...this.byAddress.values()].filter((b) => b.mode === 'data');
    return type === undefined ? all : all.filter((b) => b.type === type);
  }

  /** The block at a Terraform address, if any. */
  public block(address: string): TfBlock | undefined {
    return this.byAddress.get(address);
  }

  /** Metadata this library writes under the top-level `//` key (e.g. waivers). */
  public metadata(key: string): JsonValue | undefined {
    return metadataOf(this.json, key);
  }

  /**
   * Addresses referenced by `${...}` expressions anywhere in a value. A reference names a block by its
   * full address (`module.aks.azurerm_subnet.this["a"]`); one without the instance key
   * (`azurerm_subnet.this`, as in `azurerm_subnet.this[each.key].id`) names every instance.
   */
  public referencedAddresses(value: JsonValue | undefined): string[] {
    if (typeof value === 'string') {
      // Rules ask about the same attribute values again and again (one cluster id, many checks).
      let known = this.refsOfString.get(value);
      if (!known) {
        known = this.scanReferences(value);
        this.refsOfString.set(value, known);
      }
      return known;
    }
    return this.scanReferences(value);
  }

  private scanReferences(value: JsonValue | undefined): string[] {
    const found = new Set<string>();
    const visit = (v: JsonValue | undefined): void => {
      if (typeof v === 'string') {
        if (!v.includes('${')) {
          return;
        }
        for (const expr of v.matchAll(REF)) {
          for (const m of expr[1].matchAll(ADDRESS)) {
            this.instances(m[1], m[2]).forEach((b) => found.add(b.address));
          }
        }
      } else if (Array.isArray(v)) {
        v.forEach(visit);
      } else if (v && typeof v === 'object') {
        Object.entries(v).forEach(([k, inner]) => {
          if (k !== '//') {
            visit(inner);
          }
        });
      }
    };
    visit(value);
    return [...found];
  }

  /** The blocks an address names: the instance with that key, else every instance under it. */
  private instances(base: string, key: string | undefined): readonly TfBlock[] {
    if (key !== undefined) {
      const exact = this.byAddress.get(`${base}${key}`);
      if (exact) {
        return [exact];
      }
    }
    const single = this.byAddress.get(base);
    if (single) {
      return [single];
    }
    return this.byBase.get(base) ?? this.byBare.get(withoutKeys(base)) ?? [];
  }

  /** The blocks a value references (e.g. the subnet behind `vnet_subnet_id`). */
  public referencedBlocks(value: JsonValue | undefined, type?: string): TfBlock[] {
    return this.referencedAddresses(value)
      .map((a) => this.byAddress.get(a) as TfBlock)
      .filter((b) => type === undefined || b.type === type);
  }

  /** Whether a value references the given block (by `${address.attr}` expression). */
  public references(value: JsonValue | undefined, target: TfBlock): boolean {
    return this.referencedAddresses(value).includes(target.address);
  }

  /**
   * Resources of `type` whose attribute at `path` references `target`, e.g. the role assignments
   * whose `scope` is a registry's id. `path` may be '' to search the whole block.
   */
  public referencing(type: string, path: string, target: TfBlock): TfBlock[] {
    // Indexed once per (type, path): rules ask this for every target (each registry, each subnet, ...).
    const key = `${type}\u0000${path}`;
    let index = this.referencingIndex.get(key);
    if (!index) {
      index = new Map();
      for (const r of this.resources(type)) {
        for (const address of this.referencedAddresses(getPath(r.values, path))) {
          const list = index.get(address);
          if (list) {
            list.push(r);
          } else {
            index.set(address, [r]);
          }
        }
      }
      this.referencingIndex.set(key, index);
    }
    return index.get(target.address) ?? [];
  }

  private readonly referencingIndex = new Map<string, Map<string, TfBlock[]>>();
}

/** The module instance part of an address: `module.aks[0].azurerm_x.y` → `module.aks[0]`. */
function moduleOf(address: string): string {
  const m = /^((?:module\.[A-Za-z_][\w-]*(?:\[[^\]]*\])?\.?)*)/.exec(address);
  return (m?.[1] ?? '').replace(/\.$/, '');
}
