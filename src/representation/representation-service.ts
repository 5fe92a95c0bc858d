/**
 * Who represents the client: parents with and without custody, guardians
 * (also a certified institution), family guardians under an OTS, with the BRP
 * custody kinds, dates and how it was established — kept with history
 * (003 §2.3.5; DOMAIN §1). Competence assessments for clients of 12 and over
 * (003 §3.1; BW 7:465) and the agreements made at the start of care with a
 * client of 12–15 (003 §2.3.5). The rules engine reads these facts; this
 * module only records them and never decides on age or custody itself.
 */
import { randomUUID } from 'node:crypto';
import { Type } from 'typebox';
import type { ClientScope } from '../access/client-access.js';
import { clientDataKey } from '../crypto/client-keys.js';
import { decryptJson, encryptJson } from '../crypto/envelope.js';
import type { Queryable } from '../db/database.js';
import { badRequest, conflict, notFound } from '../errors.js';
import { deathOf, wishInLifeFor } from './client-death.js';
import { openText, sealText } from '../retention/client-free-text.js';
import type { CustodyKind as EngineCustody, Relation as EngineRelation } from '../rules/index.js';
import {
  ageOn, Fact, representativesOn, toCalendarDate,
  type DecideInput, type Person, type PersonRef,
} from '../rules/index.js';
import { EMPLOYEES } from '../organisation/employee-store.js';
import { calendarDate } from '../shared/calendar-date.js';
import type { CustodyBasis, CustodyKind, RelationKind } from './relation-store.js';

/** What a competence assessment seals: the facts it rests on. */
const SealedFacts = Type.Object({ facts: Type.String() });

// The vocabulary of a relation lives with its table's store (relation-store.ts), re-exported here for the services.
export { CustodyBasis, CustodyKind, RelationKind } from './relation-store.js';

/** Relations that represent an adult who is not competent, by rank (BW 7:465 lid 3); none holds custody. */
const REPRESENTATIVE_KINDS: readonly RelationKind[] = ['curator', 'mentor', 'authorised', 'partner', 'child', 'sibling'];

export interface NewRelation {
  relation: RelationKind;
  hasCustody: boolean;
  custodyKind?: CustodyKind;
  /** Required with custody: how it was established (never assumed, 003 §2.3.5). */
  custodyEstablishedBy?: CustodyBasis;
  familyName: string;
  givenNames: string;
  institution?: string;
  phone?: string;
  email?: string;
  establishedHow: string;
  validFrom: string;
}

/** Checks a relation's internal consistency; the law's consequences are the engine's. */
function checkRelation(input: NewRelation, today: string): void {
  if (input.validFrom > today) throw badRequest('date-in-future', 'validFrom', 'De begindatum ligt in de toekomst.', 'The start date is in the future.');
  if (input.hasCustody && input.custodyKind === undefined) {
    throw badRequest('custody-kind-missing', 'custodyKind', 'Geef aan welke vorm van gezag het is (zoals in het gezagsregister).', 'State the kind of custody (as in the custody register).');
  }
  if (!input.hasCustody && input.custodyKind !== undefined && input.custodyKind !== 'temporarily-none' && input.custodyKind !== 'undeterminable') {
    throw badRequest('custody-inconsistent', 'custodyKind', 'Een gezagsvorm hoort bij iemand met gezag.', 'A custody kind belongs to someone with custody.');
  }
  if (input.relation === 'confidential-advisor' && input.hasCustody) {
    throw badRequest('custody-inconsistent', 'hasCustody', 'Een vertrouwenspersoon heeft geen gezag.', 'A confidential advisor does not hold custody.');
  }
  if (REPRESENTATIVE_KINDS.includes(input.relation) && (input.hasCustody || input.custodyKind !== undefined)) {
    throw badRequest('custody-inconsistent', 'hasCustody',
      'Een curator, mentor, schriftelijk gemachtigde, partner, kind, broer of zus heeft geen gezag. Zij kunnen een volwassen cliënt vertegenwoordigen die zijn belangen niet goed kan overzien.',
      'A curator, mentor, authorised person, partner, child or sibling does not hold custody; they may represent an adult client who is not competent.');
  }
  if (input.custodyKind === 'joint-with-non-parent' && !input.hasCustody) {
    throw badRequest('custody-inconsistent', 'hasCustody', 'Gezamenlijk gezag van een ouder en een niet-ouder is gezag: vink gezag aan.', 'Joint custody of a parent and a non-parent is custody.');
  }
  if (input.relation === 'family-guardian' && input.hasCustody) {
    throw badRequest('custody-inconsistent', 'hasCustody', 'Een gezinsvoogd heeft geen gezag; de ouders houden het gezag bij een ondertoezichtstelling.', 'A family guardian does not hold custody; under an OTS the parents keep it.');
  }
  if (input.hasCustody && input.custodyEstablishedBy === undefined) {
    throw badRequest('custody-basis-missing', 'custodyEstablishedBy',
      'Geef aan hoe het gezag is ontstaan: van rechtswege (getrouwd of geregistreerd partner, of de moeder alleen), door erkenning, door een beslissing van de rechter, of door benoeming tot voogd.',
      'State how custody was established: by law, by recognition, by a court decision, or by appointment as guardian.');
  }
  if (!input.hasCustody && input.custodyEstablishedBy !== undefined) {
    throw badRequest('custody-inconsistent', 'custodyEstablishedBy', 'Hoe het gezag is ontstaan, hoort bij iemand met gezag.', 'How custody was established belongs to someone with custody.');
  }
}

