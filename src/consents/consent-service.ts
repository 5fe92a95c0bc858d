/**
 * The consent register (DOMAIN §1, §4): consent to care — who gave it,
 * checked against whose consent the engine says is needed (Jeugdwet 7.3.4,
 * 7.3.5; BW 7:450, 7:465) and what information was given beforehand
 * (Jeugdwet 7.3.2) — and consents for disclosure: to whom, for what purpose,
 * which data, valid from/to, the signed declaration (001; 002; 004 C).
 * Withdrawal is possible at any time and takes effect at once (AVG 7(3)).
 */
import { randomUUID } from 'node:crypto';
import type { ClientBoundScope, ClientScope } from '../access/gate-scope.js';
import { contentDestroyed, unwrapClientKey } from '../crypto/client-keys.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../errors.js';
import { DESTROYED_TEXT, openConsentTexts, sealConsentTexts, type ConsentTexts } from '../retention/client-free-text.js';
import { careConsent, Citation, decide, type ConsentParty, type Part } from '../rules/index.js';
import { competenceOf } from '../representation/competence-store.js';
import { clientRepresentativesOn, withPeopleOf, type CompetenceMatter } from '../representation/representation-service.js';
import { relationsOfScope } from '../representation/relation-store.js';
import { calendarDate } from '../shared/calendar-date.js';
import { consentsOf, type ConsentRow } from './consent-store.js';

export interface Consent {
  id: string;
  kind: 'care' | 'disclosure';
  givenBy: ConsentParty;
  givenByRelationId: string | null;
  givenOn: string;
  informationGiven: string;
  recipient: string | null;
  purpose: string | null;
  dataDescription: string | null;
  /** The part of the dossier a disclosure consent covers; null when it names none (then only the recipient is checked). */
  part: Part | null;
  validFrom: string;
  validTo: string | null;
  declarationReference: string | null;
  withdrawnAt: string | null;
  /** In force today: not withdrawn and within its validity. */
  active: boolean;
}

/** The client's data key from the access facts; undefined once the dossier was destroyed (the texts went with it). */
function keyOf(scope: ClientBoundScope, masterKey: Buffer): Buffer | undefined {
  const wrapped = scope.preloaded.wrappedKey;
  return wrapped === null ? undefined : unwrapClientKey(masterKey, scope.client.id, wrapped);
}

/**
 * A consent's free texts (information given, recipient, purpose, which data, the declaration) are sealed under the
 * client's key (migration 0033), so destroying the dossier destroys them; what stays shows only that a consent existed.
 */
function textsOf(row: ConsentRow, key: Buffer | undefined): ConsentTexts {
  if (key === undefined || row.content_ciphertext === null) {
    const gone = row.kind === 'disclosure' ? DESTROYED_TEXT : null;
    return { informationGiven: DESTROYED_TEXT, recipient: gone, purpose: gone, dataDescription: gone, declarationReference: null };
  }
  return openConsentTexts(key, row.id, row.content_ciphertext);
}

function toConsent(row: ConsentRow, key: Buffer | undefined, today: string): Consent {
  return {
    id: row.id, kind: row.kind, givenBy: row.given_by, givenByRelationId: row.given_by_relation_id, givenOn: row.given_on,
    ...textsOf(row, key), part: row.part, validFrom: row.valid_from, validTo: row.valid_to, withdrawnAt: row.withdrawn_at?.toISOString() ?? null,
    active: row.withdrawn_at === null && row.valid_from <= today && (row.valid_to === null || row.valid_to >= today),
  };
}

/** The client's consents, newest first, their texts decrypted. */
export async function listConsents(scope: ClientBoundScope, masterKey: Buffer): Promise<Consent[]> {
  const today = calendarDate(scope.now);
  const key = keyOf(scope, masterKey);
  return (await consentsOf(scope).list()).map((r) => toConsent(r, key, today));
}

async function readConsent(scope: ClientScope, masterKey: Buffer, consentId: string): Promise<Consent> {
  const row = await consentsOf(scope).byId(consentId);
  return toConsent(row!, keyOf(scope, masterKey), calendarDate(scope.now));
}

/**
 * A disclosure consent in force on `on` (not withdrawn, within its validity), with the recipient and part it names;
 * undefined when there is none. For the disclosure register, which checks the recipient (AVG 7; 004 C).
 */
export async function disclosureConsentInForce(
  scope: ClientScope, masterKey: Buffer, consentId: string, on: string,
): Promise<{ recipient: string | null; part: Part | null } | undefined> {
  const row = await consentsOf(scope).disclosureInForce(consentId, on);
  if (row === undefined) return undefined;
  return { recipient: textsOf(row, keyOf(scope, masterKey)).recipient, part: row.part };
}

