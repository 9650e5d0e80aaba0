import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database';
import { enqueueJob, enqueueMail, withWaitingJob } from '../../jobs/job-queue';
import { messagesLink, unreadMessagesMail } from './notification-mail';
import * as peopleRepo from './people-repository';
import * as repo from './repository';

/**
 * Batched mail about unread messages, without a column of its own:
 *
 * - The pending marker is the outbox row itself. Posting a message enqueues (in the posting
 *   transaction) a `conversation.notify` job for each other participant that has none waiting,
 *   due `CONVERSATION_NOTIFY_DELAY_SECONDS` later. Messages posted before it runs find it waiting
 *   and add nothing: they share its one mail, which is the batching.
 * - The job mails about the participant's messages that are neither read (`last_read_at`) nor
 *   already mailed about (`notified_at`). None — it read them in time — means no mail. Otherwise
 *   one mail saying how many, and `notified_at` moves to the newest message counted.
 * - A job a worker has claimed no longer counts as waiting (it may have counted already), so a
 *   message posted while it runs gets a job of its own. Jobs lock the participant row, so two
 *   never mail about the same messages; the second finds nothing new.
 * - Posting holds the conversation row (FOR UPDATE) from before it stamps the message until it
 *   commits, and a job holds it (FOR SHARE) while it counts: a job never counts past a message
 *   that is still being posted, so `notified_at` cannot skip one.
 */

/** Enqueues the notification job of each participant that has none waiting. */
export async function scheduleNotifications(
  tx: Db,
  delaySeconds: number,
  participantIds: readonly string[],
): Promise<void> {
  const waiting = await withWaitingJob(tx, 'conversation.notify', 'participant_id', participantIds);
  const runAt = new Date(Date.now() + delaySeconds * 1000);
  for (const participantId of participantIds) {
    if (!waiting.has(participantId)) {
      await enqueueJob(tx, 'conversation.notify', { participant_id: participantId }, { runAt });
    }
  }
}

/**
 * The `conversation.notify` job (conversations and portals alike): one mail about what the
 * participant has not read, if anything, linking to where it reads them.
 */
export async function notifyParticipant(app: FastifyInstance, participantId: string): Promise<void> {
  await app.database.db.transaction(async (tx) => {
    // Removed since: nothing to say, and no longer anyone to say it to.
    const found = await repo.findParticipantById(tx, participantId);
    if (!found) return;
    await repo.lockConversation(tx, found.conversationId, 'share');
    const participant = await repo.findParticipant(
      tx,
      { conversationId: found.conversationId, participantId },
      true,
    );
    if (!participant) return;
    const { count, newest } = await repo.unnotifiedMessages(tx, participant);
    if (count === 0 || !newest) return;
    const recipient = await peopleRepo.recipientOf(tx, participant);
    const kind = await repo.conversationKind(tx, participant.conversationId);
    if (!recipient || !kind) return;
    await enqueueMail(
      tx,
      unreadMessagesMail({
        to: recipient.email,
        firmName: recipient.firmName,
        count,
        kind,
        link: messagesLink(
          app.config.publicUrl,
          { id: participant.conversationId, kind },
          participant.contactId !== null,
        ),
      }),
    );
    await repo.setNotifiedAt(tx, participant.id, newest);
  });
}
