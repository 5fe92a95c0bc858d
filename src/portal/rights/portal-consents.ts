/**
 * Consents in the portal (issue 19 item 5): every consent given about this client — by whom, for what — in plain
 * Dutch; withdrawing one, effective at once (AVG 7(3)); giving a consent digitally (care, or a disclosure: what, to
 * whom, for what purpose, valid until), recorded with its evidence — the portal account and session, and the time
 * (migration 0077; AVG 7(1): the controller must be able to show that consent was given).
 *
 * Who may give a consent is the engine's answer, never the portal's: whose consent the law asks for care
 * (`careConsent`: under 12 the parents with custody; 12–15 the young person and the parents with custody both,
 * Jeugdwet 7.3.4, BW 7:450; 16 and over the young person alone, Jeugdwet 7.3.5 — DOMAIN §3) and for a disclosure
 * (`decide` … `disclose`: from 12 the young person, 003 §3.1; under 12 or not competent the representatives). A parent
 * cannot consent for a 16-year-old: the engine does not name them.
 *
 * The young person of 16 or over decides what each parent gets (001: "Ben je 16 jaar of ouder dan beslis je zelf welke
 * informatie je ouders krijgen"; Jeugdwet 7.3.11; DOMAIN §3 "16 and over: … the young person decides what information
 * the parents get"). Per parent and per part she gives or withdraws a consent: a disclosure consent given by the client,
 * naming that parent (recipient_relation_id) and the part. The gate and the reader view ask the engine for that parent
 * with the fact `consent-given` for those parts (`consentedPartsOf`), so the parent's access follows at once.
 */
import { randomUUID } from 'node:crypto';
import type { PortalScope } from '../../access/gate-scope.js';
import { contentDestroyed, unwrapClientKey } from '../../crypto/client-keys.js';
import { badRequest, conflict, forbidden, notFound } from '../../errors.js';
import { mayWithdraw, notTheirConsent, NOT_THEIR_CONSENT_BASIS, NOT_THEIR_CONSENT_EN, requiredCareConsent, type Withdrawer } from '../../consents/consent-service.js';
import { portalConsentsOf, type PortalConsentRow } from '../../consents/consent-store.js';
import { competenceOf } from '../../representation/competence-store.js';
import { relationsOfScope } from '../../representation/relation-store.js';
import { withPeopleOf } from '../../representation/representation-service.js';
import { DESTROYED_TEXT, openConsentTexts, sealConsentTexts } from '../../retention/client-free-text.js';
import { decide, type Citation, type ConsentParty, type Decision, type Part } from '../../rules/index.js';
import { calendarDate } from '../../shared/calendar-date.js';
import { CONSENT_KINDS, dateInWords, PARTS } from '../../shared/labels.js';
import { portalEvidenceOf } from './portal-requests.js';

/** A consent as the portal shows it. */
export interface PortalConsent {
  id: string; kind: 'care' | 'disclosure'; kindText: string; givenByText: string; givenOn: string; givenOnText: string;
  what: string | null; part: Part | null; partText: string | null; recipient: string | null; purpose: string | null;
  validFrom: string; validTo: string | null; validText: string; active: boolean; withdrawnAt: string | null; withdrawnText: string | null;
  /** Given in the portal: the portal account and session are its evidence. */
  inPortal: boolean;
  /** This person may withdraw it (AVG 7(3)). */
  mayWithdraw: boolean;
}

/** Whether this person may give a consent of each kind today, with the engine's words. */
export interface MayGive {
  allowed: boolean; explanation: string; basis: string[];
}

/** The parts a young person of 16+ lets a parent see, one by one; `dossier` is all of it. */
export const PARENT_PARTS: readonly Part[] = ['dossier', 'conversation-report', 'care-plan', 'evaluation', 'research-report', 'administrative-data'];

