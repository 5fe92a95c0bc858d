/**
 * The cheaper column parsers (issue 18 item 4) give exactly what the drivers' own parsers give: the timestamptz
 * parser the very same instant as node-postgres's for every shape PostgreSQL writes, the bytea parser the very same
 * bytes; and through each adapter, on PGlite and on PostgreSQL, a row reads back as written.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TypeOid } from './database.js';
import { parseBytea, parseTimestamptz } from './type-parsers.js';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database.js';

const driverTimestamptz = pg.types.getTypeParser(TypeOid.timestamptz, 'text') as (text: string) => Date | number | null;
const driverBytea = pg.types.getTypeParser(TypeOid.bytea, 'text') as (text: string) => Buffer;

/** PostgreSQL's text form of `instant` at `offsetMinutes` east of UTC, with `digits` fraction digits (trailing zeros dropped, as it writes). */
function pgText(instant: number, offsetMinutes: number, digits: number, micros: number): string {
  const local = new Date(instant + offsetMinutes * 60_000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const base = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} `
    + `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  const fraction = digits === 0 ? '' : `.${pad(local.getUTCMilliseconds() * 1000 + micros, 6).slice(0, digits)}`.replace(/0+$/, '').replace(/\.$/, '');
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const zone = `${sign}${pad(Math.floor(abs / 60))}${abs % 60 === 0 ? '' : `:${pad(abs % 60)}`}`;
  return `${base}${fraction}${zone}`;
}

const same = (a: Date | number | null, b: Date | number | null) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : Object.is(a, b));

describe('parseTimestamptz', () => {
  it('gives the same instant as node-postgres for 20,000 generated values of every offset and fraction length', () => {
    let seed = 18;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const offsets = [0, 60, 120, -180, 330, -570, 345, 840, -720, 525];
    const mismatches: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const instant = Date.UTC(1900, 0, 1) + Math.floor(random() * (Date.UTC(2200, 0, 1) - Date.UTC(1900, 0, 1)));
      const text = pgText(instant, offsets[i % offsets.length]!, i % 7, Math.floor(random() * 1000));
      if (!same(parseTimestamptz(text), driverTimestamptz(text))) mismatches.push(text);
    }
    expect(mismatches).toEqual([]);
  });

  it('gives the same for the edges: fractions whose float times 1000 falls below the integer, BC, infinity, small and large years, seconds in the offset', () => {
    const texts = [
      '2026-12-05 06:52:10.291+00', '2026-12-05 06:52:10.579+00', '2026-12-05 06:52:10.999999+00', '2026-12-05 06:52:10.000001-03',
      '2026-03-29 02:30:00+02', '2000-02-29 23:59:59.5+14', '1970-01-01 00:00:00+00', '1969-12-31 23:59:59.999-12:45',
      '0044-03-15 12:00:00+00 BC', '0001-01-01 00:00:00+00', '0099-12-31 23:59:59+00', '0100-01-01 00:00:00+00',
      '10000-01-01 00:00:00+00', 'infinity', '-infinity', '1890-05-01 12:00:00+00:19:32', '2026-12-05 06:52:10.+00',
    ];
    for (const text of texts) expect(same(parseTimestamptz(text), driverTimestamptz(text)), text).toBe(true);
  });
});

describe('parseBytea', () => {
  it('gives the same bytes as node-postgres, in the hex form and in the escape form, as a Buffer', () => {
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    for (const text of [`\\x${bytes.toString('hex')}`, '\\x', '\\x00ff10', 'a\\000\\377b\\\\c']) {
      const parsed = parseBytea(text);
      expect(Buffer.isBuffer(parsed)).toBe(true);
      expect(parsed.equals(driverBytea(text)), text).toBe(true);
    }
  });
});

describe('through the adapter (PGlite, or PostgreSQL when DATABASE_URL is set)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('a timestamptz and a bytea read back as written', async () => {
    const written = new Date('2026-12-05T06:52:10.123Z');
    const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 37) % 256));
    const [row] = await database.db.query<{ at: Date; later: Date; bytes: Buffer; empty: Buffer; none: Buffer | null }>(
      `SELECT $1::timestamptz AS at, $1::timestamptz + interval '1 day 0.000456 seconds' AS later, $2::bytea AS bytes,
              '\\x'::bytea AS empty, NULL::bytea AS none`,
      [written, bytes]);
    expect(row!.at).toBeInstanceOf(Date);
    expect(row!.at.toISOString()).toBe('2026-12-05T06:52:10.123Z');
    expect(row!.later.toISOString()).toBe('2026-12-06T06:52:10.123Z');
    expect(Buffer.isBuffer(row!.bytes) && row!.bytes.equals(bytes)).toBe(true);
    expect(Buffer.isBuffer(row!.empty) && row!.empty.length === 0).toBe(true);
    expect(row!.none).toBeNull();
  });
});
