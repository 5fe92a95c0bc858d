/**
 * Clients' formal data (DOMAIN §1): identity with BSN or the no-BSN set of
 * Jeugdwet 7.2.4, birth date, gender, contact details and the record that
 * identity was checked. Formal data lives in the `formal` schema; nothing here
 * reads care content.
 */
import { randomUUID } from 'node:crypto';
import type { ClientScope, RegistrationOutcome } from '../access/client-access.js';
import type { Queryable } from '../db/database.js';
import { newDataKey, wrapDataKey } from '../crypto/envelope.js';
import { storeClientKey } from '../crypto/client-key-store.js';
import { careRelationOn, joinCareTeam } from '../care-team/care-team-store.js';
import { listCareTeam } from '../care-team/care-team-service.js';
import { careStartedBefore, dossierWithHolder, openDossier } from '../dossier/dossier-store.js';
import { familiesOf } from '../families/family-store.js';
import { EMPLOYEES } from '../organisation/employee-store.js';
import { relationsOf } from '../representation/relation-store.js';
import { type AppError, badRequest, conflict } from '../errors.js';
import { parseIsoDate } from '../rules/index.js';
import { calendarDate } from '../shared/calendar-date.js';
import { activeRestriction, type ProcessingRestriction } from '../dossier/dossier-service.js';
import { transferOf } from '../transfers/transfer-record.js';
import { dossierRetention } from '../retention/dossier-retention.js';
import { clientRepresentativesOn, deathOf, type ClientDeath } from '../representation/representation-service.js';
import { isValidBsn } from './bsn.js';

export const Gender = { female: 'female', male: 'male', other: 'other', unknown: 'unknown' } as const;
export type Gender = (typeof Gender)[keyof typeof Gender];

export const IdentityDocument = {
  passport: 'passport', identityCard: 'identity-card', drivingLicence: 'driving-licence', residencePermit: 'residence-permit', other: 'other',
} as const;
export type IdentityDocument = (typeof IdentityDocument)[keyof typeof IdentityDocument];

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
}

/** The formal data a client may have corrected (AVG 16), in the API's words, and their columns. */
export const CORRECTABLE_FIELDS = {
  bsn: 'bsn', familyName: 'family_name', givenNames: 'given_names', birthDate: 'birth_date', gender: 'gender',
  streetAddress: 'street_address', postcode: 'postcode', town: 'town', phone: 'phone', email: 'email',
} as const;
export type CorrectableField = keyof typeof CORRECTABLE_FIELDS;

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
  const { tx, client } = scope;
  const newValue = validateCorrection(field, value, scope.now);
  const column = CORRECTABLE_FIELDS[field];
  const [row] = await tx.query<{ old: string | null }>(`SELECT ${column}::text AS old FROM formal.clients WHERE id = $1 FOR UPDATE`, [client.id]);
  if (row === undefined) throw new Error('client vanished inside its own scope');
  if (row.old === newValue) throw conflict('correction-unchanged', 'De nieuwe waarde is gelijk aan de huidige; er valt niets te verbeteren.', 'The new value equals the current one; nothing to correct.');
  if (field === 'bsn') {
    const taken = await tx.query('SELECT 1 FROM formal.clients WHERE organisation_id = $1 AND bsn = $2 AND id <> $3', [client.organisationId, newValue, client.id]);
    if (taken.length > 0) throw conflict('duplicate-bsn', 'Er is al een cliënt met dit BSN.', 'A client with this BSN already exists.');
  }
  if (field === 'birthDate') {
    if (await careStartedBefore(tx, client.id, newValue)) invalid(field, 'De zorg begon vóór deze geboortedatum.', 'Care started before this birth date.');
  }
  await replaceKeepingHistory(scope, field, row.old, newValue, { requestId });
}

/**
 * The one way a formal value changes after registration: the new value in the record, and the old one, the new
 * one, when, by whom and why (the request, or how it became known) in the append-only history.
 */
