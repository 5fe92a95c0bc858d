/**
 * The vocabulary of acts: every operation an employee performs on a client's
 * data is a named act, and this module decides, purely, which employee may
 * perform it — with the articles and a Dutch explanation (B1), like `decide`.
 *
 * Two kinds of act:
 * - **acts on the content** (`read-part`, `record-entry`, `annotate`) are the
 *   law's questions already answered by `decide` and `decideRecording`; here
 *   they are only named and passed on, so every act has one entry point;
 * - **acts that change rights** — who may see the dossier, who represents the
 *   client, what a parent receives, whether the dossier exists — are decided
 *   by the organisational rules below. The law gives the dossier a holder (the
 *   responsible professional, 003 §2.1: "er is dus wel een 'houder' van het
 *   dossier nl. de hulpverlener") who decides the client's requests ("Het is
 *   aan de hulpverlener om te beslissen op zo'n verzoek", 003 §2.3.6); a
 *   careful organisation (AVG 5(1)(f), 32; NEN 7510-2 A.9.2) lets only those
 *   responsible change rights: the holder, for some acts a manager (who
 *   assigns care), administrative staff only for the holder they name.
 *   Interns record and read, nothing that changes rights (000: an intern works
 *   under supervision).
 *
 * No I/O, no clock: the caller says who the employee is for this client.
 */
import { Citation } from './citations.js';
import { cite, deny, allow, type Decision, type DecideInput } from './decision.js';
import { decide } from './decide.js';
import { decideRecording } from './decide-record.js';
import { Actor, Fact, Part } from './vocabulary.js';

/** The acts on a client's data. Dutch terms in the comments. */
export const Act = {
  /** een deel van het dossier inzien (in the course of work). */
  readPart: 'read-part',
  /** een aantekening in het dossier vastleggen. */
  recordEntry: 'record-entry',
  /** een aantekening annoteren (bij nader inzien onjuist). */
  annotate: 'annotate',
  /** afschermen: information about another person, or from named relations (Jeugdwet 7.3.10). */
  shield: 'shield',
  /** een afscherming opheffen (also: the other person consents to showing it). */
  liftShielding: 'lift-shielding',
  /** een relatie zonder gezag registreren (parent without custody, family guardian, representative). */
  registerRelation: 'register-relation',
  /** een relatie of gezag beëindigen. */
  endRelation: 'end-relation',
  /** gezag vastleggen: a parent or guardian with custody. */
  recordCustody: 'record-custody',
  /** toestemming vastleggen (care, disclosure). */
  recordConsent: 'record-consent',
  /** toestemming intrekken (AVG 7(3)). */
  withdrawConsent: 'withdraw-consent',
  /** een afspraak bij de start van de hulp maken (e.g. no conversation reports to the parents). */
  makeAgreement: 'make-agreement',
  /** zo'n afspraak beëindigen. */
  endAgreement: 'end-agreement',
  /** wilsbekwaamheid beoordelen (12+): decides who exercises the client's rights. */
  assessCompetence: 'assess-competence',
  /** een verzoek van de cliënt ontvangen en vastleggen (intake, identity check, consent, answer received). */
  registerRequest: 'register-request',
  /** beslissen op een verzoek (also: the decision to take longer, AVG 12(3)). */
  decideRequest: 'decide-request',
  /** een beslist verzoek uitvoeren. */
  fulfilRequest: 'fulfil-request',
  /** het dossier (of een deel) vernietigen. */
  destroy: 'destroy',
  /** als tweede persoon een besloten vernietiging bevestigen, voordat die wordt uitgevoerd. */
  confirmDestruction: 'confirm-destruction',
  /** het dossier overdragen aan een opvolgende aanbieder of de Nidos-voogd. */
  transfer: 'transfer',
  /** een gegevensverstrekking vastleggen. */
  recordDisclosure: 'record-disclosure',
  /** het behandelteam veranderen (who may open the dossier). */
  changeCareTeam: 'change-care-team',
  /** de hulp beëindigen: the care ends, the team closes, the retention period counts from this change (Jeugdwet 7.3.8). */
  endCare: 'end-care',
  /** het bezwaar van de cliënt tegen stagiairs vastleggen. */
  recordObjection: 'record-objection',
  /** dat bezwaar intrekken. */
  withdrawObjection: 'withdraw-objection',
  /** het overlijden van de cliënt vastleggen (Jeugdwet 7.3.12a). */
  recordDeath: 'record-death',
  /** een vastgelegd overlijden corrigeren: een andere datum, of niet overleden (Jeugdwet 7.3.12a). */
  correctDeath: 'correct-death',
  /** vastleggen wat de cliënt bij leven wilde over inzage na de dood, per persoon (Jeugdwet 7.3.12a lid 1(a), lid 4). */
  recordWishAfterDeath: 'record-wish-after-death',
  /** de beperking van de verwerking beëindigen (AVG 18(3)). */
  endRestriction: 'end-restriction',
  /** langer bewaren omdat goede hulp dat vraagt (Jeugdwet 7.3.8). */
  keepForGoodCare: 'keep-for-good-care',
  /** een stuk vrijgeven voor het cliëntportaal, vóór het vanzelf verschijnt (issue 19; decide-portal-release.ts). */
  releaseToPortal: 'release-to-portal',
  /** een stuk achterhouden voor het cliëntportaal: ernstig nadeel (Jeugdwet 7.3.2 lid 4) of privacy van een ander (7.3.10). */
  withholdFromPortal: 'withhold-from-portal',
  /** iemand uitnodigen voor het cliëntportaal: de cliënt (vanaf 12) of een geregistreerde relatie (issue 19; decide-portal-invitation.ts). */
  inviteToPortal: 'invite-to-portal',
  /** noodtoegang openen (break the glass). */
  openEmergency: 'open-emergency',
  /** noodtoegang beoordelen. */
  reviewEmergency: 'review-emergency',
  /** bewaren voor een procedure (hold). */
  holdRetention: 'hold-retention',
  /** die bewaring beëindigen. */
  releaseRetention: 'release-retention',
  /** bevestigen dat een dossier na de bewaartermijn vernietigd wordt. */
  confirmRetentionReview: 'confirm-retention-review',
  /** het toegangslog inzien. */
  reviewLog: 'review-log',
  /** medewerkers, rollen en accounts beheren. */
  administerAccount: 'administer-account',
} as const;
export type Act = (typeof Act)[keyof typeof Act];

