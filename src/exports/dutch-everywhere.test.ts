/**
 * No raw code and no ISO date reaches a person in the documents we hand out (issue 15, Deliver 6: "Bron:
 * care-professional" in the copy PDF, `parent`/`two-headed-parental`/`opinion` in the XLSX, "op 2026-12-04"
 * in sentences). A demo-like dossier — every source, relation, custody kind, statement type and annotation
 * kind the vocabularies have — is rendered as the copy PDF, the portability XLSX and a decision letter, and
 * their text is scanned for the code list. Validation messages name fields in Dutch.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnnotationKind, SourceKind } from '../dossier/entry-kinds.js';
import { CustodyKind, RelationKind } from '../representation/representation-service.js';
import { drawDecisionLetter, type DecisionLetterJob } from '../requests/decision-letter.js';
import type { ClientRequest } from '../requests/request-service.js';
import * as labels from '../shared/labels.js';
import type { ReaderEntry } from '../shielding/reader-view.js';
import { createHarness, type Harness } from '../test-support/harness.js';
import { pdfDocumentText } from '../test-support/pdf-text.js';
import { drawCopyPdf } from './copy-pdf.js';
import type { PortabilityExport } from './portability-export.js';
import { portabilityWorkbook } from './portability-xlsx.js';

const MAX_BYTES = 50 * 1024 * 1024;

/** Codes that must never show: every hyphenated code of the catalogue, and the one-word English ones that leaked. */
const RAW_CODES = [
  ...[labels.SOURCE_KINDS, labels.RELATIONS, labels.CUSTODY_KINDS, labels.REQUEST_KINDS, labels.DECISION_FACTS, labels.CONSENT_GIVERS, labels.ACCESS_BASES, labels.PARTS]
    .flatMap((table) => Object.keys(table)).filter((code) => code.includes('-')),
  'opinion', 'fact', 'parent', 'guardian', 'incorrect', 'outdated', 'addition', 'female', 'granted', 'partly', 'refused', 'care', 'disclosure', 'destroy',
];
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;

function expectNoRawCodes(text: string, where: string): void {
  for (const code of RAW_CODES) expect(new RegExp(`(^|[^\\p{L}-])${code}($|[^\\p{L}-])`, 'u').test(text), `${where} shows the code "${code}"`).toBe(false);
  expect(text, `${where} shows an ISO date`).not.toMatch(ISO_DATE);
}

const sources = Object.values(SourceKind);
const annotationKinds = Object.values(AnnotationKind);

const entries: ReaderEntry[] = sources.map((source, i) => ({
  shown: true, id: `e${i}`, kindLabel: labels.ENTRY_KINDS['conversation-report'], title: `Gesprek ${i + 1}`,
  text: 'Wij spraken over school en thuis.', recordedAt: `2026-11-${String(10 + i).padStart(2, '0')}T09:30:00.000Z`,
  author: 'Sanne de Vries (jeugdhulpverlener)', source, statementType: i % 2 === 0 ? 'fact' : 'opinion',
  annotations: annotationKinds.map((kind) => ({ kind, reason: 'Bij nader inzien aangevuld.', recordedAt: '2026-11-30T23:30:00.000Z' })),
  withheldPassages: [], statements: [{ text: 'Dit klopt niet.', recordedAt: '2026-12-01T10:00:00.000Z', source: 'client' }],
}));