async function replaceKeepingHistory(
  scope: ClientScope, field: CorrectableField, oldValue: string | null, newValue: string, why: { requestId: string } | { reason: string },
): Promise<void> {
  await scope.tx.query(`UPDATE formal.clients SET ${CORRECTABLE_FIELDS[field]} = $2 WHERE id = $1`, [scope.client.id, newValue]);
  await scope.tx.query(
    `INSERT INTO formal.data_corrections (client_id, request_id, reason, field, old_value, new_value, corrected_by, corrected_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [scope.client.id, 'requestId' in why ? why.requestId : null, 'reason' in why ? why.reason : null, field, oldValue, newValue, scope.actor.employeeId, scope.now]);
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
  const [row] = await scope.tx.query<Record<EditableField, string | null>>(
    `SELECT ${fields.map((f) => `${CORRECTABLE_FIELDS[f]}::text AS "${f}"`).join(', ')} FROM formal.clients WHERE id = $1 FOR UPDATE`, [scope.client.id]);
  if (row === undefined) throw new Error('client vanished inside its own scope');
  const changed = values.filter(({ field, value }) => row[field] !== value);
  if (changed.length === 0) throw conflict('correction-unchanged', 'De nieuwe gegevens zijn gelijk aan de huidige; er valt niets te wijzigen.', 'The new details equal the current ones; nothing to change.');
  for (const { field, value } of changed) await replaceKeepingHistory(scope, field, row[field], value, { reason: why });
  return formalCorrections(scope.tx, scope.client.id);
}

async function formalCorrections(tx: Queryable, clientId: string): Promise<FormalCorrection[]> {
  const rows = await tx.query<{
    field: CorrectableField; old_value: string | null; new_value: string; corrected_by: string; corrected_at: Date; request_id: string | null; reason: string | null;
  }>(
    `SELECT d.field, d.old_value, d.new_value, e.display_name AS corrected_by, d.corrected_at, d.request_id, d.reason
       FROM formal.data_corrections d JOIN ${EMPLOYEES} e ON e.id = d.corrected_by WHERE d.client_id = $1 ORDER BY d.corrected_at, d.recorded_at, d.id`, [clientId]);
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
 * Registers a client: formal data, their data key, and — when the registering
 * employee is a care professional — a care dossier with them as holder.
 * A BSN already registered writes nothing and names the existing client, for
 * the access log (the gate's new-client subject).
 */
export async function registerClient(
  tx: Queryable, masterKey: Buffer, organisationId: string, employee: { id: string; role: string }, input: NewClient, now: Date,
): Promise<RegistrationOutcome> {
  validateNewClient(input, now);
  if (input.bsn !== undefined) {
    const [taken] = await tx.query<{ id: string }>('SELECT id FROM formal.clients WHERE organisation_id = $1 AND bsn = $2', [organisationId, input.bsn]);
    if (taken !== undefined) return { kind: 'duplicate', clientId: taken.id, refusal: duplicateBsn() };
  }
  const id = randomUUID();
  await tx.query(
    `INSERT INTO formal.clients (id, organisation_id, bsn, family_name, given_names, birth_date, gender, street_address, postcode, town, phone, email, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [id, organisationId, input.bsn ?? null, input.familyName, input.givenNames, input.birthDate, input.gender,
      input.streetAddress ?? null, input.postcode ?? null, input.town ?? null, input.phone ?? null, input.email ?? null, employee.id],
  );
  await storeClientKey(tx, id, wrapDataKey(masterKey, newDataKey(), id));
  if (input.identityCheck !== undefined) {
    await tx.query('INSERT INTO formal.identity_checks (client_id, document_type, checked_by, checked_at) VALUES ($1, $2, $3, $4)',
      [id, input.identityCheck.documentType, employee.id, input.identityCheck.checkedAt]);
  }
  if (employee.role === 'care-professional') {
    const startedOn = input.careStartedOn ?? calendarDate(now);
    await openDossier(tx, id, employee.id, startedOn);
    await joinCareTeam(tx, id, employee.id, 'holder', startedOn);
  }
  return { kind: 'created', clientId: id };
}

interface ClientRow {
  id: string;
  bsn: string | null;
  family_name: string;
  given_names: string;
  birth_date: string;
  gender: Gender;
  street_address: string | null;
  postcode: string | null;
  town: string | null;
  phone: string | null;
  email: string | null;
  created_at: Date;
}

/**
 * The dossier holder today as the access layer counts it: the care team's current holder relation (the latest to
 * start), so a holder handed over in the care team shows here from the day it counts. `care.dossiers.holder_id`
 * keeps the holder the dossier was opened with.
 */
async function currentHolder(scope: ClientScope): Promise<{ id: string; name: string; function: string } | undefined> {
  const day = calendarDate(scope.now);
  const [holder] = (await listCareTeam(scope))
    .filter((m) => m.relation === 'holder' && m.startsOn <= day && (m.endsOn === null || m.endsOn >= day))
    .sort((a, b) => b.startsOn.localeCompare(a.startsOn) || a.employee.id.localeCompare(b.employee.id));
  return holder === undefined ? undefined : { id: holder.employee.id, name: holder.employee.name, function: holder.employee.function };
}

/** The client's formal record with identity checks and dossier holder. */
export async function readClient(scope: ClientScope, masterKey: Buffer): Promise<ClientRecord> {
  const { tx, client } = scope;
  const [row] = await tx.query<ClientRow>('SELECT * FROM formal.clients WHERE id = $1', [client.id]);
  if (row === undefined) throw new Error('client vanished inside its own scope');
  const checks = await tx.query<{ document_type: IdentityDocument; checked_by: string; checked_at: Date }>(
    `SELECT c.document_type, e.display_name AS checked_by, c.checked_at FROM formal.identity_checks c
       JOIN ${EMPLOYEES} e ON e.id = c.checked_by WHERE c.client_id = $1 ORDER BY c.checked_at`, [client.id]);
  const dossier = await dossierWithHolder(tx, client.id);
  const relations = await relationsOf(tx, client.id);
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
          holder: (await currentHolder(scope)) ?? { id: dossier.holder_id, name: dossier.holder_name, function: dossier.holder_function },
          careStartedOn: dossier.care_started_on, careEndedOn: dossier.care_ended_on,
        },
    createdAt: row.created_at.toISOString(),
    corrections: await formalCorrections(tx, client.id),
    processingRestriction: await activeRestriction(tx, client.id),
    transfer: await transferNotice(tx, masterKey, client.id),
    families: await familiesOf(tx, client.id),
    retention: await retentionNotice(scope),
    death: (await deathOf(scope)) ?? null,
    representatives: await clientRepresentativesOn(scope, calendarDate(scope.now)),
  };
}

