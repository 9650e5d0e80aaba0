import { generatePath } from 'react-router';

/** Every route path of Connect (relative to the router's `/connect` basename), in one place. */
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
  profile: '/profile',
  calendar: '/calendar',
  tasks: '/tasks',
  matters: '/matters',
  matter: '/matters/:id',
  activities: '/activities',
  documents: '/documents',
  /** Conversations with the firm (the "Communications" tab); mail links open one of them. */
  conversations: '/conversations',
  conversation: '/conversations/:id',
  /** A client portal; mail links open one. */
  portal: '/portals/:id',
} as const;

/** Links to one record's page. */
export const pathTo = {
  matter: (id: string) => generatePath(paths.matter, { id }),
  conversation: (id: string) => generatePath(paths.conversation, { id }),
  portal: (id: string) => generatePath(paths.portal, { id }),
};

/** Served under this prefix by the API; Vite's `base` and the router's `basename` both use it. */
export const basename = '/connect';

/** Where Manage, the firm's SPA, is served: a full page load away, not a router link. */
export const manageUrl = '/';
