import type { CalendarFeed, CreatedCalendarFeed } from '@chambers/contracts/calendar';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../../auth/principal';
import { AppError } from '../../errors/app-error';
import { hashToken, newSecretToken } from '../../lib/secret-tokens';
import { can, scope } from '../../policy/policy';
import { actedBy, recordAudit } from '../audit/audit-log';
import { calendarObject } from './ics';
import * as repo from './repository';
import { loadEntries } from './service';
import { DAY_MS } from './timing';

/** A feed shows what its owner attends from this long ago onwards… */
export const FEED_LOOKBACK_DAYS = 90;
/** …at most this many events, the earliest first (a calendar app polls it every hour or so). */
export const FEED_MAX_EVENTS = 1000;

const noFeed = () => new AppError('not_found', 'You have no calendar feed; make one first.');

/**
 * Makes the caller's secret feed URL, or replaces it: the old URL stops working at once. The token
 * (256 random bits) is in this answer only; the database keeps its SHA-256.
 */
export async function rotateCalendarFeed(
  app: FastifyInstance,
  principal: Principal,
  ip: string,
): Promise<CreatedCalendarFeed> {
  const token = newSecretToken();
  return app.database.db.transaction(async (tx) => {
    const previous = await repo.findFeed(tx, principal.membershipId);
    const feed = await repo.upsertFeed(tx, {
      firmId: principal.firmId,
      membershipId: principal.membershipId,
      tokenHash: hashToken(token),
    });
    await recordAudit(tx, {
      action: 'calendar_feed.rotated',
      ...actedBy(principal),
      objectType: 'calendar_feed',
      objectId: feed.id,
      ip,
      details: { change: previous ? 'rotated' : 'created' },
    });
    return {
      url: `${app.config.publicUrl}/api/v1/calendar_feeds/${token}`,
      created_at: feed.createdAt.toISOString(),
    };
  });
}

export async function getCalendarFeed(app: FastifyInstance, principal: Principal): Promise<CalendarFeed> {
  const feed = await repo.findFeed(app.database.db, principal.membershipId);
  if (!feed) throw noFeed();
  return { created_at: feed.createdAt.toISOString() };
}

/** Turns the caller's feed off: its URL answers 404 from now on. */
export async function deleteCalendarFeed(app: FastifyInstance, principal: Principal, ip: string) {
  await app.database.db.transaction(async (tx) => {
    const feed = await repo.deleteFeed(tx, principal.membershipId);
    if (!feed) throw noFeed();
    // One audit verb for every change of the feed's URL; turning it off is a rotation to none.
    await recordAudit(tx, {
      action: 'calendar_feed.rotated',
      ...actedBy(principal),
      objectType: 'calendar_feed',
      objectId: feed.id,
      ip,
      details: { change: 'revoked' },
    });
  });
}

/**
 * The iCalendar feed behind a secret URL: the entries its owner attends, read as that membership
 * would read them (a firm user attends as its membership, a co-counsel as its contact card). An
 * unknown or replaced token, or a deactivated owner, is 404.
 */
export async function calendarFeedIcs(app: FastifyInstance, token: string): Promise<string> {
  const db = app.database.db;
  const owner = await repo.findFeedOwner(db, hashToken(token));
  const noSuchFeed = new AppError('not_found', 'No such calendar feed.');
  if (!owner) throw noSuchFeed;
  const { membership } = owner;
  const principal: Principal = {
    identityId: membership.identityId,
    membershipId: membership.id,
    firmId: membership.firmId,
    role: membership.role,
    contactId: membership.contactId,
    sessionId: null,
    apiTokenId: null,
  };
  if (!can(principal, 'read', { type: 'calendar_entry', firmId: principal.firmId })) throw noSuchFeed;
  const rows = await repo.listEntries(
    db,
    scope(principal, 'calendar_entry'),
    {
      from: new Date(Date.now() - FEED_LOOKBACK_DAYS * DAY_MS),
      ...(principal.contactId
        ? { attendeeContactId: principal.contactId }
        : { attendeeMembershipId: principal.membershipId }),
    },
    { limit: FEED_MAX_EVENTS },
  );
  return calendarObject(await loadEntries(db, rows), { name: `Chambers — ${owner.firmName}` });
}
