import { type Static, type TSchema, Type } from 'typebox';
import { ref } from './schema-ref';

/** `:id` in a path. */
export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

/** Opaque resource id (a UUIDv7 today; clients must not rely on that). */
export const Id = Type.String({ format: 'uuid', $id: 'Id', description: 'An opaque resource id.' });
export type Id = Static<typeof Id>;

/** RFC 3339 timestamp in UTC. */
export const Timestamp = Type.String({ format: 'date-time', $id: 'Timestamp' });
export type Timestamp = Static<typeof Timestamp>;

/** `limit` and `cursor` on every list route. */
export const PageQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 512 })),
  },
  // An unknown parameter (a misspelt filter) is refused, never silently ignored.
  { additionalProperties: false },
);
export type PageQuery = Static<typeof PageQuery>;

export const PageMeta = Type.Object(
  { next_cursor: Type.Union([Type.String(), Type.Null()]) },
  { $id: 'PageMeta', additionalProperties: false },
);

/** `{ data: T }` — the envelope of one resource. */
export function One<T extends TSchema>(item: T) {
  return Type.Object({ data: item }, { additionalProperties: false });
}

/** `{ data: T[], meta: { next_cursor } }` — the envelope of a list. */
export function Page<T extends TSchema>(item: T) {
  return Type.Object({ data: Type.Array(item), meta: ref(PageMeta) }, { additionalProperties: false });
}

/** A calendar date without a time, `YYYY-MM-DD`. */
export const PlainDate = Type.String({ format: 'date', $id: 'PlainDate', examples: ['2026-11-22'] });
export type PlainDate = Static<typeof PlainDate>;

/** Money as an integer number of minor units (cents) of the firm's currency. */
export const Money = Type.Integer({
  minimum: 0,
  maximum: 100_000_000_000,
  $id: 'Money',
  description: "An amount in minor units (cents) of the firm's currency.",
  examples: [35000],
});
export type Money = Static<typeof Money>;

/** A duration in whole seconds. */
export const DurationSeconds = Type.Integer({
  minimum: 0,
  maximum: 31_536_000,
  $id: 'DurationSeconds',
  description: 'Whole seconds.',
  examples: [5400],
});
export type DurationSeconds = Static<typeof DurationSeconds>;

/** An RFC 3339 date-time with an offset (stored and answered in UTC). */
export const IsoDateTime = Type.String({ format: 'date-time', examples: ['2026-11-22T15:00:00Z'] });

/** `updated_since` on lists: only rows changed at or after this instant. */
export const UpdatedSinceQuery = Type.Object({ updated_since: Type.Optional(IsoDateTime) });
