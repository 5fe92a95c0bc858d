/**
 * Shielding covers every field a reader gets (issue 13; 003 §3.1; Jeugdwet
 * 7.3.10). A distinct marker sits in each field — title, a passage, a whole
 * text, the source description, an annotation, the client's own statement,
 * the formal contact data — every field is shielded from the father of an
 * 8-year-old, and each channel through which the dossier leaves is read as
 * the father gets it (no marker) and as another reader gets it (the mother,
 * or the Nidos guardian: every marker the channel carries). The issue's own
 * reproduction — "Geheimeweg 12" in the title, the source and an annotation
 * beside the shielded passage — is among them.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../test-support/harness.js';
import { pdfPages } from '../test-support/pdf-text.js';
import { CONTACT_MARKS, ENTRY_MARKS, everyFieldShielded, MARK, VISIBLE, type EveryField } from '../test-support/shielded-dossier.js';

let h: Harness;
let cookie: string;
/** Every field shielded from the father; the mother is named by nothing. */
let fx: EveryField;

const post = (url: string, body: unknown = {}, as = cookie) => h.request({ method: 'POST', url, cookie: as, body });
const get = (url: string) => h.request({ method: 'GET', url, cookie });

beforeAll(async () => {
  h = await createHarness();
  const holder = await h.employee({ role: 'care-professional' });
  cookie = await h.login(holder);
  fx = await everyFieldShielded(h, cookie, { age: 8, shieldFrom: ({ fatherId }) => [fatherId] });
});
afterAll(async () => h.close());

const ALL_MARKS = [...ENTRY_MARKS, ...CONTACT_MARKS] as const;
type Mark = (typeof ALL_MARKS)[number];

/** Whitespace collapsed, so a line break in a PDF does not hide or fake a marker. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

function expectNone(body: string, channel: string): void {
  const text = flat(body);
  for (const mark of ALL_MARKS) expect(text, `${channel}: ${mark}`).not.toContain(MARK[mark]);
  expect(text, channel).not.toContain('Geheimeweg');
  expect(text, `${channel} still holds what is not shielded`).toContain(VISIBLE);
}

function expectAll(body: string, channel: string, marks: readonly Mark[]): void {
  const text = flat(body);
  for (const mark of marks) expect(text, `${channel}: ${mark}`).toContain(MARK[mark]);
}

async function granted(kind: string, relationId: string, clientId = fx.clientId): Promise<string> {
  const created = await post(`/api/clients/${clientId}/requests`, { kind, channel: 'electronic', receivedOn: '2026-11-20', details: 'Verzoek.', requesterRelationId: relationId });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const decision = await post(`/api/clients/${clientId}/requests/${id}/decision`, { outcome: 'granted', reasons: '' });
  expect(decision.statusCode, decision.body).toBe(200);
  return id;
}

const pdfText = async (payload: Buffer) => (await pdfPages(payload)).join('\n');

async function workbookText(payload: Buffer): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(payload as unknown as ArrayBuffer);
  const cells: string[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => { cells.push(cell.text); })));
  return cells.join('\n');
}

/** A FHIR bundle as text, with its base64 attachments decoded beside it. */
function fhirText(body: string): string {
  const bundle = JSON.parse(body) as { entry: { resource: { content?: { attachment: { data: string } }[] } }[] };
  const attachments = bundle.entry.flatMap((e) => e.resource.content ?? []).map((c) => Buffer.from(c.attachment.data, 'base64').toString('utf8'));
  return [body, ...attachments].join('\n');
}

