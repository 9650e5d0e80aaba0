/** Every route path of Manage, in one place so links and redirects cannot drift apart. */
export const paths = {
  home: '/',
  signIn: '/sign-in',
} as const;

/** Where Connect, the other SPA, is served: a full page load away, not a router link. */
export const connectUrl = '/connect/';
