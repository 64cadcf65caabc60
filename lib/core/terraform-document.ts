/**
 * A read-only view over synthesized Terraform JSON (a parsed `cdk.tf.json`, or any Terraform JSON
 * configuration) with the queries that checklist rules need. It knows nothing about constructs:
 * everything it answers comes from resources, their attributes and the references between them,
 * so rules built on it work on stacks that were not built with this library.
 */

/** A JSON value as found in Terraform JSON. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object as found in Terraform JSON. */
export type JsonObject = { [key: string]: JsonValue };

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

/** One resource (or data source) block. */
export interface TfBlock {
  /** `resource` or `data`. */
  readonly mode: 'resource' | 'data';
  /** Terraform type, e.g. `azurerm_kubernetes_cluster`. */
  readonly type: string;
  /** Terraform name (cdktf's logical id). */
  readonly name: string;
  /** Terraform address, e.g. `azurerm_kubernetes_cluster.aks` or `data.azurerm_client_config.current`. */
  readonly address: string;
  /** The block's arguments as written (cdktf's `//` metadata included, when present). */
  readonly values: JsonObject;
  /** The construct path cdktf recorded for the block, when the JSON came from cdktf. */
  readonly constructPath?: string;
}

const REF = /\$\{([^}]*)\}/g;
const ADDRESS = /(?:^|[^.\w])((?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z_][\w-]*)/g;

/** Walks a dotted path through objects and arrays. Single blocks written as one-element lists
 * (HCL-style JSON) and as plain objects (cdktf style) read the same: a name step on an array
 * reads the first element. Numeric steps index arrays. */
export function getPath(value: JsonValue | undefined, path: string): JsonValue | undefined {
  if (path === '') {
    return value;
  }
  let current: JsonValue | undefined = value;
  for (const step of path.split('.')) {
    if (current === undefined || current === null) {
      return undefined;
    }
    if (Array.isArray(current)) {
      if (/^\d+$/.test(step)) {
        current = current[Number(step)];
        continue;
      }
      current = current[0];
      if (current === undefined || current === null || typeof current !== 'object' || Array.isArray(current)) {
        return undefined;
      }
    }
    if (typeof current !== 'object') {
      return undefined;
    }
    current = (current as JsonObject)[step];
  }
  return current;
}

/** A block attribute that may be written as an object or as a list of objects, as a list. */
export function blocks(value: JsonValue | undefined): JsonObject[] {
  if (value === undefined || value === null) {
    return [];
  }
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v));
}

/** A value as a list of strings (a single string becomes a one-element list). */
export function strings(value: JsonValue | undefined): string[] {
  if (value === undefined || value === null) {
    return [];
  }
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v): v is string => typeof v === 'string');
}

/** A Kubernetes object (a rendered manifest) that belongs to a stack's cluster(s). */
export interface KubernetesObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string; readonly labels?: Readonly<Record<string, string>>; readonly [key: string]: JsonValue | undefined };
  readonly [key: string]: JsonValue | undefined | KubernetesObject['metadata'];
}

export class TerraformDocument {
  /** Parses Terraform JSON text. */
  public static parse(text: string, name = 'stack', manifests: readonly KubernetesObject[] = []): TerraformDocument {
    return new TerraformDocument(JSON.parse(text) as TerraformJson, name, manifests);
  }

  private readonly byAddress = new Map<string, TfBlock>();
  private readonly byType = new Map<string, TfBlock[]>();
  private readonly refsOfString = new Map<string, string[]>();

  /**
   * @param json the Terraform JSON configuration
   * @param name a display name for reports (the stack name)
   * @param manifests the Kubernetes objects rendered for the stack's clusters (delivered by GitOps), if any
   */
  public constructor(
    public readonly json: TerraformJson,
    public readonly name = 'stack',
    public readonly manifests: readonly KubernetesObject[] = [],
  ) {
    this.index('resource', json.resource);
    this.index('data', json.data);
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
    return getPath(this.json['//'], `metadata.${key}`);
  }

  /** Addresses referenced by `${...}` expressions anywhere in a value. */
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
        for (const expr of v.matchAll(REF)) {
          for (const m of expr[1].matchAll(ADDRESS)) {
            if (this.byAddress.has(m[1])) {
              found.add(m[1]);
            }
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
    return this.resources(type).filter((r) => this.references(getPath(r.values, path), target));
  }

  private index(mode: 'resource' | 'data', section: TerraformJson['resource']): void {
    for (const [type, byName] of Object.entries(section ?? {})) {
      for (const [name, values] of Object.entries(byName ?? {})) {
        const address = mode === 'data' ? `data.${type}.${name}` : `${type}.${name}`;
        const path = getPath(values, '//.metadata.path');
        const block: TfBlock = {
          mode,
          type,
          name,
          address,
          values,
          constructPath: typeof path === 'string' ? path : undefined,
        };
        this.byAddress.set(address, block);
        if (mode === 'resource') {
          this.byType.set(type, [...(this.byType.get(type) ?? []), block]);
        }
      }
    }
  }
}
