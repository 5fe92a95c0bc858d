/**
 * Fuzzing (issue 8 §3), `npm run test:fuzz`: property-based requests
 * (fast-check) against every operation of the app's OpenAPI document
 * (/api/openapi.json) — the run fails when an operation has no call here or in
 * the route fixture — as every role, as nobody, and as callers with a right to
 * the dossier (its holder, a substitute, an employee who broke the glass, a
 * manager with a recorded purpose), so hostile values on client-data writes
 * reach the services and the database instead of stopping at the policy —
 * and as the client portal's users (issue 19), each with a portal session, on
 * the portal's operations with valid-shaped bodies (several per operation):
 * the fuzzed dossier's client (12) and her parents (custody under an
 * agreement, no custody, custody ended), a young person of 16 in another
 * dossier, and the client of a third dossier whose released entry holds the
 * marker of another client; a portal session on a staff route and a staff
 * session on a portal route must get what nobody gets.
 * Valid calls and mutations of them: wrong types, 1 MB strings, NUL bytes,
 * unicode, `__proto__`, deep nesting, unknown fields, foreign and malformed
 * ids, free texts up to the entry size limit (one unbroken word, prose, every
 * script). For every answer:
 *   - no 5xx and no stack trace, and no request takes 5 s or more (one
 *     not answered within a minute fails the run, named, instead of hanging it);
 *   - every refusal is problem+json (the readiness probe's 503 excepted);
 *   - a portal user's answer names no other client (their id or care content);
 *   - a 2xx JSON body matches the operation's response schema;
 *   - a refused (4xx) request changed no data: a content hash of every table
 *     in the formal, care and org schemas (bookkeeping excepted, see
 *     BOOKKEEPING) is the same before and after — for every state-changing
 *     request and a sample of reads;
 *   - no caller receives what it may not see: distinct markers in the entry
 *     text (care content), a shielded entry, a personal work note, the BSN and
 *     the street address are each allowed only to the callers the rules let in
 *     (src/rules/decide-read.ts; DOMAIN §2), shielded and work-note text never
 *     in the requester's documents, and no TOTP secret or password hash ever.
 * FUZZ_RUNS sets the number of requests (default 10,000).
 * Plus the checks RESTler is known for, as plain tests: use after delete
 * (destruction), wrong parent/child ids, and leakage of failed creates.
 * Cross-organisation access is in src/http/security.test.ts.
 */
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../auth/session-store.js';
import type { Database } from '../db/database.js';
import { openPostgres } from '../db/postgres-database.js';
import { EMPLOYEE_ROLES } from '../organisation/employee-roles.js';
import { issueEnrolmentLink } from '../organisation/enrolment.js';
import { createHarness, TEST_PASSWORD, testBsn, type Harness, type RequestMethod, type TestEmployee } from '../test-support/harness.js';
import { createPortalAccount, portalLogin } from '../test-support/portal-fixture.js';
import { createRouteFixture, type RouteCall, type RouteFixture } from '../test-support/route-fixture.js';
import { PDF } from '../test-support/sample-files.js';
import { PORTAL_CSRF_HEADER, PORTAL_CSRF_VALUE } from '../portal/portal-route.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
/** Every how many reads the data hash is also compared (every state-changing request is). */
const READ_SAMPLE = 10;

/** What a caller may or may not see; each is seeded into the fuzzed dossier. */
type Marker = 'care-content' | 'shielded' | 'work-note' | 'bsn' | 'street-address' | 'other-client';
const TEXT = {
  'care-content': 'ZEER-GEHEIM-zorginhoud-7f3a',
  // Care content of another client, released to that client's portal: only that client's portal account may ever see it.
  'other-client': 'ANDERE-CLIENT-zorginhoud-3b8e',
  'shielded': 'AFGESCHERMD-over-een-ander-51c2',
  'work-note': 'WERKAANTEKENING-eigen-9d04',
  'street-address': 'Geheimhofje-marker 77',
} as const;
/** Everything a care relation (or an emergency, or a manager's purpose) opens; administrative staff see only the administrative data. */
const DOSSIER: readonly Marker[] = ['care-content', 'shielded', 'bsn', 'street-address'];
const ADMINISTRATIVE: readonly Marker[] = ['bsn', 'street-address'];
/** Documents made for the requester (inspection view, portability export, download): shielding applied, no work notes. */
const REQUESTER_DOCUMENT = /\/(view|portability\.json|portability\.fhir\.json)(\?|$)|^\/api\/downloads/;
/** The documents a portal user gets on their own granted request: the copy and the portability exports. */
const PORTAL_OWN_DOCUMENT = /^\/api\/portal\/requests\/[^/?]+\/(copy\.pdf|export\.(json|xlsx|fhir\.json))(\?|$)/;
/** An argon2 password hash, anyone's: never in an answer. (The first log-in shows a new, not yet enrolled TOTP secret: by design.) */
const PASSWORD_HASH = /\$argon2(id|i|d)\$/;

// ajv-formats is CommonJS with a default export.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: object }> }>;
}

interface Caller {
  name: string;
  employee?: TestEmployee;
  cookie?: string;
  headers?: Record<string, string>;
  /** The markers the rules let this caller see (grows when the caller breaks the glass). */
  sees: Set<Marker>;
  /** What else the caller may find in the documents made for them on their own request (PORTAL_OWN_DOCUMENT). */
  ownDocuments?: Set<Marker>;
  /** A portal user (issue 19): the `dw_portal` session of this account, and the client whose dossier it belongs to. */
  portal?: { accountId: string; clientId: string };
}

let h: Harness;
let fixture: RouteFixture;
let openapi: { paths: Record<string, Record<string, Operation>> };
const callers = new Map<string, Caller>();
let markers: Record<Marker, string>;
/** The enrolled TOTP secrets of every caller: never in any answer. */
const secrets: string[] = [];
/** Calls for the operations the route fixture does not cover: log-in, the requester's download, health. */
const extraCalls: Record<string, RouteCall> = {};
/** Calls that replace the fixture's, so that a marker stays reachable however many entries the fuzzing adds. */
const overrides: Record<string, RouteCall> = {};
/**
 * The client portal's operations (issue 19) with valid-shaped calls, several per operation where the body has kinds
 * (each a starting point the fuzzing mutates); the ids are those of the portal user `portal-client`, so the other
 * portal users meet another person's ids.
 */
const portalCalls: Record<string, RouteCall[]> = {};
/** Per portal user, the calls that are theirs (their own consent, their own parent to let in). */
const portalCallsOf = new Map<string, Record<string, RouteCall>>();
/** Every client a portal user belongs to: a portal answer names no client but the user's own. */
const portalClientIds = new Set<string>();
let cookieName: string;
const ajv = addFormats(new Ajv({ strict: false, allErrors: false, validateFormats: true }));

async function caller(name: string, employee: TestEmployee | undefined, sees: readonly Marker[], headers?: Record<string, string>): Promise<void> {
  const cookie = employee === undefined ? undefined : await h.login(employee);
  if (employee !== undefined) secrets.push(await h.totpSecret(employee));
  callers.set(name, {
    name, sees: new Set(sees),
    ...(employee === undefined ? {} : { employee }), ...(cookie === undefined ? {} : { cookie }), ...(headers === undefined ? {} : { headers }),
  });
}