/** Until when the dossier is kept, with the engine's explanation: visible to whoever reads the overview (Jeugdwet 7.3.8). */
async function retentionNotice(scope: ClientScope): Promise<ClientRecord['retention']> {
  const retention = await dossierRetention(scope.tx, scope.client.id, scope.client.organisationId, scope.now);
  return retention === undefined ? null : { keptUntil: retention.keptUntil, held: retention.held, explanation: retention.explanation };
}

/** The transfer shown on the overview: to whom, when; the dossier takes no new entries. */
async function transferNotice(tx: Queryable, masterKey: Buffer, clientId: string): Promise<ClientRecord['transfer']> {
  const transfer = await transferOf(tx, masterKey, clientId);
  return transfer === undefined ? null : { id: transfer.id, recipient: transfer.recipient, recipientKind: transfer.recipientKind, transferredOn: transfer.transferredOn };
}

export interface ListCandidate extends ClientSummary {
  relation: string | null;
}

/**
 * Candidates for the caller's client list: their current caseload, or — for
 * roles that work on administrative data — every client of the organisation.
 * The access layer filters them through the policy and logs what is shown.
 */
export async function listCandidates(
  tx: Queryable, organisationId: string, employeeId: string, wholeOrganisation: boolean, today: string, limit: number, offset: number, nameContains?: string,
): Promise<ListCandidate[]> {
  // A name search narrows the same candidates; LIKE wildcards in the search text are taken literally.
  const pattern = nameContains === undefined ? null : `%${nameContains.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  return (await tx.query<{ id: string; family_name: string; given_names: string; birth_date: string; relation: string | null }>(
    `SELECT c.id, c.family_name, c.given_names, c.birth_date, t.relation
       FROM formal.clients c
       LEFT JOIN ${careRelationOn('c.id', '$2', '$3')} t ON true
      WHERE c.organisation_id = $1 AND ($4 OR t.relation IS NOT NULL)
        AND ($7::text IS NULL OR c.given_names || ' ' || c.family_name ILIKE $7)
      ORDER BY c.family_name, c.given_names, c.id
      LIMIT $5 OFFSET $6`,
    [organisationId, employeeId, today, wholeOrganisation, limit, offset, pattern],
  )).map((r) => ({ id: r.id, familyName: r.family_name, givenNames: r.given_names, birthDate: r.birth_date, relation: r.relation }));
}
