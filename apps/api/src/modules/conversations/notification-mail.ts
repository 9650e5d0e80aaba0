import { oneLine } from '../../lib/plain-text';
import type { MailMessage } from '../../mail/mailer';
import type { ConversationRow } from './repository';

/** What the unread messages are in: a conversation, or a matter's client portal. */
export interface MessagePlace {
  id: string;
  kind: ConversationRow['kind'];
}

/**
 * Firm users open conversations and portals in Manage, externals in Connect. The link names only
 * the conversation or portal, which the recipient takes part in (it can open it once signed in).
 */
export function messagesLink(publicUrl: string, place: MessagePlace, external: boolean): string {
  const section = place.kind === 'portal' ? 'portals' : 'conversations';
  return `${publicUrl}${external ? '/connect' : ''}/${section}/${place.id}`;
}

/**
 * The mail about unread messages. It says how many there are and where to read them, never
 * what they say or what the conversation or portal is called: mail leaves the firm's control.
 */
export function unreadMessagesMail(details: {
  to: string;
  firmName: string;
  count: number;
  kind: MessagePlace['kind'];
  link: string;
}): MailMessage {
  const firm = oneLine(details.firmName);
  const messages = details.count === 1 ? '1 new message' : `${details.count} new messages`;
  const place = details.kind === 'portal' ? 'client portal' : 'conversation';
  return {
    to: [details.to],
    subject: `${messages} from ${firm} on Chambers`,
    text: [
      'Hello,',
      '',
      `You have ${messages} in a secure ${place} with ${firm} on Chambers.`,
      '',
      'Read and answer them here (you will be asked to sign in):',
      details.link,
      '',
      'For confidentiality, messages are never sent by mail.',
    ].join('\n'),
  };
}
