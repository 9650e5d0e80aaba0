import type { ShareResourceType } from '@chambers/contracts/shares';
import { oneLine } from '../../lib/plain-text';
import type { MailMessage } from '../../mail/mailer';

/**
 * Where the notice sends its reader: Connect's home, which lists what is shared with the account
 * the reader signs in as (Connect has no page per shared resource to link to).
 */
export const connectHomeLink = (publicUrl: string) => `${publicUrl}/connect/`;

/**
 * The mail telling co-counsel who already has an account that something more was shared with it:
 * who shared what, and a link. Never the content itself: that stays behind sign-in.
 */
export function shareNoticeMail(details: {
  to: string;
  sharerName: string;
  firmName: string;
  resource: { type: ShareResourceType; name: string };
  link: string;
}): MailMessage {
  const sharer = oneLine(details.sharerName);
  const firm = oneLine(details.firmName);
  const { type } = details.resource;
  return {
    to: [details.to],
    subject: `${sharer} of ${firm} shared a ${type} with you on Chambers`,
    text: [
      'Hello,',
      '',
      `${sharer} of ${firm} shared the ${type} "${oneLine(details.resource.name)}" with you.`,
      '',
      'Open it in Chambers Connect (sign in as your account at this firm):',
      details.link,
      '',
      `You receive this because ${firm} works with you as co-counsel.`,
    ].join('\n'),
  };
}
