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
import type { ClientBoundScope, ClientScope } from '../access/client-access.js';
import { dataKeyOf } from '../crypto/client-keys.js';
import { decryptJson, encryptJson } from '../crypto/envelope.js';
import { badRequest, conflict, notFound } from '../errors.js';
import { deathOf, wishesOf, wishInLifeFor } from './client-death.js';
import { openText, sealText } from '../retention/client-free-text.js';
import type { CustodyKind as EngineCustody, Relation as EngineRelation } from '../rules/index.js';
import {
  ageOn, Fact, representativesOn, toCalendarDate,
  type DecideInput, type Person, type PersonRef,
} from '../rules/index.js';
import { calendarDate } from '../shared/calendar-date.js';
import { agreementsOf, type StartAgreement } from './agreement-store.js';
import { competenceOf, CompetenceMatter } from './competence-store.js';
import { relationsOfScope, type CustodyBasis, type CustodyKind, type PersonRelationRow, type RelationKind } from './relation-store.js';

/** What a competence assessment seals: the facts it rests on. */
const SealedFacts = Type.Object({ facts: Type.String() });

// The vocabulary of each table lives with its store, re-exported here for the services.
export { CustodyBasis, CustodyKind, RelationKind } from './relation-store.js';
export { CompetenceMatter } from './competence-store.js';
export { StartAgreement } from './agreement-store.js';

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
  await relationsOfScope(scope).add(id, {
    relation: input.relation, hasCustody: input.hasCustody, custodyKind: input.custodyKind ?? null, custodyEstablishedBy: input.custodyEstablishedBy ?? null,
    familyName: input.familyName, givenNames: input.givenNames, institution: input.institution ?? null, phone: input.phone ?? null, email: input.email ?? null,
    establishedHow: input.establishedHow, validFrom: input.validFrom,
  });
  return id;
}

/** Ends a relation on `validTo` (custody changed, guardianship ended); the record stays. */
export async function endRelation(scope: ClientScope, relationId: string, validTo: string): Promise<void> {
  const relations = relationsOfScope(scope);
  const row = await relations.period(relationId);
  if (row === undefined) throw notFound('Deze relatie bestaat niet bij deze cliënt.', 'This relation does not exist for this client.');
  if (row.valid_to !== null) throw conflict('already-ended', 'Deze relatie is al beëindigd.', 'This relation has already ended.');
  if (validTo < row.valid_from) throw badRequest('invalid-period', 'validTo', 'De einddatum ligt voor de begindatum.', 'The end date is before the start date.');
  await relations.end(relationId, validTo);
}

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
      if (!(await relationsOfScope(scope).isCurrentOfKind(input.representativeRelationId, [...REPRESENTATIVE_KINDS, 'parent']))) {
        throw badRequest('not-a-representative', 'representativeRelationId',
          'Een volwassen cliënt wordt vertegenwoordigd door een curator of mentor, een schriftelijk gemachtigde, de partner, of een ouder, kind, broer of zus. Deze persoon is dat niet.',
          'An adult client is represented by a curator or mentor, the person authorised in writing, the partner, or a parent, child or sibling; this person is none of them.');
      }
    }
  } else if (!input.competent && input.representativeRelationId === undefined) {
    throw badRequest('representative-missing', 'representativeRelationId', 'Leg vast wie de jongere vertegenwoordigt als hij of zij niet wilsbekwaam is.', 'Record who represents the young person when not competent.');
  }
  if (!adult && input.representativeRelationId !== undefined) {
    if (!(await relationsOfScope(scope).isCurrentCustodian(input.representativeRelationId))) {
      throw badRequest('not-a-representative', 'representativeRelationId', 'Deze persoon is geen huidige wettelijk vertegenwoordiger van de cliënt.', 'This person is not a current legal representative of the client.');
    }
  }
  const id = randomUUID();
  const key = await dataKeyOf(scope, masterKey);
  await competenceOf(scope).add({
    id, matter: input.matter, competent: input.competent, assessedOn: input.assessedOn, expertCiphertext: sealText(key, 'competenceExpert', id, input.expertConsulted),
    representativeRelationId: input.representativeRelationId ?? null, factsCiphertext: encryptJson(key, { facts: input.facts }, `competence:${id}`),
  });
  return id;
}

