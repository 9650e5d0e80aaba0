import { index, inet, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { id, instant } from './columns';

/**
 * Who did what, when, from where. Append-only: a trigger (migration 0002) refuses UPDATE and
 * DELETE. `firm_id` is null for events that belong to no firm yet (a failed sign-in to an
 * unknown email). `subject` is what the event is about when it is not a row (an email address).
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: id(),
    firmId: uuid('firm_id'),
    actorIdentityId: uuid('actor_identity_id'),
    actorMembershipId: uuid('actor_membership_id'),
    action: text('action').notNull(),
    objectType: text('object_type'),
    objectId: uuid('object_id'),
    subject: text('subject'),
    ip: inet('ip'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (table) => [
    index('audit_events_firm_idx').on(table.firmId, table.id),
    // A contact's recent access (GET /contacts/{id}/access) reads one account's events newest first.
    index('audit_events_actor_membership_idx').on(table.actorMembershipId, table.id),
    index('audit_events_subject_idx').on(table.action, table.subject, table.createdAt),
  ],
);
