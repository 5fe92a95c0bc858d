/**
 * The canonical form is defined twice — in SQL (migrations/0003, which writes
 * the chain) and in TypeScript (log-chain.ts, which verifies it) — and the two
 * must agree byte for byte: on NULLs, empty strings and arrays, unicode and
 * microsecond timestamps.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Citation } from '../rules/citations.js';
import { asOwner, createTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import type { AccessLogRow } from './access-log.js';
import { appendAccessLog, readLogBatch } from './access-log-store.js';
import { canonicalForm, chainHash, formatChainTimestamp, GENESIS_HASH, type ChainRow } from './log-chain.js';
import { verifyLog } from './verify-log.js';

const org = '00000000-0000-4000-8000-00000000000a';
const ZEROS = `\\x${'00'.repeat(32)}`;

const golden: ChainRow = {
  seq: '42', occurredAtMicros: 1_795_338_000_000_123n, organisationId: org, employeeId: null, actingForId: null, employeeRole: 'intern',
  clientId: 'ABCDEF00-0000-4000-8000-000000000001', action: 'read', part: 'dossier', outcome: 'allowed', basis: 'care-relation', purpose: '',
  citations: [], entryIds: [], route: '/r', sessionId: null, address: 'ü',
};

describe('canonical form (TypeScript)', () => {
  it('matches the documented encoding byte for byte (vector computed by PostgreSQL)', () => {
    // Length-prefixed fields; ffffffff for NULL; 00000000 for '' and for an empty array; uuids lower-cased.
    expect(canonicalForm(golden).toString('hex')).toBe(
      '0000001b646f737369657277696a7a65722e6163636573735f6c6f672e76310000000234320000001b323032362d31312d32325430393a30303a30302e3030303132335a'
      + '0000002430303030303030302d303030302d343030302d383030302d303030303030303030303061ffffffffffffffff00000006696e7465726e'
      + '0000002461626364656630302d303030302d343030302d383030302d303030303030303030303031000000047265616400000007646f737369657200000007616c6c6f776564'
      + '0000000d636172652d72656c6174696f6e000000000000000000000000000000022f72ffffffff00000002c3bc');
    expect(chainHash(GENESIS_HASH, golden).toString('hex')).toBe('63ac3e2a212f4b36af8b805ce64a77513551da6598e7ea2c5205cb92bbfa60f9');
  });

  it('tells NULL from the empty string, and an empty array from an array holding one empty string', () => {
    expect(canonicalForm({ ...golden, purpose: null }).equals(canonicalForm(golden))).toBe(false);
    expect(canonicalForm({ ...golden, citations: [''] }).equals(canonicalForm(golden))).toBe(false);
    expect(canonicalForm({ ...golden, citations: [null] }).equals(canonicalForm({ ...golden, citations: [''] }))).toBe(false);
    // Moving text between neighbouring fields changes the form (length prefixes: no ambiguity).
    expect(canonicalForm({ ...golden, action: 'rea', part: 'ddossier' }).equals(canonicalForm(golden))).toBe(false);
  });

  it.each([
    [1_795_338_000_000_123n, '2026-11-22T09:00:00.000123Z'],
    [0n, '1970-01-01T00:00:00.000000Z'],
    [-1n, '1969-12-31T23:59:59.999999Z'],
    [-1000n, '1969-12-31T23:59:59.999000Z'],
    [1_743_211_800_999_999n, '2025-03-29T01:30:00.999999Z'],
  ])('formats %s µs as %s', (micros, text) => {
    expect(formatChainTimestamp(micros)).toBe(text);
  });
});

describe('SQL and TypeScript agree', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.drop());

  it('on rows with NULLs, empty arrays, unicode and microsecond timestamps', async () => {
    const base: AccessLogRow = {
      organisationId: org, employeeId: null, employeeRole: null, clientId: null, action: 'read', part: 'dossier',
      outcome: 'not-found', basis: 'none', route: '/api/clients/:clientId', sessionId: null, address: null,
    };
    await appendAccessLog(database.db, [
      base,
      { ...base, purpose: '', citations: [], entryIds: [], sessionId: '', address: '' },
      {
        ...base, employeeId: '11111111-1111-4111-8111-111111111111', actingForId: '22222222-2222-4222-8222-222222222222', employeeRole: 'care-professional',
        clientId: '33333333-3333-4333-8333-333333333333', outcome: 'allowed', basis: 'care-relation', purpose: 'Kwaliteitscontrole — één cliënt 🧒🏽, ẞ, 中文',
        // Deliberately not the catalogue's: the chain must hash whatever text a row holds (rows written before the
        // catalogue hold other citations, e.g. 'AVG 5 lid 1 f'), an empty string included.
        citations: ['Jeugdwet 7.3.11', 'AVG art. 15', ''] as string[] as Citation[], entryIds: ['44444444-4444-4444-8444-444444444444', '55555555-5555-4555-8555-555555555555'],
        route: '/api/clients/:clientId/entries', sessionId: 'sess-ø', address: '::1',
      },
    ]);
    // Explicit timestamps, including before 1970 and a NULL inside an array. The database dates every row
    // it appends itself (migrations/0031), so these are written as the owner with the triggers off, hashed by the SQL side.
    await asOwner(database, (owner) => owner.exec(`BEGIN; ALTER TABLE audit.access_log DISABLE TRIGGER USER;
      INSERT INTO audit.access_log (seq, occurred_at, organisation_id, action, part, outcome, basis, route, citations, prev_hash, row_hash)
      VALUES (4, '1969-12-31 23:59:59.999999+00', '${org}', 'read', 'dossier', 'denied', 'none', 'r', ARRAY[NULL, 'x']::text[], '${ZEROS}', '${ZEROS}'),
             (5, '2026-03-29 02:30:00.000001+02', '${org}', 'read', 'dossier', 'denied', 'none', 'r', '{}', '${ZEROS}', '${ZEROS}');
      DO $$ DECLARE r audit.access_log; prev bytea;
      BEGIN
        SELECT row_hash INTO prev FROM audit.access_log WHERE seq = 3;
        FOR r IN SELECT * FROM audit.access_log WHERE seq >= 4 ORDER BY seq LOOP
          UPDATE audit.access_log SET prev_hash = prev, row_hash = sha256(prev || audit.access_log_canonical(r)) WHERE seq = r.seq RETURNING row_hash INTO prev;
        END LOOP;
      END $$;
      ALTER TABLE audit.access_log ENABLE TRIGGER USER; COMMIT;`));
    const fromSql = await database.db.query<{ seq: string; canonical: Buffer; row_hash: Buffer }>(
      'SELECT seq, audit.access_log_canonical(l) AS canonical, row_hash FROM audit.access_log l ORDER BY seq');
    const rows = await readLogBatch(database.db, 0, 100);
    expect(rows.map((r) => r.seq)).toEqual(['1', '2', '3', '4', '5']);
    let prev = GENESIS_HASH;
    rows.forEach((row, i) => {
      expect(canonicalForm(row).toString('hex')).toBe(fromSql[i]!.canonical.toString('hex'));
      const hash = chainHash(prev, row);
      expect(hash.equals(fromSql[i]!.row_hash)).toBe(true);
      expect(row.prevHash?.equals(prev)).toBe(true);
      prev = hash;
    });
    expect(formatChainTimestamp(rows[3]!.occurredAtMicros)).toBe('1969-12-31T23:59:59.999999Z');
    expect(formatChainTimestamp(rows[4]!.occurredAtMicros)).toBe('2026-03-29T00:30:00.000001Z');
    // The chain holds, but a row dated before its predecessor is refused.
    expect(await verifyLog(database.db)).toMatchObject({ ok: false, rows: 3, problem: { kind: 'time', seq: 4 } });
  });
});

describe('the chain trigger', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await appendAccessLog(database.db, Array.from({ length: 5 }, () => ({
      organisationId: org, employeeId: null, employeeRole: null, clientId: null, action: 'read', part: 'dossier',
      outcome: 'not-found' as const, basis: 'none' as const, route: '/api/clients/:clientId', sessionId: null, address: null,
    })));
  });
  afterAll(async () => database.drop());

  it('overwrites whatever seq or hashes an INSERT supplies', async () => {
    await database.db.query(
      `INSERT INTO audit.access_log (seq, organisation_id, action, part, outcome, basis, route, prev_hash, row_hash)
       VALUES (1000, $1, 'read', 'dossier', 'denied', 'none', 'forged', $2, $2)`,
      [org, Buffer.alloc(32, 7)],
    );
    const [last] = await database.db.query<{ seq: string; row_hash: Buffer }>('SELECT seq, row_hash FROM audit.access_log ORDER BY seq DESC LIMIT 1');
    expect(last?.seq).toBe('6');
    expect(last?.row_hash.equals(Buffer.alloc(32, 7))).toBe(false);
    expect((await verifyLog(database.db)).ok).toBe(true);
  });
});
