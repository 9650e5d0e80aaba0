import { type Static, type TSchema, Type } from 'typebox';
import { Page, PageQuery, Timestamp } from './common';
import { ConversationParticipant } from './conversations';
import { Person, PersonRef } from './people';
import { ref } from './schema-ref';

const PARTICIPANT_DESCRIPTION =
  "A firm user (an active membership of the firm) or a contact related to the portal's matter (its " +
  'client or a related contact, with an email). Every contact participant sees every message and every ' +
  'shared resource of the portal.';

const ids = {
  portal: '019a0000-0000-7000-8000-0000000000e1',
  matter: '019a0000-0000-7000-8000-000000000010',
  attorney: '019a0000-0000-7000-8000-000000000002',
  client: '019a0000-0000-7000-8000-000000000041',
  folder: '019a0000-0000-7000-8000-0000000000f1',
};
const attorney = { type: 'user', id: ids.attorney, name: 'Ari Attorney' };
const client = { type: 'contact', id: ids.client, name: 'Cliff Client' };

const portalExample = {
  id: ids.portal,
  name: '00001 · Estate of Whitfield',
  matter_id: ids.matter,
  participants: [
    { id: '019a0000-0000-7000-8000-0000000000e2', person: attorney },
    { id: '019a0000-0000-7000-8000-0000000000e3', person: client },
  ],
  closed_at: null,
  last_message_at: '2026-11-21T09:12:00.000Z',
  unread_count: 1,
  created_by: attorney,
  created_at: '2026-11-20T16:04:05.000Z',
  updated_at: '2026-11-20T16:04:05.000Z',
};

/** A matter's client portal: participants, messages and the matter's resources shared into it. */
export const Portal = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    matter_id: Type.Union([Type.String(), Type.Null()], {
      description: 'The matter the portal belongs to; null for externals, who do not see matters.',
    }),
    participants: Type.Array(ref(ConversationParticipant), { description: PARTICIPANT_DESCRIPTION }),
    closed_at: Type.Union([ref(Timestamp), Type.Null()], {
      description: 'When the firm closed the portal to new messages (it stays readable); null while open.',
    }),
    last_message_at: ref(Timestamp),
    unread_count: Type.Integer({
      minimum: 0,
      description:
        'Messages by others posted after the caller last read the portal; 0 for a firm user who does not take part.',
    }),
    created_by: ref(Person),
    created_at: ref(Timestamp),
    updated_at: ref(Timestamp),
  },
  {
    $id: 'Portal',
    additionalProperties: false,
    description: 'Firm users see every portal of their firm; externals only those they take part in.',
    examples: [portalExample],
  },
);
export type Portal = Static<typeof Portal>;

export const PortalPage = Page(ref(Portal));
export type PortalPage = Static<typeof PortalPage>;

const Name = Type.String({ minLength: 1, maxLength: 300, pattern: '\\S' });

export const CreatePortal = Type.Object(
  {
    matter_id: Type.String({ format: 'uuid' }),
    name: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 300,
        pattern: '\\S',
        description: "Defaults to the matter's number and description.",
      }),
    ),
    participants: Type.Optional(
      Type.Array(ref(PersonRef), {
        maxItems: 50,
        uniqueItems: true,
        description: `${PARTICIPANT_DESCRIPTION} Defaults to the caller and the matter's client; a list given replaces that default.`,
      }),
    ),
  },
  {
    $id: 'CreatePortal',
    additionalProperties: false,
    description:
      'Opens a client portal on a matter. Contacts without an account at the firm are mailed an invitation.',
    examples: [
      { matter_id: ids.matter },
      {
        matter_id: ids.matter,
        participants: [
          { type: 'contact', id: ids.client },
          { type: 'user', id: ids.attorney },
        ],
      },
    ],
  },
);
export type CreatePortal = Static<typeof CreatePortal>;

