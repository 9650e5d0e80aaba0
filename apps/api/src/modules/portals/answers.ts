import type { ConversationParticipant } from '@chambers/contracts/conversations';
import type { Portal } from '@chambers/contracts/portals';
import type { Principal } from '../../auth/principal';
import type { Db } from '../../db/database';
import * as conversationRepo from '../conversations/repository';
import { matterMask } from '../practice/matter-mask';
import { loadMembersAsPeople, memberAsPerson } from '../practice/members-as-people';
import { loadPeopleNames, toPerson } from '../practice/people';
import type { PortalRow } from './access';

/**
 * Portals as answered: a portal conversation's subject is its name. Externals are not told the
 * matter (they do not see matters), only that the portal belongs to the firm's work for them.
 */
export async function toPortals(db: Db, principal: Principal, rows: readonly PortalRow[]): Promise<Portal[]> {
  const matterOf = await matterMask(
    db,
    principal,
    rows.map((row) => row.matterId),
  );
  const participants = await conversationRepo.participantsOf(
    db,
    rows.map((row) => row.id),
  );
  const [creators, names] = await Promise.all([
    loadMembersAsPeople(
      db,
      rows.map((row) => row.createdByMembershipId),
    ),
    loadPeopleNames(db, participants),
  ]);
  return rows.map((portal) => ({
    id: portal.id,
    name: portal.subject,
    matter_id: matterOf(portal.matterId),
    participants: participants
      .filter((participant) => participant.conversationId === portal.id)
      .map((participant) => ({ id: participant.id, person: toPerson(participant, names) })),
    closed_at: portal.closedAt?.toISOString() ?? null,
    last_message_at: portal.lastMessageAt.toISOString(),
    unread_count: portal.unreadCount,
    created_by: memberAsPerson(creators, portal.createdByMembershipId),
    created_at: portal.createdAt.toISOString(),
    updated_at: portal.updatedAt.toISOString(),
  }));
}

export async function toPortal(db: Db, principal: Principal, row: PortalRow): Promise<Portal> {
  const [portal] = await toPortals(db, principal, [row]);
  if (!portal) throw new Error('portal not shaped');
  return portal;
}

/** Participant rows as answered, their people named in one go. */
export async function toParticipants(
  db: Db,
  rows: readonly conversationRepo.ParticipantRow[],
): Promise<ConversationParticipant[]> {
  const names = await loadPeopleNames(db, rows);
  return rows.map((row) => ({ id: row.id, person: toPerson(row, names) }));
}
