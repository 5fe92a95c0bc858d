/**
 * Data portability (AVG 20; issue 5 part 6): a granted portability request
 * yields JSON in the documented schema, a spreadsheet and a FHIR R4 Bundle
 * that validates against the official FHIR R4 JSON schema. All three are the
 * requester's view: shielded passages and third-party information absent,
 * raw test data left out and listed (003 §2.3.11). Spreadsheet cells that a
 * spreadsheet program would run as a formula are escaped (issue 8 part 4).
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fhirR4Validator } from '../test-support/fhir-schema.js';
import { createHarness, type Harness, type TestEmployee } from '../test-support/harness.js';
import { clientAtSecretAddress, GRANDMA, RAW, SECRET_CONTACT, shieldedDossier } from '../test-support/shielded-dossier.js';
import { PortabilityExportSchema } from './portability-export.js';
import { spreadsheetText } from './portability-xlsx.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const FORMULA = '=HYPERLINK("http://aanvaller.example","klik")';

let h: Harness;
let holder: TestEmployee;
let cookie: string;
let clientId: string;
let fatherId: string;

const post = (url: string, body: unknown = {}) => h.request({ method: 'POST', url, cookie, body });
const get = (url: string) => h.request({ method: 'GET', url, cookie });

beforeAll(async () => {
  h = await createHarness();
  holder = await h.employee({ role: 'care-professional' });
  cookie = await h.login(holder);
  // The client lives with the mother at the secret address: it is in the formal data as well as in the shielded passage.
  clientId = await clientAtSecretAddress(h, cookie);
  ({ fatherId } = await shieldedDossier(h, cookie, clientId, { hasCustody: true }));
  await post(`/api/clients/${clientId}/consents`, { kind: 'care', givenBy: 'client', givenOn: '2026-01-05', informationGiven: 'Folder en gesprek over de hulp.' });
  await post(`/api/clients/${clientId}/entries`, { kind: 'plan', text: FORMULA, source: { kind: 'client' } });
});
afterAll(async () => h.close());

async function request(kind: string, relationId: string | null, decide: boolean, client = clientId): Promise<string> {
  const created = await post(`/api/clients/${client}/requests`, {
    kind, channel: 'electronic', receivedOn: '2026-11-20', details: 'Graag mijn gegevens.', ...(relationId === null ? {} : { requesterRelationId: relationId }),
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  // Portability is the 14-year-old's own right, not part of the parents' right to a copy (Jeugdwet 7.3.11; issue 16): the father asks with the young person's consent.
  if (created.json().intake.outcome === 'needs-consent') {
    expect((await post(`/api/clients/${client}/requests/${id}/consent`, { givenOn: '2026-11-20', how: 'in-person' })).statusCode).toBe(200);
  }
  if (decide) expect((await post(`/api/clients/${client}/requests/${id}/decision`, { outcome: 'granted', reasons: '' })).statusCode).toBe(200);
  return id;
}

const exportUrl = (requestId: string, format: string, client = clientId) => `/api/clients/${client}/requests/${requestId}/portability.${format}`;

describe('portability export (AVG 20)', () => {
  it('JSON: matches the published schema, with shielding applied and raw test data only listed', async () => {
    const id = await request('portability', fatherId, true);
    const response = await get(exportUrl(id, 'json'));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toContain('attachment');
    const ajv = addFormats(new Ajv({ strict: false }));
    const validate = ajv.compile(PortabilityExportSchema);
    expect(validate(response.json()), JSON.stringify(validate.errors)).toBe(true);
    const data = response.json();
    expect(data.client.id).toBe(clientId);
    expect(data.relations.map((r: { id: string }) => r.id)).toContain(fatherId);
    expect(response.body).toContain('Het gaat goed op school.');
    expect(response.body).not.toContain('Geheimeweg');
    expect(response.body).not.toContain(GRANDMA);
    expect(response.body).not.toContain(RAW);
    expect(data.withheld.length).toBeGreaterThan(0);
    expect(data.inspectionOnly).toEqual([expect.objectContaining({ title: 'WISC-V' })]);
  });

  it('contact data (the secret-address case): none for the father a shielding names, in JSON, XLSX or FHIR; the client gets their own', async () => {
    const id = await request('portability', fatherId, true);
    const json = await get(exportUrl(id, 'json'));
    expect(json.json().client).toMatchObject({ streetAddress: null, postcode: null, town: null, phone: null, email: null, contactDataLeftOut: true });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await get(exportUrl(id, 'xlsx'))).rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => { cells.push(cell.text); })));
    const fhir = (await get(exportUrl(id, 'fhir.json'))).body;
    for (const value of Object.values(SECRET_CONTACT)) {
      expect(json.body).not.toContain(value);
      expect(cells.join('\n')).not.toContain(value);
      expect(fhir).not.toContain(value);
    }
    expect(cells.join('\n')).toContain('Niet opgenomen');

    const own = (await get(exportUrl(await request('portability', null, true), 'json'))).json();
    expect(own.client).toMatchObject({ ...SECRET_CONTACT, contactDataLeftOut: false });
  });

  it('JSON: the client\'s own statement beside the disputed entry (AVG 16; 003 §3.4)', async () => {
    const client = await h.client({ age: 14, holder });
    const disputed = (await post(`/api/clients/${client}/entries`, { kind: 'evaluation', text: 'Sam komt afspraken niet na.', source: { kind: 'care-professional' }, statementType: 'opinion' })).json();
    const statementRequest = await request('add-statement', null, true, client);
    const text = 'Ik heb elke afspraak afgezegd als ik niet kon.';
    expect((await post(`/api/clients/${client}/requests/${statementRequest}/fulfil`, { statement: { entryId: disputed.id, text } })).statusCode).toBe(200);
    const data = (await get(exportUrl(await request('portability', null, true, client), 'json', client))).json();
    const validate = addFormats(new Ajv({ strict: false })).compile(PortabilityExportSchema);
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(data.entries.find((e: { id: string }) => e.id === disputed.id).statements).toEqual([expect.objectContaining({ text })]);
  });

  it('the published schema file is the schema the code uses (no drift)', () => {
    const published: unknown = JSON.parse(readFileSync(new URL('../../docs/portability-export.schema.json', import.meta.url), 'utf8'));
    expect(published).toEqual(JSON.parse(JSON.stringify(PortabilityExportSchema)));
  });

  it('FHIR: the Bundle validates against the official FHIR R4 JSON schema and holds Patient, RelatedPerson, Consent, DocumentReference', async () => {
    const id = await request('portability', null, true);
    const response = await get(exportUrl(id, 'fhir.json'));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('application/fhir+json');
    const bundle = response.json();
    const validate = fhirR4Validator();
    expect(validate(bundle), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const kinds = new Set(bundle.entry.map((e: { resource: { resourceType: string } }) => e.resource.resourceType));
    expect([...kinds].sort()).toEqual(['Consent', 'DocumentReference', 'Patient', 'RelatedPerson']);
    // The validator is not a rubber stamp: a broken bundle fails it.
    const broken = structuredClone(bundle);
    broken.entry[0].resource.gender = 'vrouw';
    expect(validate(broken)).toBe(false);
  });

  it('FHIR: the father\'s bundle holds no shielded passage (base64 attachments decoded)', async () => {
    const id = await request('portability', fatherId, true);
    const bundle = (await get(exportUrl(id, 'fhir.json'))).json();
    const texts = bundle.entry
      .filter((e: { resource: { resourceType: string } }) => e.resource.resourceType === 'DocumentReference')
      .map((e: { resource: { content: { attachment: { data: string } }[] } }) => Buffer.from(e.resource.content[0]!.attachment.data, 'base64').toString('utf8'));
    expect(texts.join('\n')).toContain('Het gaat goed op school.');
    expect(texts.join('\n')).not.toContain('Geheimeweg');
    expect(texts.join('\n')).not.toContain(RAW);
  });

  it('XLSX: personal data and entries, read back; a formula typed into an entry is text, not a formula', async () => {
    const id = await request('portability', fatherId, true);
    const response = await get(exportUrl(id, 'xlsx'));
    expect(response.statusCode, response.body).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => {
      expect(cell.type, `cell ${cell.address} in ${sheet.name}`).not.toBe(ExcelJS.ValueType.Formula);
      cells.push(cell.text);
    })));
    expect(book.worksheets.map((s) => s.name)).toEqual(expect.arrayContaining(['Persoonsgegevens']));
    const all = cells.join('\n');
    expect(all).toContain('Het gaat goed op school.');
    expect(all).toContain(`'${FORMULA}`);
    expect(cells).not.toContain(FORMULA);
    expect(all).not.toContain('Geheimeweg');
    expect(all).not.toContain(RAW);
  });

  it('refuses with 409 before the decision and for a request of another kind, changing nothing', async () => {
    const undecided = await request('portability', null, false);
    const early = await get(exportUrl(undecided, 'json'));
    expect(early.statusCode).toBe(409);
    expect(early.headers['content-type']).toContain('application/problem+json');
    const copy = await request('copy', null, true);
    const wrongKind = await get(exportUrl(copy, 'fhir.json'));
    expect(wrongKind.statusCode).toBe(409);
    expect(wrongKind.json().code).toBe('not-a-portability-request');
  });

  it('a refused portability request has no export', async () => {
    const id = await request('portability', fatherId, false);
    const refused = await post(`/api/clients/${clientId}/requests/${id}/decision`, { outcome: 'refused', reasons: 'Het verzoek gaat over gegevens die wij niet hebben.' });
    expect(refused.statusCode, refused.body).toBe(200);
    expect((await get(exportUrl(id, 'xlsx'))).statusCode).toBe(409);
  });
});

describe('spreadsheet formula escaping (issue 8 part 4)', () => {
  it.each(['=1+1', '+31612345678', '-2', '@SUM(A1)', '\tx', '\rx', '\0x'])('escapes %j', (value) => {
    expect(spreadsheetText(value)).toBe(`'${value}`);
  });

  it('leaves ordinary text alone and writes empty and yes/no in Dutch', () => {
    expect(spreadsheetText('Het gaat goed')).toBe('Het gaat goed');
    expect(spreadsheetText(null)).toBe('');
    expect(spreadsheetText(true)).toBe('ja');
  });
});
