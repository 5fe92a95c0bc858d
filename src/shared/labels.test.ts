/**
 * Every code a person can see has a Dutch label (issue 15, Deliver 6: `Bron: care-professional` in the copy
 * PDF, `two-headed-parental` in the XLSX, `read`/`care-relation`/`none` in the access log). The tables are
 * typed by the codes' unions, so a missing label already fails to compile; this checks the same against the
 * vocabularies' values at run time, and that no label is the code itself.
 */
import { describe, expect, it } from 'vitest';
import { AccessBasis, AccessOutcome } from '../access/access-log.js';
import { CLIENT_EXISTENCE_PART, EMERGENCY_SUMMARY_PART, FIND_FOR_EMERGENCY_PURPOSE } from '../access/gate-scope.js';
import { AccessAction, AccessPurpose } from '../access/policy.js';
import { BREACH_RISKS, BREACH_STATUSES } from '../breaches/breach-store.js';
import { FAMILY_ENTRY_KINDS } from '../families/family-store.js';
import { ComplaintOutcome, IncidentKind } from '../registers/register-store.js';
import { Gender, IdentityDocument } from '../clients/clients-service.js';
import { AnnotationKind, EntryKind, SourceKind, StatementType } from '../dossier/entry-kinds.js';
import { EmployeeRole } from '../organisation/employee-roles.js';
import { CustodyBasis, CustodyKind, RelationKind } from '../representation/representation-service.js';
import { DECISION_FACTS, DESTRUCTION_REFUSAL_GROUNDS, RequestKind } from '../requests/request-kinds.js';
import { ConsentHow, RequestState } from '../requests/request-service.js';
import { Act } from '../rules/acts.js';
import { StatutoryBasis } from '../rules/disclosure-basis.js';
import { ConsentParty, Outcome, Part } from '../rules/vocabulary.js';
import * as labels from './labels.js';

const catalogue: [string, readonly string[], Readonly<Record<string, string>>][] = [
  ['entry kinds', Object.values(EntryKind), labels.ENTRY_KINDS],
  ['sources', Object.values(SourceKind), labels.SOURCE_KINDS],
  ['statement types', Object.values(StatementType), labels.STATEMENT_TYPES],
  ['annotation kinds', Object.values(AnnotationKind), labels.ANNOTATION_KINDS],
  ['relations', Object.values(RelationKind), labels.RELATIONS],
  ['custody kinds', Object.values(CustodyKind), labels.CUSTODY_KINDS],
  ['how custody was established', Object.values(CustodyBasis), labels.CUSTODY_BASES],
  ['roles', Object.values(EmployeeRole), labels.ROLES],
  ['genders', Object.values(Gender), labels.GENDERS],
  ['identity documents', Object.values(IdentityDocument), labels.DOCUMENT_TYPES],
  ['request kinds', Object.values(RequestKind), labels.REQUEST_KINDS],
  ['request kinds in a sentence', Object.values(RequestKind), labels.REQUEST_KINDS_IN_A_SENTENCE],
  ['request states', Object.values(RequestState), labels.REQUEST_STATES],
  ['intake outcomes', Object.values(Outcome), labels.INTAKE_OUTCOMES],
  ['decision facts', DECISION_FACTS, labels.DECISION_FACTS],
  ['destruction grounds', DESTRUCTION_REFUSAL_GROUNDS, labels.DESTRUCTION_GROUNDS_IN_A_SENTENCE],
  ['consent: how', Object.values(ConsentHow), labels.CONSENT_HOW],
  ['consent givers', Object.values(ConsentParty), labels.CONSENT_GIVERS],
  ['parts', Object.values(Part), labels.PARTS],
  ['access outcomes', Object.values(AccessOutcome), labels.ACCESS_OUTCOMES],
  ['access bases', Object.values(AccessBasis), labels.ACCESS_BASES],
  ['access actions', [...Object.values(AccessAction), ...Object.values(Act)], labels.ACCESS_ACTIONS],
  ['access purposes', Object.values(AccessPurpose), labels.PURPOSES],
  // The privacy officer's access log and its CSV/XLSX showed `emergency-summary` raw (e2e/raw-codes.test.ts).
  ['parts in the access log', [...Object.values(Part), EMERGENCY_SUMMARY_PART, CLIENT_EXISTENCE_PART, 'portal'], labels.ACCESS_LOG_PARTS],
  ['actions in the access log', [...Object.values(AccessAction), ...Object.values(Act), 'request', 'consent', 'message', 'read-log', 'account'], labels.ACCESS_LOG_ACTIONS],
  ['breach risks', BREACH_RISKS, labels.BREACH_RISKS],
  ['breach states', BREACH_STATUSES, labels.BREACH_STATUSES],
  ['complaint outcomes', ComplaintOutcome, labels.COMPLAINT_OUTCOMES],
  ['incident kinds', IncidentKind, labels.INCIDENT_KINDS],
  ['transfer recipients', ['successor-provider', 'nidos-guardian'], labels.TRANSFER_RECIPIENTS],
  ['family entry kinds', FAMILY_ENTRY_KINDS, labels.FAMILY_ENTRY_KINDS],
  ['purposes in the access log', [...Object.values(AccessPurpose), FIND_FOR_EMERGENCY_PURPOSE], labels.ACCESS_LOG_PURPOSES],
  ['disclosure bases', ['consent', 'family-guardian-threat', 'legal-representative', 'research', ...Object.values(StatutoryBasis)], labels.DISCLOSURE_BASES],
];

describe('the label catalogue', () => {
  it.each(catalogue)('has a Dutch label for every code of %s', (_name, codes, table) => {
    for (const code of codes) {
      expect(table[code], code).toBeTypeOf('string');
      expect(table[code]!.trim(), code).not.toBe('');
      expect(table[code], code).not.toBe(code);
    }
  });

  it('shows an unknown code as it is and nothing as a dash', () => {
    expect(labels.label(labels.SOURCE_KINDS, 'care-professional')).toBe('Hulpverlener (eigen waarneming)');
    expect(labels.label(labels.SOURCE_KINDS, 'something-new')).toBe('something-new');
    expect(labels.label(labels.SOURCE_KINDS, null)).toBe('—');
  });

  it('names fields in Dutch, also inside a path, and never shows an unknown one raw', () => {
    expect(labels.fieldName('streetAddress')).toBe('het adres');
    expect(labels.fieldName('relations.0.custodyKind')).toBe('de soort gezag');
    expect(labels.fieldName('someInternalName')).toBe('een veld');
  });

  it('writes dates in words, with the weekday for a letter and in Dutch time for an instant', () => {
    expect(labels.dateInWords('2026-12-04')).toBe('4 december 2026');
    expect(labels.dayAndDateInWords('2026-12-04')).toBe('vrijdag 4 december 2026');
    expect(labels.momentInWords('2026-12-04T13:05:00Z')).toBe('4 december 2026 om 14:05');
    // After 23:00 UTC in winter it is the next day in the Netherlands.
    expect(labels.momentInWords('2026-12-04T23:30:00Z')).toBe('5 december 2026 om 00:30');
    expect(labels.momentInWords('2026-07-01')).toBe('1 juli 2026');
  });
});