/** A portal user with a session of their own (the realm's cookie, never a staff one). */
async function portalCaller(name: string, account: { accountId: string; clientId: string; totpSecret: string }, sees: readonly Marker[]): Promise<void> {
  secrets.push(account.totpSecret);
  portalClientIds.add(account.clientId);
  callers.set(name, { name, sees: new Set(sees), cookie: await portalLogin(h, account), portal: { accountId: account.accountId, clientId: account.clientId } });
}

/** A fresh session for a caller whose own was ended by a log-out or a password change (no log-in: the throttle may be shut by then). */
async function renewSession(c: Caller): Promise<void> {
  const settings = { idleMinutes: h.config.sessionIdleMinutes, lifetimeMinutes: h.config.sessionLifetimeMinutes };
  c.cookie = `${cookieName}=${await createSession(h.database.db, c.employee!.id, settings, undefined, h.clock.now)}`;
}

beforeAll(async () => {
  h = await createHarness();
  fixture = await createRouteFixture(h);
  const c = `/api/clients/${fixture.clientId}`;
  const holderCookie = fixture.holderCookie;
  cookieName = holderCookie.slice(0, holderCookie.indexOf('='));
  const post = async (url: string, body: unknown, cookie = holderCookie) => {
    const response = await h.request({ method: 'POST', url, cookie, body });
    if (response.statusCode >= 300) throw new Error(`setup ${url}: ${response.statusCode} ${response.body}`);
    return response.json<{ id: string; token?: string; code?: string }>();
  };

  // The markers, in the dossier every fuzzed URL points at.
  await post(`${c}/entries`, { kind: 'conversation-report', text: TEXT['care-content'], source: { kind: 'client' } });
  const shielded = await post(`${c}/entries`, { kind: 'conversation-report', text: TEXT.shielded, source: { kind: 'client' } });
  await post(`${c}/entries/${shielded.id}/shieldings`, { kind: 'about-another-person', reason: 'Gaat over een ander gezinslid' });
  overrides['GET /api/clients/:clientId/entries/:entryId'] = { url: `${c}/entries/${shielded.id}` };
  await post(`${c}/work-notes`, { text: TEXT['work-note'] });
  await h.database.db.query('UPDATE formal.clients SET street_address = $2, postcode = $3, town = $4 WHERE id = $1', [fixture.clientId, TEXT['street-address'], '9999 ZZ', 'Markerdam']);
  const [client] = await h.database.db.query<{ bsn: string }>('SELECT bsn FROM formal.clients WHERE id = $1', [fixture.clientId]);
  markers = { ...TEXT, bsn: client!.bsn };

  // A copy for an electronic requester, prepared as a download: the public /api/downloads gets a real token and code.
  const parent = await post(`${c}/relations`, { relation: 'parent', hasCustody: true, custodyEstablishedBy: 'by-law-marriage', custodyKind: 'two-headed-parental', familyName: 'Downloader', givenNames: 'Dirk', establishedHow: 'gezagsregister', validFrom: '2026-01-05' });
  const copy = await post(`${c}/requests`, { kind: 'copy', requesterRelationId: parent.id, channel: 'electronic', receivedOn: '2026-11-20', details: 'Kopie per e-mail.' });
  await post(`${c}/requests/${copy.id}/decision`, { outcome: 'granted', reasons: '' });
  const link = await post(`${c}/requests/${copy.id}/download-links`, {});

  // Log-in: a challenge for the second factor, and one for a first log-in (enrolment).
  const loginTarget = await h.employee({ role: 'care-professional' });
  secrets.push(await h.totpSecret(loginTarget));
  const login = async (username: string) => (await h.request({ method: 'POST', url: '/api/auth/login', body: { username, password: TEST_PASSWORD } })).json<{ challenge: string }>().challenge;
  const totpChallenge = await login(loginTarget.username);
  const enrolChallenge = await login((await h.employee({ role: 'care-professional' })).username);
  // An enrolment link (a new account): the public /api/enrolment routes get a real token and state.
  const enrolling = await h.employee({ role: 'care-professional' });
  const enrolment = await issueEnrolmentLink(h.database.db, enrolling.id, 'new-account', fixture.holder.id, h.clock.now, undefined);
  const opened = (await h.request({ method: 'POST', url: '/api/enrolment/open', body: { token: enrolment.token } })).json<{ state: string }>();
  Object.assign(extraCalls, {
    'GET /health': { url: '/health' },
    'GET /health/live': { url: '/health/live' },
    'GET /health/ready': { url: '/health/ready' },
    'POST /api/auth/login': { url: '/api/auth/login', body: { username: loginTarget.username, password: TEST_PASSWORD } },
    'POST /api/auth/login/totp': { url: '/api/auth/login/totp', body: { challenge: totpChallenge, code: '123456' } },
    'POST /api/auth/login/enrol': { url: '/api/auth/login/enrol', body: { challenge: enrolChallenge, code: '123456' } },
    'POST /api/auth/logout': { url: '/api/auth/logout' },
    'GET /api/auth/me': { url: '/api/auth/me' },
    'POST /api/auth/password': { url: '/api/auth/password', body: { currentPassword: TEST_PASSWORD, newPassword: 'Een-heel-ander-wachtwoord-2026' } },
    'POST /api/downloads': { url: '/api/downloads', body: { token: link.token, code: link.code } },
    'POST /api/enrolment/open': { url: '/api/enrolment/open', body: { token: enrolment.token } },
    'POST /api/enrolment/complete': {
      url: '/api/enrolment/complete', body: { token: enrolment.token, state: opened.state, password: 'Een-heel-eigen-wachtwoord-2026', code: '123456' },
    },
  } satisfies Record<string, RouteCall>);

  // The callers: nobody; every role without a care relation; and those the rules let into this dossier.
  await caller('nobody', undefined, []);
  for (const role of EMPLOYEE_ROLES) await caller(role, await h.employee({ role }), role === 'admin-staff' ? ADMINISTRATIVE : []);
  await caller('holder', fixture.holder, [...DOSSIER, 'work-note']);
  const substitute = await h.employee({ role: 'care-professional' });
  await h.relate(fixture.clientId, substitute, 'substitute');
  await caller('substitute', substitute, DOSSIER);
  await caller('emergency', await h.employee({ role: 'care-professional' }), DOSSIER);
  const broke = await h.request({ method: 'POST', url: `${c}/emergency-access`, cookie: callers.get('emergency')!.cookie!, body: { reason: 'Crisis: de cliënt is vermist, contactgegevens nodig.' } });
  if (broke.statusCode >= 300) throw new Error(`emergency access: ${broke.statusCode} ${broke.body}`);
  await caller('manager-with-purpose', await h.employee({ role: 'manager' }), DOSSIER, { 'x-dossierwijzer-purpose': 'quality-control' });

  // The client portal (issue 19): the fuzzed dossier's client (12) and her parents (with custody — under the agreement
  // about conversation reports —, without custody, custody ended), a young person of 16 in another dossier, and the
  // client of a third dossier whose released entry holds the marker of another client.
  const portalRelation = async (clientId: string, body: Record<string, unknown>, cookie = holderCookie) => {
    const response = await h.request({
      method: 'POST', url: `/api/clients/${clientId}/relations`, cookie, body: { relation: 'parent', establishedHow: 'gezagsregister', validFrom: '2026-01-05', ...body },
    });
    if (response.statusCode >= 300) throw new Error(`setup relation: ${response.statusCode} ${response.body}`);
    return response.json<{ id: string }>();
  };
  const withCustody = { hasCustody: true, custodyEstablishedBy: 'by-law-marriage', custodyKind: 'two-headed-parental' };
  const careContent = (await post(`${c}/entries`, {
    kind: 'conversation-report', text: `Gesprek: ${TEXT['care-content']}`, source: { kind: 'client' },
  })).id;
  // Released to the portal: the care content reaches the client herself; the shielded entry nobody in the portal.
  for (const id of [careContent, shielded.id]) await post(`${c}/entries/${id}/portal-release`, { decision: 'release' });
  const mother = await portalRelation(fixture.clientId, { ...withCustody, familyName: 'Portaal', givenNames: 'Bram' });
  const father = await portalRelation(fixture.clientId, { hasCustody: false, familyName: 'Portaal', givenNames: 'Karel' });
  const ended = await portalRelation(fixture.clientId, { ...withCustody, familyName: 'Eerder', givenNames: 'Els' });
  const endedResponse = await h.request({ method: 'POST', url: `${c}/relations/${ended.id}/end`, cookie: holderCookie, body: { validTo: '2026-06-30' } });
  if (endedResponse.statusCode >= 300) throw new Error(`setup end relation: ${endedResponse.statusCode} ${endedResponse.body}`);
  const account = (clientId: string, relationId?: string) =>
    createPortalAccount(h, { clientId, ...(relationId === undefined ? {} : { relationId }), createdBy: fixture.holder });
  const young = await account(fixture.clientId);
  await portalCaller('portal-client', young, ['care-content']);
  // Her own portability export and copy hold her own administrative data (AVG 20): her BSN and address.
  callers.get('portal-client')!.ownDocuments = new Set(['bsn', 'street-address']);
  await portalCaller('portal-parent', await account(fixture.clientId, mother.id), []);
  await portalCaller('portal-no-custody', await account(fixture.clientId, father.id), []);
  await portalCaller('portal-custody-ended', await account(fixture.clientId, ended.id), []);
  const sixteen = await h.client({ age: 16, holder: fixture.holder });
  const sixteenMother = await portalRelation(sixteen, { ...withCustody, familyName: 'Zestien', givenNames: 'Zoë' });
  await portalCaller('portal-young-16', await account(sixteen), []);
  const otherHolder = await h.employee({ role: 'care-professional' });
  const other = await h.client({ age: 14, holder: otherHolder });
  const otherCookie = await h.login(otherHolder);
  const otherEntry = await post(`/api/clients/${other}/entries`, { kind: 'plan', text: TEXT['other-client'], source: { kind: 'client' } }, otherCookie);
  await post(`/api/clients/${other}/entries/${otherEntry.id}/portal-release`, { decision: 'release' }, otherCookie);
  await portalCaller('portal-other-client', await account(other), ['other-client']);
  // What the portal user `portal-client` has done, so the operations on one request, consent or message have a real id.
  const asYoung = async (url: string, body: unknown) => {
    const response = await h.request({ method: 'POST', url, cookie: callers.get('portal-client')!.cookie!, headers: { [PORTAL_CSRF_HEADER]: PORTAL_CSRF_VALUE }, body });
    if (response.statusCode >= 300) throw new Error(`setup ${url}: ${response.statusCode} ${response.body}`);
    return response.json<{ id: string; attachments?: { id: string }[] }>();
  };
  const portalCopy = await asYoung('/api/portal/requests', { kind: 'copy', details: 'Een kopie van mijn dossier graag.' });
  await post(`${c}/requests/${portalCopy.id}/decision`, { outcome: 'granted', reasons: '' });
  const portability = await asYoung('/api/portal/requests', { kind: 'portability', details: 'Mijn gegevens om mee te nemen.' });
  await post(`${c}/requests/${portability.id}/decision`, { outcome: 'granted', reasons: '' });
  const disclosure = { kind: 'disclosure', recipient: 'Mentor op school', purpose: 'Begeleiding in de klas', dataDescription: 'Het plan', part: 'care-plan', validTo: '2027-06-30' };
  const consent = await asYoung('/api/portal/consents', disclosure);
  const message = await asYoung('/api/portal/messages', { text: 'Vraag over mijn plan', attachment: { name: 'brief.pdf', contentBase64: PDF.toString('base64') } });
  // A log-in target of its own (a parent in the third dossier) and an open invitation (a parent in the fuzzed one).
  const portalLoginTarget = await account(other, (await portalRelation(other, { ...withCustody, familyName: 'Inlog', givenNames: 'Ida' }, otherCookie)).id);
  secrets.push(portalLoginTarget.totpSecret);
  const portalJson = async (url: string, body: unknown) => (await h.request({ method: 'POST', url, headers: { [PORTAL_CSRF_HEADER]: PORTAL_CSRF_VALUE }, body })).json<{ challenge: string; state: string }>();
  const challenge = (await portalJson('/api/portal/auth/login', { username: portalLoginTarget.username, password: portalLoginTarget.password })).challenge;
  const invited = await portalRelation(fixture.clientId, { ...withCustody, familyName: 'Uitgenodigd', givenNames: 'Ilse' });
  const invitation = await post(`${c}/portal-invitations`, { relationId: invited.id, identityCheck: { documentType: 'passport' } }) as unknown as { link: string };
  const token = invitation.link.slice(invitation.link.indexOf('#') + 1);
  const state = (await portalJson('/api/portal/auth/invitation/open', { token })).state;
  const one = (call: RouteCall) => [call];
  Object.assign(portalCalls, {
    'GET /api/portal/dossier': one({ url: '/api/portal/dossier' }),
    'GET /api/portal/dossier/entries/:entryId': one({ url: `/api/portal/dossier/entries/${careContent}` }),
    'GET /api/portal/general-information': one({ url: '/api/portal/general-information' }),
    'GET /api/portal/access-log': [{ url: '/api/portal/access-log' }, { url: '/api/portal/access-log?limit=2&before=99999999' }],
    'GET /api/portal/requests': one({ url: '/api/portal/requests' }),
    'POST /api/portal/requests': [
      { url: '/api/portal/requests', body: { kind: 'inspect', details: 'Ik wil mijn dossier inzien.' } },
      { url: '/api/portal/requests', body: { kind: 'copy', part: 'care-plan', details: 'Een kopie van het plan.' } },
      { url: '/api/portal/requests', body: { kind: 'add-statement', details: 'Dit klopt niet.', statement: { entryId: careContent, text: 'Zo heb ik het niet gezegd.' } } },
      { url: '/api/portal/requests', body: { kind: 'withdraw-consent', details: 'Ik trek dit in.', consentId: consent.id } },
      { url: '/api/portal/requests', body: { kind: 'general-information', details: 'Hoe gaat het?' } },
      { url: '/api/portal/requests', body: { kind: 'correct', part: 'conversation-report', details: 'Mijn naam is verkeerd gespeld.' } },
      { url: '/api/portal/requests', body: { kind: 'destroy', details: 'Vernietig het gesprek.' } },
    ],
    'GET /api/portal/requests/:requestId': one({ url: `/api/portal/requests/${portalCopy.id}` }),
    'GET /api/portal/requests/:requestId/letter.pdf': one({ url: `/api/portal/requests/${portalCopy.id}/letter.pdf` }),
    'GET /api/portal/requests/:requestId/copy.pdf': one({ url: `/api/portal/requests/${portalCopy.id}/copy.pdf` }),
    'GET /api/portal/requests/:requestId/export.json': one({ url: `/api/portal/requests/${portability.id}/export.json` }),
    'GET /api/portal/requests/:requestId/export.xlsx': one({ url: `/api/portal/requests/${portability.id}/export.xlsx` }),
    'GET /api/portal/requests/:requestId/export.fhir.json': one({ url: `/api/portal/requests/${portability.id}/export.fhir.json` }),
    // A progress id nobody started (the export's progress itself is the exports' own test).
    'GET /api/portal/exports/progress/:progressId': one({ url: '/api/portal/exports/progress/00000000-0000-4000-8000-0000000e1f0a' }),
    'GET /api/portal/consents': one({ url: '/api/portal/consents' }),
    'POST /api/portal/consents': [
      { url: '/api/portal/consents', body: { ...disclosure, informationGiven: 'Ik weet waarvoor het is.' } },
      { url: '/api/portal/consents', body: { kind: 'care', informationGiven: 'Uitleg over de hulp gelezen.' } },
    ],
    'POST /api/portal/consents/:consentId/withdraw': one({ url: `/api/portal/consents/${consent.id}/withdraw` }),
    'GET /api/portal/consents/parents': one({ url: '/api/portal/consents/parents' }),
    'PUT /api/portal/consents/parents/:relationId/:part': [
      { url: `/api/portal/consents/parents/${mother.id}/care-plan`, body: { allowed: true } },
      { url: `/api/portal/consents/parents/${mother.id}/dossier`, body: { allowed: false } },
    ],
    'GET /api/portal/messages': one({ url: '/api/portal/messages' }),
    'POST /api/portal/messages': [
      { url: '/api/portal/messages', body: { text: 'Wanneer is het volgende gesprek?' } },
      { url: '/api/portal/messages', body: { text: 'Hierbij de brief.', attachment: { name: 'brief.pdf', contentBase64: PDF.toString('base64') } } },
      { url: '/api/portal/messages', body: { text: 'Geen pdf.', attachment: { name: 'brief.pdf', contentBase64: Buffer.from('MZ not a pdf').toString('base64') } } },
    ],
    'GET /api/portal/messages/:messageId/attachments/:attachmentId': one({ url: `/api/portal/messages/${message.id}/attachments/${message.attachments![0]!.id}` }),
    'PUT /api/portal/messages/notifications': [{ url: '/api/portal/messages/notifications', body: { email: 'ouder@example.org' } }, { url: '/api/portal/messages/notifications', body: { email: null } }],
    'POST /api/portal/auth/login': one({ url: '/api/portal/auth/login', body: { username: portalLoginTarget.username, password: portalLoginTarget.password } }),
    'POST /api/portal/auth/login/totp': one({ url: '/api/portal/auth/login/totp', body: { challenge, code: '123456' } }),
    'GET /api/portal/auth/me': one({ url: '/api/portal/auth/me' }),
    'POST /api/portal/auth/logout': one({ url: '/api/portal/auth/logout' }),
    'GET /api/portal/auth/oidc/providers': one({ url: '/api/portal/auth/oidc/providers' }),
    // OpenID Connect (not configured here: the routes must refuse in words, never fail).
    'POST /api/portal/auth/oidc/start': [{ url: '/api/portal/auth/oidc/start', body: {} }, { url: '/api/portal/auth/oidc/start', body: { token } }],
    'GET /api/portal/auth/oidc/callback': [
      { url: '/api/portal/auth/oidc/callback?code=een-code&state=een-toestand&iss=https%3A%2F%2Fidp.example' },
      { url: '/api/portal/auth/oidc/callback?error=access_denied&error_description=geannuleerd' },
    ],
    'POST /api/portal/auth/invitation/open': one({ url: '/api/portal/auth/invitation/open', body: { token } }),
    'POST /api/portal/auth/invitation/complete': one({
      url: '/api/portal/auth/invitation/complete', body: { token, state, username: 'ilse-uitgenodigd', password: 'Een-heel-eigen-wachtwoord-2026', code: '123456' },
    }),
  } satisfies Record<string, RouteCall[]>);
  // The young person of 16 lets her own mother see a part; a parent withdraws what she gave herself.
  portalCallsOf.set('portal-young-16', {
    'PUT /api/portal/consents/parents/:relationId/:part': { url: `/api/portal/consents/parents/${sixteenMother.id}/care-plan`, body: { allowed: true } },
  });
  openapi = (await h.request({ method: 'GET', url: '/api/openapi.json' })).json();
  hasher = h.database.url === undefined ? h.database.db : openPostgres(h.database.url, { maxConnections: 1 });
}, 180_000);
afterAll(async () => {
  if (hasher !== h.database.db) await hasher.close();
  // Bounded: after a request that was never answered (see answeredWithin) the database may never close, and the run
  // must still end with its failure printed.
  await answeredWithin(h.close(), 'closing the harness');
});