export interface ParentConsents {
  explanation: string;
  basis: string[];
  parents: {
    relationId: string; name: string; roleText: string;
    parts: { part: Part; partText: string; allowed: boolean; consentId: string | null; since: string | null; sinceText: string | null }[];
  }[];
}

/** The party this portal person gives or withdraws a consent as. */
function partyOf(scope: PortalScope): Withdrawer {
  if (scope.account.kind === 'client' || scope.account.relationId === null) return { party: 'client', relationId: null };
  const actor = scope.reader.actor;
  const party: ConsentParty = actor === 'parent-with-custody' || actor === 'guardian'
    ? 'legal-representatives'
    : actor === 'representative' ? 'representative' : 'other-person';
  return { party, relationId: scope.account.relationId };
}

function keyOf(scope: PortalScope, masterKey: Buffer): Buffer | undefined {
  const wrapped = scope.preloaded.wrappedKey;
  return wrapped === null ? undefined : unwrapClientKey(masterKey, scope.client.id, wrapped);
}

const ROLE_OF_PARTY: Record<ConsentParty, string> = {
  'client': 'de cliënt zelf', 'legal-representatives': 'ouder met gezag of voogd', 'representative': 'vertegenwoordiger', 'other-person': 'een ander',
};

async function toPortalConsent(scope: PortalScope, row: PortalConsentRow, key: Buffer | undefined, names: ReadonlyMap<string, string>): Promise<PortalConsent> {
  const today = calendarDate(scope.now);
  const texts = key === undefined || row.content_ciphertext === null
    ? { informationGiven: DESTROYED_TEXT, recipient: null, purpose: null, dataDescription: null, declarationReference: null }
    : openConsentTexts(key, row.id, row.content_ciphertext);
  const me = partyOf(scope);
  const mine = row.given_by === 'client' ? me.party === 'client' : row.given_by_relation_id !== null && row.given_by_relation_id === me.relationId;
  const givenByName = row.given_by === 'client'
    ? (me.party === 'client' ? 'U zelf' : `${names.get('client') ?? 'De cliënt'} (de cliënt zelf)`)
    : mine ? 'U zelf' : `${names.get(row.given_by_relation_id ?? '') ?? 'Iemand'} (${ROLE_OF_PARTY[row.given_by]})`;
  const active = row.withdrawn_at === null && row.valid_from <= today && (row.valid_to === null || row.valid_to >= today);
  const recipient = row.recipient_relation_id !== null ? names.get(row.recipient_relation_id) ?? texts.recipient : texts.recipient;
  return {
    id: row.id, kind: row.kind, kindText: CONSENT_KINDS[row.kind], givenByText: givenByName, givenOn: row.given_on, givenOnText: dateInWords(row.given_on),
    what: texts.dataDescription, part: row.part, partText: row.part === null ? null : PARTS[row.part], recipient, purpose: texts.purpose,
    validFrom: row.valid_from, validTo: row.valid_to,
    validText: row.valid_to === null ? `Geldig vanaf ${dateInWords(row.valid_from)}, zonder einddatum` : `Geldig van ${dateInWords(row.valid_from)} tot en met ${dateInWords(row.valid_to)}`,
    active, withdrawnAt: row.withdrawn_at?.toISOString() ?? null,
    withdrawnText: row.withdrawn_at === null ? null : `Ingetrokken op ${dateInWords(calendarDate(row.withdrawn_at))}`,
    inPortal: row.recorded_by_portal_account !== null,
    mayWithdraw: row.withdrawn_at === null && await mayWithdraw(scope, row, me),
  };
}

async function namesOf(scope: PortalScope): Promise<Map<string, string>> {
  return relationsOfScope(scope).names();
}

