import { connectToApi } from '@chambers/api-client/api-connection';

/** This app's session, API client and session renewal (see `connectToApi`). */
export const { sessionStore, api, sessionRenewal, restoredSession } = connectToApi();
