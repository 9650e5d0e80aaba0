import { type Static, Type } from 'typebox';

export const Health = Type.Object(
  { status: Type.Literal('ok') },
  { $id: 'Health', additionalProperties: false, examples: [{ status: 'ok' }] },
);
export type Health = Static<typeof Health>;

export const Readiness = Type.Object(
  {
    status: Type.Union([Type.Literal('ready'), Type.Literal('unavailable')]),
    checks: Type.Object(
      {
        database: Type.Union([Type.Literal('ok'), Type.Literal('failing')]),
        storage: Type.Union([Type.Literal('ok'), Type.Literal('failing')]),
        shutting_down: Type.Boolean(),
      },
      { additionalProperties: false },
    ),
  },
  {
    $id: 'Readiness',
    additionalProperties: false,
    examples: [{ status: 'ready', checks: { database: 'ok', storage: 'ok', shutting_down: false } }],
  },
);
export type Readiness = Static<typeof Readiness>;
