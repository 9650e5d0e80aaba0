import type { MembershipRole } from '@chambers/contracts/auth';
import type { Principal } from '../auth/principal';

/** The permission vocabulary: what a role may do at all. Object-level rules live in `policy.ts`. */
export const permissionDescriptions = {
  authenticated: 'Any signed-in principal, acting on its own identity and session.',
  'users:read': "See the firm's users.",
  'users:manage': 'Invite firm users, change their roles, deactivate them.',
  'api_tokens:manage': 'Create, list and revoke your own API tokens.',
  'audit:read': "Read the firm's audit log.",
} as const;

export type Permission = keyof typeof permissionDescriptions;

const everyone: readonly Permission[] = ['authenticated'];
const firmUser: readonly Permission[] = [...everyone, 'users:read', 'api_tokens:manage'];

/** Which permissions each role holds. Externals get only what is shared with them (later issues). */
export const roleGrants: Record<MembershipRole, readonly Permission[]> = {
  admin: [...firmUser, 'users:manage', 'audit:read'],
  attorney: firmUser,
  staff: firmUser,
  co_counsel: everyone,
  client: everyone,
};

export function hasPermission(principal: Principal, permission: Permission): boolean {
  return roleGrants[principal.role].includes(permission);
}
