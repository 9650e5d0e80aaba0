import type { Readable } from 'node:stream';
import type { AvatarSize } from '@chambers/contracts/avatars';
import type { Me } from '@chambers/contracts/me';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../../auth/principal';
import { AppError } from '../../errors/app-error';
import { can } from '../../policy/policy';
import { BlobTooLargeError } from '../../storage/blob-store';
import { onOwnIdentity, recordAudit } from '../audit/audit-log';
import { getMe } from '../me/service';
import { avatarVersion } from './avatar-url';
import {
  type AvatarType,
  assertDecodable,
  MAX_AVATAR_BYTES,
  readAll,
  renderSquare,
  sniff,
  verifiedType,
} from './image';
import { RenderCache } from './render-cache';
import * as repo from './repository';

/** One file from a multipart upload. */
export interface AvatarUpload {
  file: Readable;
  declaredType: string | undefined;
  /** Reads the rest of the form; rejects (400) when it holds anything but this one file. */
  finish(): Promise<void>;
}

/** Rendered pictures (a few KB each), so a page of faces does not resize the same photos again. */
const rendered = new RenderCache(32 * 1024 * 1024);

/**
 * Replaces the caller's picture. The upload streams into the blob store (never held whole), after
 * its first bytes proved it is a JPEG, PNG, WebP or GIF; more than 5 MiB is refused with 413 as soon
 * as the limit is crossed. The new picture is decoded once before it is committed; the old blob is
 * deleted only after the commit, so a failure at any point leaves one complete picture.
 */
export async function replaceAvatar(
  app: FastifyInstance,
  principal: Principal,
  upload: AvatarUpload,
  ip: string,
): Promise<Me> {
  const { type: sniffed, body } = await sniff(upload.file);
  let type: AvatarType;
  try {
    type = verifiedType(sniffed, upload.declaredType);
  } catch (error) {
    body.destroy();
    upload.file.destroy();
    throw error;
  }

  let key: string;
  try {
    ({ key } = await app.blobs.put(body, { maxBytes: MAX_AVATAR_BYTES, contentType: type }));
  } catch (error) {
    if (error instanceof BlobTooLargeError) {
      throw new AppError('payload_too_large', `The picture must be at most ${MAX_AVATAR_BYTES} bytes.`);
    }
    throw error;
  }

  let previous: string | null;
  try {
    await upload.finish();
    const image = await readAll(await app.blobs.get(key), MAX_AVATAR_BYTES);
    await assertDecodable(image, type);
    previous = await app.database.db.transaction(async (tx) => {
      const replaced = await repo.replaceAvatar(tx, principal.identityId, { key, contentType: type });
      await recordAudit(tx, {
        action: 'identity.avatar_changed',
        ...onOwnIdentity(principal),
        ip,
        details: { content_type: type, bytes: image.length },
      });
      return replaced;
    });
  } catch (error) {
    await discard(app, key);
    throw error;
  }
  if (previous) await discard(app, previous);
  return getMe(app, principal);
}

/** Removes the caller's picture (nothing to remove is fine: 204 either way). */
export async function removeAvatar(app: FastifyInstance, principal: Principal, ip: string): Promise<void> {
  const previous = await app.database.db.transaction(async (tx) => {
    const replaced = await repo.replaceAvatar(tx, principal.identityId, null);
    if (replaced) {
      await recordAudit(tx, {
        action: 'identity.avatar_changed',
        ...onOwnIdentity(principal),
        ip,
        details: { removed: true },
      });
    }
    return replaced;
  });
  if (previous) await discard(app, previous);
}

/** Deleting a blob after the fact: a failure leaves an orphan for the sweeper, never a broken picture. */
async function discard(app: FastifyInstance, key: string): Promise<void> {
  await app.blobs.delete(key).catch((error: unknown) => {
    app.log.warn({ err: error, key }, 'could not delete an avatar blob; the orphan sweeper will');
  });
}

export type AvatarResult =
  | { kind: 'not_modified'; etag: string }
  | { kind: 'image'; etag: string; contentType: AvatarType; body: Buffer };

/**
 * Someone's picture as `size`×`size`, if the policy lets the caller see that person (themselves, or
 * someone of the firm they act in); anything else — no such identity, not visible, no picture — is
 * the same 404.
 */
export async function readAvatar(
  app: FastifyInstance,
  principal: Principal,
  identityId: string,
  size: AvatarSize,
  ifNoneMatch: string | undefined,
): Promise<AvatarResult> {
  const found = await repo.findAvatarInFirm(app.database.db, identityId, principal.firmId);
  const visible =
    found && can(principal, 'read', { type: 'avatar', identityId, memberships: found.memberships });
  const { avatarKey: key, avatarContentType } = found?.identity ?? {};
  if (!visible || !key || !avatarContentType) throw new AppError('not_found', 'No such picture.');
  const contentType = avatarContentType as AvatarType;

  const etag = `"${avatarVersion(key)}-${size}"`;
  if (ifNoneMatch?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
    return { kind: 'not_modified', etag };
  }
  const cacheKey = `${key}:${size}`;
  let body = rendered.get(cacheKey);
  if (!body) {
    const original = await readAll(await app.blobs.get(key), MAX_AVATAR_BYTES);
    body = await renderSquare(original, contentType, size);
    rendered.set(cacheKey, body);
  }
  return { kind: 'image', etag, contentType, body };
}