/**
 * Tables a refused request may change, and why: bookkeeping that exists to
 * count or refresh, never data about a client or an employee.
 */
const BOOKKEEPING: Record<string, readonly string[] | 'all'> = {
  'org.sessions': 'all', // last_seen_at is refreshed by every authenticated request, refused ones too
  'org.login_throttle': 'all', // a failed log-in is counted: that is the throttle
  // The log-in flow's own state, minutes long: a wrong code is counted against its challenge, and a wrong recovery code
  // spends it (brute-force guards); no employee or client data.
  'org.login_challenges': 'all',
  'org.download_links': ['failed_attempts'], // a wrong code is counted towards locking the link
  'org.enrolment_links': ['attempts'], // likewise a wrong code against an enrolment link
  'org.portal_sessions': 'all', // the portal's sessions: last_seen_at, as org.sessions
  'org.portal_login_challenges': 'all', // the portal's log-in challenges, as org.login_challenges
};

/** Per guarded table: the projection whose rows are hashed (bookkeeping columns left out, bytea by digest). */
let guarded: Map<string, string> | undefined;
/** The connection that hashes: the app's own on PGlite (it has one); one of its own on PostgreSQL, where a temp function lives per connection. */
let hasher: Database;
/** Per table: the last fingerprint seen and the content hash computed for it. */
const cache = new Map<string, { fingerprint: string; content: string }>();

