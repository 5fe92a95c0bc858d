/**
 * The words of the law as types: who acts (actors), what they do (actions),
 * on which part of the dossier (parts), and the recorded facts that change the
 * answer. The words are exactly those of the conformance format
 * (`shared/conformance/README.md`), so a scenario file maps onto these unions
 * one to one, and the rest of the system uses the same words.
 */

/** Who asks. Dutch terms in the comments (DOMAIN.md glossary). */
export const Actor = {
  /** jeugdige / cliënt: the young person the dossier is about. */
  client: 'client',
  /** ouder met gezag: a legal representative. */
  parentWithCustody: 'parent-with-custody',
  /** ouder zonder gezag: legal parent without parental authority. */
  parentWithoutCustody: 'parent-without-custody',
  /** voogd: holds authority instead of the parents; a legal representative. */
  guardian: 'guardian',
  /** gezinsvoogd / jeugdbeschermer: supervises under a child-protection order (OTS). */
  familyGuardian: 'family-guardian',
  /** vertrouwenspersoon: independent client advocate. */
  confidentialAdvisor: 'confidential-advisor',
  /** gemeente. */
  municipality: 'municipality',
  /** anyone else outside the care team (another provider, school, …). */
  thirdParty: 'third-party',
  /** hulpverlener directly involved in the care. */
  careProfessional: 'care-professional',
  /** vervanger of the care professional. */
  substitute: 'substitute',
  /** stagiair. */
  intern: 'intern',
  /** administratief medewerker. */
  adminStaff: 'admin-staff',
  /** leidinggevende (or delegate). */
  manager: 'manager',
  /** medewerker zonder behandelrelatie. */
  employeeWithoutRelation: 'employee-without-relation',
  /** inspecteur van de Inspectie Gezondheidszorg en Jeugd (IGJ), when it investigates. */
  inspector: 'inspector',
  /**
   * vertegenwoordiger of an adult who is not competent: curator or mentor, else
   * the person authorised in writing, else the partner, else a parent, child,
   * brother or sister (BW 7:465 lid 3; Jeugdwet 7.3.15). Not a word of the
   * conformance formats: there a person of `persons` is the representative.
   */
  representative: 'representative',
} as const;
export type Actor = (typeof Actor)[keyof typeof Actor];

/** What the actor wants to do. */
/** Whether the actor works for the organisation (asks as a professional), not a client or a person around them. */
export function isEmployeeActor(actor: Actor): boolean {
  switch (actor) {
    case Actor.careProfessional:
    case Actor.substitute:
    case Actor.intern:
    case Actor.adminStaff:
    case Actor.manager:
    case Actor.employeeWithoutRelation:
    case Actor.inspector:
      return true;
    case Actor.client:
    case Actor.parentWithCustody:
    case Actor.parentWithoutCustody:
    case Actor.guardian:
    case Actor.familyGuardian:
    case Actor.confidentialAdvisor:
    case Actor.municipality:
    case Actor.thirdParty:
    case Actor.representative:
      return false;
  }
}

export const Action = {
  /** inzage. */
  inspect: 'inspect',
  /** afschrift. */
  copy: 'copy',
  /** correctie. */
  correct: 'correct',
  /** eigen verklaring (zienswijze) toevoegen. */
  addStatement: 'add-statement',
  /** vernietiging. */
  destroy: 'destroy',
  /** algemene informatie: start, end, goals and results of the care (BW 1:377c). */
  generalInformation: 'general-information',
  /** an employee's or inspector's access in the course of work. */
  read: 'read',
  /** gegevensverstrekking: the organisation providing data to the actor. */
  disclose: 'disclose',
} as const;
export type Action = (typeof Action)[keyof typeof Action];

/** Which part of the dossier; `dossier` is the whole care dossier. */
export const Part = {
  dossier: 'dossier',
  /** gespreksverslag. */
  conversationReport: 'conversation-report',
  /** plan (plan van aanpak, cliëntplan, behandelplan). */
  carePlan: 'care-plan',
  /** evaluatie. */
  evaluation: 'evaluation',
  /** onderzoeksrapport. */
  researchReport: 'research-report',
  /** ruwe testgegevens. */
  rawTestData: 'raw-test-data',
  /** informatie over een ander dan de cliënt. */
  thirdPartyInformation: 'third-party-information',
  /** administratief dossier: formal and billing data, no care content. */
  administrativeData: 'administrative-data',
  /** persoonlijke werkaantekening: outside the dossier. */
  personalWorkNote: 'personal-work-note',
} as const;
export type Part = (typeof Part)[keyof typeof Part];

