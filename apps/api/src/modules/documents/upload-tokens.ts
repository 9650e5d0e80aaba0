import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed links for the disk driver's stand-in of a presigned PUT: an HMAC over the pending
 * version, its (never disclosed) blob key and the link's expiry, keyed by a key derived from the
 * server's JWT secret. Nothing is stored; a link is void once its expiry passes, and useless once
 * its version is no longer pending or its blob exists.
 */
export class UploadTokens {
  readonly #key: Buffer;

  constructor(serverSecret: string) {
    this.#key = createHmac('sha256', serverSecret).update('chambers document upload links v1').digest();
  }

  #signature(versionId: string, blobKey: string, expiresAt: number): Buffer {
    return createHmac('sha256', this.#key).update(`${versionId}\n${blobKey}\n${expiresAt}`).digest();
  }

  /** `<expiry in epoch seconds>.<signature>`. */
  sign(versionId: string, blobKey: string, expiresAt: Date): string {
    const seconds = Math.floor(expiresAt.getTime() / 1000);
    return `${seconds}.${this.#signature(versionId, blobKey, seconds).toString('base64url')}`;
  }

  /** The link's expiry if the token was signed for this version and key; null for anything else. */
  verify(token: string, versionId: string, blobKey: string): Date | null {
    const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!match?.[1] || !match[2]) return null;
    const seconds = Number(match[1]);
    const given = Buffer.from(match[2], 'base64url');
    const expected = this.#signature(versionId, blobKey, seconds);
    return given.length === expected.length && timingSafeEqual(given, expected)
      ? new Date(seconds * 1000)
      : null;
  }
}
