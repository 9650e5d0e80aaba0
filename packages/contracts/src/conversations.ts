import { type Static, type TSchema, Type } from 'typebox';
import { Page, PageQuery, Timestamp } from './common';
import { Person, PersonRef } from './people';
import { ref } from './schema-ref';

const BODY_DESCRIPTION =
  'Plain text, up to 100,000 characters. It is stored as sent and never rendered as markup: ' +
  'clients show it as text (line breaks kept), so HTML or Markdown in it stays literal.';
const PARTICIPANT_DESCRIPTION =
  'A firm user (an active membership of the firm) or a contact flagged as co-counsel. ' +
  'Externals take part as their contact card.';

const ids = {
  conversation: '019a0000-0000-7000-8000-0000000000c7',
  matter: '019a0000-0000-7000-8000-000000000010',
  attorney: '019a0000-0000-7000-8000-000000000002',
  coCounsel: '019a0000-0000-7000-8000-000000000031',
  document: '019a0000-0000-7000-8000-0000000000d1',
};
const attorney = { type: 'user', id: ids.attorney, name: 'Ari Attorney' };
const coCounsel = { type: 'contact', id: ids.coCounsel, name: 'Casey Cocounsel' };

/** Someone taking part in a conversation; `id` names the participation (to remove it). */
export const ConversationParticipant = Type.Object(
  { id: Type.String(), person: ref(Person) },
  {
    $id: 'ConversationParticipant',
    additionalProperties: false,
    description: PARTICIPANT_DESCRIPTION,
    examples: [{ id: '019a0000-0000-7000-8000-0000000000c8', person: coCounsel }],
  },
);
export type ConversationParticipant = Static<typeof ConversationParticipant>;

const conversationExample = {
  id: ids.conversation,
  subject: 'Expert report timeline',
  matter_id: ids.matter,
  participants: [
    { id: '019a0000-0000-7000-8000-0000000000c8', person: coCounsel },
    { id: '019a0000-0000-7000-8000-0000000000c9', person: attorney },
  ],
  last_message_at: '2026-11-21T09:12:00.000Z',
  unread_count: 2,
  created_by: coCounsel,
  created_at: '2026-11-20T16:04:05.000Z',
  updated_at: '2026-11-20T16:04:05.000Z',
};

/** A secure conversation between firm users and external contacts, optionally about a matter. */
export const Conversation = Type.Object(
  {
    id: Type.String(),
    subject: Type.String(),
    matter_id: Type.Union([Type.String(), Type.Null()]),
    participants: Type.Array(ref(ConversationParticipant)),
    last_message_at: ref(Timestamp),
    unread_count: Type.Integer({
      minimum: 0,
      description:
        'Messages by others posted after the caller last read the conversation; 0 for a firm user who does not take part.',
    }),
    created_by: ref(Person),
    created_at: ref(Timestamp),
    updated_at: ref(Timestamp),
  },
  {
    $id: 'Conversation',
    additionalProperties: false,
    description: 'Firm users see every conversation of their firm; externals only those they take part in.',
    examples: [conversationExample],
  },
);
export type Conversation = Static<typeof Conversation>;

export const ConversationPage = Page(ref(Conversation));
export type ConversationPage = Static<typeof ConversationPage>;

/** A document attached to a message; download it with `GET /documents/{document_id}/download`. */
export const MessageAttachment = Type.Object(
  {
    document_id: Type.String(),
    name: Type.String(),
    content_type: Type.String(),
    size: Type.Integer({ minimum: 0 }),
  },
  {
    $id: 'MessageAttachment',
    additionalProperties: false,
    examples: [
      {
        document_id: ids.document,
        name: 'Expert report draft.pdf',
        content_type: 'application/pdf',
        size: 183_204,
      },
    ],
  },
);
export type MessageAttachment = Static<typeof MessageAttachment>;

export const Message = Type.Object(
  {
    id: Type.String(),
    conversation_id: Type.String(),
    body: Type.String({ description: BODY_DESCRIPTION }),
    author: ref(Person),
    created_at: ref(Timestamp),
    attachments: Type.Array(ref(MessageAttachment), {
      description: 'Deleted documents are left out.',
    }),
  },
  {
    $id: 'Message',
    additionalProperties: false,
    examples: [
      {
        id: '019a0000-0000-7000-8000-0000000000ca',
        conversation_id: ids.conversation,
        body: 'Draft attached.\nCan we move the deadline to the 4th?',
        author: coCounsel,
        created_at: '2026-11-21T09:12:00.000Z',
        attachments: [
          {
            document_id: ids.document,
            name: 'Expert report draft.pdf',
            content_type: 'application/pdf',
            size: 183_204,
          },
        ],
      },
    ],
  },
);
export type Message = Static<typeof Message>;

