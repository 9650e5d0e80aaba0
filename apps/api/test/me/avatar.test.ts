import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoFirm } from '../../src/seed/demo-firm';
import { type FormPart, multipartForm } from '../support/multipart';
import { type SignedIn, signIn } from '../support/sessions';
import { createTestApp, type TestApp } from '../support/test-app';

const MiB = 1024 * 1024;

/** A real picture of `width`×`height` in `format`, made with sharp. */
function picture(format: 'png' | 'jpeg' | 'webp' | 'gif', width = 300, height = 200): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 180, g: 40, b: 90 } } })
    .toFormat(format)
    .toBuffer();
}

describe('profile pictures', () => {
  let t: TestApp;
  let people: Record<'admin' | 'attorney' | 'coCounsel' | 'client' | 'otherAdmin' | 'morgan', SignedIn>;
  let ipCounter = 0;
  const nextIp = () => `10.40.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`;

  const rows = async <T>(query: ReturnType<typeof sql>) =>
    ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;
  const avatarKeyOf = async (who: SignedIn) =>
    (
      await rows<{ avatar_key: string | null; avatar_content_type: string | null }>(
        sql`select i.avatar_key, i.avatar_content_type from identities i join memberships m on m.identity_id = i.id where m.id = ${who.membership.id}`,
      )
    )[0];
  const identityIdOf = async (who: SignedIn) =>
    (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: who.auth })).json().data.id as string;

  const upload = (who: SignedIn, parts: FormPart[]) => {
    const form = multipartForm(parts);
    return t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/avatar',
      headers: { ...who.auth, ...form.headers },
      payload: form.payload,
      remoteAddress: nextIp(),
    });
  };
  const uploadFile = (who: SignedIn, data: Buffer | string, filename = 'me.png', contentType = 'image/png') =>
    upload(who, [{ name: 'file', filename, contentType, data }]);
  const fetchAvatar = (who: SignedIn, identityId: string, query = '', headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'GET',
      url: `/api/v1/identities/${identityId}/avatar${query}`,
      headers: { ...who.auth, ...headers },
    });

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoFirm(t.database.db);
    const sign = (email: string) => signIn(t.app, email, { ip: nextIp() });
    people = {
      admin: await sign('admin@demo-firm.test'),
      attorney: await sign('attorney@demo-firm.test'),
      coCounsel: await sign('cocounsel@outside-counsel.test'),
      client: await sign('client@client.test'),
      otherAdmin: await sign('admin@harbor-vale.test'),
      morgan: await sign('morgan@demo-firm.test'),
    };
  });
  afterAll(() => t.close());

  it('stores a real PNG and serves it square-cropped at 64, 128 and 256 pixels', async () => {
    const response = await uploadFile(people.attorney, await picture('png', 300, 200));
    expect(response.statusCode, response.body).toBe(200);
    const me = response.json().data;
    expect(me.avatar_url).toMatch(new RegExp(`^/api/v1/identities/${me.id}/avatar\\?v=[0-9a-f]{16}$`));
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: people.attorney.auth })).json().data,
    ).toEqual(me);
    expect(await avatarKeyOf(people.attorney)).toMatchObject({ avatar_content_type: 'image/png' });

    for (const size of [64, 128, 256]) {
      const served = await t.app.inject({
        method: 'GET',
        url: `${me.avatar_url}&size=${size}`,
        headers: people.attorney.auth,
      });
      expect(served.statusCode).toBe(200);
      expect(served.headers['content-type']).toBe('image/png');
      expect(served.headers['x-content-type-options']).toBe('nosniff');
      expect(served.headers['cache-control']).toBe('private, max-age=300');
      expect(served.headers.etag).toMatch(/^"[0-9a-f]{16}-\d+"$/);
      const metadata = await sharp(served.rawPayload).metadata();
      expect([metadata.format, metadata.width, metadata.height]).toEqual(['png', size, size]);
    }
    const byDefault = await fetchAvatar(people.attorney, me.id);
    expect((await sharp(byDefault.rawPayload).metadata()).width).toBe(256);
  });

  it('answers 304 for a matching If-None-Match, and a new ETag and URL after a new upload', async () => {
    const id = await identityIdOf(people.admin);
    const first = await uploadFile(people.admin, await picture('jpeg'), 'me.jpg', 'image/jpeg');
    expect(first.statusCode).toBe(200);
    const served = await fetchAvatar(people.admin, id, '?size=64');
    expect(served.headers['content-type']).toBe('image/jpeg');
    const etag = String(served.headers.etag);
    const again = await fetchAvatar(people.admin, id, '?size=64', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);

    const oldKey = (await avatarKeyOf(people.admin))?.avatar_key ?? '';
    const second = await uploadFile(people.admin, await picture('webp'), 'me.webp', 'image/webp');
    expect(second.statusCode).toBe(200);
    expect(second.json().data.avatar_url).not.toBe(first.json().data.avatar_url);
    const replaced = await fetchAvatar(people.admin, id, '?size=64', { 'if-none-match': etag });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.headers['content-type']).toBe('image/webp');
    // The replaced picture's blob is deleted once the new one is committed.
    expect(await t.app.blobs.head(oldKey)).toBeNull();
    const newKey = (await avatarKeyOf(people.admin))?.avatar_key ?? '';
    expect(await t.app.blobs.head(newKey)).not.toBeNull();
  });

  it('refuses an HTML page posing as a PNG, an SVG, and other non-images (415), storing nothing', async () => {
    const before = await avatarKeyOf(people.client);
    const html = '<!doctype html><html><body><script>alert(document.cookie)</script></body></html>';
    const svg =
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>';
    const pdf = '%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF';
    const cases: [string | Buffer, string, string][] = [
      [html, 'avatar.png', 'image/png'],
      [html, 'avatar.html', 'text/html'],
      [svg, 'avatar.svg', 'image/svg+xml'],
      [svg, 'avatar.png', 'image/png'],
      [pdf, 'avatar.pdf', 'application/pdf'],
      [Buffer.alloc(0), 'empty.png', 'image/png'],
      // A PNG signature in front of garbage: the magic bytes lie, decoding tells.
      [Buffer.concat([(await picture('png')).subarray(0, 33), randomBytes(2000)]), 'broken.png', 'image/png'],
      // A real PNG declared as HTML: the declared type must not claim a dangerous type either.
      [await picture('png'), 'avatar.html', 'text/html'],
    ];
    for (const [data, filename, contentType] of cases) {
      const response = await uploadFile(people.client, data, filename, contentType);
      expect(response.statusCode, `${filename} as ${contentType}`).toBe(415);
      expect(response.json()).toMatchObject({ code: 'unsupported_media_type' });
    }
    expect(await avatarKeyOf(people.client)).toEqual(before);
    const audited = await rows(sql`select id from audit_events where action = 'identity.avatar_changed'
      and actor_membership_id = ${people.client.membership.id}`);
    expect(audited).toEqual([]);
  });

  it('refuses a small file that would decode to a huge bitmap (415)', async () => {
    // A real PNG whose header claims 10000×10000 pixels (with a correct checksum).
    const png = Buffer.from(await picture('png', 8, 8));
    png.writeUInt32BE(10_000, 16);
    png.writeUInt32BE(10_000, 20);
    png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
    const response = await uploadFile(people.client, png);
    expect(response.statusCode).toBe(415);
    expect(response.json().detail).toMatch(/megapixels/);
  });

  it('refuses more than 5 MiB with 413, while the upload is still streaming', async () => {
    const png = await picture('png');
    // A real PNG head, then noise: too large, found out as the bytes arrive.
    const oversize = Buffer.concat([png, randomBytes(5 * MiB)]);
    const response = await uploadFile(people.coCounsel, oversize);
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'payload_too_large' });
    expect(await avatarKeyOf(people.coCounsel)).toMatchObject({ avatar_key: null });

    // A declared length far beyond the limit is refused before anything is read.
    const form = multipartForm([{ name: 'file', filename: 'big.png', contentType: 'image/png', data: png }]);
    const declared = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/avatar',
      headers: { ...people.coCounsel.auth, ...form.headers, 'content-length': String(50 * MiB) },
      payload: form.payload,
    });
    expect(declared.statusCode).toBe(413);
  });

  it('accepts exactly one file field named "file": other fields, names and bodies answer 400 or 415', async () => {
    const png = await picture('png');
    const extraField = await upload(people.coCounsel, [
      { name: 'file', filename: 'me.png', contentType: 'image/png', data: png },
      { name: 'identity_id', data: await identityIdOf(people.admin) },
    ]);
    expect(extraField.statusCode).toBe(400);
    const fieldFirst = await upload(people.coCounsel, [
      { name: 'identity_id', data: 'x' },
      { name: 'file', filename: 'me.png', contentType: 'image/png', data: png },
    ]);
    expect(fieldFirst.statusCode).toBe(400);
    const twoFiles = await upload(people.coCounsel, [
      { name: 'file', filename: 'a.png', contentType: 'image/png', data: png },
      { name: 'file', filename: 'b.png', contentType: 'image/png', data: png },
    ]);
    expect(twoFiles.statusCode).toBe(400);
    const wrongName = await upload(people.coCounsel, [
      { name: 'picture', filename: 'me.png', contentType: 'image/png', data: png },
    ]);
    expect(wrongName.statusCode).toBe(400);
    const empty = await upload(people.coCounsel, []);
    expect(empty.statusCode).toBe(400);
    const json = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/avatar',
      headers: people.coCounsel.auth,
      payload: { file: png.toString('base64') },
    });
    expect(json.statusCode).toBe(415);
    // None of them stored anything (and no blob is left behind).
    expect(await avatarKeyOf(people.coCounsel)).toMatchObject({ avatar_key: null });
    const anonymous = await t.app.inject({ method: 'PUT', url: '/api/v1/me/avatar', ...multipartForm([]) });
    expect(anonymous.statusCode).toBe(401);
  });

  it('leaves no blob behind when an upload is refused after storing', async () => {
    const blobsBefore = await countBlobs();
    const png = await picture('png');
    await upload(people.coCounsel, [
      { name: 'file', filename: 'a.png', contentType: 'image/png', data: png },
      { name: 'file', filename: 'b.png', contentType: 'image/png', data: png },
    ]);
    await uploadFile(people.coCounsel, Buffer.concat([png.subarray(0, 33), randomBytes(2000)]));
    await uploadFile(people.coCounsel, Buffer.concat([png, randomBytes(5 * MiB)]));
    expect(await countBlobs()).toBe(blobsBefore);
  });

  async function countBlobs(): Promise<number> {
    const { readdir } = await import('node:fs/promises');
    const storage = t.config.storage;
    if (storage.driver !== 'disk') throw new Error('the test app uses the disk store');
    const entries = await readdir(storage.diskPath, { recursive: true, withFileTypes: true }).catch(() => []);
    return entries.filter((entry) => entry.isFile()).length;
  }

  it('strips metadata (EXIF) and keeps GIFs animated when resizing', async () => {
    const jpeg = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#336699' } })
      .jpeg()
      .withExif({ IFD0: { Copyright: 'secret-camera-owner', Software: 'phone' } })
      .toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const morganId = await identityIdOf(people.morgan);
    expect((await uploadFile(people.morgan, jpeg, 'photo.jpg', 'image/jpeg')).statusCode).toBe(200);
    const served = await fetchAvatar(people.morgan, morganId, '?size=128');
    const metadata = await sharp(served.rawPayload).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(served.rawPayload.includes('secret-camera-owner')).toBe(false);

    const frames = await Promise.all(
      ['#ff0000', '#00ff00'].map((background) =>
        sharp({ create: { width: 90, height: 60, channels: 3, background } })
          .raw()
          .toBuffer(),
      ),
    );
    // Two 90×60 frames stacked: an animated GIF.
    const animated = await sharp(Buffer.concat(frames), {
      raw: { width: 90, height: 120, channels: 3, pageHeight: 60 },
    })
      .gif({ delay: [100, 100] })
      .toBuffer();
    expect((await sharp(animated, { animated: true }).metadata()).pages).toBe(2);
    expect(
      (await uploadFile(people.morgan, animated, 'wave.gif', 'application/octet-stream')).statusCode,
    ).toBe(200);
    const gifServed = await fetchAvatar(people.morgan, morganId, '?size=64');
    expect(gifServed.headers['content-type']).toBe('image/gif');
    const gifMetadata = await sharp(gifServed.rawPayload, { animated: true }).metadata();
    expect([gifMetadata.width, gifMetadata.pageHeight, gifMetadata.pages]).toEqual([64, 64, 2]);
  });

  it('shows a picture to its owner and to people of the firm the caller acts in, and 404 to everyone else', async () => {
    const attorneyId = await identityIdOf(people.attorney);
    const coCounselId = await identityIdOf(people.coCounsel);
    expect((await uploadFile(people.coCounsel, await picture('png'))).statusCode).toBe(200);
    const morganId = await identityIdOf(people.morgan);

    const expectations: [SignedIn, string, number][] = [
      [people.attorney, attorneyId, 200], // own
      [people.admin, attorneyId, 200], // same firm
      [people.coCounsel, attorneyId, 200], // an external sees the firm's users
      [people.client, attorneyId, 200],
      [people.otherAdmin, attorneyId, 404], // another firm
      [people.coCounsel, coCounselId, 200], // own, as an external
      [people.admin, coCounselId, 200], // the firm sees its externals
      [people.client, coCounselId, 404], // externals never see the firm's other externals
      [people.otherAdmin, coCounselId, 404],
      // Morgan is attorney at the demo firm and co-counsel at the other firm: its admin sees Morgan.
      [people.otherAdmin, morganId, 200],
    ];
    for (const [who, identityId, status] of expectations) {
      const response = await fetchAvatar(who, identityId, '?size=64');
      expect(response.statusCode, `${who.membership.role}@${who.membership.firm_name} → ${identityId}`).toBe(
        status,
      );
    }
    const unknown = await fetchAvatar(people.admin, '0190a000-0000-7000-8000-000000000000');
    const hidden = await fetchAvatar(people.otherAdmin, attorneyId);
    expect(unknown.statusCode).toBe(404);
    const strip = (body: Record<string, unknown>) => ({ ...body, request_id: undefined });
    expect(strip(hidden.json())).toEqual(strip(unknown.json()));
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/identities/${attorneyId}/avatar` })).statusCode,
    ).toBe(401);
  });

  it('validates the size and the query', async () => {
    const id = await identityIdOf(people.attorney);
    for (const query of ['?size=100', '?size=big', '?width=64']) {
      expect((await fetchAvatar(people.attorney, id, query)).statusCode, query).toBe(400);
    }
    expect((await fetchAvatar(people.attorney, 'not-a-uuid')).statusCode).toBe(400);
  });

  it('removes the picture: 204, then 404, avatar_url null, the blob deleted, the change audited', async () => {
    const id = await identityIdOf(people.attorney);
    const key = (await avatarKeyOf(people.attorney))?.avatar_key ?? '';
    expect(await t.app.blobs.head(key)).not.toBeNull();
    const removed = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/me/avatar',
      headers: people.attorney.auth,
    });
    expect(removed.statusCode).toBe(204);
    expect((await fetchAvatar(people.admin, id)).statusCode).toBe(404);
    expect((await fetchAvatar(people.attorney, id)).statusCode).toBe(404);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: people.attorney.auth });
    expect(me.json().data.avatar_url).toBeNull();
    expect(await t.app.blobs.head(key)).toBeNull();
    // Removing again is fine.
    expect(
      (await t.app.inject({ method: 'DELETE', url: '/api/v1/me/avatar', headers: people.attorney.auth }))
        .statusCode,
    ).toBe(204);
    const audited = await rows<{ details: Record<string, unknown> }>(
      sql`select details from audit_events where action = 'identity.avatar_changed'
          and actor_membership_id = ${people.attorney.membership.id} order by id`,
    );
    expect(audited.map((row) => row.details)).toEqual([
      expect.objectContaining({ content_type: 'image/png' }),
      { removed: true },
    ]);
  });
});
