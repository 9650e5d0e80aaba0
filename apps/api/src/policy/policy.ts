import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { isExternal, type Principal } from '../auth/principal';
import { apiTokens } from '../db/schema/api-tokens';
import { auditEvents } from '../db/schema/audit-events';
import { invitations } from '../db/schema/invitations';
import { memberships } from '../db/schema/memberships';
import { AppError } from '../errors/app-error';
import { externalScope } from './external-scope';
import { hasPermission, type Permission } from './permissions';
import { type PracticeRecordType, type PracticeResource, practiceRecords } from './practice-records';

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

export type Resource =
  | MembershipResource
  | FirmUserResource
  | ApiTokenResource
  | AvatarResource
  | PracticeResource;
/**
 * `write` covers editing and deleting a record (and issuing a bill); `create` making one of a type;
 * `complete` completing or reopening a task; `manage` administering (users, tokens, participants).
 */
export type Action = 'switch_to' | 'read' | 'write' | 'create' | 'complete' | 'manage';

/** The types co-counsel may create (always inside what is shared with it: services check where). */
const coCounselCreates: readonly PracticeRecordType[] = ['activity', 'document', 'folder', 'conversation'];

/**
 * What an external may do to a record it sees (its `scope` decides what it sees): read it. Co-counsel
 * also log time and upload; edit or delete their own time entries; complete and reopen the tasks
 * assigned to them; post in their conversations. Any external posts and uploads in the portals it
 * takes part in (`write` on a portal). Nothing else: calendar entries, matters, notes, … are
 * read-only, and only firm users manage a portal.
 */
function externalMay(principal: Principal, action: Action, resource: PracticeResource): boolean {
  const record = practiceRecords[resource.type];
  switch (action) {
    case 'read':
      return hasPermission(principal, record.read);
    case 'create':
      return (
        principal.role === 'co_counsel' &&
        coCounselCreates.includes(resource.type) &&
        hasPermission(principal, record.write)
      );
    case 'write':
      return (
        (resource.type === 'portal' && hasPermission(principal, record.read)) ||
        (principal.role === 'co_counsel' &&
          ((resource.type === 'activity' && resource.authorMembershipId === principal.membershipId) ||
            (resource.type === 'conversation' && hasPermission(principal, record.write))))
      );
    case 'complete':
      return (
        principal.role === 'co_counsel' &&
        resource.type === 'task' &&
        resource.assigneeContactId === principal.contactId
      );
    default:
      return false;
  }
}

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
    default: {
      // Practice records belong to one firm; its users read and change them as their role allows.
      if (resource.firmId !== principal.firmId) return false;
      if (isExternal(principal.role)) return externalMay(principal, action, resource);
      const record = practiceRecords[resource.type];
      if (action === 'read') return hasPermission(principal, record.read);
      if (action === 'switch_to') return false;
      return hasPermission(principal, record.write);
    }
  }
}

/**
 * Guards an action on a practice record the caller found in its `scope`: 404 when it may not even
 * read the record (existence never leaks), 403 when it sees the record but may not do this to it.
 * Routes that change a record therefore declare the record's *read* permission.
 */
export function authorize(
  principal: Principal,
  resource: PracticeResource,
  notFound = 'Not found.',
  action: Exclude<Action, 'read' | 'switch_to'> = 'write',
): void {
  if (!can(principal, 'read', resource)) throw new AppError('not_found', notFound);
  if (!can(principal, action, resource))
    throw new AppError('forbidden', 'You may see this but not change it.');
}

/**
 * Guards creating a record of `type` in the caller's own firm, with the same 404 / 403 split.
 * Clients create nothing through the practice routes (they post and upload in their portals): to
 * them these routes do not exist.
 */
export function authorizeCreate(principal: Principal, type: PracticeRecordType): void {
  if (principal.role === 'client') throw new AppError('not_found', 'Not found.');
  authorize(principal, { type, firmId: principal.firmId }, 'Not found.', 'create');
}

/** Whether billing methods and rates may be shown to the principal (never to externals). */
export function canSeeRates(principal: Principal): boolean {
  return hasPermission(principal, 'rates:read');
}

/** The rows of a listable type the principal may see, as a WHERE condition. */
export function scope(
  principal: Principal,
  type: 'audit_event' | 'user' | 'user_invitation' | 'api_token' | PracticeRecordType,
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
    default: {
      const record: { firmId: PgColumn; read: Permission; kind?: SQL } = practiceRecords[type];
      if (!hasPermission(principal, record.read)) return sql`false`;
      const rows = isExternal(principal.role)
        ? externalScope(principal, type)
        : (eq(record.firmId, principal.firmId) as SQL);
      return record.kind ? (and(rows, record.kind) as SQL) : rows;
    }
  }
}
