/**
 * Azure RBAC role assignments, one way for every construct: by built-in role name, to an identity
 * (anything with a `principalId`, e.g. IManagedIdentity) or a principal id, with
 * `principal_type = ServicePrincipal` for managed identities so Azure accepts an identity created
 * moments before (no directory replication wait).
 *
 * A second grant under an id already used in the scope gets the next free id (`<id>-2`, ...)
 * instead of the constructs library's duplicate-id error.
 */
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import type { Construct } from 'constructs';
import { checkGuid } from './validate';

/** Built-in roles this library assigns (names as Azure spells them). */
export type BuiltInRole =
  | 'Key Vault Secrets User'
  | 'Key Vault Crypto User'
  | 'Key Vault Crypto Officer'
  | 'Key Vault Contributor'
  | 'Key Vault Crypto Service Encryption User'
  | 'Reader'
  | 'Monitoring Data Reader'
  | 'Grafana Admin'
  | 'AcrPull'
  | 'AcrPush'
  | 'Managed Identity Operator'
  | 'Network Contributor'
  | 'Private DNS Zone Contributor'
  | 'Storage Blob Data Contributor'
  | 'Azure Kubernetes Service RBAC Cluster Admin'
  | 'Azure Kubernetes Service RBAC Admin'
  | 'Azure Kubernetes Service RBAC Writer'
  | 'Azure Kubernetes Service RBAC Reader'
  | 'Contributor'
  | 'Disk Snapshot Contributor'
  | 'Data Operator for Managed Disks'
  | 'Storage Account Contributor';

/** Who gets a role: an identity (its principal id is used) or a principal (object) id. */
export type Principal = string | { readonly principalId: string };

/** The principal (object) id of a Principal. */
export function principalIdOf(principal: Principal): string {
  return typeof principal === 'string' ? principal : principal.principalId;
}

/** One role assignment. */
export interface RoleGrant {
  /** Resource id the role applies to. */
  readonly scope: string;
  readonly role: BuiltInRole;
  /** The identity, group or user (or its object id). */
  readonly principalId: Principal;
  /**
   * Kind of principal. Set `ServicePrincipal` for managed identities so a fresh identity is accepted.
   * @default unset (Azure looks it up)
   */
  readonly principalType?: 'ServicePrincipal' | 'Group' | 'User';
  /**
   * Why the assignment exists, shown in the Azure portal.
   * @default none
   */
  readonly description?: string;
}

/** Creates an `azurerm_role_assignment`, under `id` or, when taken in the scope, the next free `<id>-<n>`. */
export function grantRole(scope: Construct, id: string, grant: RoleGrant): RoleAssignment {
  const principalId = principalIdOf(grant.principalId);
  checkGuid(scope, 'principalId', principalId, `the principal (object) id that gets '${grant.role}'`);
  let free = id;
  for (let n = 2; scope.node.tryFindChild(free) !== undefined; n++) {
    free = `${id}-${n}`;
  }
  const assignment = new RoleAssignment(scope, free, {
    scope: grant.scope,
    roleDefinitionName: grant.role,
    principalId,
    principalType: grant.principalType,
    description: grant.description,
  });
  return assignment;
}
