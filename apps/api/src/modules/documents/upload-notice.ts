import { isExternal, type Principal } from '../../auth/principal';
import type { Db } from '../../db/database';
import { enqueueMail } from '../../jobs/job-queue';
import { oneLine } from '../../lib/plain-text';
import type { MailMessage } from '../../mail/mailer';
import { loadMembersAsPeople, memberAsPerson } from '../practice/members-as-people';
import * as repo from './repository';

/** Where Manage shows a matter's documents. */
function matterDocumentsLink(publicUrl: string, matterId: string): string {
  return `${publicUrl}/matters/${matterId}/documents`;
}

/**
 * The firm's notice of an external's upload: who, how many files, which matter, and a link. Never
 * a file's name or content — the mail leaves the firm's control, the documents stay behind the link.
 */
function uploadNoticeMail(details: {
  to: string[];
  uploaderName: string;
  files: number;
  matter: { number: string; description: string };
  link: string;
}): MailMessage {
  const who = oneLine(details.uploaderName) || 'Co-counsel';
  const files = `${details.files} file${details.files === 1 ? '' : 's'}`;
  const matter = `${oneLine(details.matter.number)} – ${oneLine(details.matter.description)}`;
  return {
    to: details.to,
    subject: `${who} uploaded ${files} to ${matter}`,
    text: [
      'Hello,',
      '',
      `${who}, from outside the firm, uploaded ${files} to the matter ${matter}.`,
      '',
      'See them in Chambers Manage:',
      details.link,
      '',
      "You receive this as the matter's responsible attorney (or, when it has none, as an administrator of the firm).",
    ].join('\n'),
  };
}

/**
 * Tells the firm that an external uploaded `files` files to a matter: one mail per upload request,
 * to the matter's responsible attorney, or to the firm's admins when it has none (or they left).
 * Enqueued in the upload's transaction, so it goes if and only if the documents were made. Firm
 * users' own uploads notify nobody.
 */
export async function noticeExternalUpload(
  tx: Db,
  publicUrl: string,
  principal: Principal,
  upload: { matterId: string; files: number },
): Promise<void> {
  if (!isExternal(principal.role)) return;
  const matter = await repo.findMatterHeading(tx, upload.matterId);
  if (!matter) throw new Error(`matter ${upload.matterId} of an upload vanished`);
  const responsible = matter.responsibleAttorneyId
    ? await repo.activeFirmUserEmails(tx, matter.firmId, matter.responsibleAttorneyId)
    : [];
  const to = responsible.length > 0 ? responsible : await repo.activeAdminEmails(tx, matter.firmId);
  if (to.length === 0) return;
  const uploaders = await loadMembersAsPeople(tx, [principal.membershipId]);
  await enqueueMail(
    tx,
    uploadNoticeMail({
      to,
      uploaderName: memberAsPerson(uploaders, principal.membershipId).name,
      files: upload.files,
      matter,
      link: matterDocumentsLink(publicUrl, matter.id),
    }),
  );
}
