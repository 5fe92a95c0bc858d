/**
 * Clients' formal data (DOMAIN §1): identity with BSN or the no-BSN set of
 * Jeugdwet 7.2.4, birth date, gender, contact details and the record that
 * identity was checked. Formal data lives in the `formal` schema; nothing here
 * reads care content.
 */
import { randomUUID } from 'node:crypto';
import type { ClientScope, ListScope, NewClientScope, RegistrationOutcome } from '../access/gate-scope.js';
import { newDataKey, wrapDataKey } from '../crypto/envelope.js';
import { storeNewClientKey } from '../crypto/client-key-store.js';
import { joinCareTeamOfNewClient } from '../care-team/care-team-store.js';
import { dossierOf, openNewDossier } from '../dossier/dossier-store.js';
import { familiesOfScope } from '../families/family-store.js';
import { relationsOfScope } from '../representation/relation-store.js';
import { type AppError, badRequest, conflict } from '../errors.js';
import { parseIsoDate } from '../rules/index.js';
import { calendarDate } from '../shared/calendar-date.js';
import { processingRestrictionOf, type ProcessingRestriction } from '../dossier/dossier-service.js';
import { dossierTransfer } from '../transfers/transfer-record.js';
import { dossierRetentionOf } from '../retention/dossier-retention.js';
import { clientRepresentativesOn, deathOf, type ClientDeath } from '../representation/representation-service.js';
import { runningEmergencyAccessOf } from '../emergency/emergency-store.js';
import { isValidBsn } from './bsn.js';
import {
  clientCandidatesOf, formalDataOf, Gender, newClientOf, type ClientFinder, type CorrectableField, type IdentityDocument,
} from './client-store.js';

// The vocabulary of the formal data lives with its tables' store (client-store.ts), re-exported here for the routes and the other modules.
export { CORRECTABLE_FIELDS, Gender, IdentityDocument, type CorrectableField } from './client-store.js';

export interface NewClient {
  bsn?: string;
  familyName: string;
  givenNames: string;
  birthDate: string;
  gender: Gender;
  streetAddress?: string;
  postcode?: string;
  town?: string;
  phone?: string;
  email?: string;
  identityCheck?: { documentType: IdentityDocument; checkedAt: string };
  careStartedOn?: string;
}

export interface ClientRelation {
  id: string;
  relation: string;
  hasCustody: boolean;
  custodyKind: string | null;
  familyName: string;
  givenNames: string;
  establishedHow: string;
  validFrom: string;
  validTo: string | null;
  /** How custody came about (migration 0048); null without custody. */
  custodyEstablishedBy: string | null;
}

export interface ClientSummary {
  id: string;
  familyName: string;
  givenNames: string;
  birthDate: string;
}

export interface ClientRecord extends ClientSummary {
  bsn: string | null;
  gender: Gender;
  streetAddress: string | null;
  postcode: string | null;
  town: string | null;
  phone: string | null;
  email: string | null;
  identityChecks: { documentType: IdentityDocument; checkedBy: string; checkedAt: string }[];
  relations: ClientRelation[];
  dossier: { holder: { id: string; name: string; function: string }; careStartedOn: string; careEndedOn: string | null } | null;
  createdAt: string;
  /** Corrections of the formal data on the client's request, with the old value kept (AVG 16). */
  corrections: FormalCorrection[];
  /** Processing restricted on the client's request (AVG 18), shown on the overview. */
  processingRestriction: ProcessingRestriction | null;
  /** Transferred to a successor provider or the Nidos guardian: closed to new entries. */
  transfer: { id: string; recipient: string; recipientKind: string; transferredOn: string } | null;
  /** The families this client is a member of (the family part is opened and authorised on its own). */
  families: { id: string; name: string }[];
  /** Until when the dossier is kept (the rules engine with the organisation's term); no end while held for a procedure. */
  retention: { keptUntil: string | null; held: boolean; explanation: string } | null;
  /** The recorded death (Jeugdwet 7.3.12a), if any. */
  death: ClientDeath | null;
  /** Who represents the adult client who is not competent today, by the engine (BW 7:465 lid 3): relation ids and their rank. */
  representatives: { rank: number; relationIds: string[] } | null;
  /** The caller's own confirmed emergency access that runs now, with its end; null when the caller reads on another basis. */
  emergencyAccess: { startedAt: string; expiresAt: string } | null;
}

