import type { PageQuery } from '@chambers/contracts/common';
import type { ConversationParticipant } from '@chambers/contracts/conversations';
import type { PersonRef } from '@chambers/contracts/people';
import type { AddPortalParticipant } from '@chambers/contracts/portals';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../../auth/principal';
import type { Db } from '../../db/database';
import { AppError } from '../../errors/app-error';
import { decodeCursor, pageOf } from '../../lib/cursor';
import { actedBy, recordAudit } from '../audit/audit-log';
import { joinConversation } from '../conversations/joining';
import * as peopleRepo from '../conversations/people-repository';
import * as conversationRepo from '../conversations/repository';
import { type PersonColumns, personColumns } from '../practice/people';
import { portalFor, visiblePortal } from './access';
import { toParticipants } from './answers';
import { inviteToPortal } from './portal-invitations';
import * as repo from './repository';

/** Someone about to take part in a portal, and where the request named them (for a 422). */
export interface Candidate {
  /** JSON pointer of the reference to blame, e.g. `/participants/2/id` or `/person/id`. */
  path: string;
  person: PersonRef;
}

/** A checked participant: its columns, and its contact card when it is one (to invite it). */
export interface Admitted {
  person: PersonColumns;
  contact: repo.PortalContact | null;
}

/**
 * Checks who may take part in a portal on `matterId`: an active firm user, or the matter's client
 * or one of its related contacts, with an email (so it can be invited). Refuses (422) naming each
 * bad path.
 */
export async function admitParticipants(
  db: Db,
  principal: Principal,
  matterId: string,
  candidates: readonly Candidate[],
): Promise<Admitted[]> {
  const activeUsers = await peopleRepo.activeMemberships(
    db,
    principal.firmId,
    candidates.flatMap(({ person }) => (person.type === 'user' ? [person.id] : [])),
  );
  const eligible = await repo.eligibleContacts(
    db,
    { firmId: principal.firmId, matterId },
    candidates.flatMap(({ person }) => (person.type === 'contact' ? [person.id] : [])),
  );
  const errors = candidates.flatMap(({ path, person }) => {
    if (person.type === 'user') {
      return activeUsers.has(person.id) ? [] : [{ path, message: 'No such active firm user.' }];
    }
    return eligible.has(person.id)
      ? []
      : [{ path, message: "Not the matter's client or a related contact with an email address." }];
  });
  if (errors.length > 0) {
    throw new AppError(
      'unprocessable',
      "Only firm users and the matter's client and related contacts take part in its portals.",
      { errors },
    );
  }
  return candidates.map(({ person }) => ({
    person: personColumns(person),
    contact: person.type === 'contact' ? (eligible.get(person.id) ?? null) : null,
  }));
}

/** The person a participant row names, as a `PersonRef` for the audit log. */
const refOf = (person: PersonColumns) =>
  person.membershipId ? { type: 'user', id: person.membershipId } : { type: 'contact', id: person.contactId };

export async function listParticipants(
  app: FastifyInstance,
  principal: Principal,
  portalId: string,
  query: PageQuery,
): Promise<{ data: ConversationParticipant[]; meta: { next_cursor: string | null } }> {
  const db = app.database.db;
  const portal = await visiblePortal(db, principal, portalId);
  const limit = query.limit ?? 50;
  const rows = await repo.participantPage(db, portal.id, {
    limit: limit + 1,
    ...(query.cursor === undefined ? {} : { afterId: decodeCursor(query.cursor) }),
  });
  const { items, nextCursor } = pageOf(rows, limit);
  return { data: await toParticipants(db, items), meta: { next_cursor: nextCursor } };
}

/**
 * Adds a firm user or a contact of the matter to a portal (firm users). A contact without an
 * account at the firm is mailed an invitation that names the portal.
 */
export async function addParticipant(
  app: FastifyInstance,
  principal: Principal,
  portalId: string,
  body: AddPortalParticipant,
  ip: string,
): Promise<ConversationParticipant> {
  return app.database.db.transaction(async (tx) => {
    const portal = await portalFor(tx, principal, portalId, 'manage');
    const [admitted] = await admitParticipants(tx, principal, portal.matterId ?? '', [
      { path: '/person/id', person: body.person },
    ]);
    if (!admitted) throw new Error('one candidate, one admitted');
    await conversationRepo.lockConversation(tx, portal.id, 'update');
    if (await conversationRepo.findParticipant(tx, { conversationId: portal.id, person: admitted.person })) {
      throw new AppError('conflict', 'This person already takes part in the portal.');
    }
    const invitationId = admitted.contact
      ? await inviteToPortal(tx, app.config, principal, admitted.contact, {
          id: portal.id,
          name: portal.subject,
        })
      : null;
    const participant = await joinConversation(tx, principal, portal, admitted.person, {
      ip,
      details: { person: body.person, ...(invitationId ? { invitation_id: invitationId } : {}) },
    });
    const [answered] = await toParticipants(tx, [participant]);
    if (!answered) throw new Error('participant not shaped');
    return answered;
  });
}

/**
 * Removes a participant (firm users). The portal's scope is who takes part, evaluated on every
 * request: a removed external loses the portal, its messages and its resources on its next one.
 */
export async function removeParticipant(
  app: FastifyInstance,
  principal: Principal,
  portalId: string,
  participantId: string,
  ip: string,
): Promise<void> {
  await app.database.db.transaction(async (tx) => {
    const portal = await portalFor(tx, principal, portalId, 'manage');
    await conversationRepo.lockConversation(tx, portal.id, 'update');
    const participant = await conversationRepo.findParticipant(
      tx,
      { conversationId: portal.id, participantId },
      true,
    );
    if (!participant) throw new AppError('not_found', 'No such participant in this portal.');
    await conversationRepo.deleteParticipant(tx, participant.id);
    await recordAudit(tx, {
      action: 'portal.participant_removed',
      ...actedBy(principal),
      objectType: 'portal',
      objectId: portal.id,
      ip,
      details: { participant_id: participant.id, person: refOf(participant) },
    });
  });
}
