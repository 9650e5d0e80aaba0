import { type Static, type TSchema, Type } from 'typebox';
import { IsoDateTime, Page, PageQuery, Timestamp, UpdatedSinceQuery } from './common';
import { Person, PersonRef } from './people';
import { ref } from './schema-ref';

export const CommunicationType = Type.Union([Type.Literal('phone_call'), Type.Literal('email')], {
  $id: 'CommunicationType',
});
export type CommunicationType = Static<typeof CommunicationType>;

const BODY_DESCRIPTION =
  'Plain text, up to 100,000 characters (what was said or written). It is never rendered as ' +
  'markup: clients show it as text.';

const example = {
  id: '019a0000-0000-7000-8000-0000000000c1',
  matter_id: '019a0000-0000-7000-8000-000000000010',
  type: 'phone_call',
  subject: 'Settlement terms',
  body: 'Client agrees to the revised payment schedule.',
  occurred_at: '2026-11-20T15:30:00.000Z',
  senders: [{ type: 'user', id: '019a0000-0000-7000-8000-000000000002', name: 'Ari Attorney' }],
  receivers: [{ type: 'contact', id: '019a0000-0000-7000-8000-000000000021', name: 'Jordan Client' }],
  created_by: { type: 'user', id: '019a0000-0000-7000-8000-000000000003', name: 'Sam Staff' },
  created_at: '2026-11-20T16:04:05.000Z',
  updated_at: '2026-11-20T16:04:05.000Z',
};

/** A phone call or email recorded on a matter: a log of it, not the mail itself. */
export const Communication = Type.Object(
  {
    id: Type.String(),
    matter_id: Type.String(),
    type: ref(CommunicationType),
    subject: Type.String(),
    body: Type.String({ description: BODY_DESCRIPTION }),
    occurred_at: ref(Timestamp),
    senders: Type.Array(ref(Person), { description: 'Firm users and contacts, in the order given.' }),
    receivers: Type.Array(ref(Person), { description: 'Firm users and contacts, in the order given.' }),
    created_by: ref(Person),
    created_at: ref(Timestamp),
    updated_at: ref(Timestamp),
  },
  {
    $id: 'Communication',
    additionalProperties: false,
    description: '`created_by` is the firm user (membership) who logged it.',
    examples: [example],
  },
);
export type Communication = Static<typeof Communication>;

export const CommunicationPage = Page(ref(Communication));
export type CommunicationPage = Static<typeof CommunicationPage>;

const Subject = Type.String({ minLength: 1, maxLength: 300, pattern: '\\S' });
const Body = Type.String({ maxLength: 100_000, description: BODY_DESCRIPTION });
const Senders = Type.Array(ref(PersonRef), {
  minItems: 1,
  maxItems: 20,
  description: 'Firm users (membership ids) and contacts; each person at most once.',
});
const Receivers = Type.Array(ref(PersonRef), {
  maxItems: 50,
  description: 'Firm users (membership ids) and contacts; each person at most once.',
});

export const CreateCommunication = Type.Object(
  {
    matter_id: Type.String({ format: 'uuid' }),
    type: ref(CommunicationType),
    subject: Subject,
    body: Type.Optional(Body),
    occurred_at: IsoDateTime,
    senders: Senders,
    receivers: Type.Optional(Receivers),
  },
  {
    $id: 'CreateCommunication',
    additionalProperties: false,
    description:
      '`receivers` defaults to none. Every referenced matter, user and contact must be visible to ' +
      'the caller (422 naming the path otherwise).',
    examples: [
      {
        matter_id: example.matter_id,
        type: 'phone_call',
        subject: example.subject,
        body: example.body,
        occurred_at: '2026-11-20T10:30:00-05:00',
        senders: [{ type: 'user', id: '019a0000-0000-7000-8000-000000000002' }],
        receivers: [{ type: 'contact', id: '019a0000-0000-7000-8000-000000000021' }],
      },
    ],
  },
);
export type CreateCommunication = Static<typeof CreateCommunication>;

export const UpdateCommunication = Type.Object(
  {
    type: Type.Optional(ref(CommunicationType)),
    subject: Type.Optional(Subject),
    body: Type.Optional(Body),
    occurred_at: Type.Optional(IsoDateTime),
    senders: Type.Optional(Senders),
    receivers: Type.Optional(Receivers),
  },
  {
    $id: 'UpdateCommunication',
    additionalProperties: false,
    minProperties: 1,
    description:
      '`senders` and `receivers`, when given, replace the whole list. A log stays on its matter: ' +
      '`matter_id` cannot be changed.',
    examples: [{ receivers: [{ type: 'contact', id: '019a0000-0000-7000-8000-000000000021' }] }],
  },
);
export type UpdateCommunication = Static<typeof UpdateCommunication>;

export const CommunicationQuery = Type.Object(
  {
    ...PageQuery.properties,
    ...UpdatedSinceQuery.properties,
    matter_id: Type.Optional(Type.String({ format: 'uuid', description: "Only this matter's logs." })),
    type: Type.Optional(ref(CommunicationType)),
    contact_id: Type.Optional(
      Type.String({ format: 'uuid', description: 'Only logs with this contact among senders or receivers.' }),
    ),
  },
  { additionalProperties: false },
);
export type CommunicationQuery = Static<typeof CommunicationQuery>;

/** The shared ($id) schemas of this module, registered once by the API. */
export const communicationSchemas: TSchema[] = [
  CommunicationType,
  Communication,
  CreateCommunication,
  UpdateCommunication,
];
