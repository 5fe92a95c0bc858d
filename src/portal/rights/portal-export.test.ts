/**
 * The portability export in the portal (issue 19 item 4; AVG 20), over HTTP with portal sessions: the mother of a
 * 14-year-old downloads the export of her own granted portability request as JSON, spreadsheet and FHIR R4, made for her
 * today by the portal's rules — the passage shielded from her left out, the conversation report under the agreement
 * withheld with its ground, the entry not yet released to the portal absent (Jeugdwet 7.3.10, 7.3.11; 003 §3.1).
 * Another person's request is 404, before the decision 409, a refused request has no export; every download is logged
 * through the gate with the entries it shows. Also (issue 19, "over-reporting"): the portal's dossier view logs only the
 * entries it shows.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSystem } from '../../db/organisation-scope.js';
import { PROGRESS_HEADER, progressShared } from '../../exports/export-progress.js';
import { fhirR4Validator } from '../../test-support/fhir-schema.js';
import { createHarness, type Harness, type TestEmployee } from '../../test-support/harness.js';
import { createPortalLogin, portalRequest, type PortalTestLogin } from '../../test-support/portal-fixture.js';

let h: Harness;
let holder: TestEmployee;
let staff: string;
let clientId: string;
let reportId: string;
let planId: string;
let waitingId: string;
let withheldId: string;
let young: PortalTestLogin;
let mother: PortalTestLogin;
let other: PortalTestLogin;
let motherRequest: string;
const SECRET = 'Geheimeweg 12';
const REPORT = 'Sam vertelde over school en over thuis.';
const WAITING = 'Nog niet besproken met Sam.';
const WITHHELD = 'Zwaarwegend verslag van de kinderarts.';

const post = async <T>(url: string, body: unknown): Promise<T> => {
  const r = await h.request({ method: 'POST', url, cookie: staff, body });
  expect(r.statusCode, r.body).toBeLessThan(300);
  return (r.body === '' ? undefined : r.json<T>()) as T;
};
const entry = (body: Record<string, unknown>) => post<{ id: string }>(`/api/clients/${clientId}/entries`, { source: { kind: 'care-professional' }, ...body });
const get = (who: PortalTestLogin, url: string, headers?: Record<string, string>) =>
  portalRequest(h, { method: 'GET', url, cookie: who.cookie, ...(headers === undefined ? {} : { headers }) });

/** A portability request made in the portal by this person; decided by the holder when `outcome` is given. */
async function portabilityRequest(who: PortalTestLogin, outcome?: 'granted' | 'refused'): Promise<string> {
  const made = await portalRequest(h, { method: 'POST', url: '/api/portal/requests', cookie: who.cookie, body: { kind: 'portability', details: 'Ik wil mijn gegevens meenemen.' } });
  expect(made.statusCode, made.body).toBe(201);
  const id = made.json<{ id: string }>().id;
  if (outcome === undefined) return id;
  const staffView = await h.request({ method: 'GET', url: `/api/clients/${who.clientId}/requests/${id}`, cookie: staff });
  // Portability at 14 is the young person's own right; a parent asks with her consent (Jeugdwet 7.3.11).
  if (staffView.json<{ intake: { outcome: string } }>().intake.outcome === 'needs-consent') {
    await post(`/api/clients/${who.clientId}/requests/${id}/consent`, { givenOn: '2026-11-22', how: 'in-person' });
  }
  await post(`/api/clients/${who.clientId}/requests/${id}/decision`, { outcome, reasons: outcome === 'granted' ? 'Je krijgt je gegevens.' : 'Deze gegevens hebben wij niet.' });
  return id;
}

interface Export {
  format: string; reference: string; client: { givenNames: string; contactDataLeftOut: boolean };
  entries: { id: string; text: string; withheldParts: { ground: string }[] }[];
  withheld: { recordedAt: string; ground: string; basis: string[] }[];
}

async function logRows(accountId: string, action: string): Promise<{ outcome: string; entry_ids: string[]; part: string; employee_role: string }[]> {
  return asSystem(() => h.database.db.query<{ outcome: string; entry_ids: string[]; part: string; employee_role: string }>(
    'SELECT outcome, entry_ids, part, employee_role FROM audit.access_log WHERE client_id = $1 AND employee_id = $2 AND action = $3 ORDER BY seq', [clientId, accountId, action]));
}

