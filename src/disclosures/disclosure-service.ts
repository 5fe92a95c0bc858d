/**
 * The disclosure register (DOMAIN §4; 003 §2.3.14): every disclosure is checked
 * by the rules engine — consent-based ones through `decide` (action
 * `disclose`), the family guardian's own right likewise, statutory ones
 * through `decideStatutoryDisclosure`, statistics and research (Jeugdwet
 * 7.3.12; BW 7:458) through `decide` with the exception's facts when there is
 * no consent — and recorded twice: as a row in the
 * register and as a dossier entry of kind `disclosure`, under the client's rights.
 *
 * The register's recipient can name a person, and the register outlives a
 * destroyed dossier (to whom something went: AVG 5(2), 19): it is sealed
 * under the master key, bound to its row (migration 0037); erased with the
 * formal data when the retention period ends (0038).
 */
import { randomUUID } from 'node:crypto';
import type { ClientScope, RecordScope } from '../access/gate-scope.js';
import { disclosureConsentInForce } from '../consents/consent-service.js';
import { addEntry } from '../dossier/dossier-service.js';
import { badRequest, forbidden } from '../errors.js';
import { competenceOf } from '../representation/competence-store.js';
import { relationsOfScope } from '../representation/relation-store.js';
import { withPeopleOf } from '../representation/representation-service.js';
import { openRecipient, sealRecipient } from '../retention/client-free-text.js';
import { dateInWords, decide, decideStatutoryDisclosure, partName, type DecideInput, type Decision, type Part } from '../rules/index.js';
import { calendarDate } from '../shared/calendar-date.js';
import { disclosureRegisterOf, disclosuresOf, type DisclosureBasis, type DisclosureRow, type ResearchGround } from './disclosure-store.js';

export type { DisclosureBasis, ResearchGround };

/** The facts of a research disclosure without consent, as the employee records them. */
export interface ResearchFacts {
  ground: ResearchGround;
  /** Lid 1(b): the data go in a form that prevents tracing them to the client (anonymised or pseudonymised). */
  notTraceable: boolean;
  /** Lid 2(a)–(b): the research serves the public interest and cannot be done without these data. */
  publicInterestAndNecessary: boolean;
  /** Lid 2(c): the client (or whoever acts for them) explicitly objected to such use. */
  clientObjected: boolean;
  /** The safeguards and why consent is not asked; into the dossier entry (under the client's key). */
  explanation: string;
}

export interface NewDisclosure {
  recipient: string;
  basis: DisclosureBasis;
  consentId?: string;
  /** For `legal-representative`: the guardian's registered relation. */
  guardianRelationId?: string;
  part: Part;
  what: string;
  disclosedOn: string;
  clientToldBeforehand: boolean;
  /** Why the client was not told beforehand (required then: the law must say otherwise). */
  notToldBecause?: string;
  /** For `research` without a consent: the exception's facts. */
  research?: ResearchFacts;
}

export interface Disclosure {
  id: string;
  recipient: string;
  basis: DisclosureBasis;
  part: string;
  disclosedOn: string;
  clientToldBeforehand: boolean;
  /** For `research` without consent: the ground of the exception (Jeugdwet 7.3.12 lid 1(a) or (b)); else null. */
  researchGround: ResearchGround | null;
  citations: string[];
  /** Null once the dossier was destroyed: the entry went with it, the register row stays (migration 0018). */
  entryId: string | null;
}

const BASIS_LABELS: Record<DisclosureBasis, string> = {
  'consent': 'toestemming', 'legal-representative': 'de voogd als wettelijk vertegenwoordiger', 'family-guardian-threat': 'eigen recht van de gezinsvoogd (Jeugdwet 7.3.11 lid 4)',
  'cbs-statistics': 'statistiek (CBS)', 'municipality-billing': 'controle declaratie (gemeente)', 'inspectorate': 'onderzoek inspectie',
  'disciplinary-or-legal-procedure': 'tuchtrecht of rechtszaak', 'research': 'statistiek of wetenschappelijk onderzoek (Jeugdwet 7.3.12)', 'conflict-of-duties': 'conflict van plichten', 'child-protection-report': 'melding jeugdbescherming',
};

/** The guardian with custody on the date, as the engine's actor; anyone else is bad input. */
async function guardianOnRecord(scope: ClientScope, relationId: string | undefined, on: string): Promise<'guardian'> {
  if (relationId === undefined) throw badRequest('field-required', 'guardianRelationId', 'Noem de voogd.', 'Name the guardian.');
  if (!(await relationsOfScope(scope).wasGuardianOn(relationId, on))) {
    throw badRequest('not-a-guardian', 'guardianRelationId', 'Dit is op die datum geen geregistreerde voogd met gezag van de cliënt.', 'This is not a registered guardian with custody of the client on that date.');
  }
  return 'guardian';
}