/** Whether this person may give a consent of `kind` today: the engine names whose consent the law asks. */
export async function mayGive(scope: PortalScope, kind: 'care' | 'disclosure'): Promise<MayGive & { decision: { basis: readonly Citation[]; explanation: string } }> {
  const me = partyOf(scope);
  if (kind === 'care') {
    const answer = await requiredCareConsent(scope);
    const allowed = (answer.consentOf as readonly ConsentParty[]).includes(me.party);
    return { allowed, explanation: answer.explanation, basis: [...answer.basis], decision: answer };
  }
  const competent = await competenceOf(scope).isCompetent('dossier-rights');
  const d = decide(await withPeopleOf(scope, null, { on: calendarDate(scope.now), client: { born: scope.client.birthDate, competent }, actor: 'third-party', action: 'disclose' }));
  const holders: readonly ConsentParty[] = d.outcome === 'needs-consent' ? d.consentOf : [];
  return { allowed: holders.includes(me.party), explanation: d.explanation, basis: [...d.basis], decision: d };
}

/** Every consent given about this client, newest first, and what this person may give today. */
export async function listPortalConsents(scope: PortalScope, masterKey: Buffer): Promise<{ consents: PortalConsent[]; mayGive: { care: MayGive; disclosure: MayGive } }> {
  const rows = await portalConsentsOf(scope, portalEvidenceOf(scope)).list();
  const key = keyOf(scope, masterKey);
  const names = await namesOf(scope);
  const consents: PortalConsent[] = [];
  for (const row of rows) consents.push(await toPortalConsent(scope, row, key, names));
  const strip = ({ allowed, explanation, basis }: MayGive): MayGive => ({ allowed, explanation, basis });
  return { consents, mayGive: { care: strip(await mayGive(scope, 'care')), disclosure: strip(await mayGive(scope, 'disclosure')) } };
}

async function readPortalConsent(scope: PortalScope, masterKey: Buffer, consentId: string): Promise<PortalConsent> {
  const row = await portalConsentsOf(scope, portalEvidenceOf(scope)).byId(consentId);
  if (row === undefined) throw notFound('Deze toestemming bestaat niet in dit dossier.', 'This consent does not exist in this dossier.');
  return toPortalConsent(scope, row, keyOf(scope, masterKey), await namesOf(scope));
}

/** Withdraws a consent at once (AVG 7(3)), if this person may; 403 with why otherwise, 404 for an unknown id. */
export async function withdrawPortalConsent(scope: PortalScope, masterKey: Buffer, consentId: string, session?: string): Promise<PortalConsent> {
  const consents = portalConsentsOf(scope, portalEvidenceOf(scope, session));
  const row = await consents.byId(consentId);
  if (row === undefined) throw notFound('Deze toestemming bestaat niet in dit dossier.', 'This consent does not exist in this dossier.');
  if (row.withdrawn_at !== null) throw conflict('already-withdrawn', 'Deze toestemming is al ingetrokken.', 'This consent has already been withdrawn.');
  const me = partyOf(scope);
  if (!(await mayWithdraw(scope, row, me))) throw forbidden(notTheirConsent(row.given_by), NOT_THEIR_CONSENT_EN, NOT_THEIR_CONSENT_BASIS);
  await consents.withdraw(consentId, me);
  return readPortalConsent(scope, masterKey, consentId);
}

export interface NewPortalConsent {
  kind: 'care' | 'disclosure';
  recipient?: string;
  purpose?: string;
  dataDescription?: string;
  part?: Part;
  validTo?: string;
  informationGiven?: string;
}

