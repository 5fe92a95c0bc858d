/**
 * Acts × actors through HTTP (issue 14 deliverables 1 and 7): for every act a
 * route performs, every actor the engine refuses (src/rules/acts.ts) gets 403
 * problem+json with the engine's own Dutch explanation and articles, and the
 * refusal is a `denied` row of the access log naming the act. The expected
 * answer is asked of the engine, so this table cannot drift from the law's
 * code; the reproductions of issue 14 follow as named tests (they pass a
 * request the old code let through).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTING_FOR_HEADER } from './client-access.js';
import { Act, ActingFor, decideAct, Employee, type ActInput, type RequestKindWord } from '../rules/index.js';
import { createHarness, type Harness, type RequestMethod, type TestEmployee } from '../test-support/harness.js';

const ON = '2026-11-22';

/** One actor of the matrix: who logs in, what the engine calls them, and the acting-for header they send. */
interface MatrixActor {
  name: string;
  cookie: string;
  id: string;
  employee: Employee;
  actingFor: ActingFor;
  headers: Record<string, string>;
}

/**
 * One act as a route performs it; `kind` for the acts decided per request kind. `kindInService`: the route knows
 * only the request's id, so the gate decides the act for any kind and the work asks again for the request's kind
 * (src/requests/request-acts.ts): an actor refused for every kind hears the gate's answer, the others the kind's.
 */
interface ActCall {
  act: Act;
  kind?: RequestKindWord;
  kindInService?: true;
  method: RequestMethod;
  url: string;
  body?: unknown;
}

let h: Harness;
let holder: TestEmployee;
let holderCookie: string;
let clientId: string;
let born: string;
const actors: MatrixActor[] = [];
const calls: ActCall[] = [];

async function ok<T>(response: Promise<{ statusCode: number; body: string; json: <J>() => J }>, status = 201): Promise<T> {
  const r = await response;
  expect(r.statusCode, r.body).toBe(status);
  return r.json<T>();
}

