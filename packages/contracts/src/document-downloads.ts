import { type Static, Type } from 'typebox';

/**
 * The only types a download may be shown in place (`disposition=inline`): a browser renders them
 * with its own viewer, never as a page of the API's origin.
 */
export const INLINE_CONTENT_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
] as const;
export type InlineContentType = (typeof INLINE_CONTENT_TYPES)[number];

export const DocumentDownloadQuery = Type.Object(
  {
    version: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 2_147_483_647,
        description: 'A version number (see the versions list); the current version when left out.',
      }),
    ),
    disposition: Type.Optional(
      Type.Union([Type.Literal('attachment'), Type.Literal('inline')], {
        default: 'attachment',
        description:
          '`attachment` (default) saves the file; `inline` shows it in the browser, for PDFs and images ' +
          '(PNG, JPEG, GIF, WebP) only: any other type answers 415.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type DocumentDownloadQuery = Static<typeof DocumentDownloadQuery>;
