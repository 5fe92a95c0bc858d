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
} as const;
export type Actor = (typeof Actor)[keyof typeof Actor];

/** What the actor wants to do. */
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
  /** Processing of the client's data is restricted on their request (AVG 18); only storage and reading for legal claims. */
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

/** Facts of the retention question. */
export const RetentionFact = {
  neededForProcedure: Fact.neededForProcedure,
  goodCareRequiresKeeping: Fact.goodCareRequiresKeeping,
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
  destructionDeadline: 'destruction-deadline',
} as const;
export type Question = (typeof Question)[keyof typeof Question];

/** Type guard factory: is `value` one of the words of `vocabulary`? */
export function isWordOf<T extends string>(vocabulary: Readonly<Record<string, T>>, value: unknown): value is T {
  return typeof value === 'string' && (Object.values(vocabulary) as string[]).includes(value);
}

/** The words of a vocabulary, in declaration order (for messages and `--help`). */
export function wordsOf<T extends string>(vocabulary: Readonly<Record<string, T>>): readonly T[] {
  return Object.values(vocabulary);
}