beforeAll(async () => {
  h = await createHarness();
  holder = await h.employee({ role: 'care-professional' });
  holderCookie = await h.login(holder);
  clientId = await h.client({ age: 12, holder });
  const [client] = await h.database.db.query<{ birth_date: string }>('SELECT birth_date FROM formal.clients WHERE id = $1', [clientId]);
  born = client!.birth_date;
  const c = `/api/clients/${clientId}`;
  const post = <T>(url: string, body?: unknown, status = 201) =>
    ok<T>(h.request({ method: 'POST', url: `${c}${url}`, cookie: holderCookie, ...(body === undefined ? {} : { body }) }), status);

  // Who is who for this client.
  const person = async (name: string, role: TestEmployee['role'], employee: Employee, relation?: 'member' | 'substitute' | 'intern') => {
    const e = await h.employee({ role });
    if (relation !== undefined) await h.relate(clientId, e, relation);
    actors.push({ name, cookie: await h.login(e), id: e.id, employee, actingFor: ActingFor.nobody, headers: {} });
    return e;
  };
  actors.push({ name: 'holder', cookie: holderCookie, id: holder.id, employee: Employee.holder, actingFor: ActingFor.nobody, headers: {} });
  const member = await person('member', 'care-professional', Employee.member, 'member');
  await person('substitute', 'care-professional', Employee.substitute, 'substitute');
  await person('intern', 'intern', Employee.intern, 'intern');
  await person('professional without relation', 'care-professional', Employee.professionalWithoutRelation);
  await person('intern without relation', 'intern', Employee.withoutRelation);
  const staff = await h.employee({ role: 'admin-staff' });
  const staffCookie = await h.login(staff);
  actors.push({ name: 'admin staff', cookie: staffCookie, id: staff.id, employee: Employee.adminStaff, actingFor: ActingFor.nobody, headers: {} });
  actors.push({ name: 'admin staff for a member', cookie: staffCookie, id: staff.id, employee: Employee.adminStaff, actingFor: ActingFor.involved, headers: { [ACTING_FOR_HEADER]: member.id } });
  actors.push({ name: 'admin staff for the holder', cookie: staffCookie, id: staff.id, employee: Employee.adminStaff, actingFor: ActingFor.holder, headers: { [ACTING_FOR_HEADER]: holder.id } });
  await person('manager', 'manager', Employee.manager);
  await person('privacy officer', 'privacy-officer', Employee.privacyOfficer);
  await person('application administrator', 'application-administrator', Employee.applicationAdministrator);

  // One of everything the acts work on, made by the holder.
  const entry = await post<{ id: string }>('/entries', { kind: 'conversation-report', text: 'Gesprek met moeder.', source: { kind: 'client' } });
  const parent = await post<{ id: string }>('/relations', {
    relation: 'parent', hasCustody: true, custodyKind: 'two-headed-parental', custodyEstablishedBy: 'by-law-marriage', familyName: 'Ouder', givenNames: 'Anna',
    establishedHow: 'gezagsregister geraadpleegd', validFrom: '2026-01-05',
  });
  const consent = await post<{ id: string }>('/consents', { kind: 'care', givenBy: 'client', givenOn: '2026-01-05', informationGiven: 'Uitleg over de hulp.' });
  const transferConsent = await post<{ id: string }>('/consents', {
    kind: 'disclosure', givenBy: 'client', givenOn: '2026-11-20', informationGiven: 'Uitleg overdracht.', recipient: 'Opvolger', purpose: 'Voortzetting', dataDescription: 'Dossier',
  });
  const agreement = await post<{ id: string }>('/agreements', { agreement: 'no-conversation-reports-to-parents', agreedOn: '2026-01-05' });
  const shielding = await post<{ id: string }>(`/entries/${entry.id}/shieldings`, { kind: 'about-another-person', reason: 'Gaat over een ander' });
  const copy = await post<{ id: string }>('/requests', { kind: 'copy', requesterRelationId: parent.id, channel: 'written', receivedOn: '2026-11-20', details: 'Kopie.' });
  const destroy = await post<{ id: string }>('/requests', { kind: 'destroy', channel: 'written', receivedOn: '2026-11-20', details: 'Vernietig mijn dossier.' });
  const facts = await post<{ facts: { id: string }[] }>('/access-facts', { fact: 'client-objects-to-interns' });
  const factId = facts.facts[0]!.id;
  const colleague = await h.employee({ role: 'care-professional' });

  calls.push(
    { act: Act.registerRequest, method: 'POST', url: `${c}/requests`, body: { kind: 'destroy', channel: 'written', receivedOn: '2026-11-21', details: 'Vernietig.' } },
    { act: Act.registerRequest, method: 'POST', url: `${c}/requests/${copy.id}/identity-check`, body: { documentType: 'passport' } },
    { act: Act.decideRequest, method: 'POST', url: `${c}/requests/${destroy.id}/decision`, body: { outcome: 'granted', reasons: 'Geen grond om te weigeren.' } },
    { act: Act.decideRequest, method: 'POST', url: `${c}/requests/${copy.id}/extend`, body: { noticeSentOn: '2026-11-21', reasons: 'Het dossier is groot.' } },
    { act: Act.fulfilRequest, kind: 'destroy', kindInService: true, method: 'POST', url: `${c}/requests/${destroy.id}/fulfil`, body: {} },
    { act: Act.fulfilRequest, kind: 'copy', kindInService: true, method: 'POST', url: `${c}/requests/${copy.id}/fulfil`, body: {} },
    { act: Act.fulfilRequest, kind: 'copy', method: 'POST', url: `${c}/requests/${copy.id}/download-links` },
    { act: Act.shield, method: 'POST', url: `${c}/entries/${entry.id}/shieldings`, body: { kind: 'about-another-person', reason: 'Over een ander' } },
    { act: Act.shield, method: 'POST', url: `${c}/contact-data/shieldings`, body: { shieldedFrom: [parent.id], reason: 'Geheim adres' } },
    { act: Act.liftShielding, method: 'POST', url: `${c}/shieldings/${shielding.id}/lift`, body: { reason: 'Niet meer nodig.' } },
    { act: Act.liftShielding, method: 'POST', url: `${c}/shieldings/${shielding.id}/other-person-consent` },
    { act: Act.registerRelation, method: 'POST', url: `${c}/relations`, body: { relation: 'parent', hasCustody: false, familyName: 'Vader', givenNames: 'Bert', establishedHow: 'geboorteakte', validFrom: '2026-01-05' } },
    {
      act: Act.recordCustody, method: 'POST', url: `${c}/relations`,
      body: { relation: 'guardian', hasCustody: true, custodyKind: 'guardianship', custodyEstablishedBy: 'guardianship-order', familyName: 'Voogd', givenNames: 'V.', establishedHow: 'beschikking gezien', validFrom: '2026-01-05' },
    },
    { act: Act.endRelation, method: 'POST', url: `${c}/relations/${parent.id}/end`, body: { validTo: '2026-11-22' } },
    { act: Act.recordConsent, method: 'POST', url: `${c}/consents`, body: { kind: 'care', givenBy: 'client', givenOn: '2026-01-05', informationGiven: 'Uitleg.' } },
    { act: Act.withdrawConsent, method: 'POST', url: `${c}/consents/${consent.id}/withdraw`, body: { withdrawnBy: 'client' } },
    { act: Act.makeAgreement, method: 'POST', url: `${c}/agreements`, body: { agreement: 'no-conversation-reports-to-parents', agreedOn: '2026-02-01' } },
    { act: Act.endAgreement, method: 'POST', url: `${c}/agreements/${agreement.id}/end` },
    {
      act: Act.assessCompetence, method: 'POST', url: `${c}/competence-assessments`,
      body: { matter: 'dossier-rights', competent: true, assessedOn: '2026-11-01', facts: 'Overziet de gevolgen.', expertConsulted: 'GZ-psycholoog' },
    },
    {
      act: Act.transfer, method: 'POST', url: `${c}/transfer`,
      body: { recipient: 'Opvolger', recipientKind: 'successor-provider', consentId: transferConsent.id, transferredOn: '2026-11-21', clientToldBeforehand: true },
    },
    {
      act: Act.recordDisclosure, method: 'POST', url: `${c}/disclosures`,
      body: { recipient: 'Gemeente', basis: 'municipality-billing', part: 'administrative-data', what: 'Declaratie', disclosedOn: '2026-11-21', clientToldBeforehand: true },
    },
    { act: Act.changeCareTeam, method: 'POST', url: `${c}/care-team`, body: { employeeId: colleague.id, relation: 'member', startsOn: '2026-02-01' } },
    { act: Act.changeCareTeam, method: 'POST', url: `${c}/care-team/hand-over`, body: { employeeId: colleague.id, holderFrom: '2026-12-01', formerHolderStays: true } },
    // Ending care closes the team and starts the retention period (issue 15 item 4): the holder or a manager.
    { act: Act.endCare, method: 'POST', url: `${c}/end-of-care`, body: { endedOn: '2026-11-20', reason: 'goals-reached' } },
    { act: Act.recordObjection, method: 'POST', url: `${c}/access-facts`, body: { fact: 'client-objects-to-interns' } },
    { act: Act.withdrawObjection, method: 'POST', url: `${c}/access-facts/${factId}/withdraw` },
    { act: Act.recordDeath, method: 'POST', url: `${c}/death`, body: { diedOn: '2026-11-21' } },
    { act: Act.endRestriction, method: 'POST', url: `${c}/processing-restriction/end`, body: { reason: 'Juistheid gecontroleerd.', clientInformedOn: '2026-11-21' } },
    { act: Act.keepForGoodCare, method: 'PUT', url: `${c}/retention/good-care`, body: { until: '2090-01-01', reason: 'Later nodig voor de zorg.' } },
    // Releasing entries to the client portal (issue 19 item 2): the holder alone.
    { act: Act.releaseToPortal, method: 'POST', url: `${c}/entries/${entry.id}/portal-release`, body: { decision: 'release' } },
    {
      act: Act.withholdFromPortal, method: 'POST', url: `${c}/entries/${entry.id}/portal-release`,
      body: { decision: 'withhold', ground: 'serious-harm', consultedEmployeeId: colleague.id, reason: 'Eerst bespreken met de jongere.' },
    },
    // Inviting the client (12) to the portal (issue 19 item 1): the care team, administrative staff for the holder.
    { act: Act.inviteToPortal, method: 'POST', url: `${c}/portal-invitations`, body: { identityCheck: { documentType: 'passport' } } },
  );
}, 300_000); // twelve log-ins (argon2id) and a fresh database
afterAll(async () => h?.close());

