import type { Db } from '../db/database';
import { devMail } from '../db/schema/dev-mail';
import type { Mailer, MailMessage } from './mailer';

/** The embedded default: mail is kept in the database and read at /dev/mailbox. */
export function createMailboxMailer(db: Db, from: string): Mailer {
  return {
    transport: 'mailbox',
    async send(message: MailMessage) {
      await db.insert(devMail).values({ from, ...message, html: message.html ?? null });
    },
    async close() {},
  };
}
