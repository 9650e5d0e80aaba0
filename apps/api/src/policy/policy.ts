import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { isExternal, type Principal } from '../auth/principal';
import { apiTokens } from '../db/schema/api-tokens';
import { auditEvents } from '../db/schema/audit-events';
import { invitations } from '../db/schema/invitations';
import { memberships } from '../db/schema/memberships';
import { hasPermission } from './permissions';

/**
 * The one place that decides access to single objects (`can`) and filters lists (`scope`).
 * Services ask it; no handler decides on its own. A denied object is reported as not found.
 */

/** A membership as the policy sees it. */
export interface MembershipResource {
  type: 'membership';
  identityId: string;
  status: 'active' | 'deactivated';
}

/** A firm user (a firm-role membership), or an invitation to become one, as the policy sees it. */
export interface FirmUserResource {
  type: 'user' | 'user_invitation';
  firmId: string;
  role: string;
}

/** The roles of a firm's own users; externals are never listed or managed as users. */
const firmRoles = ['admin', 'attorney', 'staff'] as const;
const isFirmRole = (role: string) => (firmRoles as readonly string[]).includes(role);

/** An API token: managed only through the membership that made it. */
export interface ApiTokenResource {
  type: 'api_token';
  membershipId: string;
}

/** Someone's profile picture, with that identity's memberships (at least those in the caller's firm). */
export interface AvatarResource {
  type: 'avatar';
  identityId: string;
  memberships: readonly { firmId: string; role: string; status: 'active' | 'deactivated' }[];
}

export type Resource = MembershipResource | FirmUserResource | ApiTokenResource | AvatarResource;
export type Action = 'switch_to' | 'read' | 'manage';

export function can(principal: Principal, action: Action, resource: Resource): boolean {
  switch (resource.type) {
    case 'membership':
      // A session may switch only to another active account of the same identity.
      return (
        action === 'switch_to' && resource.identityId === principal.identityId && resource.status === 'active'
      );
    case 'user':
    case 'user_invitation':
      // A firm's users are seen by its firm users and managed by its admins; nobody else's.
      return (
        resource.firmId === principal.firmId &&
        isFirmRole(resource.role) &&
        ((action === 'read' && hasPermission(principal, 'users:read')) ||
          (action === 'manage' && hasPermission(principal, 'users:manage')))
      );
    case 'api_token':
      return (
        action === 'manage' &&
        resource.membershipId === principal.membershipId &&
        hasPermission(principal, 'api_tokens:manage')
      );
    case 'avatar': {
      if (action !== 'read') return false;
      if (resource.identityId === principal.identityId) return true;
      // Firm users see everyone who belongs to their firm (former members too, for history);
      // externals see only the firm's active users, never the firm's other externals.
      const external = isExternal(principal.role);
      return resource.memberships.some(
        (membership) =>
          membership.firmId === principal.firmId &&
          (!external || (isFirmRole(membership.role) && membership.status === 'active')),
      );
    }
  }
}

/** The rows of a listable type the principal may see, as a WHERE condition. */
export function scope(
  principal: Principal,
  type: 'audit_event' | 'user' | 'user_invitation' | 'api_token',
): SQL {
  switch (type) {
    case 'audit_event':
      // Firm admins read their own firm's log; nobody else reads any of it.
      return hasPermission(principal, 'audit:read')
        ? (eq(auditEvents.firmId, principal.firmId) as SQL)
        : sql`false`;
    case 'user':
      return hasPermission(principal, 'users:read')
        ? (and(eq(memberships.firmId, principal.firmId), inArray(memberships.role, [...firmRoles])) as SQL)
        : sql`false`;
    case 'user_invitation':
      return hasPermission(principal, 'users:read')
        ? (and(eq(invitations.firmId, principal.firmId), inArray(invitations.role, [...firmRoles])) as SQL)
        : sql`false`;
    case 'api_token':
      // Each membership sees only the tokens it made.
      return hasPermission(principal, 'api_tokens:manage')
        ? (eq(apiTokens.membershipId, principal.membershipId) as SQL)
        : sql`false`;
  }
}
