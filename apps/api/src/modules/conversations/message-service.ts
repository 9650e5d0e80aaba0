import type { PageQuery } from '@chambers/contracts/common';
import type { CreateMessage, Message, MessagePage } from '@chambers/contracts/conversations';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../../auth/principal';
import type { Db } from '../../db/database';
import { AppError } from '../../errors/app-error';
import { decodeTimeCursor, pageOfTimeKeyed } from '../../lib/cursor';
import { scope } from '../../policy/policy';
import { actedBy, recordAudit } from '../audit/audit-log';
import { conversationFor, personOf, visibleConversation } from './access';
import { toMessages } from './answers';
import * as attachmentRepo from './attachments-repository';
import { joinConversation } from './joining';
import { scheduleNotifications } from './notifications';
import * as repo from './repository';

/**
 * Refuses (422, naming `/attachment_ids/N`) an attachment that is not a live document the caller
 * can open and filed to the conversation's matter. A conversation without a matter takes none.
 */
async function assertAttachments(
  db: Db,
  principal: Principal,
  matterId: string | null,
  attachmentIds: readonly string[],
): Promise<void> {
  if (attachmentIds.length === 0) return;
  if (matterId === null) {
    throw new AppError('unprocessable', 'A conversation without a matter takes no attachments.', {
      errors: [
        { path: '/attachment_ids', message: 'Start the conversation on a matter to attach its documents.' },
      ],
    });
  }
  const found = new Map(
    (await attachmentRepo.attachableDocuments(db, scope(principal, 'document'), attachmentIds)).map((row) => [
      row.id,
      row.matterId,
    ]),
  );
  const errors = attachmentIds.flatMap((id, index) => {
    const documentMatter = found.get(id);
    if (documentMatter === matterId) return [];
    return [
      {
        path: `/attachment_ids/${index}`,
        message:
          documentMatter === undefined
            ? 'No such document.'
            : "This document is not filed to the conversation's matter.",
      },
    ];
  });
  if (errors.length > 0) {
    throw new AppError('unprocessable', 'Attachments must be documents of the conversation’s matter.', {
      errors,
    });
  }
}

/** The author's participation; a firm user who did not take part joins by posting. */
async function authorParticipation(
  tx: Db,
  principal: Principal,
  conversation: repo.ConversationRow,
  ip: string,
): Promise<repo.ParticipantRow> {
  const person = personOf(principal);
  const own = await repo.findParticipant(tx, { conversationId: conversation.id, person });
  if (own) return own;
  return joinConversation(tx, principal, conversation, person, { ip, details: { joined_by_posting: true } });
}

/**
 * Posts a message in a transaction: stamps it under the conversation lock, files its
 * attachments, bumps the conversation, moves the author's read state to it (a firm user who did
 * not take part joins by posting), and schedules the other participants' notifications.
 */
export async function appendMessage(
  tx: Db,
  app: FastifyInstance,
  principal: Principal,
  conversation: repo.ConversationRow,
  input: { body: string; attachmentIds: readonly string[] },
  ip: string,
): Promise<repo.MessageRow> {
  await repo.lockConversation(tx, conversation.id, 'update');
  await assertAttachments(tx, principal, conversation.matterId, input.attachmentIds);
  const message = await repo.insertMessage(tx, {
    firmId: conversation.firmId,
    conversationId: conversation.id,
    authorMembershipId: principal.membershipId,
    body: input.body,
  });
  await attachmentRepo.insertAttachments(
    tx,
    input.attachmentIds.map((documentId) => ({
      firmId: conversation.firmId,
      messageId: message.id,
      documentId,
    })),
  );
  await repo.updateConversation(tx, conversation.id, { lastMessageAt: message.createdAt });

  const own = await authorParticipation(tx, principal, conversation, ip);
  await repo.markReadUntil(tx, own.id, message.createdAt);

  const others = (await repo.participantsOf(tx, [conversation.id])).filter((row) => row.id !== own.id);
  await scheduleNotifications(
    tx,
    app.config.conversationNotifyDelaySeconds,
    others.map((row) => row.id),
  );
  await recordAudit(tx, {
    action: 'message.posted',
    ...actedBy(principal),
    objectType: 'message',
    objectId: message.id,
    ip,
    details: { conversation_id: conversation.id, attachment_ids: input.attachmentIds },
  });
  return message;
}

export async function postMessage(
  app: FastifyInstance,
  principal: Principal,
  conversationId: string,
  body: CreateMessage,
  ip: string,
): Promise<Message> {
  return app.database.db.transaction(async (tx) => {
    const conversation = await conversationFor(tx, principal, conversationId, 'write');
    const message = await appendMessage(
      tx,
      app,
      principal,
      conversation,
      { body: body.body, attachmentIds: body.attachment_ids ?? [] },
      ip,
    );
    const [answer] = await toMessages(tx, principal, [message]);
    if (!answer) throw new Error('message not shaped');
    return answer;
  });
}

export async function listMessages(
  app: FastifyInstance,
  principal: Principal,
  conversationId: string,
  query: PageQuery,
): Promise<MessagePage> {
  const db = app.database.db;
  await visibleConversation(db, principal, conversationId);
  return pageOfMessages(db, principal, conversationId, query);
}

/**
 * One page of a conversation's or portal's messages, oldest first, as the caller is shown them;
 * the caller has checked that it sees the conversation.
 */
export async function pageOfMessages(
  db: Db,
  principal: Principal,
  conversationId: string,
  query: PageQuery,
): Promise<MessagePage> {
  const limit = query.limit ?? 50;
  const rows = await repo.listMessages(db, conversationId, {
    limit: limit + 1,
    ...(query.cursor === undefined ? {} : { after: decodeTimeCursor(query.cursor) }),
  });
  const { items, nextCursor } = pageOfTimeKeyed(rows, limit, (row) => row.createdAt);
  return { data: await toMessages(db, principal, items), meta: { next_cursor: nextCursor } };
}

/** Marks every message of the conversation read for the caller (nothing to mark if it does not take part). */
export async function markConversationRead(
  app: FastifyInstance,
  principal: Principal,
  conversationId: string,
): Promise<void> {
  const db = app.database.db;
  await visibleConversation(db, principal, conversationId);
  await repo.markAllRead(db, conversationId, personOf(principal));
}
