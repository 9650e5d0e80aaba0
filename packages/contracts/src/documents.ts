import { type Static, type TSchema, Type } from 'typebox';
import { Page, PageQuery, Timestamp, UpdatedSinceQuery } from './common';
import { Person } from './people';
import { ref } from './schema-ref';

const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$', description: 'Lowercase hex SHA-256 of the bytes.' });

/** A document as listed and read: its place, and its current version's content. */
export const Document = Type.Object(
  {
    id: Type.String(),
    matter_id: Type.String(),
    folder_id: Type.String(),
    name: Type.String(),
    content_type: Type.String({ description: 'Of the current version, as sniffed from its bytes.' }),
    size: Type.Integer({ minimum: 0, description: 'Bytes of the current version.' }),
    sha256: Sha256,
    version: Type.Integer({ minimum: 1, description: 'The current version’s number.' }),
    current_version_id: Type.String(),
    uploaded_by: ref(Person),
    created_at: ref(Timestamp),
    updated_at: ref(Timestamp),
    deleted_at: Type.Union([ref(Timestamp), Type.Null()], {
      description: 'Set while the document is deleted and still restorable.',
    }),
  },
  {
    $id: 'Document',
    additionalProperties: false,
    examples: [
      {
        id: '019a0000-0000-7000-8000-0000000000d1',
        matter_id: '019a0000-0000-7000-8000-000000000010',
        folder_id: '019a0000-0000-7000-8000-0000000000f2',
        name: 'Complaint.pdf',
        content_type: 'application/pdf',
        size: 183_204,
        sha256: 'a3f1c0d8e4b9a7f6c5d4e3b2a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2',
        version: 2,
        current_version_id: '019a0000-0000-7000-8000-0000000000e2',
        uploaded_by: { type: 'user', id: '019a0000-0000-7000-8000-000000000002', name: 'Ari Attorney' },
        created_at: '2026-11-20T16:04:05.000Z',
        updated_at: '2026-11-21T09:12:00.000Z',
        deleted_at: null,
      },
    ],
  },
);
export type Document = Static<typeof Document>;

/** One stored content of a document. */
export const DocumentVersion = Type.Object(
  {
    id: Type.String(),
    document_id: Type.String(),
    number: Type.Integer({ minimum: 1 }),
    file_name: Type.String({ description: 'The (sanitised) name the file was uploaded under.' }),
    content_type: Type.String(),
    size: Type.Integer({ minimum: 0 }),
    sha256: Sha256,
    uploaded_by: ref(Person),
    created_at: ref(Timestamp),
    is_current: Type.Boolean(),
  },
  {
    $id: 'DocumentVersion',
    additionalProperties: false,
    examples: [
      {
        id: '019a0000-0000-7000-8000-0000000000e2',
        document_id: '019a0000-0000-7000-8000-0000000000d1',
        number: 2,
        file_name: 'Complaint (filed).pdf',
        content_type: 'application/pdf',
        size: 183_204,
        sha256: 'a3f1c0d8e4b9a7f6c5d4e3b2a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2',
        uploaded_by: { type: 'user', id: '019a0000-0000-7000-8000-000000000002', name: 'Ari Attorney' },
        created_at: '2026-11-21T09:12:00.000Z',
        is_current: true,
      },
    ],
  },
);
export type DocumentVersion = Static<typeof DocumentVersion>;

export const DocumentPage = Page(ref(Document));
export type DocumentPage = Static<typeof DocumentPage>;

