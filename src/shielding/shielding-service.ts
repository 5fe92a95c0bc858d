/**
 * Shielding (003 §3.1; Jeugdwet 7.3.10): an entry or a marked passage of it is
 * recorded as information about another person — shown to the client's side
 * only when that person consents — or as shielded from named people (a
 * parent's secret address, something confided by one parent), with a reason.
 * Lifted, never deleted.
 */
import { randomUUID } from 'node:crypto';
import type { ClientScope } from '../access/client-access.js';
import { clientDataKey } from '../crypto/client-keys.js';
import { decryptJson, encryptJson } from '../crypto/envelope.js';
import { badRequest, conflict, notFound } from '../errors.js';
import { calendarDate } from '../shared/calendar-date.js';

export type ShieldingKind = 'about-another-person' | 'shielded-from';

export interface NewShielding {
  kind: ShieldingKind;
  passage?: { start: number; end: number };
  shieldedFrom?: string[];
  reason: string;
}

export interface Shielding {
  id: string;
  entryId: string;
  kind: ShieldingKind;
  passage: { start: number; end: number } | null;
  shieldedFrom: string[];
  reason: string;
  otherPersonConsentedOn: string | null;
  recordedAt: string;
}

interface ShieldingRow {
  id: string; entry_id: string; kind: ShieldingKind; passage_start: number | null; passage_end: number | null; shielded_from: string[];
  reason_ciphertext: Buffer; other_person_consented_on: string | null; recorded_at: Date;
}

/** The shieldings in force for the client. */
export async function listShieldings(scope: ClientScope, masterKey: Buffer): Promise<Shielding[]> {
  const rows = await scope.tx.query<ShieldingRow>(
    'SELECT * FROM care.shieldings WHERE client_id = $1 AND lifted_at IS NULL ORDER BY recorded_at', [scope.client.id]);
  if (rows.length === 0) return [];
  const key = await clientDataKey(scope.tx, masterKey, scope.client.id);
  return rows.map((r) => ({
    id: r.id, entryId: r.entry_id, kind: r.kind,
    passage: r.passage_start === null || r.passage_end === null ? null : { start: r.passage_start, end: r.passage_end },
    shieldedFrom: r.shielded_from, reason: (decryptJson(key, r.reason_ciphertext, `shielding:${r.id}`) as { reason: string }).reason,
    otherPersonConsentedOn: r.other_person_consented_on, recordedAt: r.recorded_at.toISOString(),
  }));
}

/** Records a shielding on an entry (or a passage of it), checked against the entry and the client's relations. */
export async function addShielding(scope: ClientScope, masterKey: Buffer, entryId: string, textLength: number, input: NewShielding): Promise<Shielding> {
  if (input.passage !== undefined && (input.passage.end > textLength || input.passage.start >= input.passage.end)) {
    throw badRequest('invalid-passage', 'passage', 'De gemarkeerde passage valt buiten de tekst.', 'The marked passage lies outside the text.');
  }
  const from = input.shieldedFrom ?? [];
  if (input.kind === 'shielded-from') {
    if (from.length === 0) throw badRequest('field-required', 'shieldedFrom', 'Geef aan voor wie de informatie wordt afgeschermd.', 'State from whom the information is shielded.');
    const known = await scope.tx.query<{ id: string }>('SELECT id FROM formal.client_relations WHERE client_id = $1 AND id = ANY($2::uuid[])', [scope.client.id, from]);
    if (known.length !== new Set(from).size) {
      throw badRequest('unknown-relation', 'shieldedFrom', 'Afschermen kan alleen voor geregistreerde relaties van de cliënt.', 'Shielding is only possible from registered relations of the client.');
    }
  }
  const id = randomUUID();
  const key = await clientDataKey(scope.tx, masterKey, scope.client.id);
  await scope.tx.query(
    `INSERT INTO care.shieldings (id, client_id, entry_id, kind, passage_start, passage_end, shielded_from, reason_ciphertext, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [id, scope.client.id, entryId, input.kind, input.passage?.start ?? null, input.passage?.end ?? null, from,
      encryptJson(key, { reason: input.reason }, `shielding:${id}`), scope.actor.employeeId]);
  return (await listShieldings(scope, masterKey)).find((s) => s.id === id)!;
}

async function change(scope: ClientScope, shieldingId: string, sql: string, params: unknown[]): Promise<void> {
  const rows = await scope.tx.query<{ lifted_at: Date | null; kind: ShieldingKind; other_person_consented_on: string | null }>(
    'SELECT lifted_at, kind, other_person_consented_on FROM care.shieldings WHERE id = $1 AND client_id = $2', [shieldingId, scope.client.id]);
  const row = rows[0];
  if (row === undefined || row.lifted_at !== null) throw notFound('Deze afscherming bestaat niet (meer).', 'This shielding does not exist (any more).');
  if (sql.includes('other_person_consented_on') && (row.kind !== 'about-another-person' || row.other_person_consented_on !== null)) {
    throw conflict('consent-not-applicable', 'Toestemming van de ander past alleen bij informatie over een ander, en is al vastgelegd of niet nodig.', 'The other person\'s consent applies only to information about another person, once.');
  }
  await scope.tx.query(sql, [shieldingId, ...params]);
}

/** The other person consents to the information about them being shown (003 §3.1). */
export async function recordOtherPersonConsent(scope: ClientScope, shieldingId: string): Promise<void> {
  await change(scope, shieldingId, 'UPDATE care.shieldings SET other_person_consented_on = $2 WHERE id = $1', [calendarDate(scope.now)]);
}

export async function liftShielding(scope: ClientScope, shieldingId: string): Promise<void> {
  await change(scope, shieldingId, 'UPDATE care.shieldings SET lifted_at = $2, lifted_by = $3 WHERE id = $1', [scope.now, scope.actor.employeeId]);
}
