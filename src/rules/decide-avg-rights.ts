/**
 * The client's AVG rights that are not dossier rights of the Jeugdwet:
 * restriction of processing (AVG 18), portability (AVG 20), objection
 * (AVG 21) and withdrawing a consent (AVG 7(3)). Each has its own
 * entitlement; none borrows another right's.
 *
 * Who exercises restriction, objection and portability — the reasoning:
 * - The AVG does not say who acts for a minor; 003 (note 8) says the age
 *   limits of AVG 8 and UAVG 5 apply *outside* youth care, and in it "De
 *   regeling van de Jeugdwet en de WGBO gaat voor op de regeling van de AVG"
 *   (003 §3.1). So the Jeugdwet/WGBO thresholds hold for these rights too:
 *   "Vanaf 12 jaar oefent de jeugdige in principe zelfstandig zijn
 *   dossier-rechten uit" (003 §3.1); under 12, and from 12 when not competent,
 *   the legal representatives act (BW 7:465 lid 1–2; BW 1:245 lid 4: custody
 *   includes representing the child; 004 D); an adult who is not competent is
 *   represented by the curator, mentor, authorised person, partner or family
 *   (BW 7:465 lid 3; Jeugdwet 7.3.15); custody ends at 18 (BW 1:233).
 * - The parents' own right for a 12–15-year-old (Jeugdwet 7.3.11; 004 D) is a
 *   right to information, inspection and a copy, because they decide on the
 *   care together with the young person (003 §2.3.5). It is not a right to
 *   stop or limit the processing of the young person's data, to object to it,
 *   or to have the data sent to another organisation. Those stay the young
 *   person's: a parent (or guardian) may ask for them only with the young
 *   person's consent — as for destruction (entitlement.ts), the answer is
 *   `needs-consent`, not `deny`, so a young person can let a parent make the
 *   request. DOMAIN §3 leaves this open; this is the careful reading (a privacy
 *   officer's choice, reported with issue 16).
 * - Portability by a parent of a 12–15-year-old is not a copy under 7.3.11: it
 *   hands the data to another organisation (AVG 20(2); 004: "overdracht" on a
 *   change of provider), which is the young person's to decide.
 *
 * Who may withdraw a consent — the reasoning: AVG 7(3) gives the right to
 * whoever gave the consent ("De betrokkene heeft het recht zijn toestemming te
 * allen tijde in te trekken"; 003 §2.2.2: "De betrokkene mag te allen tijde
 * zijn toestemming intrekken"; 004: "Heeft u toestemming gegeven ... dan heeft
 * u het recht om uw toestemming weer in te trekken"). A consent is withdrawn
 * by the one who gave it, at any age of the client, without anyone else's
 * consent: a parent who consented when the child was 10 may withdraw that
 * consent when the child is 17; the person whose information is in the
 * dossier may withdraw their consent to showing it (Jeugdwet 7.3.10). The
 * client withdraws their own consents, and — once the law leaves that consent
 * to them — those the representatives gave for them. Which consent is the
 * requester's is checked when it is chosen (consents register); here the
 * engine answers whether this requester can be one who gave a consent.
 * Employees and the municipality give no consent about the client's data.
 *
 * After death nobody exercises the client's rights (Jeugdwet 7.3.12a):
 * restriction, objection and portability are refused; a living person's own
 * consent stays theirs to withdraw.
 */
import { Capacity } from './age.js';
import type { RequestKindWord } from './acts.js';
import { Citation } from './citations.js';
import { decide } from './decide.js';
import { allow, cite, deny, needsConsent, situationOf, type DecideInput, type Decision, type Situation } from './decision.js';
import { ageSentence, dateInWords } from './explanations.js';
import { standingBasis, standingSentence } from './persons.js';
import { Action, Actor, ConsentParty, Fact, isEmployeeActor } from './vocabulary.js';