/** 'consent-given' when a disclosure consent is named, in force on the date and covering this disclosure (a young person of 16+ consents themselves). */
async function consentFacts(scope: ClientScope, masterKey: Buffer, input: NewDisclosure): Promise<['consent-given'] | []> {
  if (input.consentId === undefined) return [];
  await consentInForce(scope, masterKey, input.consentId, input);
  return ['consent-given'];
}

/** Names compared as people write them: case, repeated spaces and surrounding blanks do not matter. */
function sameRecipient(a: string, b: string): boolean {
  const norm = (x: string) => x.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');
  return norm(a) === norm(b);
}

/**
 * A consent is specific (AVG 4(11), 7; 001; 004 C): it counts only for the
 * recipient it names and, when it names a part of the dossier, for that part
 * (a consent for the whole dossier covers every part). A consent for the
 * school does not let anything go to someone else.
 */
async function consentInForce(scope: ClientScope, masterKey: Buffer, consentId: string, disclosure: { disclosedOn: string; recipient: string; part: Part }): Promise<void> {
  // The consent's texts are sealed under the client's key (migration 0033): the consent register reads them.
  const consent = await disclosureConsentInForce(scope, masterKey, consentId, disclosure.disclosedOn);
  if (consent === undefined) {
    throw badRequest('consent-not-in-force', 'consentId', 'Deze toestemming geldt niet (meer) op de datum van verstrekking, of is ingetrokken.', 'This consent is not in force on the date of disclosure, or was withdrawn.');
  }
  if (consent.recipient === null || !sameRecipient(consent.recipient, disclosure.recipient)) {
    throw badRequest('consent-other-recipient', 'consentId',
      `Deze toestemming geldt voor ${consent.recipient ?? 'een andere ontvanger'}, niet voor ${disclosure.recipient}. Toestemming geldt alleen voor de ontvanger die erin staat.`,
      'This consent names another recipient; a consent counts only for the recipient it names.');
  }
  if (consent.part !== null && consent.part !== 'dossier' && consent.part !== disclosure.part) {
    throw badRequest('consent-other-data', 'part',
      `Deze toestemming geldt alleen voor dit deel van het dossier: ${partName[consent.part]}. Voor andere gegevens is nieuwe toestemming nodig.`,
      'This consent covers another part of the dossier only.');
  }
}

const RESEARCH_GROUND_LABELS: Record<ResearchGround, string> = {
  'consent-not-possible': 'om toestemming vragen kan redelijkerwijs niet, en er zijn waarborgen voor de privacy (Jeugdwet 7.3.12 lid 1a)',
  'consent-not-required': 'om toestemming vragen kan redelijkerwijs niet worden verlangd, en de gegevens zijn niet tot de cliënt te herleiden (Jeugdwet 7.3.12 lid 1b)',
};

/**
 * The engine's facts for research without consent: `research-exception` only when every condition the
 * employee recorded holds (lid 1(a) or 1(b), and lid 2(a)–(b)); `client-objects-to-research` for lid 2(c).
 */
function researchFacts(research: ResearchFacts): ('research-exception' | 'client-objects-to-research')[] {
  const exception = research.publicInterestAndNecessary && (research.ground === 'consent-not-possible' || research.notTraceable);
  return [...(exception ? ['research-exception' as const] : []), ...(research.clientObjected ? ['client-objects-to-research' as const] : [])];
}

async function check(scope: ClientScope, masterKey: Buffer, input: NewDisclosure): Promise<Decision> {
  const on = input.disclosedOn;
  const client = { born: scope.client.birthDate, competent: await competenceOf(scope).isCompetent('dossier-rights') };
  // With the people around the client and the death on record (issue 16), as requests ask: a guardian is answered as what they are on the day.
  const ask = async (question: DecideInput, relationId: string | null = null): Promise<Decision> => decide(await withPeopleOf(scope, relationId, question));
  if (input.research !== undefined && (input.basis !== 'research' || input.consentId !== undefined)) {
    throw badRequest('field-not-allowed', 'research', 'De gegevens over onderzoek zonder toestemming horen alleen bij de grond onderzoek of statistiek, zonder toestemming.',
      'The research facts belong only to the research ground without a consent.');
  }
  switch (input.basis) {
    case 'research': {
      // With consent: the consent must name this recipient and part (as for any disclosure).
      if (input.consentId !== undefined) {
        await consentInForce(scope, masterKey, input.consentId, input);
        return ask({ on, client, actor: 'third-party', action: 'disclose', part: input.part, facts: ['consent-given'] });
      }
      if (input.research === undefined) {
        throw badRequest('field-required', 'research', 'Noem de toestemming, of leg vast waarom zonder toestemming mag (Jeugdwet 7.3.12).',
          'Name the consent, or record why it may go without consent (Jeugdwet 7.3.12).');
      }
      return ask({ on, client, actor: 'third-party', action: 'disclose', part: input.part, facts: researchFacts(input.research) });
    }
    case 'consent': {
      if (input.consentId === undefined) throw badRequest('field-required', 'consentId', 'Noem de vastgelegde toestemming.', 'Name the recorded consent.');
      await consentInForce(scope, masterKey, input.consentId, input);
      return ask({ on, client, actor: 'third-party', action: 'disclose', part: input.part, facts: ['consent-given'] });
    }
    case 'legal-representative':
      return ask({ on, client, actor: await guardianOnRecord(scope, input.guardianRelationId, on), action: 'copy', part: input.part, facts: await consentFacts(scope, masterKey, input) },
        input.guardianRelationId ?? null);
    case 'family-guardian-threat':
      return ask({ on, client, actor: 'family-guardian', action: 'disclose', part: input.part, facts: ['threat-to-development'] });
    case 'cbs-statistics':
    case 'municipality-billing':
    case 'inspectorate':
    case 'disciplinary-or-legal-procedure':
    case 'conflict-of-duties':
    case 'child-protection-report':
      return decideStatutoryDisclosure({ basis: input.basis, part: input.part });
  }
}

