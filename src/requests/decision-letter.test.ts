/**
 * The letter on a request per outcome, read back from the PDF the HTTP route serves (issue 15, item 3): granted;
 * partly granted — a granted inspection or copy from which the reader view still keeps parts back is told as a
 * partial grant, each part with its ground and article (Jeugdwet 7.3.10); refused with the grounds and articles
 * (Jeugdwet 7.3.2 lid 4); extended with the new date in words and the reasons (AVG 12(3)). Every letter has the
 * sender and the dossier holder who signs, a reference, the date in words and the legal routes (Jeugdwet 7.3.17,
 * UAVG 35, AVG 77; DOMAIN §3 "Legal protection"), and no raw code or ISO date.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestEmployee } from '../test-support/harness.js';
import { pdfDocumentText } from '../test-support/pdf-text.js';

let h: Harness;
let holder: TestEmployee;
let cookie: string;
let organisation: string;

beforeAll(async () => {
  h = await createHarness();
  holder = await h.employee({ role: 'care-professional', name: 'Sanne de Vries' });
  cookie = await h.login(holder);
  const rows = await h.database.db.query<{ name: string }>('SELECT name FROM org.organisations WHERE id = $1', [h.organisationId]);
  organisation = rows[0]!.name;
});
afterAll(async () => h.close());

const post = (url: string, body: unknown = {}) => h.request({ method: 'POST', url, cookie, body });
const get = (url: string) => h.request({ method: 'GET', url, cookie });

const RAW_CODES = [
  'granted', 'partly', 'refused', 'extended', 'shielded-from', 'about-another-person', 'serious-harm-assessed', 'conversation-report',
  'parent-with-custody', 'third-party-information', 'undefined', 'null', 'copy', 'inspect',
];

function expectPlainDutch(text: string): void {
  for (const code of RAW_CODES) expect(new RegExp(`(^|[^\\p{L}-])${code}($|[^\\p{L}-])`, 'u').test(text), `the letter shows the code "${code}"`).toBe(false);
  expect(text, 'the letter shows an ISO date').not.toMatch(/\d{4}-\d{2}-\d{2}/);
}

/** What every letter has: sender, signatory, reference, date in words, the holder's organisation. */
function expectLetterFrame(text: string, requestId: string, dated: string): void {
  expect(text).toContain(organisation);
  expect(text).toContain(`Ons kenmerk: VZ-${requestId.replace(/-/g, '').slice(0, 8).toUpperCase()}`);
  expect(text).toContain(`Datum: ${dated}`);
  expect(text).toContain('Met vriendelijke groet, Sanne de Vries Jeugdhulpverlener');
  // No postal address is recorded for the organisation: the letter says how to get it instead of printing a gap.
  expect(text).toContain('Wilt u ons een brief sturen? Vraag dan ons adres aan Sanne de Vries.');
}

function expectRoutesAfterDecision(text: string): void {
  expect(text).toContain('Bent u het niet eens met dit besluit?');
  expect(text).toContain('U kunt de rechter vragen om naar het besluit te kijken.');
  expect(text).toContain('(Jeugdwet 7.3.17, UAVG 35)');
  expect(text).toContain('klachtencommissie (Jeugdwet 4.2)');
  expect(text).toContain('tuchtcollege');
  expect(text).toContain('Autoriteit Persoonsgegevens (AVG 77)');
}

async function request(clientId: string, kind: string, over: Record<string, unknown> = {}): Promise<string> {
  const created = await post(`/api/clients/${clientId}/requests`, { kind, channel: 'written', receivedOn: '2026-11-20', details: 'Graag het dossier.', ...over });
  expect(created.statusCode, created.body).toBe(201);
  return created.json().id as string;
}

async function decide(clientId: string, requestId: string, body: Record<string, unknown>): Promise<void> {
  const decided = await post(`/api/clients/${clientId}/requests/${requestId}/decision`, body);
  expect(decided.statusCode, decided.body).toBe(200);
}

async function letter(clientId: string, requestId: string): Promise<string> {
  const response = await get(`/api/clients/${clientId}/requests/${requestId}/letter.pdf`);
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toBe('application/pdf');
  return pdfDocumentText(response.rawPayload);
}

async function entry(clientId: string, text: string, occurredOn: string): Promise<string> {
  const created = await post(`/api/clients/${clientId}/entries`, {
    kind: 'conversation-report', text, source: { kind: 'care-professional' }, statementType: 'fact', occurredOn,
  });
  expect(created.statusCode, created.body).toBe(201);
  return created.json().id as string;
}