/** Gives a consent in the portal, today, if the engine names this person as the one whose consent the law asks. */
export async function givePortalConsent(scope: PortalScope, masterKey: Buffer, input: NewPortalConsent, session?: string): Promise<PortalConsent> {
  const today = calendarDate(scope.now);
  if (input.validTo !== undefined && input.validTo < today) throw badRequest('invalid-period', 'validTo', 'De einddatum ligt in het verleden.', 'The end date is in the past.');
  if (input.kind === 'care' && (input.part !== undefined || input.recipient !== undefined)) {
    throw badRequest('field-not-for-kind', input.part !== undefined ? 'part' : 'recipient', 'Toestemming voor de hulp noemt geen ontvanger en geen deel van het dossier.', 'A care consent names no recipient and no part.');
  }
  if (input.kind === 'disclosure') {
    for (const [field, nl] of [['recipient', 'aan wie'], ['purpose', 'waarvoor'], ['dataDescription', 'welke gegevens']] as const) {
      if (input[field] === undefined || input[field].trim() === '') throw badRequest('field-required', field, `Schrijf ${nl} de gegevens gedeeld mogen worden.`, `"${field}" is required for a disclosure consent.`);
    }
  }
  const may = await mayGive(scope, input.kind);
  if (!may.allowed) {
    throw forbidden(`U kunt deze toestemming niet geven. ${may.explanation}`, 'The law does not ask this person\'s consent.', may.decision.basis);
  }
  return recordInPortal(scope, masterKey, {
    kind: input.kind, part: input.part ?? null, validTo: input.validTo ?? null, recipientRelationId: null,
    texts: {
      informationGiven: input.informationGiven?.trim() || 'Gegeven in het portaal.', recipient: input.recipient?.trim() ?? null,
      purpose: input.purpose?.trim() ?? null, dataDescription: input.dataDescription?.trim() ?? null, declarationReference: null,
    },
  }, session);
}

async function recordInPortal(scope: PortalScope, masterKey: Buffer, c: {
  kind: 'care' | 'disclosure'; part: Part | null; validTo: string | null; recipientRelationId: string | null;
  texts: { informationGiven: string; recipient: string | null; purpose: string | null; dataDescription: string | null; declarationReference: null };
}, session?: string): Promise<PortalConsent> {
  const today = calendarDate(scope.now);
  const key = keyOf(scope, masterKey);
  if (key === undefined) throw contentDestroyed();
  const me = partyOf(scope);
  const id = randomUUID();
  await portalConsentsOf(scope, portalEvidenceOf(scope, session)).record({
    id, kind: c.kind, givenBy: me.party, givenByRelationId: me.relationId, givenOn: today, contentCiphertext: sealConsentTexts(key, id, c.texts),
    validFrom: today, validTo: c.validTo, part: c.part, recipientRelationId: c.recipientRelationId,
  });
  return readPortalConsent(scope, masterKey, id);
}

/** The engine's answer for a parent inspecting `part` today, without any consent. */
async function parentQuestion(scope: PortalScope, relationId: string, actor: 'parent-with-custody' | 'parent-without-custody' | 'guardian', part: Part): Promise<Decision> {
  const competent = await competenceOf(scope).isCompetent('dossier-rights');
  return decide(await withPeopleOf(scope, relationId, {
    on: calendarDate(scope.now), client: { born: scope.client.birthDate, competent }, actor, action: actor === 'parent-without-custody' ? 'general-information' : 'inspect', part,
  }));
}

/**
 * The parents (and guardian) whose access to the dossier the young person decides today: those for whom the engine
 * answers "needs the young person's consent" (from 16, Jeugdwet 7.3.11; 001). Refused (403, the engine's explanation)
 * for anyone but the client, and while the law gives the parents their own right (under 16).
 */