/** The request kinds with an entitlement of their own here (not a question of the conformance formats). */
export type AvgRightKind = typeof RequestKindWord.restrict | typeof RequestKindWord.object | typeof RequestKindWord.portability | typeof RequestKindWord.withdrawConsent;

/** What {@link decideRequestKind} is asked: as `decide`, with the request kind instead of the action. */
export interface RequestKindInput extends Omit<DecideInput, 'action'> {
  readonly kind: RequestKindWord;
}

/** The article that gives each right. */
const ARTICLE: Readonly<Record<AvgRightKind, Citation>> = {
  'restrict': Citation.avg_18,
  'object': Citation.avg_21,
  'portability': Citation.avg_20,
  'withdraw-consent': Citation.avg_7,
};

/** What happens when a request of this kind is granted, in plain Dutch (B1). */
export const WHAT_HAPPENS: Readonly<Record<AvgRightKind, string>> = {
  'restrict': 'Wordt het verzoek toegewezen, dan worden de gegevens alleen nog bewaard. Ze worden niet gebruikt of gedeeld tot de beperking eindigt, '
    + 'behalve met toestemming van de cliënt of voor een rechtszaak. De cliënt hoort het voordat de beperking wordt opgeheven.',
  'object': 'Wordt het bezwaar toegewezen, dan stopt de organisatie met de verwerking waartegen het bezwaar gaat. In het dossier staat welke verwerking stopt.',
  'portability': 'Wordt het verzoek toegewezen, dan krijgt de verzoeker de gegevens in een gewoon digitaal formaat, zoals een spreadsheet. '
    + 'Zo kunnen de gegevens mee naar een andere organisatie.',
  'withdraw-consent': 'Het intrekken werkt meteen: vanaf dan gebeurt niet meer waarvoor de toestemming gold. Wat al met de toestemming is gebeurd, blijft geldig.',
};

/** Dutch name of the right, for sentences ("het recht op …"). */
const RIGHT_NAME: Readonly<Record<Exclude<AvgRightKind, 'withdraw-consent'>, string>> = {
  restrict: 'beperking van het gebruik van de gegevens',
  object: 'bezwaar tegen het gebruik van de gegevens',
  portability: 'overdracht van de gegevens',
};

function isAvgRightKind(kind: RequestKindWord): kind is AvgRightKind {
  return kind === 'restrict' || kind === 'object' || kind === 'portability' || kind === 'withdraw-consent';
}

/** Allowed once the consent is recorded; allowed with a note when it is. */
function withConsent(s: Situation, kind: AvgRightKind, basis: readonly Citation[], why: string, consentOf: ConsentParty, whose: string): Decision {
  if (!s.facts.has(Fact.consentGiven)) {
    return needsConsent(`${kind}.${s.actor}.needs-consent`, basis, `${why} Die toestemming is nog niet vastgelegd.`, [consentOf]);
  }
  return allow(`${kind}.${s.actor}.consent-given`, basis, `${why} ${whose} heeft daarvoor toestemming gegeven. ${WHAT_HAPPENS[kind]}`);
}

