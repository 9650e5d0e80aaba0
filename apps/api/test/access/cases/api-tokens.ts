import { randomBytes } from 'node:crypto';
import { apiTokens } from '../../../src/db/schema/api-tokens';
import { hashToken } from '../../../src/lib/secret-tokens';
import { signIn } from '../../support/sessions';
import { credentials, only, otherFirmAdmins, type RouteCase } from '../route-case';
import { nextIp, type PrincipalKind, principalKinds, type World } from '../world';

const UNKNOWN_ID = '0190a000-0000-7000-8000-0000000000fd';

/** The kinds that hold `api_tokens:manage`: the firms' own users (externals never do). */
const tokenHolders = ['admin', 'attorney', 'staff', ...otherFirmAdmins] as const;
const holdsTokens = (kind: PrincipalKind) => (tokenHolders as readonly PrincipalKind[]).includes(kind);

interface Token {
  id: string;
  secret: string;
}

/**
 * Tokens the rows use: per kind, one to call with and one to revoke; and one of a firm user
 * outside the matrix (Morgan), which nobody in it may see or revoke.
 */
export const apiTokenFixtures = {
  use: {} as Partial<Record<PrincipalKind, Token>>,
  revoke: {} as Partial<Record<PrincipalKind, Token>>,
  foreign: { id: UNKNOWN_ID, secret: '' } as Token,
};

async function create(world: World, headers: Record<string, string>, name: string): Promise<Token> {
  const response = await world.app.inject({
    method: 'POST',
    url: '/api/v1/api_tokens',
    headers,
    payload: { name },
    remoteAddress: nextIp(),
  });
  if (response.statusCode !== 201) throw new Error(`api token: ${response.statusCode} ${response.body}`);
  return response.json().data;
}

async function setup(world: World): Promise<void> {
  for (const kind of tokenHolders) {
    apiTokenFixtures.use[kind] = await create(world, credentials(world, kind), `matrix ${kind}`);
    apiTokenFixtures.revoke[kind] = await create(world, credentials(world, kind), `matrix ${kind} to revoke`);
  }
  const morgan = await signIn(world.app, 'morgan@demo-firm.test', { ip: nextIp() });
  apiTokenFixtures.foreign = await create(world, morgan.auth, 'matrix foreign');
  // The deactivated member's token (made before her deactivation, as it were): it must stop working.
  const membershipId = world.sessions.deactivated_user?.membership.id ?? UNKNOWN_ID;
  const secret = `chm_${randomBytes(32).toString('base64url')}`;
  const [row] = await world.database.db
    .insert(apiTokens)
    .values({
      membershipId,
      name: 'matrix deactivated',
      prefix: secret.slice(0, 10),
      tokenHash: hashToken(secret),
    })
    .returning();
  apiTokenFixtures.use.deactivated_user = { id: row?.id ?? UNKNOWN_ID, secret };
}

/**
 * Calling with an API token instead of a session: the kinds that can hold one use their own; the
 * externals (who cannot) present a made-up one; anonymous callers present none.
 */
export function tokenCredentials(who: PrincipalKind): Record<string, string> {
  if (who === 'anonymous') return {};
  const secret = apiTokenFixtures.use[who]?.secret ?? `chm_${'A'.repeat(43)}`;
  return { authorization: `Bearer ${secret}` };
}

/** What a route answers to an API token: `status` for a working token, 401 for any other. */
const toTokens = (status: number): Record<PrincipalKind, number> =>
  Object.fromEntries(principalKinds.map((kind) => [kind, holdsTokens(kind) ? status : 401])) as Record<
    PrincipalKind,
    number
  >;

/** What a credential route answers to an API token: 403 for a working token, 401 for any other. */
export const refusedToTokens = toTokens(403);

export const apiTokenCases: RouteCase[] = [
  {
    route: 'POST /api/v1/api_tokens',
    setup,
    request: (world, who) => ({
      method: 'POST',
      url: '/api/v1/api_tokens',
      headers: credentials(world, who),
      payload: { name: `matrix row ${who}` },
      remoteAddress: nextIp(),
    }),
    expect: only(tokenHolders, 201),
  },
  {
    route: 'POST /api/v1/api_tokens',
    label: 'with an API token',
    request: (_world, who) => ({
      method: 'POST',
      url: '/api/v1/api_tokens',
      headers: tokenCredentials(who),
      payload: { name: `minted by ${who}'s token` },
      remoteAddress: nextIp(),
    }),
    expect: refusedToTokens,
  },
  {
    route: 'GET /api/v1/api_tokens',
    request: (world, who) => ({ method: 'GET', url: '/api/v1/api_tokens', headers: credentials(world, who) }),
    expect: only(tokenHolders, 200),
  },
  {
    route: 'GET /api/v1/api_tokens',
    label: 'with an API token',
    request: (_world, who) => ({ method: 'GET', url: '/api/v1/api_tokens', headers: tokenCredentials(who) }),
    expect: toTokens(200),
  },
  {
    route: 'GET /api/v1/api_tokens/:id',
    label: 'its own token',
    request: (world, who) => ({
      method: 'GET',
      url: `/api/v1/api_tokens/${(apiTokenFixtures.use[who] ?? apiTokenFixtures.use.admin)?.id}`,
      headers: credentials(world, who),
    }),
    expect: only(tokenHolders, 200),
  },
  {
    route: 'GET /api/v1/api_tokens/:id',
    label: "another firm user's token",
    request: (world, who) => ({
      method: 'GET',
      url: `/api/v1/api_tokens/${apiTokenFixtures.foreign.id}`,
      headers: credentials(world, who),
    }),
    expect: only([], 200),
  },
  {
    route: 'DELETE /api/v1/api_tokens/:id',
    label: "another firm user's token",
    request: (world, who) => ({
      method: 'DELETE',
      url: `/api/v1/api_tokens/${apiTokenFixtures.foreign.id}`,
      headers: credentials(world, who),
    }),
    expect: only([], 204),
  },
  {
    route: 'DELETE /api/v1/api_tokens/:id',
    label: 'its own token',
    request: (world, who) => ({
      method: 'DELETE',
      url: `/api/v1/api_tokens/${(apiTokenFixtures.revoke[who] ?? apiTokenFixtures.foreign).id}`,
      headers: credentials(world, who),
    }),
    expect: only(tokenHolders, 204),
  },
];
