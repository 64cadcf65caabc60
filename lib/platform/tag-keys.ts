/**
 * Tag key constants, free of cdktf so that rules (and the command-line report) can use them.
 */

/** Tag keys every resource must carry unless `requiredKeys` says otherwise. */
export const DEFAULT_REQUIRED_TAG_KEYS: readonly string[] = ['owner', 'environment', 'cost-center', 'data-classification'];

/** Where the required keys are recorded in the stack's `//` metadata, for the resource-tags rule. */
export const REQUIRED_TAGS_METADATA_KEY = 'aksRequiredTagKeys';