export interface CareConsentStatus {
  /** Whose consent the engine says starting care needs, today. */
  required: readonly ConsentParty[];
  given: readonly ConsentParty[];
  missing: readonly ConsentParty[];
  complete: boolean;
  basis: readonly string[];
  explanation: string;
  /** Current custodians whose own consent is still missing (joint custody: each must consent). */
  representativesMissing: readonly { relationId: string; name: string }[];
}

export async function requiredCareConsent(scope: ClientBoundScope) {
  const competent = await competenceOf(scope).isCompetent('care-consent');
  return careConsent({ on: calendarDate(scope.now), client: { born: scope.client.birthDate, competent } });
}

export async function careConsentStatus(scope: ClientScope): Promise<CareConsentStatus> {
  const answer = await requiredCareConsent(scope);
  // Who gave which consent is in clear; the texts are not needed here.
  const care = (await consentsOf(scope).list()).map((r) => toConsent(r, undefined, calendarDate(scope.now))).filter((c) => c.kind === 'care' && c.active);
  const representativesMissing = answer.consentOf.includes('legal-representatives') ? await custodiansWithoutConsent(scope, care) : [];
  const given = [...new Set(care.map((c) => c.givenBy))].filter((p) => p !== 'legal-representatives' || representativesMissing.length === 0);
  const missing = answer.consentOf.filter((p) => !given.includes(p));
  const explanation = representativesMissing.length === 0
    ? answer.explanation
    : `${answer.explanation} Ouders met gezamenlijk gezag beslissen samen: de toestemming van ${representativesMissing.map((r) => r.name).join(' en ')} ontbreekt nog.`;
  const basis = representativesMissing.length === 0 ? answer.basis : [...answer.basis, Citation.bw_1_251, Citation.bw_1_253a];
  return { required: answer.consentOf, given, missing, complete: missing.length === 0, basis, explanation, representativesMissing };
}

/**
 * Parents with joint custody exercise it together (BW 1:251; a disagreement goes to the court, BW 1:253a), so consent "of the legal
 * representatives" is complete only when every current custodian gave it; each consent names the
 * relation that gave it (checked when it is recorded).
 */
async function custodiansWithoutConsent(scope: ClientScope, care: readonly Consent[]): Promise<{ relationId: string; name: string }[]> {
  const representatives = care.filter((c) => c.givenBy === 'legal-representatives');
  const custodians = await relationsOfScope(scope).custodiansOn(calendarDate(scope.now));
  if (custodians.length === 0) return [];
  const covered = new Set(representatives.map((c) => c.givenByRelationId));
  return custodians.filter((r) => !covered.has(r.id)).map((r) => ({ relationId: r.id, name: `${r.given_names} ${r.family_name}` }));
}

export interface NewConsent {
  kind: 'care' | 'disclosure';
  givenBy: ConsentParty;
  givenByRelationId?: string;
  givenOn: string;
  informationGiven: string;
  recipient?: string;
  purpose?: string;
  dataDescription?: string;
  part?: Part;
  validFrom?: string;
  validTo?: string;
  declarationReference?: string;
}