beforeAll(async () => {
  h = await createHarness();
  holder = await h.employee({ role: 'care-professional', name: 'Hanna Houder' });
  staff = await h.login(holder);
  clientId = await h.client({ age: 14, holder });
  const motherRelation = await post<{ id: string }>(`/api/clients/${clientId}/relations`, {
    relation: 'parent', hasCustody: true, custodyKind: 'two-headed-parental', custodyEstablishedBy: 'by-law-marriage', familyName: 'Moeder', givenNames: 'Mia',
    establishedHow: 'gezagsregister', validFrom: '2026-01-05',
  });
  await post(`/api/clients/${clientId}/agreements`, { agreement: 'no-conversation-reports-to-parents', agreedOn: '2026-01-05' });
  reportId = (await entry({ kind: 'conversation-report', text: REPORT })).id;
  const planText = `Doel: weer naar school. Sam woont bij vader op de ${SECRET}.`;
  planId = (await entry({ kind: 'plan', text: planText })).id;
  const start = planText.indexOf(SECRET);
  await post(`/api/clients/${clientId}/entries/${planId}/shieldings`, {
    kind: 'shielded-from', passage: { start, end: start + SECRET.length }, shieldedFrom: [motherRelation.id], reason: 'Adres van vader afgeschermd',
  });
  waitingId = (await entry({ kind: 'plan', text: WAITING })).id;
  withheldId = (await entry({ kind: 'research-report', text: WITHHELD })).id;
  await post(`/api/clients/${clientId}/entries/${reportId}/portal-release`, { decision: 'release' });
  await post(`/api/clients/${clientId}/entries/${planId}/portal-release`, { decision: 'release' });
  await post(`/api/clients/${clientId}/entries/${withheldId}/portal-release`, { decision: 'withhold', ground: 'privacy-of-another', reason: 'Gaat over de broer.' });
  young = await createPortalLogin(h, { clientId, createdBy: holder });
  mother = await createPortalLogin(h, { clientId, relationId: motherRelation.id, createdBy: holder });
  other = await createPortalLogin(h, { clientId: await h.client({ age: 14, holder }), createdBy: holder });
  motherRequest = await portabilityRequest(mother, 'granted');
}, 180_000);
afterAll(async () => h?.close());

