/**
 * Envelope encryption of care content (AES-256-GCM, node:crypto).
 * Each client has a random data key; it is stored only wrapped by the master
 * key. Destroying a client's wrapped key makes all their ciphertext unreadable,
 * which is how destruction reaches backups too.
 *
 * Layout of every sealed value: version (1 byte) ‖ IV (12) ‖ tag (16) ‖ ciphertext.
 * The associated data binds a value to its place (client, entry), so a
 * ciphertext copied onto another row does not decrypt.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Static, TSchema } from 'typebox';
import { Compile, type Validator } from 'typebox/compile';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

export class DecryptionError extends Error {}

/**
 * A value that decrypted but does not have the shape its reader expects: a corrupted row, or one written in an
 * older format. The message says where in the value and which place (the context's kind, e.g. `entry`), never
 * what the value holds: it is client data.
 */
export class SealedShapeError extends Error {}

function seal(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  // GCM is a stream mode: update() gives every byte, final() none (it computes the tag). One copy, not two.
  const body = cipher.update(plaintext);
  cipher.final();
  return Buffer.concat([Buffer.of(VERSION), iv, cipher.getAuthTag(), body]);
}

function open(key: Buffer, sealed: Buffer, aad: string): Buffer {
  if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== VERSION) throw new DecryptionError('unknown ciphertext format');
  const iv = sealed.subarray(1, 1 + IV_BYTES);
  const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(tag);
  try {
    // GCM: update() gives every byte and final() none, but only final() checks the tag, so nothing is returned
    // before it has (issue 18: no copy of each entry into a concatenation).
    const plaintext = decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES));
    decipher.final();
    return plaintext;
  } catch {
    throw new DecryptionError('ciphertext does not authenticate');
  }
}

/** A new random data key for a client. */
export function newDataKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/** Wraps a client's data key with the master key. */
export function wrapDataKey(masterKey: Buffer, dataKey: Buffer, clientId: string): Buffer {
  return seal(masterKey, dataKey, `client-key:${clientId}`);
}

/** Unwraps a client's data key; throws `DecryptionError` for a wrong master key or client. */
export function unwrapDataKey(masterKey: Buffer, wrapped: Buffer, clientId: string): Buffer {
  return open(masterKey, wrapped, `client-key:${clientId}`);
}

/**
 * Encrypts a JSON value under a client's data key, bound to `context`.
 * @example
 * const sealed = encryptJson(dataKey, { text: 'Gesprek met moeder' }, `entry:${entryId}`);
 * decryptJson(dataKey, sealed, `entry:${entryId}`); // { text: 'Gesprek met moeder' }
 */
export function encryptJson(dataKey: Buffer, value: unknown, context: string): Buffer {
  return seal(dataKey, Buffer.from(JSON.stringify(value), 'utf8'), context);
}

const validators = new WeakMap<TSchema, Validator>();

/** The compiled check of `schema`, compiled once per schema object (so keep schemas in module constants). */
function validatorOf(schema: TSchema): Validator {
  let validator = validators.get(schema);
  if (validator === undefined) {
    validator = Compile(schema);
    validators.set(schema, validator);
  }
  return validator;
}

/**
 * Decrypts what `encryptJson` sealed with the same key and context, and checks it against `schema`: the answer is
 * typed from the schema (no `as { text: string }` at the caller) and a value of another shape throws
 * `SealedShapeError` instead of flowing on as a wrong type. Extra properties are allowed (an older or newer writer
 * may add some); a missing or mistyped one is not. Throws `DecryptionError` for a wrong key or context.
 * @example
 * const SealedText = Type.Object({ text: Type.String() });
 * const { text } = decryptJson(dataKey, row.ciphertext, `entry:${row.id}`, SealedText); // text: string
 */
export function decryptJson<S extends TSchema>(dataKey: Buffer, sealed: Buffer, context: string, schema: S): Static<S>;
/** Without a schema the value is `unknown`: for tests only (envelope.test.ts keeps the rest of the source passing one). */
export function decryptJson(dataKey: Buffer, sealed: Buffer, context: string): unknown;
export function decryptJson(dataKey: Buffer, sealed: Buffer, context: string, schema?: TSchema): unknown {
  const value: unknown = JSON.parse(open(dataKey, sealed, context).toString('utf8'));
  if (schema === undefined) return value;
  const validator = validatorOf(schema);
  if (!validator.Check(value)) {
    const first = validator.Errors(value)[0];
    const where = first === undefined ? '' : ` at ${first.instancePath === '' ? 'the top' : first.instancePath}: ${first.message}`;
    throw new SealedShapeError(`the value sealed for "${context.split(':')[0]}" does not have the expected shape${where} (a corrupted row, or one in an older format)`);
  }
  return value;
}

/**
 * Whether `sealed` opens under `key` with the associated data `aad` (AES-GCM
 * authenticates: a value sealed under another key, or for another place, does
 * not). For master key rotation, which tells rewrapped values from the rest this way.
 */
export function opensWith(key: Buffer, sealed: Buffer, aad: string): boolean {
  try {
    open(key, sealed, aad);
    return true;
  } catch (error) {
    if (error instanceof DecryptionError) return false;
    throw error;
  }
}

/**
 * Opens a value sealed under `oldKey` and seals it again under `newKey`, bound
 * to the same `aad` (`client-key:<id>`, `totp:<id>`, …); the plaintext never
 * leaves this function. Throws `DecryptionError` when `oldKey` does not open it.
 */
export function reseal(oldKey: Buffer, newKey: Buffer, sealed: Buffer, aad: string): Buffer {
  const plaintext = open(oldKey, sealed, aad);
  try {
    return seal(newKey, plaintext, aad);
  } finally {
    plaintext.fill(0);
  }
}