async function managedParents(scope: PortalScope): Promise<{ parents: { relationId: string; name: string; roleText: string }[]; explanation: string; basis: string[] }> {
  const relations = await relationsOfScope(scope).all();
  const today = calendarDate(scope.now);
  const parents: { relationId: string; name: string; roleText: string }[] = [];
  let refusal: Decision | undefined;
  let asked: Decision | undefined;
  for (const r of relations) {
    if ((r.relation !== 'parent' && r.relation !== 'guardian') || r.valid_from > today || (r.valid_to !== null && r.valid_to < today)) continue;
    const actor = r.relation === 'guardian' ? 'guardian' : r.has_custody ? 'parent-with-custody' : 'parent-without-custody';
    const d = await parentQuestion(scope, r.id, actor, 'dossier');
    if (d.outcome === 'needs-consent' && d.consentOf.includes('client')) {
      asked ??= d;
      parents.push({ relationId: r.id, name: `${r.given_names} ${r.family_name}`, roleText: actor === 'parent-with-custody' ? 'Ouder met gezag' : actor === 'guardian' ? 'Voogd' : 'Ouder zonder gezag' });
    } else {
      refusal ??= d;
    }
  }
  if (scope.account.kind !== 'client' || scope.account.relationId !== null) {
    throw forbidden(
      `Alleen de jongere zelf beslist welke informatie de ouders krijgen. ${asked?.explanation ?? refusal?.explanation ?? ''}`.trim(),
      'Only the young person decides what the parents get.', asked?.basis ?? refusal?.basis ?? []);
  }
  if (parents.length === 0) {
    throw forbidden(
      `Je ouders hebben nu geen toestemming van jou nodig. ${refusal?.explanation ?? 'Er zijn geen ouders of voogd geregistreerd.'}`,
      'The parents need no consent of the young person today.', refusal?.basis ?? []);
  }
  return { parents, explanation: asked!.explanation, basis: [...asked!.basis] };
}

/** Per parent and per part: what the young person of 16+ lets them see, with the consent behind it. */
export async function parentConsents(scope: PortalScope): Promise<ParentConsents> {
  const managed = await managedParents(scope);
  const consents = portalConsentsOf(scope, portalEvidenceOf(scope));
  const today = calendarDate(scope.now);
  const parents: ParentConsents['parents'] = [];
  for (const p of managed.parents) {
    const given = await consents.toRelation(p.relationId, today);
    parents.push({
      ...p,
      parts: PARENT_PARTS.map((part) => {
        const c = given.find((g) => (g.part ?? 'dossier') === part);
        return { part, partText: PARTS[part], allowed: c !== undefined, consentId: c?.id ?? null, since: c?.given_on ?? null, sinceText: c === undefined ? null : dateInWords(c.given_on) };
      }),
    });
  }
  return { explanation: managed.explanation, basis: managed.basis, parents };
}

/**
 * The young person of 16+ lets a parent see a part (a disclosure consent given by the client, naming the parent and the
 * part, with the portal session as evidence) or stops it (withdrawn at once). Refused as `parentConsents` is; 404 for
 * a relation that is not one of the parents she decides about.
 */
export async function setParentConsent(scope: PortalScope, masterKey: Buffer, relationId: string, part: Part, allowed: boolean, session?: string): Promise<ParentConsents> {
  const managed = await managedParents(scope);
  const parent = managed.parents.find((p) => p.relationId === relationId);
  if (parent === undefined) throw notFound('Deze ouder staat niet in het dossier.', 'This parent is not in the dossier.');
  if (!PARENT_PARTS.includes(part)) throw badRequest('field-not-for-kind', 'part', 'Dit deel van het dossier kun je hier niet kiezen.', 'This part cannot be chosen here.');
  const consents = portalConsentsOf(scope, portalEvidenceOf(scope, session));
  const given = (await consents.toRelation(relationId, calendarDate(scope.now))).filter((g) => (g.part ?? 'dossier') === part);
  if (allowed && given.length === 0) {
    await recordInPortal(scope, masterKey, {
      kind: 'disclosure', part, validTo: null, recipientRelationId: relationId,
      texts: {
        informationGiven: 'Gegeven in het portaal door de jongere zelf (16 jaar of ouder).', recipient: parent.name,
        purpose: 'Inzage door de ouder in het dossier en via het portaal', dataDescription: PARTS[part], declarationReference: null,
      },
    }, session);
  }
  if (!allowed) for (const g of given) await consents.withdraw(g.id, { party: 'client', relationId: null });
  return parentConsents(scope);
}
