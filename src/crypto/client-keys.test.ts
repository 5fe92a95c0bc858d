/**
 * The scope's data key is opened lazily, once per scope (issue 14: "the data key opened lazily once"; issue 18:
 * no repeated key unwrapping, and no second query for the key the access facts already brought), and forgotten
 * when the scope destroys the dossier (requests/destruction-store.ts), so a later ask reads the store again and
 * answers 410 as before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enter } from '../access/gate.js';
import type { RequestContext } from '../access/gate-scope.js';
import type { Queryable } from '../db/database.js';
import { createHarness, type Harness } from '../test-support/harness.js';
import { dataKeyOf, forgetDataKeyOf } from './client-keys.js';

describe('a scope\'s data key', () => {
  let h: Harness;
  let clientId: string;
  let ctx: RequestContext;
  beforeAll(async () => {
    h = await createHarness();
    const holder = await h.employee({ role: 'care-professional' });
    clientId = await h.client({ age: 12, holder });
    ctx = {
      actor: { employeeId: holder.id, organisationId: holder.organisationId, role: holder.role, displayName: 'Houder', sessionId: 'test' },
      route: 'TEST client-keys', address: null, now: h.clock.now,
    };
  });
  afterAll(async () => h.close());

  /** Counts the statements on the data keys table while `work` runs. */
  async function countingKeyReads<T>(work: () => Promise<T>): Promise<{ value: T; keyReads: number }> {
    const db = h.database.db;
    let keyReads = 0;
    // Instrumentation, not a stand-in: the real adapter answers every call; the method is put back afterwards.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const { transaction } = db;
    db.transaction = <R>(inner: (tx: Queryable) => Promise<R>): Promise<R> => transaction.call(db, (tx: Queryable) => inner({
      query: <Row>(text: string, params?: readonly unknown[]): Promise<Row[]> => {
        if (/FROM care\.client_keys WHERE client_id = \$1/.test(text)) keyReads += 1;
        return tx.query<Row>(text, params);
      },
    })) as Promise<R>;
    try {
      return { value: await work(), keyReads };
    } finally {
      db.transaction = transaction;
    }
  }

  it('is opened once however often the work asks, from the key the access facts brought: no query of its own', async () => {
    const { value: [first, second], keyReads } = await countingKeyReads(() => enter(h.database.db, ctx, { kind: 'client', clientId }, { action: 'record', part: 'dossier' },
      async (scope): Promise<readonly [Buffer, Buffer]> => [await dataKeyOf(scope, h.app.deps.masterKey), await dataKeyOf(scope, h.app.deps.masterKey)]));
    expect(first).toBe(second);
    expect(first.length).toBe(32);
    expect(keyReads).toBe(0);
  });

  it('is read from the store once forgotten, as the destruction of the whole dossier does after shredding the key', async () => {
    const { keyReads } = await countingKeyReads(() => enter(h.database.db, ctx, { kind: 'client', clientId }, { action: 'record', part: 'dossier' }, async (scope) => {
      await dataKeyOf(scope, h.app.deps.masterKey);
      forgetDataKeyOf(scope);
      return dataKeyOf(scope, h.app.deps.masterKey);
    }));
    expect(keyReads).toBe(1);
  });
});
