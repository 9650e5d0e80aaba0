export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
  html?: string;
}

/** Delivers one mail now. Callers do not use this directly: they enqueue a `mail.send` job. */
export interface Mailer {
  readonly transport: 'mailbox' | 'smtp';
  send(message: MailMessage): Promise<void>;
  close(): Promise<void>;
}
