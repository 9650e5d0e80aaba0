/** Every route path of Manage, in one place so links and redirects cannot drift apart. */
export const paths = {
  home: '/',
  signIn: '/sign-in',
  /** Asks for a password reset mail. */
  forgotPassword: '/forgot-password',
  /** Opened from the password reset mail. */
  passwordReset: '/password-reset/:token',
  /** Opened from the invitation mail. */
  invitation: '/invitations/:token',
  /** Opened from the mail that confirms a new login email. */
  emailChange: '/email-change/:token',
} as const;

/** Where Connect, the other SPA, is served: a full page load away, not a router link. */
export const connectUrl = '/connect/';
