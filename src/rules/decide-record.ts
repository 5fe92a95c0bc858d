/**
 * Writing in the dossier (vastleggen): who may add entries or annotations.
 * Not a question of the conformance format, so not an `Action` word; the
 * access layer asks it through `decideRecording`.
 *
 * The provider must keep a dossier of the care it gives (Jeugdwet 7.3.8,
 * BW 7:454); those who give the care write it — the care professionals, their
 * substitutes and, unless the client objected, interns (000; DOMAIN §2).
 * Administrative staff enter administrative data only (004 C). Managers,
 * the inspectorate and employees without a care relation read for their
 * purpose but do not write care content; emergency access is for reading
 * vital information (003 §2.2.8). Clients and their representatives add to
 * the dossier through their own statement (`add-statement`, 003 §3.4).
 */
import { Citation } from './citations.js';
import { allow, deny, situationOf, type DecideInput, type Decision } from './decision.js';
import { decideRead } from './decide-read.js';
import { Action, Actor, Fact, Outcome, Part } from './vocabulary.js';

/** Input of {@link decideRecording}: as `decide`, without the action. */
export type RecordingInput = Omit<DecideInput, 'action'>;

/**
 * May this actor write (an entry or an annotation) in this part of the dossier?
 * @example
 * decideRecording({ on: '2026-11-22', client: { born: '2012-01-01' }, actor: 'care-professional', part: 'conversation-report' }).outcome; // 'allow'
 * decideRecording({ on: '2026-11-22', client: { born: '2012-01-01' }, actor: 'manager', facts: ['purpose-complaint'] }).outcome; // 'deny'
 */
export function decideRecording(input: RecordingInput): Decision {
  const s = situationOf({ ...input, action: Action.read });
  const basis = [Citation.jeugdwet_7_3_8, Citation.bw_7_454];
  if (s.facts.has(Fact.processingRestricted) && s.part !== Part.administrativeData) {
    // AVG 18(2): while restricted, the data are only stored; nothing is added or changed until the restriction ends.
    return deny('record.processing-restricted', [Citation.avg_18, ...basis],
      'De verwerking van de gegevens van deze cliënt is beperkt op zijn of haar verzoek. Zolang die beperking geldt, wordt er niets aan het dossier toegevoegd of veranderd (AVG 18). De houder van het dossier kan de beperking beëindigen, met een reden; de cliënt krijgt daarvan vooraf bericht.');
  }
  switch (s.actor) {
    case Actor.careProfessional:
    case Actor.substitute:
      return allow('record.care-relation', basis,
        'Wie de hulp geeft, legt vast wat er gebeurt. Dat is de plicht van de organisatie om een dossier bij te houden.');
    case Actor.intern: {
      const read = decideRead(s);
      return read.outcome === Outcome.allow
        ? allow('record.intern', basis, 'Een stagiair die bij de hulp betrokken is, mag vastleggen wat hij of zij doet. De cliënt heeft geen bezwaar gemaakt tegen stagiairs.')
        : deny('record.intern.client-objects', [...basis, Citation.jeugdwet_7_3_11], read.explanation);
    }
    case Actor.adminStaff:
      if (s.part === Part.administrativeData) {
        return allow('record.admin-staff.administrative-data', [...basis, Citation.avg_5], 'Administratieve medewerkers leggen administratieve gegevens vast voor hun taak.');
      }
      // 004 C: "het invoeren van rapportages" is an administrative task — entering what a professional wrote, for that task only.
      return s.facts.has(Fact.purposeAdministrativeTask) && s.part !== Part.personalWorkNote
        ? allow('record.admin-staff.administrative-task', [...basis, Citation.avg_5],
            'Er is een administratieve taak vastgelegd: een verslag van de hulpverlener invoeren. Daarvoor mag de administratief medewerker dit in het dossier zetten, namens de hulpverlener.')
        : deny('record.admin-staff.care-content', [...basis, Citation.avg_5],
            'Administratieve medewerkers schrijven niet in de inhoud van de hulp. Dat doen de hulpverleners die bij de hulp betrokken zijn.');
    case Actor.manager:
    case Actor.inspector:
    case Actor.employeeWithoutRelation:
      return deny('record.no-care-relation', [...basis, Citation.avg_5],
        'Alleen wie bij de hulp betrokken is, schrijft in het dossier. Inzien voor controle, een klacht, een incident of in een noodsituatie geeft geen recht om te schrijven.');
    case Actor.client:
    case Actor.parentWithCustody:
    case Actor.guardian:
    case Actor.representative:
    case Actor.parentWithoutCustody:
    case Actor.familyGuardian:
    case Actor.confidentialAdvisor:
    case Actor.municipality:
    case Actor.thirdParty:
      return deny('record.not-an-employee', [...basis, Citation.jeugdwet_7_3_10],
        'Het dossier wordt bijgehouden door de hulpverleners. Bent u het ergens niet mee eens? Dan kunt u vragen om een eigen verklaring toe te voegen.');
  }
}