describe('every shielded field stays with the organisation, on every channel (issue 13)', () => {
  it('inspection view: the father gets notices with their ground for title, passage, whole text, source, annotation and statement; the mother gets every marker', async () => {
    const father = await get(`/api/clients/${fx.clientId}/requests/${await granted('inspect', fx.fatherId)}/view`);
    expect(father.statusCode, father.body).toBe(200);
    expectNone(father.body, 'view (father)');
    const view = father.json();
    const entry = view.entries.find((e: { id?: string }) => e.id === fx.entryId);
    expect(entry.title).toBe('[…afgeschermd…]');
    expect(entry.source).toBe('[…afgeschermd…]');
    expect(entry.annotations).toEqual([expect.objectContaining({ reason: '[…afgeschermd…]' })]);
    expect(entry.statements).toEqual([]); // the shielded statement does not come in beside the entry either
    expect(entry.withheldPassages.map((w: { field?: string }) => w.field ?? 'text').sort()).toEqual(['annotation', 'source', 'text', 'title']);
    for (const notice of entry.withheldPassages) {
      expect(notice.ground.length).toBeGreaterThan(40);
      expect(notice.basis).toContain('Jeugdwet 7.3.10');
    }
    expect(view.entries.filter((e: { shown: boolean }) => !e.shown)).toHaveLength(2); // the whole text and the statement
    expect(view.contactDataAllowed).toBe(false);
    expect(view.contactDataWithheld.basis).toContain('Jeugdwet 7.3.10');

    const mother = await get(`/api/clients/${fx.clientId}/requests/${await granted('inspect', fx.motherId)}/view`);
    expectAll(mother.body, 'view (mother)', ENTRY_MARKS);
    expect(mother.json().contactDataAllowed).toBe(true);
    expect(mother.json().contactDataWithheld).toBeUndefined();
  });

  it('copy PDF: no marker for the father (the notices name the ground); every entry marker for the mother', async () => {
    const father = await get(`/api/clients/${fx.clientId}/requests/${await granted('copy', fx.fatherId)}/copy.pdf`);
    expect(father.statusCode).toBe(200);
    const fatherText = await pdfText(father.rawPayload);
    expectNone(fatherText, 'copy PDF (father)');
    expect(flat(fatherText)).toContain('De titel van dit stuk is weggelaten.');
    expect(flat(fatherText)).toContain('Een aantekening bij dit stuk is weggelaten.');
    const mother = await get(`/api/clients/${fx.clientId}/requests/${await granted('copy', fx.motherId)}/copy.pdf`);
    expectAll(await pdfText(mother.rawPayload), 'copy PDF (mother)', ENTRY_MARKS);
  });

  it('7-day download: the same copy, through link and code', async () => {
    const fetchFor = async (relationId: string) => {
      const link = await post(`/api/clients/${fx.clientId}/requests/${await granted('copy', relationId)}/download-links`);
      expect(link.statusCode, link.body).toBe(201);
      const { token, code } = link.json();
      const response = await h.request({ method: 'POST', url: '/api/downloads', body: { token, code } });
      expect(response.statusCode, response.body).toBe(200);
      return pdfText(response.rawPayload);
    };
    expectNone(await fetchFor(fx.fatherId), 'download (father)');
    expectAll(await fetchFor(fx.motherId), 'download (mother)', ENTRY_MARKS);
  });

  it('portability JSON, XLSX and FHIR: no marker and no contact data for the father; the mother gets them', async () => {
    const fatherRequest = await granted('portability', fx.fatherId);
    const motherRequest = await granted('portability', fx.motherId);
    const url = (id: string, format: string) => `/api/clients/${fx.clientId}/requests/${id}/portability.${format}`;

    const fatherJson = await get(url(fatherRequest, 'json'));
    expect(fatherJson.statusCode, fatherJson.body).toBe(200);
    expectNone(fatherJson.body, 'JSON (father)');
    const data = fatherJson.json();
    expect(data.client.contactDataWithheld.ground).toContain('weggelaten');
    const entry = data.entries.find((e: { id: string }) => e.id === fx.entryId);
    expect(entry.withheldParts.map((w: { field: string }) => w.field).sort()).toEqual(['annotation', 'source', 'text', 'title']);
    expectAll((await get(url(motherRequest, 'json'))).body, 'JSON (mother)', ALL_MARKS);

    expectNone(await workbookText((await get(url(fatherRequest, 'xlsx'))).rawPayload), 'XLSX (father)');
    expectAll(await workbookText((await get(url(motherRequest, 'xlsx'))).rawPayload), 'XLSX (mother)', ALL_MARKS);

    expectNone(fhirText((await get(url(fatherRequest, 'fhir.json'))).body), 'FHIR (father)');
    // FHIR carries an entry's title and text, and the Patient's address, phone and e-mail.
    expectAll(fhirText((await get(url(motherRequest, 'fhir.json'))).body), 'FHIR (mother)', ['title', 'passage', 'wholeText', 'address', 'postcode', 'town', 'phone', 'email']);
  });

  it('the general information and the decision letter for the father (without custody) carry no marker', async () => {
    const withoutCustody = await everyFieldShielded(h, cookie, { age: 8, fatherHasCustody: false, shieldFrom: ({ fatherId }) => [fatherId] });
    const id = await granted('general-information', withoutCustody.fatherId, withoutCustody.clientId);
    const done = await post(`/api/clients/${withoutCustody.clientId}/requests/${id}/fulfil`);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().generalInformation.careStartedOn).toBe('2026-01-05');
    const letter = await pdfText((await get(`/api/clients/${withoutCustody.clientId}/requests/${id}/letter.pdf`)).rawPayload);
    expect(letter).toContain('De hulp begon op 5 januari 2026.');
    for (const body of [done.body, letter]) {
      for (const mark of ALL_MARKS) expect(flat(body), mark).not.toContain(MARK[mark]);
    }
  });
});

