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
  { $id: 'AuditEvent', additionalProperties: false },
);
export type AuditEvent = Static<typeof AuditEvent>;

export const AuditEventPage = Page(ref(AuditEvent));
export type AuditEventPage = Static<typeof AuditEventPage>;