describe('the portability export in the portal (issue 19 item 4; AVG 20)', () => {
  it('the mother of a 14-year-old gets JSON without the passage shielded from her, without the report under the agreement, without what is not released', async () => {
    const r = await get(mother, `/api/portal/requests/${motherRequest}/export.json`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-disposition']).toContain(`gegevens-${motherRequest}.json`);
    const data = r.json<Export>();
    expect(data).toMatchObject({ format: 'dossierwijzer-portability', reference: motherRequest });
    expect(r.body).not.toContain(SECRET);
    expect(r.body).not.toContain(REPORT);
    expect(r.body).not.toContain(WAITING);
    expect(r.body).not.toContain(WITHHELD);
    expect(data.entries.map((e) => e.id)).toEqual([planId]);
    expect(data.entries.some((e) => e.id === waitingId)).toBe(false);
    const plan = data.entries[0]!;
    expect(plan.text).toContain('[…afgeschermd…]');
    expect(plan.withheldParts.length).toBe(1);
    // The report (the agreement) and the research report (withheld from the portal) are listed with their ground; the waiting entry not at all.
    expect(data.withheld.length).toBe(2);
    expect(data.withheld.every((w) => w.ground.length > 20 && w.basis.length > 0)).toBe(true);
    // The mother's request in her list has the export.
    const list = await get(mother, '/api/portal/requests');
    expect(list.json<{ requests: { id: string; export: boolean }[] }>().requests.find((q) => q.id === motherRequest)?.export).toBe(true);
  });

  it('the spreadsheet and the FHIR bundle are the same view, and the bundle is valid FHIR R4', async () => {
    const xlsx = await get(mother, `/api/portal/requests/${motherRequest}/export.xlsx`);
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => { cells.push(cell.text); })));
    const all = cells.join('\n');
    expect(all).toContain('Doel: weer naar school');
    expect(all).not.toContain(SECRET);
    expect(all).not.toContain(REPORT);
    expect(all).not.toContain(WAITING);

    const fhir = await get(mother, `/api/portal/requests/${motherRequest}/export.fhir.json`);
    expect(fhir.statusCode, fhir.body).toBe(200);
    expect(fhir.headers['content-type']).toContain('application/fhir+json');
    const bundle = fhir.json<{ resourceType: string; entry: { resource: { resourceType: string; content?: { attachment: { data: string } }[] } }[] }>();
    expect(bundle.resourceType).toBe('Bundle');
    const validate = fhirR4Validator();
    expect(validate(bundle), JSON.stringify(validate.errors)).toBe(true);
    const texts = bundle.entry.flatMap((e) => e.resource.content ?? []).map((c) => Buffer.from(c.attachment.data, 'base64').toString('utf8'));
    expect(texts.length).toBe(1);
    expect(texts.join('\n')).not.toContain(SECRET);
  });

  it('the young person\'s own export has her report and the whole plan (what she sees in the portal), still not the entry not yet released', async () => {
    const id = await portabilityRequest(young, 'granted');
    const r = await get(young, `/api/portal/requests/${id}/export.json`);
    expect(r.statusCode, r.body).toBe(200);
    const data = r.json<Export>();
    expect(data.entries.map((e) => e.id).sort()).toEqual([reportId, planId].sort());
    expect(r.body).toContain(SECRET);
    expect(r.body).not.toContain(WAITING);
  });

  it('is logged through the gate as a copy by the portal account, naming only the entries the export shows', async () => {
    const rows = (await logRows(mother.accountId, 'copy')).filter((row) => row.outcome === 'allowed');
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) {
      expect(row).toMatchObject({ part: 'dossier', employee_role: 'portal-relation' });
      expect(row.entry_ids).toEqual([planId]);
    }
  });

  it('another person\'s request is 404 (the young person\'s for her mother, and across clients), logged', async () => {
    const youngRequest = await portabilityRequest(young, 'granted');
    for (const format of ['json', 'xlsx', 'fhir.json']) {
      expect((await get(mother, `/api/portal/requests/${youngRequest}/export.${format}`)).statusCode).toBe(404);
      expect((await get(young, `/api/portal/requests/${motherRequest}/export.${format}`)).statusCode).toBe(404);
      expect((await get(other, `/api/portal/requests/${motherRequest}/export.${format}`)).statusCode).toBe(404);
    }
    const refused = (await logRows(mother.accountId, 'copy')).filter((row) => row.outcome !== 'allowed');
    expect(refused.length).toBe(3);
  });

  it('before the decision 409, and a refused portability request has no export (409, no link)', async () => {
    const undecided = await portabilityRequest(young);
    const early = await get(young, `/api/portal/requests/${undecided}/export.json`);
    expect(early.statusCode).toBe(409);
    expect(early.headers['content-type']).toContain('application/problem+json');
    expect(early.json<{ code: string }>().code).toBe('request-wrong-state');

    const refusedId = await portabilityRequest(mother, 'refused');
    for (const format of ['json', 'xlsx', 'fhir.json']) {
      const r = await get(mother, `/api/portal/requests/${refusedId}/export.${format}`);
      expect(r.statusCode).toBe(409);
      expect(r.json<{ nl: string }>().nl).toContain('afgewezen');
    }
    const list = await get(mother, '/api/portal/requests');
    expect(list.json<{ requests: { id: string; export: boolean }[] }>().requests.find((q) => q.id === refusedId)?.export).toBe(false);
  });

  it('a request of another kind has no export (409)', async () => {
    const made = await portalRequest(h, { method: 'POST', url: '/api/portal/requests', cookie: young.cookie, body: { kind: 'copy', details: 'Een kopie graag.' } });
    expect(made.statusCode, made.body).toBe(201);
    const r = await get(young, `/api/portal/requests/${made.json<{ id: string }>().id}/export.json`);
    expect(r.statusCode).toBe(409);
    expect(r.json<{ code: string }>().code).toBe('not-a-portability-request');
  });

  it('reports its progress to the account that started it, and to no one else', async () => {
    const progressId = '6f0d9a52-3b7c-4d1e-9f2a-0c5b8e7d4a31';
    expect((await get(mother, `/api/portal/requests/${motherRequest}/export.json`, { [PROGRESS_HEADER]: progressId })).statusCode).toBe(200);
    await progressShared(progressId);
    const own = await get(mother, `/api/portal/exports/progress/${progressId}`);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json<{ phase: string }>().phase).toBe('done');
    expect((await get(young, `/api/portal/exports/progress/${progressId}`)).statusCode).toBe(404);
  });

  it('answers a made-up progress id with 404 at once, and the server goes on answering (it hung PGlite\'s one connection)', async () => {
    const unknown = await Promise.race([
      get(mother, '/api/portal/exports/progress/0b8e7d4a-6f0d-4a52-9b7c-3d1e9f2a0c5b'),
      new Promise<'no answer'>((resolve) => setTimeout(() => resolve('no answer'), 15_000)),
    ]);
    expect(unknown === 'no answer' ? unknown : unknown.statusCode).toBe(404);
    expect((await get(mother, '/api/portal/dossier')).statusCode).toBe(200);
  });
});

describe('the portal\'s dossier view logs only what it shows (issue 19: no over-reporting)', () => {
  it('the mother\'s read names the plan, not the report under the agreement, the withheld or the waiting entry', async () => {
    const view = await get(mother, '/api/portal/dossier');
    expect(view.statusCode, view.body).toBe(200);
    const rows = (await logRows(mother.accountId, 'inspect')).filter((row) => row.outcome === 'allowed');
    expect(rows.at(-1)!.entry_ids).toEqual([planId]);
  });

  it('one entry names that entry only', async () => {
    expect((await get(young, `/api/portal/dossier/entries/${planId}`)).statusCode).toBe(200);
    const rows = (await logRows(young.accountId, 'inspect')).filter((row) => row.outcome === 'allowed');
    expect(rows.at(-1)!.entry_ids).toEqual([planId]);
  });
});
