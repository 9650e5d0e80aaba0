import { createSessionStore } from '@chambers/ui/session';

/** This tab's session. In memory only: see `createSessionStore`. */
export const sessionStore = createSessionStore();
