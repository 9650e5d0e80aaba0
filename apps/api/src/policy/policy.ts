import { eq, type SQL, sql } from 'drizzle-orm';
import type { Principal } from '../auth/principal';
import { auditEvents } from '../db/schema/audit-events';
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

export type Resource = MembershipResource;
export type Action = 'switch_to';

export function can(principal: Principal, action: Action, resource: Resource): boolean {
  switch (resource.type) {
    case 'membership':
      // A session may switch only to another active account of the same identity.
      return (
        action === 'switch_to' && resource.identityId === principal.identityId && resource.status === 'active'
      );
  }
}

/** The rows of a listable type the principal may see, as a WHERE condition. */
export function scope(principal: Principal, type: 'audit_event'): SQL {
  switch (type) {
    case 'audit_event':
      // Firm admins read their own firm's log; nobody else reads any of it.
      return hasPermission(principal, 'audit:read')
        ? (eq(auditEvents.firmId, principal.firmId) as SQL)
        : sql`false`;
  }
}
