import { type Static, type TSchema, Type } from 'typebox';

const SHARE_NOTICE_DESCRIPTION =
  'Whether sharing something with co-counsel who already has an account mails them a notice (a link, ' +
  'never the content). The first share with someone new always mails the invitation.';

/** The caller's firm and its settings. */
export const Firm = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    share_notice_mails: Type.Boolean({ description: SHARE_NOTICE_DESCRIPTION }),
  },
  {
    $id: 'Firm',
    additionalProperties: false,
    examples: [
      { id: '019a0000-0000-7000-8000-000000000001', name: 'Demo Firm LLP', share_notice_mails: true },
    ],
  },
);
export type Firm = Static<typeof Firm>;

export const UpdateFirm = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' })),
    share_notice_mails: Type.Optional(Type.Boolean({ description: SHARE_NOTICE_DESCRIPTION })),
  },
  {
    $id: 'UpdateFirm',
    additionalProperties: false,
    minProperties: 1,
    examples: [{ share_notice_mails: false }],
  },
);
export type UpdateFirm = Static<typeof UpdateFirm>;

/** The shared ($id) schemas of this module, registered once by the API. */
export const firmSchemas: TSchema[] = [Firm, UpdateFirm];
