import { type Static, type TSchema, Type } from 'typebox';
import { PlainDate, Timestamp } from './common';
import { MatterStatus } from './matters';
import { Person } from './people';
import { ref } from './schema-ref';
import { TaskPriority, TaskStatus } from './tasks';

/** How many items each section of the overview lists; `count` says how many there are in all. */
export const HOME_SECTION_ITEMS = 5;

const MatterId = Type.Union([Type.String(), Type.Null()], {
  description:
    'The matter it belongs to, or `null` when there is none or the caller cannot open it ' +
    '(co-counsel see a task, an event or a document without seeing its matter unless the matter is shared).',
});

const ids = {
  matter: '019a0000-0000-7000-8000-000000000010',
  document: '019a0000-0000-7000-8000-0000000000d1',
  event: '019a0000-0000-7000-8000-0000000000c5',
  task: '019a0000-0000-7000-8000-0000000000e1',
  conversation: '019a0000-0000-7000-8000-0000000000b7',
  portal: '019a0000-0000-7000-8000-0000000000b8',
};

/** A matter on the overview: enough to name it and link to `GET /matters/{id}`. */
export const HomeMatter = Type.Object(
  {
    id: Type.String(),
    number: Type.String(),
    description: Type.String(),
    status: ref(MatterStatus),
    updated_at: ref(Timestamp),
  },
  { $id: 'HomeMatter', additionalProperties: false },
);
export type HomeMatter = Static<typeof HomeMatter>;

/** A document on the overview (open it with `GET /documents/{id}`). */
export const HomeDocument = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    matter_id: MatterId,
    content_type: Type.String({ description: 'Of the current version.' }),
    created_at: ref(Timestamp),
    updated_at: ref(Timestamp),
  },
  { $id: 'HomeDocument', additionalProperties: false },
);
export type HomeDocument = Static<typeof HomeDocument>;

/** A document an external uploaded, with who did (firm users' overview). */
export const HomeUpload = Type.Object(
  { ...HomeDocument.properties, uploaded_by: ref(Person) },
  { $id: 'HomeUpload', additionalProperties: false },
);
export type HomeUpload = Static<typeof HomeUpload>;

/** An event on the overview (open it with `GET /calendar_entries/{id}`). */
export const HomeEvent = Type.Object(
  {
    id: Type.String(),
    title: Type.String(),
    starts_at: ref(Timestamp),
    ends_at: ref(Timestamp),
    all_day: Type.Boolean(),
    time_zone: Type.String({ description: 'The IANA zone it was planned in.' }),
    matter_id: MatterId,
  },
  { $id: 'HomeEvent', additionalProperties: false },
);
export type HomeEvent = Static<typeof HomeEvent>;

/** An open task on the overview (open it with `GET /tasks/{id}`). */
export const HomeTask = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    due_date: Type.Union([ref(PlainDate), Type.Null()]),
    priority: ref(TaskPriority),
    status: ref(TaskStatus),
    matter_id: MatterId,
  },
  { $id: 'HomeTask', additionalProperties: false },
);
export type HomeTask = Static<typeof HomeTask>;

/** A conversation with messages the caller has not read (open it with `GET /conversations/{id}`). */
export const HomeConversation = Type.Object(
  {
    id: Type.String(),
    subject: Type.String(),
    matter_id: MatterId,
    last_message_at: ref(Timestamp),
    unread_count: Type.Integer({
      minimum: 1,
      description: 'Messages posted by others after the caller last read the conversation.',
    }),
  },
  { $id: 'HomeConversation', additionalProperties: false },
);
export type HomeConversation = Static<typeof HomeConversation>;

/** A client portal the caller takes part in (open it with `GET /portals/{id}`). */
export const HomePortal = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    last_message_at: ref(Timestamp),
    unread_count: Type.Integer({
      minimum: 0,
      description: 'Messages posted by others after the caller last read the portal.',
    }),
  },
  { $id: 'HomePortal', additionalProperties: false },
);
export type HomePortal = Static<typeof HomePortal>;

const Count = Type.Integer({
  minimum: 0,
  description: `How many there are in all; \`items\` holds at most ${HOME_SECTION_ITEMS}, most relevant first.`,
});
const items = <T extends TSchema>(item: T) => Type.Array(item, { maxItems: HOME_SECTION_ITEMS });

/** One section: its first few items and how many there are. */
function Section<T extends TSchema>(item: T, description: string) {
  return Type.Object({ count: Count, items: items(item) }, { additionalProperties: false, description });
}

const UpcomingEvents = Section(
  ref(HomeEvent),
  'Calendar entries the caller attends that are not over yet, soonest first.',
);
const OpenTasks = Section(
  ref(HomeTask),
  'Tasks assigned to the caller and not completed, by due date (undated last).',
);
const UnreadConversations = Type.Object(
  {
    count: Count,
    items: items(ref(HomeConversation)),
    unread_messages: Type.Integer({
      minimum: 0,
      description: 'Unread messages across all of these conversations.',
    }),
  },
  {
    additionalProperties: false,
    description:
      'Conversations the caller takes part in with messages it has not read, most recent message first; ' +
      '`count` is how many such conversations there are.',
  },
);
const Portals = Section(
  ref(HomePortal),
  'Client portals the caller takes part in, most recent message first, each with its unread count.',
);

