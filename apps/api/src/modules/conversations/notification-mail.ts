import { oneLine } from '../../lib/plain-text';
import type { MailMessage } from '../../mail/mailer';

/**
 * Firm users open conversations in Manage, externals in Connect. The link names only the
 * conversation, which the recipient takes part in (it can open it once signed in).
 */
export function conversationLink(publicUrl: string, conversationId: string, external: boolean): string {
  return `${publicUrl}${external ? '/connect' : ''}/conversations/${conversationId}`;
}

/**
 * The mail about unread messages. It says how many there are and where to read them, never
 * what they say or what the conversation is called: mail leaves the firm's control.
 */
export function unreadMessagesMail(details: {
  to: string;
  firmName: string;
  count: number;
  link: string;
}): MailMessage {
  const firm = oneLine(details.firmName);
  const messages = details.count === 1 ? '1 new message' : `${details.count} new messages`;
  return {
    to: [details.to],
    subject: `${messages} from ${firm} on Chambers`,
    text: [
      'Hello,',
      '',
      `You have ${messages} in a secure conversation with ${firm} on Chambers.`,
      '',
      'Read and answer them here (you will be asked to sign in):',
      details.link,
      '',
      'For confidentiality, messages are never sent by mail.',
    ].join('\n'),
  };
}
