/**
 * The client's dossier rights: inspection and copy (Jeugdwet 7.3.10–7.3.11;
 * BW 7:456–7:457; AVG 15), correction (AVG 16), own statement (Jeugdwet 7.3.8;
 * BW 7:454) and destruction (Jeugdwet 7.3.9; BW 7:455). First who holds the
 * right ({@link entitlementOf}), then the limits of part and fact, then the
 * consent still missing. A `deny` always wins over `needs-consent`: consent
 * cannot unlock what the law withholds.
 */
import { Citation } from './citations.js';
import { allow, cite, consentHoldersOf, deny, needsConsent, type Decision, type Situation } from './decision.js';
import { capitalise, consentPartyName } from './explanations.js';
import { actsForClient, entitlementOf, type Entitlement, type RightAction } from './entitlement.js';
import { Action, Actor, ConsentParty, Fact, Part } from './vocabulary.js';

/** Parts that the parents with custody of a 12–15-year-old always get: what they need to decide (003 §2.3.5). */
const minimumForParents: ReadonlySet<Part> = new Set([Part.researchReport, Part.carePlan, Part.evaluation]);

function personalWorkNote(s: Situation): Decision | undefined {
  if (s.part !== Part.personalWorkNote) return undefined;
  // 003 §2.3.13: personal work notes are kept outside the dossier; only once copied into it do the client's rights apply.
  return deny('rights.personal-work-note', [Citation.jeugdwet_7_3_8, Citation.jeugdwet_7_3_10],
    'Persoonlijke werkaantekeningen zijn geheugensteuntjes van de hulpverlener zelf. Ze horen niet bij het dossier. Daarom vallen ze niet onder het recht op inzage, kopie, verbetering of vernietiging. De hulpverlener vernietigt ze zodra ze niet meer nodig zijn. Staat iets uit die aantekeningen in het dossier, dan geldt het recht wel.');
}

function consentOrAllow(entitlement: Exclude<Entitlement, { kind: 'none' }>, s: Situation, rule: string, basis: readonly Citation[], explanation: string): Decision {
  if (entitlement.kind === 'needs-consent' && !s.facts.has(Fact.consentGiven)) {
    return needsConsent(`${rule}.needs-consent`, cite(entitlement.basis, basis), `${entitlement.why} Die toestemming is nog niet vastgelegd.`, entitlement.consentOf);
  }
  const consentNote = entitlement.kind === 'needs-consent' ? ` ${capitalise(consentPartyName[entitlement.consentOf[0]])} heeft daarvoor toestemming gegeven.` : '';
  return allow(rule, cite(entitlement.basis, basis), `${entitlement.why}${consentNote} ${explanation}`.trim());
}

function inspectOrCopy(s: Situation, action: typeof Action.inspect | typeof Action.copy): Decision {
  const e = entitlementOf(s, action);
  const representativeWithOwnRight = e.kind === 'holds' && e.ownParentalRight;
  if (e.kind === 'none') {
    // The family guardian's own right (Jeugdwet 7.3.11 lid 4; 004 C; 001) where it averts a threat to the child's development.
    if (s.actor === Actor.familyGuardian && s.facts.has(Fact.threatToDevelopment)) {
      return familyGuardianWithThreat(s, action);
    }
    if (isOutsider(s.actor)) return outsiderInspection(s, action, e);
    return deny(`${action}.${e.rule}`, e.basis, e.why);
  }
  const limit = partLimits(s, action, actsForClient(s.actor));
  if (limit !== undefined) return limit;
  if (representativeWithOwnRight && s.facts.has(Fact.agreedNoConversationReportsToParents)) {
    if (s.part === Part.conversationReport) {
      return deny(`${action}.parents.agreed-no-conversation-reports`, [Citation.jeugdwet_7_3_11, Citation.bw_7_457],
        'Bij het begin van de hulp is afgesproken dat ouders de gespreksverslagen niet krijgen. Zo kan de jongere vrij praten. De hulpverlener houdt zich aan die afspraak. Onderzoeksrapporten, plannen en evaluaties krijgen de ouders wel.');
    }
    const note = minimumForParents.has(s.part)
      ? 'Dit deel krijgen ouders altijd: zij hebben het nodig om mee te beslissen over de hulp.'
      : 'Alleen de gespreksverslagen blijven buiten, zoals bij het begin van de hulp is afgesproken.';
    return allow(`${action}.parents.own-right.agreement`, cite(e.basis), `${e.why} ${note}`);
  }
  const what = action === Action.copy ? `een kopie krijgen van ${partLabel(s.part)}` : `${partLabel(s.part)} inzien`;
  return consentOrAllow(e, s, `${action}.${s.actor}.${s.standing.capacity}`, [], `Daarom mag ${actorLabel(s.actor)} ${what}.`);
}