export interface FormalCorrection {
  field: CorrectableField;
  oldValue: string | null;
  newValue: string;
  correctedBy: string;
  correctedAt: string;
  /** The client's request the correction fulfils (AVG 16); null for an edit in the daily administration. */
  requestId: string | null;
  /** For an edit in the daily administration: how the new value became known. */
  reason: string | null;
}

function invalid(field: string, nl: string, en: string): never {
  throw badRequest('invalid-correction', `correction.${field}`, nl, en);
}

/** Checks a corrected value as registration would (elfproef, real past dates, formats). */
function validateCorrection(field: CorrectableField, value: string, now: Date): string {
  const v = value.trim();
  if (v === '') invalid(field, 'De nieuwe waarde is leeg.', 'The new value is empty.');
  switch (field) {
    case 'bsn':
      if (!/^[0-9]{9}$/.test(v) || !isValidBsn(v)) invalid(field, 'Dit BSN is ongeldig (het voldoet niet aan de elfproef).', 'This BSN is invalid (elfproef).');
      return v;
    case 'birthDate':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || parseIsoDate(v) === undefined || v > calendarDate(now) || v < '1900-01-01') {
        invalid(field, 'Deze geboortedatum bestaat niet, ligt in de toekomst of is niet aannemelijk.', 'This birth date does not exist, is in the future or is not plausible.');
      }
      return v;
    case 'gender':
      if (!(Object.values(Gender) as string[]).includes(v)) invalid(field, 'Kies female, male, other of unknown.', 'Choose female, male, other or unknown.');
      return v;
    case 'postcode':
      if (!/^[1-9][0-9]{3} ?[A-Za-z]{2}$/.test(v)) invalid(field, 'Deze postcode is ongeldig.', 'This postcode is invalid.');
      return v;
    case 'phone':
      if (!/^[+0-9 ()-]{6,20}$/.test(v)) invalid(field, 'Dit telefoonnummer is ongeldig.', 'This phone number is invalid.');
      return v;
    case 'email':
      if (v.length > 254 || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v)) invalid(field, 'Dit e-mailadres is ongeldig.', 'This e-mail address is invalid.');
      return v;
    case 'familyName': case 'givenNames': case 'town':
      if (v.length > 200) invalid(field, 'De nieuwe waarde is te lang.', 'The new value is too long.');
      return v;
    case 'streetAddress':
      if (v.length > 300) invalid(field, 'Het adres is te lang.', 'The address is too long.');
      return v;
  }
}

/**
 * Corrects one item of formal data on a granted request (AVG 16; 003 §3.4):
 * the new value replaces the old one in the record, and the old value, the new
 * one, when, by whom and on which request are kept in the correction history.
 */
export async function correctFormalData(scope: ClientScope, requestId: string, field: CorrectableField, value: string): Promise<void> {
  const newValue = validateCorrection(field, value, scope.now);
  const formal = formalDataOf(scope);
  const row = await formal.lockedValues([field]);
  if (row === undefined) throw new Error('client vanished inside its own scope');
  const old = row[field];
  if (old === newValue) throw conflict('correction-unchanged', 'De nieuwe waarde is gelijk aan de huidige; er valt niets te verbeteren.', 'The new value equals the current one; nothing to correct.');
  if (field === 'bsn') {
    if (await formal.bsnTakenByAnother(newValue)) throw conflict('duplicate-bsn', 'Er is al een cliënt met dit BSN.', 'A client with this BSN already exists.');
  }
  if (field === 'birthDate') {
    if (await dossierOf(scope).careStartedBefore(newValue)) invalid(field, 'De zorg begon vóór deze geboortedatum.', 'Care started before this birth date.');
  }
  await formal.replace(field, old, newValue, { requestId });
}

