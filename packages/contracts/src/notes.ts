import { type Static, type TSchema, Type } from 'typebox';
import { Page, PageQuery, PlainDate, Timestamp, UpdatedSinceQuery } from './common';
import { Person } from './people';
import { ref } from './schema-ref';

const BODY_DESCRIPTION =
  'Plain text, up to 100,000 characters. It is stored as sent and never rendered as markup: ' +
  'clients show it as text (line breaks kept), so HTML or Markdown in it stays literal.';

const example = {
  id: '019a0000-0000-7000-8000-0000000000a1',
  matter_id: '019a0000-0000-7000-8000-000000000010',
  subject: 'Call with opposing counsel',
  body: 'They will send the draft settlement by Friday.\nFollow up on Monday if not.',
  author: { type: 'user', id: '019a0000-0000-7000-8000-000000000002', name: 'Ari Attorney' },
  date: '2026-11-20',
  created_at: '2026-11-20T16:04:05.000Z',
  updated_at: '2026-11-20T16:04:05.000Z',
};

/** A note on a matter, written by a firm user. */
export const Note = Type.Object(
  {
    id: Type.String(),
    matter_id: Type.String(),
    subject: Type.String(),
    body: Type.String({ description: BODY_DESCRIPTION }),
    author: ref(Person),
    date: ref(PlainDate),
    created_at: ref(Timestamp),
    updated_at: ref(Timestamp),
  },
  {
    $id: 'Note',
    additionalProperties: false,
    description: '`author` is the firm user (membership) who wrote the note.',
    examples: [example],
  },
);
export type Note = Static<typeof Note>;

export const NotePage = Page(ref(Note));
export type NotePage = Static<typeof NotePage>;

const Subject = Type.String({ minLength: 1, maxLength: 300, pattern: '\\S' });
const Body = Type.String({ maxLength: 100_000, description: BODY_DESCRIPTION });

export const CreateNote = Type.Object(
  {
    matter_id: Type.String({ format: 'uuid' }),
    subject: Subject,
    body: Type.Optional(Body),
    date: Type.Optional(ref(PlainDate)),
  },
  {
    $id: 'CreateNote',
    additionalProperties: false,
    description: '`date` defaults to today (UTC); `body` to empty. The caller is the author.',
    examples: [{ matter_id: example.matter_id, subject: example.subject, body: example.body }],
  },
);
export type CreateNote = Static<typeof CreateNote>;

export const UpdateNote = Type.Object(
  {
    subject: Type.Optional(Subject),
    body: Type.Optional(Body),
    date: Type.Optional(ref(PlainDate)),
  },
  {
    $id: 'UpdateNote',
    additionalProperties: false,
    minProperties: 1,
    description: 'A note stays on its matter: `matter_id` cannot be changed.',
    examples: [{ body: 'Draft received; reviewing.' }],
  },
);
export type UpdateNote = Static<typeof UpdateNote>;

export const NoteQuery = Type.Object(
  {
    ...PageQuery.properties,
    ...UpdatedSinceQuery.properties,
    matter_id: Type.Optional(Type.String({ format: 'uuid', description: "Only this matter's notes." })),
  },
  { additionalProperties: false },
);
export type NoteQuery = Static<typeof NoteQuery>;

/** The shared ($id) schemas of this module, registered once by the API. */
export const noteSchemas: TSchema[] = [Note, CreateNote, UpdateNote];
