import { createAuthApi } from '@chambers/ui/auth-api';
import { api, sessionRenewal } from '../../../lib/api-client';
import { paths } from '../../../lib/paths';

/** Manage's binding of the signed-in person's endpoints (`GET /me`, memberships, switch, logout). */
export const authApi = createAuthApi({ api, sessionRenewal, paths });
