import type { MembershipRole } from '@chambers/contracts/auth';

/** Who is calling: one identity acting as one of its memberships, through a session or an API token. */
export interface Principal {
  identityId: string;
  membershipId: string;
  firmId: string;
  role: MembershipRole;
  /** Set for externals (co-counsel and clients): their contact record in the firm. */
  contactId: string | null;
  sessionId: string | null;
  apiTokenId: string | null;
}

/** The roles of people outside the firm, who work in Connect. */
export const EXTERNAL_ROLES: readonly MembershipRole[] = ['co_counsel', 'client'];

export function isExternal(role: MembershipRole): boolean {
  return EXTERNAL_ROLES.includes(role);
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authentication hook on every route that is not public. */
    principal: Principal | null;
  }
}
