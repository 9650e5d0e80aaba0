import type { Conversation, Message } from '@chambers/contracts/conversations';
import type { Principal } from '../../auth/principal';
import type { Db } from '../../db/database';
import { scope } from '../../policy/policy';
import { matterMask } from '../practice/matter-mask';
import { loadMembersAsPeople, memberAsPerson } from '../practice/members-as-people';
import { loadPeopleNames, toPerson } from '../practice/people';
import * as attachmentRepo from './attachments-repository';
import * as repo from './repository';

/**
 * Conversations and messages as answered. Authors are memberships; an external's membership is
 * shown as its contact card, the person it takes part as, so a message's author is always one of
 * the participants a client can match it to.
 */

export async function toConversations(
  db: Db,
  principal: Principal,
  rows: readonly repo.ConversationWithUnread[],
): Promise<Conversation[]> {
  const matterOf = await matterMask(
    db,
    principal,
    rows.map((row) => row.matterId),
  );
  const participants = await repo.participantsOf(
    db,
    rows.map((row) => row.id),
  );
  // One after the other: inside a transaction both would queue on its one connection anyway.
  const creators = await loadMembersAsPeople(
    db,
    rows.map((row) => row.createdByMembershipId),
  );
  const names = await loadPeopleNames(db, participants);
  return rows.map((conversation) => ({
    id: conversation.id,
    subject: conversation.subject,
    matter_id: matterOf(conversation.matterId),
    participants: participants
      .filter((participant) => participant.conversationId === conversation.id)
      .map((participant) => ({ id: participant.id, person: toPerson(participant, names) })),
    last_message_at: conversation.lastMessageAt.toISOString(),
    unread_count: conversation.unreadCount,
    created_by: memberAsPerson(creators, conversation.createdByMembershipId),
    created_at: conversation.createdAt.toISOString(),
    updated_at: conversation.updatedAt.toISOString(),
  }));
}

export async function toConversation(
  db: Db,
  principal: Principal,
  row: repo.ConversationWithUnread,
): Promise<Conversation> {
  const [conversation] = await toConversations(db, principal, [row]);
  if (!conversation) throw new Error('conversation not shaped');
  return conversation;
}

/** Messages with their authors and the attachments the caller can open. */
export async function toMessages(
  db: Db,
  principal: Principal,
  rows: readonly repo.MessageRow[],
): Promise<Message[]> {
  const attachments = await attachmentRepo.attachmentsOf(
    db,
    scope(principal, 'document'),
    rows.map((row) => row.id),
  );
  const authors = await loadMembersAsPeople(
    db,
    rows.map((row) => row.authorMembershipId),
  );
  return rows.map((row) => ({
    id: row.id,
    conversation_id: row.conversationId,
    body: row.body,
    author: memberAsPerson(authors, row.authorMembershipId),
    created_at: row.createdAt.toISOString(),
    attachments: attachments
      .filter((attachment) => attachment.messageId === row.id)
      .map((attachment) => ({
        document_id: attachment.documentId,
        name: attachment.name,
        content_type: attachment.contentType,
        size: attachment.size,
      })),
  }));
}
