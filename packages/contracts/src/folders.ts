import { type Static, type TSchema, Type } from 'typebox';
import { Page, PageQuery, Timestamp, UpdatedSinceQuery } from './common';
import { ref } from './schema-ref';

const NAME_RULES =
  'Trimmed; 1 to 255 characters; no `/`, `\\`, NUL or other control characters; not `.` or `..`. ' +
  'Sibling folders’ names differ ignoring case.';

const example = {
  id: '019a0000-0000-7000-8000-0000000000f2',
  matter_id: '019a0000-0000-7000-8000-000000000010',
  parent_id: '019a0000-0000-7000-8000-0000000000f1',
  name: 'Pleadings',
  created_at: '2026-11-20T16:04:05.000Z',
  updated_at: '2026-11-20T16:04:05.000Z',
};

/** A folder of a matter's tree; the root (made with the matter) has no parent. */
export const Folder = Type.Object(
  {
    id: Type.String(),
    matter_id: Type.String(),
    parent_id: Type.Union([Type.String(), Type.Null()], {
      description: 'null for the matter’s root folder.',
    }),
    name: Type.String(),
    created_at: ref(Timestamp),
    updated_at: ref(Timestamp),
  },
  {
    $id: 'Folder',
    additionalProperties: false,
    examples: [example],
  },
);
export type Folder = Static<typeof Folder>;

export const FolderPage = Page(ref(Folder));
export type FolderPage = Static<typeof FolderPage>;

const FolderName = Type.String({ minLength: 1, maxLength: 255, description: NAME_RULES });

export const CreateFolder = Type.Object(
  {
    parent_id: Type.String({
      format: 'uuid',
      description: 'The folder to create it in; the new folder belongs to the same matter.',
    }),
    name: FolderName,
  },
  {
    $id: 'CreateFolder',
    additionalProperties: false,
    description:
      'A matter’s top-level folders go in its root folder (`GET /folders?matter_id=…` lists it with ' +
      '`parent_id: null`). A name a sibling already has, ignoring case, is refused with 409.',
    examples: [{ parent_id: example.parent_id, name: example.name }],
  },
);
export type CreateFolder = Static<typeof CreateFolder>;

export const UpdateFolder = Type.Object(
  {
    name: Type.Optional(FolderName),
    parent_id: Type.Optional(
      Type.String({
        format: 'uuid',
        description:
          'Move the folder (with everything in it) into this folder of the same matter; not into itself ' +
          'or one of its own sub-folders.',
      }),
    ),
  },
  {
    $id: 'UpdateFolder',
    additionalProperties: false,
    minProperties: 1,
    description:
      'Rename and/or move. A folder stays in its matter; the root folder cannot be renamed or moved (422).',
    examples: [{ name: 'Pleadings (filed)' }, { parent_id: '019a0000-0000-7000-8000-0000000000f3' }],
  },
);
export type UpdateFolder = Static<typeof UpdateFolder>;

export const FolderQuery = Type.Object(
  {
    ...PageQuery.properties,
    ...UpdatedSinceQuery.properties,
    matter_id: Type.Optional(
      Type.String({
        format: 'uuid',
        description: 'Only this matter’s folders: its whole tree, as a flat list with `parent_id`s.',
      }),
    ),
    parent_id: Type.Optional(
      Type.String({ format: 'uuid', description: 'Only the children of this folder.' }),
    ),
  },
  { additionalProperties: false },
);
export type FolderQuery = Static<typeof FolderQuery>;

export const DeleteFolderQuery = Type.Object(
  {
    recursive: Type.Optional(
      Type.Boolean({
        default: false,
        description:
          'Delete the folder with everything in it: its sub-folders go, and its documents are deleted ' +
          '(restorable in the matter’s root folder for the retention period). Without it, a folder ' +
          'that is not empty is refused with 409.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type DeleteFolderQuery = Static<typeof DeleteFolderQuery>;

/** The shared ($id) schemas of this module, registered once by the API. */
export const folderSchemas: TSchema[] = [Folder, CreateFolder, UpdateFolder];