/** The client's own request: from 12 and competent (003 §3.1); otherwise the representatives act (BW 7:465). */
function byClient(s: Situation, kind: AvgRightKind): Decision {
  const { standing } = s;
  const article = ARTICLE[kind];
  if (standing.capacity === Capacity.shared || standing.capacity === Capacity.independent) {
    const why = kind === 'withdraw-consent'
      ? `${ageSentence(standing)} Wie toestemming gaf, kan die altijd intrekken. De jongere trekt zijn eigen toestemming in, en ook een toestemming die de ouders of de voogd voor hem gaven als hij daar nu zelf over beslist.`
      : `${ageSentence(standing)} Vanaf 12 jaar oefent de jongere zijn rechten over zijn gegevens zelf uit, ook het recht op ${RIGHT_NAME[kind]}.`;
    return allow(`${kind}.client.${standing.capacity}`, [article, Citation.bw_7_465], `${why} ${WHAT_HAPPENS[kind]}`);
  }
  if (standing.capacity === Capacity.representedAdult) {
    return deny(`${kind}.client.adult-not-competent`, [article, Citation.bw_7_465, Citation.jeugdwet_7_3_15],
      `${ageSentence(standing)} Na een zorgvuldige beoordeling kan de cliënt zijn belangen hierin niet goed overzien. Daarom doet zijn vertegenwoordiger dit voor hem: een curator of mentor, anders wie hij schriftelijk heeft gemachtigd, anders zijn partner, anders een ouder, kind, broer of zus.`);
  }
  if (standing.age < 12) {
    return deny(`${kind}.client.under-12`, [article, Citation.bw_7_465],
      kind === 'withdraw-consent'
        ? `${ageSentence(standing)} Onder de 12 jaar geven de ouders met gezag of de voogd de toestemming voor het kind. Zij trekken die ook in.`
        : `${ageSentence(standing)} Onder de 12 jaar kan een kind dit niet zelf vragen. De ouders met gezag of de voogd doen dat voor het kind.`);
  }
  return deny(`${kind}.client.not-competent`, [article, Citation.bw_7_465],
    `${ageSentence(standing)} Na een zorgvuldige beoordeling kan de jongere zijn belangen hierin niet goed overzien. Daarom doen de ouders met gezag of de voogd dit voor de jongere.`);
}

/** A parent with custody or the guardian (or, for an adult, a former one). */
function byLegalRepresentative(s: Situation, kind: Exclude<AvgRightKind, 'withdraw-consent'>): Decision {
  const { standing } = s;
  const article = ARTICLE[kind];
  switch (standing.capacity) {
    case Capacity.represented:
      return allow(`${kind}.${s.actor}.represented`, [article, Citation.bw_7_465, Citation.bw_1_245],
        `${standing.age < 12
          ? `${ageSentence(standing)} Onder de 12 jaar oefenen de ouders met gezag of de voogd de rechten van het kind uit.`
          : `${ageSentence(standing)} De jongere kan zijn belangen hierin niet goed overzien. Daarom oefent de wettelijk vertegenwoordiger zijn rechten uit.`} ${WHAT_HAPPENS[kind]}`);
    case Capacity.shared:
      return withConsent(s, kind, [article, Citation.jeugdwet_7_3_11, Citation.bw_7_465],
        `${ageSentence(standing)} Van 12 tot 16 jaar hebben ouders met gezag en de voogd een eigen recht op informatie, inzage en een kopie. Het recht op ${RIGHT_NAME[kind]} hoort daar niet bij: dat oefent de jongere vanaf 12 jaar zelf uit. Ouders met gezag of de voogd kunnen dit alleen vragen met toestemming van de jongere.`,
        ConsentParty.client, 'De jongere');
    case Capacity.independent:
      return standing.age >= 18
        ? withConsent(s, kind, [article, Citation.bw_1_233, Citation.jeugdwet_7_3_11],
            `${ageSentence(standing)} De cliënt is volwassen; het gezag eindigt op 18 jaar. Ouders en anderen kunnen dit alleen vragen met toestemming van de cliënt.`,
            ConsentParty.client, 'De cliënt')
        : withConsent(s, kind, [article, Citation.jeugdwet_7_3_11],
            `${ageSentence(standing)} Vanaf 16 jaar beslist de jongere zelf. Ouders met gezag of de voogd kunnen dit alleen vragen met toestemming van de jongere.`,
            ConsentParty.client, 'De jongere');
    case Capacity.representedAdult:
      return withConsent(s, kind, [article, Citation.bw_1_233, Citation.bw_7_465, Citation.jeugdwet_7_3_15],
        `${ageSentence(standing)} De cliënt is volwassen; het gezag eindigt op 18 jaar. De cliënt kan zijn belangen hierin niet goed overzien, dus beslist zijn vertegenwoordiger. Anderen kunnen dit alleen vragen met toestemming van die vertegenwoordiger.`,
        ConsentParty.representative, 'De vertegenwoordiger');
  }
}