const portability: PortabilityExport = {
  format: 'dossierwijzer-portability', version: 1, exportedAt: '2026-12-04T10:00:00.000Z', organisation: 'Jeugdhulp Regenboog (fictief)',
  reason: 'portability', reference: '00000000-0000-4000-8000-000000000001',
  client: {
    id: '00000000-0000-4000-8000-000000000002', familyName: 'Jansen', givenNames: 'Noor', birthDate: '2012-03-14', bsn: null, gender: 'female',
    streetAddress: 'Dorpsstraat 1', postcode: '1234 AB', town: 'Ergens', phone: null, email: null, contactDataLeftOut: false, contactDataWithheld: null,
  },
  relations: Object.values(RelationKind).map((relation, i) => {
    const custodyKind = Object.values(CustodyKind)[i % Object.values(CustodyKind).length]!;
    return {
      id: `00000000-0000-4000-8000-0000000001${String(i).padStart(2, '0')}`, relation, hasCustody: i < 3, custodyKind,
      familyName: 'Jansen', givenNames: `Persoon ${i}`, validFrom: '2012-03-14', validTo: i === 0 ? '2026-01-01' : null,
    };
  }),
  consents: [
    { id: '00000000-0000-4000-8000-000000000201', kind: 'care', givenBy: 'legal-representatives', givenOn: '2026-01-05', recipient: null, purpose: null, validFrom: '2026-01-05', validTo: null, withdrawn: false, active: true },
    { id: '00000000-0000-4000-8000-000000000202', kind: 'disclosure', givenBy: 'client', givenOn: '2026-02-05', recipient: 'School', purpose: 'Overleg', validFrom: '2026-02-05', validTo: '2026-12-31', withdrawn: true, active: false },
  ],
  entries: entries.flatMap((e) => (e.shown
    ? [{
        id: '00000000-0000-4000-8000-000000000300', kind: e.kindLabel, title: e.title, text: e.text, recordedAt: e.recordedAt, author: e.author, source: e.source,
        statementType: e.statementType, annotations: e.annotations, statements: e.statements, withheldParts: [],
      }]
    : [])),
  withheld: [{ recordedAt: '2026-10-01T08:00:00.000Z', ground: 'Dit stuk gaat over een ander.', basis: ['Jeugdwet 7.3.10'] }],
  inspectionOnly: [{ recordedAt: '2026-09-01T08:00:00.000Z', title: 'Intelligentietest' }],
};

function decidedRequest(outcome: 'granted' | 'partly' | 'refused'): ClientRequest {
  return {
    id: '00000000-0000-4000-8000-000000000400', kind: 'destroy', requester: { kind: 'client', relationId: null, name: null, label: 'de cliënt zelf' }, channel: 'written',
    receivedOn: '2026-11-02', part: 'dossier', details: 'Graag alles weg.', identityChecked: null, state: 'decided',
    intake: { outcome: 'allow', basis: [], explanation: '', consentMissing: [], consentRecordedOn: null, consent: null },
    deadline: '2026-12-02', overdue: false, extensionNoticeOn: null, extension: null,
    deadlines: { decisionDeadline: '2026-12-02', extended: false, late: false, appealDeadline: '2027-01-15', basis: [], explanation: '' },
    decision: {
      outcome, reasons: 'Een deel van het dossier is nodig voor goede zorg.', facts: [], basis: ['Jeugdwet 7.3.9'], decidedOn: '2026-12-04',
      answerReceivedOn: '2026-12-04', appealDeadline: '2027-01-15', executionDeadline: '2027-02-02',
      destruction: {
        grantedEntryIds: ['a', 'b'],
        refused: [{ ground: 'good-care-requires-keeping', entryIds: ['c'] }, { ground: 'significant-interest-of-another', entryIds: ['d'] }],
      },
      consultedProfessional: null, destructionConfirmation: null,
    },
    fulfilledOn: null, feeCents: null,
  };
}

