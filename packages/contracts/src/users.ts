import { type Static, Type } from 'typebox';
import { Page, Timestamp } from './common';
import { ref } from './schema-ref';

/** The roles of a firm's own users (externals are invited through shares, not here). */
export const FirmRole = Type.Union([Type.Literal('admin'), Type.Literal('attorney'), Type.Literal('staff')], {
  $id: 'FirmRole',
});
export type FirmRole = Static<typeof FirmRole>;

export const MembershipStatus = Type.Union([Type.Literal('active'), Type.Literal('deactivated')], {
  $id: 'MembershipStatus',
});
export type MembershipStatus = Static<typeof MembershipStatus>;

/** A firm user: one firm-role membership of the caller's firm, with its identity's name and email. */
export const FirmUser = Type.Object(
  {
    id: Type.String({ description: 'The membership id.' }),
    name: Type.String(),
    email: Type.String(),
    role: ref(FirmRole),
    status: ref(MembershipStatus),
    last_used_at: Type.Union([ref(Timestamp), Type.Null()], {
      description: 'When this account last signed in or was switched to.',
    }),
    created_at: ref(Timestamp),
    updated_at: ref(Timestamp),
  },
  {
    $id: 'FirmUser',
    additionalProperties: false,
    examples: [
      {
        id: '019a0000-0000-7000-8000-000000000002',
        name: 'Ari Attorney',
        email: 'attorney@demo-firm.test',
        role: 'attorney',
        status: 'active',
        last_used_at: '2026-11-21T08:00:00.000Z',
        created_at: '2026-01-05T12:00:00.000Z',
        updated_at: '2026-01-05T12:00:00.000Z',
      },
    ],
  },
);
export type FirmUser = Static<typeof FirmUser>;

export const FirmUserPage = Page(ref(FirmUser));
export type FirmUserPage = Static<typeof FirmUserPage>;

export const InviteUser = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    name: Type.String({ minLength: 1, maxLength: 200, description: 'Used to greet the invitee.' }),
    role: ref(FirmRole),
  },
  {
    $id: 'InviteUser',
    additionalProperties: false,
    examples: [{ email: 'new.associate@demo-firm.test', name: 'Nia Associate', role: 'attorney' }],
  },
);
export type InviteUser = Static<typeof InviteUser>;

export const UpdateUser = Type.Object(
  { role: ref(FirmRole) },
  { $id: 'UpdateUser', additionalProperties: false },
);
export type UpdateUser = Static<typeof UpdateUser>;

/** An invitation of a firm user; the link itself only ever goes to the invitee's mailbox. */
export const UserInvitation = Type.Object(
  {
    id: Type.String(),
    email: Type.String(),
    role: ref(FirmRole),
    status: Type.Union([
      Type.Literal('pending'),
      Type.Literal('accepted'),
      Type.Literal('revoked'),
      Type.Literal('expired'),
    ]),
    invited_by_membership_id: Type.String(),
    expires_at: ref(Timestamp),
    created_at: ref(Timestamp),
  },
  {
    $id: 'UserInvitation',
    additionalProperties: false,
    examples: [
      {
        id: '019a0000-0000-7000-8000-0000000000e9',
        email: 'new.associate@demo-firm.test',
        role: 'attorney',
        status: 'pending',
        invited_by_membership_id: '019a0000-0000-7000-8000-000000000003',
        expires_at: '2026-11-29T12:00:00.000Z',
        created_at: '2026-11-22T12:00:00.000Z',
      },
    ],
  },
);
export type UserInvitation = Static<typeof UserInvitation>;
