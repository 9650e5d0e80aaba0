import { type Static, type TSchema, Type } from 'typebox';
import { Page, PageQuery, Timestamp } from './common';
import { Person } from './people';
import { ref } from './schema-ref';

export const ShareResourceType = Type.Union(
  [Type.Literal('matter'), Type.Literal('folder'), Type.Literal('document')],
  {
    $id: 'ShareResourceType',
    description: 'A folder share covers whatever is inside the folder (and its sub-folders) at request time.',
  },
);
export type ShareResourceType = Static<typeof ShareResourceType>;

const example = {
  id: '019a0000-0000-7000-8000-0000000000f1',
  contact: {
    id: '019a0000-0000-7000-8000-000000000031',
    name: 'Cora Counsel',
    email: 'cora@outside-counsel.example',
  },
  resource_type: 'matter',
  matter_id: '019a0000-0000-7000-8000-000000000010',
  folder_id: null,
  document_id: null,
  resource_name: '00012: Smith v. Jones',
  created_by: { type: 'user', id: '019a0000-0000-7000-8000-000000000002', name: 'Ari Attorney' },
  created_at: '2026-11-20T16:04:05.000Z',
};

const resourceId = (type: string) =>
  Type.Union([Type.String(), Type.Null()], { description: `Set when \`resource_type\` is \`${type}\`.` });

const shareFields = {
  id: Type.String(),
  contact: Type.Object(
    { id: Type.String(), name: Type.String(), email: Type.Union([Type.String(), Type.Null()]) },
    { additionalProperties: false, description: 'The co-counsel contact it is shared with.' },
  ),
  resource_type: ref(ShareResourceType),
  matter_id: resourceId('matter'),
  folder_id: resourceId('folder'),
  document_id: resourceId('document'),
  resource_name: Type.String({
    description: "The matter's number and description, or the folder's or document's name, as it is now.",
  }),
  created_by: ref(Person),
  created_at: ref(Timestamp),
};

/** A matter, folder or document shared with a co-counsel contact. */
export const Share = Type.Object(shareFields, {
  $id: 'Share',
  additionalProperties: false,
  description: 'Exactly one of `matter_id`, `folder_id`, `document_id` is set, as `resource_type` says.',
  examples: [example],
});
export type Share = Static<typeof Share>;

/** The answer to sharing: the share, and which mail it sent. */
export const CreatedShare = Type.Object(
  {
    ...shareFields,
    invitation_sent: Type.Boolean({
      description:
        'The contact had no account at the firm and no open invitation: an invitation was mailed to it.',
    }),
    notice_sent: Type.Boolean({
      description:
        'The contact has an active account at the firm and the firm mails share notices: a notice went ' +
        'to its login address.',
    }),
  },
  {
    $id: 'CreatedShare',
    additionalProperties: false,
    examples: [{ ...example, invitation_sent: false, notice_sent: true }],
  },
);
export type CreatedShare = Static<typeof CreatedShare>;

export const SharePage = Page(ref(Share));
export type SharePage = Static<typeof SharePage>;

const Uuid = (description: string) => Type.String({ format: 'uuid', description });

export const CreateShare = Type.Object(
  {
    contact_id: Uuid('A contact of the firm flagged as co-counsel, with an email address.'),
    matter_id: Type.Optional(Uuid('Share this matter.')),
    folder_id: Type.Optional(Uuid('Share this folder and everything in it.')),
    document_id: Type.Optional(Uuid('Share this document alone.')),
  },
  {
    $id: 'CreateShare',
    additionalProperties: false,
    // `contact_id` and exactly one of the three resources.
    minProperties: 2,
    maxProperties: 2,
    description:
      '`contact_id` and exactly one of `matter_id`, `folder_id`, `document_id`. Sharing with a contact ' +
      'who has no account at the firm mails it an invitation; later shares mail a notice when the firm ' +
      'has them on (`PATCH /firm`).',
    examples: [{ contact_id: example.contact.id, matter_id: example.matter_id }],
  },
);
export type CreateShare = Static<typeof CreateShare>;

export const ShareQuery = Type.Object(
  {
    ...PageQuery.properties,
    contact_id: Type.Optional(Uuid('Only shares with this contact.')),
    matter_id: Type.Optional(Uuid('Only shares of this matter itself (not of its folders or documents).')),
    folder_id: Type.Optional(Uuid('Only shares of this folder itself.')),
    document_id: Type.Optional(Uuid('Only shares of this document itself.')),
  },
  { additionalProperties: false },
);
export type ShareQuery = Static<typeof ShareQuery>;

/** Something an external's account did, from the audit log. */
export const ContactAccessEvent = Type.Object(
  {
    id: Type.String(),
    action: Type.String({ description: 'What happened, e.g. `document.downloaded` or `auth.login`.' }),
    object_type: Type.Union([Type.String(), Type.Null()]),
    object_id: Type.Union([Type.String(), Type.Null()]),
    at: ref(Timestamp),
    ip: Type.Union([Type.String(), Type.Null()]),
  },
  {
    $id: 'ContactAccessEvent',
    additionalProperties: false,
    examples: [
      {
        id: '019a0000-0000-7000-8000-0000000000c9',
        action: 'document.downloaded',
        object_type: 'document',
        object_id: '019a0000-0000-7000-8000-0000000000d1',
        at: '2026-11-21T09:15:00.000Z',
        ip: '203.0.113.7',
      },
    ],
  },
);
export type ContactAccessEvent = Static<typeof ContactAccessEvent>;

export const ContactAccessPage = Page(ref(ContactAccessEvent));
export type ContactAccessPage = Static<typeof ContactAccessPage>;

/** The shared ($id) schemas of this module, registered once by the API. */
export const shareSchemas: TSchema[] = [
  ShareResourceType,
  Share,
  CreatedShare,
  CreateShare,
  ContactAccessEvent,
];
