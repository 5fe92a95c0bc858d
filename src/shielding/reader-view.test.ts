/**
 * Shielding and the reader-specific view (Jeugdwet 7.3.10; 003 §3.1,
 * §2.3.11): information about another person is withheld unless they
 * consent; a passage shielded from one parent (the secret-address example) is
 * hidden from that parent only; raw test data is inspected, never copied.
 * Withheld parts say that something was withheld and why, not what.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestEmployee } from '../test-support/harness.js';
import { pdfPages } from '../test-support/pdf-text.js';
import { clientAtSecretAddress, GRANDMA as FIXTURE_GRANDMA, SECRET as FIXTURE_SECRET, SECRET_CONTACT, SHOWN, shieldedDossier } from '../test-support/shielded-dossier.js';
import { mergePassages } from './reader-view.js';

const SECRET = 'Geheimeweg 12 in Zwolle';
const GRANDMA = 'Oma vertelt dat zij zelf ook hulp heeft gehad.';
const RAW = 'WISC-V ruwe scores: 12, 9, 14';

let h: Harness;
let holder: TestEmployee;
let cookie: string;
let clientId: string;
let fatherId: string;
let motherId: string;
let grandmaEntry: string;

beforeAll(async () => {
  h = await createHarness();
  holder = await h.employee({ role: 'care-professional' });
  cookie = await h.login(holder);
  clientId = await h.client({ age: 14, holder });
  const relation = async (givenNames: string) => (await post(`/api/clients/${clientId}/relations`, {
    relation: 'parent', hasCustody: true, custodyEstablishedBy: 'by-law-marriage', custodyKind: 'two-headed-parental', familyName: 'Ouder', givenNames, establishedHow: 'gezagsregister', validFrom: '2026-01-05',
  })).json().id as string;
  fatherId = await relation('Vader');
  motherId = await relation('Moeder');
  const text = `Moeder is verhuisd naar ${SECRET}. Het gaat goed op school.`;
  const conversation = (await post(`/api/clients/${clientId}/entries`, { kind: 'conversation-report', text, source: { kind: 'parent', description: 'moeder' } })).json();
  const start = text.indexOf(SECRET);
  expect((await post(`/api/clients/${clientId}/entries/${conversation.id}/shieldings`, { kind: 'shielded-from', passage: { start, end: start + SECRET.length }, shieldedFrom: [fatherId], reason: 'Geheim adres i.v.m. huiselijk geweld' })).statusCode).toBe(201);
  grandmaEntry = (await post(`/api/clients/${clientId}/entries`, { kind: 'plan', text: GRANDMA, source: { kind: 'other', description: 'grootmoeder' } })).json().id;
  await post(`/api/clients/${clientId}/entries/${grandmaEntry}/shieldings`, { kind: 'about-another-person', reason: 'Gaat over de grootmoeder' });
  await post(`/api/clients/${clientId}/entries`, { kind: 'raw-test-data', title: 'WISC-V', text: RAW, source: { kind: 'care-professional' } });
});
afterAll(async () => h.close());

function post(url: string, body: unknown = {}) {
  return h.request({ method: 'POST', url, cookie, body });
}

/** A granted inspect or copy request of this requester (the client when no relation) for `client` (by default the shared one). */
async function granted(kind: 'inspect' | 'copy', relationId?: string, client = clientId): Promise<string> {
  const created = (await post(`/api/clients/${client}/requests`, { kind, channel: 'written', receivedOn: '2026-11-20', details: 'Verzoek.', ...(relationId === undefined ? {} : { requesterRelationId: relationId }) })).json();
  expect((await post(`/api/clients/${client}/requests/${created.id}/decision`, { outcome: 'granted', reasons: '' })).statusCode).toBe(200);
  return created.id as string;
}

async function viewFor(kind: 'inspect' | 'copy', relationId?: string, client = clientId) {
  const id = await granted(kind, relationId, client);
  const view = await h.request({ method: 'GET', url: `/api/clients/${client}/requests/${id}/view`, cookie });
  expect(view.statusCode).toBe(200);
  return { body: view.body, json: view.json() };
}

