import type { MailMessage } from '../../mail/mailer';

/** The mails of the email-change flow. They name no firm: a login belongs to a person, not a firm. */

export function confirmationMail(to: string, name: string, link: string): MailMessage {
  return {
    to: [to],
    subject: 'Confirm your new Chambers login email',
    text: [
      `Hello ${name},`,
      '',
      'You asked to use this address to sign in to Chambers. To confirm, open this link within 24 hours:',
      '',
      link,
      '',
      'Until you do, nothing changes: you keep signing in with your current address.',
      'If you did not ask for this, ignore this mail.',
    ].join('\n'),
  };
}

/** To an address that already signs in to Chambers: someone tried to make it another account's login. */
export function addressInUseMail(to: string): MailMessage {
  return {
    to: [to],
    subject: 'Someone tried to use your address for another Chambers login',
    text: [
      'Hello,',
      '',
      'Someone signed in to Chambers asked to make this address the login email of their account.',
      'This address already signs in to a Chambers account, so nothing was changed and no link was sent.',
      '',
      'If this was you, you already have a Chambers login with this address: sign in with it instead.',
      'If it was not you, you need not do anything.',
    ].join('\n'),
  };
}

/** To the old address once the change is confirmed: the owner learns of it even if it was not them. */
export function emailChangedMail(to: string, name: string, newEmail: string): MailMessage {
  return {
    to: [to],
    subject: 'Your Chambers login email was changed',
    text: [
      `Hello ${name},`,
      '',
      `The login email of your Chambers account was changed from this address to ${newEmail}.`,
      'From now on you sign in with the new address; your password is unchanged.',
      '',
      'If you did not make this change, someone who knows your password did: contact the firm you work',
      'with at once.',
    ].join('\n'),
  };
}
