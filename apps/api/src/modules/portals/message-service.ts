import type { PageQuery } from '@chambers/contracts/common';
import type { CreateMessage, Message, MessagePage } from '@chambers/contracts/conversations';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../../auth/principal';
import { AppError } from '../../errors/app-error';
import { actedBy, recordAudit } from '../audit/audit-log';
import { personOf } from '../conversations/access';
import { toMessages } from '../conversations/answers';
import { appendMessage, pageOfMessages } from '../conversations/message-service';
import * as conversationRepo from '../conversations/repository';
import { assertOpen, portalFor, visiblePortal } from './access';

/**
 * A portal's messages are a conversation's: the same posting (attachments, read state, batched
 * mail), only behind the portal's access rules and its closing.
 */

export async function listPortalMessages(
  app: FastifyInstance,
  principal: Principal,
  portalId: string,
  query: PageQuery,
): Promise<MessagePage> {
  const db = app.database.db;
  await visiblePortal(db, principal, portalId);
  return pageOfMessages(db, principal, portalId, query);
}

/**
 * Posts in an open portal. The portal's row is locked before it is looked up, so the state read
 * is the one that holds until commit: a message cannot slip in after the firm has closed it.
 */
export async function postPortalMessage(
  app: FastifyInstance,
  principal: Principal,
  portalId: string,
  body: CreateMessage,
  ip: string,
): Promise<Message> {
  return app.database.db.transaction(async (tx) => {
    await conversationRepo.lockConversation(tx, portalId, 'update');
    const portal = await portalFor(tx, principal, portalId, 'write');
    assertOpen(portal);
    const message = await appendMessage(
      tx,
      app,
      principal,
      portal,
      { body: body.body, attachmentIds: body.attachment_ids ?? [] },
      ip,
    );
    const [answer] = await toMessages(tx, principal, [message]);
    if (!answer) throw new Error('message not shaped');
    return answer;
  });
}

/** Marks every message of the portal read for the caller (nothing to mark if it does not take part). */
export async function markPortalRead(
  app: FastifyInstance,
  principal: Principal,
  portalId: string,
): Promise<void> {
  const db = app.database.db;
  await visiblePortal(db, principal, portalId);
  await conversationRepo.markAllRead(db, portalId, personOf(principal));
}

/**
 * Deletes a message for everyone (firm users). Its attachments leave the portal with it unless
 * shared there otherwise; the documents stay filed to the matter. The audit log keeps that the
 * message existed — who wrote it and when — never what it said.
 */
export async function deletePortalMessage(
  app: FastifyInstance,
  principal: Principal,
  portalId: string,
  messageId: string,
  ip: string,
): Promise<void> {
  await app.database.db.transaction(async (tx) => {
    await portalFor(tx, principal, portalId, 'manage');
    const message = await conversationRepo.findMessage(tx, portalId, messageId);
    if (!message) throw new AppError('not_found', 'No such message.');
    await conversationRepo.deleteMessage(tx, message.id);
    await recordAudit(tx, {
      action: 'portal.message_deleted',
      ...actedBy(principal),
      objectType: 'message',
      objectId: message.id,
      ip,
      details: {
        portal_id: portalId,
        message_id: message.id,
        author_membership_id: message.authorMembershipId,
        created_at: message.createdAt.toISOString(),
      },
    });
  });
}
