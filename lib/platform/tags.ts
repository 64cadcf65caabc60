/**
 * Required tags: an Aspect that puts the platform's tags on every taggable resource and fails
 * synthesis when a required key has no value.
 */
import { Aspects, IAspect, TerraformResource, TerraformStack, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { PropError } from '../core/errors';
import { stackMetadata } from '../core/stack-metadata';
import { DEFAULT_REQUIRED_TAG_KEYS, REQUIRED_TAGS_METADATA_KEY } from './tag-keys';
import { TAGGABLE_TYPES } from './taggable-types';
import { checkTags } from '../core/validate';

export { DEFAULT_REQUIRED_TAG_KEYS, REQUIRED_TAGS_METADATA_KEY };

export interface RequiredTagsProps {
  /** Tags put on every taggable resource (a resource's own tags win, but may not blank a required key). */
  readonly tags: Readonly<Record<string, string>>;
  /**
   * Keys that must have a non-empty value on every taggable resource.
   * @default DEFAULT_REQUIRED_TAG_KEYS (owner, environment, cost-center, data-classification)
   */
  readonly requiredKeys?: readonly string[];
}

// Azure's tag limits (50 tags, 512-character keys, 128 on storage accounts, 256-character values, no < > % & \ ? / in keys): the kit's checkTags.

/** Applies and checks the platform's tags. Use `RequiredTags.apply(stack, props)`. */
export class RequiredTags implements IAspect {
  /** Adds the Aspect to `scope` (usually a stack) and records the required keys in the stack. */
  public static apply(scope: IConstruct, props: RequiredTagsProps): RequiredTags {
    const aspect = new RequiredTags(scope, props);
    Aspects.of(scope).add(aspect);
    const stack = TerraformStack.of(scope);
    stackMetadata(stack, REQUIRED_TAGS_METADATA_KEY, () => aspect.requiredKeys, (keys) => [...keys]);
    return aspect;
  }

  public readonly requiredKeys: readonly string[];
  private readonly tags: Readonly<Record<string, string>>;

  /** @param scope where it is applied: its errors name RequiredTags at that path */
  private constructor(scope: IConstruct, props: RequiredTagsProps) {
    const at = { construct: 'RequiredTags', scope };
    this.requiredKeys = props.requiredKeys ?? DEFAULT_REQUIRED_TAG_KEYS;
    this.tags = props.tags;
    checkTags(at, 'tags', props.tags);
    for (const key of this.requiredKeys) {
      const value = props.tags[key];
      if (value === undefined || value.trim() === '') {
        throw new PropError(at, `tags.${key}`, value, 'is a required tag key without a value', `give '${key}' a value (required keys: ${this.requiredKeys.join(', ')})`);
      }
    }
  }

  public visit(node: IConstruct): void {
    if (!(node instanceof TerraformResource) || !TAGGABLE_TYPES.has(node.terraformResourceType)) {
      return;
    }
    const tagged = node as unknown as { tagsInput?: Record<string, string>; tags: Record<string, string> };
    const own = tagged.tagsInput;
    if (own !== undefined && Token.isUnresolved(own)) {
      return; // computed tags: nothing to merge at synth
    }
    const merged = { ...this.tags, ...(own ?? {}) };
    for (const key of this.requiredKeys) {
      if (!merged[key] || merged[key].trim() === '') {
        throw new PropError(node, `tags.${key}`, merged[key], `blanks the required tag '${key}' on ${node.node.path}`, `remove the resource's own '${key}' tag or give it a value`);
      }
    }
    // The merged tags must still be tags Azure takes on this resource (50 at most; 128-character keys on storage accounts).
    checkTags(node, 'tags', merged, { storage: node.terraformResourceType === 'azurerm_storage_account' });
    tagged.tags = merged;
    if (node.terraformResourceType === 'azurerm_kubernetes_cluster') {
      // The system pool's VM scale set takes its tags from default_node_pool.tags, not the cluster's.
      const pool = (node as unknown as { defaultNodePool?: { tagsInput?: Record<string, string>; tags: Record<string, string> } }).defaultNodePool;
      if (pool && (pool.tagsInput === undefined || !Token.isUnresolved(pool.tagsInput))) {
        pool.tags = { ...merged, ...(pool.tagsInput ?? {}) };
      }
    }
  }
}