export async function addRelation(scope: ClientScope, input: NewRelation): Promise<string> {
  checkRelation(input, calendarDate(scope.now));
  const id = randomUUID();
  await scope.tx.query(
    `INSERT INTO formal.client_relations (id, client_id, relation, has_custody, custody_kind, family_name, given_names, institution, phone, email,
       established_how, valid_from, created_by, custody_established_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [id, scope.client.id, input.relation, input.hasCustody, input.custodyKind ?? null, input.familyName, input.givenNames, input.institution ?? null,
      input.phone ?? null, input.email ?? null, input.establishedHow, input.validFrom, scope.actor.employeeId, input.custodyEstablishedBy ?? null]);
  return id;
}

/** Ends a relation on `validTo` (custody changed, guardianship ended); the record stays. */
export async function endRelation(scope: ClientScope, relationId: string, validTo: string): Promise<void> {
  const rows = await scope.tx.query<{ valid_from: string; valid_to: string | null }>(
    'SELECT valid_from, valid_to FROM formal.client_relations WHERE id = $1 AND client_id = $2', [relationId, scope.client.id]);
  const row = rows[0];
  if (row === undefined) throw notFound('Deze relatie bestaat niet bij deze cliënt.', 'This relation does not exist for this client.');
  if (row.valid_to !== null) throw conflict('already-ended', 'Deze relatie is al beëindigd.', 'This relation has already ended.');
  if (validTo < row.valid_from) throw badRequest('invalid-period', 'validTo', 'De einddatum ligt voor de begindatum.', 'The end date is before the start date.');
  await scope.tx.query('UPDATE formal.client_relations SET valid_to = $2, ended_by = $3 WHERE id = $1', [relationId, validTo, scope.actor.employeeId]);
}

export const CompetenceMatter = { dossierRights: 'dossier-rights', careConsent: 'care-consent' } as const;
export type CompetenceMatter = (typeof CompetenceMatter)[keyof typeof CompetenceMatter];

export interface NewCompetenceAssessment {
  matter: CompetenceMatter;
  competent: boolean;
  assessedOn: string;
  facts: string;
  expertConsulted: string;
  representativeRelationId?: string;
}

export interface CompetenceAssessment extends Omit<NewCompetenceAssessment, 'representativeRelationId'> {
  id: string;
  representativeRelationId: string | null;
  assessedBy: string;
}

/** Records an assessment (003 §3.1): the facts, the expert consulted, and who represents when not competent. */
export async function addCompetenceAssessment(scope: ClientScope, masterKey: Buffer, input: NewCompetenceAssessment): Promise<string> {
  if (input.assessedOn > calendarDate(scope.now)) throw badRequest('date-in-future', 'assessedOn', 'De datum ligt in de toekomst.', 'The date is in the future.');
  // Under 12 the representatives act in any case (BW 7:465(1); Jeugdwet 7.3.10): an assessment has nothing to decide.
  if (ageOn(toCalendarDate(scope.client.birthDate, 'birthDate'), toCalendarDate(input.assessedOn, 'assessedOn')) < 12) {
    throw badRequest('too-young-for-assessment', 'assessedOn', 'Een kind onder de 12 wordt altijd vertegenwoordigd door de ouders met gezag of de voogd. Een beoordeling van wilsbekwaamheid is pas vanaf 12 jaar nodig.',
      'A child under 12 is always represented; a competence assessment applies from 12.');
  }
  const adult = ageOn(toCalendarDate(scope.client.birthDate, 'birthDate'), toCalendarDate(input.assessedOn, 'assessedOn')) >= 18;
  if (adult) {
    // Custody ended at 18 (BW 1:233): the engine decides who represents from the registered relations (BW 7:465 lid 3).
    if (input.representativeRelationId !== undefined) {
      const rows = await scope.tx.query('SELECT 1 FROM formal.client_relations WHERE id = $1 AND client_id = $2 AND relation = ANY($3) AND valid_to IS NULL',
        [input.representativeRelationId, scope.client.id, [...REPRESENTATIVE_KINDS, 'parent']]);
      if (rows.length === 0) {
        throw badRequest('not-a-representative', 'representativeRelationId',
          'Een volwassen cliënt wordt vertegenwoordigd door een curator of mentor, een schriftelijk gemachtigde, de partner, of een ouder, kind, broer of zus. Deze persoon is dat niet.',
          'An adult client is represented by a curator or mentor, the person authorised in writing, the partner, or a parent, child or sibling; this person is none of them.');
      }
    }
  } else if (!input.competent && input.representativeRelationId === undefined) {
    throw badRequest('representative-missing', 'representativeRelationId', 'Leg vast wie de jongere vertegenwoordigt als hij of zij niet wilsbekwaam is.', 'Record who represents the young person when not competent.');
  }
  if (!adult && input.representativeRelationId !== undefined) {
    const rows = await scope.tx.query('SELECT 1 FROM formal.client_relations WHERE id = $1 AND client_id = $2 AND has_custody AND valid_to IS NULL',
      [input.representativeRelationId, scope.client.id]);
    if (rows.length === 0) {
      throw badRequest('not-a-representative', 'representativeRelationId', 'Deze persoon is geen huidige wettelijk vertegenwoordiger van de cliënt.', 'This person is not a current legal representative of the client.');
    }
  }
  const id = randomUUID();
  const key = await clientDataKey(scope.tx, masterKey, scope.client.id);
  await scope.tx.query(
    // The expert is a person's name: sealed under the client's key like the facts (migration 0037).
    `INSERT INTO care.competence_assessments (id, client_id, matter, competent, assessed_on, expert_consulted_ciphertext, representative_relation_id, assessed_by, facts_ciphertext)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [id, scope.client.id, input.matter, input.competent, input.assessedOn, sealText(key, 'competenceExpert', id, input.expertConsulted), input.representativeRelationId ?? null,
      scope.actor.employeeId, encryptJson(key, { facts: input.facts }, `competence:${id}`)]);
  return id;
}

