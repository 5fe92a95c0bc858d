/**
 * A client with one of everything (entry, care-team member, recorded fact,
 * emergency access) and a valid request for every /api route, so tests can
 * walk all routes: the route-hook test and the authorisation matrix. A new
 * route must get its call here, or those tests fail.
 */
import { ensureTeam } from '../organisation/organisation-service.js';
import type { Harness, TestEmployee } from './harness.js';
import { createPortalLogin, portalRequest } from './portal-fixture.js';
import { PDF } from './sample-files.js';

export interface RouteCall {
  url: string;
  body?: unknown;
}

export interface RouteFixture {
  holder: TestEmployee;
  holderCookie: string;
  clientId: string;
  /** A parent's portal session (`dw_portal=…`), for the routes under /api/portal/ (issue 19). */
  portalCookie: string;
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
  const relation = await h.request({ method: 'POST', url: `/api/clients/${clientId}/relations`, cookie, body: { relation: 'parent', hasCustody: true, custodyEstablishedBy: 'by-law-marriage', custodyKind: 'two-headed-parental', familyName: 'Ouder', givenNames: 'Anna', establishedHow: 'gezagsregister', validFrom: '2026-01-05' } });
  const relationId = relation.json<{ id: string }>().id;
  // A parent writes to the care team through the portal (issue 19 item 6), so the team's message routes have a thread.
  const parentPortal = await createPortalLogin(h, { clientId, relationId, createdBy: holder });
  const portalMessage = (await portalRequest(h, { method: 'POST', url: '/api/portal/messages', cookie: parentPortal.cookie, body: {
    text: 'Vraag van de ouder', attachment: { name: 'brief.pdf', contentBase64: PDF.toString('base64') },
  } })).json<{ id: string; attachments: { id: string }[] }>();
  const agreement = await h.request({ method: 'POST', url: `/api/clients/${clientId}/agreements`, cookie, body: { agreement: 'no-conversation-reports-to-parents', agreedOn: '2026-01-05' } });
  const agreementId = agreement.json<{ id: string }>().id;
  const consent = await h.request({ method: 'POST', url: `/api/clients/${clientId}/consents`, cookie, body: { kind: 'care', givenBy: 'client', givenOn: '2026-01-05', informationGiven: 'Folder en gesprek over de hulp.' } });
  const consentId = consent.json<{ id: string }>().id;
  const clientRequest = await h.request({ method: 'POST', url: `/api/clients/${clientId}/requests`, cookie, body: { kind: 'copy', requesterRelationId: relationId, channel: 'written', receivedOn: '2026-11-20', details: 'Kopie van het plan.' } });
  const requestId = clientRequest.json<{ id: string }>().id;
  const portability = await h.request({ method: 'POST', url: `/api/clients/${clientId}/requests`, cookie, body: { kind: 'portability', channel: 'electronic', receivedOn: '2026-11-20', details: 'Mijn gegevens.' } });
  const portabilityId = portability.json<{ id: string }>().id;
  await h.request({ method: 'POST', url: `/api/clients/${clientId}/requests/${portabilityId}/decision`, cookie, body: { outcome: 'granted', reasons: '' } });
  const shielding = await h.request({ method: 'POST', url: `/api/clients/${clientId}/entries/${entryId}/shieldings`, cookie, body: { kind: 'about-another-person', reason: 'Gaat over een ander' } });
  const shieldingId = shielding.json<{ id: string }>().id;
  const outsider = await h.login(await h.employee({ role: 'care-professional' }));
  await h.request({ method: 'POST', url: `/api/clients/${clientId}/emergency-access`, cookie: outsider, body: { reason: 'Crisis: contactgegevens nodig.' } });
  const [grant] = await h.database.db.query<{ id: string }>('SELECT id FROM org.emergency_accesses WHERE client_id = $1', [clientId]);
  const staffMember = (await h.employee({ role: 'intern' })).id;
  const teamId = await ensureTeam(h.database.db, h.organisationId, 'Team Noord');
  const admin = '/api/admin';
  const family = await h.request({ method: 'POST', url: '/api/families', cookie, body: { name: 'Gezin Fixture', memberIds: [clientId] } });
  const familyId = family.json<{ id: string }>().id;
  const siblingId = await h.client({ age: 8, holder });
  const registerHeaders = { cookie: await h.login(await h.employee({ role: 'manager' })) };
  const complaint = await h.request({ method: 'POST', url: '/api/registers/complaints', ...registerHeaders, body: { receivedOn: '2026-11-01', complainant: 'Een ouder', summary: 'Klacht over bejegening.' } });
  const incident = await h.request({ method: 'POST', url: '/api/registers/incidents', ...registerHeaders, body: { kind: 'calamity', occurredOn: '2026-11-01', clientIds: [clientId], description: 'Ernstig voorval.' } });
  const note = await h.request({ method: 'POST', url: `/api/clients/${clientId}/work-notes`, cookie, body: { text: 'Eigen geheugensteun' } });
  const noteId = note.json<{ id: string }>().id;
  const draftId = '00000000-0000-4000-8000-00000000d7af';
  const draft = { target: 'entry', fields: { kind: 'plan', text: 'Half geschreven' } };
  await h.request({ method: 'PUT', url: `/api/clients/${clientId}/drafts/${draftId}`, cookie, body: draft });

