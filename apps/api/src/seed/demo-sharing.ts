import type { Db } from '../db/database';
import { conversationParticipants, conversations, messages } from '../db/schema/conversations';
import { shares } from '../db/schema/shares';
import { type DemoFolders, demoFolderKey } from './demo-documents';

export interface DemoSharingInput {
  firmId: string;
  /** The demo matters in the practice seed's order. */
  matterIds: readonly string[];
  folderIds: DemoFolders;
  /** The demo co-counsel (cocounsel@outside-counsel.test): its contact card and its account. */
  coCounsel: { contactId: string; membershipId: string };
  /** The attorney who leads the lawsuit: shares it and writes to co-counsel. */
  attorneyMembershipId: string;
}

const HOUR_MS = 3_600_000;
const hoursAgo = (hours: number) => new Date(Date.now() - hours * HOUR_MS);

/**
 * What the demo firm shares with its co-counsel, so Connect has something to show on first
 * sign-in: the lawsuit (matter 0, Client v. Acme) and the personal-injury case (matter 4,
 * Whitfield), on both of which it is listed as co-counsel; the lawsuit's Pleadings folder (the
 * complaint), while the lawsuit's other folders stay unshared, because a matter share does not
 * open its documents; and a conversation about the lawsuit with one reply it has not read yet.
 * Its upcoming events and assigned tasks are the practice seed's, on the lawsuit.
 *
 * Deliberately NOT shared: matter 9, the same client's commercial lease renewal. Co-counsel sees
 * that client's card through the lawsuit but must not see the client's other matter.
 */
export async function seedDemoSharing(tx: Db, input: DemoSharingInput): Promise<void> {
  const { firmId, coCounsel, attorneyMembershipId } = input;
  const matter = (index: number) => input.matterIds[index] ?? '';
  const pleadings = input.folderIds.get(demoFolderKey(0, ['Pleadings']));
  if (!pleadings) throw new Error('demo sharing: no Pleadings folder');
  const shareWith = { firmId, contactId: coCounsel.contactId, createdByMembershipId: attorneyMembershipId };
  await tx.insert(shares).values([
    { ...shareWith, resourceType: 'matter', matterId: matter(0) },
    { ...shareWith, resourceType: 'matter', matterId: matter(4) },
    { ...shareWith, resourceType: 'folder', folderId: pleadings },
  ]);

  const thread = [
    {
      by: attorneyMembershipId,
      at: hoursAgo(50),
      body: 'Cora, could you take the deposition of the Acme procurement manager? The complaint is in the Pleadings folder I shared with you.',
    },
    {
      by: coCounsel.membershipId,
      at: hoursAgo(26),
      body: 'Happy to. I will send an outline by Friday. Could you also send the March emails between Acme procurement and its other suppliers?',
    },
    {
      by: attorneyMembershipId,
      at: hoursAgo(3),
      body: 'Yes, I will add them to the shared folder this week.',
    },
  ];
  const first = thread[0]?.at ?? new Date();
  const last = thread.at(-1)?.at ?? first;
  const [conversation] = await tx
    .insert(conversations)
    .values({
      firmId,
      subject: 'Deposition of the Acme procurement manager',
      matterId: matter(0),
      createdByMembershipId: attorneyMembershipId,
      lastMessageAt: last,
      createdAt: first,
      updatedAt: last,
    })
    .returning({ id: conversations.id });
  const conversationId = conversation?.id ?? '';
  await tx.insert(messages).values(
    thread.map((message) => ({
      firmId,
      conversationId,
      authorMembershipId: message.by,
      body: message.body,
      createdAt: message.at,
    })),
  );
  // The attorney has read everything; co-counsel read up to its own reply, so the last one is unread.
  await tx.insert(conversationParticipants).values([
    { firmId, conversationId, membershipId: attorneyMembershipId, lastReadAt: last, createdAt: first },
    {
      firmId,
      conversationId,
      contactId: coCounsel.contactId,
      lastReadAt: thread[1]?.at ?? first,
      createdAt: first,
    },
  ]);
}
