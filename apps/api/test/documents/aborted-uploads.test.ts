import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartForm } from '../support/multipart';
import { randomStream } from '../support/random-stream';
import { pdf } from './fixtures';
import { type DocumentsWorld, documentsWorld, drivers } from './support';

const MiB = 1024 * 1024;

/** Polls `check` until it holds (the server finishes its clean-up after the client is gone). */
async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(50);
  }
}

/**
 * Uploads over a real socket (not inject): the client can vanish mid-body, and the server's
 * early answers close the connection.
 */
describe.each(drivers)('uploads cut short over HTTP (%s storage)', (driver) => {
  let w: DocumentsWorld;
  let port: number;

  beforeAll(async () => {
    w = await documentsWorld(driver, { UPLOAD_MAX_FILE_BYTES: String(8 * MiB) });
    await w.t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (w.t.app.server.address() as AddressInfo).port;
  });
  afterAll(() => w.close());

  /** A form of two PDFs, as bytes: the first small, the second `secondSize` bytes. */
  function twoFiles(secondSize: number) {
    return multipartForm([
      { name: 'folder_id', data: w.matter.rootFolderId },
      { name: 'file', filename: 'first.pdf', contentType: 'application/pdf', data: pdf('first', 100_000) },
      {
        name: 'file',
        filename: 'second.pdf',
        contentType: 'application/pdf',
        data: pdf('second', secondSize),
      },
    ]);
  }

  /**
   * Sends the form's first `sendBytes` bytes, waits until the first file is stored, sends a little
   * more, then destroys the request as a client that lost its connection.
   */
  async function abortMidBody(headers: Record<string, string>) {
    const form = twoFiles(4 * MiB);
    const keysBefore = (await w.storedKeys()).length;
    const request = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/v1/documents',
      headers: {
        ...w.staff.auth,
        ...form.headers,
        ...headers,
        'content-length': String(form.payload.length),
      },
    });
    request.on('error', () => {});
    const firstEnds = form.payload.indexOf('second.pdf');
    request.write(form.payload.subarray(0, firstEnds + 1024 * 1024));
    await eventually(async () => (await w.storedKeys()).length > keysBefore, 'the first file is stored');
    request.destroy();
  }

  it('leaves nothing visible nor stored when the client vanishes mid-body', async () => {
    const [countsBefore, keysBefore] = [await w.counts(), await w.storedKeys()];
    await abortMidBody({});
    await eventually(
      async () =>
        (await w.counts()).reservations === 0 && (await w.storedKeys()).length === keysBefore.length,
      'the server discarded what it stored',
    );
    expect(await w.counts()).toEqual(countsBefore);
    expect(await w.storedKeys()).toEqual(keysBefore);
    const listed = await w.inject(w.staff, {
      method: 'GET',
      url: `/api/v1/documents?matter_id=${w.matter.id}`,
    });
    expect(listed.json().data).toEqual([]);
  });

  it('runs a retry with the same Idempotency-Key again after a cut-off first attempt: one document', async () => {
    const headers = { 'idempotency-key': `cut-off-${driver}` };
    const before = await w.counts();
    await abortMidBody(headers);
    await eventually(async () => (await w.counts()).reservations === 0, 'the first attempt is cleaned up');
    const form = twoFiles(1000);
    const retry = await w.inject(w.staff, {
      method: 'POST',
      url: '/api/v1/documents',
      headers: { ...form.headers, ...headers },
      payload: form.payload,
    });
    expect(retry.statusCode, retry.body).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    const again = await w.inject(w.staff, {
      method: 'POST',
      url: '/api/v1/documents',
      headers: { ...form.headers, ...headers },
      payload: form.payload,
    });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(retry.json());
    expect((await w.counts()).documents).toBe(before.documents + 2);
  });

  it('answers 413 while the body is still arriving and closes the connection, having read a fraction', async () => {
    const [countsBefore, keysBefore] = [await w.counts(), await w.storedKeys()];
    const total = 64 * MiB;
    const body = randomStream(total, 256 * 1024);
    const boundary = 'chambers-big-upload';
    const request = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/v1/documents',
      headers: { ...w.staff.auth, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    request.on('error', () => {});
    const answered = new Promise<{ response: IncomingMessage; text: string; producedWhenAnswered: number }>(
      (resolve) =>
        request.on('response', (response) => {
          const producedWhenAnswered = body.produced;
          let text = '';
          response.on('data', (chunk: Buffer) => {
            text += chunk.toString();
          });
          response.on('end', () => resolve({ response, text, producedWhenAnswered }));
        }),
    );
    request.write(
      `--${boundary}\r\nContent-Disposition: form-data; name="folder_id"\r\n\r\n${w.matter.rootFolderId}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n`,
    );
    body.stream.pipe(request);
    const { response, text, producedWhenAnswered } = await answered;
    expect(response.statusCode, text).toBe(413);
    expect(response.headers.connection).toBe('close');
    expect(producedWhenAnswered).toBeLessThan(total / 2);
    body.stream.destroy();
    await eventually(async () => (await w.counts()).reservations === 0, 'the reservation is released');
    expect(await w.counts()).toEqual(countsBefore);
    expect(await w.storedKeys()).toEqual(keysBefore);
  });
});
