import type { Principal } from '../../auth/principal';
import type { Db } from '../../db/database';
import { actedBy, recordAudit } from '../audit/audit-log';
import type { PersonColumns } from '../practice/people';
import * as repo from './repository';

/**
 * Adds one person to a conversation or portal and audits it: a firm user adding a participant,
 * or a firm user joining by posting. `details` says which.
 */
export async function joinConversation(
  tx: Db,
  principal: Principal,
  conversation: repo.ConversationRow,
  person: PersonColumns,
  audit: { ip: string; details: Record<string, unknown> },
): Promise<repo.ParticipantRow> {
  const [participant] = await repo.insertParticipants(tx, [
    { firmId: conversation.firmId, conversationId: conversation.id, ...person },
  ]);
  if (!participant) throw new Error('participant not inserted');
  await recordAudit(tx, {
    action: conversation.kind === 'portal' ? 'portal.participant_added' : 'conversation.participant_added',
    ...actedBy(principal),
    objectType: conversation.kind,
    objectId: conversation.id,
    ip: audit.ip,
    details: { participant_id: participant.id, ...audit.details },
  });
  return participant;
}
