/** An inclusive span of bytes, as in `Content-Range: bytes start-end/size`. */
export interface ByteSpan {
  start: number;
  end: number;
}

/** What a request's `Range` asks of a representation of `size` bytes. */
export type RangeAnswer = { kind: 'whole' } | { kind: 'part'; span: ByteSpan } | { kind: 'unsatisfiable' };

const WHOLE: RangeAnswer = { kind: 'whole' };
const UNSATISFIABLE: RangeAnswer = { kind: 'unsatisfiable' };
const DIGITS = /^\d+$/;

/**
 * Reads a `Range` header (RFC 9110 §14.1.2) against a representation of `size` bytes. One byte
 * range — `a-b`, `a-` or the suffix `-n` — is served as a part, clamped to the end; one that starts
 * past the end (or a suffix of 0, or any range of an empty file) is unsatisfiable. Everything the
 * RFC lets a server ignore is ignored, which means the whole representation with 200: no header,
 * another unit, a malformed range, and several ranges — a multipart/byteranges answer buys little
 * (browsers and download managers ask for one range at a time) and costs a body format of its own.
 */
export function answerRange(header: string | undefined, size: number): RangeAnswer {
  if (header === undefined) return WHOLE;
  const match = /^\s*bytes\s*=(.*)$/i.exec(header);
  if (!match?.[1]) return WHOLE;
  const specs = match[1]
    .split(',')
    .map((spec) => spec.trim())
    .filter((spec) => spec !== '');
  if (specs.length !== 1 || specs[0] === undefined) return WHOLE;
  const dash = specs[0].indexOf('-');
  if (dash === -1) return WHOLE;
  const first = specs[0].slice(0, dash).trim();
  const last = specs[0].slice(dash + 1).trim();
  if (first === '') {
    if (!DIGITS.test(last)) return WHOLE;
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return UNSATISFIABLE;
    return { kind: 'part', span: { start: Math.max(0, size - suffix), end: size - 1 } };
  }
  if (!DIGITS.test(first) || (last !== '' && !DIGITS.test(last))) return WHOLE;
  const start = Number(first);
  const end = last === '' ? Number.POSITIVE_INFINITY : Number(last);
  if (end < start) return WHOLE;
  if (start >= size) return UNSATISFIABLE;
  return { kind: 'part', span: { start, end: Math.min(end, size - 1) } };
}

/**
 * Whether a `Range` may be honoured under `If-Range` (RFC 9110 §13.1.5): always without one, and
 * with one only when it names the current strong ETag. A date is never taken as a match: a
 * document's current version can change twice within the one second a date can tell apart, so
 * answering the whole file is the only safe reading.
 */
export function ifRangeHolds(header: string | undefined, etag: string): boolean {
  return header === undefined || header.trim() === etag;
}

/** Whether `If-None-Match` lists `etag` (weak comparison, RFC 9110 §13.1.2) or is `*`: answer 304. */
export function isNotModified(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((raw) => {
    const tag = raw.trim();
    return tag === '*' || tag.replace(/^W\//, '') === etag;
  });
}
