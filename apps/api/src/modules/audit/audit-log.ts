import type { Principal } from '../../auth/principal';
import type { Db } from '../../db/database';
import { auditEvents } from '../../db/schema/audit-events';
import type { PracticeRecordType } from '../../policy/practice-records';

/** The audit vocabulary: one verb per thing that happened. */
export type AuditAction =
  | 'auth.login'
  | 'auth.login_failed'
  | 'auth.logout'
  | 'auth.switch'
  | 'auth.refresh_replayed'
  | 'identity.password_changed'
  | 'identity.profile_updated'
  | 'identity.email_change_requested'
  | 'identity.email_changed'
  | 'identity.avatar_changed'
  | 'api_token.created'
  | 'api_token.revoked'
  | 'user.invited'
  | 'user.role_changed'
  | 'user.deactivated'
  | 'user.reactivated'
  | 'user.invitation_revoked'
  | 'invitation.accepted'
  | `${PracticeRecordType}.${'created' | 'updated' | 'deleted'}`
  | 'document.downloaded'
  | 'document.viewed'
  | 'document.uploaded'
  | 'document.restored'
  | 'document.version_restored'
  | 'task.completed'
  | 'task.reopened'
  | 'bill.issued'
  | 'bill.voided'
  | 'bill.paid'
  | 'calendar_feed.rotated'
  | 'firm.updated'
  | 'message.posted'
  | 'conversation.participant_added'
  | 'conversation.participant_removed'
  | 'portal.closed'
  | 'portal.reopened'
  | 'portal.participant_added'
  | 'portal.participant_removed'
  | 'portal.message_deleted'
  | 'portal.resource_shared'
  | 'portal.resource_unshared'
  | 'portal.document_uploaded'
  | 'external.viewed'
  | 'external.denied'
  | 'external.requested';

export interface AuditEntry {
  action: AuditAction;
  firmId?: string | null;
  actorIdentityId?: string | null;
  actorMembershipId?: string | null;
  objectType?: string;
  objectId?: string;
  subject?: string;
  ip?: string | null;
  details?: Record<string, unknown>;
}

type Actor = Pick<AuditEntry, 'firmId' | 'actorIdentityId' | 'actorMembershipId'>;

/** The fields that say who acted: the principal's firm, identity and membership. */
export function actedBy(principal: Principal): Actor {
  return {
    firmId: principal.firmId,
    actorIdentityId: principal.identityId,
    actorMembershipId: principal.membershipId,
  };
}

/** Who acted, for an event in which the caller changed their own identity (profile, password, email, picture). */
export function onOwnIdentity(principal: Principal): Actor & Pick<AuditEntry, 'objectType' | 'objectId'> {
  return { ...actedBy(principal), objectType: 'identity', objectId: principal.identityId };
}

/** Appends one event (pass the business transaction so the event commits with the change). */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values({
    action: entry.action,
    firmId: entry.firmId ?? null,
    actorIdentityId: entry.actorIdentityId ?? null,
    actorMembershipId: entry.actorMembershipId ?? null,
    objectType: entry.objectType ?? null,
    objectId: entry.objectId ?? null,
    subject: entry.subject ?? null,
    ip: entry.ip ?? null,
    details: entry.details ?? null,
  });
}
