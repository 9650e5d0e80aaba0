import sharp from 'sharp';
import { multipartForm } from '../../support/multipart';
import { clientKinds, credentials, only, otherFirmAdmins, type RouteCase, signedIn } from '../route-case';
import { nextIp, type PrincipalKind, type World } from '../world';

const UNKNOWN_ID = '0190a000-0000-7000-8000-0000000000fc';

const fixtures = { png: Buffer.alloc(0), identityIds: {} as Partial<Record<PrincipalKind, string>> };

function uploadRequest(world: World, who: PrincipalKind) {
  const form = multipartForm([
    { name: 'file', filename: 'me.png', contentType: 'image/png', data: fixtures.png },
  ]);
  return {
    method: 'PUT' as const,
    url: '/api/v1/me/avatar',
    headers: { ...credentials(world, who), ...form.headers },
    payload: form.payload,
    remoteAddress: nextIp(),
  };
}

/** Pictures of a demo firm user, a demo firm external and the other firm's admin, uploaded by them. */
async function setup(world: World): Promise<void> {
  fixtures.png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#2a6' } })
    .png()
    .toBuffer();
  for (const kind of ['attorney', 'co_counsel', 'other_firm_admin'] as const) {
    const response = await world.app.inject(uploadRequest(world, kind));
    if (response.statusCode !== 200) throw new Error(`avatar: ${response.statusCode} ${response.body}`);
    fixtures.identityIds[kind] = response.json().data.id;
  }
}

const pictureOf = (owner: PrincipalKind) => (world: World, who: PrincipalKind) => ({
  method: 'GET' as const,
  url: `/api/v1/identities/${fixtures.identityIds[owner] ?? UNKNOWN_ID}/avatar?size=64`,
  headers: credentials(world, who),
});

export const avatarCases: RouteCase[] = [
  {
    route: 'GET /api/v1/identities/:id/avatar',
    label: "a demo firm user's picture",
    setup,
    request: pictureOf('attorney'),
    // The firm's users and its externals, shared anything or not, in a portal or not, see the
    // firm's users; another firm does not, even acting as an identity that is co-counsel here.
    expect: only(
      [
        'admin',
        'attorney',
        'staff',
        'co_counsel',
        'co_counsel_unshared',
        'co_counsel_revoked',
        ...clientKinds,
      ],
      200,
    ),
  },
  {
    route: 'GET /api/v1/identities/:id/avatar',
    label: "a demo firm external's picture",
    request: pictureOf('co_counsel'),
    // Externals never see the firm's other externals (the client and other co-counsel do not see
    // this co-counsel).
    expect: only(['admin', 'attorney', 'staff', 'co_counsel'], 200),
  },
  {
    route: 'GET /api/v1/identities/:id/avatar',
    label: "the other firm's admin's picture",
    request: pictureOf('other_firm_admin'),
    // Its firm's users and its co-counsel see it.
    expect: only([...otherFirmAdmins, 'co_counsel_other_firm'], 200),
  },
  {
    route: 'PUT /api/v1/me/avatar',
    request: uploadRequest,
    expect: signedIn(200),
  },
  {
    route: 'DELETE /api/v1/me/avatar',
    request: (world, who) => ({
      method: 'DELETE',
      url: '/api/v1/me/avatar',
      headers: credentials(world, who),
    }),
    expect: signedIn(204),
  },
];
