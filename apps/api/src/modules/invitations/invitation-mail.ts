import type { MembershipRole } from '@chambers/contracts/auth';
import { isExternal } from '../../auth/principal';
import { oneLine } from '../../lib/plain-text';
import type { MailMessage } from '../../mail/mailer';

const roleWords: Record<MembershipRole, string> = {
  admin: 'an administrator',
  attorney: 'an attorney',
  staff: 'a staff member',
  co_counsel: 'co-counsel',
  client: 'a client',
};

/** Externals land in Connect, firm users in Manage. */
export function invitationLink(publicUrl: string, role: MembershipRole, token: string): string {
  return `${publicUrl}${isExternal(role) ? '/connect' : ''}/invitations/${token}`;
}

/** The invitation mail: who invited whom, to which firm, in which role, and to see what. */
export function invitationMail(details: {
  to: string;
  inviteeName?: string;
  inviterName: string;
  inviterEmail: string;
  firmName: string;
  role: MembershipRole;
  resource?: { type: string; label: string };
  link: string;
  expiresAt: Date;
}): MailMessage {
  const inviter = oneLine(details.inviterName);
  const firm = oneLine(details.firmName);
  const greeting = details.inviteeName ? `Hello ${oneLine(details.inviteeName)},` : 'Hello,';
  const what = details.resource
    ? ` and shared the ${details.resource.type.replaceAll('_', ' ')} "${oneLine(details.resource.label)}" with you`
    : '';
  const app = isExternal(details.role) ? 'Chambers Connect' : 'Chambers Manage';
  return {
    to: [details.to],
    subject: `${inviter} invited you to ${firm} on Chambers`,
    text: [
      greeting,
      '',
      `${inviter} (${details.inviterEmail}) of ${firm} invited you (${details.to}) to ${app} as ${roleWords[details.role]}${what}.`,
      '',
      'Accept the invitation here:',
      details.link,
      '',
      `The link works once and expires on ${details.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
      'If you already sign in to Chambers with this address, accept with your current password.',
      'If you did not expect this invitation, ignore this mail.',
    ].join('\n'),
  };
}