function expected(call: ActCall, actor: MatrixActor) {
  const input: ActInput = { act: call.act, employee: actor.employee, actingFor: actor.actingFor, on: ON, client: { born } };
  if (call.kind === undefined) return decideAct(input);
  if (call.kindInService === true) {
    const atGate = decideAct(input);
    if (atGate.outcome !== 'allow') return atGate;
  }
  return decideAct({ ...input, requestKind: call.kind });
}

describe('acts × actors through HTTP', () => {
  it('refuses every actor the engine refuses, per act, with 403, the engine\'s explanation and articles, and a denied log row naming the act', async () => {
    let refusals = 0;
    for (const call of calls) {
      for (const actor of actors) {
        const decision = expected(call, actor);
        if (decision.outcome === 'allow') continue;
        const label = `${actor.name} → ${call.act}${call.kind === undefined ? '' : ` (${call.kind})`}: ${call.method} ${call.url}`;
        const response = await h.request({ method: call.method, url: call.url, cookie: actor.cookie, headers: actor.headers, ...(call.body === undefined ? {} : { body: call.body }) });
        expect(response.statusCode, `${label}: ${response.body}`).toBe(403);
        expect(response.headers['content-type'], label).toContain('application/problem+json');
        const problem = response.json<{ nl: string; basis: string[] }>();
        expect(problem.nl, label).toBe(decision.explanation);
        expect(problem.basis, label).toEqual([...decision.basis]);
        const [row] = await h.database.db.query<{ outcome: string; employee_id: string; action: string }>(
          'SELECT outcome, employee_id, action FROM audit.access_log ORDER BY seq DESC LIMIT 1');
        expect(row, label).toEqual({ outcome: 'denied', employee_id: actor.id, action: call.act });
        refusals += 1;
      }
    }
    expect(refusals).toBeGreaterThan(150);
  }, 300_000);
});