/** The representative of an adult who is not competent (BW 7:465 lid 3; Jeugdwet 7.3.15). */
function byAdultRepresentative(s: Situation, kind: Exclude<AvgRightKind, 'withdraw-consent'>): Decision {
  const { standing } = s;
  const article = ARTICLE[kind];
  switch (standing.capacity) {
    case Capacity.representedAdult:
      return allow(`${kind}.representative.represented-adult`, [article, Citation.bw_7_465, Citation.jeugdwet_7_3_15],
        `${ageSentence(standing)} De cliënt kan zijn belangen hierin niet goed overzien. Daarom oefent de vertegenwoordiger de rechten van de cliënt uit. ${WHAT_HAPPENS[kind]}`);
    case Capacity.independent:
      return withConsent(s, kind, [article, Citation.jeugdwet_7_3_11, Citation.bw_7_457],
        `${ageSentence(standing)} De cliënt kan zelf beslissen. Een ander kan dit alleen vragen met toestemming van de cliënt.`, ConsentParty.client, 'De cliënt');
    case Capacity.represented:
    case Capacity.shared:
      return deny(`${kind}.representative.minor`, [article, Citation.bw_7_465, Citation.jeugdwet_7_3_11],
        `${ageSentence(standing)} Voor een minderjarige treden de ouders met gezag of de voogd op, geen andere vertegenwoordiger.`);
  }
}

/** Restriction, objection, portability: the rights of the client, exercised as above. */
function clientsRight(s: Situation, kind: Exclude<AvgRightKind, 'withdraw-consent'>): Decision {
  const article = ARTICLE[kind];
  switch (s.actor) {
    case Actor.client:
      return byClient(s, kind);
    case Actor.parentWithCustody:
    case Actor.guardian:
      return byLegalRepresentative(s, kind);
    case Actor.representative:
      return byAdultRepresentative(s, kind);
    case Actor.municipality:
      return deny(`${kind}.municipality`, [article, Citation.jeugdwet_7_3_11],
        'Dit is een recht van de cliënt. De gemeente heeft geen toegang tot het hulpverleningsdossier en oefent geen rechten van de cliënt uit.');
    case Actor.parentWithoutCustody:
    case Actor.familyGuardian:
    case Actor.confidentialAdvisor:
    case Actor.thirdParty:
      return deny(`${kind}.not-the-clients-representative`, [article, Citation.jeugdwet_7_3_11, Citation.bw_7_465],
        `Het recht op ${RIGHT_NAME[kind]} is een recht van de cliënt. Vanaf 12 jaar oefent de jongere het zelf uit. Voor een jonger kind, of een jongere die zijn belangen niet kan overzien, doen de ouders met gezag of de voogd dat. Voor een volwassene die dat niet kan, doet zijn vertegenwoordiger het. Iemand anders kan dit niet vragen.`);
    case Actor.careProfessional:
    case Actor.substitute:
    case Actor.intern:
    case Actor.adminStaff:
    case Actor.manager:
    case Actor.employeeWithoutRelation:
    case Actor.inspector:
      return deny(`${kind}.employee`, [article],
        `Het recht op ${RIGHT_NAME[kind]} is een recht van de cliënt. Medewerkers vragen dit niet; zij beslissen erover en voeren het uit.`);
  }
}

