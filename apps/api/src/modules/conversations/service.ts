import type {
  Conversation,
  ConversationPage,
  ConversationQuery,
  CreateConversation,
  UpdateConversation,
} from '@chambers/contracts/conversations';
import type { FastifyInstance } from 'fastify';
import { isExternal, type Principal } from '../../auth/principal';
import type { Db } from '../../db/database';
import { AppError } from '../../errors/app-error';
import { decodeTimeCursor, pageOfTimeKeyed } from '../../lib/cursor';
import { authorizeCreate, scope } from '../../policy/policy';
import { actedBy, recordAudit } from '../audit/audit-log';
import { type PersonColumns, personColumns } from '../practice/people';
import { assertReferences } from '../practice/references';
import { conversationFor, personOf, readerOf, visibleConversation } from './access';
import { toConversation, toConversations, toMessages } from './answers';
import { appendMessage } from './message-service';
import { assertParticipants } from './participant-service';
import * as peopleRepo from './people-repository';
import { renderConversationPrint } from './print-page';
import * as repo from './repository';

export async function listConversations(
  app: FastifyInstance,
  principal: Principal,
  query: ConversationQuery,
): Promise<ConversationPage> {
  const db = app.database.db;
  const limit = query.limit ?? 50;
  const rows = await repo.listConversations(db, scope(principal, 'conversation'), readerOf(principal), {
    limit: limit + 1,
    ...(query.cursor === undefined ? {} : { after: decodeTimeCursor(query.cursor) }),
    ...(query.matter_id ? { matterId: query.matter_id } : {}),
    ...(query.unread ? { unread: true } : {}),
  });
  const { items, nextCursor } = pageOfTimeKeyed(rows, limit, (row) => row.lastMessageAt);
  return { data: await toConversations(db, principal, items), meta: { next_cursor: nextCursor } };
}

export async function getConversation(
  app: FastifyInstance,
  principal: Principal,
  conversationId: string,
): Promise<Conversation> {
  const db = app.database.db;
  return toConversation(db, principal, await visibleConversation(db, principal, conversationId));
}

/** The printable page of a conversation: every message, as the caller sees them. */
export async function printConversation(
  app: FastifyInstance,
  principal: Principal,
  conversationId: string,
): Promise<string> {
  const db = app.database.db;
  const row = await visibleConversation(db, principal, conversationId);
  const { matterId } = row;
  return renderConversationPrint({
    conversation: await toConversation(db, principal, row),
    // A matter the caller no longer sees (an external whose share was stopped) is not named.
    matterNumber: matterId ? await repo.visibleMatterNumber(db, scope(principal, 'matter'), matterId) : null,
    messages: await toMessages(db, principal, await repo.listMessages(db, conversationId, {})),
  });
}

/**
 * Who takes part in a new conversation besides the caller. Firm users name them. Co-counsel may
 * not: it writes to the firm about a matter shared with it, and the firm side is whoever answers
 * for that matter and share.
 */
async function otherParticipants(
  db: Db,
  principal: Principal,
  body: CreateConversation,
): Promise<PersonColumns[]> {
  if (!isExternal(principal.role)) {
    const named = body.participants ?? [];
    await assertParticipants(
      db,
      principal,
      named.map((person, index) => ({ path: `/participants/${index}`, person })),
    );
    return named.map(personColumns);
  }
  const errors = [
    ...(body.participants === undefined
      ? []
      : [{ path: '/participants', message: 'Co-counsel conversations go to the firm users of the matter.' }]),
    ...(body.matter_id ? [] : [{ path: '/matter_id', message: 'Name a matter shared with you.' }]),
  ];
  if (errors.length > 0) {
    throw new AppError('unprocessable', 'Co-counsel start conversations about a matter shared with them.', {
      errors,
    });
  }
  const matterId = body.matter_id ?? '';
  const firmSide = await peopleRepo.firmSideOf(db, matterId, principal.contactId ?? '');
  const active = await peopleRepo.activeMemberships(db, principal.firmId, firmSide);
  const people = firmSide
    .filter((id) => active.has(id))
    .map((membershipId) => ({ membershipId, contactId: null }));
  if (people.length === 0) {
    throw new AppError('unprocessable', 'Nobody at the firm answers for this matter right now.', {
      errors: [{ path: '/matter_id', message: 'This matter has no active responsible attorney or sharer.' }],
    });
  }
  return people;
}

const samePerson = (a: PersonColumns, b: PersonColumns) =>
  a.membershipId === b.membershipId && a.contactId === b.contactId;

export async function createConversation(
  app: FastifyInstance,
  principal: Principal,
  body: CreateConversation,
  ip: string,
): Promise<Conversation> {
  authorizeCreate(principal, 'conversation');
  return app.database.db.transaction(async (tx) => {
    if (body.matter_id) {
      await assertReferences(tx, principal, [{ path: '/matter_id', kind: 'matter', id: body.matter_id }]);
    }
    const caller = personOf(principal);
    const others = (await otherParticipants(tx, principal, body)).filter(
      (person) => !samePerson(person, caller),
    );
    const conversation = await repo.insertConversation(tx, {
      firmId: principal.firmId,
      subject: body.subject,
      matterId: body.matter_id ?? null,
      createdByMembershipId: principal.membershipId,
    });
    await repo.insertParticipants(
      tx,
      [caller, ...others].map((person) => ({
        firmId: principal.firmId,
        conversationId: conversation.id,
        ...person,
      })),
    );
    await recordAudit(tx, {
      action: 'conversation.created',
      ...actedBy(principal),
      objectType: 'conversation',
      objectId: conversation.id,
      ip,
      details: {
        ...(conversation.matterId ? { matter_id: conversation.matterId } : {}),
        participants: others.length + 1,
      },
    });
    await appendMessage(
      tx,
      app,
      principal,
      conversation,
      { body: body.body, attachmentIds: body.attachment_ids ?? [] },
      ip,
    );
    return toConversation(tx, principal, await visibleConversation(tx, principal, conversation.id));
  });
}

export async function updateConversation(
  app: FastifyInstance,
  principal: Principal,
  conversationId: string,
  body: UpdateConversation,
  ip: string,
): Promise<Conversation> {
  return app.database.db.transaction(async (tx) => {
    const conversation = await conversationFor(tx, principal, conversationId, 'manage');
    await repo.updateConversation(tx, conversation.id, { subject: body.subject });
    await recordAudit(tx, {
      action: 'conversation.updated',
      ...actedBy(principal),
      objectType: 'conversation',
      objectId: conversation.id,
      ip,
      details: { fields: Object.keys(body) },
    });
    return toConversation(tx, principal, await visibleConversation(tx, principal, conversation.id));
  });
}