describe('transfer package: dossier.pdf, dossier.json and dossier.fhir.json', () => {
  async function transferToGuardian(shieldFrom: 'guardian' | 'father'): Promise<{ pdf: string; json: string; fhir: string }> {
    const dossier = await everyFieldShielded(h, cookie, {
      age: 8, guardian: true, shieldFrom: ({ fatherId, guardianId }) => [shieldFrom === 'guardian' ? guardianId! : fatherId],
    });
    const done = await post(`/api/clients/${dossier.clientId}/transfer`, {
      recipient: 'Nidos Utrecht', recipientKind: 'nidos-guardian', guardianRelationId: dossier.guardianId, transferredOn: '2026-11-22', clientToldBeforehand: true,
    });
    expect(done.statusCode, done.body).toBe(201);
    const base = `/api/clients/${dossier.clientId}/transfers/${done.json().id}`;
    const pdf = await get(`${base}/dossier.pdf`);
    expect(pdf.statusCode).toBe(200);
    return { pdf: await pdfText(pdf.rawPayload), json: (await get(`${base}/dossier.json`)).body, fhir: fhirText((await get(`${base}/dossier.fhir.json`)).body) };
  }

  it('to the Nidos guardian the shieldings name: no marker in any file', async () => {
    const named = await transferToGuardian('guardian');
    expectNone(named.pdf, 'transfer PDF');
    expectNone(named.json, 'transfer JSON');
    expectNone(named.fhir, 'transfer FHIR');
  });

  it('to the Nidos guardian when the shieldings name only the father: every marker the file carries', async () => {
    const other = await transferToGuardian('father');
    expectAll(other.pdf, 'transfer PDF', ENTRY_MARKS);
    expectAll(other.json, 'transfer JSON', ALL_MARKS);
    expectAll(other.fhir, 'transfer FHIR', ['title', 'passage', 'wholeText', 'address', 'phone', 'email']);
  });

  it('to a successor provider: a shielding from anyone stays behind, names and all', async () => {
    const dossier = await everyFieldShielded(h, cookie, { age: 8, shieldFrom: ({ fatherId }) => [fatherId] });
    const consent = await post(`/api/clients/${dossier.clientId}/consents`, {
      kind: 'disclosure', givenBy: 'legal-representatives', givenByRelationId: dossier.motherId, givenOn: '2026-11-20', informationGiven: 'Uitgelegd wat de nieuwe zorgaanbieder krijgt.',
      recipient: 'Jeugdhulp Opvolger', purpose: 'Voortzetting van de hulp', dataDescription: 'Het hele dossier',
    });
    expect(consent.statusCode, consent.body).toBe(201);
    const done = await post(`/api/clients/${dossier.clientId}/transfer`, {
      recipient: 'Jeugdhulp Opvolger', recipientKind: 'successor-provider', consentId: consent.json().id, transferredOn: '2026-11-22', clientToldBeforehand: true,
    });
    expect(done.statusCode, done.body).toBe(201);
    const base = `/api/clients/${dossier.clientId}/transfers/${done.json().id}`;
    expectNone(await pdfText((await get(`${base}/dossier.pdf`)).rawPayload), 'successor PDF');
    expectNone((await get(`${base}/dossier.json`)).body, 'successor JSON');
    expectNone(fhirText((await get(`${base}/dossier.fhir.json`)).body), 'successor FHIR');
  });
});

