/**
 * Access by employees and the inspectorate in the course of work (`read`).
 * Those directly involved in the care and their substitutes are not "others"
 * under professional secrecy, as far as their work needs (Jeugdwet 7.3.11;
 * BW 7:457(2); 000; 001; 004 C). Interns too, unless the client objects (000)
 * — an objection an emergency does not lift: the emergency is met by those
 * the client did not refuse. Administrative staff for an administrative task
 * recorded for this client, as far as that task needs (004 C: "Voor het
 * uitvoeren van administratieve handelingen, zoals het versturen van brieven
 * en het invoeren van rapportages, hebben medewerkers toegang tot het
 * dossier"); without such a task only the administrative data.
 * Managers for quality control, complaints and incidents, with a recorded
 * purpose (004 C). Nobody else — a viewing without a care relation is a data
 * breach (003 §2.2.8, §4: HagaZiekenhuis) — except in an emergency, "break
 * the glass" (003 §2.2.8). The inspectorate (IGJ) when it investigates (004 C).
 * Personal work notes are private to their author (003 §2.3.13).
 */
import { Citation } from './citations.js';
import { allow, deny, type Decision, type Situation } from './decision.js';
import { Actor, Fact, Part } from './vocabulary.js';

/**
 * A manager's purposes. Legal claims among them: the manager conducts the organisation's side of a recorded
 * procedure (AVG 18(2); 003 §3.2); who may name which purpose, and with which record, is decide-purpose.ts.
 */
const purposes = [Fact.purposeQualityControl, Fact.purposeComplaint, Fact.purposeIncident, Fact.purposeLegalClaims] as const;

/**
 * Decides `read` (and, for employees, `disclose` and `general-information`,
 * which inside the organisation are the same access).
 */
export function decideRead(s: Situation, rulePrefix = 'read'): Decision {
  const rule = (name: string): string => `${rulePrefix}.${name}`;
  switch (s.actor) {
    case Actor.client:
    case Actor.parentWithCustody:
    case Actor.guardian:
    case Actor.representative:
      return deny(rule('not-an-employee'), [Citation.jeugdwet_7_3_10, Citation.bw_7_456],
        'Lezen voor het werk is de toegang van medewerkers. De jongere en de ouders met gezag of de voogd kunnen vragen om het dossier in te zien of een kopie te krijgen.');
    case Actor.parentWithoutCustody:
    case Actor.familyGuardian:
    case Actor.confidentialAdvisor:
    case Actor.municipality:
    case Actor.thirdParty:
      return deny(rule('not-an-employee'), [Citation.jeugdwet_7_3_11, Citation.bw_7_457],
        'Alleen medewerkers die bij de hulp betrokken zijn, lezen het dossier voor hun werk. Wie buiten de organisatie staat, krijgt alleen gegevens als de wet dat regelt of als er toestemming is.');
    case Actor.careProfessional:
    case Actor.substitute:
    case Actor.intern:
    case Actor.adminStaff:
    case Actor.manager:
    case Actor.employeeWithoutRelation:
    case Actor.inspector:
      return employeeRead(s, s.actor, rule);
  }
}

/**
 * AVG 18(2): while processing is restricted, the care content is only stored;
 * it is read only for legal claims (or, by the inspectorate, for the important
 * public interest of supervision; in an emergency, for the client's vital
 * interest). The administrative data stay readable: the restriction itself,
 * the requests and the identification of the client must remain visible.
 */
function restriction(s: Situation, actor: Employee, rule: (name: string) => string): Decision | undefined {
  if (!s.facts.has(Fact.processingRestricted) || s.part === Part.administrativeData) return undefined;
  if (actor === Actor.inspector || s.facts.has(Fact.emergency) || s.facts.has(Fact.purposeLegalClaims)) return undefined;
  return deny(rule('processing-restricted'), [Citation.avg_18],
    'De cliënt heeft gevraagd de verwerking van zijn of haar gegevens te beperken. Zolang die beperking geldt, worden de gegevens alleen bewaard. Inzien mag alleen voor een juridische procedure (een rechtsvordering), en dat doel moet worden vastgelegd (AVG 18 lid 2).');
}

type Employee = typeof Actor.careProfessional | typeof Actor.substitute | typeof Actor.intern | typeof Actor.adminStaff
  | typeof Actor.manager | typeof Actor.employeeWithoutRelation | typeof Actor.inspector;

