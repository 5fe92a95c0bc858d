/**
 * Destroying a dossier leaves no free text about the client readable anywhere
 * in the database (issue 13 item 8; Jeugdwet 7.3.9). Every free text about the
 * client outside the care tables — consent texts, the emergency reason and the
 * privacy officer's review note, a restriction's end reason, a retention hold
 * reason, a request's consent declaration, the expert consulted for a
 * competence assessment — gets a distinct marker; the texts read back through
 * the API; the dossier is destroyed on a granted request; then the whole
 * database is dumped (pg_dump on PostgreSQL; on PGlite every row of every
 * table as JSON, bytea as hex) and no marker is found, neither as text nor as
 * the hex of its bytes.
 *
 * Free text that must outlive the dossier is under the master key (migration
 * 0037): the disclosure register's and the transfer record's recipient, the
 * breach register's texts and reasons. Those markers are not in clear in the
 * dump either, before or after destruction, and still read back after it; the
 * master key rotation rewraps them (through the append-only triggers), and the
 * end of the retention period erases the recipients with the formal data (0038).
 *
 * And: rows written in clear before migrations 0033 and 0037 are sealed at
 * start-up (idempotently), and those of clients destroyed before are emptied.
 */
import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { clientDataKey } from '../crypto/client-keys.js';
import { decryptJson, encryptJson, newDataKey, wrapDataKey } from '../crypto/envelope.js';
import { rewrapAll, SEALED_UNDER_MASTER_KEY, verifyAllOpen } from '../crypto/master-key-rotation.js';
import { APP_ROLE, type Database } from '../db/database.js';
import { migrate, MIGRATIONS_DIR } from '../db/migrate.js';
import { SYSTEM_SCOPE, withDefaultScope } from '../db/organisation-scope.js';
import { openPglite } from '../db/pglite-database.js';
import { openPostgres } from '../db/postgres-database.js';
import { createApp } from '../http/app.js';
import { ensureEmployee, ensureOrganisation } from '../organisation/organisation-service.js';
import { createHarness, TEST_PASSWORD, type Harness, type TestEmployee } from '../test-support/harness.js';
import { asOwner } from '../test-support/test-database.js';
import { DESTROYED_TEXT, ERASED_RECIPIENT, openConsentTexts, openRecipient, openText, sealLegacyFreeText } from './client-free-text.js';

const run = promisify(execFile);
const serverUrl = process.env.DATABASE_URL === '' ? undefined : process.env.DATABASE_URL;
const tag = randomBytes(4).toString('hex').toUpperCase();
const mark = (what: string) => `MRK${what}${tag}`;

/**
 * The whole database as text. PostgreSQL: `pg_dump` of the scratch database. PGlite: every row of every
 * table of every schema as JSON (bytea as \x hex), read as the owner so no table is left out.
 */
async function dumpDatabase(db: Database, url: string | undefined): Promise<string> {
  if (url !== undefined) {
    const { stdout } = await run('pg_dump', ['--no-owner', '--dbname', url], { maxBuffer: 512 * 1024 * 1024 });
    return stdout;
  }
  await db.exec('RESET ROLE');
  try {
    const tables = await db.query<{ table_schema: string; table_name: string }>(
      `SELECT table_schema, table_name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`);
    const parts: string[] = [];
    for (const t of tables) {
      const rows = await db.query<{ j: string }>(`SELECT row_to_json(t)::text AS j FROM "${t.table_schema}"."${t.table_name}" t`);
      parts.push(`-- ${t.table_schema}.${t.table_name}`, ...rows.map((r) => r.j));
    }
    return parts.join('\n');
  } finally {
    await db.exec(`SET ROLE ${APP_ROLE}`);
  }
}

/** The markers found in the dump, as text or as the hex of their UTF-8 bytes (e.g. inside a bytea). */
function markersIn(dump: string, markers: readonly string[]): string[] {
  const lower = dump.toLowerCase();
  return markers.filter((m) => dump.includes(m) || lower.includes(Buffer.from(m, 'utf8').toString('hex')));
}