/**
 * Who the employee is for this client: the role and the current care relation
 * together. A care professional is the holder (dossierhouder), a member or a
 * substitute of the care team, or has no relation; an intern is one only
 * through a relation.
 */
export const Employee = {
  holder: 'holder',
  member: 'member',
  substitute: 'substitute',
  intern: 'intern',
  professionalWithoutRelation: 'professional-without-relation',
  /** An intern (or anyone of a care role) without a relation with this client. */
  withoutRelation: 'without-relation',
  adminStaff: 'admin-staff',
  manager: 'manager',
  privacyOfficer: 'privacy-officer',
  applicationAdministrator: 'application-administrator',
} as const;
export type Employee = (typeof Employee)[keyof typeof Employee];

/** For whom administrative staff act (the acting-for header, checked by the access layer). */
export const ActingFor = {
  nobody: 'nobody',
  /** A professional involved in the client's care now who is not the holder. */
  involved: 'involved',
  holder: 'holder',
} as const;
export type ActingFor = (typeof ActingFor)[keyof typeof ActingFor];

/** The client's requests, as the requests module names them (Jeugdwet 7.3.8–7.3.10; AVG 15–21, 7(3); BW 1:377c). */
export const RequestKindWord = {
  inspect: 'inspect', copy: 'copy', correct: 'correct', addStatement: 'add-statement', destroy: 'destroy', restrict: 'restrict',
  object: 'object', portability: 'portability', withdrawConsent: 'withdraw-consent', generalInformation: 'general-information',
} as const;
export type RequestKindWord = (typeof RequestKindWord)[keyof typeof RequestKindWord];

/** What {@link decideAct} is asked. */
export interface ActInput {
  readonly act: Act;
  readonly employee: Employee;
  /** Administrative staff only: whom they act for (default nobody). */
  readonly actingFor?: ActingFor;
  /** For `decide-request` and `fulfil-request`: the kind; without it, whether the employee may do it for any kind. */
  readonly requestKind?: RequestKindWord;
  /** For the acts on the content: the day, the client, the part and the recorded facts, as `decide` reads them. */
  readonly on: DecideInput['on'];
  readonly client: DecideInput['client'];
  readonly part?: Part;
  readonly facts?: Iterable<Fact>;
}

