import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoFirm } from '../../src/seed/demo-firm';
import { signIn } from '../support/sessions';
import { createTestApp, type TestApp } from '../support/test-app';

const MiB = 1024 * 1024;

describe('avatar upload over real HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoFirm(t.database.db);
  });
  afterAll(() => t.close());

  it('answers 413 while a huge chunked upload is still streaming, then closes the connection', async () => {
    const session = await signIn(t.app, 'staff@demo-firm.test');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    const boundary = 'chambers-stream-test';
    const total = 200 * MiB;
    let sent = 0;
    // Either the 413 arrives, or — when the server's close races our writes — the connection is
    // reset before the answer could be read. Both must happen long before the body ends.
    type Answer = { status: number; body: string; connection: string | undefined } | { reset: true };
    const answer = await new Promise<Answer>((resolve, reject) => {
      const upload = request(
        {
          port,
          method: 'PUT',
          path: '/api/v1/me/avatar',
          headers: {
            ...session.auth,
            'content-type': `multipart/form-data; boundary=${boundary}`,
            // No Content-Length: the limit can only be found out while reading.
            'transfer-encoding': 'chunked',
          },
        },
        (response) => {
          let body = '';
          response.on('data', (chunk) => {
            body += chunk;
          });
          response.on('end', () => {
            upload.destroy();
            resolve({ status: response.statusCode ?? 0, body, connection: response.headers.connection });
          });
        },
      );
      upload.on('error', (error) => {
        if (sent < total) resolve({ reset: true });
        else reject(error);
      });
      upload.write(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="me.png"\r\nContent-Type: image/png\r\n\r\n`,
      );
      upload.write(png);
      const chunk = Buffer.alloc(64 * 1024, 7);
      const pump = () => {
        while (sent < total && !upload.destroyed) {
          sent += chunk.length;
          if (!upload.write(chunk)) {
            upload.once('drain', pump);
            return;
          }
        }
        if (!upload.destroyed) upload.end(`\r\n--${boundary}--\r\n`);
      };
      pump();
    });
    if (!('reset' in answer)) {
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body)).toMatchObject({ code: 'payload_too_large' });
      expect(answer.connection).toBe('close');
    }
    // Refused after the first 5 MiB (plus what the sockets buffer), not after the whole body.
    expect(sent).toBeLessThan(total / 2);
    // Nothing was kept, and the server goes on serving.
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: session.auth });
    expect(me.json().data.avatar_url).toBeNull();
  }, 60_000);
});
