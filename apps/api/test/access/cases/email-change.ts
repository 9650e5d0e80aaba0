import { emailChanges } from '../../../src/db/schema/email-changes';
import { identities } from '../../../src/db/schema/identities';
import { hashToken, newSecretToken } from '../../../src/lib/secret-tokens';
import { DEMO_PASSWORD } from '../../../src/seed/demo-firm';
import { credentials, everyone, type RouteCase, signedIn } from '../route-case';
import { nextIp, type PrincipalKind, principalKinds, type World } from '../world';
import { refusedToTokens, tokenCredentials } from './api-tokens';

/**
 * Confirmation links are public: the token is the credential. Each kind spends one live link, of
 * a person outside the matrix, so no matrix login changes.
 */
const links = {} as Partial<Record<PrincipalKind, string>>;

async function setup(world: World): Promise<void> {
  for (const kind of principalKinds) {
    const [identity] = await world.database.db
      .insert(identities)
      .values({ email: `matrix-email-${kind}@example.test`, name: 'Matrix Mover' })
      .returning();
    const token = newSecretToken();
    await world.database.db.insert(emailChanges).values({
      identityId: identity?.id ?? '',
      newEmail: `matrix-moved-${kind}@example.test`,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + 3600_000),
    });
    links[kind] = token;
  }
}

const requestBody = (who: PrincipalKind) => ({
  new_email: `matrix-new-${who}@example.test`,
  current_password: DEMO_PASSWORD,
});

export const emailChangeCases: RouteCase[] = [
  {
    route: 'POST /api/v1/me/email_change',
    setup,
    request: (world, who) => ({
      method: 'POST',
      url: '/api/v1/me/email_change',
      headers: credentials(world, who),
      payload: requestBody(who),
      remoteAddress: nextIp(),
    }),
    expect: signedIn(202),
  },
  {
    route: 'POST /api/v1/me/email_change',
    label: 'with an API token',
    request: (_world, who) => ({
      method: 'POST',
      url: '/api/v1/me/email_change',
      headers: tokenCredentials(who),
      payload: requestBody(who),
      remoteAddress: nextIp(),
    }),
    expect: refusedToTokens,
  },
  {
    route: 'POST /api/v1/email_change/confirm',
    label: 'a live link',
    request: (world, who) => ({
      method: 'POST',
      url: '/api/v1/email_change/confirm',
      headers: credentials(world, who),
      payload: { token: links[who] },
      remoteAddress: nextIp(),
    }),
    expect: everyone(204),
  },
  {
    route: 'POST /api/v1/email_change/confirm',
    label: 'an unknown or spent link',
    request: (world, who) => ({
      method: 'POST',
      url: '/api/v1/email_change/confirm',
      headers: credentials(world, who),
      // The links above were spent by the previous row.
      payload: { token: links[who] },
      remoteAddress: nextIp(),
    }),
    expect: everyone(404),
  },
  // The session-only routes of other modules, called with an API token.
  {
    route: 'POST /api/v1/auth/switch',
    label: 'with an API token',
    request: (world, who) => ({
      method: 'POST',
      url: '/api/v1/auth/switch',
      headers: tokenCredentials(who),
      payload: {
        membership_id: world.sessions[who]?.membership.id ?? '0190a000-0000-7000-8000-000000000000',
      },
    }),
    expect: refusedToTokens,
  },
  {
    route: 'POST /api/v1/me/password',
    label: 'with an API token',
    request: (_world, who) => ({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: tokenCredentials(who),
      payload: { current_password: DEMO_PASSWORD, new_password: 'a changed passphrase 1' },
    }),
    expect: refusedToTokens,
  },
];