/** The engine's actor (conformance vocabulary) for an employee. */
export function actorOfEmployee(employee: Employee): Actor {
  switch (employee) {
    case Employee.holder:
    case Employee.member: return Actor.careProfessional;
    case Employee.substitute: return Actor.substitute;
    case Employee.intern: return Actor.intern;
    case Employee.adminStaff: return Actor.adminStaff;
    case Employee.manager: return Actor.manager;
    case Employee.professionalWithoutRelation:
    case Employee.withoutRelation:
    case Employee.privacyOfficer:
    case Employee.applicationAdministrator: return Actor.employeeWithoutRelation;
  }
}

/** Who may do an organisational act: the holder, and whichever others the act names. */
interface Holders {
  readonly members?: boolean;
  readonly interns?: boolean;
  readonly manager?: boolean;
  /** Administrative staff acting for the holder (`holder`) or for any involved professional (`involved`). */
  readonly adminStaff?: 'for-holder' | 'for-involved' | 'always';
  readonly privacyOfficer?: boolean;
  readonly holder?: boolean;
}

function mayAct(input: ActInput, who: Holders): boolean {
  const actingFor = input.actingFor ?? ActingFor.nobody;
  switch (input.employee) {
    case Employee.holder: return who.holder !== false;
    case Employee.member:
    case Employee.substitute: return who.members === true;
    case Employee.intern: return who.interns === true;
    case Employee.manager: return who.manager === true;
    case Employee.privacyOfficer: return who.privacyOfficer === true;
    case Employee.adminStaff:
      return who.adminStaff === 'always'
        || (who.adminStaff === 'for-involved' && actingFor !== ActingFor.nobody)
        || (who.adminStaff === 'for-holder' && actingFor === ActingFor.holder);
    case Employee.professionalWithoutRelation:
    case Employee.withoutRelation:
    case Employee.applicationAdministrator: return false;
  }
}

/**
 * The sentence that names who may, and the refusal's tail for the one asking. An employee without a care relation
 * who reads by emergency access (003 §2.2.8: "dat in geval van nood er wel toegang is tot het dossier") hears why the
 * broken glass does not let them change anything: it opens the dossier to read what the emergency needs.
 */
function refusalTail(input: ActInput): string {
  if ((input.employee === Employee.professionalWithoutRelation || input.employee === Employee.withoutRelation) && hasFact(input, Fact.emergency)) {
    return 'U heeft noodtoegang. Daarmee leest u wat u in de noodsituatie nodig hebt, maar u verandert niets aan het dossier of aan wie wat mag.';
  }
  switch (input.employee) {
    case Employee.intern:
      return 'Een stagiair leest en schrijft in het dossier, maar doet niets waardoor rechten van de cliënt of anderen veranderen.';
    case Employee.adminStaff:
      return (input.actingFor ?? ActingFor.nobody) === ActingFor.nobody
        ? 'Een administratief medewerker doet dit alleen namens de hulpverlener; noem die hulpverlener.'
        : 'Een administratief medewerker doet dit alleen namens de dossierhouder.';
    case Employee.member:
    case Employee.substitute:
      return 'U bent betrokken bij de hulp, maar u bent niet de dossierhouder.';
    case Employee.holder:
    case Employee.manager:
    case Employee.privacyOfficer:
    case Employee.applicationAdministrator:
    case Employee.professionalWithoutRelation:
    case Employee.withoutRelation:
      return 'U bent niet bij de hulp aan deze cliënt betrokken.';
  }
}

function hasFact(input: ActInput, fact: Fact): boolean {
  for (const f of input.facts ?? []) if (f === fact) return true;
  return false;
}

const RESPONSIBLE = [Citation.avg_5_1_f, Citation.avg_32] as const;

function organisational(input: ActInput, rule: string, basis: readonly Citation[], who: Holders, allowed: string, refused: string): Decision {
  return mayAct(input, who)
    ? allow(`${rule}.${input.employee}`, cite(basis, RESPONSIBLE), allowed)
    : deny(`${rule}.not-responsible`, cite(basis, RESPONSIBLE), `${refused} ${refusalTail(input)}`);
}

/** Requests whose fulfilment hands over or sends what was decided, without changing the dossier or anyone's rights. */
const HANDING_OVER: readonly RequestKindWord[] = [RequestKindWord.inspect, RequestKindWord.copy, RequestKindWord.portability, RequestKindWord.generalInformation];

