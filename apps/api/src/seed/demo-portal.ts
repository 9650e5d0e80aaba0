import { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/database';
import {
  conversationParticipants,
  conversations,
  messageAttachments,
  messages,
} from '../db/schema/conversations';
import { documents, documentVersions, folders } from '../db/schema/documents';
import { portalSharedResources } from '../db/schema/portals';
import type { BlobStore } from '../storage/blob-store';
import { type DemoFolders, demoFolderKey } from './demo-documents';
import { samplePdf } from './sample-pdf';

export interface DemoPortalInput {
  firmId: string;
  /** The lawsuit (Client v. Acme, the practice seed's matter 0) and its root folder. */
  matter: { matterId: string; rootFolderId: string };
  folderIds: DemoFolders;
  /** The demo client (client@client.test): its contact card, the lawsuit's client, and its account. */
  client: { contactId: string; membershipId: string };
  /** The attorney who leads the lawsuit: opens the portal and writes to the client. */
  attorneyMembershipId: string;
}

const HOUR_MS = 3_600_000;
const hoursAgo = (hours: number) => new Date(Date.now() - hours * HOUR_MS);

export const DEMO_PORTAL_NAME = 'Client v. Acme — your case';
/** Where documents a participant uploads into a portal are filed in the matter. */
const UPLOADS_FOLDER = 'Portal uploads';
const SHARED_DOCUMENT = 'Letter to Acme re cure period.pdf';
const CLIENT_UPLOAD = 'Acme delivery schedule (January).pdf';

/**
 * The demo client's portal on the lawsuit, so the client login has something to show on first
 * sign-in: the attorney and the client take part; the Pleadings folder (the complaint) and the
 * letter to Acme are shared into it; the client has answered with the delivery schedule Acme sent
 * it (filed, like any portal upload, in the matter's "Portal uploads" folder and shared into the
 * portal); the attorney's latest message is still unread for the client.
 *
 * Runs after the demo documents: with a blob store the letter exists and the client's upload is
 * stored here; without one the portal has its messages and the shared folder but no documents.
 */
export async function seedDemoPortal(tx: Db, input: DemoPortalInput, blobs?: BlobStore): Promise<void> {
  const { firmId, client, attorneyMembershipId } = input;
  const { matterId } = input.matter;
  const pleadings = input.folderIds.get(demoFolderKey(0, ['Pleadings']));
  if (!pleadings) throw new Error('demo portal: no Pleadings folder');

  const thread = [
    {
      by: attorneyMembershipId,
      at: hoursAgo(72),
      body: 'Welcome to the portal for your case against Acme. The complaint as filed is in the Pleadings folder, and I have shared our letter to Acme about the cure period.',
    },
    {
      by: client.membershipId,
      at: hoursAgo(30),
      body: 'Thank you. Attached is the delivery schedule Acme sent us in January, before the deliveries stopped.',
      attachment: true,
    },
    {
      by: attorneyMembershipId,
      at: hoursAgo(4),
      body: 'Very helpful: it lists every delivery Acme committed to. We will put it to their procurement manager at the deposition.',
    },
  ];
  const first = thread[0]?.at ?? new Date();
  const last = thread.at(-1)?.at ?? first;
  const [portal] = await tx
    .insert(conversations)
    .values({
      firmId,
      kind: 'portal',
      subject: DEMO_PORTAL_NAME,
      matterId,
      createdByMembershipId: attorneyMembershipId,
      lastMessageAt: last,
      createdAt: first,
      updatedAt: last,
    })
    .returning({ id: conversations.id });
  const portalId = portal?.id ?? '';
  // The attorney has read everything; the client read up to its own message, so the last one is unread.
  await tx.insert(conversationParticipants).values([
    {
      firmId,
      conversationId: portalId,
      membershipId: attorneyMembershipId,
      lastReadAt: last,
      createdAt: first,
    },
    {
      firmId,
      conversationId: portalId,
      contactId: client.contactId,
      lastReadAt: thread[1]?.at,
      createdAt: first,
    },
  ]);
  const posted = await tx
    .insert(messages)
    .values(
      thread.map((message) => ({
        firmId,
        conversationId: portalId,
        authorMembershipId: message.by,
        body: message.body,
        createdAt: message.at,
      })),
    )
    .returning({ id: messages.id });

  const [letter] = await tx
    .select({ id: documents.id })
    .from(documents)
    .where(and(eq(documents.matterId, matterId), eq(documents.name, SHARED_DOCUMENT)));
  const upload = blobs ? await storeClientUpload(tx, blobs, input, thread[1]?.at ?? first) : undefined;
  const shared = { firmId, portalId, createdByMembershipId: attorneyMembershipId, createdAt: first };
  await tx
    .insert(portalSharedResources)
    .values([
      { ...shared, resourceType: 'folder', folderId: pleadings },
      ...[letter?.id, upload]
        .filter((id) => id !== undefined)
        .map((documentId) => ({ ...shared, resourceType: 'document' as const, documentId })),
    ]);
  const reply = posted[1]?.id;
  if (upload && reply)
    await tx.insert(messageAttachments).values({ firmId, messageId: reply, documentId: upload });
}

/**
 * The client's upload: a PDF in the matter's "Portal uploads" folder, uploaded by the client at
 * `at`. Its blob is stored before its rows, and deleted again if the rows fail.
 */
async function storeClientUpload(
  tx: Db,
  blobs: BlobStore,
  input: DemoPortalInput,
  at: Date,
): Promise<string> {
  const { firmId, client } = input;
  const { matterId, rootFolderId } = input.matter;
  const bytes = await samplePdf('Delivery schedule - January', [
    'Acme Corp - scheduled deliveries to Client',
    '',
    'January 15: 400 units, loading dock 3',
    'February 15: 400 units, loading dock 3',
    'March 15: 400 units, loading dock 3',
  ]);
  const stored = await blobs.put(Readable.from([bytes]), {
    contentType: 'application/pdf',
    key: blobs.newKey(),
  });
  try {
    const [folder] = await tx
      .insert(folders)
      .values({
        firmId,
        matterId,
        parentId: rootFolderId,
        name: UPLOADS_FOLDER,
        createdByMembershipId: client.membershipId,
      })
      .returning({ id: folders.id });
    const [document] = await tx
      .insert(documents)
      .values({
        firmId,
        matterId,
        folderId: folder?.id ?? '',
        name: CLIENT_UPLOAD,
        uploadedByMembershipId: client.membershipId,
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: documents.id });
    const documentId = document?.id ?? '';
    const [version] = await tx
      .insert(documentVersions)
      .values({
        firmId,
        documentId,
        number: 1,
        status: 'available',
        blobKey: stored.key,
        size: stored.size,
        sha256: stored.sha256,
        contentType: 'application/pdf',
        fileName: CLIENT_UPLOAD,
        uploadedByMembershipId: client.membershipId,
        createdAt: at,
        availableAt: at,
      })
      .returning({ id: documentVersions.id });
    await tx
      .update(documents)
      .set({ currentVersionId: version?.id ?? null })
      .where(eq(documents.id, documentId));
    return documentId;
  } catch (error) {
    await blobs.delete(stored.key).catch(() => {});
    throw error;
  }
}
