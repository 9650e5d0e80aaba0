import type { ContactAccessPage, ShareQuery } from '@chambers/contracts/shares';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../../auth/principal';
import { AppError } from '../../errors/app-error';
import { decodeCursor, pageOf } from '../../lib/cursor';
import { scope } from '../../policy/policy';
import * as repo from './repository';

/**
 * A contact's recent access, for the firm: what the accounts signing in as that contact did
 * (views, downloads, uploads, sign-ins, denied calls), newest first, from the audit log. Firm
 * users may read this of any of their contacts, without the audit log's admin permission: it is
 * how they check what an external did with what they shared.
 */
export async function listContactAccess(
  app: FastifyInstance,
  principal: Principal,
  contactId: string,
  query: Pick<ShareQuery, 'limit' | 'cursor'>,
): Promise<ContactAccessPage> {
  const db = app.database.db;
  if (!(await repo.isContactIn(db, scope(principal, 'contact'), contactId))) {
    throw new AppError('not_found', 'No such contact.');
  }
  const limit = query.limit ?? 50;
  const rows = await repo.listContactAccess(db, principal.firmId, contactId, {
    limit: limit + 1,
    ...(query.cursor === undefined ? {} : { beforeId: decodeCursor(query.cursor) }),
  });
  const { items, nextCursor } = pageOf(rows, limit);
  return {
    data: items.map((row) => ({
      id: row.id,
      action: row.action,
      object_type: row.objectType,
      object_id: row.objectId,
      at: row.createdAt.toISOString(),
      ip: row.ip,
    })),
    meta: { next_cursor: nextCursor },
  };
}
