/**
 * Disclosures on a legal basis other than consent (DOMAIN §4; 004 C; 000;
 * 003 §2.3.14): the provider may, or must, provide data without the client's
 * consent — and tells the client beforehand unless the law says otherwise.
 * Each basis names what it may carry: CBS gets BSN and name only, for
 * statistics; the municipality billing data only; the inspectorate what its
 * investigation needs. Consent-based disclosure and the family guardian's own
 * right are decided by `decide` (action `disclose`).
 */
import { Citation } from './citations.js';
import { allow, deny, type Decision } from './decision.js';
import { Part } from './vocabulary.js';

export const StatutoryBasis = {
  /** Statistics: BSN and name to CBS (Jeugdwet 7.4.x; 004 C). */
  cbsStatistics: 'cbs-statistics',
  /** Billing control by the municipality: name, address, BSN, type of service (004 C; 003 §3.1). */
  municipalityBilling: 'municipality-billing',
  /** The inspectorate's investigation (IGJ; Awb 5:20). */
  inspectorate: 'inspectorate',
  /** A disciplinary court or a legal procedure (004 C). */
  disciplinaryOrLegalProcedure: 'disciplinary-or-legal-procedure',
  /** Conflict of duties: preventing serious harm or danger (004 C; 000). */
  conflictOfDuties: 'conflict-of-duties',
  /** A report to Bureau Jeugdzorg, William Schrikker or Nidos, or Veilig Thuis under the meldcode (000). */
  childProtectionReport: 'child-protection-report',
} as const;
export type StatutoryBasis = (typeof StatutoryBasis)[keyof typeof StatutoryBasis];

/**
 * May data of this part be disclosed on this statutory basis?
 * @example decideStatutoryDisclosure({ basis: 'cbs-statistics', part: 'conversation-report' }).outcome // 'deny'
 */
export function decideStatutoryDisclosure(input: { basis: StatutoryBasis; part: Part }): Decision {
  const administrativeOnly = (rule: string, basis: readonly Citation[], who: string): Decision =>
    input.part === Part.administrativeData
      ? allow(rule, basis, `${who} krijgt alleen administratieve gegevens (zoals naam en BSN). Daar is geen toestemming voor nodig.`)
      : deny(`${rule}.care-content`, basis, `${who} krijgt geen inhoud van de hulp, alleen administratieve gegevens.`);
  switch (input.basis) {
    case StatutoryBasis.cbsStatistics:
      return administrativeOnly('statutory.cbs', [Citation.avg_6], 'Het CBS');
    case StatutoryBasis.municipalityBilling:
      return administrativeOnly('statutory.municipality', [Citation.avg_6, Citation.jeugdwet_7_3_11], 'De gemeente');
    case StatutoryBasis.inspectorate:
      return input.part === Part.personalWorkNote
        ? deny('statutory.inspectorate.personal-work-note', [Citation.jeugdwet_7_3_8], 'Persoonlijke werkaantekeningen horen niet bij het dossier.')
        : allow('statutory.inspectorate', [Citation.awb_5_20, Citation.avg_6], 'De inspectie doet onderzoek; de organisatie moet daaraan meewerken.');
    case StatutoryBasis.disciplinaryOrLegalProcedure:
    case StatutoryBasis.conflictOfDuties:
    case StatutoryBasis.childProtectionReport:
      return input.part === Part.personalWorkNote || input.part === Part.rawTestData
        ? deny(`statutory.${input.basis}.${input.part}`, [Citation.jeugdwet_7_3_10], 'Dit deel wordt niet verstrekt.')
        : allow(`statutory.${input.basis}`, [Citation.jeugdwet_7_3_11, Citation.avg_6],
            input.basis === StatutoryBasis.conflictOfDuties
              ? 'Er is ernstig gevaar of schade te voorkomen. Dan mag de hulpverlener gegevens geven zonder toestemming (conflict van plichten). Leg vast waarom.'
              : 'De wet staat toe dat de gegevens worden gegeven zonder toestemming. Leg vast op welke grond.');
  }
}
