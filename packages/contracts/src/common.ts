import { type Static, type TSchema, Type } from 'typebox';
import { ref } from './schema-ref';

/** Opaque resource id (a UUIDv7 today; clients must not rely on that). */
export const Id = Type.String({ format: 'uuid', $id: 'Id', description: 'An opaque resource id.' });
export type Id = Static<typeof Id>;

/** RFC 3339 timestamp in UTC. */
export const Timestamp = Type.String({ format: 'date-time', $id: 'Timestamp' });
export type Timestamp = Static<typeof Timestamp>;

/** `limit` and `cursor` on every list route. */
export const PageQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 512 })),
});
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