describe('destroying a dossier leaves none of its free text in the database', () => {
  let h: Harness;
  let holder: TestEmployee;
  let cookie: string;
  let officer: string;
  let clientId: string;
  const familyName = `Controle${tag}`;
  const m = {
    careInformation: mark('CAREINFO'), careDeclaration: mark('CAREDECL'), disclosureInformation: mark('DISCINFO'), recipient: mark('RECIPIENT'),
    purpose: mark('PURPOSE'), dataDescription: mark('DATADESC'), disclosureDeclaration: mark('DISCDECL'), emergencyReason: mark('EMREASON'),
    reviewNote: mark('REVIEWNOTE'), restrictionEnd: mark('RESTRICTEND'), holdReason: mark('HOLDREASON'), requestConsentReference: mark('REQCONSENTREF'),
    expert: mark('EXPERT'), competenceFacts: mark('COMPFACTS'), transferConsentRecipient: mark('TRANSFERREC'),
  };
  /** Under the master key on purpose: they outlive the dossier, but never in clear. */
  const kept = {
    disclosureRecipient: mark('DISCLOSUREREC'), breachDescription: mark('BREACHDESC'), breachRisk: mark('BREACHRISK'), apReason: mark('APREASON'), clientsReason: mark('CLIENTSREASON'),
  };
  const markers = [...Object.values(m), ...Object.values(kept)];

  const post = (url: string, body: unknown = {}, as = cookie) => h.request({ method: 'POST', url, cookie: as, body });
  const get = (url: string, as = cookie) => h.request({ method: 'GET', url, cookie: as });
  let restrictionId: string;
  let consentRequestId: string;
  let breachId: string;

  beforeAll(async () => {
    h = await createHarness();
    holder = await h.employee({ role: 'care-professional' });
    cookie = await h.login(holder);
    officer = await h.login(await h.employee({ role: 'privacy-officer' }));
    clientId = await h.client({ age: 17, holder, familyName });

    expect((await post(`/api/clients/${clientId}/consents`, {
      kind: 'care', givenBy: 'client', givenOn: '2026-11-01', informationGiven: m.careInformation, declarationReference: m.careDeclaration,
    })).statusCode).toBe(201);
    expect((await post(`/api/clients/${clientId}/consents`, {
      kind: 'disclosure', givenBy: 'client', givenOn: '2026-11-02', informationGiven: m.disclosureInformation, recipient: m.recipient,
      purpose: m.purpose, dataDescription: m.dataDescription, declarationReference: m.disclosureDeclaration,
    })).statusCode).toBe(201);

    // Emergency access by a colleague without a relation, judged by the privacy officer with a note.
    const outsider = await h.employee({ role: 'care-professional' });
    expect((await post(`/api/clients/${clientId}/emergency-access`, { reason: m.emergencyReason }, await h.login(outsider))).statusCode).toBe(201);
    const [grant] = await h.database.db.query<{ id: string }>('SELECT id FROM org.emergency_accesses WHERE client_id = $1', [clientId]);
    expect((await post(`/api/privacy/emergency-reviews/${grant!.id}`, { justified: true, note: m.reviewNote }, officer)).statusCode).toBe(200);

    // A restriction of processing, fulfilled and ended with a reason (AVG 18(3)).
    const restrict = (await post(`/api/clients/${clientId}/requests`, { kind: 'restrict', channel: 'written', receivedOn: '2026-11-20', details: 'Beperk de verwerking.' })).json();
    expect((await post(`/api/clients/${clientId}/requests/${restrict.id}/decision`, { outcome: 'granted', reasons: '' })).statusCode).toBe(200);
    expect((await post(`/api/clients/${clientId}/requests/${restrict.id}/fulfil`)).statusCode).toBe(200);
    expect((await post(`/api/clients/${clientId}/processing-restriction/end`, { reason: m.restrictionEnd, clientInformedOn: '2026-11-22' })).statusCode).toBe(204);
    restrictionId = (await h.database.db.query<{ id: string }>('SELECT id FROM org.processing_restrictions WHERE client_id = $1', [clientId]))[0]!.id;

    // A parent's request that needs the 17-year-old's consent, recorded with where the declaration is kept.
    const parent = (await post(`/api/clients/${clientId}/relations`, {
      relation: 'parent', hasCustody: true, custodyEstablishedBy: 'by-law-marriage', custodyKind: 'two-headed-parental', familyName: 'Ouder', givenNames: 'Sam', establishedHow: 'gezagsregister', validFrom: '2026-01-05',
    })).json();
    const inspect = (await post(`/api/clients/${clientId}/requests`, {
      kind: 'inspect', channel: 'written', receivedOn: '2026-11-20', details: 'Inzage voor de ouder.', requesterRelationId: parent.id,
    })).json();
    consentRequestId = inspect.id as string;
    expect((await post(`/api/clients/${clientId}/requests/${consentRequestId}/consent`, { givenOn: '2026-11-21', how: 'in-writing', declarationReference: m.requestConsentReference })).statusCode).toBe(200);

    // The privacy officer holds the dossier for a procedure before its retention ends.
    expect((await post(`/api/privacy/retention-reviews/${clientId}/hold`, { reason: m.holdReason }, officer)).statusCode).toBe(200);

    // A competence assessment names the expert consulted (a person).
    expect((await post(`/api/clients/${clientId}/competence-assessments`, {
      matter: 'dossier-rights', competent: true, assessedOn: '2026-11-10', facts: m.competenceFacts, expertConsulted: m.expert,
    })).statusCode).toBe(201);

    // A disclosure without consent, to a named person: in the register (master key) and as an entry (client's key).
    const disclosure = await post(`/api/clients/${clientId}/disclosures`, {
      recipient: kept.disclosureRecipient, basis: 'inspectorate', part: 'dossier', what: 'Het dossier voor het onderzoek.', disclosedOn: '2026-11-15',
      clientToldBeforehand: true,
    });
    expect(disclosure.statusCode, disclosure.body).toBe(201);

    // A data breach about this client, not notified and not told, each with a reason.
    const breach = await post('/api/privacy/breaches', {
      description: kept.breachDescription, discoveredAt: '2026-11-21T09:00:00Z', clientIds: [clientId], risk: 'unlikely', riskAssessment: kept.breachRisk,
    }, officer);
    expect(breach.statusCode, breach.body).toBe(201);
    breachId = breach.json().id as string;
    expect((await h.request({
      method: 'PATCH', url: `/api/privacy/breaches/${breachId}`, cookie: officer,
      body: { apNotification: { notified: false, reason: kept.apReason }, clientsInformed: { informed: false, reason: kept.clientsReason } },
    })).statusCode).toBe(200);

    // Last, as it closes the dossier: the transfer to a successor, with the consent that names it.
    const transferConsent = await post(`/api/clients/${clientId}/consents`, {
      kind: 'disclosure', givenBy: 'client', givenOn: '2026-11-20', informationGiven: 'Uitleg over de overdracht.', recipient: m.transferConsentRecipient,
      purpose: 'Voortzetting van de hulp', dataDescription: 'Het hele dossier',
    });
    expect(transferConsent.statusCode, transferConsent.body).toBe(201);
    const transfer = await post(`/api/clients/${clientId}/transfer`, {
      recipient: m.transferConsentRecipient, recipientKind: 'successor-provider', consentId: transferConsent.json().id, transferredOn: '2026-11-22', clientToldBeforehand: true,
    });
    expect(transfer.statusCode, transfer.body).toBe(201);
  });

  /** What the registers that outlive the dossier show: the recipients, the breach's texts. */
  async function registers(): Promise<{ disclosure: unknown; transfer: unknown; breach: unknown }> {
    const register = (await get('/api/privacy/disclosures', officer)).json().disclosures as { clientId: string; recipient: string }[];
    const breaches = (await get('/api/privacy/breaches', officer)).json().breaches as { id: string }[];
    return {
      disclosure: register.filter((d) => d.clientId === clientId).map((d) => d.recipient).sort(),
      transfer: (await get(`/api/clients/${clientId}/transfer`)).json().transfer,
      breach: breaches.find((b) => b.id === breachId),
    };
  }
  const registersShow = {
    disclosure: [kept.disclosureRecipient, m.transferConsentRecipient].sort(),
    transfer: expect.objectContaining({ recipient: m.transferConsentRecipient }) as unknown,
    breach: expect.objectContaining({
      description: kept.breachDescription, riskAssessment: kept.breachRisk, apNotification: expect.objectContaining({ notified: false, reason: kept.apReason }) as unknown,
      clientsInformed: expect.objectContaining({ informed: false, reason: kept.clientsReason }) as unknown,
    }) as unknown,
  };
  afterAll(() => h.close());

  it('reads every text back through the API before destruction, while none is stored in clear', async () => {
    const consents = (await get(`/api/clients/${clientId}/consents`)).json().consents as Record<string, unknown>[];
    expect(consents.find((c) => c.kind === 'care')).toMatchObject({ informationGiven: m.careInformation, declarationReference: m.careDeclaration, recipient: null });
    expect(consents.find((c) => c.kind === 'disclosure' && c.recipient === m.recipient)).toMatchObject({
      informationGiven: m.disclosureInformation, recipient: m.recipient, purpose: m.purpose, dataDescription: m.dataDescription, declarationReference: m.disclosureDeclaration,
    });
    const reviews = (await get('/api/privacy/emergency-reviews?open=false', officer)).json().accesses as { client: { id: string }; reason: string; review: { note: string } }[];
    expect(reviews.find((a) => a.client.id === clientId)).toMatchObject({ reason: m.emergencyReason, review: { justified: true, note: m.reviewNote } });
    const held = (await get('/api/privacy/retention-reviews', officer)).json().reviews as { clientId: string; holdReason: string }[];
    expect(held.find((r) => r.clientId === clientId)).toMatchObject({ status: 'held', holdReason: m.holdReason });
    expect((await get(`/api/clients/${clientId}/requests/${consentRequestId}`)).json().intake.consent).toMatchObject({ declarationReference: m.requestConsentReference });
    expect((await get(`/api/clients/${clientId}/competence-assessments`)).json().assessments).toMatchObject([{ expertConsulted: m.expert, facts: m.competenceFacts }]);
    expect((await get(`/api/clients/${clientId}/disclosures`)).json().disclosures.map((d: { recipient: string }) => d.recipient).sort()).toEqual(registersShow.disclosure);
    expect(await registers()).toEqual(registersShow);
    // No route shows an ended restriction's reason; it opens with the client's key.
    const [restriction] = await h.database.db.query<{ end_reason_ciphertext: Buffer }>('SELECT end_reason_ciphertext FROM org.processing_restrictions WHERE id = $1', [restrictionId]);
    const key = await clientDataKey(h.database.db, h.app.deps.masterKey, clientId);
    expect(openText(key, 'restrictionEnd', restrictionId, restriction!.end_reason_ciphertext)).toBe(m.restrictionEnd);
    const dump = await dumpDatabase(h.database.db, h.database.url);
    expect(dump).toContain(familyName); // the dump holds the data (formal data stays in clear)
    expect(markersIn(dump, markers)).toEqual([]);
  });

  it('after a granted destruction of the whole dossier no marker is anywhere in a full dump, and the reads still answer', async () => {
    const destroy = (await post(`/api/clients/${clientId}/requests`, {
      kind: 'destroy', channel: 'written', receivedOn: '2026-11-21', details: 'Vernietig mijn dossier.', identityCheck: { documentType: 'passport' },
    })).json();
    expect((await post(`/api/clients/${clientId}/requests/${destroy.id}/decision`, { outcome: 'granted', reasons: '' })).statusCode).toBe(200);
    // A second authorised person confirms before the destruction is carried out (issue 14; migration 0057).
    const second = await h.login(await h.employee({ role: 'manager' }));
    expect((await h.request({ method: 'POST', url: `/api/clients/${clientId}/requests/${destroy.id}/confirm-destruction`, cookie: second, body: {} })).statusCode).toBe(200);
    const fulfilled = await post(`/api/clients/${clientId}/requests/${destroy.id}/fulfil`);
    expect(fulfilled.statusCode, fulfilled.body).toBe(200);
    expect((await h.database.db.query('SELECT 1 FROM care.client_keys WHERE client_id = $1', [clientId])).length).toBe(0);

    const dump = await dumpDatabase(h.database.db, h.database.url);
    expect(dump).toContain(familyName);
    expect(markersIn(dump, markers)).toEqual([]);

    // What stays shows that there was a consent, an emergency access, a hold — not what they said.
    const consents = await get(`/api/clients/${clientId}/consents`);
    expect(consents.statusCode).toBe(200);
    expect(consents.json().consents.map((c: { informationGiven: string }) => c.informationGiven)).toEqual([DESTROYED_TEXT, DESTROYED_TEXT, DESTROYED_TEXT]);
    const reviews = (await get('/api/privacy/emergency-reviews?open=false', officer)).json().accesses as { client: { id: string }; review: { note: string } }[];
    expect(reviews.find((a) => a.client.id === clientId)?.review.note).toBe(DESTROYED_TEXT);
    const held = (await get('/api/privacy/retention-reviews', officer)).json().reviews as { clientId: string; holdReason: string }[];
    expect(held.find((r) => r.clientId === clientId)?.holdReason).toBe(DESTROYED_TEXT);
    expect((await get(`/api/clients/${clientId}/requests/${consentRequestId}`)).json().intake.consent.declarationReference).toBe(DESTROYED_TEXT);
    // The registers that must outlive the dossier still say to whom, and the breach's reasons (master key);
    // the disclosures' entries went with the dossier.
    expect(await registers()).toEqual(registersShow);
    const register = (await get('/api/privacy/disclosures', officer)).json().disclosures as { clientId: string; entryId: string | null }[];
    expect(register.filter((d) => d.clientId === clientId).map((d) => d.entryId)).toEqual([null, null]);
  });

  it('the master key rotation rewraps the recipients through the append-only triggers; the application role cannot change them', async () => {
    const oldKey = h.app.deps.masterKey;
    const newKey = randomBytes(32);
    await asOwner(h.database, async (owner) => {
      const there = await owner.query<{ n: string }>(
        `SELECT (SELECT count(*) FROM org.disclosures WHERE client_id = $1 AND recipient_ciphertext IS NOT NULL)
              + (SELECT count(*) FROM org.transfers WHERE client_id = $1 AND recipient_ciphertext IS NOT NULL) AS n`, [clientId]);
      expect(Number(there[0]!.n)).toBe(3);
      await rewrapAll(owner, oldKey, newKey, { batchSize: 100 });
      const recipients = SEALED_UNDER_MASTER_KEY.filter((c) => c.column === 'recipient_ciphertext');
      expect(recipients.map((c) => c.table)).toEqual(['org.disclosures', 'org.transfers']);
      const underNew = await verifyAllOpen(owner, newKey, 100);
      expect(underNew.unopenable).toEqual([]);
      await rewrapAll(owner, newKey, oldKey, { batchSize: 100 });
    });
    expect(await registers()).toEqual(registersShow);
    // The application role may seal a row in clear, never rewrite a sealed one or another column.
    const [row] = await h.database.db.query<{ id: string; recipient_ciphertext: Buffer }>('SELECT id, recipient_ciphertext FROM org.transfers WHERE client_id = $1', [clientId]);
    await expect(h.database.db.query('UPDATE org.transfers SET recipient_ciphertext = $2 WHERE id = $1', [row!.id, randomBytes(40)])).rejects.toThrow(/append-only/);
    await expect(h.database.db.query('UPDATE org.transfers SET recipient = \'Iemand anders\', recipient_ciphertext = NULL WHERE id = $1', [row!.id])).rejects.toThrow();
    await expect(h.database.db.query('UPDATE org.disclosures SET recipient_ciphertext = $2 WHERE client_id = $1', [clientId, randomBytes(40)])).rejects.toThrow(/append-only/);
  });

  it('the end of the retention period erases the recipients with the formal data (migration 0038)', async () => {
    await asOwner(h.database, async (owner) => {
      await owner.query(
        `INSERT INTO org.destruction_records (organisation_id, client_id, scope, part, entries_destroyed, decided_on, reason, executed_by)
         VALUES ($1, $2, 'whole-dossier', 'dossier', 0, DATE '2046-11-22', 'retention-expired', $3)`, [h.organisationId, clientId, holder.id]);
      await owner.query('SELECT formal.erase_client_identity($1, $2)', [clientId, h.organisationId]);
    });
    const rows = await h.database.db.query<{ recipient: string | null; recipient_ciphertext: Buffer | null }>(
      'SELECT recipient, recipient_ciphertext FROM org.disclosures WHERE client_id = $1 UNION ALL SELECT recipient, recipient_ciphertext FROM org.transfers WHERE client_id = $1', [clientId]);
    expect(rows).toEqual([{ recipient: '', recipient_ciphertext: null }, { recipient: '', recipient_ciphertext: null }, { recipient: '', recipient_ciphertext: null }]);
    const register = (await get('/api/privacy/disclosures', officer)).json().disclosures as { clientId: string; recipient: string }[];
    expect(register.filter((d) => d.clientId === clientId).map((d) => d.recipient)).toEqual([ERASED_RECIPIENT, ERASED_RECIPIENT]);
  });
});

