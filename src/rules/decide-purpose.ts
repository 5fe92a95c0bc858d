/**
 * Purposes are references (issue 14). Reading a dossier for a purpose other
 * than the care itself is allowed only for that purpose (AVG 5(1)(b), purpose
 * limitation), and a purpose counts only when it names a record of it:
 * - a manager reads for a complaint, an incident or calamity, or quality
 *   control (DOMAIN §2; 004 C) — the complaint must be in the complaints
 *   register about THIS client, the incident in the incident register naming
 *   this client, the quality control a registered audit with this client in
 *   its sample ("via een steekproef");
 * - a restricted dossier (AVG 18(2)) is read only "for the establishment,
 *   exercise or defence of legal claims": the procedure must be recorded, as a
 *   retention hold on this client (003 §3.2: kept "in het geval de cliënt een
 *   gerechtelijke procedure tegen de hulpverlener is begonnen of een
 *   klachtprocedure"). Who may invoke it: the care professional involved, who
 *   "het recht heeft om zich in een procedure te verweren met behulp van het
 *   dossier" (003 §3.2), a substitute for them, and the manager who conducts
 *   the organisation's side. Not interns, administrative staff, the privacy
 *   officer (who supervises, AVG 38–39, and is no party) or anyone else.
 * The access layer finds (or does not find) the record; this decides.
 */
import { Citation } from './citations.js';
import { allow, deny, type Decision } from './decision.js';
import { Actor } from './vocabulary.js';

/** The purposes an employee may name for an access, besides the care itself. */
export const NamedPurpose = { qualityControl: 'quality-control', complaint: 'complaint', incident: 'incident', legalClaims: 'legal-claims' } as const;
export type NamedPurpose = (typeof NamedPurpose)[keyof typeof NamedPurpose];

/** What the access layer found for the reference the purpose named. */
export const PurposeReference = {
  /** No reference was named. */
  missing: 'missing',
  /** Named, but no such record about this client in this organisation (or no longer current). */
  notFound: 'not-found',
  /** A current record about this client. */
  found: 'found',
} as const;
export type PurposeReference = (typeof PurposeReference)[keyof typeof PurposeReference];

export interface PurposeQuestion {
  actor: Actor;
  purpose: NamedPurpose;
  reference: PurposeReference;
}

const RECORD_NL: Record<NamedPurpose, string> = {
  'quality-control': 'een vastgelegde kwaliteitscontrole (audit) met deze cliënt in de steekproef',
  'complaint': 'een klacht over deze cliënt in het klachtenregister',
  'incident': 'een incident of calamiteit met deze cliënt in het incidentenregister',
  'legal-claims': 'een vastgelegde procedure: een bewaarplicht (hold) op het dossier van deze cliënt',
};

const CITATIONS: Record<NamedPurpose, readonly Citation[]> = {
  'quality-control': [Citation.avg_5, Citation.jeugdwet_7_3_11, Citation.bw_7_457],
  'complaint': [Citation.avg_5, Citation.jeugdwet_7_3_11, Citation.bw_7_457],
  'incident': [Citation.avg_5, Citation.jeugdwet_7_3_11, Citation.bw_7_457],
  'legal-claims': [Citation.avg_18, Citation.avg_5],
};

/** Whether this actor may name this purpose at all. */
function mayName(actor: Actor, purpose: NamedPurpose): boolean {
  switch (purpose) {
    case NamedPurpose.qualityControl:
    case NamedPurpose.complaint:
    case NamedPurpose.incident:
      return actor === Actor.manager;
    case NamedPurpose.legalClaims:
      return actor === Actor.careProfessional || actor === Actor.substitute || actor === Actor.manager;
  }
}

/**
 * Decides whether a named purpose holds: whether this actor may name it, and
 * whether it names a record about this client. An `allow` here only lets the
 * purpose count; what it opens is then decided by `decide` with the purpose
 * as a fact.
 * @example
 * decidePurpose({ actor: 'manager', purpose: 'incident', reference: 'not-found' }).outcome // 'deny'
 */
export function decidePurpose(q: PurposeQuestion): Decision {
  const rule = (name: string): string => `purpose.${q.purpose}.${name}`;
  const citations = CITATIONS[q.purpose];
  if (!mayName(q.actor, q.purpose)) {
    return q.purpose === NamedPurpose.legalClaims
      ? deny(rule('not-for-actor'), citations,
          'Een dossier met een beperking van de verwerking leest u voor een juridische procedure alleen als u de hulpverlener bent om wie het gaat (of diens vervanger), of als leidinggevende die de procedure voor de organisatie voert. Met uw functie kunt u dit doel niet gebruiken.')
      : deny(rule('not-for-actor'), citations,
          'Kwaliteitscontrole, een klacht of een incident is een doel van een leidinggevende. U leest een dossier op grond van uw eigen taak; noem dit doel dus niet.');
  }
  switch (q.reference) {
    case PurposeReference.missing:
      return deny(rule('no-reference'), citations,
        `Een doel telt alleen als het verwijst naar wat is vastgelegd: ${RECORD_NL[q.purpose]}. Noem dat nummer bij het doel.`);
    case PurposeReference.notFound:
      return deny(rule('reference-not-found'), citations,
        `Het nummer dat u noemt, hoort niet bij ${RECORD_NL[q.purpose]}. Zonder zo'n vastgelegd doel kunt u het dossier hiervoor niet inzien.`);
    case PurposeReference.found:
      return allow(rule('recorded'), citations,
        `Het doel is vastgelegd: ${RECORD_NL[q.purpose]}. U mag het dossier voor dit doel inzien, en niet meer dan dit doel vraagt.`);
  }
}
