import { type Static, type TSchema, Type } from 'typebox';

/** A shared schema: it carries a stable `$id`, is registered once with `addSchema`, and is
 * referenced by routes through `ref()` so OpenAPI names the component after that `$id`. */
export type SharedSchema = TSchema;

export function schemaId(schema: SharedSchema): string {
  const id = (schema as { $id?: unknown }).$id;
  if (typeof id !== 'string') throw new Error('a shared schema needs a $id');
  return id;
}

/** A `$ref` to a shared schema that still infers the schema's static type. */
export function ref<T extends SharedSchema>(schema: T) {
  return Type.Unsafe<Static<T>>({ $ref: schemaId(schema) } as unknown as TSchema);
}
