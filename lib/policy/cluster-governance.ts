/**
 * ClusterGovernance: Azure Policy at the Azure-resource level, above the cluster. The built-ins it
 * assigns judge the `Microsoft.ContainerService/managedClusters` resource itself (private API
 * server, no local accounts, host encryption, customer-managed disk keys, KMS, Defender profile,
 * Image Cleaner, workload identity, automatic upgrades...), so a change made outside Terraform (the
 * portal, `az aks update`, another pipeline) is denied or reported by Azure, not only by the next
 * `terraform plan`. Assigned to the cluster's resource group by default, or to the subscription.
 *
 * Secure by default: Deny where the definition allows it, Audit where it is audit-only. Loosening
 * one (Audit or Disabled) takes a reason, recorded as a waiver of `operations/azure-policy`.
 * The deploying principal needs "Resource Policy Contributor" (or Owner) at the scope.
 */
import { ResourceGroupPolicyAssignment } from '@cdktf/provider-azurerm/lib/resource-group-policy-assignment';
import { SubscriptionPolicyAssignment } from '@cdktf/provider-azurerm/lib/subscription-policy-assignment';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { libraryStack } from '../synth/library-stack';
import { Checklist } from '../checklist/checklist';
import { assertProp, ErrorSubject, PropError } from '../core/errors';
import { checkGuid, checkLooseningObject, checkOneOf, checkReason } from '../core/validate';
import { BuiltinKey, builtinPolicy, PolicyValue } from './builtins';

const NAME = 'ClusterGovernance';

/** The Azure-resource-level built-ins ClusterGovernance assigns by default (lib/policy/builtins.ts). */
export const GOVERNANCE_BUILTINS = [
  'privateClusterRequired',
  'localAccountsDisabled',
  'hostEncryptionRequired',
  'customerManagedDiskKeys',
  'kmsEnabled',
  'defenderProfileEnabled',
  'imageCleanerEnabled',
  'workloadIdentityEnabled',
  'clusterAutoUpgradeEnabled',
  'nodeOsAutoUpgradeEnabled',
  'entraIdIntegrationEnabled',
  'managedIdentitiesUsed',
  'azurePolicyAddOnEnabled',
  'commandInvokeDisabled',
] as const satisfies readonly BuiltinKey[];

/** A built-in ClusterGovernance assigns by default. */
export type GovernanceBuiltin = (typeof GOVERNANCE_BUILTINS)[number];

/** Where the assignments go. */
export type GovernanceScope = 'resourceGroup' | 'subscription';

/** Cluster auto-upgrade channels the auto-upgrade built-in accepts. */
export type GovernedUpgradeChannel = 'rapid' | 'stable' | 'patch' | 'node-image';

/** A weaker effect for one built-in, with why (the per-built-in shape ClusterPolicies' `exclude` takes too: an object with its reason). */
export interface GovernanceLoosening {
  /** `Audit` reports without blocking (for a Deny-capable built-in); `Disabled` switches it off. */
  readonly effect: 'Audit' | 'Disabled';
  /** Why (at least 10 characters); recorded as a waiver of operations/azure-policy. */
  readonly reason: string;
}

/** Props of ClusterGovernance. */
export interface ClusterGovernanceProps {
  /**
   * Where the assignments go: the cluster's resource group, or the whole subscription (every
   * cluster in it, including ones this stack does not manage).
   * @default 'resourceGroup'
   */
  readonly scope?: GovernanceScope;
  /**
   * Resource id of the cluster's resource group (`azurerm_resource_group.id`); required with
   * scope 'resourceGroup'.
   * @default none
   */
  readonly resourceGroupId?: string;
  /**
   * Subscription id (a GUID); required with scope 'subscription'.
   * @default none
   */
  readonly subscriptionId?: string;
  /**
   * Built-ins to weaken, each with the effect and the reason, e.g. `privateClusterRequired` for a
   * cluster that keeps a public API server with authorized ranges.
   * @default {} (Deny where allowed, else Audit)
   */
  readonly loosen?: Partial<Record<GovernanceBuiltin, GovernanceLoosening>>;
  /**
   * Cluster auto-upgrade channels the auto-upgrade built-in accepts.
   * @default ['patch', 'stable', 'rapid']
   */
  readonly allowedUpgradeChannels?: readonly GovernedUpgradeChannel[];
  /**
   * Also audit that every cluster in scope is a member of an Azure Kubernetes Fleet Manager
   * (AuditIfNotExists), for multi-region platforms that upgrade through a fleet.
   * @default false
   */
  readonly requireFleetMembership?: boolean;
  /**
   * Prefix of assignment names.
   * @default 'aks-gov'
   */
  readonly namePrefix?: string;
}

const RESOURCE_GROUP_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+$/i;
const NAME_PREFIX = /^[A-Za-z0-9][A-Za-z0-9_-]{0,30}$/;
const CHANNELS: readonly GovernedUpgradeChannel[] = ['rapid', 'stable', 'patch', 'node-image'];

/** Azure-resource-level Azure Policy on the cluster's resource group (or subscription). */
export class ClusterGovernance extends Construct {
  /** Every assignment, by built-in key. */
  public readonly assignments: Map<BuiltinKey, ResourceGroupPolicyAssignment | SubscriptionPolicyAssignment> = new Map();
  /** The scope's resource id. */
  public readonly scopeId: string;

