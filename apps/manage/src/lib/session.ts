import { createSessionStore } from '@chambers/api-client/session-store';

/** This tab's session. In memory only: see `createSessionStore`. */
export const sessionStore = createSessionStore();