describe('issue 14 reproductions: an intern or a team member changes no rights', () => {
  let client: string;
  let intern: { cookie: string; id: string };
  let memberCookie: string;
  const url = (path: string) => `/api/clients/${client}${path}`;

  beforeAll(async () => {
    client = await h.client({ age: 14, holder });
    const i = await h.employee({ role: 'intern' });
    await h.relate(client, i, 'intern');
    intern = { cookie: await h.login(i), id: i.id };
    const m = await h.employee({ role: 'care-professional' });
    await h.relate(client, m, 'member');
    memberCookie = await h.login(m);
    await ok(h.request({ method: 'POST', url: url('/entries'), cookie: holderCookie, body: { kind: 'plan', text: 'Plan van aanpak.', source: { kind: 'client' } } }));
  }, 120_000);

  async function refusedWithEngine(response: { statusCode: number; body: string; json: <J>() => J }, act: Act, employee: Employee, kind?: RequestKindWord) {
    expect(response.statusCode, response.body).toBe(403);
    const decision = decideAct({ act, employee, on: ON, client: { born: '2012-03-15' }, ...(kind === undefined ? {} : { requestKind: kind }) });
    expect(response.json<{ nl: string }>().nl).toBe(decision.explanation);
    const [row] = await h.database.db.query<{ outcome: string; action: string }>('SELECT outcome, action FROM audit.access_log ORDER BY seq DESC LIMIT 1');
    expect(row).toEqual({ outcome: 'denied', action: act });
  }

  it('an intern registers a destroy request but may neither decide it nor carry it out; the dossier stays (Jeugdwet 7.3.9; 003 §2.3.6)', async () => {
    const request = await ok<{ id: string }>(h.request({
      method: 'POST', url: url('/requests'), cookie: intern.cookie, body: { kind: 'destroy', channel: 'written', receivedOn: '2026-11-21', details: 'Vernietig alles.' },
    }));
    await refusedWithEngine(await h.request({
      method: 'POST', url: url(`/requests/${request.id}/decision`), cookie: intern.cookie, body: { outcome: 'granted', reasons: 'Geen grond om te weigeren.' },
    }), Act.decideRequest, Employee.intern);
    // Even once the holder granted it, carrying it out is not the intern's.
    await ok(h.request({ method: 'POST', url: url(`/requests/${request.id}/decision`), cookie: holderCookie, body: { outcome: 'granted', reasons: 'Geen grond om te weigeren.' } }), 200);
    // The intern is refused at the gate: fulfilling a request of any kind is not an intern's.
    await refusedWithEngine(await h.request({ method: 'POST', url: url(`/requests/${request.id}/fulfil`), cookie: intern.cookie, body: {} }), Act.fulfilRequest, Employee.intern);
    // A member passes the gate (members hand over copies) but not the destruction itself: refused per kind, logged.
    await refusedWithEngine(await h.request({ method: 'POST', url: url(`/requests/${request.id}/fulfil`), cookie: memberCookie, body: {} }), Act.fulfilRequest, Employee.member, 'destroy');
    const read = await h.request({ method: 'GET', url: url('/entries'), cookie: holderCookie });
    expect(read.statusCode, read.body).toBe(200);
    const [key] = await h.database.db.query<{ n: string }>('SELECT count(*) AS n FROM care.client_keys WHERE client_id = $1', [client]);
    expect(Number(key!.n)).toBe(1);
  });

  it('an intern cannot lift a shielding the holder set (Jeugdwet 7.3.10)', async () => {
    const [entry] = await h.database.db.query<{ id: string }>('SELECT id FROM care.entries WHERE client_id = $1 LIMIT 1', [client]);
    const shielding = await ok<{ id: string }>(h.request({
      method: 'POST', url: url(`/entries/${entry!.id}/shieldings`), cookie: holderCookie, body: { kind: 'about-another-person', reason: 'Gaat over de vader' },
    }));
    await refusedWithEngine(await h.request({
      method: 'POST', url: url(`/shieldings/${shielding.id}/lift`), cookie: intern.cookie, body: { reason: 'Mag weer zichtbaar.' },
    }), Act.liftShielding, Employee.intern);
    const list = await ok<{ shieldings: { id: string }[] }>(h.request({ method: 'GET', url: url('/shieldings'), cookie: holderCookie }), 200);
    expect(list.shieldings.map((s) => s.id)).toContain(shielding.id);
  });

  it('an intern cannot transfer the dossier to another provider (003 §2.2.8)', async () => {
    const consent = await ok<{ id: string }>(h.request({
      method: 'POST', url: url('/consents'), cookie: holderCookie,
      body: { kind: 'disclosure', givenBy: 'client', givenOn: '2026-11-20', informationGiven: 'Uitleg overdracht.', recipient: 'Opvolger', purpose: 'Voortzetting', dataDescription: 'Dossier' },
    }));
    await refusedWithEngine(await h.request({
      method: 'POST', url: url('/transfer'), cookie: intern.cookie,
      body: { recipient: 'Opvolger', recipientKind: 'successor-provider', consentId: consent.id, transferredOn: '2026-11-21', clientToldBeforehand: true },
    }), Act.transfer, Employee.intern);
    const transfer = await ok<{ transfer: unknown }>(h.request({ method: 'GET', url: url('/transfer'), cookie: holderCookie }), 200);
    expect(transfer.transfer).toBeNull();
  });

  it('a team member cannot add a custodian (003 §2.3.5: custody is established by the holder)', async () => {
    await refusedWithEngine(await h.request({
      method: 'POST', url: url('/relations'), cookie: memberCookie,
      body: { relation: 'parent', hasCustody: true, custodyKind: 'single-headed-parental', custodyEstablishedBy: 'by-law-mother', familyName: 'Ouder', givenNames: 'Kim', establishedHow: 'gezegd door moeder', validFrom: '2026-01-05' },
    }), Act.recordCustody, Employee.member);
  });

  it('custody is recorded only with how it was established, never assumed (003 §2.3.5; migration 0048)', async () => {
    const missing = await h.request({
      method: 'POST', url: url('/relations'), cookie: holderCookie,
      body: { relation: 'parent', hasCustody: true, custodyKind: 'single-headed-parental', familyName: 'Ouder', givenNames: 'Kim', establishedHow: 'gezagsregister', validFrom: '2026-01-05' },
    });
    expect(missing.statusCode, missing.body).toBe(400);
    expect(missing.json<{ field: string; nl: string }>()).toMatchObject({ field: 'custodyEstablishedBy' });
    const staff = await h.employee({ role: 'admin-staff' });
    const staffCookie = await h.login(staff);
    const custody = { relation: 'parent', hasCustody: true, custodyKind: 'single-headed-parental', custodyEstablishedBy: 'by-law-mother', familyName: 'Ouder', givenNames: 'Kim', establishedHow: 'gezagsregister geraadpleegd', validFrom: '2026-01-05' };
    // Administrative staff on their own are refused; acting for the holder they record it.
    await refusedWithEngine(await h.request({ method: 'POST', url: url('/relations'), cookie: staffCookie, body: custody }), Act.recordCustody, Employee.adminStaff);
    const recorded = await h.request({ method: 'POST', url: url('/relations'), cookie: staffCookie, headers: { [ACTING_FOR_HEADER]: holder.id }, body: custody });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const [row] = await h.database.db.query<{ custody_established_by: string }>('SELECT custody_established_by FROM formal.client_relations WHERE id = $1', [recorded.json<{ id: string }>().id]);
    expect(row!.custody_established_by).toBe('by-law-mother');
  });

  it('an intern can neither withdraw a consent nor end a start-of-care agreement (AVG 7(3); Jeugdwet 7.3.11)', async () => {
    const consent = await ok<{ id: string }>(h.request({ method: 'POST', url: url('/consents'), cookie: holderCookie, body: { kind: 'care', givenBy: 'client', givenOn: '2026-01-05', informationGiven: 'Uitleg.' } }));
    await refusedWithEngine(await h.request({ method: 'POST', url: url(`/consents/${consent.id}/withdraw`), cookie: intern.cookie, body: { withdrawnBy: 'client' } }), Act.withdrawConsent, Employee.intern);
    const agreement = await ok<{ id: string }>(h.request({ method: 'POST', url: url('/agreements'), cookie: holderCookie, body: { agreement: 'no-conversation-reports-to-parents', agreedOn: '2026-01-05' } }));
    await refusedWithEngine(await h.request({ method: 'POST', url: url(`/agreements/${agreement.id}/end`), cookie: intern.cookie }), Act.endAgreement, Employee.intern);
    const agreements = await ok<{ agreements: { id: string; endedOn: string | null }[] }>(h.request({ method: 'GET', url: url('/agreements'), cookie: holderCookie }), 200);
    expect(agreements.agreements.find((a) => a.id === agreement.id)?.endedOn).toBeNull();
  });
});