/** AVG 7(3): whoever gave a consent withdraws it, at any age of the client, without anyone's consent. */
function withdrawConsent(s: Situation): Decision {
  const kind = 'withdraw-consent';
  const basis = [Citation.avg_7];
  const own = 'Wie toestemming gaf, kan die altijd intrekken. Daarvoor is geen toestemming van een ander nodig.';
  switch (s.actor) {
    case Actor.client:
      return byClient(s, kind);
    case Actor.parentWithCustody:
    case Actor.guardian:
      return allow(`${kind}.${s.actor}`, cite(basis, [Citation.jeugdwet_7_3_4]),
        `${own} Een ouder of voogd trekt een toestemming in die hij of zij zelf gaf, ook als de jongere nu ouder is en zelf beslist. ${WHAT_HAPPENS[kind]}`);
    case Actor.representative:
      return allow(`${kind}.representative`, cite(basis, [Citation.bw_7_465]),
        `${own} De vertegenwoordiger trekt een toestemming in die hij voor de cliënt gaf. ${WHAT_HAPPENS[kind]}`);
    case Actor.parentWithoutCustody:
    case Actor.familyGuardian:
    case Actor.confidentialAdvisor:
    case Actor.thirdParty:
      return allow(`${kind}.own-consent`, cite(basis, [Citation.jeugdwet_7_3_10]),
        `${own} Dit gaat over een toestemming die deze persoon zelf gaf, bijvoorbeeld om informatie over hem of haar in het dossier te laten zien. Een toestemming van een ander kan deze persoon niet intrekken. ${WHAT_HAPPENS[kind]}`);
    case Actor.municipality:
      return deny(`${kind}.municipality`, cite(basis, [Citation.jeugdwet_7_3_11]),
        'De gemeente geeft geen toestemming over de gegevens van de cliënt. Ze kan dus ook geen toestemming intrekken.');
    case Actor.careProfessional:
    case Actor.substitute:
    case Actor.intern:
    case Actor.adminStaff:
    case Actor.manager:
    case Actor.employeeWithoutRelation:
    case Actor.inspector:
      return deny(`${kind}.employee`, basis,
        'Een medewerker geeft geen toestemming over de gegevens van de cliënt. Hij legt wel vast dat iemand zijn toestemming intrekt.');
  }
}

/** After death (Jeugdwet 7.3.12a): the client's rights end; a living person's own consent is still theirs. */
function afterDeath(s: Situation, kind: AvgRightKind): Decision | undefined {
  if (s.death === undefined || isEmployeeActor(s.actor)) return undefined;
  const died = `De cliënt is overleden op ${dateInWords(s.death.on)}.`;
  if (kind === 'withdraw-consent') {
    if (s.actor !== Actor.client) return undefined;
    return deny('deceased.client', [Citation.jeugdwet_7_3_12a, Citation.bw_7_458a], `${died} Niemand oefent daarna de rechten van de cliënt uit.`);
  }
  return deny(`deceased.${kind}`, [ARTICLE[kind], Citation.jeugdwet_7_3_12a, Citation.bw_7_458a],
    `${died} Niemand oefent daarna de rechten van de cliënt uit. Het recht op ${RIGHT_NAME[kind]} kan daarom niet meer worden gebruikt.`);
}

/**
 * May this requester make a request of this kind? The dossier rights and
 * general information are `decide`'s questions; restriction, objection,
 * portability and withdrawing a consent are answered here, each with its own
 * entitlement and Dutch explanation.
 *
 * @throws RangeError as `decide` does.
 * @example
 * decideRequestKind({ on: '2026-12-04', client: { born: '2012-06-01' }, actor: 'parent-with-custody', kind: 'restrict' }).outcome // 'needs-consent'
 * decideRequestKind({ on: '2026-12-04', client: { born: '2009-06-01' }, actor: 'parent-with-custody', kind: 'withdraw-consent' }).outcome // 'allow'
 */
export function decideRequestKind(input: RequestKindInput): Decision {
  const { kind, ...rest } = input;
  if (!isAvgRightKind(kind)) return decide({ ...rest, action: kind });
  // The situation is read as for any question; `action` is not read below (these kinds are not conformance actions).
  const s = situationOf({ ...rest, action: Action.addStatement });
  const decision = afterDeath(s, kind) ?? (kind === 'withdraw-consent' ? withdrawConsent(s) : clientsRight(s, kind));
  if (s.person === undefined) return decision;
  return { ...decision, basis: cite(decision.basis, standingBasis(s.person)), explanation: `${standingSentence(s.person)} ${decision.explanation}` };
}
