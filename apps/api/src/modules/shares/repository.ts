import type { ShareResourceType } from '@chambers/contracts/shares';
import { and, asc, desc, eq, gt, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { auditEvents } from '../../db/schema/audit-events';
import { contacts } from '../../db/schema/contacts';
import { documents, folders } from '../../db/schema/documents';
import { identities } from '../../db/schema/identities';
import { invitations } from '../../db/schema/invitations';
import { matters } from '../../db/schema/matters';
import { memberships } from '../../db/schema/memberships';
import { shares } from '../../db/schema/shares';

export type ShareRow = typeof shares.$inferSelect;

/** The one resource a share (or a request to share) names. */
export interface ShareTarget {
  type: ShareResourceType;
  id: string;
}

/** The share column that holds a resource type's id. */
export const targetColumn = {
  matter: shares.matterId,
  folder: shares.folderId,
  document: shares.documentId,
} as const;

/** A share with what answering it needs: its contact and its resource's current name parts. */
export interface ShareRecord {
  share: ShareRow;
  contactName: string;
  contactEmail: string | null;
  matterNumber: string | null;
  matterDescription: string | null;
  folderName: string | null;
  documentName: string | null;
}

/** Shares joined with their contact and resource, so a page is answered in one query. */
function selectShareRecords(db: Db) {
  return db
    .select({
      share: shares,
      contactName: contacts.name,
      contactEmail: contacts.email,
      matterNumber: matters.number,
      matterDescription: matters.description,
      folderName: folders.name,
      documentName: documents.name,
    })
    .from(shares)
    .innerJoin(contacts, eq(contacts.id, shares.contactId))
    .leftJoin(matters, eq(matters.id, shares.matterId))
    .leftJoin(folders, eq(folders.id, shares.folderId))
    .leftJoin(documents, eq(documents.id, shares.documentId));
}

/** Shares within `scope` (the policy's), in id order, after `afterId`. */
export function listShares(
  db: Db,
  scope: SQL,
  options: {
    limit: number;
    afterId?: string;
    contactId?: string;
    matterId?: string;
    folderId?: string;
    documentId?: string;
  },
): Promise<ShareRecord[]> {
  return selectShareRecords(db)
    .where(
      and(
        scope,
        options.contactId ? eq(shares.contactId, options.contactId) : undefined,
        options.matterId ? eq(shares.matterId, options.matterId) : undefined,
        options.folderId ? eq(shares.folderId, options.folderId) : undefined,
        options.documentId ? eq(shares.documentId, options.documentId) : undefined,
        options.afterId ? gt(shares.id, options.afterId) : undefined,
      ),
    )
    .orderBy(asc(shares.id))
    .limit(options.limit);
}

export async function findShare(db: Db, scope: SQL, shareId: string): Promise<ShareRecord | null> {
  const [row] = await selectShareRecords(db)
    .where(and(scope, eq(shares.id, shareId)))
    .limit(1);
  return row ?? null;
}

/** Whether the contact already holds a share of exactly this resource. */
export async function isShared(db: Db, contactId: string, target: ShareTarget): Promise<boolean> {
  const [row] = await db
    .select({ id: shares.id })
    .from(shares)
    .where(and(eq(shares.contactId, contactId), eq(targetColumn[target.type], target.id)))
    .limit(1);
  return row !== undefined;
}

export async function insertShare(db: Db, values: typeof shares.$inferInsert): Promise<ShareRow> {
  const [row] = await db.insert(shares).values(values).returning();
  if (!row) throw new Error('share not inserted');
  return row;
}

/** Deletes a share; false when a concurrent request deleted it first. */
export async function deleteShare(db: Db, shareId: string): Promise<boolean> {
  const deleted = await db.delete(shares).where(eq(shares.id, shareId)).returning({ id: shares.id });
  return deleted.length > 0;
}

/** Whether the contact is within `scope` (the policy's). */
export async function isContactIn(db: Db, scope: SQL, contactId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(scope, eq(contacts.id, contactId)))
    .limit(1);
  return row !== undefined;
}

/**
 * A contact, locked until the transaction ends: two shares with the same contact made at once
 * then decide one after the other whether an invitation is still needed, so only one is mailed.
 */
export async function lockContact(db: Db, contactId: string) {
  const [row] = await db.select().from(contacts).where(eq(contacts.id, contactId)).for('update').limit(1);
  return row ?? null;
}

/**
 * The account a contact signs in with at its firm, with its login address; an active one first,
 * should the contact have several.
 */
export async function findContactAccount(db: Db, firmId: string, contactId: string) {
  const [row] = await db
    .select({ role: memberships.role, status: memberships.status, email: identities.email })
    .from(memberships)
    .innerJoin(identities, eq(identities.id, memberships.identityId))
    .where(and(eq(memberships.firmId, firmId), eq(memberships.contactId, contactId)))
    .orderBy(asc(memberships.status))
    .limit(1);
  return row ?? null;
}

/** Whether the firm already has an open invitation out to this contact or to its address. */
export async function hasLiveInvitation(
  db: Db,
  firmId: string,
  contact: { id: string; email: string },
): Promise<boolean> {
  const [row] = await db
    .select({ id: invitations.id })
    .from(invitations)
    .where(
      and(
        eq(invitations.firmId, firmId),
        or(eq(invitations.contactId, contact.id), sql`lower(${invitations.email}) = lower(${contact.email})`),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** A matter's, folder's or document's display name; null when it does not exist (or a document is not live). */
export async function findResourceName(db: Db, target: ShareTarget): Promise<string | null> {
  switch (target.type) {
    case 'matter': {
      const [row] = await db
        .select({ number: matters.number, description: matters.description })
        .from(matters)
        .where(eq(matters.id, target.id))
        .limit(1);
      return row ? matterName(row.number, row.description) : null;
    }
    case 'folder': {
      const [row] = await db
        .select({ name: folders.name })
        .from(folders)
        .where(eq(folders.id, target.id))
        .limit(1);
      return row?.name ?? null;
    }
    case 'document': {
      // A deleted document, or one whose upload never completed, exists to nobody.
      const [row] = await db
        .select({ name: documents.name })
        .from(documents)
        .where(
          and(
            eq(documents.id, target.id),
            isNull(documents.deletedAt),
            sql`${documents.currentVersionId} is not null`,
          ),
        )
        .limit(1);
      return row?.name ?? null;
    }
  }
}

/** How a matter is named in shares and mails: its number, then its description. */
export const matterName = (number: string, description: string) => `${number}: ${description}`;

/**
 * Audit events of the accounts that sign in as `contactId` at the firm, newest first, before
 * `beforeId`. Pinned to the firm: the same person's doings at other firms are not this firm's.
 */
export function listContactAccess(
  db: Db,
  firmId: string,
  contactId: string,
  options: { limit: number; beforeId?: string },
) {
  return db
    .select({
      id: auditEvents.id,
      action: auditEvents.action,
      objectType: auditEvents.objectType,
      objectId: auditEvents.objectId,
      createdAt: auditEvents.createdAt,
      ip: auditEvents.ip,
    })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.firmId, firmId),
        sql`${auditEvents.actorMembershipId} in (select ${memberships.id} from ${memberships}
             where ${memberships.firmId} = ${firmId} and ${memberships.contactId} = ${contactId})`,
        options.beforeId ? lt(auditEvents.id, options.beforeId) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(options.limit);
}