const REQUEST_ARTICLES: Readonly<Record<RequestKindWord, readonly Citation[]>> = {
  'inspect': [Citation.jeugdwet_7_3_10, Citation.bw_7_456, Citation.avg_15],
  'copy': [Citation.jeugdwet_7_3_10, Citation.bw_7_456, Citation.avg_15],
  'correct': [Citation.avg_16],
  'add-statement': [Citation.jeugdwet_7_3_8],
  'destroy': [Citation.jeugdwet_7_3_9, Citation.bw_7_455, Citation.avg_17],
  'restrict': [Citation.avg_18],
  'object': [Citation.avg_21],
  'portability': [Citation.avg_20],
  'withdraw-consent': [Citation.avg_7],
  'general-information': [Citation.bw_1_377c],
};

const REQUEST_NAME: Readonly<Record<RequestKindWord, string>> = {
  'inspect': 'inzage', 'copy': 'een afschrift', 'correct': 'correctie', 'add-statement': 'een eigen verklaring', 'destroy': 'vernietiging',
  'restrict': 'beperking van de verwerking', 'object': 'bezwaar', 'portability': 'overdracht van gegevens', 'withdraw-consent': 'intrekken van toestemming',
  'general-information': 'algemene informatie',
};

function decideRequestAct(input: ActInput): Decision {
  const kind = input.requestKind;
  const articles = cite(kind === undefined ? [Citation.jeugdwet_7_3_10, Citation.avg_12] : REQUEST_ARTICLES[kind], [Citation.avg_12]);
  const what = kind === undefined ? 'een verzoek van de cliënt' : `een verzoek om ${REQUEST_NAME[kind]}`;
  if (input.act === Act.decideRequest) {
    // 003 §2.3.6 and §3.3: "Het is aan de hulpverlener om te beslissen op zo'n verzoek" — the holder, who is
    // responsible for the dossier's content; a manager may decide when the holder cannot. The same for every kind.
    return organisational(input, 'decide-request', articles, { manager: true },
      `De dossierhouder of een leidinggevende beslist op ${what}.`,
      `Alleen de dossierhouder of een leidinggevende beslist op ${what}. Zo'n besluit verandert wat de cliënt of anderen krijgen of wat er met het dossier gebeurt.`);
  }
  // Fulfilment: handing over what was decided (inspection, a copy, the data, general information) is also done
  // by the care team and by administrative staff for an involved professional (004 C: sending letters); carrying
  // out a change of the dossier or of rights (destruction, correction, restriction, objection, withdrawing a
  // consent, adding a statement) only by the holder or a manager.
  if (kind === RequestKindWord.destroy) return decideAct({ ...input, act: Act.destroy });
  const handingOver = kind === undefined || HANDING_OVER.includes(kind);
  return handingOver
    ? organisational(input, 'fulfil-request', articles, { members: true, manager: true, adminStaff: 'for-involved' },
        `Wie bij de hulp betrokken is, of een leidinggevende, voert ${what} uit zoals besloten. Een administratief medewerker kan dat doen namens de hulpverlener.`,
        `Alleen wie bij de hulp betrokken is, of een leidinggevende, voert ${what} uit.`)
    : organisational(input, 'fulfil-request.changes-dossier', articles, { manager: true },
        `De dossierhouder of een leidinggevende voert ${what} uit.`,
        `Alleen de dossierhouder of een leidinggevende voert ${what} uit, want daarmee verandert het dossier of wat anderen mogen.`);
}

/**
 * May this employee perform this act on this client's data?
 *
 * @example
 * decideAct({ act: 'decide-request', employee: 'intern', requestKind: 'destroy', on: '2026-12-04', client: { born: '2012-01-01' } }).outcome; // 'deny'
 * decideAct({ act: 'lift-shielding', employee: 'holder', on: '2026-12-04', client: { born: '2012-01-01' } }).outcome; // 'allow'
 * decideAct({ act: 'record-custody', employee: 'admin-staff', actingFor: 'holder', on: '2026-12-04', client: { born: '2012-01-01' } }).outcome; // 'allow'
 */
