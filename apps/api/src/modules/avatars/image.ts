import { Readable } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { AppError } from '../../errors/app-error';

/** The only picture types accepted, by their magic bytes (never by name or declared type). */
export const AVATAR_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;
export type AvatarType = (typeof AVATAR_TYPES)[number];
const isAvatarType = (mime: string | undefined): mime is AvatarType =>
  (AVATAR_TYPES as readonly (string | undefined)[]).includes(mime);

/** What sharp calls each accepted type, to check the decoder agrees with the magic bytes. */
const sharpFormat: Record<AvatarType, string> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
};

export const MAX_AVATAR_BYTES = 5 * 1024 * 1024;
/** A small file can still decode to a huge bitmap (a "decompression bomb"): refuse beyond this. */
export const MAX_AVATAR_PIXELS = 40_000_000;
/** Enough of the head for file-type to tell any of the accepted formats. */
const SNIFF_BYTES = 4100;

const unsupported = (detail: string) => new AppError('unsupported_media_type', detail);

/**
 * Reads the first bytes of `source` to learn its real type, and hands back a stream that yields the
 * whole body again (those bytes, then the rest), so nothing beyond the head is held in memory.
 */
export async function sniff(source: Readable): Promise<{ type: string | undefined; body: Readable }> {
  const iterator: AsyncIterator<Buffer> = source[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let length = 0;
  let ended = false;
  while (length < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    chunks.push(next.value);
    length += next.value.length;
  }
  const head = Buffer.concat(chunks);
  const detected = head.length > 0 ? await fileTypeFromBuffer(head) : undefined;
  async function* replay() {
    try {
      yield head;
      while (!ended) {
        const next = await iterator.next();
        if (next.done) ended = true;
        else yield next.value;
      }
    } finally {
      // Abandoned early (too large, storage failed): stop reading the upload.
      if (!ended) await iterator.return?.();
    }
  }
  return { type: detected?.mime, body: Readable.from(replay(), { objectMode: false }) };
}

/**
 * The verified type of an upload: its magic bytes must say JPEG, PNG, WebP or GIF, and the type the
 * client declared must not claim something else (HTML, SVG, …). `application/octet-stream` (no
 * claim) is fine; a different image type is too — the verified one is what gets stored.
 */
export function verifiedType(sniffed: string | undefined, declared: string | undefined): AvatarType {
  if (!isAvatarType(sniffed)) {
    throw unsupported('The picture must be a JPEG, PNG, WebP or GIF image (checked by its content).');
  }
  const claim = declared?.split(';')[0]?.trim().toLowerCase();
  if (claim && claim !== 'application/octet-stream' && !isAvatarType(claim)) {
    throw unsupported(`The file is declared as ${claim}, which is not an accepted picture type.`);
  }
  return sniffed;
}

/** Decodes the stored picture once, at upload: it must be the format its magic bytes say, and not huge. */
export async function assertDecodable(image: Buffer, type: AvatarType): Promise<void> {
  const metadata = await sharp(image, { animated: true, failOn: 'error', limitInputPixels: false })
    .metadata()
    .catch(() => {
      throw unsupported('The picture could not be read as an image.');
    });
  if (metadata.format !== sharpFormat[type]) throw unsupported('The picture is not what its content claims.');
  if ((metadata.width ?? 0) * (metadata.height ?? 0) > MAX_AVATAR_PIXELS) {
    throw unsupported(`The picture is too large: at most ${MAX_AVATAR_PIXELS / 1_000_000} megapixels.`);
  }
  // A full decode catches a valid header in front of a broken body.
  await renderSquare(image, type, 64).catch(() => {
    throw unsupported('The picture could not be read as an image.');
  });
}

/**
 * A square `size`×`size` version, cover-cropped, turned upright (EXIF orientation), in the same
 * format (animated GIF and WebP stay animated), and without metadata: a phone photo's GPS position
 * or camera serial never reaches the people who see the picture.
 */
export function renderSquare(image: Buffer, type: AvatarType, size: number): Promise<Buffer> {
  const animated = type === 'image/gif' || type === 'image/webp';
  const pipeline = sharp(image, { animated, failOn: 'error', limitInputPixels: MAX_AVATAR_PIXELS })
    .rotate()
    .resize(size, size, { fit: 'cover' });
  switch (type) {
    case 'image/jpeg':
      return pipeline.jpeg({ quality: 85, mozjpeg: true }).toBuffer();
    case 'image/png':
      return pipeline.png({ compressionLevel: 9 }).toBuffer();
    case 'image/webp':
      return pipeline.webp({ quality: 85 }).toBuffer();
    case 'image/gif':
      return pipeline.gif().toBuffer();
  }
}

/** Reads a stored picture into memory (they are at most MAX_AVATAR_BYTES: sharp needs it whole anyway). */
export async function readAll(stream: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    length += chunk.length;
    if (length > maxBytes) {
      stream.destroy();
      throw new Error(`stored picture is larger than ${maxBytes} bytes`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
