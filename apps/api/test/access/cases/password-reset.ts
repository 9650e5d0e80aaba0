import { identities } from '../../../src/db/schema/identities';
import { passwordResets } from '../../../src/db/schema/password-resets';
import { hashToken, newSecretToken } from '../../../src/lib/secret-tokens';
import { credentials, everyone, type RouteCase } from '../route-case';
import { nextIp, type PrincipalKind, principalKinds, type World } from '../world';

/**
 * Both routes are public: anyone may ask, and the link's token is the credential. Each kind spends
 * one live link of a person outside the matrix, so no matrix login changes.
 */
const links = {} as Partial<Record<PrincipalKind, string>>;

async function setup(world: World): Promise<void> {
  for (const kind of principalKinds) {
    const [identity] = await world.database.db
      .insert(identities)
      .values({ email: `matrix-reset-${kind}@example.test`, name: 'Matrix Forgetter' })
      .returning();
    const token = newSecretToken();
    await world.database.db.insert(passwordResets).values({
      identityId: identity?.id ?? '',
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + 3600_000),
    });
    links[kind] = token;
  }
}

const confirmRequest = (world: World, who: PrincipalKind) => ({
  method: 'POST' as const,
  url: '/api/v1/auth/password_reset/confirm',
  headers: credentials(world, who),
  payload: { token: links[who], password: 'a matrix passphrase' },
  remoteAddress: nextIp(),
});

export const passwordResetCases: RouteCase[] = [
  {
    route: 'POST /api/v1/auth/password_reset',
    setup,
    request: (world, who) => ({
      method: 'POST',
      url: '/api/v1/auth/password_reset',
      headers: credentials(world, who),
      payload: { email: `matrix-reset-${who}@example.test` },
      remoteAddress: nextIp(),
    }),
    expect: everyone(202),
  },
  {
    route: 'POST /api/v1/auth/password_reset/confirm',
    label: 'a live link',
    request: confirmRequest,
    expect: everyone(204),
  },
  {
    route: 'POST /api/v1/auth/password_reset/confirm',
    label: 'an unknown or spent link',
    // The links above were spent by the previous row.
    request: confirmRequest,
    expect: everyone(404),
  },
];
