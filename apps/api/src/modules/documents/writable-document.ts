import type { Principal } from '../../auth/principal';
import type { Db } from '../../db/database';
import { AppError } from '../../errors/app-error';
import { authorize } from '../../policy/policy';
import { findDocument } from './lookup';
import * as repo from './repository';

export const NOT_FOUND = 'No such document.';

/** A live document the principal may change: 404 when out of sight, 403 when only readable. */
export async function writableDocument(db: Db, principal: Principal, documentId: string) {
  const row = await findDocument(db, principal, documentId);
  authorize(principal, { type: 'document', firmId: row.document.firmId }, NOT_FOUND);
  return row;
}

/**
 * Locks a live document for a change of its versions; 404 when it was deleted (or vanished)
 * since it was read.
 */
export async function lockLiveDocument(tx: Db, documentId: string): Promise<repo.DocumentRecord> {
  const locked = await repo.lockDocument(tx, documentId);
  if (!locked || locked.deletedAt !== null) throw new AppError('not_found', NOT_FOUND);
  return locked;
}
