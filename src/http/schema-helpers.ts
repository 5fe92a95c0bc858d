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
