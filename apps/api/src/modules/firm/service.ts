import type { Firm, UpdateFirm } from '@chambers/contracts/firm';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../../auth/principal';
import type { Db } from '../../db/database';
import { actedBy, recordAudit } from '../audit/audit-log';
import * as repo from './repository';

const toFirm = (row: repo.FirmRow): Firm => ({
  id: row.id,
  name: row.name,
  share_notice_mails: row.shareNoticeMails,
});

/** A principal's firm always exists: its membership references it. */
async function ownFirm(db: Db, principal: Principal, lock = false) {
  const row = await repo.findFirm(db, principal.firmId, lock);
  if (!row) throw new Error('the firm of the principal vanished');
  return row;
}

/** The caller's own firm; the route's permission decides who may ask. */
export async function getFirm(app: FastifyInstance, principal: Principal): Promise<Firm> {
  return toFirm(await ownFirm(app.database.db, principal));
}

export async function updateFirm(
  app: FastifyInstance,
  principal: Principal,
  body: UpdateFirm,
  ip: string,
): Promise<Firm> {
  return app.database.db.transaction(async (tx) => {
    // Locked, so the audit's before/after pair is exact even when two admins change it at once.
    const before = await ownFirm(tx, principal, true);
    const row = await repo.updateFirm(tx, principal.firmId, {
      ...(body.name === undefined ? {} : { name: body.name }),
      ...(body.share_notice_mails === undefined ? {} : { shareNoticeMails: body.share_notice_mails }),
    });
    await recordAudit(tx, {
      action: 'firm.updated',
      ...actedBy(principal),
      objectType: 'firm',
      objectId: row.id,
      ip,
      details: {
        fields: Object.keys(body),
        ...(body.share_notice_mails === undefined
          ? {}
          : { share_notice_mails: { from: before.shareNoticeMails, to: row.shareNoticeMails } }),
      },
    });
    return toFirm(row);
  });
}