/** Recorded facts that change the answer of `decide`. */
export const Fact = {
  consentGiven: 'consent-given',
  agreedNoConversationReportsToParents: 'agreed-no-conversation-reports-to-parents',
  clientObjectsToInterns: 'client-objects-to-interns',
  otherPersonConsents: 'other-person-consents',
  seriousHarmAssessed: 'serious-harm-assessed',
  purposeQualityControl: 'purpose-quality-control',
  purposeComplaint: 'purpose-complaint',
  purposeIncident: 'purpose-incident',
  emergency: 'emergency',
  threatToDevelopment: 'threat-to-development',
  factualError: 'factual-error',
  significantInterestOfAnother: 'significant-interest-of-another',
  goodCareRequiresKeeping: 'good-care-requires-keeping',
  neededForProcedure: 'needed-for-procedure',
  author: 'author',
  /** An administrative task for this client that needs the part asked is recorded (004 C: sending a letter, entering a report). */
  purposeAdministrativeTask: 'purpose-administrative-task',
  /** Statistics or research where asking consent is not reasonably possible or cannot be required (Jeugdwet 7.3.12 lid 1, 2(a)–(b); BW 7:458). */
  researchException: 'research-exception',
  /** The client, or whoever acts for them, explicitly objected to such use (Jeugdwet 7.3.12 lid 2(c)). */
  clientObjectsToResearch: 'client-objects-to-research',
  /** The deceased client consented in life, in writing or electronically, to this person's inspection or copy (Jeugdwet 7.3.12a lid 1(a)). */
  consentedInLife: 'consented-in-life',
  /** After death: the person has a compelling interest that may be harmed and needs the data to protect it (Jeugdwet 7.3.12a lid 1(b)). */
  compellingInterest: 'compelling-interest',
  /** The client, at 12 or over and competent, recorded not wanting this inspection after death (Jeugdwet 7.3.12a lid 4). */
  objectedInLife: 'objected-in-life',
  /** Processing of the client's data is restricted on their request (AVG 18); only storage and reading for legal claims. Product fact, not a conformance word. */
  processingRestricted: 'processing-restricted',
  /** The employee reads for the establishment, exercise or defence of legal claims (AVG 18(2)). */
  purposeLegalClaims: 'purpose-legal-claims',
} as const;
export type Fact = (typeof Fact)[keyof typeof Fact];

/** Facts of the deadline questions. */
export const DeadlineFact = {
  /** The client was told within the first month that it takes up to two more months (AVG 12(3)). */
  extended: 'extended',
} as const;
export type DeadlineFact = (typeof DeadlineFact)[keyof typeof DeadlineFact];

/**
 * Facts of the retention question. Keeping longer for good care is not a fact
 * without an end: it is a day recorded with reasons (`goodCareUntil`, Jeugdwet 7.3.8).
 */
export const RetentionFact = {
  neededForProcedure: Fact.neededForProcedure,
} as const;
export type RetentionFact = (typeof RetentionFact)[keyof typeof RetentionFact];

/** The three answers to "may this actor do this?". */
export const Outcome = {
  allow: 'allow',
  deny: 'deny',
  /** Allowed only once the missing consent is recorded. */
  needsConsent: 'needs-consent',
} as const;
export type Outcome = (typeof Outcome)[keyof typeof Outcome];

/** Whose consent a decision waits for. */
export const ConsentParty = {
  client: 'client',
  /** wettelijk vertegenwoordigers: the parents with custody or the guardian. */
  legalRepresentatives: 'legal-representatives',
  /** vertegenwoordiger of an adult who is not competent (BW 7:465 lid 3). */
  representative: 'representative',
  /** the person whom third-party information is about. */
  otherPerson: 'other-person',
} as const;
export type ConsentParty = (typeof ConsentParty)[keyof typeof ConsentParty];

/** The questions the engine answers (the `ask` of a scenario). */
export const Question = {
  decide: 'decide',
  careConsent: 'care-consent',
  responseDeadline: 'response-deadline',
  appealDeadline: 'appeal-deadline',
  retentionUntil: 'retention-until',
  /** Format 2: the items of general information the actor gets (BW 1:377c). */
  generalInformation: 'general-information',
  /** Format 2: decision deadline, extension and appeal deadline of one request. */
  requestDeadlines: 'request-deadlines',
  /** Format 2: the holidays of the Algemene termijnenwet in a year. */
  holidays: 'holidays',
  /** Format 2: retention with the organisation's term and a good-care extension. */
  retention: 'retention',
  /** Not a conformance question: when a granted destruction must be carried out (Jeugdwet 7.3.9). */
  destructionDeadline: 'destruction-deadline',
} as const;

/** The relation of a person to the client (format 2 `persons`). */
export const Relation = {
  /** juridische ouder. */
  parent: 'parent',
  /** echtgenoot, geregistreerd partner of andere levensgezel. */
  partner: 'partner',
  child: 'child',
  /** broer of zus. */
  sibling: 'sibling',
  /** curator (BW 1:378). */
  curator: 'curator',
  /** mentor (BW 1:450). */
  mentor: 'mentor',
  /** schriftelijk gemachtigde (BW 7:465 lid 3). */
  authorised: 'authorised',
  /** anyone else: step-parent, grandparent, guardian, certified institution. */
  other: 'other',
} as const;
export type Relation = (typeof Relation)[keyof typeof Relation];

/** The kinds of custody the national register (BRP) names. */
export const CustodyKind = {
  /** tweehoofdig ouderlijk gezag: both parents together. */
  twoHeadedParental: 'two-headed-parental',
  /** eenhoofdig ouderlijk gezag: one parent alone. */
  singleHeadedParental: 'single-headed-parental',
  /** gezamenlijk gezag van een ouder en een niet-ouder (BW 1:253t). */
  jointWithNonParent: 'joint-with-non-parent',
  /** voogdij, also by a certified institution. */
  guardianship: 'guardianship',
} as const;
export type CustodyKind = (typeof CustodyKind)[keyof typeof CustodyKind];

/** The items of general information about the care (BW 1:377c; 003 §3.1), in this order. */
export const GeneralInformationItem = {
  start: 'start',
  end: 'end',
  goals: 'goals',
  results: 'results',
} as const;
export type GeneralInformationItem = (typeof GeneralInformationItem)[keyof typeof GeneralInformationItem];
export type Question = (typeof Question)[keyof typeof Question];

/** Type guard factory: is `value` one of the words of `vocabulary`? */
export function isWordOf<T extends string>(vocabulary: Readonly<Record<string, T>>, value: unknown): value is T {
  return typeof value === 'string' && (Object.values(vocabulary) as string[]).includes(value);
}

/** The words of a vocabulary, in declaration order (for messages and `--help`). */
export function wordsOf<T extends string>(vocabulary: Readonly<Record<string, T>>): readonly T[] {
  return Object.values(vocabulary);
}