export async function listCompetenceAssessments(scope: ClientScope, masterKey: Buffer): Promise<CompetenceAssessment[]> {
  const rows = await scope.tx.query<{
    id: string; matter: CompetenceMatter; competent: boolean; assessed_on: string; expert_consulted: string | null; expert_consulted_ciphertext: Buffer | null; representative_relation_id: string | null; display_name: string; facts_ciphertext: Buffer;
  }>(
    `SELECT a.id, a.matter, a.competent, a.assessed_on, a.expert_consulted, a.expert_consulted_ciphertext, a.representative_relation_id, e.display_name, a.facts_ciphertext
       FROM care.competence_assessments a JOIN ${EMPLOYEES} e ON e.id = a.assessed_by
      WHERE a.client_id = $1 ORDER BY a.assessed_on DESC, a.recorded_at DESC`, [scope.client.id]);
  if (rows.length === 0) return [];
  const key = await clientDataKey(scope.tx, masterKey, scope.client.id);
  return rows.map((r) => ({
    id: r.id, matter: r.matter, competent: r.competent, assessedOn: r.assessed_on,
    expertConsulted: r.expert_consulted_ciphertext === null ? r.expert_consulted ?? '' : openText(key, 'competenceExpert', r.id, r.expert_consulted_ciphertext),
    representativeRelationId: r.representative_relation_id, assessedBy: r.display_name,
    facts: decryptJson(key, r.facts_ciphertext, `competence:${r.id}`, SealedFacts).facts,
  }));
}