/** Records a consent after checking, with the engine, that this party's consent is the one the law asks. */
export async function recordConsent(scope: ClientScope, masterKey: Buffer, input: NewConsent): Promise<Consent> {
  const today = calendarDate(scope.now);
  if (input.givenOn > today) throw badRequest('date-in-future', 'givenOn', 'De datum ligt in de toekomst.', 'The date is in the future.');
  if (input.givenOn < scope.client.birthDate) throw badRequest('invalid-date', 'givenOn', 'De datum ligt voor de geboortedatum van de cliënt.', 'The date is before the client\'s birth date.');
  const validFrom = input.validFrom ?? input.givenOn;
  if (input.validTo !== undefined && input.validTo < validFrom) throw badRequest('invalid-period', 'validTo', 'De einddatum ligt voor de begindatum.', 'The end date is before the start date.');

  if (input.kind === 'care' && input.part !== undefined) {
    throw badRequest('field-not-for-kind', 'part', 'Alleen toestemming voor verstrekking noemt een deel van het dossier.', 'Only a disclosure consent names a part of the dossier.');
  }
  if (input.kind === 'care') {
    const answer = await requiredCareConsent(scope);
    if (!(answer.consentOf as readonly ConsentParty[]).includes(input.givenBy)) {
      throw forbidden(`Deze toestemming is niet de toestemming die de wet vraagt. ${answer.explanation}`, 'This is not the consent the law asks for.', answer.basis);
    }
  } else {
    for (const field of ['recipient', 'purpose', 'dataDescription'] as const) {
      if (input[field] === undefined) throw badRequest('field-required', field, `Bij toestemming voor verstrekking is "${field}" verplicht.`, `For a disclosure consent, "${field}" is required.`);
    }
    const competent = await competenceOf(scope).isCompetent('dossier-rights');
    const decision = decide(await withPeopleOf(scope, null, { on: input.givenOn, client: { born: scope.client.birthDate, competent }, actor: 'third-party', action: 'disclose' }));
    const holders: readonly ConsentParty[] = decision.outcome === 'needs-consent' ? decision.consentOf : [];
    if (!holders.includes(input.givenBy)) {
      throw forbidden(`Deze toestemming is niet de toestemming die de wet vraagt. ${decision.explanation}`, 'This is not the consent the law asks for.', decision.basis);
    }
  }
  if (input.givenBy === 'legal-representatives') {
    if (input.givenByRelationId === undefined) {
      throw badRequest('field-required', 'givenByRelationId', 'Geef aan welke ouder met gezag of voogd toestemming gaf.', 'State which parent with custody or guardian consented.');
    }
    if (!(await relationsOfScope(scope).heldCustodyOn(input.givenByRelationId, input.givenOn))) {
      throw badRequest('not-a-representative', 'givenByRelationId', 'Deze persoon had op die datum geen gezag over de cliënt.', 'This person did not hold custody of the client on that date.');
    }
  }
  if (input.givenBy === 'representative') await assertRepresentative(scope, input.givenByRelationId, input.givenOn, input.kind === 'care' ? 'care-consent' : 'dossier-rights');
  const key = keyOf(scope, masterKey);
  if (key === undefined) throw contentDestroyed();
  const id = randomUUID();
  const sealed = sealConsentTexts(key, id, {
    informationGiven: input.informationGiven, recipient: input.recipient ?? null, purpose: input.purpose ?? null,
    dataDescription: input.dataDescription ?? null, declarationReference: input.declarationReference ?? null,
  });
  await consentsOf(scope).record({
    id, kind: input.kind, givenBy: input.givenBy, givenByRelationId: input.givenByRelationId ?? null, givenOn: input.givenOn, contentCiphertext: sealed,
    validFrom, validTo: input.validTo ?? null, part: input.part ?? null,
  });
  return readConsent(scope, masterKey, id);
}

/**
 * An adult who is not competent is represented by one person, in the order of BW 7:465 lid 3-4 (the
 * engine's `representativesOn`): the consent names that relation, and it must be the representative on
 * the day the consent was given — not a parent whose custody ended at 18 while a mentor exists.
 */
async function assertRepresentative(scope: ClientScope, relationId: string | undefined, givenOn: string, matter: CompetenceMatter): Promise<void> {
  if (relationId === undefined) {
    throw badRequest('field-required', 'givenByRelationId', 'Geef aan welke vertegenwoordiger toestemming gaf.', 'State which representative consented.');
  }
  const representatives = await clientRepresentativesOn(scope, givenOn, matter);
  if (representatives === null || !representatives.relationIds.includes(relationId)) {
    const nl = 'Deze persoon was op die datum niet de vertegenwoordiger van de cliënt. De wet wijst één vertegenwoordiger aan, in deze volgorde: curator of mentor, de schriftelijk gemachtigde, de partner, dan een ouder, kind, broer of zus.';
    const en = 'This person was not the client\'s representative on that date (BW 7:465 lid 3-4 names one, in order).';
    throw new AppError('not-a-representative', 400, nl, en, { field: 'givenByRelationId', errors: [{ field: 'givenByRelationId', nl, en }], basis: [Citation.bw_7_465] });
  }
}

/** Who gave a consent, as the refusal of someone else's withdrawal says it. */
const GIVER_IN_WORDS: Record<ConsentParty, string> = {
  'client': 'de cliënt zelf', 'legal-representatives': 'de ouder of voogd die haar gaf', 'representative': 'de vertegenwoordiger die haar gaf',
  'other-person': 'de persoon die haar gaf',
};

/** Withdraws a consent, effective at once (AVG 7(3)); the record stays. */
/** Who withdraws a consent: the client, or a registered relation (a parent or guardian, another person). */
export interface Withdrawer {
  party: ConsentParty;
  /** The relation that withdraws; null for the client. */
  relationId: string | null;
}