export const DocumentQuery = Type.Object(
  {
    ...PageQuery.properties,
    ...UpdatedSinceQuery.properties,
    matter_id: Type.Optional(Type.String({ format: 'uuid', description: "Only this matter's documents." })),
    folder_id: Type.Optional(
      Type.String({ format: 'uuid', description: 'Only the documents directly in this folder.' }),
    ),
    q: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'Name contains this text, ignoring case.' }),
    ),
    deleted: Type.Optional(
      Type.Boolean({
        default: false,
        description:
          '`true`: the deleted documents that can still be restored (deleted within the retention period) instead of the live ones.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type DocumentQuery = Static<typeof DocumentQuery>;

const NAME_DESCRIPTION =
  'Sanitised: path separators become `_`, control and bidirectional-override characters are removed, ' +
  'surrounding spaces and trailing dots are trimmed, and it is cut to 255 characters (keeping the extension). ' +
  'An extension must fit the content (a PDF cannot be named `.html`).';
const Name = Type.String({ minLength: 1, maxLength: 1000, description: NAME_DESCRIPTION });

export const UpdateDocument = Type.Object(
  {
    name: Type.Optional(Name),
    folder_id: Type.Optional(
      Type.String({ format: 'uuid', description: 'Another folder of the same matter (422 otherwise).' }),
    ),
  },
  {
    $id: 'UpdateDocument',
    additionalProperties: false,
    minProperties: 1,
    description: 'Rename and/or move a document. A document stays on its matter.',
    examples: [{ name: 'Complaint (filed).pdf', folder_id: '019a0000-0000-7000-8000-0000000000f3' }],
  },
);
export type UpdateDocument = Static<typeof UpdateDocument>;

/** The documents one multipart upload made, in the order their files were sent. */
export const UploadedDocuments = Type.Object(
  { data: Type.Array(ref(Document)) },
  { $id: 'UploadedDocuments', additionalProperties: false },
);
export type UploadedDocuments = Static<typeof UploadedDocuments>;

/** The form of `POST /documents`, for the reference (the API reads it as a stream, in order). */
export const UploadDocumentsForm = Type.Object(
  {
    folder_id: Type.String({
      format: 'uuid',
      description: 'The folder to upload into. Send either this or `matter_id`, as the FIRST field.',
    }),
    matter_id: Type.String({
      format: 'uuid',
      description: "Instead of `folder_id`: the matter's root folder.",
    }),
    name: Type.String({
      description: `Optional, before a file: the name of the NEXT file's document. ${NAME_DESCRIPTION}`,
    }),
    path: Type.String({
      description:
        "Optional, before a file: the NEXT file's path relative to the uploaded folder, as a browser's `webkitRelativePath` gives it (`Pleadings/2026/motion.pdf`). Every segment but the last is a folder, found or made under the target folder (sibling names match ignoring case).",
    }),
    file: Type.String({
      format: 'binary',
      description: 'A file; repeat `[name] [path] file` for each file.',
    }),
  },
  { required: ['file'], additionalProperties: false },
);

/** The form of `POST /documents/{id}/versions`. */
export const UploadVersionForm = Type.Object(
  { file: Type.String({ format: 'binary', description: 'The new content.' }) },
  { required: ['file'], additionalProperties: false },
);

export const DocumentVersionPage = Page(ref(DocumentVersion));
export type DocumentVersionPage = Static<typeof DocumentVersionPage>;

export const VersionParams = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    number: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
  },
  { additionalProperties: false },
);
export type VersionParams = Static<typeof VersionParams>;

const exampleSha256 = 'a3f1c0d8e4b9a7f6c5d4e3b2a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2';

/** Starts a direct-to-storage upload. */
export const CreateDirectUpload = Type.Object(
  {
    folder_id: Type.Optional(Type.String({ format: 'uuid', description: 'A new document in this folder.' })),
    matter_id: Type.Optional(
      Type.String({ format: 'uuid', description: "A new document in this matter's root folder." }),
    ),
    document_id: Type.Optional(
      Type.String({ format: 'uuid', description: 'A new version of this document instead.' }),
    ),
    name: Name,
    size: Type.Integer({ minimum: 1, description: 'Exact byte count that will be sent.' }),
    sha256: Sha256,
    content_type: Type.String({
      minLength: 1,
      maxLength: 255,
      description: 'The declared type; checked against the content when the upload is confirmed.',
    }),
  },
  {
    $id: 'CreateDirectUpload',
    additionalProperties: false,
    description: 'Exactly one of `folder_id`, `matter_id` and `document_id`.',
    examples: [
      {
        matter_id: '019a0000-0000-7000-8000-000000000010',
        name: 'Deposition video transcript.pdf',
        size: 734_003_200,
        sha256: exampleSha256,
        content_type: 'application/pdf',
      },
    ],
  },
);
export type CreateDirectUpload = Static<typeof CreateDirectUpload>;

/** Where to send the bytes of a direct upload, and until when. */
export const DirectUpload = Type.Object(
  {
    id: Type.String({
      description: 'The pending upload; confirm it with `POST /documents/uploads/{id}/confirm`.',
    }),
    document_id: Type.String({ description: 'The document it will belong to (invisible until confirmed).' }),
    url: Type.String({ description: 'Send the bytes here, as the body of one request.' }),
    method: Type.Literal('PUT'),
    headers: Type.Record(Type.String(), Type.String(), { description: 'Send these headers with it.' }),
    expires_at: ref(Timestamp),
  },
  {
    $id: 'DirectUpload',
    additionalProperties: false,
    description:
      '`url` works until `expires_at` (at most 5 minutes); confirm before the pending upload itself expires (UPLOAD_PENDING_TTL_SECONDS).',
    examples: [
      {
        id: '019a0000-0000-7000-8000-0000000000e3',
        document_id: '019a0000-0000-7000-8000-0000000000d2',
        url: 'https://bucket.s3.amazonaws.com/019a…?X-Amz-Signature=…',
        method: 'PUT',
        headers: { 'Content-Type': 'application/pdf' },
        expires_at: '2026-11-21T09:17:00.000Z',
      },
    ],
  },
);
export type DirectUpload = Static<typeof DirectUpload>;

export const UploadContentQuery = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 200, description: 'From the upload URL.' }) },
  { additionalProperties: false },
);
export type UploadContentQuery = Static<typeof UploadContentQuery>;

/** The shared ($id) schemas of this module, registered once by the API. */
export const documentSchemas: TSchema[] = [
  Document,
  DocumentVersion,
  UpdateDocument,
  UploadedDocuments,
  CreateDirectUpload,
  DirectUpload,
];