/** Whether the latest assessment for `matter` found the client competent; true when none was made (the law presumes it). */
export async function isCompetent(tx: Queryable, clientId: string, matter: CompetenceMatter): Promise<boolean> {
  const rows = await tx.query<{ competent: boolean }>(
    'SELECT competent FROM care.competence_assessments WHERE client_id = $1 AND matter = $2 ORDER BY assessed_on DESC, recorded_at DESC LIMIT 1', [clientId, matter]);
  return rows[0]?.competent ?? true;
}

export const StartAgreement = { noConversationReportsToParents: 'no-conversation-reports-to-parents' } as const;
export type StartAgreement = (typeof StartAgreement)[keyof typeof StartAgreement];

export interface RecordedAgreement {
  id: string;
  agreement: StartAgreement;
  agreedOn: string;
  endedOn: string | null;
  recordedBy: string;
}

export async function listAgreements(scope: ClientScope): Promise<RecordedAgreement[]> {
  const rows = await scope.tx.query<{ id: string; agreement: StartAgreement; agreed_on: string; ended_on: string | null; display_name: string }>(
    `SELECT a.id, a.agreement, a.agreed_on, a.ended_on, e.display_name FROM org.start_agreements a JOIN ${EMPLOYEES} e ON e.id = a.recorded_by
      WHERE a.client_id = $1 ORDER BY a.agreed_on`, [scope.client.id]);
  return rows.map((r) => ({ id: r.id, agreement: r.agreement, agreedOn: r.agreed_on, endedOn: r.ended_on, recordedBy: r.display_name }));
}

/** Records an agreement made at the start of care; the engine reads it for parents' requests (003 §3.1). */
export async function addAgreement(scope: ClientScope, agreement: StartAgreement, agreedOn: string): Promise<string> {
  if (agreedOn > calendarDate(scope.now)) throw badRequest('date-in-future', 'agreedOn', 'De datum ligt in de toekomst.', 'The date is in the future.');
  const current = (await listAgreements(scope)).filter((a) => a.agreement === agreement && a.endedOn === null);
  if (current.length > 0) throw conflict('agreement-exists', 'Deze afspraak is al vastgelegd.', 'This agreement is already recorded.');
  const [row] = await scope.tx.query<{ id: string }>('INSERT INTO org.start_agreements (client_id, agreement, agreed_on, recorded_by) VALUES ($1, $2, $3, $4) RETURNING id',
    [scope.client.id, agreement, agreedOn, scope.actor.employeeId]);
  return row!.id;
}

export async function endAgreement(scope: ClientScope, agreementId: string): Promise<void> {
  const rows = await scope.tx.query('UPDATE org.start_agreements SET ended_on = $3, ended_by = $4 WHERE id = $1 AND client_id = $2 AND ended_on IS NULL RETURNING id',
    [agreementId, scope.client.id, calendarDate(scope.now), scope.actor.employeeId]);
  if (rows.length === 0) throw notFound('Deze afspraak bestaat niet of is al beëindigd.', 'This agreement does not exist or has already ended.');
}

const agreementFact: Record<StartAgreement, Fact> = {
  'no-conversation-reports-to-parents': Fact.agreedNoConversationReportsToParents,
};

/** The current agreements as the engine's facts. */
export async function agreementFacts(tx: Queryable, clientId: string): Promise<Fact[]> {
  const rows = await tx.query<{ agreement: StartAgreement }>('SELECT DISTINCT agreement FROM org.start_agreements WHERE client_id = $1 AND ended_on IS NULL', [clientId]);
  return rows.map((r) => agreementFact[r.agreement]);
}

interface RelationRow {
  id: string; relation: RelationKind; has_custody: boolean; custody_kind: CustodyKind | null; valid_from: string; valid_to: string | null;
}

const engineRelation: Record<RelationKind, EngineRelation> = {
  'parent': 'parent', 'curator': 'curator', 'mentor': 'mentor', 'authorised': 'authorised', 'partner': 'partner', 'child': 'child', 'sibling': 'sibling',
  'guardian': 'other', 'foster-parent': 'other', 'other': 'other', 'family-guardian': 'other', 'confidential-advisor': 'other',
};

function engineCustody(row: RelationRow): EngineCustody | undefined {
  if (!row.has_custody) return undefined;
  switch (row.custody_kind) {
    case 'two-headed-parental': return 'two-headed-parental';
    case 'single-headed-parental': return 'single-headed-parental';
    case 'joint-with-non-parent': return 'joint-with-non-parent';
    case 'guardianship': case 'guardianship-institution': return 'guardianship';
    case 'temporarily-none': case 'undeterminable': case null: return undefined;
  }
}

