import { type Static, Type } from 'typebox';
import { Page, Timestamp } from './common';
import { ref } from './schema-ref';

/** An integrator's API token as listed: never its secret. */
export const ApiToken = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    prefix: Type.String({ description: 'The first characters of the secret, to tell tokens apart.' }),
    expires_at: Type.Union([ref(Timestamp), Type.Null()]),
    last_used_at: Type.Union([ref(Timestamp), Type.Null()], {
      description: 'When the token last authenticated a request (updated at most once a minute).',
    }),
    created_at: ref(Timestamp),
  },
  {
    $id: 'ApiToken',
    additionalProperties: false,
    examples: [
      {
        id: '019a0000-0000-7000-8000-0000000000b1',
        name: 'Billing export',
        prefix: 'chm_3kT9',
        expires_at: null,
        last_used_at: '2026-11-21T08:00:00.000Z',
        created_at: '2026-11-01T12:00:00.000Z',
      },
    ],
  },
);
export type ApiToken = Static<typeof ApiToken>;

/** The answer to creating a token: the only time its secret is shown. */
export const CreatedApiToken = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    prefix: Type.String(),
    expires_at: Type.Union([ref(Timestamp), Type.Null()]),
    last_used_at: Type.Null(),
    created_at: ref(Timestamp),
    secret: Type.String({
      description:
        'Send it as `Authorization: Bearer <secret>`. Shown only in this response: it is stored hashed.',
    }),
  },
  {
    $id: 'CreatedApiToken',
    additionalProperties: false,
    examples: [
      {
        id: '019a0000-0000-7000-8000-0000000000b1',
        name: 'Billing export',
        prefix: 'chm_3kT9',
        expires_at: null,
        last_used_at: null,
        created_at: '2026-11-01T12:00:00.000Z',
        secret: 'chm_3kT9xQ2vLr8mW1pZs7Yb4nC6dE0fGhJk',
      },
    ],
  },
);
export type CreatedApiToken = Static<typeof CreatedApiToken>;

export const CreateApiToken = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    expires_at: Type.Optional(
      Type.String({
        format: 'date-time',
        description: 'When the token stops working: in the future and at most one year ahead. Omit for none.',
      }),
    ),
  },
  { $id: 'CreateApiToken', additionalProperties: false },
);
export type CreateApiToken = Static<typeof CreateApiToken>;

export const ApiTokenParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export type ApiTokenParams = Static<typeof ApiTokenParams>;

export const ApiTokenPage = Page(ref(ApiToken));
export type ApiTokenPage = Static<typeof ApiTokenPage>;
