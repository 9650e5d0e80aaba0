import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/database';
import { documents, documentVersions, folders } from '../db/schema/documents';
import type { BlobStore } from '../storage/blob-store';
import { captionedJpeg, gradientPng } from './sample-images';
import { samplePdf } from './sample-pdf';

type Uploader = 'admin' | 'attorney' | 'staff' | 'morgan';

export interface DemoDocumentsInput {
  firmId: string;
  /** The demo matters in the practice seed's order, each with its root folder. */
  matters: ReadonlyArray<{ matterId: string; rootFolderId: string }>;
  memberships: Record<Uploader, string>;
}

interface DemoFile {
  fileName: string;
  contentType: string;
  daysAgo: number;
  bytes: () => Promise<Buffer> | Buffer;
}

const DAY_MS = 86_400_000;

/** What the demo matters hold: [matter index, folder path under the root, document name, versions]. */
const demoDocuments: ReadonlyArray<{
  matter: number;
  path: readonly string[];
  name: string;
  by: Uploader;
  versions: readonly DemoFile[];
}> = [
  {
    matter: 0,
    path: ['Pleadings'],
    name: 'Complaint.pdf',
    by: 'attorney',
    versions: [
      {
        fileName: 'Complaint - draft.pdf',
        contentType: 'application/pdf',
        daysAgo: 60,
        bytes: () =>
          samplePdf('Complaint (DRAFT) - Client v. Acme Corp', [
            'UNITED STATES DISTRICT COURT, SOUTHERN DISTRICT OF NEW YORK',
            '',
            '1. Plaintiff and Acme Corp entered into a supply contract on January 5.',
            '2. In March, Acme stopped deliveries without notice.',
            '3. [Damages section to be completed.]',
          ]),
      },
      {
        fileName: 'Complaint - as filed.pdf',
        contentType: 'application/pdf',
        daysAgo: 58,
        bytes: () =>
          samplePdf('Complaint - Client v. Acme Corp', [
            'UNITED STATES DISTRICT COURT, SOUTHERN DISTRICT OF NEW YORK',
            '',
            '1. Plaintiff and Acme Corp entered into a supply contract on January 5.',
            '2. In March, Acme stopped deliveries without notice or the 60-day cure period.',
            '3. Plaintiff covered at higher prices and claims the difference as damages.',
            '',
            'WHEREFORE, Plaintiff demands judgment against Acme Corp.',
          ]),
      },
    ],
  },
  {
    matter: 0,
    path: ['Correspondence'],
    name: 'Letter to Acme re cure period.pdf',
    by: 'attorney',
    versions: [
      {
        fileName: 'Letter to Acme re cure period.pdf',
        contentType: 'application/pdf',
        daysAgo: 95,
        bytes: () =>
          samplePdf('Notice of breach', [
            'Dear Counsel,',
            '',
            'Our client has received no deliveries since March 1. Under section 14 of the',
            'supply contract Acme had 60 days to cure; that period has run.',
            '',
            'Sincerely, Ari Attorney, Demo Firm LLP',
          ]),
      },
    ],
  },
  {
    matter: 0,
    path: ['Evidence', 'Photos'],
    name: 'Loading dock - March 14.jpg',
    by: 'staff',
    versions: [
      {
        fileName: 'IMG_0314.jpg',
        contentType: 'image/jpeg',
        daysAgo: 90,
        bytes: () => captionedJpeg(960, 640, 'Loading dock 3 - empty, March 14'),
      },
    ],
  },
  {
    matter: 4,
    path: ['Correspondence'],
    name: 'Demand letter to Metro Transit.pdf',
    by: 'attorney',
    versions: [
      {
        fileName: 'Demand letter to Metro Transit.pdf',
        contentType: 'application/pdf',
        daysAgo: 40,
        bytes: () =>
          samplePdf('Demand for settlement', [
            'Re: Jonas Whitfield - incident of last October on Route 12',
            '',
            'Our client suffered a fractured wrist and lost three weeks of work.',
            'We demand settlement of his medical costs and lost wages within 30 days.',
          ]),
      },
    ],
  },
  {
    matter: 4,
    path: ['Evidence', 'Photos'],
    name: 'Light at the bus stop, 6 pm.png',
    by: 'attorney',
    versions: [
      {
        fileName: 'dusk-reference.png',
        contentType: 'image/png',
        daysAgo: 140,
        bytes: () => gradientPng(800, 500, [24, 32, 72], [236, 146, 72]),
      },
    ],
  },
];

