/** Every route path of Connect (relative to the router's `/connect` basename), in one place. */
export const paths = {
  home: '/',
  signIn: '/sign-in',
  /** Opened from the invitation mail. */
  invitation: '/invitations/:token',
  /** Opened from the mail that confirms a new login email. */
  emailChange: '/email-change/:token',
} as const;

/** Served under this prefix by the API; Vite's `base` and the router's `basename` both use it. */
export const basename = '/connect';

/** Where Manage, the firm's SPA, is served: a full page load away, not a router link. */
export const manageUrl = '/';