/**
 * Withdraws a consent at once (AVG 7(3)), when the one who withdraws may: only the person who gave it —
 * or the client, for a consent the representatives gave for them, once the law leaves that consent to
 * the client (from 16, or assessed competent). A parent cannot withdraw a 16-year-old's own consent.
 * Both the register's own route and a withdraw-consent request come here.
 */
export async function withdrawConsent(
  scope: ClientScope, consentId: string, withdrawer: Withdrawer,
  /** The request path names its own field and answers an unknown consent as bad input (it came in the body). */
  as: { field: string; unknown: () => AppError } = { field: 'withdrawnBy', unknown: () => notFound('Deze toestemming bestaat niet.', 'This consent does not exist.') },
): Promise<void> {
  const consents = consentsOf(scope);
  const row = await consents.givenBy(consentId);
  if (row === undefined) throw as.unknown();
  if (row.withdrawn_at !== null) throw conflict('already-withdrawn', 'Deze toestemming is al ingetrokken.', 'This consent has already been withdrawn.');
  if (!(await mayWithdraw(scope, row, withdrawer))) {
    throw new AppError('not-their-consent', 409, notTheirConsent(row.given_by), NOT_THEIR_CONSENT_EN,
      { field: as.field, basis: NOT_THEIR_CONSENT_BASIS });
  }
  await consents.withdraw(consentId, withdrawer);
}

/** Why someone else may not withdraw this consent (AVG 7(3)), in Dutch. */
export function notTheirConsent(givenBy: ConsentParty): string {
  return `Deze toestemming is gegeven door ${GIVER_IN_WORDS[givenBy]}. Alleen wie de toestemming gaf, kan haar intrekken. Toestemming die ouders of voogd voor de cliënt gaven, kan de cliënt zelf intrekken zodra de wet de toestemming aan de cliënt laat (vanaf 16 jaar, of als de cliënt wilsbekwaam is beoordeeld).`;
}
export const NOT_THEIR_CONSENT_EN = 'Only the person who gave this consent can withdraw it (or the client, for consent the representatives gave, once the law leaves that consent to the client).';
export const NOT_THEIR_CONSENT_BASIS = [Citation.avg_7, Citation.jeugdwet_7_3_4, Citation.jeugdwet_7_3_5];

/**
 * Whether `withdrawer` may withdraw this consent (AVG 7(3)): the person who gave it — or the client, for a consent
 * the representatives gave for them, once the law leaves that consent to the client. The register's route, a
 * withdraw-consent request and the portal all ask this.
 */
export async function mayWithdraw(
  scope: ClientBoundScope, row: { kind: 'care' | 'disclosure'; given_by: ConsentParty; given_by_relation_id: string | null }, withdrawer: Withdrawer,
): Promise<boolean> {
  const own = row.given_by === 'client'
    ? withdrawer.party === 'client'
    : withdrawer.party === row.given_by && row.given_by_relation_id !== null && row.given_by_relation_id === withdrawer.relationId;
  return own || (row.given_by === 'legal-representatives' && withdrawer.party === 'client' && await clientNowHoldsConsent(scope, row.kind));
}

/** Withdraws a consent (see `withdrawConsent`) and answers it as it now stands, texts decrypted. */
export async function withdrawConsentAndRead(scope: ClientScope, masterKey: Buffer, consentId: string, withdrawer: Withdrawer): Promise<Consent> {
  await withdrawConsent(scope, consentId, withdrawer);
  return readConsent(scope, masterKey, consentId);
}

/** Whether, today, the engine names the client alone as the one whose consent of this kind the law asks. */
async function clientNowHoldsConsent(scope: ClientBoundScope, kind: 'care' | 'disclosure'): Promise<boolean> {
  const on = calendarDate(scope.now);
  if (kind === 'care') {
    const competent = await competenceOf(scope).isCompetent('care-consent');
    const holders: readonly ConsentParty[] = careConsent({ on, client: { born: scope.client.birthDate, competent } }).consentOf;
    return holders.includes('client') && !holders.includes('legal-representatives');
  }
  const competent = await competenceOf(scope).isCompetent('dossier-rights');
  const answer = decide(await withPeopleOf(scope, null, { on, client: { born: scope.client.birthDate, competent }, actor: 'third-party', action: 'disclose' }));
  const holders: readonly ConsentParty[] = answer.outcome === 'needs-consent' ? answer.consentOf : [];
  return holders.includes('client') && !holders.includes('legal-representatives');
}
