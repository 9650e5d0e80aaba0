import { type Static, Type } from 'typebox';
import { ref } from './schema-ref';

export const PersonType = Type.Union([Type.Literal('user'), Type.Literal('contact')], {
  $id: 'PersonType',
  description: '`user`: a firm user (its membership id). `contact`: a contact of the firm.',
});
export type PersonType = Static<typeof PersonType>;

/** Names a person on a record (an attendee, a sender, an assignee) in a request. */
export const PersonRef = Type.Object(
  { type: ref(PersonType), id: Type.String({ format: 'uuid' }) },
  {
    $id: 'PersonRef',
    additionalProperties: false,
    examples: [{ type: 'contact', id: '019a0000-0000-7000-8000-000000000001' }],
  },
);
export type PersonRef = Static<typeof PersonRef>;

/** A person on a record, as answered: the reference plus a display name. */
export const Person = Type.Object(
  { type: ref(PersonType), id: Type.String(), name: Type.String() },
  { $id: 'Person', additionalProperties: false },
);
export type Person = Static<typeof Person>;