export const MessagePage = Page(ref(Message));
export type MessagePage = Static<typeof MessagePage>;

const Subject = Type.String({ minLength: 1, maxLength: 300, pattern: '\\S' });
const Body = Type.String({ minLength: 1, maxLength: 100_000, pattern: '\\S', description: BODY_DESCRIPTION });
const AttachmentIds = Type.Array(Type.String({ format: 'uuid' }), {
  maxItems: 20,
  uniqueItems: true,
  description:
    "Documents already uploaded (`POST /documents`), visible to the caller and filed to the conversation's matter.",
});

export const CreateConversation = Type.Object(
  {
    subject: Subject,
    matter_id: Type.Optional(
      Type.String({ format: 'uuid', description: 'Required for co-counsel: a matter shared with them.' }),
    ),
    participants: Type.Optional(
      Type.Array(ref(PersonRef), {
        maxItems: 50,
        uniqueItems: true,
        description: `${PARTICIPANT_DESCRIPTION} Firm users only: co-counsel may not name participants.`,
      }),
    ),
    body: Body,
    attachment_ids: Type.Optional(AttachmentIds),
  },
  {
    $id: 'CreateConversation',
    additionalProperties: false,
    description:
      'Starts a conversation with its first message; the caller always takes part. When co-counsel ' +
      "starts one, the firm side is the matter's responsible attorney and the firm users who shared " +
      'the matter with them.',
    examples: [
      {
        subject: conversationExample.subject,
        matter_id: ids.matter,
        participants: [{ type: 'contact', id: ids.coCounsel }],
        body: 'Could you send the expert report draft by Friday?',
      },
    ],
  },
);
export type CreateConversation = Static<typeof CreateConversation>;

export const UpdateConversation = Type.Object(
  { subject: Subject },
  {
    $id: 'UpdateConversation',
    additionalProperties: false,
    examples: [{ subject: 'Expert report: new timeline' }],
  },
);
export type UpdateConversation = Static<typeof UpdateConversation>;

export const CreateMessage = Type.Object(
  { body: Body, attachment_ids: Type.Optional(AttachmentIds) },
  {
    $id: 'CreateMessage',
    additionalProperties: false,
    examples: [{ body: 'Draft attached.', attachment_ids: [ids.document] }],
  },
);
export type CreateMessage = Static<typeof CreateMessage>;

export const AddConversationParticipant = Type.Object(
  { person: ref(PersonRef) },
  {
    $id: 'AddConversationParticipant',
    additionalProperties: false,
    description: PARTICIPANT_DESCRIPTION,
    examples: [{ person: { type: 'contact', id: ids.coCounsel } }],
  },
);
export type AddConversationParticipant = Static<typeof AddConversationParticipant>;

export const ConversationQuery = Type.Object(
  {
    ...PageQuery.properties,
    matter_id: Type.Optional(
      Type.String({ format: 'uuid', description: "Only this matter's conversations." }),
    ),
    unread: Type.Optional(
      Type.Boolean({
        description:
          '`true`: only conversations with messages the caller has not read (`false` changes nothing).',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ConversationQuery = Static<typeof ConversationQuery>;

export const ConversationReadQuery = Type.Object(
  {
    format: Type.Optional(
      Type.Literal('print', {
        description:
          '`print`: answer a printable `text/html` page (subject, matter number, participants, every ' +
          'message with its author, time and attachment names) instead of JSON.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ConversationReadQuery = Static<typeof ConversationReadQuery>;

/** `:id` and `:participantId` of a participation. */
export const ParticipantParams = Type.Object(
  { id: Type.String({ format: 'uuid' }), participantId: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);

/** The shared ($id) schemas of this module, registered once by the API. */
export const conversationSchemas: TSchema[] = [
  ConversationParticipant,
  Conversation,
  MessageAttachment,
  Message,
  CreateConversation,
  UpdateConversation,
  CreateMessage,
  AddConversationParticipant,
];