// ---------------------------------------------------------------- rows written before migration 0033

/** An empty database as its owner (PGlite in memory, or a fresh database on the server), and how to drop it. */
async function emptyDatabase(): Promise<{ db: Database; url: string | undefined; drop(): Promise<void> }> {
  if (serverUrl === undefined) {
    const db = await openPglite(undefined);
    return { db, url: undefined, drop: () => db.close() };
  }
  const name = `dw_legacy_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = openPostgres(serverUrl, { maxConnections: 1 });
  await admin.exec(`CREATE DATABASE ${name}`).finally(() => admin.close());
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = openPostgres(url.toString(), { maxConnections: 1 });
  return {
    db, url: url.toString(),
    async drop() {
      await db.close();
      const cleaner = openPostgres(serverUrl, { maxConnections: 1 });
      await cleaner.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => cleaner.close());
    },
  };
}

describe('free text written in clear before migrations 0033 and 0037', () => {
  const masterKey = randomBytes(32);
  let owner: { db: Database; url: string | undefined; drop(): Promise<void> };
  let appDb: Database | undefined;
  /** The database as the application role (set in beforeAll). */
  // Plain SQL across organisations, as the tests' scratch databases do: the application role sees no row outside a
  // scope (row-level security, migration 0056).
  const app = (): Database => withDefaultScope(appDb!, SYSTEM_SCOPE);
  const ids = {
    kept: randomUUID(), destroyed: randomUUID(), care: randomUUID(), disclosure: randomUUID(), gone: randomUUID(), request: randomUUID(), access: randomUUID(),
    expertKept: randomUUID(), expertGone: randomUUID(), register: randomUUID(), transfer: randomUUID(), breach: randomUUID(), sealedBreach: randomUUID(),
  };
  let dataKey: Buffer;

  beforeAll(async () => {
    owner = await emptyDatabase();
    // Everything up to the migration before 0033, as a database of the previous release has it.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dw-legacy-'));
    for (const file of (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql') && f.slice(0, 4) < '0033')) {
      await copyFile(path.join(MIGRATIONS_DIR, file), path.join(dir, file));
    }
    await migrate(owner.db, dir);
    await rm(dir, { recursive: true, force: true });

    const db = owner.db;
    const organisationId = await ensureOrganisation(db, `Legacy ${randomBytes(3).toString('hex')}`);
    const employee = await ensureEmployee(db, organisationId, {
      username: `legacy-${randomBytes(3).toString('hex')}`, displayName: 'Oude Medewerker', functionTitle: 'Jeugdhulpverlener', role: 'care-professional', password: TEST_PASSWORD,
    });
    dataKey = newDataKey();
    for (const id of [ids.kept, ids.destroyed]) {
      await db.query(
        `INSERT INTO formal.clients (id, organisation_id, family_name, given_names, birth_date, gender, street_address, postcode, town, created_by)
         VALUES ($1, $2, 'Oud', 'Cliënt', DATE '2010-06-01', 'unknown', 'Straat 1', '1000 AA', 'Stad', $3)`, [id, organisationId, employee]);
    }
    // Only the kept client has a key: the other was destroyed under the previous release.
    await db.query('INSERT INTO care.client_keys (client_id, wrapped_key) VALUES ($1, $2)', [ids.kept, wrapDataKey(masterKey, dataKey, ids.kept)]);
    await db.query(
      `INSERT INTO org.consents (id, client_id, kind, given_by, given_on, information_given, recipient, purpose, data_description, valid_from, declaration_reference, recorded_by)
       VALUES ($1, $4, 'care', 'client', DATE '2026-01-01', 'Oude uitleg over de hulp', NULL, NULL, NULL, DATE '2026-01-01', 'Map 7', $5),
              ($2, $4, 'disclosure', 'client', DATE '2026-01-02', 'Oude uitleg', 'Oude school', 'Oud doel', 'Oude gegevens', DATE '2026-01-02', NULL, $5),
              ($3, $6, 'care', 'client', DATE '2026-01-01', 'Uitleg van een vernietigd dossier', NULL, NULL, NULL, DATE '2026-01-01', 'Map 9', $5)`,
      [ids.care, ids.disclosure, ids.gone, ids.kept, employee, ids.destroyed]);
    await db.query(
      `INSERT INTO org.requests (id, organisation_id, client_id, kind, requester_kind, channel, received_on, details_ciphertext, state, intake_outcome,
         intake_basis, intake_explanation, deadline, recorded_by, consent_reference, decision)
       VALUES ($1, $2, $3, 'restrict', 'client', 'written', DATE '2026-01-05', $4, 'fulfilled', 'allow', '{}', 'Toegestaan.', DATE '2026-02-05', $5, 'Oude verklaring', 'granted')`,
      [ids.request, organisationId, ids.kept, encryptJson(dataKey, { details: 'Beperk.' }, `request:${ids.request}`), employee]);
    await db.query(
      `INSERT INTO org.processing_restrictions (client_id, request_id, started_by, started_at, ended_by, ended_at, end_reason)
       VALUES ($1, $2, $3, '2026-01-06T10:00:00Z', $3, '2026-02-01T10:00:00Z', 'Oude reden van opheffen')`, [ids.kept, ids.request, employee]);
    await db.query(
      `INSERT INTO org.emergency_accesses (id, organisation_id, client_id, employee_id, reason_ciphertext, started_at, expires_at, reviewed_by, reviewed_at, justified, review_note)
       VALUES ($1, $2, $3, $4, $5, '2026-01-07T10:00:00Z', '2026-01-07T11:00:00Z', $4, '2026-01-08T10:00:00Z', true, 'Oude notitie')`,
      [ids.access, organisationId, ids.kept, employee, encryptJson(dataKey, { reason: 'Crisis.' }, `emergency:${ids.access}`)]);
    await db.query(
      `INSERT INTO org.retention_reviews (client_id, organisation_id, last_change, kept_until, status, decided_by, decided_at, hold_reason)
       VALUES ($1, $2, DATE '2026-01-07', DATE '2046-01-07', 'held', $3, '2026-01-09T10:00:00Z', 'Oude procedure')`, [ids.kept, organisationId, employee]);
    // Before 0037: the expert consulted, the register's and the transfer's recipient, the breach's texts and reasons in clear.
    await db.query(
      `INSERT INTO care.competence_assessments (id, client_id, matter, competent, assessed_on, expert_consulted, assessed_by, facts_ciphertext)
       VALUES ($1, $3, 'dossier-rights', true, DATE '2026-01-03', 'Dr. Oude Deskundige', $5, $6),
              ($2, $4, 'dossier-rights', true, DATE '2026-01-03', 'Deskundige van een vernietigd dossier', $5, $7)`,
      [ids.expertKept, ids.expertGone, ids.kept, ids.destroyed, employee, encryptJson(dataKey, { facts: 'Feiten.' }, `competence:${ids.expertKept}`), randomBytes(40)]);
    await db.query(
      `INSERT INTO org.disclosures (id, organisation_id, client_id, recipient, basis, part, disclosed_on, client_told_beforehand, citations, entry_id, recorded_by)
       VALUES ($1, $2, $3, 'Oma Oude Ontvanger', 'inspectorate', 'dossier', DATE '2026-01-04', true, '{}', NULL, $4)`, [ids.register, organisationId, ids.kept, employee]);
    await db.query(
      `INSERT INTO org.transfers (id, organisation_id, client_id, recipient, recipient_kind, transferred_on, citations, disclosure_id, consent_given, recorded_by)
       VALUES ($1, $2, $3, 'Oude Opvolger', 'successor-provider', DATE '2026-01-10', '{}', $4, true, $5)`, [ids.transfer, organisationId, ids.kept, ids.register, employee]);
    await db.query(
      `INSERT INTO org.data_breaches (id, organisation_id, status, description, discovered_at, risk, risk_assessment, ap_notified, ap_reason, clients_informed, clients_reason, created_by)
       VALUES ($1, $2, 'open', 'Oud lek', '2026-01-11T10:00:00Z', 'unlikely', 'Oude risicobeoordeling', false, 'Oude reden AP', false, 'Oude reden cliënten', $3)`,
      [ids.breach, organisationId, employee]);
    // Sealed under 0019 already, with its reasons still in clear.
    await db.query(
      `INSERT INTO org.data_breaches (id, organisation_id, status, content, discovered_at, risk, ap_notified, ap_reason, clients_informed, clients_reason, created_by)
       VALUES ($1, $2, 'open', $3, '2026-01-12T10:00:00Z', 'risk', false, 'Reden AP van 0019', NULL, NULL, $4)`,
      [ids.sealedBreach, organisationId, encryptJson(masterKey, { description: 'Lek van 0019', riskAssessment: null }, `data-breach:${ids.sealedBreach}`), employee]);

    await migrate(db);
    if (owner.url === undefined) {
      await db.exec(`SET ROLE ${APP_ROLE}`);
      appDb = db;
    } else {
      appDb = openPostgres(owner.url, { role: APP_ROLE, maxConnections: 2 });
    }
  });
  afterAll(async () => {
    if (appDb !== undefined && appDb !== owner.db) await appDb.close();
    await owner.drop();
  });

  it('migrations 0033 and 0037 empty the texts of a client whose key was already destroyed; the others wait for the key', async () => {
    const experts = await app().query<{ id: string; expert_consulted: string | null }>('SELECT id, expert_consulted FROM care.competence_assessments');
    expect(experts.find((r) => r.id === ids.expertGone)?.expert_consulted).toBe('');
    expect(experts.find((r) => r.id === ids.expertKept)?.expert_consulted).toBe('Dr. Oude Deskundige');
    const rows = await app().query<{ id: string; information_given: string | null; declaration_reference: string | null }>(
      'SELECT id, information_given, declaration_reference FROM org.consents ORDER BY id');
    expect(rows.find((r) => r.id === ids.gone)).toEqual({ id: ids.gone, information_given: '', declaration_reference: null });
    expect(rows.find((r) => r.id === ids.care)).toMatchObject({ information_given: 'Oude uitleg over de hulp', declaration_reference: 'Map 7' });
  });

  it('a row still in clear can be changed in its other columns until it is sealed, as a later migration or a foreign key does; only new plaintext is refused (0039)', async () => {
    // As the owner, like a migration: on PGlite the one connection is the application role since beforeAll.
    const asOwner = owner.db;
    if (owner.url === undefined) await owner.db.exec('RESET ROLE');
    try {
      await asOwner.query('UPDATE org.requests SET deadline = deadline + 0 WHERE id = $1', [ids.request]);
      await asOwner.query('UPDATE org.consents SET valid_from = valid_from WHERE id = $1', [ids.care]);
      await asOwner.query('UPDATE org.disclosures SET entry_id = NULL WHERE id = $1', [ids.register]);
      await expect(asOwner.query('UPDATE org.consents SET purpose = $2 WHERE id = $1', [ids.care, 'Nieuw doel in klare tekst'])).rejects.toThrow(/consents_no_plain_text/);
      await expect(asOwner.query('UPDATE org.requests SET consent_reference = $2 WHERE id = $1', [ids.request, 'Andere map'])).rejects.toThrow(/requests_no_plain_consent_reference/);
    } finally {
      if (owner.url === undefined) await owner.db.exec(`SET ROLE ${APP_ROLE}`);
    }
    const [request] = await app().query<{ consent_reference: string | null }>('SELECT consent_reference FROM org.requests WHERE id = $1', [ids.request]);
    expect(request!.consent_reference).toBe('Oude verklaring');
  });

  it('the application seals the rest at start-up, before it serves; a second run finds nothing; no new plaintext is accepted', async () => {
    const started = await createApp({ ...loadConfig({ DW_DEMO: 'false', LOG_LEVEL: 'silent' }), databaseUrl: owner.url }, { db: app(), masterKey });
    await started.close();

    const [care] = await app().query<{ information_given: string | null; declaration_reference: string | null; content_ciphertext: Buffer }>(
      'SELECT information_given, declaration_reference, content_ciphertext FROM org.consents WHERE id = $1', [ids.care]);
    expect({ plain: [care!.information_given, care!.declaration_reference], texts: openConsentTexts(dataKey, ids.care, care!.content_ciphertext) }).toEqual({
      plain: [null, null],
      texts: { informationGiven: 'Oude uitleg over de hulp', recipient: null, purpose: null, dataDescription: null, declarationReference: 'Map 7' },
    });
    const [disclosure] = await app().query<{ recipient: string | null; content_ciphertext: Buffer }>('SELECT recipient, content_ciphertext FROM org.consents WHERE id = $1', [ids.disclosure]);
    expect(disclosure!.recipient).toBeNull();
    expect(openConsentTexts(dataKey, ids.disclosure, disclosure!.content_ciphertext)).toMatchObject({ recipient: 'Oude school', purpose: 'Oud doel', dataDescription: 'Oude gegevens' });

    const [restriction] = await app().query<{ id: string; end_reason: string | null; end_reason_ciphertext: Buffer }>(
      'SELECT id, end_reason, end_reason_ciphertext FROM org.processing_restrictions WHERE client_id = $1', [ids.kept]);
    expect([restriction!.end_reason, openText(dataKey, 'restrictionEnd', restriction!.id, restriction!.end_reason_ciphertext)]).toEqual([null, 'Oude reden van opheffen']);
    const [access] = await app().query<{ review_note: string | null; review_note_ciphertext: Buffer }>(
      'SELECT review_note, review_note_ciphertext FROM org.emergency_accesses WHERE id = $1', [ids.access]);
    expect([access!.review_note, openText(dataKey, 'emergencyReview', ids.access, access!.review_note_ciphertext)]).toEqual([null, 'Oude notitie']);
    const [hold] = await app().query<{ hold_reason: string | null; hold_reason_ciphertext: Buffer }>(
      'SELECT hold_reason, hold_reason_ciphertext FROM org.retention_reviews WHERE client_id = $1', [ids.kept]);
    expect([hold!.hold_reason, openText(dataKey, 'retentionHold', ids.kept, hold!.hold_reason_ciphertext)]).toEqual([null, 'Oude procedure']);
    const [request] = await app().query<{ consent_reference: string | null; consent_reference_ciphertext: Buffer }>(
      'SELECT consent_reference, consent_reference_ciphertext FROM org.requests WHERE id = $1', [ids.request]);
    expect([request!.consent_reference, openText(dataKey, 'requestConsent', ids.request, request!.consent_reference_ciphertext)]).toEqual([null, 'Oude verklaring']);

    const [expert] = await app().query<{ expert_consulted: string | null; expert_consulted_ciphertext: Buffer }>(
      'SELECT expert_consulted, expert_consulted_ciphertext FROM care.competence_assessments WHERE id = $1', [ids.expertKept]);
    expect([expert!.expert_consulted, openText(dataKey, 'competenceExpert', ids.expertKept, expert!.expert_consulted_ciphertext)]).toEqual([null, 'Dr. Oude Deskundige']);
    const [register] = await app().query<{ recipient: string | null; recipient_ciphertext: Buffer }>('SELECT recipient, recipient_ciphertext FROM org.disclosures WHERE id = $1', [ids.register]);
    expect([register!.recipient, openRecipient(masterKey, 'disclosure', ids.register, register!.recipient_ciphertext, null)]).toEqual([null, 'Oma Oude Ontvanger']);
    const [transfer] = await app().query<{ recipient: string | null; recipient_ciphertext: Buffer }>('SELECT recipient, recipient_ciphertext FROM org.transfers WHERE id = $1', [ids.transfer]);
    expect([transfer!.recipient, openRecipient(masterKey, 'transfer', ids.transfer, transfer!.recipient_ciphertext, null)]).toEqual([null, 'Oude Opvolger']);
    const breaches = await app().query<{ id: string; description: string | null; risk_assessment: string | null; ap_reason: string | null; clients_reason: string | null; content: Buffer }>(
      'SELECT id, description, risk_assessment, ap_reason, clients_reason, content FROM org.data_breaches WHERE id = ANY($1::uuid[]) ORDER BY discovered_at', [[ids.breach, ids.sealedBreach]]);
    expect(breaches.map((b) => ({ plain: [b.description, b.risk_assessment, b.ap_reason, b.clients_reason], content: decryptJson(masterKey, b.content, `data-breach:${b.id}`) }))).toEqual([
      { plain: [null, null, null, null], content: { description: 'Oud lek', riskAssessment: 'Oude risicobeoordeling', apReason: 'Oude reden AP', clientsReason: 'Oude reden cliënten' } },
      { plain: [null, null, null, null], content: { description: 'Lek van 0019', riskAssessment: null, apReason: 'Reden AP van 0019', clientsReason: null } },
    ]);

    expect(await sealLegacyFreeText(app(), masterKey)).toEqual({
      consents: 0, emergencyReviews: 0, restrictionEnds: 0, retentionHolds: 0, requestConsents: 0, competenceExperts: 0, disclosureRecipients: 0, transferRecipients: 0, breaches: 0,
    });
    // The database refuses new plaintext (the check of 0033 holds for every row written from then on).
    await expect(app().query('UPDATE org.consents SET purpose = $2 WHERE id = $1', [ids.disclosure, 'Nieuw doel in klare tekst'])).rejects.toThrow(/consents_no_plain_text/);
    await expect(app().query('UPDATE org.retention_reviews SET hold_reason = $2 WHERE client_id = $1', [ids.kept, 'Klare tekst'])).rejects.toThrow(/retention_reviews_no_plain_text/);
    await expect(app().query('UPDATE org.data_breaches SET ap_reason = $2 WHERE id = $1', [ids.breach, 'Klare tekst'])).rejects.toThrow(/data_breaches_no_plain_text/);
    await expect(app().query(
      `INSERT INTO org.disclosures (organisation_id, client_id, recipient, basis, part, disclosed_on, client_told_beforehand, citations, recorded_by)
       SELECT organisation_id, client_id, 'Nieuwe ontvanger in klare tekst', basis, part, disclosed_on, true, citations, recorded_by FROM org.disclosures WHERE id = $1`, [ids.register]))
      .rejects.toThrow(/disclosures_no_plain_recipient/);
    // Append-only stays append-only: only the one-way sealing transition is let through.
    await expect(app().query('UPDATE org.transfers SET recipient_kind = \'nidos-guardian\' WHERE id = $1', [ids.transfer])).rejects.toThrow();
    await expect(app().query('UPDATE care.competence_assessments SET competent = false WHERE id = $1', [ids.expertKept])).rejects.toThrow();
  });
});
