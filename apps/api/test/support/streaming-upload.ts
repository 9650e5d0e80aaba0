import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface StreamingUpload {
  /** The answer once the server has replied; rejects when the connection dies first. */
  response: Promise<{ status: number; body: string }>;
  /** Bytes of the file handed to the socket so far. */
  readonly sent: number;
}

/**
 * A multipart/form-data POST over a real socket with the file streamed from `body` as the server
 * reads it, never held in memory, and an exact Content-Length as browsers send. Text fields go
 * first (the upload route needs `folder_id` before the file).
 */
export function streamingUpload(options: {
  url: string;
  headers?: Record<string, string>;
  fields: Record<string, string>;
  file: { field: string; name: string; contentType: string; size: number; body: AsyncIterable<Buffer> };
}): StreamingUpload {
  const { file } = options;
  const boundary = `----chambers${randomBytes(12).toString('hex')}`;
  const head = Buffer.from(
    Object.entries(options.fields)
      .map(
        ([name, value]) =>
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      )
      .join('') +
      `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\n` +
      `Content-Type: ${file.contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  let sent = 0;
  async function* body() {
    yield head;
    for await (const chunk of file.body) {
      sent += chunk.length;
      yield chunk;
    }
    yield tail;
  }

  const outgoing = request(options.url, {
    method: 'POST',
    headers: {
      ...options.headers,
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': String(head.length + file.size + tail.length),
    },
  });
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    outgoing.once('response', (incoming) => {
      let text = '';
      incoming.setEncoding('utf8');
      incoming.on('data', (chunk: string) => {
        text += chunk;
      });
      incoming.once('end', () => resolve({ status: incoming.statusCode ?? 0, body: text }));
      incoming.once('error', reject);
    });
    outgoing.once('error', reject);
  });
  // A server that answers early (413, 415) stops reading: the write side then fails, which is fine
  // as long as the answer arrived, so only the response decides the outcome.
  pipeline(Readable.from(body(), { objectMode: false }), outgoing).catch(() => {});
  return {
    response,
    get sent() {
      return sent;
    },
  };
}
