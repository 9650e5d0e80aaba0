import { type Static, Type } from 'typebox';
import { MembershipSummary } from './auth';
import { ref } from './schema-ref';

/** The signed-in person: their identity and the membership this session acts as. */
export const Me = Type.Object(
  {
    id: Type.String(),
    email: Type.String(),
    name: Type.String(),
    time_zone: Type.String({ description: 'An IANA time zone, e.g. America/New_York.' }),
    avatar_url: Type.Union([Type.String(), Type.Null()], {
      description:
        'Where to fetch your picture (GET, with your bearer token; add `size`), or null when you have none.',
    }),
    membership: ref(MembershipSummary),
  },
  {
    $id: 'Me',
    additionalProperties: false,
    examples: [
      {
        id: '019a0000-0000-7000-8000-0000000000a0',
        email: 'attorney@demo-firm.test',
        name: 'Ari Attorney',
        time_zone: 'America/New_York',
        avatar_url: null,
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
export type Me = Static<typeof Me>;

export const UpdateMe = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    time_zone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { $id: 'UpdateMe', additionalProperties: false, minProperties: 1 },
);
export type UpdateMe = Static<typeof UpdateMe>;

export const ChangePassword = Type.Object(
  {
    current_password: Type.String({ minLength: 1, maxLength: 128 }),
    new_password: Type.String({ minLength: 1, maxLength: 512 }),
  },
  { $id: 'ChangePassword', additionalProperties: false },
);
export type ChangePassword = Static<typeof ChangePassword>;