/** The text of the copy PDF of a granted copy request, all pages. */
async function copyText(relationId: string | undefined, client: string): Promise<string> {
  const id = await granted('copy', relationId, client);
  const response = await h.request({ method: 'GET', url: `/api/clients/${client}/requests/${id}/copy.pdf`, cookie });
  expect(response.statusCode).toBe(200);
  return (await pdfPages(response.rawPayload)).join('\n');
}

async function parent(client: string, givenNames: string): Promise<string> {
  const created = await post(`/api/clients/${client}/relations`, {
    relation: 'parent', hasCustody: true, custodyEstablishedBy: 'by-law-marriage', custodyKind: 'two-headed-parental', familyName: 'Ouder', givenNames, establishedHow: 'gezagsregister', validFrom: '2026-01-05',
  });
  expect(created.statusCode).toBe(201);
  return created.json().id as string;
}

describe('reader-specific view', () => {
  it('hides the secret address from the father only, saying that something was withheld and on what ground', async () => {
    const father = await viewFor('inspect', fatherId);
    expect(father.body).not.toContain(SECRET);
    expect(father.body).toContain('Het gaat goed op school.');
    const conversation = father.json.entries.find((e: { text?: string }) => e.text?.includes('school'));
    expect(conversation.text).toContain('[…afgeschermd…]');
    expect(conversation.withheldPassages[0].basis).toContain('Jeugdwet 7.3.10');
    const mother = await viewFor('inspect', motherId);
    expect(mother.body).toContain(SECRET);
  });

  it('withholds information about another person unless that person consents', async () => {
    const before = await viewFor('inspect');
    expect(before.body).not.toContain(GRANDMA);
    expect(before.json.entries.some((e: { shown: boolean; withheld?: { ground: string } }) => !e.shown && e.withheld!.ground.length > 20)).toBe(true);
    const shieldings = (await h.request({ method: 'GET', url: `/api/clients/${clientId}/shieldings`, cookie })).json().shieldings;
    const grandma = shieldings.find((s: { entryId: string }) => s.entryId === grandmaEntry);
    expect((await post(`/api/clients/${clientId}/shieldings/${grandma.id}/other-person-consent`)).statusCode).toBe(204);
    const after = await viewFor('copy');
    expect(after.body).toContain(GRANDMA);
  });

  it('shows raw test data on inspection, never in a copy — there it is listed as available for inspection', async () => {
    const copy = await viewFor('copy');
    expect(copy.body).not.toContain(RAW);
    expect(copy.json.inspectionOnly).toEqual([expect.objectContaining({ title: 'WISC-V' })]);
  });

  it('nested and overlapping passages: not one shielded character shows, in the view or in the copy PDF (003 §3.1)', async () => {
    const client = await h.client({ age: 14, holder });
    const father = await parent(client, 'Vader');
    const mother = await parent(client, 'Moeder');
    const text = 'Moeder en Sam wonen nu op de Geheimeweg 12 te Zwolle, buurvrouw Els (06 987 65 43) helpt. Het gaat goed op school.';
    const entry = (await post(`/api/clients/${client}/entries`, { kind: 'conversation-report', text, source: { kind: 'parent', description: 'moeder' } })).json();
    const mark = (fragment: string, shielding: Record<string, unknown>) => {
      const start = text.indexOf(fragment);
      return post(`/api/clients/${client}/entries/${entry.id}/shieldings`, { passage: { start, end: start + fragment.length }, ...shielding });
    };
    const fromFather = { kind: 'shielded-from', shieldedFrom: [father], reason: 'Geheim adres i.v.m. huiselijk geweld' };
    expect((await mark('de Geheimeweg 12 te Zwolle', fromFather)).statusCode).toBe(201); // outer
    expect((await mark('12', fromFather)).statusCode).toBe(201); // nested inside the outer one
    expect((await mark('Geheimeweg 12', fromFather)).statusCode).toBe(201); // nested, sharing no boundary
    expect((await mark('Zwolle, buurvrouw Els (06 987 65 43)', { kind: 'about-another-person', reason: 'Gaat over de buurvrouw' })).statusCode).toBe(201); // overlaps the outer end
    const forbidden = ['Geheimeweg', 'Zwolle', 'buurvrouw', 'Els', '987'];

    const view = await viewFor('inspect', father, client);
    const shown = view.json.entries.find((e: { id?: string }) => e.id === entry.id);
    expect(shown.text).toBe('Moeder en Sam wonen nu op […afgeschermd…] helpt. Het gaat goed op school.');
    for (const fragment of forbidden) expect(view.body).not.toContain(fragment);
    expect(shown.withheldPassages).toHaveLength(1);
    expect(shown.withheldPassages[0].ground.length).toBeGreaterThan(20);
    expect(shown.withheldPassages[0].basis).toContain('Jeugdwet 7.3.10');

    const copy = await copyText(father, client);
    expect(copy).toContain('Het gaat goed op school.');
    expect(copy).toContain('afgeschermd');
    for (const fragment of forbidden) expect(copy).not.toContain(fragment);

    // The mother is not named: only the passage about the neighbour is withheld from her.
    const forMother = (await viewFor('inspect', mother, client)).json.entries.find((e: { id?: string }) => e.id === entry.id);
    expect(forMother.text).toBe('Moeder en Sam wonen nu op de Geheimeweg 12 te […afgeschermd…] helpt. Het gaat goed op school.');
  });

  it('a merged notice names every ground and article of the passages in it; disjoint passages stay apart', () => {
    const a = { ground: 'Grond A.', basis: ['Jeugdwet 7.3.10'] };
    const b = { ground: 'Grond B.', basis: ['AVG 15 lid 4', 'Jeugdwet 7.3.10'] };
    const passages = [
      { start: 20, end: 30, withheld: b }, { start: 5, end: 22, withheld: a }, { start: 8, end: 9, withheld: a }, { start: 40, end: 45, withheld: a },
    ];
    expect(mergePassages(passages)).toEqual([
      { start: 5, end: 30, withheld: { ground: 'Grond A. Grond B.', basis: ['Jeugdwet 7.3.10', 'AVG 15 lid 4'] } },
      { start: 40, end: 45, withheld: a },
    ]);
  });

  it('the client\'s own statement reaches the client beside the disputed entry, in the view and in the copy PDF (AVG 16; 003 §3.4)', async () => {
    const client = await h.client({ age: 14, holder });
    const disputedText = 'Sam werkt niet mee aan de gesprekken.';
    const statement = 'Ik was twee keer ziek, daarom kon ik niet komen.';
    const disputed = (await post(`/api/clients/${client}/entries`, { kind: 'evaluation', text: disputedText, source: { kind: 'care-professional' }, statementType: 'opinion' })).json();
    const request = (await post(`/api/clients/${client}/requests`, { kind: 'add-statement', channel: 'written', receivedOn: '2026-11-20', details: 'Mijn kant.' })).json();
    expect((await post(`/api/clients/${client}/requests/${request.id}/decision`, { outcome: 'granted', reasons: '' })).statusCode).toBe(200);
    const done = await post(`/api/clients/${client}/requests/${request.id}/fulfil`, { statement: { entryId: disputed.id, text: statement } });
    expect(done.statusCode, done.body).toBe(200);

    const view = (await viewFor('inspect', undefined, client)).json;
    const entry = view.entries.find((e: { id?: string }) => e.id === disputed.id);
    expect(entry.statements).toEqual([expect.objectContaining({ text: statement })]);

    const copy = await copyText(undefined, client);
    const at = copy.indexOf(disputedText);
    expect(at).toBeGreaterThan(-1);
    expect(copy.indexOf('Eigen verklaring bij dit stuk', at)).toBeGreaterThan(at);
    expect(copy.indexOf(statement, at)).toBeGreaterThan(at);
  });

  it('refuses the view before the request is granted', async () => {
    const open = (await post(`/api/clients/${clientId}/requests`, { kind: 'inspect', channel: 'written', receivedOn: '2026-11-21', details: 'Nog niet beslist.', requesterRelationId: motherId })).json();
    expect((await h.request({ method: 'GET', url: `/api/clients/${clientId}/requests/${open.id}/view`, cookie })).statusCode).toBe(409);
  });
});