async function guardedTables(): Promise<Map<string, string>> {
  const columns = await hasher.query<{ tbl: string; col: string; bytea: boolean }>(
    `SELECT n.nspname || '.' || c.relname AS tbl, quote_ident(a.attname) AS col, a.atttypid = 'bytea'::regtype AS bytea
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid
      WHERE n.nspname IN ('formal', 'care', 'org') AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY 1, a.attnum`);
  const tables = new Map<string, string[]>();
  for (const { tbl, col, bytea } of columns) {
    const skip = BOOKKEEPING[tbl];
    if (skip === 'all' || skip?.includes(col.replaceAll('"', '')) === true) continue;
    // A bytea column by its digest: the same change detection, far less text to hash.
    tables.set(tbl, [...(tables.get(tbl) ?? []), bytea ? `md5(${col})` : col]);
  }
  expect(tables.size).toBeGreaterThan(30);
  return new Map([...tables].map(([tbl, cols]) => [tbl, `SELECT ${cols.join(', ')} FROM ${tbl}`]));
}

/**
 * The content hash of every table in formal, care and org (minus the
 * bookkeeping), by table: the row count and the sum of a 64-bit hash of each
 * row's text — independent of row order and physical place. Hashing every
 * row's text on every request would be too slow for 10,000 requests, so each
 * table first gets a cheap fingerprint of its row versions (ctid, xmin: any
 * committed insert, update or delete changes it); only a table whose
 * fingerprint moved has its content hashed again.
 */
