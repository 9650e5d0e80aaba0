import { type Static, Type } from 'typebox';
import { MembershipRole } from './auth';
import { Timestamp } from './common';
import { ref } from './schema-ref';

/** What the holder of an invitation link sees before accepting it. */
export const InvitationPreview = Type.Object(
  {
    firm_name: Type.String(),
    invited_by_name: Type.String({ description: 'Who sent the invitation.' }),
    email: Type.String({ description: 'The address invited; accepting signs in with it.' }),
    role: ref(MembershipRole),
    portal: Type.Union([Type.Literal('manage'), Type.Literal('connect')], {
      description: 'Which app the new account signs in to.',
    }),
    shared: Type.Union(
      [
        Type.Object(
          { type: Type.String(), id: Type.String(), label: Type.String() },
          { additionalProperties: false },
        ),
        Type.Null(),
      ],
      {
        description: 'What was shared with the invitee, if the invitation came with a share still in force.',
      },
    ),
    expires_at: ref(Timestamp),
    identity_exists: Type.Boolean({
      description:
        'Whether this email already signs in to Chambers: accept with that password; otherwise send a name and a new password.',
    }),
  },
  {
    $id: 'InvitationPreview',
    additionalProperties: false,
    examples: [
      {
        firm_name: 'Demo Firm LLP',
        invited_by_name: 'Ari Attorney',
        email: 'cora@outside-counsel.test',
        role: 'co_counsel',
        portal: 'connect',
        shared: null,
        expires_at: '2026-11-29T12:00:00.000Z',
        identity_exists: false,
      },
    ],
  },
);
export type InvitationPreview = Static<typeof InvitationPreview>;

/**
 * Accepting an invitation: `name` and a new `password` create the login; when the email already
 * has one, only its current `password` is sent.
 */
export const AcceptInvitation = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    password: Type.String({ minLength: 1, maxLength: 512 }),
  },
  { $id: 'AcceptInvitation', additionalProperties: false },
);
export type AcceptInvitation = Static<typeof AcceptInvitation>;
