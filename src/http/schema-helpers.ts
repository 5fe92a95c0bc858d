/**
 * Small TypeBox helpers shared by route schemas.
 */
import { Type, type Static, type TSchema } from 'typebox';

/**
 * A nullable string in OpenAPI 3.0 form (`nullable: true`). A union with null
 * would become `anyOf`, which the response serializer resolves by validating
 * every value — measurably slow on a 50-entry timeline.
 */
export const NullableString = () => Type.Unsafe<string | null>({ type: 'string', nullable: true });

/** A nullable object, likewise without `anyOf`. */
export const NullableObject = <T extends TSchema>(schema: T) => Type.Unsafe<Static<T> | null>({ ...schema, nullable: true });

/** One of a fixed list of words, as an `enum` (readable in the OpenAPI document). */
export const OneOf = <const T extends readonly string[]>(values: T) => Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });

export const Uuid = () => Type.String({ format: 'uuid' });

/**
 * The body of a route that refuses every request whatever it carries, such as
 * changing an append-only entry: the refusal explains itself (and is logged)
 * instead of a validation error about the fields of the attempt. Nothing in it
 * is ever read. The only body schema that is not a closed object; the
 * route-hook test checks that every route using it refuses any body and
 * changes nothing.
 */
export const BODY_NEVER_READ = {
  'description': 'Whatever is sent, the request is refused with the reason; nothing in the body is read.',
  'x-body-never-read': true,
} as const;