/** Records a disclosure after the engine allows it; also as a dossier entry. */
export async function recordDisclosure(scope: ClientScope, masterKey: Buffer, input: NewDisclosure): Promise<Disclosure> {
  if (input.disclosedOn > calendarDate(scope.now)) throw badRequest('date-in-future', 'disclosedOn', 'De datum ligt in de toekomst.', 'The date is in the future.');
  if (!input.clientToldBeforehand && (input.notToldBecause === undefined || input.notToldBecause.trim().length < 10)) {
    throw badRequest('field-required', 'notToldBecause', 'De cliënt wordt vooraf geïnformeerd, tenzij de wet anders bepaalt: leg vast waarom dat niet gebeurde.', 'The client is told beforehand unless the law says otherwise: record why not.');
  }
  const decision = await check(scope, masterKey, input);
  if (decision.outcome !== 'allow') {
    throw forbidden(decision.explanation, 'The rules do not allow this disclosure.', decision.basis);
  }
  const text = [
    `Gegevens verstrekt aan ${input.recipient} op ${dateInWords(input.disclosedOn)}.`,
    `Wat: ${input.what}`,
    `Grondslag: ${BASIS_LABELS[input.basis]} (${decision.basis.join(', ')}).`,
    input.clientToldBeforehand ? 'De cliënt is vooraf geïnformeerd.' : `De cliënt is niet vooraf geïnformeerd: ${input.notToldBecause ?? ''}`,
    ...(input.research === undefined ? [] : [`Zonder toestemming: ${RESEARCH_GROUND_LABELS[input.research.ground]}. ${input.research.explanation}`]),
  ].join('\n');
  const entry = await addEntry(scope, masterKey, 1024 * 1024, { kind: 'disclosure', title: `Verstrekking aan ${input.recipient}`, text, occurredOn: input.disclosedOn, source: { kind: 'care-professional' }, statementType: 'fact' });
  const id = randomUUID();
  await disclosuresOf(scope).insert({
    id, recipientCiphertext: sealRecipient(masterKey, 'disclosure', id, input.recipient), basis: input.basis, consentId: input.consentId ?? null, part: input.part,
    disclosedOn: input.disclosedOn, clientToldBeforehand: input.clientToldBeforehand, citations: [...decision.basis], entryId: entry.id,
    researchGround: input.research?.ground ?? null,
  });
  return {
    id, recipient: input.recipient, basis: input.basis, part: input.part, disclosedOn: input.disclosedOn, clientToldBeforehand: input.clientToldBeforehand,
    researchGround: input.research?.ground ?? null, citations: [...decision.basis], entryId: entry.id,
  };
}

function toDisclosure(masterKey: Buffer, r: DisclosureRow): Disclosure {
  return { id: r.id, recipient: openRecipient(masterKey, 'disclosure', r.id, r.recipient_ciphertext, r.recipient), basis: r.basis, part: r.part, disclosedOn: r.disclosed_on, clientToldBeforehand: r.client_told_beforehand,
    researchGround: r.research_ground, citations: r.citations, entryId: r.entry_id };
}

export async function listDisclosures(scope: ClientScope, masterKey: Buffer): Promise<Disclosure[]> {
  const rows = await disclosuresOf(scope).list();
  return rows.map((r) => toDisclosure(masterKey, r));
}

/** The scope's organisation's register, for the privacy officer (the caller logs the clients shown). */
export async function organisationRegister(
  scope: RecordScope, masterKey: Buffer,
): Promise<(Disclosure & { clientId: string; clientName: string; recordedBy: string | null })[]> {
  const rows = await disclosureRegisterOf(scope).list();
  return rows.map((r) => ({ ...toDisclosure(masterKey, r), clientId: r.client_id, clientName: r.client_name, recordedBy: r.recorded_by_name }));
}
