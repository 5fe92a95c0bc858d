/**
 * A master key retired by a finished rotation is refused at start even before any client exists (found walking
 * docs/operations.md, "Replacing the master key", on a fresh installation: with no client key to try it on, a server
 * started with the old key came up and would have sealed new clients' keys under the retired key). A key a later
 * rotation brought back is the current one again.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asOwner, createTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import { assertMasterKeyFits } from './master-key.js';
import { keyFingerprint } from './master-key-rotation.js';
import { finishRotation, recordRotation } from './master-key-rotation-store.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
}, 120_000);
afterAll(() => database.drop());

async function rotate(from: Buffer, to: Buffer): Promise<void> {
  await asOwner(database, async (owner) => {
    const rotation = await recordRotation(owner, keyFingerprint(from), keyFingerprint(to));
    await finishRotation(owner, rotation, 0);
  });
}

describe('a retired master key on a database without client keys', () => {
  const a = randomBytes(32);
  const b = randomBytes(32);

  it('is refused by its fingerprint, naming the key that replaced it; the new key starts', async () => {
    expect((await database.db.query<{ n: string }>('SELECT count(*) AS n FROM care.client_keys'))[0]!.n).toBe('0');
    await rotate(a, b);
    await expect(assertMasterKeyFits(database.db, a)).rejects.toThrow(
      new RegExp(`this master key \\(${keyFingerprint(a)}\\) was replaced on \\d{4}-\\d\\d-\\d\\d by key ${keyFingerprint(b)}`));
    await assertMasterKeyFits(database.db, b);
  });

  it('brought back by a later rotation it is the current key again, and the one it replaced is refused', async () => {
    await rotate(b, a);
    await assertMasterKeyFits(database.db, a);
    await expect(assertMasterKeyFits(database.db, b)).rejects.toThrow(/was replaced on/);
  });
});