  public constructor(scope: Construct, id: string, props: ClusterGovernanceProps) {
    super(scope, id);
    libraryStack(this);
    validate({ construct: NAME, scope: this }, props);
    const where = props.scope ?? 'resourceGroup';
    this.scopeId = where === 'subscription' ? `/subscriptions/${props.subscriptionId}` : (props.resourceGroupId as string);
    const prefix = props.namePrefix ?? 'aks-gov';
    const keys: BuiltinKey[] = [...GOVERNANCE_BUILTINS, ...(props.requireFleetMembership ? (['fleetMemberRequired'] as const) : [])];
    for (const key of keys) {
      const loosened = props.loosen?.[key as GovernanceBuiltin];
      if (loosened) {
        Checklist.of(this).waive('operations/azure-policy', loosened.reason);
      }
      const effect = loosened?.effect ?? strongestEffect(key);
      const parameters: Record<string, { value: PolicyValue }> = { effect: { value: effect } };
      if (key === 'clusterAutoUpgradeEnabled') {
        parameters.allowedClusterAutoUpgradeChannels = { value: [...(props.allowedUpgradeChannels ?? ['patch', 'stable', 'rapid'])] };
      }
      const policy = builtinPolicy(key);
      const config = {
        name: `${prefix}-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
        displayName: policy.displayName,
        description: `${policy.displayName} (built-in ${policy.version}), assigned by aks-checklist-cdktf so changes made outside Terraform are caught by Azure.`,
        policyDefinitionId: policy.id,
        parameters: JSON.stringify(parameters),
        nonComplianceMessage: effect === 'Deny' ? [{ content: `AKS checklist: ${policy.displayName}. Change the cluster through its Terraform stack.` }] : undefined,
      };
      this.assignments.set(
        key,
        where === 'subscription'
          ? new SubscriptionPolicyAssignment(this, key, { ...config, subscriptionId: this.scopeId })
          : new ResourceGroupPolicyAssignment(this, key, { ...config, resourceGroupId: this.scopeId }),
      );
    }
  }
}

/** Deny where the definition allows it, else Audit (or AuditIfNotExists). */
export function strongestEffect(key: BuiltinKey): string {
  const effects = builtinPolicy(key).effects.map((e) => e.toLowerCase());
  return effects.includes('deny') ? 'Deny' : effects.includes('audit') ? 'Audit' : builtinPolicy(key).defaultEffect;
}

function validate(at: ErrorSubject, p: ClusterGovernanceProps): void {
  checkOneOf(at, 'scope', p.scope, ['resourceGroup', 'subscription']);
  if ((p.scope ?? 'resourceGroup') === 'resourceGroup') {
    const id = p.resourceGroupId;
    assertProp(
      typeof id === 'string' && (Token.isUnresolved(id) || RESOURCE_GROUP_ID.test(id)),
      at,
      'resourceGroupId',
      id,
      'is not a resource group id',
      "pass the cluster's resource group id (`azurerm_resource_group.id`), or scope 'subscription' with subscriptionId",
    );
    assertProp(p.subscriptionId === undefined, at, 'subscriptionId', p.subscriptionId, "is set with scope 'resourceGroup'", "drop subscriptionId, or set scope: 'subscription'");
  } else {
    assertProp(p.subscriptionId !== undefined, at, 'subscriptionId', p.subscriptionId, "is required with scope 'subscription'", 'pass the subscription id, e.g. 00000000-0000-0000-0000-000000000000');
    checkGuid(at, 'subscriptionId', p.subscriptionId, 'the subscription id');
    assertProp(p.resourceGroupId === undefined, at, 'resourceGroupId', p.resourceGroupId, "is set with scope 'subscription'", "drop resourceGroupId, or use scope 'resourceGroup'");
  }
  for (const [key, loosening] of Object.entries(p.loosen ?? {})) {
    if (!(GOVERNANCE_BUILTINS as readonly string[]).includes(key)) {
      throw new PropError(at, 'loosen', key, 'is not a built-in ClusterGovernance assigns', `use one of ${GOVERNANCE_BUILTINS.join(', ')}`);
    }
    checkLooseningObject(at, `loosen.${key}`, loosening, "{ effect: 'Audit', reason: '<why>' }");
    const l = loosening as GovernanceLoosening;
    const policy = builtinPolicy(key as BuiltinKey);
    const strongest = strongestEffect(key as BuiltinKey);
    assertProp(
      (l.effect === 'Audit' || l.effect === 'Disabled') && policy.effects.some((e) => e.toLowerCase() === l.effect.toLowerCase()) && l.effect !== strongest,
      at,
      `loosen.${key}.effect`,
      l.effect,
      `is not weaker than ${strongest} among the effects '${policy.displayName}' allows (${policy.effects.join(', ')})`,
      strongest === 'Deny' ? "use 'Audit' or 'Disabled'" : "use 'Disabled', or drop the loosening",
    );
    checkReason(at, `loosen.${key}.reason`, l.reason, `weakening '${policy.displayName}'`);
  }
  const channels = p.allowedUpgradeChannels;
  assertProp(
    channels === undefined || (channels.length > 0 && channels.every((c) => CHANNELS.includes(c))),
    at,
    'allowedUpgradeChannels',
    channels,
    'must list at least one of rapid, stable, patch, node-image',
    "use e.g. ['patch', 'stable', 'rapid'] ('none' is what the built-in exists to catch)",
  );
  assertProp(p.namePrefix === undefined || NAME_PREFIX.test(p.namePrefix), at, 'namePrefix', p.namePrefix, 'is not a valid assignment name prefix', 'use 1-31 letters, digits, - and _, starting with a letter or digit');
}