async function dataHash(): Promise<Map<string, string>> {
  if (guarded === undefined) {
    guarded = await guardedTables();
    // In a PL/pgSQL function its plan is made once: planning this union on every request would cost more than running it.
    const union = [...guarded.keys()].map((tbl) =>
      `SELECT '${tbl}'::text, (SELECT count(*) || ':' || coalesce(sum(hashtextextended(ctid::text || xmin::text, 0)), 0) FROM ${tbl})::text`).join('\nUNION ALL\n');
    await hasher.exec(`CREATE FUNCTION pg_temp.fuzz_fingerprints() RETURNS TABLE (tbl text, fingerprint text) LANGUAGE plpgsql AS $fn$ BEGIN RETURN QUERY ${union}; END $fn$`);
  }
  const fingerprints = await hasher.query<{ tbl: string; fingerprint: string }>('SELECT tbl, fingerprint FROM pg_temp.fuzz_fingerprints()');
  const moved = fingerprints.filter((f) => cache.get(f.tbl)?.fingerprint !== f.fingerprint);
  if (moved.length > 0) {
    const contents = await hasher.query<{ tbl: string; content: string }>(moved.map(({ tbl }) =>
      `SELECT '${tbl}' AS tbl, (SELECT count(*) || ':' || coalesce(sum(hashtextextended(r::text, 0)), 0) FROM (${guarded!.get(tbl)!}) r) AS content`).join('\nUNION ALL\n'));
    const byTable = new Map(contents.map((c) => [c.tbl, c.content]));
    for (const { tbl, fingerprint } of moved) cache.set(tbl, { fingerprint, content: byTable.get(tbl)! });
  }
  return new Map([...cache].map(([tbl, { content }]) => [tbl, content]));
}

/** The tables whose content differs between two hashes. */
function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...before].filter(([tbl, hash]) => after.get(tbl) !== hash).map(([tbl]) => tbl);
}

function openapiPath(pattern: string): string {
  return pattern.replace(/:([A-Za-z]+)/g, '{$1}');
}

function responseSchema(method: string, pattern: string, status: number): object | undefined {
  const operation = openapi.paths[openapiPath(pattern)]?.[method.toLowerCase()];
  return operation?.responses?.[String(status)]?.content?.['application/json']?.schema;
}

/** Every operation of the OpenAPI document, as `METHOD /pattern`. */
function operations(): string[] {
  const methods = new Set(['get', 'post', 'put', 'patch', 'delete']);
  return Object.entries(openapi.paths).flatMap(([path, ops]) => Object.keys(ops).filter((m) => methods.has(m))
    .map((m) => `${m.toUpperCase()} ${path.replace(/\{([A-Za-z]+)\}/g, ':$1')}`));
}

/** The entry size limit (DW_MAX_ENTRY_BYTES's default): texts up to it, in UTF-8 bytes, must be accepted and rendered in time. */
const ENTRY_LIMIT = 1024 * 1024;
const DUTCH = 'De moeder vertelt dat het thuis rustiger gaat en dat Sam weer naar school gaat. ';
const SCRIPTS = 'GülşenYılmazŁukaszŻółćΩμέγαЖаннаمحمدትግርኛ王小明😀';

/** The first characters of `unit` repeated that fit in `bytes` UTF-8 bytes (never cutting a character). */
function fill(unit: string, bytes: number): string {
  const perUnit = Buffer.byteLength(unit);
  let text = unit.repeat(Math.floor(bytes / perUnit));
  for (const ch of unit) {
    if (Buffer.byteLength(text) + Buffer.byteLength(ch) > bytes) break;
    text += ch;
  }
  return text;
}

/**
 * Entry texts up to the full size limit, which a copy PDF must lay out in
 * bounded time (issue 13): one unbroken word (PDFKit once took 47 s over
 * 160,000 characters), ordinary prose, every script without a space, and
 * one byte over the limit (refused).
 */
const longText = fc.oneof(
  fc.integer({ min: 1, max: ENTRY_LIMIT }).map((n) => fill('abcdefghijklmnopqrstuvwxyz', n)),
  fc.integer({ min: 1, max: ENTRY_LIMIT }).map((n) => fill(DUTCH, n).trim() || 'x'),
  fc.integer({ min: 4, max: ENTRY_LIMIT }).map((n) => fill(SCRIPTS, n)),
  fc.constant(fill('ğ', ENTRY_LIMIT)),
  fc.constant(fill('x', ENTRY_LIMIT + 1)),
);
/** No single request may take longer than this (issue 13: a copy PDF once blocked the server for minutes). */
const REQUEST_BUDGET_MS = 5_000;
/** A request that is not answered at all within this fails the run at once, named (instead of hanging it). */
const HANG_MS = 60_000;