describe('documents', () => {
  async function grantedRequest(kind: 'copy' | 'inspect', relationId?: string, client = clientId): Promise<string> {
    const created = (await post(`/api/clients/${client}/requests`, { kind, channel: 'electronic', receivedOn: '2026-11-19', details: 'Graag een kopie.', ...(relationId === undefined ? {} : { requesterRelationId: relationId }) })).json();
    await post(`/api/clients/${client}/requests/${created.id}/decision`, { outcome: 'partly', reasons: 'Informatie over een ander is afgeschermd om zijn privacy te beschermen.' });
    return created.id as string;
  }

  // A dossier of its own, so what the copy must leave out does not depend on which tests ran before
  // (the grandmother's consent recorded above would otherwise let her text in).
  let copyClient: string;
  let copyFather: string;
  beforeAll(async () => {
    copyClient = await clientAtSecretAddress(h, cookie);
    ({ fatherId: copyFather } = await shieldedDossier(h, cookie, copyClient, { hasCustody: true }));
  });

  it('the copy PDF: cover sheet, numbered pages, shielding applied, raw test data absent and listed', async () => {
    const id = await grantedRequest('copy', copyFather, copyClient);
    const response = await h.request({ method: 'GET', url: `/api/clients/${copyClient}/requests/${id}/copy.pdf`, cookie });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pages = await pdfPages(response.rawPayload);
    const text = pages.join('\n');
    expect(pages[0]).toContain('Afschrift van het dossier');
    expect(pages[0]).toContain('Vader Ouder');
    expect(pages.every((page, i) => page.includes(`pagina ${i + 1} van ${pages.length}`))).toBe(true);
    expect(text).toContain(SHOWN);
    expect(text).not.toContain(FIXTURE_SECRET);
    expect(text).not.toContain('Geheimeweg');
    expect(text).not.toContain(FIXTURE_GRANDMA);
    expect(text).not.toContain('WISC-V ruwe scores');
    expect(text).toContain('Alleen in te zien');
    // The secret address is the client's own address too: not on the father's copy in any form.
    for (const value of Object.values(SECRET_CONTACT)) expect(text).not.toContain(value);
  });

  it('the grandmother\'s text does reach a copy once she consents (so its absence above is the shielding, not the text extraction)', async () => {
    const shieldings = (await h.request({ method: 'GET', url: `/api/clients/${copyClient}/shieldings`, cookie })).json().shieldings;
    const grandma = shieldings.find((sh: { kind: string }) => sh.kind === 'about-another-person');
    expect(await copyText(undefined, copyClient)).not.toContain(FIXTURE_GRANDMA);
    expect((await post(`/api/clients/${copyClient}/shieldings/${grandma.id}/other-person-consent`)).statusCode).toBe(204);
    expect(await copyText(undefined, copyClient)).toContain(FIXTURE_GRANDMA);
  });

  it('the decision letter names the legal routes and the appeal deadline, six weeks from the answer\'s receipt', async () => {
    const id = await grantedRequest('copy', motherId);
    expect(id).toBeDefined();
    const letter = async () => {
      const response = await h.request({ method: 'GET', url: `/api/clients/${clientId}/requests/${id}/letter.pdf`, cookie });
      expect(response.statusCode).toBe(200);
      return (await pdfPages(response.rawPayload)).join('\n');
    };
    // The six weeks run from the day the answer was received (003 §4), so no fixed date until that is recorded.
    const before = await letter();
    expect(before).toContain('zes weken nadat u dit antwoord heeft ontvangen');
    expect(before).not.toContain('januari 2027');
    expect((await post(`/api/clients/${clientId}/requests/${id}/answer-received`, { receivedOn: '2026-11-22' })).statusCode).toBe(200);
    const text = await letter();
    expect(text).toContain('Besluit op uw verzoek');
    expect(text).toContain('4 januari 2027'); // received 22 November 2026 + 6 weeks = Sunday 3 January → Monday
    expect(text).toContain('klachtencommissie');
    expect(text).toContain('tuchtcollege');
    expect(text).toContain('Autoriteit Persoonsgegevens');
  });
});
