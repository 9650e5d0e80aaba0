import { type Static, type TSchema, Type } from 'typebox';

/** A shared schema: it carries a stable `$id`, is registered once with `addSchema`, and is
 * referenced by routes through `ref()` so OpenAPI names the component after that `$id`. */
export type SharedSchema = TSchema & { $id: string };

/** A `$ref` to a shared schema that still infers the schema's static type. */
export function ref<T extends SharedSchema>(schema: T) {
  return Type.Unsafe<Static<T>>({ $ref: schema.$id } as unknown as TSchema);
}