function employeeRead(s: Situation, actor: Employee, rule: (name: string) => string): Decision {
  if (s.part === Part.personalWorkNote) {
    return s.facts.has(Fact.author)
      ? allow(rule('personal-work-note.author'), [Citation.jeugdwet_7_3_8],
          'Dit zijn uw eigen persoonlijke werkaantekeningen. Ze horen niet bij het dossier en zijn alleen voor u. Vernietig ze zodra ze niet meer nodig zijn.')
      : deny(rule('personal-work-note.not-author'), [Citation.jeugdwet_7_3_8, Citation.avg_5],
          'Persoonlijke werkaantekeningen zijn alleen voor de hulpverlener die ze schreef. Ook een vervanger of collega ziet ze niet.');
  }
  const restricted = restriction(s, actor, rule);
  if (restricted !== undefined) return restricted;
  if (actor === Actor.inspector) {
    return allow(rule('inspector'), [Citation.awb_5_20, Citation.avg_6],
      'De Inspectie Gezondheidszorg en Jeugd (IGJ) doet onderzoek. De organisatie moet daaraan meewerken en de inspectie toegang geven tot dossiers.');
  }
  if (actor === Actor.intern && s.facts.has(Fact.clientObjectsToInterns)) {
    // 000: "Stagiaires krijgen geen toegang tot het dossier wanneer u hier uitdrukkelijk bezwaar tegen heeft" — no exception for an emergency.
    return deny(rule('intern.client-objects'), [Citation.jeugdwet_7_3_11, Citation.bw_7_457],
      s.facts.has(Fact.emergency)
        ? 'U werkt hier als stagiair, en deze cliënt heeft bezwaar tegen stagiairs die het dossier lezen. Dat bezwaar geldt ook in een noodsituatie. Vraag een collega die geen stagiair is; die kan noodtoegang vragen.'
        : 'De cliënt heeft duidelijk bezwaar gemaakt tegen stagiairs die het dossier lezen. Daarom krijgen stagiairs geen toegang.');
  }
  if (s.facts.has(Fact.emergency) && actor !== Actor.careProfessional && actor !== Actor.substitute) {
    return allow(rule('emergency'), [Citation.avg_9, Citation.avg_6],
      'Er is een noodsituatie gemeld, met een reden. Dan is er toch toegang tot het dossier ("break the glass"). Deze toegang wordt vastgelegd en achteraf gecontroleerd.');
  }
  switch (actor) {
    case Actor.careProfessional:
    case Actor.substitute:
      return allow(rule('care-relation'), [Citation.jeugdwet_7_3_11, Citation.bw_7_457],
        'Medewerkers die direct bij de hulp betrokken zijn, en hun vervangers, mogen het dossier lezen voor zover hun werk dat vraagt. Er is een behandelrelatie.');
    case Actor.intern:
      return allow(rule('intern'), [Citation.jeugdwet_7_3_11, Citation.bw_7_457],
        'Een stagiair die bij de hulp betrokken is, mag het dossier lezen voor zover dat nodig is, omdat de cliënt daar geen bezwaar tegen heeft gemaakt.');
    case Actor.adminStaff:
      if (s.part === Part.administrativeData) {
        return allow(rule('admin-staff.administrative-data'), [Citation.avg_5, Citation.avg_6],
          'Administratieve medewerkers mogen de administratieve gegevens gebruiken voor hun taak, zoals brieven versturen en declareren.');
      }
      return s.facts.has(Fact.purposeAdministrativeTask)
        ? allow(rule('admin-staff.administrative-task'), [Citation.jeugdwet_7_3_11, Citation.bw_7_457, Citation.avg_5],
            'Er is een administratieve taak voor deze cliënt vastgelegd, zoals een brief versturen of een verslag invoeren. Voor die taak mag de administratief medewerker dit deel van het dossier gebruiken, en niet meer dan de taak vraagt.')
        : deny(rule('admin-staff.care-content'), [Citation.avg_5, Citation.jeugdwet_7_3_11],
            'Administratieve medewerkers zien de inhoud van de hulp alleen voor een administratieve taak, zoals een brief versturen of een verslag invoeren. Er is geen taak vastgelegd. Zonder taak zien zij alleen de administratieve gegevens.');
    case Actor.manager: {
      const purpose = purposes.find((p) => s.facts.has(p));
      return purpose !== undefined
        ? allow(rule(`manager.${purpose}`), [Citation.avg_5, Citation.avg_6],
            purpose === Fact.purposeLegalClaims
              ? 'Een leidinggevende mag het dossier inzien voor een vastgelegde juridische procedure van de organisatie, en niet meer dan die procedure vraagt.'
              : 'Een leidinggevende mag het dossier inzien voor kwaliteitscontrole, het behandelen van een klacht of onderzoek naar een incident. Dat doel is vastgelegd.')
        : deny(rule('manager.no-purpose'), [Citation.avg_5, Citation.jeugdwet_7_3_11],
            'Een leidinggevende mag een dossier alleen inzien met een vastgelegd doel: kwaliteitscontrole, een klacht of onderzoek naar een incident. Er is geen doel vastgelegd.');
    }
    case Actor.employeeWithoutRelation:
      return deny(rule('no-care-relation'), [Citation.jeugdwet_7_3_11, Citation.bw_7_457, Citation.avg_5],
        'U werkt niet met deze cliënt: u heeft geen behandelrelatie. Daarom kunt u dit dossier niet openen. Is er een noodsituatie? Dan kunt u noodtoegang vragen als uw functie dat mag, of een collega vragen die met deze cliënt werkt.');
  }
}
