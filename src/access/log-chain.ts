/**
 * The access log's hash chain, re-implemented in TypeScript — independently of
 * the SQL that writes it (migrations/0003_access_log_chain.sql) — so that
 * `dossierwijzer verify-log` does not have to trust the database it checks.
 * Pure: bytes in, bytes out; no database, no clock.
 *
 *   row_hash  = SHA-256(prev_hash ‖ canonical(row))
 *   prev_hash = row_hash of the row with seq − 1; for seq 1 the genesis hash (32 zero bytes)
 *
 * Canonical form, version `dossierwijzer.access_log.v1`: the concatenation of
 * - field(text): the byte length of the text's UTF-8 encoding as a big-endian
 *   int32, then those bytes; NULL is the int32 −1 (`ff ff ff ff`) without
 *   bytes, so NULL and '' differ;
 * - array(list): the element count as a big-endian int32, then field() of each
 *   element in order (an empty array is `00 00 00 00`);
 *
 * over, in this order: the version tag, seq (decimal), occurred_at (UTC,
 * `YYYY-MM-DDTHH:MM:SS.ffffffZ`, always six fraction digits), organisation_id,
 * employee_id, acting_for_id, employee_role, client_id, action, part, outcome,
 * basis, purpose, array(citations), array(entry_ids), route, session_id,
 * address. uuids are in lower case with hyphens (PostgreSQL's text form).
 * Every field is length-prefixed, so no two different rows share a form.
 *
 * Version `dossierwijzer.access_log.v2` (migrations/0050): a row that names a
 * purpose reference (the complaint, incident, audit or procedure hold its
 * purpose rests on) is the same list under the v2 tag, followed by
 * field(purpose_reference). A row without one keeps the v1 form byte for byte,
 * so rows written before 0050 verify unchanged; the form follows from the
 * stored row, so adding or dropping a reference later breaks the hash.
 */
import { createHash } from 'node:crypto';

export const CANONICAL_VERSION = 'dossierwijzer.access_log.v1';
/** The form of a row that carries a purpose reference (migrations/0050). */
export const CANONICAL_VERSION_WITH_REFERENCE = 'dossierwijzer.access_log.v2';

/** The prev_hash of the first row. */
export const GENESIS_HASH: Buffer = Buffer.alloc(32);

/** One log row as the chain sees it; `occurredAtMicros` is microseconds since the Unix epoch (UTC). */
export interface ChainRow {
  seq: string;
  occurredAtMicros: bigint;
  organisationId: string;
  employeeId: string | null;
  actingForId: string | null;
  employeeRole: string | null;
  clientId: string | null;
  action: string;
  part: string;
  outcome: string;
  basis: string;
  purpose: string | null;
  citations: readonly (string | null)[];
  entryIds: readonly (string | null)[];
  route: string;
  sessionId: string | null;
  address: string | null;
  /** The record the purpose names (v2); absent or null: a v1 row. */
  purposeReference?: string | null;
}

/** Appends the canonical encodings to one growing buffer (one allocation per row, not one per field). */
class CanonicalWriter {
  private buffer = Buffer.allocUnsafe(512);
  private length = 0;

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }

  int32(value: number): void {
    this.reserve(4);
    this.buffer.writeInt32BE(value, this.length);
    this.length += 4;
  }

  /** field(): the UTF-8 byte length as int32, then the bytes; NULL = int32 −1. */
  field(value: string | null): void {
    if (value === null) {
      this.int32(-1);
      return;
    }
    const bytes = Buffer.byteLength(value, 'utf8');
    this.int32(bytes);
    this.reserve(bytes);
    this.length += this.buffer.write(value, this.length, bytes, 'utf8');
  }

  /** array(): the element count as int32, then field() of each element. */
  array(values: readonly (string | null)[]): void {
    this.int32(values.length);
    for (const value of values) this.field(value);
  }

  bytes(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}

function uuid(value: string | null): string | null {
  return value === null ? null : value.toLowerCase();
}

/**
 * A timestamp in the canonical text form: UTC, microseconds, e.g. `2026-11-22T09:00:00.000123Z`.
 * @example formatChainTimestamp(1_795_338_000_000_123n) // '2026-11-22T09:00:00.000123Z'
 */
export function formatChainTimestamp(micros: bigint): string {
  // Floor division, so instants before 1970 keep a non-negative microsecond remainder.
  let millis = micros / 1000n;
  if (micros < 0n && millis * 1000n !== micros) millis -= 1n;
  const rest = micros - millis * 1000n;
  const iso = new Date(Number(millis)).toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ
  return `${iso.slice(0, -1)}${rest.toString().padStart(3, '0')}Z`;
}

/** The canonical bytes of one row (see the module header). */
export function canonicalForm(row: ChainRow): Buffer {
  const out = new CanonicalWriter();
  const reference = uuid(row.purposeReference ?? null);
  out.field(reference === null ? CANONICAL_VERSION : CANONICAL_VERSION_WITH_REFERENCE);
  out.field(row.seq);
  out.field(formatChainTimestamp(row.occurredAtMicros));
  out.field(uuid(row.organisationId));
  out.field(uuid(row.employeeId));
  out.field(uuid(row.actingForId));
  out.field(row.employeeRole);
  out.field(uuid(row.clientId));
  out.field(row.action);
  out.field(row.part);
  out.field(row.outcome);
  out.field(row.basis);
  out.field(row.purpose);
  out.array(row.citations);
  out.array(row.entryIds.map(uuid));
  out.field(row.route);
  out.field(row.sessionId);
  out.field(row.address);
  if (reference !== null) out.field(reference);
  return out.bytes();
}

/** SHA-256(prev ‖ canonical(row)): the row_hash a row must carry after `prev`. */
export function chainHash(prev: Buffer, row: ChainRow): Buffer {
  return createHash('sha256').update(prev).update(canonicalForm(row)).digest();
}