export function decideAct(input: ActInput): Decision {
  const content = { on: input.on, client: input.client, actor: actorOfEmployee(input.employee), part: input.part ?? Part.dossier, facts: input.facts ?? [] };
  switch (input.act) {
    case Act.readPart:
      return decide({ ...content, action: 'read' });
    case Act.recordEntry:
    case Act.annotate:
      return decideRecording(content);
    case Act.shield:
      // Withholding information about another person from a reader (Jeugdwet 7.3.10; 003 §3.1) protects that
      // person: those who give the care do it when they see the need. Interns do not decide what others may see.
      return organisational(input, 'shield', [Citation.jeugdwet_7_3_10, Citation.jeugdwet_7_3_11], { members: true },
        'Wie de hulp geeft, schermt informatie over een ander af. Zo blijft die informatie buiten inzage of afschrift.',
        'Alleen de hulpverleners die bij de hulp betrokken zijn, schermen informatie af.');
    case Act.liftShielding:
      // Lifting shows again what another person is protected from: only the holder or a manager, with a reason
      // (kept in the history).
      return organisational(input, 'lift-shielding', [Citation.jeugdwet_7_3_10, Citation.jeugdwet_7_3_11], { manager: true },
        'De dossierhouder of een leidinggevende heft een afscherming op, met een reden.',
        'Alleen de dossierhouder of een leidinggevende heft een afscherming op. Daarna kan iemand informatie zien waartegen een ander beschermd was.');
    case Act.registerRelation:
    case Act.endRelation:
    case Act.recordCustody: {
      // 003 §2.3.5: "na een zorgvuldige vaststelling worden bijgehouden wie het gezag heeft"; who holds custody
      // decides who consents and who exercises the client's rights (Jeugdwet 7.3.4, 7.3.11; BW 1:245, 7:465).
      const basis = [Citation.jeugdwet_7_3_4, Citation.jeugdwet_7_3_11, Citation.bw_1_245, Citation.bw_7_465];
      const what = input.act === Act.recordCustody
        ? 'legt vast wie gezag heeft, en hoe dat is vastgesteld'
        : input.act === Act.endRelation ? 'beëindigt een relatie of gezag' : 'legt een relatie van de cliënt vast';
      return organisational(input, input.act, basis, { adminStaff: 'for-holder' },
        `De dossierhouder, of een administratief medewerker namens de dossierhouder, ${what}.`,
        `Alleen de dossierhouder, of een administratief medewerker namens de dossierhouder, ${what}. Wie gezag heeft of de cliënt vertegenwoordigt, beslist mee over de hulp en het dossier.`);
    }
    case Act.recordConsent:
    case Act.withdrawConsent: {
      // A consent decides what may happen (care, disclosure); its withdrawal works at once (AVG 7(3)). Recorded by
      // those who give the care or by administrative staff for them (a signed declaration is administration, 004 C).
      const basis = [Citation.jeugdwet_7_3_4, Citation.jeugdwet_7_3_5, Citation.avg_7];
      const what = input.act === Act.withdrawConsent ? 'legt vast dat een toestemming is ingetrokken' : 'legt een toestemming vast';
      return organisational(input, input.act, basis, { members: true, adminStaff: 'for-involved' },
        `Wie de hulp geeft, of een administratief medewerker namens die hulpverlener, ${what}.`,
        `Alleen wie de hulp geeft, of een administratief medewerker namens die hulpverlener, ${what}. Een toestemming bepaalt wat er met de hulp en de gegevens mag gebeuren.`);
    }
    case Act.makeAgreement:
    case Act.endAgreement: {
      // 003 §2.3.5, §3.1: an agreement at the start of care (e.g. conversation reports not to the parents) narrows
      // what parents with custody receive; the holder makes it, the holder or a manager ends it.
      const basis = [Citation.jeugdwet_7_3_11];
      return input.act === Act.makeAgreement
        ? organisational(input, 'make-agreement', basis, {},
            'De dossierhouder maakt bij de start van de hulp afspraken over wat ouders wel en niet krijgen.',
            'Alleen de dossierhouder maakt afspraken over wat ouders met gezag wel en niet krijgen.')
        : organisational(input, 'end-agreement', basis, { manager: true },
            'De dossierhouder of een leidinggevende beëindigt een afspraak van de start van de hulp.',
            'Alleen de dossierhouder of een leidinggevende beëindigt een afspraak van de start van de hulp. Daarna krijgen ouders weer wat de afspraak tegenhield.');
    }
    case Act.assessCompetence:
      // 003 §3.1: the professional assesses competence (with an expert consulted); it decides who exercises the rights.
      return organisational(input, 'assess-competence', [Citation.jeugdwet_7_3_15, Citation.bw_7_465], { members: true },
        'De hulpverlener beoordeelt of de jongere zijn belangen zelf kan overzien, en legt vast wie is geraadpleegd.',
        'Alleen de hulpverleners die bij de hulp betrokken zijn, beoordelen of de jongere zijn belangen zelf kan overzien. Dat bepaalt wie de rechten uitoefent.');
    case Act.registerRequest:
      // Recording that a client asked protects the client's right (the deadline runs from receipt, AVG 12(3)): anyone in
      // the care team, interns included, and administrative staff (intake, 004 C). It decides nothing.
      return organisational(input, 'register-request', [Citation.avg_12, Citation.uavg_34],
        { members: true, interns: true, adminStaff: 'always' },
        'Wie een verzoek van de cliënt ontvangt, legt het vast. Vanaf dan loopt de termijn.',
        'Alleen wie bij de hulp of de administratie van deze cliënt betrokken is, legt een verzoek vast.');
    case Act.decideRequest:
    case Act.fulfilRequest:
      return decideRequestAct(input);
    case Act.destroy:
      // Jeugdwet 7.3.9: destroying (part of) the dossier cannot be undone; only the holder or a manager carries it out.
      return organisational(input, 'destroy', [Citation.jeugdwet_7_3_9, Citation.bw_7_455, Citation.avg_17], { manager: true },
        'De dossierhouder of een leidinggevende voert een besluit tot vernietiging uit.',
        'Alleen de dossierhouder of een leidinggevende vernietigt (een deel van) het dossier. Dat kan niet worden teruggedraaid.');
    case Act.confirmDestruction:
      // A second authorised person confirms a destruction before it is carried out (issue 14; an organisation
      // setting): the holder, a manager or the privacy officer. That it is not the one who decided is the work's check.
      return organisational(input, 'confirm-destruction', [Citation.jeugdwet_7_3_9, Citation.avg_17], { manager: true, privacyOfficer: true },
        'Een tweede persoon bevestigt de vernietiging voordat die wordt uitgevoerd: de dossierhouder, een leidinggevende of de functionaris gegevensbescherming.',
        'Alleen de dossierhouder, een leidinggevende of de functionaris gegevensbescherming bevestigt een vernietiging. Vernietigen kan niet worden teruggedraaid.');
    case Act.transfer:
      // 003 §2.2.8: the dossier goes to a successor who keeps professional secrecy; the whole dossier leaves the
      // organisation and it is closed to new entries.
      return organisational(input, 'transfer', [Citation.jeugdwet_7_3_11, Citation.bw_7_457], { manager: true },
        'De dossierhouder of een leidinggevende draagt het dossier over.',
        'Alleen de dossierhouder of een leidinggevende draagt het dossier over aan een andere aanbieder of de voogd. Het hele dossier gaat dan naar buiten.');
    case Act.recordDisclosure:
      return organisational(input, 'record-disclosure', [Citation.jeugdwet_7_3_11, Citation.bw_7_457], { members: true },
        'Wie de hulp geeft, legt vast wat met wie is gedeeld.',
        'Alleen de hulpverleners die bij de hulp betrokken zijn, delen gegevens met anderen en leggen dat vast. Zij hebben het beroepsgeheim.');
    case Act.changeCareTeam:
      // DOMAIN §2: only those directly involved see the dossier, so whoever adds a member grants access to it.
      return organisational(input, 'manage-care-team', [Citation.jeugdwet_7_3_11], { manager: true },
        'De dossierhouder of een leidinggevende bepaalt wie in het behandelteam zit.',
        'Alleen de dossierhouder van deze cliënt of een leidinggevende bepaalt wie in het behandelteam zit. Wie in het team komt, kan het dossier openen. Daarom mag niet iedereen die het dossier kan bereiken het team veranderen.');
    case Act.endCare:
      // Ending care closes the care team (only those directly involved see the dossier, DOMAIN §2: after the care
      // nobody is) and is the dossier's last change from which the twenty years of retention count (Jeugdwet 7.3.8;
      // BW 7:454 lid 3; 000: "tot 20 jaar na afloop van de hulpverlening"). The holder is responsible for the
      // dossier (003 §2.1: "er is dus wel een 'houder' van het dossier nl. de hulpverlener") and decides when the care
      // is done; a manager, who assigns care, may close it when the holder cannot (as for a transfer). Not a team
      // member, an intern or administrative staff: it takes the dossier away from the whole team.
      return organisational(input, 'end-care', [Citation.jeugdwet_7_3_8, Citation.bw_7_454, Citation.jeugdwet_7_3_11], { manager: true },
        'De dossierhouder of een leidinggevende legt vast dat de hulp is gestopt. Daarna sluit het team en begint de bewaartermijn van twintig jaar.',
        'Alleen de dossierhouder of een leidinggevende legt vast dat de hulp is gestopt. Daarna kan het team het dossier niet meer openen en begint de bewaartermijn.');
    case Act.recordObjection:
      // A restriction the client asks for (000): anyone in the care team records it at once.
      return organisational(input, 'manage-care-team.record-objection', [Citation.jeugdwet_7_3_11], { members: true, interns: true, manager: true },
        'Wie bij de hulp betrokken is, legt het bezwaar van de cliënt tegen stagiairs meteen vast.',
        'Alleen wie nu bij de hulp aan deze cliënt betrokken is, of een leidinggevende, legt het bezwaar van de cliënt tegen stagiairs vast.');
    case Act.withdrawObjection:
      return organisational(input, 'manage-care-team.withdraw-objection', [Citation.jeugdwet_7_3_11], { manager: true },
        'De dossierhouder of een leidinggevende trekt het bezwaar tegen stagiairs in, als de cliënt dat wil.',
        'Alleen de dossierhouder of een leidinggevende mag het bezwaar van de cliënt tegen stagiairs intrekken. Daarna kunnen stagiairs het dossier weer lezen.');
    case Act.recordDeath:
      return organisational(input, 'manage-care-team.record-death', [Citation.jeugdwet_7_3_12a, Citation.jeugdwet_7_3_11], { manager: true },
        'De dossierhouder of een leidinggevende legt het overlijden van de cliënt vast.',
        'Alleen de dossierhouder of een leidinggevende legt het overlijden van de cliënt vast. Daarna gelden andere regels voor wie het dossier mag inzien.');
    case Act.correctDeath:
      // Who may correct a recorded death is who may record one: the correction changes who may inspect just as much.
      return organisational(input, 'manage-care-team.correct-death', [Citation.jeugdwet_7_3_12a, Citation.jeugdwet_7_3_11], { manager: true },
        'De dossierhouder of een leidinggevende corrigeert een vastgelegd overlijden. Het eerdere gegeven blijft zichtbaar als gecorrigeerd.',
        'Alleen de dossierhouder of een leidinggevende corrigeert een vastgelegd overlijden. Daarmee verandert wie het dossier mag inzien.');
    case Act.recordWishAfterDeath:
      return organisational(input, 'manage-care-team.record-wish-after-death', [Citation.jeugdwet_7_3_12a, Citation.bw_7_458a], { manager: true },
        'De dossierhouder of een leidinggevende legt vast wat de cliënt schriftelijk of elektronisch wilde over inzage na zijn dood.',
        'Alleen de dossierhouder of een leidinggevende legt vast wat de cliënt wilde over inzage na zijn dood. Dat bepaalt wie het dossier later mag inzien.');
    case Act.endRestriction:
      return organisational(input, 'end-restriction', [Citation.avg_18], {},
        'De dossierhouder beëindigt de beperking van de verwerking, met een reden, na bericht aan de cliënt.',
        'Alleen de houder van het dossier kan de beperking van de verwerking beëindigen.');
    case Act.keepForGoodCare:
      // Jeugdwet 7.3.8: keeping longer is the judgement of the "goed jeugdhulpverlener" — the holder's.
      return organisational(input, 'keep-for-good-care', [Citation.jeugdwet_7_3_8, Citation.bw_7_454], {},
        'De dossierhouder legt vast dat goede hulp vraagt om het dossier langer te bewaren.',
        'Alleen de dossierhouder legt vast dat goede hulp vraagt om het dossier langer te bewaren.');
    case Act.releaseToPortal:
      // 003 §2.3.6: the holder decides what the client gets of the dossier and when; releasing earlier than the
      // organisation's days is the holder's judgement that the entry can be read at home without a conversation first.
      return organisational(input, 'release-to-portal', [Citation.jeugdwet_7_3_10, Citation.avg_15], {},
        'De dossierhouder geeft een stuk vrij voor het cliëntportaal. Daarna ziet iedereen die het volgens de wet mag zien het daar.',
        'Alleen de dossierhouder geeft een stuk eerder vrij voor het cliëntportaal.');
    case Act.withholdFromPortal:
      // Jeugdwet 7.3.2 lid 4 (clearly serious harm, after consulting another professional) and 7.3.10 (another's
      // privacy): refusing information is the holder's decision, never a team member's or an administrator's.
      return organisational(input, 'withhold-from-portal', [Citation.jeugdwet_7_3_2, Citation.jeugdwet_7_3_10], {},
        'De dossierhouder houdt een stuk uit het cliëntportaal als het de cliënt duidelijk ernstig zou schaden (na overleg met een andere hulpverlener) of om de privacy van een ander te beschermen.',
        'Alleen de dossierhouder houdt een stuk uit het cliëntportaal. Daarmee krijgt de cliënt of een ouder informatie niet die hij anders wel zou krijgen.');
    case Act.inviteToPortal:
      // Who may be invited is the engine's (decidePortalStanding); who invites is the care team that checked the
      // invitee's identity: an account opens the dossier to that person at home, a right-changing act (AVG 5(1)(f), 32),
      // so not an intern, and administrative staff only for the holder (NEN 7510-2 A.9.2: access granted by those responsible).
      return organisational(input, 'invite-to-portal', [Citation.jeugdwet_7_3_10, Citation.nen_7510_2_a_9_2], { members: true, adminStaff: 'for-holder' },
        'U nodigt deze persoon uit voor het cliëntportaal, nadat u de identiteit hebt gecontroleerd.',
        'Alleen de hulpverleners van het behandelteam nodigen iemand uit voor het cliëntportaal.');
    case Act.openEmergency:
      // 003 §2.2.8: emergency access for those who give care; reviewed afterwards. Not for roles that see no care.
      return mayAct(input, { members: true }) || input.employee === Employee.professionalWithoutRelation
        ? allow(`open-emergency.${input.employee}`, [Citation.avg_9, Citation.avg_32], 'In een noodsituatie kan een hulpverlener het dossier openen. Dat wordt achteraf beoordeeld.')
        : deny('open-emergency.not-a-care-role', [Citation.avg_9, Citation.avg_32],
            'Noodtoegang is alleen voor hulpverleners en hun vervangers. Uw rol geeft geen hulp aan cliënten.');
    case Act.reviewEmergency:
    case Act.holdRetention:
    case Act.releaseRetention:
    case Act.confirmRetentionReview:
    case Act.reviewLog: {
      // The privacy officer (FG) monitors compliance (AVG 39): the log, emergency access, the end of retention.
      const basis = input.act === Act.reviewLog || input.act === Act.reviewEmergency
        ? [Citation.avg_39, Citation.avg_32]
        : [Citation.avg_39, Citation.jeugdwet_7_3_8, Citation.avg_17];
      return input.employee === Employee.privacyOfficer
        ? allow(`${input.act}.privacy-officer`, basis, 'De functionaris gegevensbescherming doet dit als toezicht binnen de organisatie.')
        : deny(`${input.act}.not-appointed`, basis, input.act === Act.reviewLog || input.act === Act.reviewEmergency
            ? 'Alleen de functionaris gegevensbescherming mag zien wie dossiers heeft ingezien en noodtoegang beoordelen.'
            : 'Alleen de functionaris gegevensbescherming beslist over het bewaren en vernietigen van dossiers na de bewaartermijn.');
    }
    case Act.administerAccount:
      return input.employee === Employee.applicationAdministrator
        ? allow('administer.application-administrator', [Citation.nen_7510_2_a_9_2], 'De functioneel beheerder beheert medewerkers, rollen en teams.')
        : deny('administer.not-appointed', [Citation.nen_7510_2_a_9_2],
            'Alleen de functioneel beheerder beheert medewerkers, rollen en teams. Zo bepaalt niemand anders wie welke dossiers kan openen.');
  }
}

/** Every act, in declaration order (for the matrix tests and `--help`). */
export const ACTS: readonly Act[] = Object.values(Act);
/** Every employee, in declaration order. */
export const EMPLOYEES: readonly Employee[] = Object.values(Employee);
