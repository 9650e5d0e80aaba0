import type { CommunicationType } from '@chambers/contracts/communications';
import { and, eq, exists, gt, gte, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { communicationParticipants, communications } from '../../db/schema/communications';
import type { PersonColumns } from '../practice/people';

export type CommunicationRow = typeof communications.$inferSelect;
export type ParticipantRow = typeof communicationParticipants.$inferSelect;
export type ParticipantRole = ParticipantRow['role'];

/** Logs within `scope` (the policy's), in id order, after `afterId`. */
export function listCommunications(
  db: Db,
  scope: SQL,
  options: {
    limit: number;
    afterId?: string;
    matterId?: string;
    type?: CommunicationType;
    contactId?: string;
    updatedSince?: Date;
  },
) {
  const { contactId } = options;
  return db
    .select()
    .from(communications)
    .where(
      and(
        scope,
        options.matterId ? eq(communications.matterId, options.matterId) : undefined,
        options.type ? eq(communications.type, options.type) : undefined,
        contactId
          ? exists(
              db
                .select({ id: communicationParticipants.id })
                .from(communicationParticipants)
                .where(
                  and(
                    eq(communicationParticipants.communicationId, communications.id),
                    eq(communicationParticipants.contactId, contactId),
                  ),
                ),
            )
          : undefined,
        options.updatedSince ? gte(communications.updatedAt, options.updatedSince) : undefined,
        options.afterId ? gt(communications.id, options.afterId) : undefined,
      ),
    )
    .orderBy(communications.id)
    .limit(options.limit);
}

export async function findCommunication(db: Db, scope: SQL, communicationId: string) {
  const [row] = await db
    .select()
    .from(communications)
    .where(and(scope, eq(communications.id, communicationId)))
    .limit(1);
  return row ?? null;
}

/** The senders and receivers of several logs in one query, each log's in the order they were given. */
export function listParticipants(db: Db, communicationIds: string[]): Promise<ParticipantRow[]> {
  if (communicationIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(communicationParticipants)
    .where(inArray(communicationParticipants.communicationId, communicationIds))
    .orderBy(communicationParticipants.id);
}

export async function insertCommunication(
  db: Db,
  values: typeof communications.$inferInsert,
): Promise<CommunicationRow> {
  const [row] = await db.insert(communications).values(values).returning();
  if (!row) throw new Error('communication not inserted');
  return row;
}

export async function updateCommunication(
  db: Db,
  communicationId: string,
  values: Partial<
    Pick<typeof communications.$inferInsert, 'type' | 'subject' | 'body' | 'occurredAt' | 'updatedAt'>
  >,
): Promise<CommunicationRow> {
  const [row] = await db
    .update(communications)
    .set(values)
    .where(eq(communications.id, communicationId))
    .returning();
  if (!row) throw new Error('communication vanished');
  return row;
}

/**
 * Replaces one list (senders or receivers) of a log. The rows are inserted in the given order;
 * their time-ordered ids keep that order when read back.
 */
export async function replaceParticipants(
  db: Db,
  communication: Pick<CommunicationRow, 'id' | 'firmId'>,
  role: ParticipantRole,
  people: PersonColumns[],
): Promise<void> {
  await db
    .delete(communicationParticipants)
    .where(
      and(
        eq(communicationParticipants.communicationId, communication.id),
        eq(communicationParticipants.role, role),
      ),
    );
  if (people.length === 0) return;
  await db.insert(communicationParticipants).values(
    people.map((person) => ({
      firmId: communication.firmId,
      communicationId: communication.id,
      role,
      ...person,
    })),
  );
}

export async function deleteCommunication(db: Db, communicationId: string): Promise<void> {
  await db.delete(communications).where(eq(communications.id, communicationId));
}