async function parentWithCustody(clientId: string): Promise<string> {
  const parent = await post(`/api/clients/${clientId}/relations`, {
    relation: 'parent', hasCustody: true, custodyKind: 'two-headed-parental', custodyEstablishedBy: 'by-law-marriage', familyName: 'Ouder', givenNames: 'Sam',
    establishedHow: 'gezagsregister', validFrom: '2026-01-05',
  });
  expect(parent.statusCode, parent.body).toBe(201);
  return parent.json().id as string;
}

describe('the letter on a request, per outcome (issue 15)', () => {
  it('granted: says the requester gets what they asked, with sender, reference, date in words and the routes', async () => {
    const clientId = await h.client({ age: 16, holder });
    await entry(clientId, 'Noor vertelt over school.', '2026-03-01');
    const id = await request(clientId, 'copy');
    await decide(clientId, id, { outcome: 'granted', reasons: '' });
    const text = await letter(clientId, id);
    expectLetterFrame(text, id, 'zondag 22 november 2026');
    expect(text).toContain('Besluit op uw verzoek');
    expect(text).toContain('Uw verzoek van: 20 november 2026');
    expect(text).toContain('U vroeg op 20 november 2026 om een kopie van het dossier');
    expect(text).toContain('Wij geven u wat u vroeg.');
    expect(text).not.toContain('Wat u niet krijgt');
    expect(text).toContain('Persoonlijke werkaantekeningen van hulpverleners horen niet bij het dossier.');
    expectRoutesAfterDecision(text);
    expectPlainDutch(text);
  });

  // The defect: the letter said "Wij geven u wat u vroeg." while a shielded entry and a passage about another person were kept back.
  it('partly: a granted copy the reader view still withholds from is a partial grant naming each part with its ground and article', async () => {
    const clientId = await h.client({ age: 14, holder });
    const parentId = await parentWithCustody(clientId);
    await entry(clientId, 'Jesse gaat graag naar school.', '2026-02-10');
    const hidden = await entry(clientId, 'Moeder woont nu aan de Schuilweg 3.', '2026-03-01');
    expect((await post(`/api/clients/${clientId}/entries/${hidden}/shieldings`, { kind: 'shielded-from', shieldedFrom: [parentId], reason: 'Geheim adres' })).statusCode).toBe(201);
    const ABOUT_OTHER = 'Oma Klaproos is ziek.';
    const mixedText = `Jesse sliep slecht. ${ABOUT_OTHER}`;
    const mixed = await entry(clientId, mixedText, '2026-04-01');
    const start = mixedText.indexOf(ABOUT_OTHER);
    expect((await post(`/api/clients/${clientId}/entries/${mixed}/shieldings`, {
      kind: 'about-another-person', passage: { start, end: start + ABOUT_OTHER.length }, reason: 'Gaat over de grootmoeder',
    })).statusCode).toBe(201);

    const id = await request(clientId, 'copy', { requesterRelationId: parentId });
    await decide(clientId, id, { outcome: 'granted', reasons: '' });
    const text = await letter(clientId, id);
    expectLetterFrame(text, id, 'zondag 22 november 2026');
    expect(text).toContain('Beste Sam Ouder,');
    expect(text).not.toContain('Wij geven u wat u vroeg.');
    expect(text).toContain('Wij geven u een deel van wat u vroeg.');
    expect(text).toContain('Wat u niet krijgt, en waarom');
    expect(text).toMatch(/1\. Het stuk uit het dossier van \d+ \w+ 2026 om \d\d:\d\d\. .+\(.*Jeugdwet 7\.3\.10.*\)/u);
    expect(text).toMatch(/2\. Een deel van de tekst van het stuk van \d+ \w+ 2026 om \d\d:\d\d\. .+\(.*Jeugdwet 7\.3\.10.*\)/u);
    for (const secret of ['Schuilweg', 'Klaproos', 'Geheim adres', 'grootmoeder']) expect(text).not.toContain(secret);
    expectRoutesAfterDecision(text);
    expectPlainDutch(text);

    // The administrative staff who send letters (004 C) get the same letter: it names parts by date and ground, never their content.
    const staff = await h.employee({ role: 'admin-staff' });
    const sent = await h.request({ method: 'GET', url: `/api/clients/${clientId}/requests/${id}/letter.pdf`, cookie: await h.login(staff) });
    expect(sent.statusCode, sent.body).toBe(200);
    const staffText = await pdfDocumentText(sent.rawPayload);
    expect(staffText).toContain('Wij geven u een deel van wat u vroeg.');
    expect(staffText).toContain('2. Een deel van de tekst van het stuk van');
  });

  it('refused: gives the grounds in words and the articles, and that another professional was consulted (Jeugdwet 7.3.2 lid 4)', async () => {
    const clientId = await h.client({ age: 14, holder });
    const parentId = await parentWithCustody(clientId);
    const id = await request(clientId, 'inspect', { requesterRelationId: parentId });
    await decide(clientId, id, {
      outcome: 'refused', reasons: 'Jesse is erg bang geworden na wat er thuis is gebeurd.', facts: ['serious-harm-assessed'], consultedProfessional: 'Eva Bakker, gedragswetenschapper',
    });
    const text = await letter(clientId, id);
    expectLetterFrame(text, id, 'zondag 22 november 2026');
    expect(text).toContain('Wij wijzen uw verzoek af. Hieronder leest u waarom.');
    expect(text).toContain('Wij denken dat het de jongere ernstig kan schaden als u deze gegevens krijgt.');
    expect(text).toContain('Jesse is erg bang geworden na wat er thuis is gebeurd.');
    expect(text).toContain('Voordat wij dit besloten, hebben wij een andere hulpverlener om advies gevraagd.');
    expect(text).toMatch(/Dit staat in de wet: .*Jeugdwet 7\.3\.2\./u);
    expect(text).not.toContain('Persoonlijke werkaantekeningen');
    expectRoutesAfterDecision(text);
    expectPlainDutch(text);
  });

  it('extended: before the decision, the letter gives the new last day in words and the reasons (AVG 12(3))', async () => {
    const clientId = await h.client({ age: 16, holder });
    const id = await request(clientId, 'copy', { receivedOn: '2026-11-02' });
    expect((await get(`/api/clients/${clientId}/requests/${id}/letter.pdf`)).statusCode, 'no letter before a decision or an extension').toBe(409);
    const REASONS = 'Het dossier beslaat zes jaar hulp en moet eerst op afscherming worden nagekeken.';
    const extended = await post(`/api/clients/${clientId}/requests/${id}/extend`, { noticeSentOn: '2026-11-20', reasons: REASONS });
    expect(extended.statusCode, extended.body).toBe(200);
    const text = await letter(clientId, id);
    expectLetterFrame(text, id, 'vrijdag 20 november 2026');
    expect(text).toContain('Wij hebben meer tijd nodig voor uw verzoek');
    // Received 2 November: one month and two more end on 2 February 2027, a Tuesday.
    expect(text).toContain('U krijgt ons besluit uiterlijk op dinsdag 2 februari 2027.');
    expect(text).toContain(REASONS);
    expect(text).toContain('AVG 12(3); UAVG 34');
    expect(text).toContain('Autoriteit Persoonsgegevens (AVG 77)');
    expect(text).toContain('Krijgt u ons besluit niet op tijd?');
    expect(text).not.toContain('Ons besluit');
    expectPlainDutch(text);
  });
});