/**
 * The people around the client as the engine's `persons` on `on`: every
 * relation begun by then, with the period of its custody or role (the engine
 * checks it). A relation without custody or appointment that has ended is
 * left out: it no longer stands for anyone.
 */
export async function personsOf(tx: Queryable, clientId: string, on: string): Promise<Person[]> {
  const rows = await tx.query<RelationRow>(
    'SELECT id, relation, has_custody, custody_kind, valid_from, valid_to FROM formal.client_relations WHERE client_id = $1 AND valid_from <= $2 ORDER BY valid_from, id',
    [clientId, on]);
  const periodic: readonly RelationKind[] = ['curator', 'mentor', 'authorised'];
  return rows
    .filter((r) => r.valid_to === null || r.valid_to >= on || r.has_custody || periodic.includes(r.relation))
    .map((r) => {
      const custody = engineCustody(r);
      return {
        id: r.id, relation: engineRelation[r.relation], ...(custody === undefined ? {} : { custody }),
        from: r.valid_from, ...(r.valid_to === null ? {} : { to: r.valid_to }),
      };
    });
}

// The death, its corrections and the wishes in life live in client-death.ts (migrations 0045, 0064, 0065).
export { deathOf, recordDeath, type ClientDeath } from './client-death.js';

/** Relations whose own rules the engine answers by their actor word, whatever the client's age (Besluit Jeugdwet 4.1.5; BW 1:257). */
const OWN_RULES: readonly RelationKind[] = ['family-guardian', 'confidential-advisor'];

/**
 * The engine's question with the people around the client (issue 16): the
 * registered relations as `persons`, the competence assessment and the death
 * on record, and the requester as the person they are on the day — so that
 * after 18 a curator, mentor, … represents an adult who is not competent and
 * a parent does only when nobody ranks higher (BW 1:233, 7:465 lid 3), and
 * after death heirs are answered by Jeugdwet 7.3.12a. A minor's relation of
 * the older kinds keeps its actor word (the answers of format 1).
 */
export async function withPeople(tx: Queryable, clientId: string, requesterRelationId: string | null, question: DecideInput): Promise<DecideInput> {
  const death = await deathOf(tx, clientId);
  const facts = new Set<Fact>(question.facts ?? []);
  const deceased = death !== undefined && death.diedOn <= question.on;
  if (deceased) {
    // What the client wanted in life about this requester: the wish about them, else about everyone (0065).
    const wish = await wishInLifeFor(tx, clientId, requesterRelationId, death.wishInLife);
    if (wish === 'consented') facts.add(Fact.consentedInLife);
    if (wish === 'objected') facts.add(Fact.objectedInLife);
  }
  const client = deceased ? { ...question.client, deceased: death.diedOn } : question.client;
  const base: DecideInput = { ...question, client, facts };
  if (requesterRelationId === null) return base;
  const persons = await personsOf(tx, clientId, question.on);
  const [row] = await tx.query<{ relation: RelationKind }>('SELECT relation FROM formal.client_relations WHERE id = $1 AND client_id = $2', [requesterRelationId, clientId]);
  if (row === undefined || OWN_RULES.includes(row.relation) || !persons.some((p) => p.id === requesterRelationId)) return base;
  const adult = ageOn(toCalendarDate(question.client.born, 'born'), toCalendarDate(question.on, 'on')) >= 18;
  if (!adult && !deceased && !REPRESENTATIVE_KINDS.includes(row.relation)) return base;
  const actor: PersonRef = { person: requesterRelationId };
  return { ...base, persons, actor };
}

/** Who represents the adult client on `on` in `matter` (competence is judged per matter), by the engine (BW 7:465 lid 3): their relation ids and rank, or none. */
export async function representativesNow(
  tx: Queryable, client: { id: string; birthDate: string }, on: string, matter: CompetenceMatter = CompetenceMatter.dossierRights,
): Promise<{ rank: number; relationIds: string[] } | null> {
  const competent = await isCompetent(tx, client.id, matter);
  const answer = representativesOn(await personsOf(tx, client.id, on), { born: client.birthDate, competent }, on);
  return answer === undefined ? null : { rank: answer.rank, relationIds: answer.persons.map((p) => p.id) };
}
