/**
 * Fulfilment of the client's rights end to end through the API (issue 5 part
 * 6; DOMAIN §3): correction of formal data with its history (AVG 16), of a
 * factual error in an entry by an annotation — and the engine's refusal to
 * correct a professional finding, with the own statement offered (003 §2.2.6,
 * §3.4); the own statement beside the disputed entry (Jeugdwet 7.3.8; BW 7:454
 * lid 2); restriction of processing (AVG 18); withdrawal of consent (AVG 7(3));
 * objection (AVG 21). Bad input changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientDataKey } from '../crypto/client-keys.js';
import { openText } from '../retention/client-free-text.js';
import { createHarness, type Harness, type TestEmployee } from '../test-support/harness.js';
import { pdfPages } from '../test-support/pdf-text.js';

let h: Harness;
let holder: TestEmployee;
let cookie: string;

beforeAll(async () => {
  h = await createHarness();
  holder = await h.employee({ role: 'care-professional' });
  cookie = await h.login(holder);
});
afterAll(async () => h.close());

const post = (url: string, body: unknown = {}, headers?: Record<string, string>) => h.request({ method: 'POST', url, cookie, body, ...(headers === undefined ? {} : { headers }) });
const get = (url: string, headers?: Record<string, string>) => h.request({ method: 'GET', url, cookie, ...(headers === undefined ? {} : { headers }) });

async function decided(clientId: string, kind: string, over: Record<string, unknown> = {}, facts: string[] = []): Promise<string> {
  const created = await post(`/api/clients/${clientId}/requests`, { kind, channel: 'written', receivedOn: '2026-11-20', details: `Verzoek: ${kind}.`, ...over });
  expect(created.statusCode).toBe(201);
  const id = created.json().id as string;
  const decision = await post(`/api/clients/${clientId}/requests/${id}/decision`, { outcome: 'granted', reasons: '', facts });
  expect(decision.statusCode, decision.body).toBe(200);
  return id;
}

async function entry(clientId: string, over: Record<string, unknown> = {}): Promise<string> {
  const created = await post(`/api/clients/${clientId}/entries`, {
    kind: 'conversation-report', text: 'Jesse zit op De Regenboog in groep 7.', source: { kind: 'care-professional' }, statementType: 'fact', ...over,
  });
  expect(created.statusCode).toBe(201);
  return created.json().id as string;
}

async function addParent(clientId: string, hasCustody: boolean): Promise<string> {
  const parent = await post(`/api/clients/${clientId}/relations`, {
    relation: 'parent', hasCustody, ...(hasCustody ? { custodyKind: 'two-headed-parental', custodyEstablishedBy: 'by-law-marriage' } : {}), familyName: 'Ouder', givenNames: 'Sam',
    establishedHow: 'gezagsregister', validFrom: '2026-01-05',
  });
  return parent.json().id as string;
}

const fulfil = (clientId: string, requestId: string, body: unknown = {}) => post(`/api/clients/${clientId}/requests/${requestId}/fulfil`, body);
const requestState = async (clientId: string, requestId: string) => (await get(`/api/clients/${clientId}/requests/${requestId}`)).json().state as string;

describe('correct (AVG 16; 003 §3.4)', () => {
  it('corrects formal data and keeps the old value in its history (AVG 16: nothing overwritten without trace)', async () => {
    const clientId = await h.client({ age: 14, holder });
    const before = (await get(`/api/clients/${clientId}`)).json();
    const requestId = await decided(clientId, 'correct', {}, ['factual-error']);
    const done = await fulfil(clientId, requestId, { corrections: [{ field: 'town', value: 'Utrecht' }, { field: 'givenNames', value: 'Jesse Maria' }] });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ state: 'fulfilled', fulfilledOn: '2026-11-22' });
    const after = (await get(`/api/clients/${clientId}`)).json();
    expect(after).toMatchObject({ town: 'Utrecht', givenNames: 'Jesse Maria' });
    expect(after.corrections).toEqual([
      expect.objectContaining({ field: 'town', oldValue: before.town, newValue: 'Utrecht', requestId, correctedBy: expect.any(String) }),
      expect.objectContaining({ field: 'givenNames', oldValue: before.givenNames, newValue: 'Jesse Maria', requestId }),
    ]);
  });

  it('refuses an impossible value with 400 (nl/en) and changes nothing — not even the corrections before it', async () => {
    const clientId = await h.client({ age: 14, holder });
    const before = (await get(`/api/clients/${clientId}`)).json();
    const requestId = await decided(clientId, 'correct', {}, ['factual-error']);
    const bad = await fulfil(clientId, requestId, { corrections: [{ field: 'town', value: 'Utrecht' }, { field: 'birthDate', value: '2030-02-30' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'invalid-correction', field: 'correction.birthDate' });
    expect(bad.json().nl.length).toBeGreaterThan(10);
    expect(bad.json().en.length).toBeGreaterThan(10);
    const after = (await get(`/api/clients/${clientId}`)).json();
    expect(after.town).toBe(before.town);
    expect(after.corrections).toEqual([]);
    expect(await requestState(clientId, requestId)).toBe('decided');
    // A field of another kind is refused too.
    expect((await fulfil(clientId, requestId, { consentId: '00000000-0000-4000-8000-000000000000' })).json()).toMatchObject({ code: 'field-not-for-kind', field: 'consentId' });
    expect((await fulfil(clientId, requestId, {})).json()).toMatchObject({ code: 'field-required', field: 'corrections' });
    expect((await fulfil(clientId, requestId, { corrections: [{ field: 'town', value: 'X', extra: 1 }] })).statusCode).toBe(400);
  });

  it('corrects a factual error in an entry by an annotation beside it; the entry itself stays (003 §2.1, §2.3.6)', async () => {
    const clientId = await h.client({ age: 14, holder });
    const entryId = await entry(clientId);
    const requestId = await decided(clientId, 'correct', {}, ['factual-error']);
    const done = await fulfil(clientId, requestId, { corrections: [{ entryId, reason: 'Jesse zit in groep 6, niet in groep 7.' }] });
    expect(done.statusCode, done.body).toBe(200);
    const shown = (await get(`/api/clients/${clientId}/entries/${entryId}`)).json();
    expect(shown.text).toBe('Jesse zit op De Regenboog in groep 7.');
    expect(shown.annotations).toEqual([expect.objectContaining({ kind: 'incorrect', reason: 'Jesse zit in groep 6, niet in groep 7.', requestId })]);
  });

  it('refuses to correct a professional finding with the engine\'s explanation and offers the own statement; nothing changes (003 §2.2.6, §3.4)', async () => {
    const clientId = await h.client({ age: 14, holder });
    const finding = await entry(clientId, { kind: 'research-report', text: 'Er is sprake van hechtingsproblematiek.', statementType: 'opinion' });
    const requestId = await decided(clientId, 'correct', {}, ['factual-error']);
    const refused = await fulfil(clientId, requestId, { corrections: [{ entryId: finding, reason: 'Dat klopt niet, vind ik.' }] });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'correction-refused', offer: 'own-statement', entryId: finding });
    // The engine's own words (src/rules/decide-rights.ts, rule correct.not-a-factual-error).
    expect(refused.json().nl).toContain('Alleen feiten die niet kloppen worden verbeterd');
    expect(refused.json().basis).toContain('AVG 16');
    expect((await get(`/api/clients/${clientId}/entries/${finding}`)).json().annotations).toEqual([]);
    expect(await requestState(clientId, requestId)).toBe('decided');
  });

  it('a correct request decided without a factual error is refused at decision, with the own statement offered', async () => {
    const clientId = await h.client({ age: 14, holder });
    const created = (await post(`/api/clients/${clientId}/requests`, { kind: 'correct', channel: 'written', receivedOn: '2026-11-20', details: 'Ik ben het oneens met het rapport.' })).json();
    const refused = await post(`/api/clients/${clientId}/requests/${created.id}/decision`, { outcome: 'granted', reasons: '' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'decision-against-law', offer: 'own-statement' });
  });
});

describe('own statement (Jeugdwet 7.3.8; BW 7:454 lid 2; 003 §3.4)', () => {
  it('the parent with custody of a 10-year-old adds a statement, shown beside the disputed entry in entry, timeline and reader view', async () => {
    const clientId = await h.client({ age: 10, holder });
    const parentId = await addParent(clientId, true);
    const disputed = await entry(clientId, { kind: 'evaluation', text: 'Moeder werkt onvoldoende mee.', statementType: 'opinion' });
    const requestId = await decided(clientId, 'add-statement', { requesterRelationId: parentId });
    const done = await fulfil(clientId, requestId, { statement: { entryId: disputed, text: 'Ik ben bij elk gesprek geweest en heb alles gedaan wat gevraagd werd.' } });
    expect(done.statusCode, done.body).toBe(200);
    const shown = (await get(`/api/clients/${clientId}/entries/${disputed}`)).json();
    expect(shown.statements).toEqual([expect.objectContaining({ text: 'Ik ben bij elk gesprek geweest en heb alles gedaan wat gevraagd werd.', source: { kind: 'parent', description: 'Sam Ouder' } })]);
    const timeline = (await get(`/api/clients/${clientId}/entries`)).json();
    const own = timeline.entries.find((e: { kind: string }) => e.kind === 'own-statement');
    expect(own).toMatchObject({ disputes: disputed, kindLabel: 'Eigen verklaring cliënt', source: { kind: 'parent' } });
    expect(timeline.entries.find((e: { id: string }) => e.id === disputed).statements).toHaveLength(1);
  });

  it('refuses the wrong person with the engine\'s explanation: a parent without custody has no such right (Jeugdwet 7.3.10; BW 1:377c)', async () => {
    const clientId = await h.client({ age: 10, holder });
    const parentId = await addParent(clientId, false);
    const created = (await post(`/api/clients/${clientId}/requests`, { kind: 'add-statement', requesterRelationId: parentId, channel: 'written', receivedOn: '2026-11-20', details: 'Eigen verklaring.' })).json();
    expect(created).toMatchObject({ state: 'refused-at-intake', intake: { outcome: 'deny' } });
    expect(created.intake.explanation.length).toBeGreaterThan(20);
    const attempt = await fulfil(clientId, created.id, { statement: { entryId: await entry(clientId), text: 'Toch toevoegen.' } });
    expect(attempt.statusCode).toBe(409);
    expect((await get(`/api/clients/${clientId}/entries`)).json().entries.some((e: { kind: string }) => e.kind === 'own-statement')).toBe(false);
  });

  it('refuses a statement about an entry that is not in this dossier (400), nothing added', async () => {
    const clientId = await h.client({ age: 14, holder });
    const requestId = await decided(clientId, 'add-statement');
    const bad = await fulfil(clientId, requestId, { statement: { entryId: '00000000-0000-4000-8000-000000000000', text: 'Mijn kant.' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('unknown-entry');
    expect((await get(`/api/clients/${clientId}/entries`)).json().entries).toEqual([]);
    expect(await requestState(clientId, requestId)).toBe('decided');
  });
});

describe('restriction of processing (AVG 18)', () => {
  it('is ended by the holder the care team counts today: after a hand-over the new holder may, the former one may not', async () => {
    const clientId = await h.client({ age: 15, holder });
    const requestId = await decided(clientId, 'restrict');
    expect((await fulfil(clientId, requestId)).json()).toMatchObject({ state: 'fulfilled' });
    // The dossier is handed over in the care team: the new holder from 10 November, the first one's holdership ended the day before.
    const successor = await h.employee({ role: 'care-professional' });
    expect((await post(`/api/clients/${clientId}/care-team/hand-over`, { employeeId: successor.id, holderFrom: '2026-11-10', formerHolderStays: false })).statusCode).toBe(200);
    const body = { reason: 'De juistheid is gecontroleerd; de cliënt is geïnformeerd.', clientInformedOn: '2026-11-22' };
    expect((await post(`/api/clients/${clientId}/processing-restriction/end`, body)).statusCode).toBe(403);
    const bySuccessor = await h.request({ method: 'POST', url: `/api/clients/${clientId}/processing-restriction/end`, cookie: await h.login(successor), body });
    expect(bySuccessor.statusCode, bySuccessor.body).toBe(204);
    const [ended] = await h.database.db.query<{ ended_by: string }>('SELECT ended_by FROM org.processing_restrictions WHERE client_id = $1', [clientId]);
    expect(ended?.ended_by).toBe(successor.id);
  });

  it('freezes processing: visible on the dossier, reading only for legal claims, nothing recorded; the holder ends it with a reason', async () => {
    const clientId = await h.client({ age: 15, holder });
    const entryId = await entry(clientId);
    const requestId = await decided(clientId, 'restrict');
    expect((await fulfil(clientId, requestId)).json()).toMatchObject({ state: 'fulfilled' });

    const overview = (await get(`/api/clients/${clientId}`)).json();
    expect(overview.processingRestriction).toMatchObject({ since: '2026-11-22', requestId });
    expect(overview.processingRestriction.notice).toContain('Verwerking beperkt sinds 2026-11-22, op verzoek van de cliënt');

    const read = await get(`/api/clients/${clientId}/entries`);
    expect(read.statusCode).toBe(403);
    expect(read.json().basis).toContain('AVG 18');
    expect(read.json().nl).toContain('rechtsvordering');
    // Issue 14: the legal-claims purpose names the recorded procedure, the retention hold on this dossier.
    const officer = await h.login(await h.employee({ role: 'privacy-officer' }));
    expect((await h.request({ method: 'POST', url: `/api/privacy/retention-reviews/${clientId}/hold`, cookie: officer, body: { reason: 'Procedure bij de rechter.' } })).statusCode).toBeLessThan(300);
    const [hold] = await h.database.db.query<{ hold_id: string }>('SELECT hold_id FROM org.retention_reviews WHERE client_id = $1', [clientId]);
    const forClaims = await get(`/api/clients/${clientId}/entries`, { 'x-dossierwijzer-purpose': `legal-claims ${hold!.hold_id}` });
    expect(forClaims.statusCode).toBe(200);
    expect(forClaims.json().processingRestriction).toMatchObject({ requestId });
    const [logged] = await h.database.db.query<{ purpose: string | null }>(`SELECT purpose FROM audit.access_log WHERE client_id = $1 AND route LIKE '%entries%' ORDER BY seq DESC LIMIT 1`, [clientId]);
    expect(logged?.purpose).toBe('legal-claims');

    const write = await post(`/api/clients/${clientId}/entries`, { kind: 'conversation-report', text: 'Nieuw verslag.', source: { kind: 'care-professional' } }, { 'x-dossierwijzer-purpose': 'legal-claims' });
    expect(write.statusCode).toBe(403);
    expect(write.json().basis).toContain('AVG 18');
    expect((await post(`/api/clients/${clientId}/entries/${entryId}/annotations`, { kind: 'addition', reason: 'Aanvulling.' })).statusCode).toBe(403);

    // Ending it: not by a colleague who is not the holder, and not without telling the client first (AVG 18(3)).
    const colleague = await h.employee({ role: 'care-professional' });
    await h.relate(clientId, colleague, 'member');
    const notHolder = await h.request({ method: 'POST', url: `/api/clients/${clientId}/processing-restriction/end`, cookie: await h.login(colleague), body: { reason: 'Opgeheven.', clientInformedOn: '2026-11-22' } });
    expect(notHolder.statusCode).toBe(403);
    expect((await post(`/api/clients/${clientId}/processing-restriction/end`, { reason: 'Opgeheven.', clientInformedOn: '2026-11-30' })).statusCode).toBe(400);
    expect((await get(`/api/clients/${clientId}`)).json().processingRestriction).not.toBeNull();

    const ended = await post(`/api/clients/${clientId}/processing-restriction/end`, { reason: 'De juistheid is gecontroleerd; de cliënt is geïnformeerd.', clientInformedOn: '2026-11-22' });
    expect(ended.statusCode, ended.body).toBe(204);
    expect((await get(`/api/clients/${clientId}`)).json().processingRestriction).toBeNull();
    expect((await get(`/api/clients/${clientId}/entries`)).statusCode).toBe(200);
    const [history] = await h.database.db.query<{ id: string; ended_by: string; end_reason: string | null; end_reason_ciphertext: Buffer }>(
      'SELECT id, ended_by, end_reason, end_reason_ciphertext FROM org.processing_restrictions WHERE client_id = $1', [clientId]);
    // The reason is sealed under the client's key (migration 0033).
    const key = await clientDataKey(h.database.db, h.app.deps.masterKey, clientId);
    expect({ endedBy: history!.ended_by, plain: history!.end_reason, reason: openText(key, 'restrictionEnd', history!.id, history!.end_reason_ciphertext) })
      .toEqual({ endedBy: holder.id, plain: null, reason: 'De juistheid is gecontroleerd; de cliënt is geïnformeerd.' });
    expect((await post(`/api/clients/${clientId}/processing-restriction/end`, { reason: 'Nogmaals.', clientInformedOn: '2026-11-22' })).statusCode).toBe(409);
  });
});

describe('withdrawal of consent (AVG 7(3)) and objection (AVG 21)', () => {
  it('withdraws the named consent in the register at once; an unknown consent is refused and nothing changes', async () => {
    const clientId = await h.client({ age: 16, holder });
    const consent = await post(`/api/clients/${clientId}/consents`, { kind: 'care', givenBy: 'client', givenOn: '2026-11-01', informationGiven: 'Uitleg over de hulp gegeven.' });
    expect(consent.statusCode, consent.body).toBe(201);
    const consentId = consent.json().id as string;
    const requestId = await decided(clientId, 'withdraw-consent');
    const unknown = await fulfil(clientId, requestId, { consentId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('unknown-consent');
    expect(await requestState(clientId, requestId)).toBe('decided');
    const done = await fulfil(clientId, requestId, { consentId });
    expect(done.statusCode, done.body).toBe(200);
    const consents = (await get(`/api/clients/${clientId}/consents`)).json().consents as { id: string; withdrawnAt: string | null; active: boolean }[];
    expect(consents.find((c) => c.id === consentId)).toMatchObject({ active: false, withdrawnAt: expect.stringMatching(/^2026-11-22T/) });
  });

  it('only whose consent it is may withdraw it: a parent of a 14-year-old cannot withdraw the young person\'s own consent (AVG 7(3); Jeugdwet 7.3.4)', async () => {
    const clientId = await h.client({ age: 14, holder });
    const parentId = await addParent(clientId, true);
    const own = (await post(`/api/clients/${clientId}/consents`, { kind: 'care', givenBy: 'client', givenOn: '2026-11-01', informationGiven: 'Uitleg over de hulp gegeven.' })).json().id as string;
    const parents = (await post(`/api/clients/${clientId}/consents`, { kind: 'care', givenBy: 'legal-representatives', givenByRelationId: parentId, givenOn: '2026-11-01', informationGiven: 'Uitleg aan ouder.' })).json().id as string;
    const byParent = await decided(clientId, 'withdraw-consent', { requesterRelationId: parentId });
    const refused = await fulfil(clientId, byParent, { consentId: own });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'not-their-consent', field: 'consentId' });
    expect(refused.json().nl).toContain('Alleen wie de toestemming gaf');
    expect(await requestState(clientId, byParent)).toBe('decided');
    const consents = async () => (await get(`/api/clients/${clientId}/consents`)).json().consents as { id: string; active: boolean }[];
    expect((await consents()).every((c) => c.active)).toBe(true);
    // The 14-year-old cannot withdraw the parent's consent either: at 14 the law asks both (Jeugdwet 7.3.4).
    const byClient = await decided(clientId, 'withdraw-consent');
    expect((await fulfil(clientId, byClient, { consentId: parents })).json().code).toBe('not-their-consent');
    // Each withdraws their own.
    expect((await fulfil(clientId, byParent, { consentId: parents })).statusCode).toBe(200);
    expect((await fulfil(clientId, byClient, { consentId: own })).statusCode).toBe(200);
    expect((await consents()).every((c) => !c.active)).toBe(true);
  });

  it('from 16 the client may withdraw the consent the parents gave for them, because the consent is now theirs (Jeugdwet 7.3.5)', async () => {
    const clientId = await h.client({ age: 15, holder }); // born 15 March 2011
    const parentId = await addParent(clientId, true);
    const parents = (await post(`/api/clients/${clientId}/consents`, { kind: 'care', givenBy: 'legal-representatives', givenByRelationId: parentId, givenOn: '2026-11-01', informationGiven: 'Uitleg aan ouder.' })).json().id as string;
    const before16 = await decided(clientId, 'withdraw-consent');
    expect((await fulfil(clientId, before16, { consentId: parents })).json().code).toBe('not-their-consent');
    h.clock.now = new Date('2027-03-22T10:00:00+01:00'); // turned 16 on 15 March 2027
    try {
      const later = await h.login(holder);
      const done = await h.request({ method: 'POST', url: `/api/clients/${clientId}/requests/${before16}/fulfil`, cookie: later, body: { consentId: parents } });
      expect(done.statusCode, done.body).toBe(200);
      const consents = (await h.request({ method: 'GET', url: `/api/clients/${clientId}/consents`, cookie: later })).json().consents as { id: string; active: boolean }[];
      expect(consents.find((c) => c.id === parents)).toMatchObject({ active: false });
    } finally {
      h.clock.reset();
    }
  });

  it('records a granted objection and the processing that stops; the processing must be named', async () => {
    const clientId = await h.client({ age: 17, holder });
    const requestId = await decided(clientId, 'object');
    expect((await fulfil(clientId, requestId)).json()).toMatchObject({ code: 'field-required', field: 'objection' });
    const done = await fulfil(clientId, requestId, { objection: { processing: 'Gebruik van mijn gegevens voor het klanttevredenheidsonderzoek.' } });
    expect(done.statusCode, done.body).toBe(200);
    const rows = await h.database.db.query<{ outcome: string; stopped_on: string }>('SELECT outcome, stopped_on::text FROM org.objections WHERE request_id = $1', [requestId]);
    expect(rows).toEqual([{ outcome: 'granted', stopped_on: '2026-11-22' }]);
  });
});

describe('general information for a parent without custody (BW 1:377c; 003 §3.1)', () => {
  // Issue 16, error 6: 003 §3.1 — "de doelstelling van de hulp en de resultaten daarvan": their content, not only dates.
  it('delivers when help started, the goals (plan content) and results (evaluation content), shielding applied — as JSON and in the letter', async () => {
    const clientId = await h.client({ age: 10, holder });
    const parentId = await addParent(clientId, false);
    const GOAL = 'Doel: Sam gaat weer elke dag naar school.';
    const HIDDEN_FROM_PARENT = 'Moeder woont nu aan de Schuilweg 4.';
    const ABOUT_OTHER = 'Oma Klaproos heeft zelf ook hulp gehad.';
    const RESULT = 'Sam gaat nu vier dagen per week.';
    const WHOLLY_HIDDEN = 'Plan B: verhuizing naar Verstopdorp.';
    await entry(clientId, { kind: 'plan', text: GOAL, occurredOn: '2026-02-10', statementType: 'opinion' });
    const evaluationText = `${RESULT} ${HIDDEN_FROM_PARENT} ${ABOUT_OTHER}`;
    const evaluation = await entry(clientId, { kind: 'evaluation', text: evaluationText, occurredOn: '2026-06-15', statementType: 'opinion' });
    const hidden = evaluationText.indexOf(HIDDEN_FROM_PARENT);
    const other = evaluationText.indexOf(ABOUT_OTHER);
    expect((await post(`/api/clients/${clientId}/entries/${evaluation}/shieldings`, {
      kind: 'shielded-from', passage: { start: hidden, end: hidden + HIDDEN_FROM_PARENT.length }, shieldedFrom: [parentId], reason: 'Geheim adres',
    })).statusCode).toBe(201);
    expect((await post(`/api/clients/${clientId}/entries/${evaluation}/shieldings`, {
      kind: 'about-another-person', passage: { start: other, end: other + ABOUT_OTHER.length }, reason: 'Gaat over de grootmoeder',
    })).statusCode).toBe(201);
    const secondPlan = await entry(clientId, { kind: 'plan', text: WHOLLY_HIDDEN, occurredOn: '2026-03-01', statementType: 'opinion' });
    expect((await post(`/api/clients/${clientId}/entries/${secondPlan}/shieldings`, { kind: 'shielded-from', shieldedFrom: [parentId], reason: 'Geheim adres' })).statusCode).toBe(201);
    await entry(clientId, { text: 'Gesprek: moeder vertelt over de Geheimeweg 12.', occurredOn: '2026-03-01' });

    const requestId = await decided(clientId, 'general-information', { requesterRelationId: parentId });
    const done = await fulfil(clientId, requestId);
    expect(done.statusCode, done.body).toBe(200);
    const info = done.json().generalInformation;
    expect(info).toMatchObject({ careStartedOn: '2026-01-05', careEndedOn: null, addressee: 'Sam Ouder' });
    expect(info.goals).toMatchObject({ items: [{ date: '2026-02-10', text: GOAL }], withheld: 1 });
    expect(info.results.items).toHaveLength(1);
    expect(info.results.items[0].date).toBe('2026-06-15');
    expect(info.results.items[0].text).toContain(RESULT);
    expect(info.results.items[0].text).toContain('afgeschermd');
    expect(info.basis).toContain('BW 1:377c');
    for (const secret of ['Schuilweg', 'Klaproos', 'Verstopdorp', 'Geheimeweg']) expect(done.body).not.toContain(secret);

    const letter = await get(`/api/clients/${clientId}/requests/${requestId}/letter.pdf`);
    expect(letter.statusCode).toBe(200);
    const text = (await pdfPages(letter.rawPayload)).join('\n');
    expect(text).toContain('De hulp begon op 5 januari 2026.');
    expect(text).toContain('De hulp loopt nog.');
    expect(text).toContain('Sam gaat weer elke dag naar school');
    expect(text).toContain('vier dagen per week');
    expect(text).toContain('Eén plan geven wij niet');
    expect(text).toContain('BW 1:377c');
    for (const secret of ['Schuilweg', 'Klaproos', 'Verstopdorp', 'Geheimeweg']) expect(text).not.toContain(secret);
  });

  // Issue 16, error 6: BW 1:377c runs until 16, after which the young person decides what the parents get (001) — needs-consent, not a refusal.
  it('needs the young person\'s consent for a parent without custody of a 16-year-old: nothing to fulfil until it is recorded', async () => {
    const clientId = await h.client({ age: 16, holder });
    const parentId = await addParent(clientId, false);
    const created = (await post(`/api/clients/${clientId}/requests`, { kind: 'general-information', requesterRelationId: parentId, channel: 'written', receivedOn: '2026-11-20', details: 'Hoe gaat het?' })).json();
    expect(created).toMatchObject({ state: 'received', intake: { outcome: 'needs-consent', consentMissing: ['client'] } });
    expect(created.intake.basis).toContain('BW 1:377c');
    expect(created.intake.explanation).toContain('16');
    expect((await fulfil(clientId, created.id)).statusCode).toBe(409);
    // Asked for, not refused: once the young person's consent is recorded, the information goes out.
    await entry(clientId, { kind: 'plan', text: 'Doel: Noor kiest een vervolgopleiding.', occurredOn: '2026-02-10', statementType: 'opinion' });
    const consent = await post(`/api/clients/${clientId}/requests/${created.id}/consent`, { givenOn: '2026-11-21', how: 'in-person' });
    expect(consent.statusCode, consent.body).toBe(200);
    expect(consent.json().intake.consent).toMatchObject({ of: ['client'], givenOn: '2026-11-21' });
    expect((await post(`/api/clients/${clientId}/requests/${created.id}/decision`, { outcome: 'granted', reasons: '' })).statusCode).toBe(200);
    const done = await fulfil(clientId, created.id);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().generalInformation.goals.items).toEqual([{ date: '2026-02-10', title: null, text: 'Doel: Noor kiest een vervolgopleiding.' }]);
  });
});
