/**
 * What can be written in a care dossier (DOMAIN §1; 003 §2.3.6–2.3.16;
 * Jeugdwet 7.3.8, 6.3.9) and where each kind sits for the rules engine.
 * The list is mirrored by the CHECK constraint on care.entries.kind.
 */
import type { Part } from '../rules/index.js';

export const EntryKind = {
  referral: 'referral', // verwijsbrief
  intakeReport: 'intake-report', // intakeverslag
  helpQuestion: 'help-question', // hulpvraag en besluit over de hulp
  plan: 'plan', // plan van aanpak / cliëntplan / behandelplan, with goals
  evaluation: 'evaluation',
  conversationReport: 'conversation-report', // gespreksverslag
  researchReport: 'research-report', // onderzoeksverslag
  rawTestData: 'raw-test-data', // ruwe testgegevens: inspect yes, copy never (003 §2.3.11)
  caseDiscussion: 'case-discussion', // casusbespreking
  courtDecision: 'court-decision',
  correspondence: 'correspondence',
  thirdPartyInformation: 'third-party-information', // informatie van derden, with its source
  strengthsInventory: 'strengths-inventory', // krachteninventarisatie
  workAgreement: 'work-agreement', // werkafspraak
  decision: 'decision', // besluit met onderbouwing
  informationGiven: 'information-given', // informatie aan de cliënt gegeven (Jeugdwet 7.3.2)
  disclosure: 'disclosure', // gegevensverstrekking (003 §2.3.14)
  meldcodeStep: 'meldcode-step',
  freedomRestriction: 'freedom-restriction', // vrijheidsbeperkende maatregel (Jeugdwet 6.3.9)
  ownStatement: 'own-statement', // eigen verklaring van de cliënt (003 §3.4)
} as const;
export type EntryKind = (typeof EntryKind)[keyof typeof EntryKind];
export const ENTRY_KINDS: readonly EntryKind[] = Object.values(EntryKind);

/** Dutch labels for screens and letters. */
export const ENTRY_KIND_LABELS: Record<EntryKind, string> = {
  'referral': 'Verwijzing',
  'intake-report': 'Intakeverslag',
  'help-question': 'Hulpvraag en besluit over de hulp',
  'plan': 'Plan',
  'evaluation': 'Evaluatie',
  'conversation-report': 'Gespreksverslag',
  'research-report': 'Onderzoeksverslag',
  'raw-test-data': 'Ruwe testgegevens',
  'case-discussion': 'Casusbespreking',
  'court-decision': 'Rechterlijke beslissing',
  'correspondence': 'Correspondentie',
  'third-party-information': 'Informatie van derden',
  'strengths-inventory': 'Krachteninventarisatie',
  'work-agreement': 'Werkafspraak',
  'decision': 'Besluit met onderbouwing',
  'information-given': 'Informatie aan cliënt gegeven',
  'disclosure': 'Gegevensverstrekking',
  'meldcode-step': 'Stap meldcode',
  'freedom-restriction': 'Vrijheidsbeperkende maatregel',
  'own-statement': 'Eigen verklaring cliënt',
};

/** The part of the dossier an entry kind belongs to, in the rules engine's words. */
export function partOfEntryKind(kind: EntryKind): Part {
  switch (kind) {
    case 'conversation-report': return 'conversation-report';
    case 'plan': return 'care-plan';
    case 'evaluation': return 'evaluation';
    case 'research-report': return 'research-report';
    case 'raw-test-data': return 'raw-test-data';
    case 'third-party-information': return 'third-party-information';
    case 'referral': case 'intake-report': case 'help-question': case 'case-discussion': case 'court-decision':
    case 'correspondence': case 'strengths-inventory': case 'work-agreement': case 'decision': case 'information-given':
    case 'disclosure': case 'meldcode-step': case 'freedom-restriction': case 'own-statement':
      return 'dossier';
  }
}

/** Who the information came from (003 §2.3.7–2.3.9). */
export const SourceKind = {
  client: 'client', parent: 'parent', guardian: 'guardian', familyGuardian: 'family-guardian',
  careProfessional: 'care-professional', otherProfessional: 'other-professional', school: 'school',
  court: 'court', municipality: 'municipality', other: 'other',
} as const;
export type SourceKind = (typeof SourceKind)[keyof typeof SourceKind];
export const SOURCE_KINDS: readonly SourceKind[] = Object.values(SourceKind);

/** Facts are kept apart from opinions (003 §2.3.7). */
export const StatementType = { fact: 'fact', opinion: 'opinion' } as const;
export type StatementType = (typeof StatementType)[keyof typeof StatementType];

/** Kinds of annotation: a correction never changes the entry (003 §2.1, §2.3.6). */
export const AnnotationKind = { incorrect: 'incorrect', outdated: 'outdated', addition: 'addition' } as const;
export type AnnotationKind = (typeof AnnotationKind)[keyof typeof AnnotationKind];
export const ANNOTATION_KINDS: readonly AnnotationKind[] = Object.values(AnnotationKind);
