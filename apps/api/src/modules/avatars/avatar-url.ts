import { hashToken } from '../../lib/secret-tokens';

/**
 * A tag that changes whenever the picture does (every upload gets a fresh blob key), without
 * revealing the storage key: used as the ETag and as `v` in `avatar_url`, so caches never serve a
 * replaced picture for long.
 */
export function avatarVersion(blobKey: string): string {
  return hashToken(`avatar:${blobKey}`).slice(0, 16);
}

/** Where a picture is fetched, or null without one. */
export function avatarUrlOf(identityId: string, blobKey: string | null): string | null {
  return blobKey ? `/api/v1/identities/${identityId}/avatar?v=${avatarVersion(blobKey)}` : null;
}