// Runs last in this file: until now the organisation had no address, and every letter above said how to get it.
describe('the sender block once the organisation\'s address is recorded (issue 15 item 3; migration 0086)', () => {
  it('heads every letter with the postal address, phone, e-mail and website, and no longer asks the holder for the address', async () => {
    const officer = await h.login(await h.employee({ role: 'privacy-officer' }));
    const contact = {
      postalAddress: 'Postbus 1234', postalCode: '3500 AA', place: 'Utrecht', phone: '030 123 45 67', email: 'brieven@voorbeeld.nl', website: 'www.voorbeeld.nl',
    };
    const saved = await h.request({ method: 'PUT', url: '/api/organisation/contact', cookie: officer, body: contact });
    expect(saved.statusCode, saved.body).toBe(200);
    try {
      const clientId = await h.client({ age: 16, holder });
      const granted = await request(clientId, 'copy');
      await decide(clientId, granted, { outcome: 'granted', reasons: '' });
      const extended = await request(clientId, 'inspect', { receivedOn: '2026-11-02' });
      expect((await post(`/api/clients/${clientId}/requests/${extended}/extend`, { noticeSentOn: '2026-11-20', reasons: 'Groot dossier.' })).statusCode).toBe(200);
      for (const id of [granted, extended]) {
        const text = await letter(clientId, id);
        expect(text).toContain(`${organisation} Postbus 1234 3500 AA Utrecht Telefoon: 030 123 45 67 E-mail: brieven@voorbeeld.nl Website: www.voorbeeld.nl`);
        expect(text).toContain('Heeft u vragen over deze brief? Neem dan contact met ons op. Ons adres staat bovenaan deze brief.');
        expect(text).not.toContain('Vraag dan ons adres aan');
        expectPlainDutch(text);
      }
    } finally {
      const empty = { postalAddress: '', postalCode: '', place: '', phone: '', email: '', website: '' };
      expect((await h.request({ method: 'PUT', url: '/api/organisation/contact', cookie: officer, body: empty })).statusCode).toBe(200);
    }
  });
});
