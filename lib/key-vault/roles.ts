/** Azure RBAC role assignments: moved to lib/core/grants.ts (every concern grants roles); re-exported here. */
export { grantRole } from '../core/grants';
export type { BuiltInRole, Principal, RoleGrant } from '../core/grants';