export const UpdatePortal = Type.Object(
  {
    name: Type.Optional(Name),
    closed: Type.Optional(
      Type.Boolean({ description: '`true` closes the portal to new messages; `false` reopens it.' }),
    ),
  },
  {
    $id: 'UpdatePortal',
    additionalProperties: false,
    minProperties: 1,
    examples: [{ closed: true }, { name: 'Whitfield estate — documents' }],
  },
);
export type UpdatePortal = Static<typeof UpdatePortal>;

export const PortalQuery = Type.Object(
  {
    ...PageQuery.properties,
    matter_id: Type.Optional(Type.String({ format: 'uuid', description: "Only this matter's portals." })),
    status: Type.Optional(
      Type.Union([Type.Literal('open'), Type.Literal('closed')], {
        description: '`open`: accepting messages; `closed`: closed by the firm.',
      }),
    ),
    unread: Type.Optional(
      Type.Boolean({
        description: '`true`: only portals with messages the caller has not read (`false` changes nothing).',
      }),
    ),
  },
  { additionalProperties: false },
);
export type PortalQuery = Static<typeof PortalQuery>;

export const AddPortalParticipant = Type.Object(
  { person: ref(PersonRef) },
  {
    $id: 'AddPortalParticipant',
    additionalProperties: false,
    description: `${PARTICIPANT_DESCRIPTION} A contact without an account at the firm is mailed an invitation.`,
    examples: [{ person: { type: 'contact', id: ids.client } }],
  },
);
export type AddPortalParticipant = Static<typeof AddPortalParticipant>;

export const PortalResourceType = Type.Union([Type.Literal('folder'), Type.Literal('document')], {
  $id: 'PortalResourceType',
});
export type PortalResourceType = Static<typeof PortalResourceType>;

/** A folder or document of the matter shared into a portal; open it through `/folders` or `/documents`. */
export const PortalSharedResource = Type.Object(
  {
    id: Type.String(),
    portal_id: Type.String(),
    resource_type: ref(PortalResourceType),
    resource_id: Type.String(),
    name: Type.String(),
    shared_by: ref(Person),
    created_at: ref(Timestamp),
  },
  {
    $id: 'PortalSharedResource',
    additionalProperties: false,
    description: 'A folder covers whatever is inside it when a request is made.',
    examples: [
      {
        id: '019a0000-0000-7000-8000-0000000000e4',
        portal_id: ids.portal,
        resource_type: 'folder',
        resource_id: ids.folder,
        name: 'Signed documents',
        shared_by: attorney,
        created_at: '2026-11-21T10:00:00.000Z',
      },
    ],
  },
);
export type PortalSharedResource = Static<typeof PortalSharedResource>;

export const PortalSharedResourcePage = Page(ref(PortalSharedResource));
export type PortalSharedResourcePage = Static<typeof PortalSharedResourcePage>;

export const SharePortalResource = Type.Object(
  { resource_type: ref(PortalResourceType), resource_id: Type.String({ format: 'uuid' }) },
  {
    $id: 'SharePortalResource',
    additionalProperties: false,
    description: "A folder or document of the portal's matter (422 naming `/resource_id` otherwise).",
    examples: [{ resource_type: 'folder', resource_id: ids.folder }],
  },
);
export type SharePortalResource = Static<typeof SharePortalResource>;

/** What a portal upload made: the new documents, each shared into the portal. */
export const PortalUploadResult = Type.Object(
  { data: Type.Array(ref(PortalSharedResource)) },
  { $id: 'PortalUploadResult', additionalProperties: false },
);
export type PortalUploadResult = Static<typeof PortalUploadResult>;

/** `:id` of a portal and `:messageId` of one of its messages. */
export const PortalMessageParams = Type.Object(
  { id: Type.String({ format: 'uuid' }), messageId: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);

/** `:id` of a portal and `:resourceId` of one of its shared resources. */
export const PortalResourceParams = Type.Object(
  { id: Type.String({ format: 'uuid' }), resourceId: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);

/** The shared ($id) schemas of this module, registered once by the API. */
export const portalSchemas: TSchema[] = [
  Portal,
  CreatePortal,
  UpdatePortal,
  AddPortalParticipant,
  PortalResourceType,
  PortalSharedResource,
  SharePortalResource,
  PortalUploadResult,
];