async function answeredWithin<T>(answer: Promise<T>, label: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${label}: no answer within ${HANG_MS / 1000} s`)), HANG_MS);
  });
  try {
    return await Promise.race([answer, hung]);
  } finally {
    clearTimeout(timer);
  }
}

/** Values that break naive code. */
const hostile = fc.oneof(
  longText,
  fc.constantFrom(null, true, false, 0, -1, 1e308, Number.MAX_SAFE_INTEGER + 2, '', ' ', '\u0000', 'a\u0000b', '../../etc/passwd',
    '\'; DROP TABLE care.entries; --', '<script>alert(1)</script>', '=HYPERLINK("http://x")', '0000-00-00', '2026-02-30', '9999-12-31',
    '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff',
    '\uD800', 'a\uDFFFb', '\u202Eevil\u202C', 'zero\u200Bwidth', '\uFEFF', 'e\u0301\u0301\u0301', '👩‍👩‍👧‍👦', 'Ω≈ç√∫', '\u0085\u2028\u2029'),
  fc.constant('x'.repeat(1024 * 1024)),
  fc.constant('é'.repeat(512 * 1024)),
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.string(), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }), { maxKeys: 5 }),
  fc.constant(JSON.parse('{"__proto__": {"admin": true}, "constructor": {"prototype": {"polluted": true}}}') as unknown),
  fc.constant((function deep(n: number): unknown { return n === 0 ? 'bodem' : { a: deep(n - 1) }; })(200)),
);

/** A mutated body: the valid one with one field replaced, dropped or added, or something else entirely. */
function bodyArbitrary(valid: unknown): fc.Arbitrary<unknown> {
  const base = (valid ?? {}) as Record<string, unknown>;
  const keys = Object.keys(base);
  const options: fc.Arbitrary<unknown>[] = [
    fc.constant(valid),
    hostile,
    fc.jsonValue(),
    fc.tuple(fc.constantFrom('role', 'organisationId', 'createdBy', 'authorId', '__proto__', 'id', 'recordedAt'), hostile)
      .map(([key, value]) => ({ ...base, [key]: value })),
  ];
  // A free text (an entry's, a note's) up to the entry size limit.
  if (keys.includes('text')) options.push(longText.map((text) => ({ ...base, text })));
  if (keys.length > 0) {
    options.push(fc.tuple(fc.constantFrom(...keys), hostile).map(([key, value]) => ({ ...base, [key]: value })));
    options.push(fc.constantFrom(...keys).map((key) => Object.fromEntries(Object.entries(base).filter(([k]) => k !== key))));
  }
  return fc.oneof(...options);
}

/** The URL with, sometimes, one id replaced by a foreign, malformed or hostile one. */
function urlArbitrary(url: string): fc.Arbitrary<string> {
  const segments = url.split('/');
  const idPositions = segments.map((s, i) => (/^[0-9a-f-]{36}$/.test(s) ? i : -1)).filter((i) => i >= 0);
  const replacement = fc.oneof(
    fc.uuid(), fc.constantFrom('1', 'null', 'undefined', '%00', '..', 'a'.repeat(5000), '00000000-0000-0000-0000-000000000000', '%E0%A4%A', '%F0%9F%98%80', '%C0%AE'),
    fc.string({ maxLength: 40 }).map(encodeURIComponent),
  );
  const withQuery = fc.oneof(fc.constant(''), fc.constantFrom('?limit=-1', '?limit=abc', '?limit=100000', '?before=x', '?cursor=%00', '?day=2026-13-45', '?a[b]=c', '?__proto__[x]=1'));
  if (idPositions.length === 0) return fc.tuple(fc.constant(url), withQuery).map(([u, q]) => u + (u.includes('?') ? q.replace('?', '&') : q));
  return fc.tuple(fc.boolean(), fc.constantFrom(...idPositions), replacement, withQuery).map(([replace, at, id, q]) => {
    const copy = [...segments];
    if (replace) copy[at] = id;
    const joined = copy.join('/');
    return joined + (joined.includes('?') ? q.replace('?', '&') : q);
  });
}

function decodable(url: string): boolean {
  try {
    decodeURI(url);
    return true;
  } catch {
    return false;
  }
}

const STACK = /\n\s+at .+:\d+:\d+|node_modules|\/src\/.+\.ts/;
const MARKERS: readonly Marker[] = ['care-content', 'shielded', 'work-note', 'bsn', 'street-address', 'other-client'];
/** The markers in the fuzzed dossier itself (the other client's is in another). */
const DOSSIER_MARKERS = MARKERS.filter((marker) => marker !== 'other-client');

describe('fuzzing every operation of the OpenAPI document as every role, as nobody and as those with a care relation', () => {
  // Runs first, before the fuzzing adds entries and notes: a marker nobody can receive would make its leak check prove nothing.
  it('the markers are live: the holder receives each of them, an employee without a relation none', async () => {
    const c = `/api/clients/${fixture.clientId}`;
    const answers = async (name: string) => {
      const who = callers.get(name)!;
      const urls = [c, `${c}/entries?limit=10`, '/api/work-notes', `${c}/entries/${overrides['GET /api/clients/:clientId/entries/:entryId']!.url.split('/').pop()!}`];
      return (await Promise.all(urls.map((url) => h.request({ method: 'GET', url, cookie: who.cookie!, ...(who.headers === undefined ? {} : { headers: who.headers }) })))).map((r) => r.body).join('\n');
    };
    const holder = await answers('holder');
    expect(DOSSIER_MARKERS.filter((marker) => !holder.includes(markers[marker]))).toEqual([]);
    const substitute = await answers('substitute');
    expect(DOSSIER_MARKERS.filter((marker) => substitute.includes(markers[marker]))).toEqual(['care-content', 'shielded', 'bsn', 'street-address']);
    const outsider = await answers('care-professional');
    expect(DOSSIER_MARKERS.filter((marker) => outsider.includes(markers[marker]))).toEqual([]);
    const admin = await answers('admin-staff');
    expect(DOSSIER_MARKERS.filter((marker) => admin.includes(markers[marker]))).toEqual(['bsn', 'street-address']);
  });

  it('the portal\'s markers are live: the client sees her released conversation report, the other dossier\'s client his plan, the rest neither', async () => {
    const answers = async (name: string) => {
      const who = callers.get(name)!;
      const urls = ['/api/portal/dossier', portalCalls['GET /api/portal/dossier/entries/:entryId']![0]!.url, '/api/portal/general-information'];
      return (await Promise.all(urls.map((url) => h.request({ method: 'GET', url, cookie: who.cookie! })))).map((r) => r.body).join('\n');
    };
    const expectSeen = async (name: string, expected: Marker[]) => {
      const body = await answers(name);
      expect(MARKERS.filter((marker) => body.includes(markers[marker])), `${name}: ${body.slice(0, 2000)}`).toEqual(expected);
    };
    await expectSeen('portal-client', ['care-content']);
    await expectSeen('portal-other-client', ['other-client']);
    for (const name of ['portal-parent', 'portal-no-custody', 'portal-custody-ended', 'portal-young-16']) await expectSeen(name, []);
  });

  it(`survives ${RUNS} generated requests: no 5xx, no stack trace, schema-true answers, no data changed when refused, nothing leaked`, async () => {
    const calls: Record<string, RouteCall> = { ...extraCalls, ...fixture.calls, ...overrides };
    const documented = operations();
    // The client portal's operations (issue 19) are fuzzed with portal sessions and valid-shaped bodies (portalCalls),
    // and from outside the realm: a staff session or none on them must answer a 4xx, as a portal session on a staff route.
    const variants = (name: string): RouteCall[] => portalCalls[name] ?? (calls[name] === undefined ? [] : [calls[name]]);
    // Every documented operation is fuzzed: a new route without a call here or in the route fixture fails the run.
    expect(documented.filter((name) => variants(name).length === 0), 'operations without a call').toEqual([]);
    expect(documented.length).toBeGreaterThan(100);
    const publicRoutes = new Set(h.app.routes.filter((r) => r.public).map((r) => `${r.method} ${r.url}`));
    const routes = documented;
    const portalNames = [...callers.keys()].filter((n) => callers.get(n)!.portal !== undefined);
    const staffNames = [...callers.keys()].filter((n) => callers.get(n)!.portal === undefined);
    const isPortal = (name: string) => name.includes(' /api/portal/');
    // Mostly the realm's own users on a portal operation (where the data is) and staff or nobody elsewhere; now and then the other realm.
    const callerOf = (name: string) => fc.oneof(
      { arbitrary: fc.constantFrom(...(isPortal(name) ? portalNames : staffNames)), weight: 4 },
      { arbitrary: fc.constantFrom(...(isPortal(name) ? staffNames : portalNames)), weight: 1 },
    );
    // A portal user's own call (their own consent, their own parent) where there is one, else the operation's.
    const callsFor = (name: string, callerName: string): RouteCall[] => {
      const own = portalCallsOf.get(callerName)?.[name];
      return own === undefined ? variants(name) : [own];
    };
    const called = new Map<string, number>();
    let requests = 0;
    let hashed = 0;
    let slowest = { ms: 0, label: '' };
    let longTextsStored = 0;
    // The hash of the data as it is now, when known: a refused request's "after" is the next request's "before".
    let known: Map<string, string> | undefined;
    await fc.assert(fc.asyncProperty(
      fc.constantFrom(...routes).chain((name) => callerOf(name).chain((callerName) => fc.constantFrom(...callsFor(name, callerName)).chain((call) => fc.record({
        name: fc.constant(name), url: urlArbitrary(call.url), body: bodyArbitrary(call.body), caller: fc.constant(callerName),
      })))),
      async ({ name, url, body, caller: callerName }) => {
        requests += 1;
        called.set(name, (called.get(name) ?? 0) + 1);
        const method = name.split(' ')[0] as RequestMethod;
        const pattern = name.slice(method.length + 1);
        const who = callers.get(callerName)!;
        const compare = method !== 'GET' || requests % READ_SAMPLE === 0;
        const before = compare ? known ?? await dataHash() : undefined;
        known = undefined;
        const started = performance.now();
        // A state-changing portal request carries the portal's CSRF header, whoever sends it (as the portal's pages do).
        const headers = { ...who.headers, ...(isPortal(name) && method !== 'GET' ? { [PORTAL_CSRF_HEADER]: PORTAL_CSRF_VALUE } : {}) };
        const label = `${callerName} ${method} ${url.slice(0, 200)}`;
        const response = await answeredWithin(h.request({
          method, url, ...(who.cookie === undefined ? {} : { cookie: who.cookie }), headers,
          ...(method === 'GET' ? {} : { body }),
          // Not the harness's own address: a fuzzed log-in must not throttle the log-ins of the tests after this one.
          remoteAddress: '203.0.113.77',
        }), label);
        const took = performance.now() - started;
        slowest = took > slowest.ms ? { ms: took, label } : slowest;
        const text = (body as { text?: unknown } | undefined)?.text;
        if (method === 'POST' && response.statusCode < 300 && typeof text === 'string' && text.length >= 100_000) longTextsStored += 1;
        expect(took, `${label} took ${Math.round(took)} ms`).toBeLessThan(REQUEST_BUDGET_MS);
        // A readiness probe answers 503 when a check fails (here the test harness has no data directory): its answer, not a failure.
        const notReady = pattern === '/health/ready' && response.statusCode === 503 && response.json<{ status?: string }>().status === 'not-ready';
        if (!notReady) expect(response.statusCode, `${label}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
        expect(response.body, label).not.toMatch(STACK);
        // Nobody gets past authentication on a non-public route: 401 — or the URL itself was refused before any route ran
        // (malformed percent-encoding → 400, a path no route matches → 404, a URL too long → 414).
        // A path with dot segments ("../") may also be refused as bad input (400) before any route runs.
        const dotSegments = /(^|\/)(\.|%2e){1,2}(\/|$)/i.test(url.split('?')[0]!);
        // Likewise whoever has no session of the route's realm: a portal session on a staff route, a staff session on a portal route.
        const realmSession = who.cookie !== undefined && (who.portal !== undefined) === isPortal(name);
        if (!realmSession && !publicRoutes.has(name)) {
          expect([401, 404, 414].includes(response.statusCode) || !decodable(url) || (dotSegments && response.statusCode === 400), `${label}: ${response.statusCode}`).toBe(true);
        }
        // The leak check, per marker and caller. Breaking the glass opens the dossier to whoever does it: that answer
        // is not checked, and from then on the caller may see what an emergency opens.
        if (pattern !== '/api/clients/:clientId/emergency-access') {
          for (const marker of MARKERS) {
            const allowed = (who.sees.has(marker) && !((marker === 'shielded' || marker === 'work-note') && REQUESTER_DOCUMENT.test(url)))
              || (who.ownDocuments?.has(marker) === true && PORTAL_OWN_DOCUMENT.test(url));
            if (!allowed) expect(response.body, `${label} leaks ${marker}`).not.toContain(markers[marker]);
          }
        } else if (response.statusCode < 300) {
          for (const marker of DOSSIER) who.sees.add(marker);
        }
        // Ending the agreement about conversation reports lets the parent with custody read them in the portal (the
        // released report holds the care-content marker): from then on that is no leak.
        if (pattern === '/api/clients/:clientId/agreements/:agreementId/end' && response.statusCode < 300) callers.get('portal-parent')!.sees.add('care-content');
        // A portal user's answers name no other client: not their id, and (above) not their care content.
        if (who.portal !== undefined) {
          for (const clientId of portalClientIds) if (clientId !== who.portal.clientId) expect(response.body, `${label} names another client`).not.toContain(clientId);
        }
        // Every refusal is problem+json (RFC 9457), with the reason in Dutch (the readiness probe's 503 is its own answer).
        if (response.statusCode >= 400 && !notReady) {
          expect(String(response.headers['content-type']), `${label} → ${response.statusCode}: ${response.body.slice(0, 200)}`).toMatch(/^application\/problem\+json/);
        }
        for (const secret of secrets) expect(response.body, `${label} leaks a TOTP secret`).not.toContain(secret);
        expect(response.body, `${label} leaks a password hash`).not.toMatch(PASSWORD_HASH);
        if (before !== undefined && response.statusCode >= 400) {
          hashed += 1;
          const after = await dataHash();
          expect(changedTables(before, after), `${label} → ${response.statusCode} changed data`).toEqual([]);
          known = after;
        }
        // A log-out or password change ends the caller's session: give the caller a new one.
        if (who.employee !== undefined && response.statusCode < 300 && (pattern === '/api/auth/logout' || pattern === '/api/auth/password')) await renewSession(who);
        if (who.portal !== undefined && response.statusCode < 300 && pattern === '/api/portal/auth/logout') who.cookie = await portalLogin(h, who.portal);
        // A generated id with dot segments ("../") is resolved before routing, so the request may reach another
        // route than the one it was generated for: its answer is then not held to this route's schema (the
        // leak, secret, 5xx and data checks above still hold for it).
        if (!dotSegments && response.statusCode < 300 && String(response.headers['content-type']).includes('application/json')) {
          const schema = responseSchema(method, pattern, response.statusCode);
          if (schema !== undefined) {
            const validate = ajv.compile(schema);
            expect(validate(response.json()), `${label}: ${JSON.stringify(validate.errors)}`).toBe(true);
          }
        }
      },
    ), { numRuns: RUNS, endOnFailure: true, ...(process.env.FUZZ_SEED === undefined ? {} : { seed: Number(process.env.FUZZ_SEED) }) });
    console.info(`slowest request: ${Math.round(slowest.ms)} ms (${slowest.label}); texts of 100,000 characters or more stored: ${longTextsStored}`);
    expect(requests).toBeGreaterThanOrEqual(RUNS);
    expect(hashed).toBeGreaterThan(0);
    // With enough requests every operation was called (at 20 per operation on average, missing one is all but impossible).
    if (RUNS >= 20 * documented.length) expect(documented.filter((name) => !called.has(name)), 'operations never called').toEqual([]);
  }, 1_800_000);
});