function actorLabel(actor: Actor): string {
  switch (actor) {
    case Actor.client: return 'de jongere';
    case Actor.parentWithCustody: return 'de ouder met gezag';
    case Actor.guardian: return 'de voogd';
    case Actor.familyGuardian: return 'de gezinsvoogd';
    case Actor.representative: return 'de vertegenwoordiger';
    case Actor.parentWithoutCustody:
    case Actor.confidentialAdvisor:
    case Actor.municipality:
    case Actor.thirdParty:
    case Actor.careProfessional:
    case Actor.substitute:
    case Actor.intern:
    case Actor.adminStaff:
    case Actor.manager:
    case Actor.employeeWithoutRelation:
    case Actor.inspector:
      return 'deze persoon';
  }
}

function partLabel(part: Part): string {
  switch (part) {
    case Part.dossier: return 'het dossier';
    case Part.conversationReport: return 'de gespreksverslagen';
    case Part.carePlan: return 'het plan';
    case Part.evaluation: return 'de evaluaties';
    case Part.researchReport: return 'de onderzoeksrapporten';
    case Part.rawTestData: return 'de ruwe testgegevens';
    case Part.thirdPartyInformation: return 'de informatie over iemand anders';
    case Part.administrativeData: return 'de administratieve gegevens';
    case Part.personalWorkNote: return 'de persoonlijke werkaantekeningen';
  }
}

/**
 * Limits of inspection and copy that hold whoever asks: another person's
 * privacy, raw test data, serious harm.
 */
function partLimits(s: Situation, action: typeof Action.inspect | typeof Action.copy, forRepresentative: boolean): Decision | undefined {
  const note = personalWorkNote(s);
  if (note !== undefined) return note;
  // Jeugdwet 7.3.10; BW 7:456; 003 §3.1: third-party information shown only if that person consents.
  const limit = sharedLimits(s, action);
  if (limit !== undefined) return limit;
  if (s.facts.has(Fact.seriousHarmAssessed)) {
    // Jeugdwet 7.3.2 lid 4; BW 7:448(3); for others Jeugdwet 7.3.11 and BW 7:457 ("goed hulpverlener"): only after consulting another professional.
    return deny(`${action}.serious-harm`, forRepresentative
      ? [Citation.jeugdwet_7_3_11, Citation.bw_7_457, Citation.jeugdwet_7_3_2]
      : [Citation.jeugdwet_7_3_2, Citation.bw_7_448, Citation.jeugdwet_7_3_10],
    'De hulpverlener heeft na overleg met een andere hulpverlener besloten dat dit de jongere duidelijk ernstig zou schaden. Daarom wordt deze informatie nu niet gegeven. U kunt vragen om uitleg en een klacht indienen of naar de rechter gaan.');
  }
  return undefined;
}

/**
 * Outside the organisation and not a legal representative: no own right, but
 * consent opens the dossier (Jeugdwet 7.3.11). Not the municipality: it has
 * no access to the care dossier, and consent given to a financier is not free
 * (003 §3.1; 003 §2.2.2).
 */
function isOutsider(actor: Actor): boolean {
  return actor === Actor.parentWithoutCustody || actor === Actor.familyGuardian || actor === Actor.confidentialAdvisor
    || actor === Actor.thirdParty;
}

/**
 * Jeugdwet 7.3.11 (BW 7:457): no information, inspection or copy to others
 * than the client "dan met toestemming" — so someone without an own right is
 * refused, unless the consent of whoever holds it is recorded.
 */
function outsiderInspection(s: Situation, action: typeof Action.inspect | typeof Action.copy, e: Extract<Entitlement, { kind: 'none' }>): Decision {
  const holders = consentHoldersOf(s.standing);
  if (!s.facts.has(Fact.consentGiven)) {
    // The sentence names what consent opens: after a why that ends on what this person may do instead (a parent
    // without custody: general information), a bare "dat" read as if that needed consent too (issue 15).
    const what = action === Action.copy ? 'Een kopie van het dossier' : 'Inzage in het dossier';
    return deny(`${action}.${e.rule}`, e.basis, `${e.why} ${what} kan alleen met toestemming van ${consentPartyName[holders[0]]}.`, holders);
  }
  const note = personalWorkNote(s);
  if (note !== undefined) return note;
  const limit = sharedLimits(s, action);
  if (limit !== undefined) return limit;
  return allow(`${action}.${e.rule}.consent-given`, cite([Citation.jeugdwet_7_3_11, Citation.bw_7_457], e.basis),
    `${e.why} Wel is toestemming gegeven door ${consentPartyName[holders[0]]}, en die is vastgelegd. Met die toestemming mag het.`);
}

/** Another person's privacy and raw test data limit inspection and copy by anyone. */
function sharedLimits(s: Situation, action: typeof Action.inspect | typeof Action.copy): Decision | undefined {
  if (s.part === Part.thirdPartyInformation && !s.facts.has(Fact.otherPersonConsents)) {
    return deny(`${action}.third-party-information`, [Citation.jeugdwet_7_3_10, Citation.bw_7_456],
      'In het dossier staat informatie over iemand anders dan de jongere. Die informatie wordt afgeschermd om de privacy van die persoon te beschermen. U kunt die informatie alleen zien als die persoon daar toestemming voor geeft.',
      [ConsentParty.otherPerson]);
  }
  if (s.part === Part.rawTestData && action === Action.copy) {
    // 003 §2.3.11: raw test data may be inspected, never copied (test developer's rights; validity of the test).
    return deny('copy.raw-test-data', [Citation.jeugdwet_7_3_10, Citation.bw_7_456],
      'Ruwe testgegevens mag u wel inzien, maar u krijgt er geen kopie van. De test is eigendom van de maker, en als de test rondgaat, werkt hij niet meer goed.');
  }
  return undefined;
}

