import { type Static, Type } from 'typebox';
import { Page } from './common';
import { ref } from './schema-ref';

export const MembershipRole = Type.Union(
  [
    Type.Literal('admin'),
    Type.Literal('attorney'),
    Type.Literal('staff'),
    Type.Literal('co_counsel'),
    Type.Literal('client'),
  ],
  { $id: 'MembershipRole' },
);
export type MembershipRole = Static<typeof MembershipRole>;

/** The account a session acts as: one identity's membership in one firm. */
export const MembershipSummary = Type.Object(
  {
    id: Type.String(),
    firm_id: Type.String(),
    firm_name: Type.String(),
    role: ref(MembershipRole),
    portal: Type.Union([Type.Literal('manage'), Type.Literal('connect')], {
      description: 'Which app this membership signs in to.',
    }),
  },
  { $id: 'MembershipSummary', additionalProperties: false },
);
export type MembershipSummary = Static<typeof MembershipSummary>;

export const LoginRequest = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 128 }),
  },
  { $id: 'LoginRequest', additionalProperties: false },
);
export type LoginRequest = Static<typeof LoginRequest>;

export const Session = Type.Object(
  {
    access_token: Type.String(),
    token_type: Type.Literal('Bearer'),
    expires_in: Type.Integer({ description: 'Seconds until the access token expires.' }),
    membership: ref(MembershipSummary),
  },
  { $id: 'Session', additionalProperties: false },
);
export type Session = Static<typeof Session>;

export const SwitchRequest = Type.Object(
  { membership_id: Type.String({ format: 'uuid' }) },
  { $id: 'SwitchRequest', additionalProperties: false },
);
export type SwitchRequest = Static<typeof SwitchRequest>;

export const MembershipPage = Page(ref(MembershipSummary));
export type MembershipPage = Static<typeof MembershipPage>;
