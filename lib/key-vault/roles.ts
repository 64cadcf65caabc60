/**
 * Azure RBAC role assignments by built-in role name. Managed identities are assigned with
 * `principal_type = ServicePrincipal`, which lets Azure accept an identity created moments before
 * (no directory replication wait).
 */
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Construct } from 'constructs';
import { checkGuid } from '../core/validate';

/** Built-in roles this library assigns (names as Azure spells them). */
export type BuiltInRole =
  | 'Key Vault Secrets User'
  | 'Key Vault Crypto User'
  | 'Key Vault Crypto Officer'
  | 'Key Vault Contributor'
  | 'Key Vault Crypto Service Encryption User'
  | 'Reader'
  | 'Monitoring Data Reader'
  | 'Grafana Admin';

/** One role assignment. */
export interface RoleGrant {
  /** Resource id the role applies to. */
  readonly scope: string;
  readonly role: BuiltInRole;
  /** Object (principal) id of the identity, group or user. */
  readonly principalId: string;
  /**
   * Kind of principal. Set `ServicePrincipal` for managed identities so a fresh identity is accepted.
   * @default unset (Azure looks it up)
   */
  readonly principalType?: 'ServicePrincipal' | 'Group' | 'User';
  /** Why the assignment exists, shown in the Azure portal. */
  readonly description: string;
}

/** Creates an `azurerm_role_assignment`. */
export function grantRole(scope: Construct, id: string, grant: RoleGrant): RoleAssignment {
  checkGuid(scope, 'principalId', grant.principalId, `the principal (object) id that gets '${grant.role}'`);
  return new RoleAssignment(scope, id, {
    scope: grant.scope,
    roleDefinitionName: grant.role,
    principalId: grant.principalId,
    principalType: grant.principalType,
    description: grant.description,
  });
}