function familyGuardianWithThreat(s: Situation, action: typeof Action.inspect | typeof Action.copy): Decision {
  const note = personalWorkNote(s);
  if (note !== undefined) return note;
  const limit = sharedLimits(s, action);
  if (limit !== undefined) return limit;
  return allow(`${action}.family-guardian.threat`, [Citation.jeugdwet_7_3_11],
    'Het kind staat onder toezicht. De gezinsvoogd heeft een eigen recht op informatie als dat nodig is om een bedreiging van de ontwikkeling van het kind af te wenden. Daarvoor is geen toestemming nodig.');
}

function correct(s: Situation): Decision {
  const note = personalWorkNote(s);
  if (note !== undefined) return note;
  const e = entitlementOf(s, Action.correct);
  if (e.kind === 'none') return deny(`correct.${e.rule}`, e.basis, e.why);
  if (!s.facts.has(Fact.factualError)) {
    // 003 §2.2.6, §3.4; 000: only factual errors; findings stay, an own statement is added instead.
    return deny('correct.not-a-factual-error', [Citation.avg_16, Citation.jeugdwet_7_3_8, Citation.bw_7_454],
      'Alleen feiten die niet kloppen worden verbeterd, zoals een verkeerde geboortedatum, school of eerdere hulp. Wat de hulpverlener heeft gezien en concludeert, blijft staan. Bent u het daar niet mee eens? Dan kunt u een eigen verklaring laten toevoegen aan het dossier.');
  }
  return consentOrAllow(e, s, `correct.${s.actor}.${s.standing.capacity}`, [],
    'Het gaat om een feitelijke fout. Die wordt verbeterd.');
}

function addStatement(s: Situation): Decision {
  const note = personalWorkNote(s);
  if (note !== undefined) return note;
  const e = entitlementOf(s, Action.addStatement);
  if (e.kind === 'none') return deny(`add-statement.${e.rule}`, e.basis, e.why);
  return consentOrAllow(e, s, `add-statement.${s.actor}.${s.standing.capacity}`, [],
    'Een eigen verklaring wordt aan het dossier toegevoegd. Zo staat uw kijk op de zaak naast die van de hulpverlener.');
}

function destroy(s: Situation): Decision {
  const note = personalWorkNote(s);
  if (note !== undefined) return note;
  const e = entitlementOf(s, Action.destroy);
  if (e.kind === 'none') return deny(`destroy.${e.rule}`, e.basis, e.why);
  if (s.part === Part.administrativeData) {
    // 003 §3.3: financial and administrative data are outside the destruction right.
    return deny('destroy.administrative-data', [Citation.jeugdwet_7_3_9, Citation.bw_7_455],
      'Administratieve en financiële gegevens vallen niet onder het recht op vernietiging. Alleen het hulpverleningsdossier kan op verzoek worden vernietigd.');
  }
  if (s.facts.has(Fact.significantInterestOfAnother)) {
    return deny('destroy.significant-interest-of-another', [Citation.jeugdwet_7_3_9, Citation.bw_7_455],
      'Het bewaren van deze gegevens is heel belangrijk voor iemand anders dan de jongere, bijvoorbeeld een familielid bij een erfelijke ziekte. Daarom worden ze niet vernietigd. U krijgt hierover een besluit met de redenen.');
  }
  if (s.facts.has(Fact.goodCareRequiresKeeping)) {
    return deny('destroy.good-care-requires-keeping', [Citation.jeugdwet_7_3_9, Citation.bw_7_455],
      'Goede zorg vraagt duidelijk om deze gegevens te bewaren, bijvoorbeeld bij een vermoeden van kindermishandeling. Daarom worden ze niet vernietigd. U krijgt hierover een besluit met de redenen.');
  }
  if (s.facts.has(Fact.neededForProcedure)) {
    return deny('destroy.needed-for-procedure', [Citation.jeugdwet_7_3_9, Citation.bw_7_455],
      'De organisatie heeft het dossier nodig in een procedure bij de rechter, een klacht of een tuchtzaak. Zolang dat zo is, wordt het niet vernietigd. U krijgt hierover een besluit met de redenen.');
  }
  return consentOrAllow(e, s, `destroy.${s.actor}.${s.standing.capacity}`, [],
    'Het verzoek om vernietiging wordt toegewezen. De organisatie vernietigt het dossier (of het gevraagde deel) binnen drie maanden na het verzoek. Het verzoek zelf wordt apart bewaard.');
}

/** Decides one of the client's dossier rights. */
export function decideRight(s: Situation, action: RightAction): Decision {
  switch (action) {
    case Action.inspect:
    case Action.copy:
      return inspectOrCopy(s, action);
    case Action.correct:
      return correct(s);
    case Action.addStatement:
      return addStatement(s);
    case Action.destroy:
      return destroy(s);
  }
}
