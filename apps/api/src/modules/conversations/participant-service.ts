import type { AddConversationParticipant, ConversationParticipant } from '@chambers/contracts/conversations';
import type { PersonRef } from '@chambers/contracts/people';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../../auth/principal';
import type { Db } from '../../db/database';
import { AppError } from '../../errors/app-error';
import { scope } from '../../policy/policy';
import { actedBy, recordAudit } from '../audit/audit-log';
import { loadPeopleNames, personColumns, toPerson } from '../practice/people';
import { assertReferences } from '../practice/references';
import { conversationFor } from './access';
import { joinConversation } from './joining';
import * as peopleRepo from './people-repository';
import * as repo from './repository';

/**
 * Refuses (422, naming `<path>/id`) a participant who is neither an active firm user nor a
 * contact of the firm flagged as co-counsel (clients have their own portals).
 */
export async function assertParticipants(
  db: Db,
  principal: Principal,
  people: readonly { path: string; person: PersonRef }[],
): Promise<void> {
  await assertReferences(
    db,
    principal,
    people.map(({ path, person }) => ({ path: `${path}/id`, kind: person.type, id: person.id })),
  );
  const contacts = people.filter(({ person }) => person.type === 'contact');
  const coCounsel = await peopleRepo.coCounselContacts(
    db,
    scope(principal, 'contact'),
    contacts.map(({ person }) => person.id),
  );
  const errors = contacts
    .filter(({ person }) => !coCounsel.has(person.id))
    .map(({ path }) => ({ path: `${path}/id`, message: 'This contact is not co-counsel.' }));
  if (errors.length > 0) {
    throw new AppError(
      'unprocessable',
      'Only firm users and co-counsel contacts take part in conversations.',
      {
        errors,
      },
    );
  }
}

export async function addParticipant(
  app: FastifyInstance,
  principal: Principal,
  conversationId: string,
  body: AddConversationParticipant,
  ip: string,
): Promise<ConversationParticipant> {
  return app.database.db.transaction(async (tx) => {
    const conversation = await conversationFor(tx, principal, conversationId, 'manage');
    await assertParticipants(tx, principal, [{ path: '/person', person: body.person }]);
    await repo.lockConversation(tx, conversation.id, 'update');
    const person = personColumns(body.person);
    if (await repo.findParticipant(tx, { conversationId: conversation.id, person })) {
      throw new AppError('conflict', 'This person already takes part in the conversation.');
    }
    const participant = await joinConversation(tx, principal, conversation, person, {
      ip,
      details: { person: body.person },
    });
    const names = await loadPeopleNames(tx, [participant]);
    return { id: participant.id, person: toPerson(participant, names) };
  });
}

/** Removes a participant: an external removed loses the conversation on its very next request. */
export async function removeParticipant(
  app: FastifyInstance,
  principal: Principal,
  conversationId: string,
  participantId: string,
  ip: string,
): Promise<void> {
  await app.database.db.transaction(async (tx) => {
    const conversation = await conversationFor(tx, principal, conversationId, 'manage');
    await repo.lockConversation(tx, conversation.id, 'update');
    const participant = await repo.findParticipant(
      tx,
      { conversationId: conversation.id, participantId },
      true,
    );
    if (!participant) throw new AppError('not_found', 'No such participant in this conversation.');
    await repo.deleteParticipant(tx, participant.id);
    await recordAudit(tx, {
      action: 'conversation.participant_removed',
      ...actedBy(principal),
      objectType: 'conversation',
      objectId: conversation.id,
      ip,
      details: {
        participant_id: participant.id,
        person: participant.membershipId
          ? { type: 'user', id: participant.membershipId }
          : { type: 'contact', id: participant.contactId },
      },
    });
  });
}
