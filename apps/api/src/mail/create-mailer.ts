import type { MailConfig } from '../config/config';
import type { Db } from '../db/database';
import { createMailboxMailer } from './mailbox-mailer';
import type { Mailer } from './mailer';
import { createSmtpMailer } from './smtp-mailer';

export function createMailer(config: MailConfig, db: Db): Mailer {
  return config.transport === 'smtp'
    ? createSmtpMailer(config.url, config.from)
    : createMailboxMailer(db, config.from);
}
