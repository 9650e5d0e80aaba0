import type { ConversationParticipant } from '@chambers/contracts/conversations';
import type { Portal } from '@chambers/contracts/portals';
import type { Principal } from '../../auth/principal';
import type { Db } from '../../db/database';
import { toConversations } from '../conversations/answers';
import type * as conversationRepo from '../conversations/repository';
import { loadPeopleNames, toPerson } from '../practice/people';
import type { PortalRow } from './access';

/**
 * Portals as answered: a portal conversation shaped as a conversation (participants, unread count,
 * the matter masked for externals), its subject answered as its name, plus when it was closed.
 */
export async function toPortals(db: Db, principal: Principal, rows: readonly PortalRow[]): Promise<Portal[]> {
  const shaped = await toConversations(db, principal, rows);
  return shaped.map(({ subject, ...conversation }, index) => ({
    ...conversation,
    name: subject,
    closed_at: rows[index]?.closedAt?.toISOString() ?? null,
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
