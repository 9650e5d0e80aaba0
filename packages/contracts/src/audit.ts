import { type Static, Type } from 'typebox';
import { Page, Timestamp } from './common';
import { ref } from './schema-ref';

/** One entry of a firm's audit log. */
export const AuditEvent = Type.Object(
  {
    id: Type.String(),
    action: Type.String({ description: 'What happened, e.g. auth.login or identity.password_changed.' }),
    actor_identity_id: Type.Union([Type.String(), Type.Null()]),
    actor_membership_id: Type.Union([Type.String(), Type.Null()]),
    object_type: Type.Union([Type.String(), Type.Null()]),
    object_id: Type.Union([Type.String(), Type.Null()]),
    ip: Type.Union([Type.String(), Type.Null()]),
    details: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
    created_at: ref(Timestamp),
  },
  {
    $id: 'AuditEvent',
    additionalProperties: false,
    examples: [
      {
        id: '019a0000-0000-7000-8000-0000000000c9',
        action: 'document.downloaded',
        actor_identity_id: '019a0000-0000-7000-8000-0000000000a0',
        actor_membership_id: '019a0000-0000-7000-8000-000000000002',
        object_type: 'document',
        object_id: '019a0000-0000-7000-8000-0000000000d1',
        ip: '203.0.113.7',
        details: { version: 2 },
        created_at: '2026-11-21T09:15:00.000Z',
      },
    ],
  },
);
export type AuditEvent = Static<typeof AuditEvent>;

export const AuditEventPage = Page(ref(AuditEvent));
export type AuditEventPage = Static<typeof AuditEventPage>;
