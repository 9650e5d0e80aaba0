import { invitationTo } from '../../support/invitation-mail';
import { credentials, everyone, type RouteCase } from '../route-case';
import { nextIp, type PrincipalKind, principalKinds, type World } from '../world';

/**
 * Invitation links are public: the token is the credential, so every kind of caller gets the
 * same answer — the preview and acceptance for a live link, 404 for an unknown one.
 */
const tokens = { preview: '', accept: {} as Partial<Record<PrincipalKind, string>> };

async function linkFor(world: World, email: string): Promise<string> {
  const response = await world.app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: credentials(world, 'admin'),
    payload: { email, name: 'Matrix Invitee', role: 'staff' },
  });
  if (response.statusCode !== 201) throw new Error(`invite: ${response.statusCode} ${response.body}`);
  return (await invitationTo(world.app, email)).token;
}

async function setup(world: World): Promise<void> {
  tokens.preview = await linkFor(world, 'matrix-preview@example.test');
  // Accepting spends a link: one per kind of caller.
  for (const kind of principalKinds) {
    tokens.accept[kind] = await linkFor(world, `matrix-accept-${kind}@example.test`);
  }
}

const UNKNOWN_TOKEN = 'A'.repeat(43);
const acceptBody = { name: 'Matrix Invitee', password: 'a long enough passphrase' };

export const invitationCases: RouteCase[] = [
  {
    route: 'GET /api/v1/invitations/:token',
    label: 'a live link',
    setup,
    request: (world, who) => ({
      method: 'GET',
      url: `/api/v1/invitations/${tokens.preview}`,
      headers: credentials(world, who),
      remoteAddress: nextIp(),
    }),
    expect: everyone(200),
  },
  {
    route: 'GET /api/v1/invitations/:token',
    label: 'an unknown link',
    request: (world, who) => ({
      method: 'GET',
      url: `/api/v1/invitations/${UNKNOWN_TOKEN}`,
      headers: credentials(world, who),
      remoteAddress: nextIp(),
    }),
    expect: everyone(404),
  },
  {
    route: 'POST /api/v1/invitations/:token',
    label: 'a live link',
    request: (world, who) => ({
      method: 'POST',
      url: `/api/v1/invitations/${tokens.accept[who]}`,
      headers: credentials(world, who),
      payload: acceptBody,
      remoteAddress: nextIp(),
    }),
    expect: everyone(200),
  },
  {
    route: 'POST /api/v1/invitations/:token',
    label: 'an unknown link',
    request: (world, who) => ({
      method: 'POST',
      url: `/api/v1/invitations/${UNKNOWN_TOKEN}`,
      headers: credentials(world, who),
      payload: acceptBody,
      remoteAddress: nextIp(),
    }),
    expect: everyone(404),
  },
];