export async function listCompetenceAssessments(scope: ClientScope, masterKey: Buffer): Promise<CompetenceAssessment[]> {
  const rows = await competenceOf(scope).assessments();
  if (rows.length === 0) return [];
  const key = await dataKeyOf(scope, masterKey);
  return rows.map((r) => ({
    id: r.id, matter: r.matter, competent: r.competent, assessedOn: r.assessed_on,
    expertConsulted: r.expert_consulted_ciphertext === null ? r.expert_consulted ?? '' : openText(key, 'competenceExpert', r.id, r.expert_consulted_ciphertext),
    representativeRelationId: r.representative_relation_id, assessedBy: r.display_name,
    facts: decryptJson(key, r.facts_ciphertext, `competence:${r.id}`, SealedFacts).facts,
  }));
}

export interface RecordedAgreement {
  id: string;
  agreement: StartAgreement;
  agreedOn: string;
  endedOn: string | null;
  recordedBy: string;
}

export async function listAgreements(scope: ClientBoundScope): Promise<RecordedAgreement[]> {
  const rows = await agreementsOf(scope).list();
  return rows.map((r) => ({ id: r.id, agreement: r.agreement, agreedOn: r.agreed_on, endedOn: r.ended_on, recordedBy: r.display_name }));
}

/** Records an agreement made at the start of care; the engine reads it for parents' requests (003 §3.1). */
export async function addAgreement(scope: ClientScope, agreement: StartAgreement, agreedOn: string): Promise<string> {
  if (agreedOn > calendarDate(scope.now)) throw badRequest('date-in-future', 'agreedOn', 'De datum ligt in de toekomst.', 'The date is in the future.');
  const current = (await listAgreements(scope)).filter((a) => a.agreement === agreement && a.endedOn === null);
  if (current.length > 0) throw conflict('agreement-exists', 'Deze afspraak is al vastgelegd.', 'This agreement is already recorded.');
  return agreementsOf(scope).add(agreement, agreedOn);
}

export async function endAgreement(scope: ClientScope, agreementId: string): Promise<void> {
  if (!(await agreementsOf(scope).end(agreementId))) throw notFound('Deze afspraak bestaat niet of is al beëindigd.', 'This agreement does not exist or has already ended.');
}

const engineRelation: Record<RelationKind, EngineRelation> = {
  'parent': 'parent', 'curator': 'curator', 'mentor': 'mentor', 'authorised': 'authorised', 'partner': 'partner', 'child': 'child', 'sibling': 'sibling',
  'guardian': 'other', 'foster-parent': 'other', 'other': 'other', 'family-guardian': 'other', 'confidential-advisor': 'other',
};

function engineCustody(row: PersonRelationRow): EngineCustody | undefined {
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
export async function personsOn(scope: ClientBoundScope, on: string): Promise<Person[]> {
  const rows = await relationsOfScope(scope).begunBy(on);
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
export async function withPeopleOf(scope: ClientBoundScope, requesterRelationId: string | null, question: DecideInput): Promise<DecideInput> {
  const death = await deathOf(scope);
  const facts = new Set<Fact>(question.facts ?? []);
  const deceased = death !== undefined && death.diedOn <= question.on;
  if (deceased) {
    // What the client wanted in life about this requester: the wish about them, else about everyone (0065).
    const wish = wishInLifeFor(await wishesOf(scope), requesterRelationId, death.wishInLife);
    if (wish === 'consented') facts.add(Fact.consentedInLife);
    if (wish === 'objected') facts.add(Fact.objectedInLife);
  }
  const client = deceased ? { ...question.client, deceased: death.diedOn } : question.client;
  const base: DecideInput = { ...question, client, facts };
  if (requesterRelationId === null) return base;
  const persons = await personsOn(scope, question.on);
  const relation = await relationsOfScope(scope).kindOf(requesterRelationId);
  if (relation === undefined || OWN_RULES.includes(relation) || !persons.some((p) => p.id === requesterRelationId)) return base;
  const adult = ageOn(toCalendarDate(question.client.born, 'born'), toCalendarDate(question.on, 'on')) >= 18;
  if (!adult && !deceased && !REPRESENTATIVE_KINDS.includes(relation)) return base;
  const actor: PersonRef = { person: requesterRelationId };
  return { ...base, persons, actor };
}

/**
 * Who represents the adult client on `on` in `matter` (competence is judged per matter), by the engine (BW 7:465 lid 3): their relation ids and
 * rank, or none.
 */
export async function clientRepresentativesOn(
  scope: ClientBoundScope, on: string, matter: CompetenceMatter = CompetenceMatter.dossierRights,
): Promise<{ rank: number; relationIds: string[] } | null> {
  const competent = await competenceOf(scope).isCompetent(matter);
  const answer = representativesOn(await personsOn(scope, on), { born: scope.client.birthDate, competent }, on);
  return answer === undefined ? null : { rank: answer.rank, relationIds: answer.persons.map((p) => p.id) };
}
