import { type Static, Type } from 'typebox';
import { Page, Timestamp } from './common';
import { ref } from './schema-ref';

/** A mail kept by the embedded dev mailbox (development only; absent when SMTP is configured). */
export const DevMail = Type.Object(
  {
    id: Type.String(),
    from: Type.String(),
    to: Type.Array(Type.String()),
    subject: Type.String(),
    text: Type.String(),
    html: Type.Union([Type.String(), Type.Null()]),
    sent_at: ref(Timestamp),
  },
  { $id: 'DevMail', additionalProperties: false },
);
export type DevMail = Static<typeof DevMail>;

export const DevMailPage = Page(ref(DevMail));
export type DevMailPage = Static<typeof DevMailPage>;