/** The demo folders, keyed by `demoFolderKey`. */
export type DemoFolders = ReadonlyMap<string, string>;

/** The key of the folder at `path` under a demo matter's root, e.g. `0/Evidence/Photos`. */
export const demoFolderKey = (matter: number, path: readonly string[]) => `${matter}/${path.join('/')}`;

/**
 * The folders the demo documents go in (and their parents), under their matters' roots. Made with
 * or without a blob store, so what the demo shares does not depend on where files are stored.
 */
export async function seedDemoFolders(tx: Db, input: DemoDocumentsInput): Promise<DemoFolders> {
  const made = new Map<string, string>();
  for (const plan of demoDocuments) {
    const matter = input.matters[plan.matter];
    if (!matter) throw new Error(`demo folders: no matter ${plan.matter}`);
    let parentId = matter.rootFolderId;
    for (const [depth, name] of plan.path.entries()) {
      const key = demoFolderKey(plan.matter, plan.path.slice(0, depth + 1));
      let id = made.get(key);
      if (!id) {
        const [folder] = await tx
          .insert(folders)
          .values({
            firmId: input.firmId,
            matterId: matter.matterId,
            parentId,
            name,
            createdByMembershipId: input.memberships.attorney,
          })
          .returning({ id: folders.id });
        if (!folder) throw new Error('demo folder insert returned no row');
        id = folder.id;
        made.set(key, id);
      }
      parentId = id;
    }
  }
  return made;
}

/**
 * Documents (PDFs and images generated here) in the demo folders, one with two versions. Runs
 * inside the seed's transaction: each blob is stored first and its rows inserted after, so the
 * rows never name a missing blob. If this step fails, the blobs it wrote are deleted again; only a
 * process dying before the seed commits could leave a few small unowned blobs.
 */
export async function seedDemoDocuments(
  tx: Db,
  blobs: BlobStore,
  input: DemoDocumentsInput,
  folderIds: DemoFolders,
): Promise<void> {
  const written: string[] = [];
  try {
    for (const plan of demoDocuments) {
      const matter = input.matters[plan.matter];
      const folderId = folderIds.get(demoFolderKey(plan.matter, plan.path));
      if (!matter || !folderId) throw new Error(`demo documents: no folder for ${plan.name}`);
      const uploader = input.memberships[plan.by];
      const first = plan.versions[0]?.daysAgo ?? 0;
      const last = plan.versions.at(-1)?.daysAgo ?? 0;
      const [document] = await tx
        .insert(documents)
        .values({
          firmId: input.firmId,
          matterId: matter.matterId,
          folderId,
          name: plan.name,
          uploadedByMembershipId: uploader,
          createdAt: daysAgo(first),
          updatedAt: daysAgo(last),
        })
        .returning({ id: documents.id });
      if (!document) throw new Error('demo document insert returned no row');

      let currentVersionId = '';
      for (const [index, file] of plan.versions.entries()) {
        const bytes = await file.bytes();
        const stored = await blobs.put(Readable.from([bytes]), {
          contentType: file.contentType,
          key: blobs.newKey(),
        });
        written.push(stored.key);
        const [version] = await tx
          .insert(documentVersions)
          .values({
            firmId: input.firmId,
            documentId: document.id,
            number: index + 1,
            status: 'available',
            blobKey: stored.key,
            size: stored.size,
            sha256: stored.sha256,
            contentType: file.contentType,
            fileName: file.fileName,
            uploadedByMembershipId: uploader,
            createdAt: daysAgo(file.daysAgo),
            availableAt: daysAgo(file.daysAgo),
          })
          .returning({ id: documentVersions.id });
        currentVersionId = version?.id ?? '';
      }
      await tx
        .update(documents)
        .set({ currentVersionId, updatedAt: daysAgo(last) })
        .where(eq(documents.id, document.id));
    }
  } catch (error) {
    await Promise.all(written.map((key) => blobs.delete(key).catch(() => {})));
    throw error;
  }
}

const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);