  // A second client, already transferred: the transfer routes are called on it, so the main client stays open for entries.
  const transferredId = await h.client({ age: 13, holder });
  const transferConsent = await h.request({ method: 'POST', url: `/api/clients/${transferredId}/consents`, cookie, body: {
    kind: 'disclosure', givenBy: 'client', givenOn: '2026-11-20', informationGiven: 'Uitleg overdracht.', recipient: 'Opvolger', purpose: 'Voortzetting', dataDescription: 'Dossier',
  } });
  const transferBody = { recipient: 'Opvolger', recipientKind: 'successor-provider', consentId: transferConsent.json<{ id: string }>().id, transferredOn: '2026-11-21', clientToldBeforehand: true };
  const transfer = await h.request({ method: 'POST', url: `/api/clients/${transferredId}/transfer`, cookie, body: transferBody });
  const transferId = transfer.json<{ id: string }>().id;
  const t = `/api/clients/${transferredId}`;
  // A third client for the end of care and the hand-over (issue 15 item 4), so the main client's team and care stay as they are.
  const endingId = await h.client({ age: 14, holder });
  const e = `/api/clients/${endingId}`;
  const c = `/api/clients/${clientId}`;
  const calls: Record<string, RouteCall> = {
    'GET /api/clients': { url: '/api/clients' },
    'POST /api/clients/search': { url: '/api/clients/search', body: { nameContains: 'ab' } },
    'POST /api/clients/find': { url: '/api/clients/find', body: { name: 'ab' } },
    'GET /api/exports/progress/:progressId': { url: `/api/exports/progress/${requestId}` },
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
    'GET /api/clients/:clientId/care-team/candidates': { url: `${c}/care-team/candidates` },
    'POST /api/clients/:clientId/care-team/hand-over': { url: `${e}/care-team/hand-over`, body: { employeeId: colleagueId, holderFrom: '2026-12-01', formerHolderStays: true } },
    'GET /api/clients/:clientId/end-of-care': { url: `${e}/end-of-care` },
    'POST /api/clients/:clientId/end-of-care': { url: `${e}/end-of-care`, body: { endedOn: '2026-11-20', reason: 'goals-reached' } },
    'PATCH /api/clients/:clientId/formal-data': { url: `${c}/formal-data`, body: { phone: '010 765 4321', reason: 'Gebeld' } },
    'GET /api/clients/:clientId/access-facts': { url: `${c}/access-facts` },
    'POST /api/clients/:clientId/access-facts': { url: `${c}/access-facts`, body: { fact: 'client-objects-to-interns' } },
    'POST /api/clients/:clientId/access-facts/:factId/withdraw': { url: `${c}/access-facts/${factId}/withdraw` },
    'POST /api/clients/:clientId/emergency-access': { url: `${c}/emergency-access`, body: { reason: 'Crisis: de cliënt is vermist, contactgegevens nodig.' } },
    'POST /api/clients/:clientId/emergency-access/:accessId/confirm': { url: `${c}/emergency-access/${grant!.id}/confirm` },
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
    'POST /api/clients/:clientId/consents/:consentId/withdraw': { url: `${c}/consents/${consentId}/withdraw`, body: { withdrawnBy: 'client' } },
    'GET /api/clients/:clientId/requests': { url: `${c}/requests` },
    'POST /api/clients/:clientId/requests': { url: `${c}/requests`, body: { kind: 'inspect', channel: 'in-person', receivedOn: '2026-11-21', details: 'Inzage.' } },
    'GET /api/clients/:clientId/requests/:requestId': { url: `${c}/requests/${requestId}` },
    'POST /api/clients/:clientId/requests/:requestId/identity-check': { url: `${c}/requests/${requestId}/identity-check`, body: { documentType: 'identity-card' } },
    'POST /api/clients/:clientId/requests/:requestId/consent': { url: `${c}/requests/${requestId}/consent`, body: { givenOn: '2026-11-20', how: 'in-person' } },
    'POST /api/clients/:clientId/requests/:requestId/extend': { url: `${c}/requests/${requestId}/extend`, body: { noticeSentOn: '2026-11-21', reasons: 'Het dossier is groot.' } },
    'POST /api/clients/:clientId/requests/:requestId/answer-received': { url: `${c}/requests/${requestId}/answer-received`, body: { receivedOn: '2026-11-21' } },
    'POST /api/clients/:clientId/requests/:requestId/decision': { url: `${c}/requests/${requestId}/decision`, body: { outcome: 'granted', reasons: '' } },
    'POST /api/clients/:clientId/requests/:requestId/confirm-destruction': { url: `${c}/requests/${requestId}/confirm-destruction` },
    'POST /api/clients/:clientId/requests/:requestId/fulfil': { url: `${c}/requests/${requestId}/fulfil`, body: {} },
    'POST /api/clients/:clientId/processing-restriction/end': { url: `${c}/processing-restriction/end`, body: { reason: 'Juistheid gecontroleerd.', clientInformedOn: '2026-11-21' } },
    'GET /api/requests': { url: '/api/requests' },
    'GET /api/clients/:clientId/shieldings': { url: `${c}/shieldings` },
    'POST /api/clients/:clientId/entries/:entryId/shieldings': { url: `${c}/entries/${entryId}/shieldings`, body: { kind: 'about-another-person', reason: 'Over een ander' } },
    'POST /api/clients/:clientId/shieldings/:shieldingId/other-person-consent': { url: `${c}/shieldings/${shieldingId}/other-person-consent` },
    'POST /api/clients/:clientId/shieldings/:shieldingId/lift': { url: `${c}/shieldings/${shieldingId}/lift`, body: { reason: 'Niet meer nodig.' } },
    'POST /api/clients/:clientId/contact-data/shieldings': { url: `${c}/contact-data/shieldings`, body: { shieldedFrom: [relationId], reason: 'Geheim adres' } },
    'GET /api/clients/:clientId/requests/:requestId/view': { url: `${c}/requests/${requestId}/view` },
    'GET /api/clients/:clientId/requests/:requestId/letter.pdf': { url: `${c}/requests/${requestId}/letter.pdf` },
    'GET /api/clients/:clientId/requests/:requestId/copy.pdf': { url: `${c}/requests/${requestId}/copy.pdf` },
    'POST /api/clients/:clientId/requests/:requestId/download-links': { url: `${c}/requests/${requestId}/download-links` },
    'GET /api/clients/:clientId/requests/:requestId/download-links': { url: `${c}/requests/${requestId}/download-links` },
    'POST /api/clients/:clientId/requests/:requestId/download-links/:linkId/revoke': { url: `${c}/requests/${requestId}/download-links/${requestId}/revoke` },
    'POST /api/clients/:clientId/death': { url: `${t}/death`, body: { diedOn: '2026-11-21' } },
    'GET /api/clients/:clientId/death': { url: `${t}/death` },
    'POST /api/clients/:clientId/death/corrections': { url: `${t}/death/corrections`, body: { correction: 'died-on', diedOn: '2026-11-20', establishedHow: 'brp' } },
    'GET /api/clients/:clientId/wishes-after-death': { url: `${c}/wishes-after-death` },
    'POST /api/clients/:clientId/wishes-after-death': { url: `${c}/wishes-after-death`, body: { wish: 'consented', expressedOn: '2026-06-01', expressedHow: 'in-writing' } },
    'POST /api/clients/:clientId/transfer': { url: `${t}/transfer`, body: transferBody },
    'GET /api/clients/:clientId/transfer': { url: `${t}/transfer` },
    'GET /api/clients/:clientId/transfers/:transferId/dossier.pdf': { url: `${t}/transfers/${transferId}/dossier.pdf` },
    'GET /api/clients/:clientId/transfers/:transferId/dossier.json': { url: `${t}/transfers/${transferId}/dossier.json` },
    'GET /api/clients/:clientId/transfers/:transferId/dossier.fhir.json': { url: `${t}/transfers/${transferId}/dossier.fhir.json` },
    'GET /api/clients/:clientId/requests/:requestId/portability.json': { url: `${c}/requests/${portabilityId}/portability.json` },
    'GET /api/clients/:clientId/requests/:requestId/portability.xlsx': { url: `${c}/requests/${portabilityId}/portability.xlsx` },
    'GET /api/clients/:clientId/requests/:requestId/portability.fhir.json': { url: `${c}/requests/${portabilityId}/portability.fhir.json` },
    // The same export in the portal (issue 19 item 4): the portal realm's, so only a portal session opens them (a staff one: 401).
    'GET /api/portal/requests/:requestId/export.json': { url: `/api/portal/requests/${portabilityId}/export.json` },
    'GET /api/portal/requests/:requestId/export.xlsx': { url: `/api/portal/requests/${portabilityId}/export.xlsx` },
    'GET /api/portal/requests/:requestId/export.fhir.json': { url: `/api/portal/requests/${portabilityId}/export.fhir.json` },
    'GET /api/portal/exports/progress/:progressId': { url: '/api/portal/exports/progress/6f0d9a52-3b7c-4d1e-9f2a-0c5b8e7d4a31' },
    'GET /api/privacy/emergency-reviews': { url: '/api/privacy/emergency-reviews' },
    'POST /api/privacy/emergency-reviews/:id': { url: `/api/privacy/emergency-reviews/${grant!.id}`, body: { justified: true } },
    'GET /api/privacy/unusual-access': { url: '/api/privacy/unusual-access' },
    // The privacy officer's desk (issue 15 item 8).
    'POST /api/privacy/access-log/clients': { url: '/api/privacy/access-log/clients', body: { name: 'Jansen' } },
    'GET /api/clients/:clientId/access-log/sessions': { url: `${c}/access-log/sessions` },
    'GET /api/clients/:clientId/access-log/export': { url: `${c}/access-log/export?format=csv` },
    'GET /api/privacy/requests': { url: '/api/privacy/requests' },
    'GET /api/caseload/signals': { url: '/api/caseload/signals' }, // issue 15 item 9
    'GET /api/clients/:clientId/disclosures': { url: `${c}/disclosures` },
    'POST /api/clients/:clientId/disclosures': { url: `${c}/disclosures`, body: { recipient: 'Gemeente', basis: 'municipality-billing', part: 'administrative-data', what: 'Declaratie', disclosedOn: '2026-11-21', clientToldBeforehand: true } },
    'GET /api/privacy/disclosures': { url: '/api/privacy/disclosures' },
    'GET /api/privacy/retention-reviews': { url: '/api/privacy/retention-reviews' },
    'POST /api/privacy/retention-reviews/:clientId/confirm': { url: `/api/privacy/retention-reviews/${clientId}/confirm` },
    'POST /api/privacy/retention-reviews/:clientId/hold': { url: `/api/privacy/retention-reviews/${clientId}/hold`, body: { reason: 'Nodig in een procedure' } },
    'POST /api/privacy/retention-reviews/:clientId/release': { url: `/api/privacy/retention-reviews/${clientId}/release` },
    'GET /api/privacy/retention-settings': { url: '/api/privacy/retention-settings' },
    'PUT /api/privacy/retention-settings': { url: '/api/privacy/retention-settings', body: { term: { kind: 'years-after-last-change', years: 25 }, reason: 'Na een OTS langer bewaren' } },
    'GET /api/privacy/retention/:clientId': { url: `/api/privacy/retention/${clientId}` },
    'PUT /api/privacy/retention/:clientId/good-care': { url: `/api/privacy/retention/${clientId}/good-care`, body: { until: '2090-01-01', reason: 'Seksueel misbruik: later nodig voor de zorg' } },
    'DELETE /api/privacy/retention/:clientId/good-care': { url: `/api/privacy/retention/${clientId}/good-care` },
    'PUT /api/clients/:clientId/retention/good-care': { url: `${c}/retention/good-care`, body: { until: '2090-01-01', reason: 'Seksueel misbruik: later nodig voor de zorg' } },
    'GET /api/privacy/retention-settings/incidents': { url: '/api/privacy/retention-settings/incidents' },
    'PUT /api/privacy/retention-settings/incidents': { url: '/api/privacy/retention-settings/incidents', body: { years: 7, reason: 'Lessen trekken uit calamiteiten' } },
    'GET /api/privacy/breaches': { url: '/api/privacy/breaches' },
    'POST /api/privacy/breaches': { url: '/api/privacy/breaches', body: { description: 'Laptop kwijt', discoveredAt: '2026-11-22T08:00:00+01:00', clientIds: [clientId], risk: 'risk' } },
    'PATCH /api/privacy/breaches/:id': { url: '/api/privacy/breaches/00000000-0000-4000-8000-000000000000', body: { risk: 'high-risk' } },
    'POST /api/clients/:clientId/work-notes': { url: `${c}/work-notes`, body: { text: 'Nog een geheugensteun' } },
    'GET /api/work-notes': { url: '/api/work-notes' },
    // Portal messages (issue 19 item 6): the parent's thread.
    'GET /api/clients/:clientId/messages': { url: `${c}/messages` },
    'POST /api/clients/:clientId/messages/:accountId': { url: `${c}/messages/${parentPortal.accountId}`, body: { text: 'Dank voor uw bericht.' } },
    'GET /api/clients/:clientId/messages/:messageId/attachments/:attachmentId': { url: `${c}/messages/${portalMessage.id}/attachments/${portalMessage.attachments[0]!.id}` },
    'GET /api/me/message-notifications': { url: '/api/me/message-notifications' },
    'PUT /api/me/message-notifications': { url: '/api/me/message-notifications', body: { email: 'hulpverlener@example.nl' } },
    'GET /api/clients/:clientId/drafts': { url: `${c}/drafts` },
    'PUT /api/clients/:clientId/drafts/:draftId': { url: `${c}/drafts/${draftId}`, body: draft },
    'DELETE /api/clients/:clientId/drafts/:draftId': { url: `${c}/drafts/${draftId}` },
    'GET /api/session/timeout': { url: '/api/session/timeout' },
    'DELETE /api/work-notes/:noteId': { url: `/api/work-notes/${noteId}` },
    'POST /api/work-notes/:noteId/move-into-dossier': { url: `/api/work-notes/${noteId}/move-into-dossier`, body: { kind: 'conversation-report', source: { kind: 'care-professional' } } },
    'GET /api/admin/employees': { url: `${admin}/employees` },
    'GET /api/admin/employees/:employeeId': { url: `${admin}/employees/${staffMember}` },
    'POST /api/admin/employees': { url: `${admin}/employees`, body: { username: 'nieuwe.collega', displayName: 'Nieuwe Collega', functionTitle: 'Jeugdhulpverlener', role: 'care-professional' } },
    // Releasing entries to the client portal (issue 19 item 2): the holder's acts.
    'GET /api/clients/:clientId/portal-releases': { url: `${c}/portal-releases` },
    'POST /api/clients/:clientId/entries/:entryId/portal-release': { url: `${c}/entries/${entryId}/portal-release`, body: { decision: 'release' } },
    // Inviting the client (12) to the portal after an identity check (issue 19 item 1).
    'POST /api/clients/:clientId/portal-invitations': { url: `${c}/portal-invitations`, body: { identityCheck: { documentType: 'passport' } } },
    'GET /api/clients/:clientId/portal-accounts': { url: `${c}/portal-accounts` },
    'PATCH /api/admin/employees/:employeeId': { url: `${admin}/employees/${staffMember}`, body: { functionTitle: 'Stagiair jeugdzorg' } },
    'POST /api/admin/employees/:employeeId/disable': { url: `${admin}/employees/${staffMember}/disable` },
    'POST /api/admin/employees/:employeeId/enable': { url: `${admin}/employees/${staffMember}/enable` },
    'POST /api/admin/employees/:employeeId/reset': { url: `${admin}/employees/${staffMember}/reset` },
    'GET /api/admin/teams': { url: `${admin}/teams` },
    'POST /api/admin/teams': { url: `${admin}/teams`, body: { name: 'Team Zuid' } },
    'PUT /api/admin/teams/:teamId/members/:employeeId': { url: `${admin}/teams/${teamId}/members/${staffMember}` },
    'DELETE /api/admin/teams/:teamId/members/:employeeId': { url: `${admin}/teams/${teamId}/members/${staffMember}` },
    // No such grant: the roles let through get 404, the others 403 before the grant is looked up.
    'GET /api/role-grants': { url: '/api/role-grants' },
    'POST /api/role-grants/:grantId/approve': { url: '/api/role-grants/00000000-0000-4000-8000-00000000feed/approve' },
    'POST /api/role-grants/:grantId/refuse': { url: '/api/role-grants/00000000-0000-4000-8000-00000000feed/refuse' },
    'GET /api/admin-log': { url: '/api/admin-log' },
    'GET /api/organisation/settings': { url: '/api/organisation/settings' },
    'PUT /api/organisation/settings': { url: '/api/organisation/settings', body: { emergencyAccessRoles: ['care-professional'], destructionSecondConfirmation: true } },
    'PUT /api/organisation/contact': { url: '/api/organisation/contact', body: { postalAddress: 'Postbus 12', postalCode: '3500 AA', place: 'Utrecht', phone: '030 123 4567', email: 'info@example.nl', website: 'www.example.nl' } },
    'POST /api/families': { url: '/api/families', body: { name: 'Gezin Twee', memberIds: [clientId] } },
    'GET /api/families/:familyId': { url: `/api/families/${familyId}` },
    'POST /api/families/:familyId/members': { url: `/api/families/${familyId}/members`, body: { clientId: siblingId } },
    'GET /api/families/:familyId/entries': { url: `/api/families/${familyId}/entries` },
    'POST /api/families/:familyId/entries': { url: `/api/families/${familyId}/entries`, body: { kind: 'family-plan', text: 'Gezinsplan' } },
    'GET /api/registers/complaints': { url: '/api/registers/complaints' },
    'POST /api/registers/complaints': { url: '/api/registers/complaints', body: { clientId, receivedOn: '2026-11-02', complainant: 'De cliënt', summary: 'Te laat teruggebeld.' } },
    'POST /api/registers/complaints/:id/close': { url: `/api/registers/complaints/${complaint.json<{ id: string }>().id}/close`, body: { closedOn: '2026-11-20', outcome: 'settled', resolution: 'Excuses aangeboden.' } },
    'GET /api/registers/incidents': { url: '/api/registers/incidents' },
    'GET /api/registers/quality-audits': { url: '/api/registers/quality-audits' },
    'POST /api/registers/quality-audits': { url: '/api/registers/quality-audits', body: { subject: 'Dossiervorming', startsOn: '2026-11-01', endsOn: '2026-12-31', clientIds: [clientId] } },
    'POST /api/registers/incidents': { url: '/api/registers/incidents', body: { kind: 'incident', occurredOn: '2026-11-02', clientIds: [], description: 'Medicatie te laat.' } },
    'POST /api/registers/incidents/:id/inspectorate-report': { url: `/api/registers/incidents/${incident.json<{ id: string }>().id}/inspectorate-report`, body: { reportedOn: '2026-11-02' } },
    'GET /api/registers/prospective-clients': { url: '/api/registers/prospective-clients' },
    'POST /api/registers/prospective-clients': { url: '/api/registers/prospective-clients', body: { registeredOn: '2026-11-20', name: 'Kim Aanmelding', contact: '06-00000000', question: 'Hulp bij opvoeding.' } },
    'GET /api/privacy/processing-activities': { url: '/api/privacy/processing-activities' },
    'POST /api/privacy/processing-activities': {
      url: '/api/privacy/processing-activities',
      body: { name: 'Cameratoezicht', purpose: 'Veiligheid op de groep.', legalBasis: 'AVG 6 lid 1 f', dataSubjects: ['bezoekers'], dataCategories: ['camerabeelden'], recipients: ['geen'], retention: '4 weken', security: 'Alleen beheerder' },
    },
  };
  return { holder, holderCookie: cookie, clientId, portalCookie: parentPortal.cookie, calls };
}
