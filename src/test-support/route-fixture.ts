/**
 * A client with one of everything (entry, care-team member, recorded fact,
 * emergency access) and a valid request for every /api route, so tests can
 * walk all routes: the route-hook test and the authorisation matrix. A new
 * route must get its call here, or those tests fail.
 */
import type { Harness, TestEmployee } from './harness.js';

export interface RouteCall {
  url: string;
  body?: unknown;
}

export interface RouteFixture {
  holder: TestEmployee;
  holderCookie: string;
  clientId: string;
  /** Valid calls by route name (`METHOD /pattern`). */
  calls: Record<string, RouteCall>;
}

export async function createRouteFixture(h: Harness): Promise<RouteFixture> {
  const holder = await h.employee({ role: 'care-professional' });
  const cookie = await h.login(holder);
  const clientId = await h.client({ age: 12, holder });
  const created = await h.request({ method: 'POST', url: `/api/clients/${clientId}/entries`, cookie, body: { kind: 'plan', text: 'eerste', source: { kind: 'client' } } });
  const entryId = created.json<{ id: string }>().id;
  const colleagueId = (await h.employee({ role: 'care-professional' })).id;
  const member = await h.request({ method: 'POST', url: `/api/clients/${clientId}/care-team`, cookie, body: { employeeId: (await h.employee({ role: 'care-professional' })).id, relation: 'substitute', startsOn: '2026-01-05' } });
  const memberId = member.json<{ id: string }>().id;
  const fact = await h.request({ method: 'POST', url: `/api/clients/${clientId}/access-facts`, cookie, body: { fact: 'client-objects-to-interns' } });
  const factId = fact.json<{ facts: { id: string }[] }>().facts[0]!.id;
  const relation = await h.request({ method: 'POST', url: `/api/clients/${clientId}/relations`, cookie, body: { relation: 'parent', hasCustody: true, custodyKind: 'two-headed-parental', familyName: 'Ouder', givenNames: 'Anna', establishedHow: 'gezagsregister', validFrom: '2026-01-05' } });
  const relationId = relation.json<{ id: string }>().id;
  const agreement = await h.request({ method: 'POST', url: `/api/clients/${clientId}/agreements`, cookie, body: { agreement: 'no-conversation-reports-to-parents', agreedOn: '2026-01-05' } });
  const agreementId = agreement.json<{ id: string }>().id;
  const consent = await h.request({ method: 'POST', url: `/api/clients/${clientId}/consents`, cookie, body: { kind: 'care', givenBy: 'client', givenOn: '2026-01-05', informationGiven: 'Folder en gesprek over de hulp.' } });
  const consentId = consent.json<{ id: string }>().id;
  const clientRequest = await h.request({ method: 'POST', url: `/api/clients/${clientId}/requests`, cookie, body: { kind: 'copy', requesterRelationId: relationId, channel: 'written', receivedOn: '2026-11-20', details: 'Kopie van het plan.' } });
  const requestId = clientRequest.json<{ id: string }>().id;
  const shielding = await h.request({ method: 'POST', url: `/api/clients/${clientId}/entries/${entryId}/shieldings`, cookie, body: { kind: 'about-another-person', reason: 'Gaat over een ander' } });
  const shieldingId = shielding.json<{ id: string }>().id;
  const outsider = await h.login(await h.employee({ role: 'care-professional' }));
  await h.request({ method: 'POST', url: `/api/clients/${clientId}/emergency-access`, cookie: outsider, body: { reason: 'Crisis: contactgegevens nodig.' } });
  const [grant] = await h.database.db.query<{ id: string }>('SELECT id FROM org.emergency_accesses WHERE client_id = $1', [clientId]);

  const c = `/api/clients/${clientId}`;
  const calls: Record<string, RouteCall> = {
    'GET /api/clients': { url: '/api/clients' },
    'POST /api/clients': { url: '/api/clients', body: { familyName: 'Nieuw', givenNames: 'Kim', birthDate: '2015-01-01', gender: 'unknown', streetAddress: 'Straat 1', postcode: '1234 AB', town: 'Stad' } },
    'GET /api/clients/:clientId': { url: c },
    'GET /api/clients/:clientId/entries': { url: `${c}/entries?limit=5` },
    'POST /api/clients/:clientId/entries': { url: `${c}/entries`, body: { kind: 'plan', text: 'plan', source: { kind: 'care-professional' } } },
    'GET /api/clients/:clientId/entries/:entryId': { url: `${c}/entries/${entryId}` },
    'POST /api/clients/:clientId/entries/:entryId/annotations': { url: `${c}/entries/${entryId}/annotations`, body: { kind: 'addition', reason: 'aanvulling' } },
    'PUT /api/clients/:clientId/entries/:entryId': { url: `${c}/entries/${entryId}`, body: { text: 'x' } },
    'PATCH /api/clients/:clientId/entries/:entryId': { url: `${c}/entries/${entryId}`, body: { text: 'x' } },
    'DELETE /api/clients/:clientId/entries/:entryId': { url: `${c}/entries/${entryId}` },
    'GET /api/clients/:clientId/care-team': { url: `${c}/care-team` },
    'POST /api/clients/:clientId/care-team': { url: `${c}/care-team`, body: { employeeId: colleagueId, relation: 'member', startsOn: '2026-02-01' } },
    'POST /api/clients/:clientId/care-team/:memberId/end': { url: `${c}/care-team/${memberId}/end`, body: { endsOn: '2026-11-22' } },
    'GET /api/clients/:clientId/access-facts': { url: `${c}/access-facts` },
    'POST /api/clients/:clientId/access-facts': { url: `${c}/access-facts`, body: { fact: 'client-objects-to-interns' } },
    'POST /api/clients/:clientId/access-facts/:factId/withdraw': { url: `${c}/access-facts/${factId}/withdraw` },
    'POST /api/clients/:clientId/emergency-access': { url: `${c}/emergency-access`, body: { reason: 'Crisis: de cliënt is vermist, contactgegevens nodig.' } },
    'GET /api/clients/:clientId/emergency-summary': { url: `${c}/emergency-summary` },
    'PUT /api/clients/:clientId/emergency-summary': { url: `${c}/emergency-summary`, body: { medication: 'geen', keyContacts: 'moeder', knownRisks: 'geen' } },
    'GET /api/clients/:clientId/access-log': { url: `${c}/access-log` },
    'POST /api/clients/:clientId/relations': { url: `${c}/relations`, body: { relation: 'parent', hasCustody: false, familyName: 'Vader', givenNames: 'Bert', establishedHow: 'gezagsregister', validFrom: '2026-01-05' } },
    'POST /api/clients/:clientId/relations/:relationId/end': { url: `${c}/relations/${relationId}/end`, body: { validTo: '2026-11-22' } },
    'GET /api/clients/:clientId/competence-assessments': { url: `${c}/competence-assessments` },
    'POST /api/clients/:clientId/competence-assessments': { url: `${c}/competence-assessments`, body: { matter: 'dossier-rights', competent: true, assessedOn: '2026-11-01', facts: 'Overziet de gevolgen.', expertConsulted: 'GZ-psycholoog' } },
    'GET /api/clients/:clientId/agreements': { url: `${c}/agreements` },
    'POST /api/clients/:clientId/agreements': { url: `${c}/agreements`, body: { agreement: 'no-conversation-reports-to-parents', agreedOn: '2026-01-05' } },
    'POST /api/clients/:clientId/agreements/:agreementId/end': { url: `${c}/agreements/${agreementId}/end` },
    'GET /api/clients/:clientId/consents': { url: `${c}/consents` },
    'GET /api/clients/:clientId/care-consent': { url: `${c}/care-consent` },
    'POST /api/clients/:clientId/consents': { url: `${c}/consents`, body: { kind: 'care', givenBy: 'client', givenOn: '2026-01-05', informationGiven: 'Uitleg gegeven.' } },
    'POST /api/clients/:clientId/consents/:consentId/withdraw': { url: `${c}/consents/${consentId}/withdraw` },
    'GET /api/clients/:clientId/requests': { url: `${c}/requests` },
    'POST /api/clients/:clientId/requests': { url: `${c}/requests`, body: { kind: 'inspect', channel: 'in-person', receivedOn: '2026-11-21', details: 'Inzage.' } },
    'GET /api/clients/:clientId/requests/:requestId': { url: `${c}/requests/${requestId}` },
    'POST /api/clients/:clientId/requests/:requestId/consent': { url: `${c}/requests/${requestId}/consent` },
    'POST /api/clients/:clientId/requests/:requestId/extend': { url: `${c}/requests/${requestId}/extend`, body: { noticeSentOn: '2026-11-21' } },
    'POST /api/clients/:clientId/requests/:requestId/decision': { url: `${c}/requests/${requestId}/decision`, body: { outcome: 'granted', reasons: '' } },
    'POST /api/clients/:clientId/requests/:requestId/fulfil': { url: `${c}/requests/${requestId}/fulfil`, body: {} },
    'GET /api/requests': { url: '/api/requests' },
    'GET /api/clients/:clientId/shieldings': { url: `${c}/shieldings` },
    'POST /api/clients/:clientId/entries/:entryId/shieldings': { url: `${c}/entries/${entryId}/shieldings`, body: { kind: 'about-another-person', reason: 'Over een ander' } },
    'POST /api/clients/:clientId/shieldings/:shieldingId/other-person-consent': { url: `${c}/shieldings/${shieldingId}/other-person-consent` },
    'POST /api/clients/:clientId/shieldings/:shieldingId/lift': { url: `${c}/shieldings/${shieldingId}/lift` },
    'GET /api/clients/:clientId/requests/:requestId/view': { url: `${c}/requests/${requestId}/view` },
    'GET /api/clients/:clientId/requests/:requestId/letter.pdf': { url: `${c}/requests/${requestId}/letter.pdf` },
    'GET /api/clients/:clientId/requests/:requestId/copy.pdf': { url: `${c}/requests/${requestId}/copy.pdf` },
    'GET /api/privacy/emergency-reviews': { url: '/api/privacy/emergency-reviews' },
    'POST /api/privacy/emergency-reviews/:id': { url: `/api/privacy/emergency-reviews/${grant!.id}`, body: { justified: true } },
    'GET /api/privacy/unusual-access': { url: '/api/privacy/unusual-access' },
    'GET /api/clients/:clientId/disclosures': { url: `${c}/disclosures` },
    'POST /api/clients/:clientId/disclosures': { url: `${c}/disclosures`, body: { recipient: 'Gemeente', basis: 'municipality-billing', part: 'administrative-data', what: 'Declaratie', disclosedOn: '2026-11-21', clientToldBeforehand: true } },
    'GET /api/privacy/disclosures': { url: '/api/privacy/disclosures' },
  };
  return { holder, holderCookie: cookie, clientId, calls };
}