const eventExample = {
  id: ids.event,
  title: 'Deposition of Acme procurement manager',
  starts_at: '2026-11-24T14:00:00.000Z',
  ends_at: '2026-11-24T18:00:00.000Z',
  all_day: false,
  time_zone: 'America/New_York',
  matter_id: ids.matter,
};
const taskExample = {
  id: ids.task,
  name: 'Review Acme document production',
  due_date: '2026-11-26',
  priority: 'high',
  status: 'pending',
  matter_id: ids.matter,
};
const conversationsExample = {
  count: 1,
  unread_messages: 2,
  items: [
    {
      id: ids.conversation,
      subject: 'Deposition outline',
      matter_id: ids.matter,
      last_message_at: '2026-11-21T09:12:00.000Z',
      unread_count: 2,
    },
  ],
};
const documentExample = {
  id: ids.document,
  name: 'Complaint.pdf',
  matter_id: ids.matter,
  content_type: 'application/pdf',
  created_at: '2026-11-20T16:04:05.000Z',
  updated_at: '2026-11-21T09:12:00.000Z',
};

/**
 * An external's overview: co-counsel and clients get the same sections. A client sees only its
 * portals and their documents, so its `shared_matters`, `upcoming_events`, `open_tasks` and
 * `unread_conversations` are always empty (count 0). Everything listed is something the caller
 * can open.
 */
export const ExternalHome = Type.Object(
  {
    view: Type.Literal('external'),
    shared_matters: Section(
      ref(HomeMatter),
      'Matters shared with the caller, most recently changed first (always empty for clients).',
    ),
    recent_documents: Section(
      ref(HomeDocument),
      'Documents the caller can open (shared, in a shared folder, uploaded by it, attached to its ' +
        'conversations, or shared into or attached in its portals), most recently changed first.',
    ),
    upcoming_events: UpcomingEvents,
    open_tasks: OpenTasks,
    unread_conversations: UnreadConversations,
    portals: Portals,
  },
  {
    $id: 'ExternalHome',
    additionalProperties: false,
    examples: [
      {
        view: 'external',
        shared_matters: {
          count: 2,
          items: [
            {
              id: ids.matter,
              number: '00001',
              description: 'Client v. Acme Corp — breach of supply contract',
              status: 'open',
              updated_at: '2026-11-19T10:00:00.000Z',
            },
          ],
        },
        recent_documents: { count: 1, items: [documentExample] },
        upcoming_events: { count: 1, items: [eventExample] },
        open_tasks: { count: 1, items: [taskExample] },
        unread_conversations: conversationsExample,
        portals: {
          count: 1,
          items: [
            {
              id: ids.portal,
              name: 'Client v. Acme — your case',
              last_message_at: '2026-11-21T10:30:00.000Z',
              unread_count: 1,
            },
          ],
        },
      },
    ],
  },
);
export type ExternalHome = Static<typeof ExternalHome>;

/** A firm user's overview: its own calendar, tasks and conversations, and what externals uploaded. */
export const FirmHome = Type.Object(
  {
    view: Type.Literal('firm'),
    upcoming_events: UpcomingEvents,
    open_tasks: OpenTasks,
    unread_conversations: UnreadConversations,
    portals: Portals,
    external_uploads: Section(
      ref(HomeUpload),
      "Documents uploaded by the firm's co-counsel and clients, newest upload first; `uploaded_by` is " +
        'the contact card the firm knows the uploader by.',
    ),
  },
  {
    $id: 'FirmHome',
    additionalProperties: false,
    examples: [
      {
        view: 'firm',
        upcoming_events: { count: 3, items: [eventExample] },
        open_tasks: { count: 1, items: [{ ...taskExample, name: 'Prepare deposition outline' }] },
        unread_conversations: conversationsExample,
        external_uploads: {
          count: 1,
          items: [
            {
              ...documentExample,
              name: 'Deposition outline.docx',
              content_type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
              uploaded_by: {
                type: 'contact',
                id: '019a0000-0000-7000-8000-000000000031',
                name: 'Cora Counsel',
              },
            },
          ],
        },
      },
    ],
  },
);
export type FirmHome = Static<typeof FirmHome>;

/** The caller's overview; `view` says which kind. */
export const Home = Type.Union([ref(ExternalHome), ref(FirmHome)], {
  $id: 'Home',
  description: '`view` tells which overview it is: `external` (co-counsel, clients) or `firm` (firm users).',
});
export type Home = Static<typeof Home>;

/** The shared ($id) schemas of this module, registered once by the API. */
export const homeSchemas: TSchema[] = [
  HomeMatter,
  HomeDocument,
  HomeUpload,
  HomeEvent,
  HomeTask,
  HomeConversation,
  HomePortal,
  ExternalHome,
  FirmHome,
  Home,
];
