import type { Principal } from '../../auth/principal';
import type { Db } from '../../db/database';
import { AppError } from '../../errors/app-error';
import { authorize, scope } from '../../policy/policy';
import { readerOf } from '../conversations/access';
import * as conversationRepo from '../conversations/repository';

export const NOT_FOUND = 'No such portal.';

/**
 * A client portal is a `portal` conversation: its participants, messages, attachments and read
 * state are the conversations module's; what is portal-only (shared resources, closing) lives here.
 */
export type PortalRow = conversationRepo.ConversationWithUnread;

/** A portal the caller sees (firm users: the firm's; externals: those they take part in), or 404. */
export async function visiblePortal(db: Db, principal: Principal, portalId: string): Promise<PortalRow> {
  const row = await conversationRepo.findConversation(
    db,
    scope(principal, 'portal'),
    readerOf(principal),
    portalId,
  );
  if (!row) throw new AppError('not_found', NOT_FOUND);
  return row;
}

/**
 * A visible portal the caller may act on: `write` is posting and uploading (participants and firm
 * users), `manage` is renaming, closing, participants, shared resources and deleting messages
 * (firm users only; 403 for externals).
 */
export async function portalFor(
  db: Db,
  principal: Principal,
  portalId: string,
  action: 'write' | 'manage',
): Promise<PortalRow> {
  const row = await visiblePortal(db, principal, portalId);
  authorize(principal, { type: 'portal', firmId: row.firmId }, NOT_FOUND, action);
  return row;
}

/** Refuses (409) a new message or upload in a portal the firm has closed. */
export function assertOpen(portal: PortalRow): void {
  if (portal.closedAt) {
    throw new AppError('conflict', 'This portal is closed to new messages; the firm can reopen it.');
  }
}
