/**
 * Generates the benchmark population straight into the database: clients with
 * keys, dossiers and care relations, and encrypted entries — in large batches,
 * because going through the API for 500,000 entries would measure the setup.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database.js';
import { encryptJson, newDataKey, wrapDataKey } from '../crypto/envelope.js';
import { ENTRY_KINDS } from '../dossier/entry-kinds.js';

export interface Population {
  clientIds: string[];
}

export async function generatePopulation(
  db: Database, masterKey: Buffer, organisationId: string, employeeId: string,
  options: { clients: number; entriesPerClient: number; onProgress?: (done: number) => void },
): Promise<Population> {
  const clientIds: string[] = [];
  const batchClients = 200;
  for (let start = 0; start < options.clients; start += batchClients) {
    const ids: string[] = [];
    const keys: string[] = [];
    const entryRows = { id: [] as string[], client: [] as string[], kind: [] as string[], hours: [] as number[], cipher: [] as string[] };
    for (let c = start; c < Math.min(options.clients, start + batchClients); c++) {
      const id = randomUUID();
      const key = newDataKey();
      ids.push(id);
      keys.push(wrapDataKey(masterKey, key, id).toString('hex'));
      for (let e = 0; e < options.entriesPerClient; e++) {
        const entryId = randomUUID();
        entryRows.id.push(entryId);
        entryRows.client.push(id);
        entryRows.kind.push(ENTRY_KINDS[e % ENTRY_KINDS.length]!);
        entryRows.hours.push(options.entriesPerClient - e);
        entryRows.cipher.push(encryptJson(key, { title: `Verslag ${e}`, text: `Gegenereerde tekst ${e} `.repeat(20), source: null }, `entry:${entryId}`).toString('hex'));
      }
    }
    await db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO formal.clients (id, organisation_id, family_name, given_names, birth_date, gender, street_address, postcode, town, created_by)
         SELECT id, $2, 'Bench', 'Cliënt', DATE '2012-06-01', 'unknown', 'Straat 1', '1000 AA', 'Stad', $3 FROM unnest($1::uuid[]) AS id`,
        [ids, organisationId, employeeId]);
      await tx.query('INSERT INTO care.client_keys (client_id, wrapped_key) SELECT id, decode(k, \'hex\') FROM unnest($1::uuid[], $2::text[]) AS t(id, k)', [ids, keys]);
      await tx.query(
        `INSERT INTO care.dossiers (client_id, holder_id, care_started_on) SELECT id, $2, DATE '2025-01-01' FROM unnest($1::uuid[]) AS id`, [ids, employeeId]);
      await tx.query(
        `INSERT INTO org.care_team (client_id, employee_id, relation, starts_on) SELECT id, $2, 'holder', DATE '2025-01-01' FROM unnest($1::uuid[]) AS id`, [ids, employeeId]);
      await tx.query(
        `INSERT INTO care.entries (id, client_id, kind, author_id, recorded_at, source_kind, ciphertext)
         SELECT id, client_id, kind, $6, now() - hours * interval '1 hour', 'care-professional', decode(cipher, 'hex')
           FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[], $5::text[]) AS t(id, client_id, kind, hours, cipher)`,
        [entryRows.id, entryRows.client, entryRows.kind, entryRows.hours, entryRows.cipher, employeeId]);
    });
    clientIds.push(...ids);
    options.onProgress?.(clientIds.length);
  }
  return { clientIds };
}
