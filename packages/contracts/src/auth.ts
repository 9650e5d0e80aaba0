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
  {
    $id: 'MembershipSummary',
    additionalProperties: false,
    examples: [
      {
        id: '019a0000-0000-7000-8000-000000000002',
        firm_id: '019a0000-0000-7000-8000-000000000001',
        firm_name: 'Demo Firm LLP',
        role: 'attorney',
        portal: 'manage',
      },
    ],
  },
);
export type MembershipSummary = Static<typeof MembershipSummary>;

export const LoginRequest = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 128 }),
  },
  {
    $id: 'LoginRequest',
    additionalProperties: false,
    examples: [{ email: 'attorney@demo-firm.test', password: 'correct horse battery staple' }],
  },
);
export type LoginRequest = Static<typeof LoginRequest>;

export const Session = Type.Object(
  {
    access_token: Type.String(),
    token_type: Type.Literal('Bearer'),
    expires_in: Type.Integer({ description: 'Seconds until the access token expires.' }),
    membership: ref(MembershipSummary),
  },
  {
    $id: 'Session',
    additionalProperties: false,
    examples: [
      {
        access_token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIuLi4ifQ.c2lnbmF0dXJl',
        token_type: 'Bearer',
        expires_in: 900,
        membership: {
          id: '019a0000-0000-7000-8000-000000000002',
          firm_id: '019a0000-0000-7000-8000-000000000001',
          firm_name: 'Demo Firm LLP',
          role: 'attorney',
          portal: 'manage',
        },
      },
    ],
  },
);
export type Session = Static<typeof Session>;

export const SwitchRequest = Type.Object(
  { membership_id: Type.String({ format: 'uuid' }) },
  { $id: 'SwitchRequest', additionalProperties: false },
);
export type SwitchRequest = Static<typeof SwitchRequest>;

export const MembershipPage = Page(ref(MembershipSummary));
export type MembershipPage = Static<typeof MembershipPage>;
