import { createHash, randomBytes } from 'node:crypto';
import type { ReadStream } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoFirm } from '../../src/seed/demo-firm';
import { makeDocument } from '../support/factories/documents';
import { makeMatter } from '../support/factories/practice';
import { type SignedIn, signIn } from '../support/sessions';
import { createTestApp, type TestApp } from '../support/test-app';

const MiB = 1024 * 1024;
const SIZE = 64 * MiB;

describe('document downloads over real HTTP', () => {
  let t: TestApp;
  let admin: SignedIn;
  let port: number;
  let documentId: string;
  let content: Buffer;
  /** Every stream the (disk) store handed out: file streams, which count the bytes they read. */
  const opened: ReadStream[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoFirm(t.database.db);
    admin = await signIn(t.app, 'admin@demo-firm.test');
    const matter = await makeMatter(t.database.db, admin.membership.firm_id);
    content = randomBytes(SIZE);
    const { document } = await makeDocument(t.database.db, {
      firmId: admin.membership.firm_id,
      matterId: matter.id,
      folderId: matter.rootFolderId,
      uploadedBy: admin.membership.id,
      name: 'Large exhibit.pdf',
      bytes: content,
      blobs: t.app.blobs,
    });
    documentId = document.id;
    // Watches (does not replace) the real store: what the download reads, and whether it is released.
    const get = t.app.blobs.get.bind(t.app.blobs);
    t.app.blobs.get = async (key, range) => {
      const stream = await get(key, range);
      opened.push(stream as ReadStream);
      return stream;
    };
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
  }, 60_000);
  afterAll(() => t.close());

  const download = (headers: Record<string, string> = {}) =>
    new Promise<import('node:http').IncomingMessage>((resolve, reject) => {
      request(
        { port, path: `/api/v1/documents/${documentId}/download`, headers: { ...admin.auth, ...headers } },
        resolve,
      )
        .on('error', reject)
        .end();
    });

  it('streams every byte of a large file', async () => {
    const response = await download();
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-length']).toBe(String(SIZE));
    const hash = createHash('sha256');
    for await (const chunk of response) hash.update(chunk as Buffer);
    expect(hash.digest('hex')).toBe(createHash('sha256').update(content).digest('hex'));
  });

  it('reads from storage only as fast as the client takes the bytes, and lets go when it leaves', async () => {
    const response = await download({ range: 'bytes=1024-' });
    const file = await (async () => {
      try {
        expect(response.statusCode).toBe(206);
        response.pause();
        await sleep(500);
        const read = opened.at(-1);
        // Socket and stream buffers hold some MiB (loopback buffers grow on a busy machine); a
        // buffering server would have read all 64.
        expect(read?.bytesRead).toBeGreaterThan(0);
        expect(read?.bytesRead).toBeLessThan(SIZE / 2);
        return read;
      } finally {
        // Also when an expectation failed: an open connection would hold up closing the app.
        response.destroy();
      }
    })();
    await sleep(200);
    expect(file?.destroyed).toBe(true);
  });
});
