import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';

export interface FormPart {
  name: string;
  data: Buffer | string;
  /** Makes the part a file. */
  filename?: string;
  contentType?: string;
}

/** A part whose content is streamed (a large generated file), not held in memory. */
export interface StreamedFormPart extends Omit<FormPart, 'data'> {
  data: Readable;
}

const newBoundary = () => `----chambers${randomBytes(8).toString('hex')}`;

function partHead(boundary: string, part: Pick<FormPart, 'name' | 'filename' | 'contentType'>): Buffer {
  const disposition = `form-data; name="${part.name}"${part.filename !== undefined ? `; filename="${part.filename}"` : ''}`;
  const head = [`--${boundary}`, `Content-Disposition: ${disposition}`];
  if (part.contentType) head.push(`Content-Type: ${part.contentType}`);
  return Buffer.from(`${head.join('\r\n')}\r\n\r\n`);
}

const contentType = (boundary: string) => ({ 'content-type': `multipart/form-data; boundary=${boundary}` });

/** A multipart/form-data body, byte for byte as a browser would send it. */
export function multipartForm(parts: FormPart[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = newBoundary();
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(partHead(boundary, part), Buffer.from(part.data), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: contentType(boundary) };
}

/**
 * The same form as a stream (no Content-Length, as a chunked upload), reading each streamed part
 * only as the consumer pulls: a server that stops reading stops the parts' producers too.
 */
export function multipartFormStream(parts: (FormPart | StreamedFormPart)[]): {
  payload: Readable;
  headers: Record<string, string>;
} {
  const boundary = newBoundary();
  async function* body() {
    for (const part of parts) {
      yield partHead(boundary, part);
      if (part.data instanceof Readable) {
        for await (const chunk of part.data) yield chunk as Buffer;
      } else {
        yield Buffer.from(part.data);
      }
      yield Buffer.from('\r\n');
    }
    yield Buffer.from(`--${boundary}--\r\n`);
  }
  return { payload: Readable.from(body(), { objectMode: false }), headers: contentType(boundary) };
}
