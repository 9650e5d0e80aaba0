import type { MailMessage } from '../../mail/mailer';

/** The mails of the password reset flow. Like the email-change mails they name no firm. */

export function resetLinkMail(to: string, name: string, link: string, validMinutes: number): MailMessage {
  return {
    to: [to],
    subject: 'Reset your Chambers password',
    text: [
      `Hello ${name},`,
      '',
      `Someone asked to reset the password of the Chambers login ${to}. To choose a new password, open this link within ${validMinutes} minutes:`,
      '',
      link,
      '',
      'The link works once. Until you use it, your current password keeps working.',
      'If you did not ask for this, ignore this mail.',
    ].join('\n'),
  };
}

/** After a reset: the owner learns of it even if it was not them. */
export function passwordChangedMail(to: string, name: string): MailMessage {
  return {
    to: [to],
    subject: 'Your Chambers password was changed',
    text: [
      `Hello ${name},`,
      '',
      'The password of your Chambers login was just reset with a link mailed to this address.',
      'Every device that was signed in has been signed out; sign in again with the new password.',
      '',
      'If you did not do this, someone who can read your mail did: reset your password again at once',
      'and contact the firm you work with.',
    ].join('\n'),
  };
}
