/**
 * Destroying a dossier leaves no free text about the client readable anywhere
 * in the database (issue 13 item 8; Jeugdwet 7.3.9). Every free text about the
 * client outside the care tables — consent texts, the emergency reason and the
 * privacy officer's review note, a restriction's end reason, a retention hold
 * reason, a request's consent declaration — gets a distinct marker; the texts
 * read back through the API; the dossier is destroyed on a granted request;
 * then the whole database is dumped (pg_dump on PostgreSQL; on PGlite every
 * row of every table as JSON, bytea as hex) and no marker is found, neither as
 * text nor as the hex of its bytes.
 *
 * And: rows written in clear before migration 0033 are sealed at start-up
 * (idempotently), and those of clients destroyed before it are emptied.
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
import { encryptJson, newDataKey, wrapDataKey } from '../crypto/envelope.js';
import { APP_ROLE, type Database } from '../db/database.js';
import { migrate, MIGRATIONS_DIR } from '../db/migrate.js';
import { openPglite } from '../db/pglite-database.js';
import { openPostgres } from '../db/postgres-database.js';
import { createApp } from '../http/app.js';
import { ensureEmployee, ensureOrganisation } from '../organisation/organisation-service.js';
import { createHarness, TEST_PASSWORD, type Harness, type TestEmployee } from '../test-support/harness.js';
import { DESTROYED_TEXT, openConsentTexts, openText, sealLegacyFreeText } from './client-free-text.js';

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
  };
  const markers = Object.values(m);

  const post = (url: string, body: unknown = {}, as = cookie) => h.request({ method: 'POST', url, cookie: as, body });
  const get = (url: string, as = cookie) => h.request({ method: 'GET', url, cookie: as });
  let restrictionId: string;
  let consentRequestId: string;

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
      relation: 'parent', hasCustody: true, custodyKind: 'two-headed-parental', familyName: 'Ouder', givenNames: 'Sam', establishedHow: 'gezagsregister', validFrom: '2026-01-05',
    })).json();
    const inspect = (await post(`/api/clients/${clientId}/requests`, {
      kind: 'inspect', channel: 'written', receivedOn: '2026-11-20', details: 'Inzage voor de ouder.', requesterRelationId: parent.id,
    })).json();
    consentRequestId = inspect.id as string;
    expect((await post(`/api/clients/${clientId}/requests/${consentRequestId}/consent`, { givenOn: '2026-11-21', how: 'in-writing', declarationReference: m.requestConsentReference })).statusCode).toBe(200);

    // The privacy officer holds the dossier for a procedure before its retention ends.
    expect((await post(`/api/privacy/retention-reviews/${clientId}/hold`, { reason: m.holdReason }, officer)).statusCode).toBe(200);
  });
  afterAll(() => h.close());

  it('reads every text back through the API before destruction, while none is stored in clear', async () => {
    const consents = (await get(`/api/clients/${clientId}/consents`)).json().consents as Record<string, unknown>[];
    expect(consents.find((c) => c.kind === 'care')).toMatchObject({ informationGiven: m.careInformation, declarationReference: m.careDeclaration, recipient: null });
    expect(consents.find((c) => c.kind === 'disclosure')).toMatchObject({
      informationGiven: m.disclosureInformation, recipient: m.recipient, purpose: m.purpose, dataDescription: m.dataDescription, declarationReference: m.disclosureDeclaration,
    });
    const reviews = (await get('/api/privacy/emergency-reviews?open=false', officer)).json().accesses as { client: { id: string }; reason: string; review: { note: string } }[];
    expect(reviews.find((a) => a.client.id === clientId)).toMatchObject({ reason: m.emergencyReason, review: { justified: true, note: m.reviewNote } });
    const held = (await get('/api/privacy/retention-reviews', officer)).json().reviews as { clientId: string; holdReason: string }[];
    expect(held.find((r) => r.clientId === clientId)).toMatchObject({ status: 'held', holdReason: m.holdReason });
    expect((await get(`/api/clients/${clientId}/requests/${consentRequestId}`)).json().intake.consent).toMatchObject({ declarationReference: m.requestConsentReference });
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
    const fulfilled = await post(`/api/clients/${clientId}/requests/${destroy.id}/fulfil`);
    expect(fulfilled.statusCode, fulfilled.body).toBe(200);
    expect((await h.database.db.query('SELECT 1 FROM care.client_keys WHERE client_id = $1', [clientId])).length).toBe(0);

    const dump = await dumpDatabase(h.database.db, h.database.url);
    expect(dump).toContain(familyName);
    expect(markersIn(dump, markers)).toEqual([]);

    // What stays shows that there was a consent, an emergency access, a hold — not what they said.
    const consents = await get(`/api/clients/${clientId}/consents`);
    expect(consents.statusCode).toBe(200);
    expect(consents.json().consents.map((c: { informationGiven: string }) => c.informationGiven)).toEqual([DESTROYED_TEXT, DESTROYED_TEXT]);
    const reviews = (await get('/api/privacy/emergency-reviews?open=false', officer)).json().accesses as { client: { id: string }; review: { note: string } }[];
    expect(reviews.find((a) => a.client.id === clientId)?.review.note).toBe(DESTROYED_TEXT);
    const held = (await get('/api/privacy/retention-reviews', officer)).json().reviews as { clientId: string; holdReason: string }[];
    expect(held.find((r) => r.clientId === clientId)?.holdReason).toBe(DESTROYED_TEXT);
    expect((await get(`/api/clients/${clientId}/requests/${consentRequestId}`)).json().intake.consent.declarationReference).toBe(DESTROYED_TEXT);
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

describe('free text written in clear before migration 0033', () => {
  const masterKey = randomBytes(32);
  let owner: { db: Database; url: string | undefined; drop(): Promise<void> };
  let appDb: Database | undefined;
  /** The database as the application role (set in beforeAll). */
  const app = (): Database => appDb!;
  const ids = { kept: randomUUID(), destroyed: randomUUID(), care: randomUUID(), disclosure: randomUUID(), gone: randomUUID(), request: randomUUID(), access: randomUUID() };
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

  it('migration 0033 empties the texts of a client whose key was already destroyed; the others wait for the key', async () => {
    const rows = await app().query<{ id: string; information_given: string | null; declaration_reference: string | null }>(
      'SELECT id, information_given, declaration_reference FROM org.consents ORDER BY id');
    expect(rows.find((r) => r.id === ids.gone)).toEqual({ id: ids.gone, information_given: '', declaration_reference: null });
    expect(rows.find((r) => r.id === ids.care)).toMatchObject({ information_given: 'Oude uitleg over de hulp', declaration_reference: 'Map 7' });
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

    expect(await sealLegacyFreeText(app(), masterKey)).toEqual({ consents: 0, emergencyReviews: 0, restrictionEnds: 0, retentionHolds: 0, requestConsents: 0 });
    // The database refuses new plaintext (the check of 0033 holds for every row written from then on).
    await expect(app().query('UPDATE org.consents SET purpose = $2 WHERE id = $1', [ids.disclosure, 'Nieuw doel in klare tekst'])).rejects.toThrow(/consents_no_plain_text/);
    await expect(app().query('UPDATE org.retention_reviews SET hold_reason = $2 WHERE client_id = $1', [ids.kept, 'Klare tekst'])).rejects.toThrow(/retention_reviews_no_plain_text/);
  });
});