describe('recording and lifting a shielding of a field', () => {
  it('lists what each shielding covers and whom it names', async () => {
    const { shieldings } = (await get(`/api/clients/${fx.clientId}/shieldings`)).json();
    expect(shieldings.map((s: { target: string }) => s.target).sort()).toEqual(['annotation', 'contact-data', 'source', 'text', 'text', 'text', 'title']);
    expect(shieldings.every((s: { shieldedFromNames: string[] }) => s.shieldedFromNames.join() === 'Vader Ouder')).toBe(true);
    expect(shieldings.find((s: { target: string }) => s.target === 'contact-data').entryId).toBeNull();
  });

  it('refuses what does not fit the field with 400 problem+json in Dutch and English', async () => {
    const entry = `/api/clients/${fx.clientId}/entries/${fx.entryId}/shieldings`;
    const base = { kind: 'shielded-from', shieldedFrom: [fx.fatherId], reason: 'Geheim adres' };
    const untitled = (await post(`/api/clients/${fx.clientId}/entries`, { kind: 'plan', text: 'Zonder titel.', source: { kind: 'care-professional' } })).json().id;
    const cases: [string, unknown, string][] = [
      [entry, { ...base, target: 'title', passage: { start: 0, end: 3 } }, 'passage'],
      [entry, { ...base, target: 'annotation' }, 'annotationId'],
      [entry, { ...base, target: 'annotation', annotationId: fx.entryId }, 'annotationId'],
      [entry, { ...base, annotationId: fx.entryId }, 'annotationId'],
      [entry, { ...base, target: 'contact-data' }, 'target'],
      [entry, { ...base, target: 'title', colour: 'rood' }, 'colour'],
      [entry, { kind: 'about-another-person', target: 'title', shieldedFrom: [fx.fatherId], reason: 'Over een ander' }, 'shieldedFrom'],
      [`/api/clients/${fx.clientId}/entries/${untitled}/shieldings`, { ...base, target: 'title' }, 'target'],
      [`/api/clients/${fx.clientId}/entries/${untitled}/shieldings`, { ...base, target: 'source' }, 'target'],
      [`/api/clients/${fx.clientId}/contact-data/shieldings`, { shieldedFrom: [], reason: 'Geheim adres' }, 'shieldedFrom'],
      [`/api/clients/${fx.clientId}/contact-data/shieldings`, { shieldedFrom: [fx.fatherId], reason: 'Geheim adres', kind: 'about-another-person' }, 'kind'],
      [`/api/clients/${fx.clientId}/shieldings/${fx.shieldingIds[0]!}/lift`, {}, 'reason'],
    ];
    for (const [url, body, field] of cases) {
      const response = await post(url, body);
      expect(response.statusCode, `${JSON.stringify(body)}: ${response.body}`).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const problem = response.json();
      expect(problem.nl.length, JSON.stringify(problem)).toBeGreaterThan(5);
      expect(problem.en.length).toBeGreaterThan(5);
      expect(JSON.stringify(problem), JSON.stringify(body)).toContain(field);
    }
  });

  it('the engine decides who lifts (lift-shielding: the holder or a manager): an intern of the team is refused with its explanation; the holder lifts with a reason, and the title returns', async () => {
    const [titleShielding] = fx.shieldingIds;
    const intern = await h.employee({ role: 'intern' });
    await h.relate(fx.clientId, intern, 'intern');
    const refused = await post(`/api/clients/${fx.clientId}/shieldings/${titleShielding!}/lift`, { reason: 'Adres is niet meer geheim.' }, await h.login(intern));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().nl).toContain('stagiair');

    const lifted = await post(`/api/clients/${fx.clientId}/shieldings/${titleShielding!}/lift`, { reason: 'Vader weet het nieuwe adres inmiddels van de rechter.' });
    expect(lifted.statusCode, lifted.body).toBe(204);
    const [row] = await h.database.db.query<{ lift_reason_ciphertext: Buffer | null; lifted_by: string | null }>(
      'SELECT lift_reason_ciphertext, lifted_by FROM care.shieldings WHERE id = $1', [titleShielding]);
    expect(row!.lifted_by).not.toBeNull();
    expect(row!.lift_reason_ciphertext!.toString('latin1')).not.toContain('rechter'); // under the client's key
    const view = await get(`/api/clients/${fx.clientId}/requests/${await granted('inspect', fx.fatherId)}/view`);
    expect(view.body).toContain(MARK.title);
    expect(view.body).not.toContain(MARK.source);
    expect((await post(`/api/clients/${fx.clientId}/shieldings/${titleShielding!}/lift`, { reason: 'Nog een keer opheffen.' })).statusCode).toBe(404);
  });
});