describe('Dutch everywhere (issue 15, Deliver 6)', () => {
  it('the copy PDF names sources, statement types and annotation kinds in Dutch, dates in words', async () => {
    const pdf = await drawCopyPdf({
      kind: 'copy', cover: { organisation: 'Jeugdhulp Regenboog (fictief)', clientName: 'Noor Jansen', requesterName: 'Noor Jansen', requestReceivedOn: '2026-11-02', madeOn: '2026-12-04' },
      view: { entries, inspectionOnly: [{ recordedAt: '2026-09-01T08:00:00.000Z', title: 'Intelligentietest' }], contactDataAllowed: true },
    }, MAX_BYTES);
    const text = await pdfDocumentText(pdf);
    expectNoRawCodes(text, 'the copy PDF');
    expect(text).toContain('Bron: Hulpverlener (eigen waarneming)');
    expect(text).toContain('Mening of indruk');
    expect(text).toContain('Gemaakt op: 4 december 2026');
    // 23:30 UTC on 30 November is 1 December in the Netherlands.
    expect(text).toContain('Aantekening (onjuist, 1 december 2026)');
  });

  it('the XLSX has Dutch labels for relations, custody, consents, sources and kinds, and dates as date cells', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await portabilityWorkbook(portability) as unknown as ArrayBuffer);
    const texts: string[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => {
      if (cell.value instanceof Date) {
        expect(cell.numFmt, `${sheet.name} ${cell.address}`).toMatch(/mmmm/);
        return;
      }
      texts.push(cell.text);
    })));
    const all = texts.join('\n');
    expectNoRawCodes(all, 'the XLSX');
    for (const expected of ['Ouder', 'Gezamenlijk ouderlijk gezag', 'Mening of indruk', 'Hulpverlener (eigen waarneming)', 'De wettelijk vertegenwoordigers', 'Toestemming voor de hulp', 'Onjuist', 'Vrouw']) {
      expect(all).toContain(expected);
    }
    const birth = book.getWorksheet('Persoonsgegevens')!.getRow(4).getCell(2);
    expect(birth.value).toEqual(new Date('2012-03-14T00:00:00Z'));
  });

  it.each(['granted', 'partly', 'refused'] as const)('the decision letter (%s) has the request and grounds in words and dates in words', async (outcome) => {
    const job: DecisionLetterJob = {
      kind: 'decision-letter', context: { organisation: 'Jeugdhulp Regenboog (fictief)', addressee: 'Noor Jansen', clientName: 'Noor Jansen' },
      request: decidedRequest(outcome), generalInformation: null,
    };
    const text = await pdfDocumentText(await drawDecisionLetter(job, MAX_BYTES));
    expectNoRawCodes(text, `the ${outcome} letter`);
    expect(text).toContain('Datum: vrijdag 4 december 2026');
    expect(text).toContain('U vroeg op 2 november 2026 om het vernietigen van (een deel van) het dossier');
    expect(text).toContain('goede zorg vraagt dat wij deze gegevens bewaren');
  });
});

describe('validation messages name fields in Dutch (issue 15, Deliver 6)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => h.close());

  it('a missing or malformed field is named in words in the Dutch message, by its API name in the English one', async () => {
    const employee = await h.employee({ role: 'care-professional' });
    const response = await h.request({ method: 'POST', url: '/api/clients', cookie: await h.login(employee), body: { givenNames: 'Noor', birthDate: 'gisteren', gender: 'female' } });
    expect(response.statusCode).toBe(400);
    const problem = response.json<{ nl: string; en: string; errors: { field: string; nl: string; en: string }[] }>();
    const nl = problem.errors.map((e) => e.nl).join(' ');
    expect(nl).not.toMatch(/familyName|birthDate|"/);
    expect(problem.errors.map((e) => e.en).join(' ')).toMatch(/familyName|birthDate/);
    expect(nl).toMatch(/De achternaam ontbreekt|De geboortedatum heeft niet de juiste vorm/);
  });

  it('a disclosure written into the dossier says its date in words, not as ISO', async () => {
    const holder = await h.employee({ role: 'care-professional' });
    const cookie = await h.login(holder);
    const clientId = await h.client({ age: 13, holder });
    const disclosed = await h.request({
      method: 'POST', url: `/api/clients/${clientId}/disclosures`, cookie,
      body: { recipient: 'Gemeente', part: 'administrative-data', what: 'Naam en BSN', disclosedOn: '2026-11-21', basis: 'municipality-billing', clientToldBeforehand: false, notToldBecause: 'Wettelijke declaratiecontrole.' },
    });
    expect(disclosed.statusCode, disclosed.body).toBe(201);
    const entries = (await h.request({ method: 'GET', url: `/api/clients/${clientId}/entries?kind=disclosure`, cookie })).json<{ entries: { text: string }[] }>().entries;
    expect(entries[0]!.text).toContain('Gegevens verstrekt aan Gemeente op 21 november 2026.');
    expect(entries[0]!.text).not.toMatch(ISO_DATE);
  });
});