describe('entry texts up to the size limit (issue 13)', () => {
  // The generated requests above store a long text only now and then; here every run does, and its copy PDF is made.
  const LONG_RUNS = Number(process.env.FUZZ_LONG_RUNS ?? Math.max(5, Math.round(RUNS / 1000)));

  it(`stores and renders ${LONG_RUNS} generated entry texts of up to ${ENTRY_LIMIT} bytes, each request under ${REQUEST_BUDGET_MS} ms`, async () => {
    const holder = callers.get('holder')!;
    const timed = async (method: RequestMethod, url: string, body?: unknown) => {
      const started = performance.now();
      const response = await h.request({ method, url, cookie: holder.cookie!, ...(body === undefined ? {} : { body }) });
      const took = performance.now() - started;
      expect(took, `${method} ${url} took ${Math.round(took)} ms`).toBeLessThan(REQUEST_BUDGET_MS);
      expect(response.statusCode, `${method} ${url}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
      return response;
    };
    await fc.assert(fc.asyncProperty(longText, async (text) => {
      // Registered with the holder's own session: logging in again after 10,000 generated requests (which
      // include failed log-ins from this address) would meet the log-in back-off, not the code under test.
      const registered = await h.request({
        method: 'POST', url: '/api/clients', cookie: holder.cookie!,
        body: { bsn: testBsn(), familyName: 'Langetekst', givenNames: 'Sam', birthDate: '2011-03-01', gender: 'unknown', careStartedOn: '2026-01-05' },
      });
      expect(registered.statusCode, registered.body.slice(0, 300)).toBe(201);
      const c = `/api/clients/${registered.json<{ id: string }>().id}`;
      const entry = await timed('POST', `${c}/entries`, { kind: 'conversation-report', text, source: { kind: 'care-professional' } });
      expect(entry.statusCode).toBe(Buffer.byteLength(text) <= ENTRY_LIMIT ? 201 : 400);
      const request = (await timed('POST', `${c}/requests`, { kind: 'copy', channel: 'written', receivedOn: '2026-11-20', details: 'Kopie.' })).json<{ id: string }>();
      await timed('POST', `${c}/requests/${request.id}/decision`, { outcome: 'granted', reasons: '' });
      const copy = await timed('GET', `${c}/requests/${request.id}/copy.pdf`);
      expect(copy.statusCode).toBe(200);
    }), { numRuns: LONG_RUNS, endOnFailure: true, ...(process.env.FUZZ_SEED === undefined ? {} : { seed: Number(process.env.FUZZ_SEED) }) });
  }, 1_800_000);
});

describe('RESTler-style checks', () => {
  let holder: string;
  let clientA: string;
  let clientB: string;
  let entryOfA: string;

  beforeAll(async () => {
    const professional = await h.employee({ role: 'care-professional' });
    holder = await h.login(professional);
    clientA = await h.client({ age: 10, holder: professional });
    clientB = await h.client({ age: 11, holder: professional });
    const created = await h.request({ method: 'POST', url: `/api/clients/${clientA}/entries`, cookie: holder, body: { kind: 'plan', text: 'Plan van A', source: { kind: 'client' } } });
    entryOfA = created.json<{ id: string }>().id;
  });

  it('wrong parent/child ids: an entry of client A under client B\'s URL is not found, and annotating it there changes nothing', async () => {
    const read = await h.request({ method: 'GET', url: `/api/clients/${clientB}/entries/${entryOfA}`, cookie: holder });
    expect(read.statusCode).toBe(404);
    const before = await dataHash();
    const annotate = await h.request({ method: 'POST', url: `/api/clients/${clientB}/entries/${entryOfA}/annotations`, cookie: holder, body: { kind: 'addition', reason: 'verkeerde cliënt' } });
    expect(annotate.statusCode).toBe(404);
    expect(changedTables(before, await dataHash())).toEqual([]);
  });

  it('leakage of failed creates: an entry refused for bad input never shows up afterwards', async () => {
    const refused = await h.request({ method: 'POST', url: `/api/clients/${clientA}/entries`, cookie: holder, body: { kind: 'plan', text: 'MISLUKT-9c1e', source: { kind: 'client' }, authorId: 'x' } });
    expect(refused.statusCode).toBe(400);
    const timeline = await h.request({ method: 'GET', url: `/api/clients/${clientA}/entries?limit=100`, cookie: holder });
    expect(timeline.statusCode).toBe(200);
    expect(timeline.body).not.toContain('MISLUKT-9c1e');
  });

  it('use after delete: once a dossier is destroyed on request, its entries are gone for every route', async () => {
    const parentRelation = await h.request({
      method: 'POST', url: `/api/clients/${clientA}/relations`, cookie: holder,
      body: { relation: 'parent', hasCustody: true, custodyEstablishedBy: 'by-law-marriage', custodyKind: 'two-headed-parental', familyName: 'Ouder', givenNames: 'Pim', establishedHow: 'gezagsregister', validFrom: '2026-01-05' },
    });
    const request = await h.request({
      method: 'POST', url: `/api/clients/${clientA}/requests`, cookie: holder,
      body: { kind: 'destroy', requesterRelationId: parentRelation.json<{ id: string }>().id, channel: 'written', receivedOn: '2026-11-20', details: 'Vernietig het dossier.', identityCheck: { documentType: 'passport' } },
    });
    expect(request.statusCode).toBe(201);
    const requestId = request.json<{ id: string }>().id;
    const decided = await h.request({ method: 'POST', url: `/api/clients/${clientA}/requests/${requestId}/decision`, cookie: holder, body: { outcome: 'granted', reasons: '' } });
    expect(decided.statusCode).toBe(200);
    // A second authorised person confirms the destruction before it is carried out (issue 14; 0057).
    const manager = await h.login(await h.employee({ role: 'manager' }));
    const confirmed = await h.request({ method: 'POST', url: `/api/clients/${clientA}/requests/${requestId}/confirm-destruction`, cookie: manager });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const fulfilled = await h.request({ method: 'POST', url: `/api/clients/${clientA}/requests/${requestId}/fulfil`, cookie: holder, body: {} });
    expect(fulfilled.statusCode).toBe(200);
    // 410 Gone says the dossier was destroyed; 404 would do too. Never the entry.
    const read = await h.request({ method: 'GET', url: `/api/clients/${clientA}/entries/${entryOfA}`, cookie: holder });
    expect([404, 410]).toContain(read.statusCode);
    expect(read.body).not.toContain('Plan van A');
    const timeline = await h.request({ method: 'GET', url: `/api/clients/${clientA}/entries?limit=100`, cookie: holder });
    expect(timeline.body).not.toContain(entryOfA);
    expect(timeline.body).not.toContain('Plan van A');
    const before = await dataHash();
    const annotate = await h.request({ method: 'POST', url: `/api/clients/${clientA}/entries/${entryOfA}/annotations`, cookie: holder, body: { kind: 'addition', reason: 'na vernietiging' } });
    expect([404, 410]).toContain(annotate.statusCode);
    expect(changedTables(before, await dataHash())).toEqual([]);
  });
});