/**
 * The formal data kept up to date in the daily administration: address and contact details (Jeugdwet 7.2.4).
 * Name, BSN, birth date and gender identify the client and change only on the client's request (AVG 16).
 */
export const EDITABLE_FIELDS = ['streetAddress', 'postcode', 'town', 'phone', 'email'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/**
 * Changes the client's address or contact details (a move, a new phone number), keeping the old values with when,
 * by whom and how the new ones became known; returns the whole history. 400 for an invalid value, 409 when
 * nothing changes.
 */
export async function editFormalData(scope: ClientScope, changes: Partial<Record<EditableField, string>>, reason: string): Promise<FormalCorrection[]> {
  const why = reason.trim();
  if (why.length < 3 || UNSTORABLE_TEXT.test(why)) {
    throw badRequest('invalid-correction', 'reason', 'Schrijf op hoe de nieuwe gegevens bekend zijn geworden, bijvoorbeeld "doorgegeven door de moeder, telefonisch".',
      'Say how the new details became known, e.g. "passed on by the mother, by phone".');
  }
  const fields = EDITABLE_FIELDS.filter((f) => changes[f] !== undefined);
  if (fields.length === 0) invalid('streetAddress', 'Vul minstens één nieuw gegeven in.', 'Fill in at least one new value.');
  const values = fields.map((field) => {
    if (UNSTORABLE_TEXT.test(changes[field]!)) invalid(field, 'Deze tekst bevat tekens die niet in een adres horen (zoals stuurtekens).', 'This text contains characters that do not belong in an address.');
    return { field, value: validateCorrection(field, changes[field]!, scope.now) };
  });
  const formal = formalDataOf(scope);
  const row = await formal.lockedValues(fields);
  if (row === undefined) throw new Error('client vanished inside its own scope');
  const changed = values.filter(({ field, value }) => row[field] !== value);
  if (changed.length === 0) throw conflict('correction-unchanged', 'De nieuwe gegevens zijn gelijk aan de huidige; er valt niets te wijzigen.', 'The new details equal the current ones; nothing to change.');
  for (const { field, value } of changed) await formal.replace(field, row[field], value, { reason: why });
  return formalCorrections(scope);
}

async function formalCorrections(scope: ClientScope): Promise<FormalCorrection[]> {
  const rows = await formalDataOf(scope).corrections();
  return rows.map((r) => ({
    field: r.field, oldValue: r.old_value, newValue: r.new_value, correctedBy: r.corrected_by, correctedAt: r.corrected_at.toISOString(), requestId: r.request_id, reason: r.reason,
  }));
}

/** Control characters (NUL included) and lone surrogates: no name or address holds them, and PostgreSQL refuses NUL. */
const UNSTORABLE_TEXT = /[\p{Cc}\p{Cs}]/u;

/** The text fields of a new client, in the API's words. */
const TEXT_FIELDS = ['bsn', 'familyName', 'givenNames', 'streetAddress', 'postcode', 'town', 'phone', 'email'] as const;

/**
 * Checks what the schema cannot: text that cannot be stored, the elfproef,
 * real and past dates, the no-BSN set. The whole body is checked before
 * anything is looked up, so an invalid body answers the same whether or not
 * its BSN is registered (issue 13: registration was a BSN oracle).
 */
export function validateNewClient(input: NewClient, now: Date): void {
  const today = calendarDate(now);
  for (const field of TEXT_FIELDS) {
    const value = input[field];
    if (value !== undefined && UNSTORABLE_TEXT.test(value)) {
      throw badRequest('invalid-text', field, 'Deze tekst bevat tekens die niet in een naam of adres horen (zoals stuurtekens).',
        'This text contains characters that do not belong in a name or address (such as control characters).');
    }
  }
  for (const field of ['familyName', 'givenNames'] as const) {
    if (input[field].trim() === '') throw badRequest('invalid-text', field, 'Vul een naam in, niet alleen spaties.', 'Fill in a name, not just spaces.');
  }
  if (input.bsn !== undefined && !isValidBsn(input.bsn)) {
    throw badRequest('invalid-bsn', 'bsn', 'Dit BSN is ongeldig (het voldoet niet aan de elfproef).', 'This BSN is invalid (it fails the elfproef check).');
  }
  if (parseIsoDate(input.birthDate) === undefined) {
    throw badRequest('invalid-date', 'birthDate', 'Deze geboortedatum bestaat niet.', 'This birth date does not exist.');
  }
  if (input.birthDate > today) {
    throw badRequest('date-in-future', 'birthDate', 'De geboortedatum ligt in de toekomst.', 'The birth date is in the future.');
  }
  if (input.birthDate < '1900-01-01') {
    throw badRequest('invalid-date', 'birthDate', 'Deze geboortedatum is niet aannemelijk.', 'This birth date is not plausible.');
  }
  if (input.bsn === undefined) {
    // Jeugdwet 7.2.4: without a BSN, name, first names, address, postcode, town and birth date.
    for (const field of ['streetAddress', 'postcode', 'town'] as const) {
      if (input[field] === undefined || input[field].trim() === '') {
        throw badRequest('identity-incomplete', field, `Zonder BSN is "${field}" verplicht (Jeugdwet 7.2.4).`, `Without a BSN, "${field}" is required (Jeugdwet 7.2.4).`);
      }
    }
  }
  if (input.identityCheck !== undefined) {
    // Compare instants, not the sender's local date: "…T23:59+14:00" may already be tomorrow.
    const checkedAt = Date.parse(input.identityCheck.checkedAt);
    if (Number.isNaN(checkedAt) || checkedAt > now.getTime() || calendarDate(new Date(checkedAt)) < input.birthDate) {
      throw badRequest('invalid-date', 'identityCheck.checkedAt', 'De datum van de identiteitscontrole is ongeldig of ligt in de toekomst.', 'The identity check date is invalid or in the future.');
    }
  }
  if (input.careStartedOn !== undefined && (parseIsoDate(input.careStartedOn) === undefined || input.careStartedOn > today || input.careStartedOn < input.birthDate)) {
    throw badRequest('invalid-date', 'careStartedOn', 'De startdatum van de zorg is ongeldig of ligt in de toekomst.', 'The care start date is invalid or in the future.');
  }
}

/**
 * 409 for a BSN that is already registered in the organisation. The caller may
 * not be in that client's care team, so it names no one; it tells them the
 * way in: ask the dossier holder (or a manager) to be added to the care team.
 */
function duplicateBsn(): AppError {
  return conflict('duplicate-bsn',
    'Er is al een cliënt met dit BSN in uw organisatie. U kunt deze cliënt daarom niet opnieuw inschrijven. '
    + 'Werkt u met deze cliënt? Vraag de dossierhouder of uw leidinggevende om u toe te voegen aan het behandelteam. Deze poging is vastgelegd.',
    'A client with this BSN is already registered in your organisation, so you cannot register them again. '
    + 'Working with this client? Ask the dossier holder or your manager to add you to the care team. This attempt has been logged.');
}

/**
 * Registers a client in the organisation of the scope's actor, who registers
 * them: formal data, their data key, and — when the registering employee is a
 * care professional — a care dossier with them as holder. Tells the scope what
 * happened: a new client, or a BSN already registered, which writes nothing and
 * names the existing client for the access log (the gate's new-client subject).
 */
export async function registerClient(scope: NewClientScope, masterKey: Buffer, input: NewClient): Promise<RegistrationOutcome> {
  const outcome = await registration(scope, masterKey, input);
  if (outcome.kind === 'created') scope.created(outcome.clientId);
  else scope.duplicate(outcome.clientId, outcome.refusal);
  return outcome;
}

async function registration(scope: NewClientScope, masterKey: Buffer, input: NewClient): Promise<RegistrationOutcome> {
  validateNewClient(input, scope.now);
  const clients = newClientOf(scope);
  if (input.bsn !== undefined) {
    const taken = await clients.withBsn(input.bsn);
    if (taken !== undefined) return { kind: 'duplicate', clientId: taken, refusal: duplicateBsn() };
  }
  const id = randomUUID();
  await clients.register(id, {
    bsn: input.bsn ?? null, familyName: input.familyName, givenNames: input.givenNames, birthDate: input.birthDate, gender: input.gender,
    streetAddress: input.streetAddress ?? null, postcode: input.postcode ?? null, town: input.town ?? null, phone: input.phone ?? null, email: input.email ?? null,
  });
  await storeNewClientKey(scope, id, wrapDataKey(masterKey, newDataKey(), id));
  if (input.identityCheck !== undefined) await clients.recordIdentityCheck(id, input.identityCheck);
  if (scope.actor.role === 'care-professional') {
    const startedOn = input.careStartedOn ?? calendarDate(scope.now);
    await openNewDossier(scope, id, scope.actor.employeeId, startedOn);
    await joinCareTeamOfNewClient(scope, id, 'holder', startedOn);
  }
  return { kind: 'created', clientId: id };
}

/** The client's formal record with identity checks and dossier holder. */
export async function readClient(scope: ClientScope, masterKey: Buffer): Promise<ClientRecord> {
  const formal = formalDataOf(scope);
  const row = await formal.row();
  if (row === undefined) throw new Error('client vanished inside its own scope');
  const checks = await formal.identityChecks();
  const dossier = await dossierOf(scope).withHolder();
  const relations = await relationsOfScope(scope).all();
  return {
    id: row.id, bsn: row.bsn, familyName: row.family_name, givenNames: row.given_names, birthDate: row.birth_date, gender: row.gender,
    streetAddress: row.street_address, postcode: row.postcode, town: row.town, phone: row.phone, email: row.email,
    identityChecks: checks.map((c) => ({ documentType: c.document_type, checkedBy: c.checked_by, checkedAt: c.checked_at.toISOString() })),
    relations: relations.map((r) => ({
      id: r.id, relation: r.relation, hasCustody: r.has_custody, custodyKind: r.custody_kind, familyName: r.family_name,
      givenNames: r.given_names, establishedHow: r.established_how, validFrom: r.valid_from, validTo: r.valid_to,
      custodyEstablishedBy: r.custody_established_by,
    })),
    dossier: dossier === undefined
      ? null
      : {
          // The holder on the reading day, from the care team's dated memberships (a hand-over dated later counts from its day).
          holder: { id: dossier.holder_id, name: dossier.holder_name, function: dossier.holder_function },
          careStartedOn: dossier.care_started_on, careEndedOn: dossier.care_ended_on,
        },
    createdAt: row.created_at.toISOString(),
    corrections: await formalCorrections(scope),
    processingRestriction: await processingRestrictionOf(scope),
    transfer: await transferNotice(scope, masterKey),
    families: await familiesOfScope(scope),
    retention: await retentionNotice(scope),
    death: (await deathOf(scope)) ?? null,
    representatives: await clientRepresentativesOn(scope, calendarDate(scope.now)),
    emergencyAccess: await emergencyAccessNotice(scope),
  };
}

/** The caller's running emergency access, for the banner with the time left; only when the gate let them in by it. */
async function emergencyAccessNotice(scope: ClientScope): Promise<ClientRecord['emergencyAccess']> {
  if (scope.decision.basis !== 'emergency') return null;
  const grant = await runningEmergencyAccessOf(scope);
  return grant === undefined ? null : { startedAt: grant.startedAt.toISOString(), expiresAt: grant.expiresAt.toISOString() };
}

/** Until when the dossier is kept, with the engine's explanation: visible to whoever reads the overview (Jeugdwet 7.3.8). */
async function retentionNotice(scope: ClientScope): Promise<ClientRecord['retention']> {
  const retention = await dossierRetentionOf(scope);
  return retention === undefined ? null : { keptUntil: retention.keptUntil, held: retention.held, explanation: retention.explanation };
}

/** The transfer shown on the overview: to whom, when; the dossier takes no new entries. */
async function transferNotice(scope: ClientScope, masterKey: Buffer): Promise<ClientRecord['transfer']> {
  const transfer = await dossierTransfer(scope, masterKey);
  return transfer === undefined ? null : { id: transfer.id, recipient: transfer.recipient, recipientKind: transfer.recipientKind, transferredOn: transfer.transferredOn };
}

export interface ListCandidate extends ClientSummary {
  relation: string | null;
  /** The recorded end of care, when there is one (issue 15 item 4). */
  careEndedOn: string | null;
}

/**
 * Candidates for the caller's client list: their current caseload, or — for
 * roles that work on administrative data — every client of the organisation.
 * The gate filters them through the policy and logs what is shown.
 */
export async function listCandidates(
  scope: ListScope, options: { wholeOrganisation: boolean; limit: number; offset: number; nameContains?: string | undefined },
): Promise<ListCandidate[]> {
  const rows = await clientCandidatesOf(scope).page({ ...options, today: calendarDate(scope.now) });
  return rows.map((r) => ({
    id: r.id, familyName: r.family_name, givenNames: r.given_names, birthDate: r.birth_date, relation: r.relation, careEndedOn: r.care_ended_on ?? null,
  }));
}

/** A client found by a search: one the caller may see, or — for whom they could break the glass — only that they exist. */
export type FoundClient =
  | { shown: 'client'; id: string; familyName: string; givenNames: string; birthDate: string; birthYear: number; inCaseload: boolean }
  | { shown: 'existence'; id: string; familyName: string; givenNames: string; birthYear: number };

/** The one criterion of a search, as the API takes it; 400 unless exactly one is given (and a BSN that passes the elfproef). */
export function finderOf(body: { name?: string | undefined; birthDate?: string | undefined; bsn?: string | undefined }): ClientFinder {
  const given = [body.name, body.birthDate, body.bsn].filter((v) => v !== undefined).length;
  if (given !== 1) {
    throw badRequest('invalid-search', undefined, 'Zoek op één ding: een deel van de naam, de geboortedatum of het BSN.',
      'Search by one thing: part of the name, the birth date or the BSN.');
  }
  if (body.name !== undefined) {
    const name = body.name.trim();
    if (name.length < 2) throw badRequest('invalid-search', 'name', 'Typ minstens 2 letters van de naam.', 'Type at least 2 letters of the name.');
    return { name };
  }
  if (body.birthDate !== undefined) return { birthDate: body.birthDate };
  const bsn = body.bsn!;
  if (!isValidBsn(bsn)) throw badRequest('invalid-bsn', 'bsn', 'Dit BSN klopt niet. Controleer de 9 cijfers.', 'This BSN fails the check; check the 9 digits.');
  return { bsn };
}

/** At most this many clients come back from one search: enough to recognise someone, too few to browse the organisation. */
export const FIND_LIMIT = 20;

/**
 * Finds a client in the whole organisation (issue 15, "Find a client, break the glass properly"): by a part of the
 * name (at least 2 letters), or exactly by birth date or BSN. The gate decides each candidate (`scope.find`): the
 * clients the caller may see come with their birth date; for the others the caller could break the glass for, only
 * name and birth year, and an id to ask emergency access with. Everyone shown is logged.
 */
export async function findClients(scope: ListScope, by: ClientFinder): Promise<FoundClient[]> {
  const rows = await clientCandidatesOf(scope).find(by, calendarDate(scope.now), FIND_LIMIT);
  const candidates = rows.map((r) => ({ id: r.id, familyName: r.family_name, givenNames: r.given_names, birthDate: r.birth_date, relation: r.relation }));
  const found = await scope.find(candidates, (c) => c.id);
  return found.map(({ candidate: c, shown }): FoundClient => {
    const birthYear = Number(c.birthDate.slice(0, 4));
    return shown === 'client'
      ? { shown, id: c.id, familyName: c.familyName, givenNames: c.givenNames, birthDate: c.birthDate, birthYear, inCaseload: c.relation !== null }
      : { shown, id: c.id, familyName: c.familyName, givenNames: c.givenNames, birthYear };
  });
}
