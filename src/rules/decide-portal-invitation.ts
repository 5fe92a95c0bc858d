/**
 * Who may have an account in the client portal, and act in it, on a given day
 * (issue 19, item 1): a person who has a right to something in this dossier
 * today, as `decide` answers it for that person.
 *
 * - The client: from 12 (Jeugdwet 7.3.10; BW 7:457 with 7:450 — under 12 the
 *   legal representatives exercise the rights, 004 D), and only when the engine
 *   lets them inspect themselves (a young person of 12 or over who is not
 *   competent is represented: BW 7:465; 003 §3.1).
 * - A relation that holds custody or represents the client (BW 1:245; BW
 *   7:465; Jeugdwet 7.3.11, 7.3.15): when the engine lets them inspect today,
 *   or once the young person of 16 or over consents (Jeugdwet 7.3.11; 001: "Ben
 *   je 16 jaar of ouder dan beslis je zelf welke informatie je ouders krijgen").
 * - A parent without custody: general information only, until the child is 16
 *   (BW 1:377c; 003 §3.1).
 * - Anyone else — a confidential advisor (Besluit Jeugdwet 4.1.5), a parent
 *   without custody of a 16-year-old, a former parent of an adult — has no right
 *   to anything in the portal: refused, with the engine's explanation.
 *
 * Pure: no I/O, no clock.
 */
import { ageOn } from './age.js';
import { toCalendarDate } from './calendar.js';
import { cite, type DecideInput, type Decision } from './decision.js';
import { decide } from './decide.js';
import { Citation } from './citations.js';
import { personStandingOn } from './persons.js';
import { Action, Actor, Outcome, Part } from './vocabulary.js';

/** The question: as `decide`, without action and part (the rule asks those itself). */
export type PortalStandingInput = Omit<DecideInput, 'action' | 'part'>;

const INTRO = 'Een account voor het cliëntportaal is er alleen voor iemand die vandaag recht heeft op iets uit dit dossier.';

/** Whether the asker holds custody or represents the client today: the ones who act through the young person's consent. */
function representsToday(input: PortalStandingInput): boolean {
  const { actor } = input;
  if (typeof actor === 'object') {
    const person = (input.persons ?? []).find((p) => p.id === actor.person);
    if (person === undefined) return false;
    const standing = personStandingOn(person, input.persons ?? [], input.client, input.on);
    return standing.kind === 'custody' || standing.kind === 'representative';
  }
  if (actor === Actor.representative) return true;
  const minor = ageOn(toCalendarDate(input.client.born, 'client.born'), toCalendarDate(input.on, 'on')) < 18;
  return minor && (actor === Actor.parentWithCustody || actor === Actor.guardian);
}

function allow(decision: Decision, explanation: string, extra: readonly Citation[] = []): Decision {
  return { outcome: Outcome.allow, basis: cite(decision.basis, extra), explanation, rule: 'portal-standing' };
}

/**
 * Whether the person may be invited to, and act in, the client portal today.
 * @example decidePortalStanding({ on: '2026-12-05', client: { born: '2012-06-01' }, actor: 'client' }).outcome // 'allow'
 * @example decidePortalStanding({ on: '2026-12-05', client: { born: '2010-06-01' }, actor: 'parent-without-custody' }).outcome // 'deny'
 */
export function decidePortalStanding(input: PortalStandingInput): Decision {
  const inspect = decide({ ...input, action: Action.inspect, part: Part.dossier });
  const isClient = input.actor === Actor.client;
  if (inspect.outcome === Outcome.allow) {
    return allow(inspect, isClient
      ? 'U mag uw eigen dossier inzien. Daarom kunt u een account voor het cliëntportaal krijgen.'
      : `${inspect.explanation} Daarom kan deze persoon een account voor het cliëntportaal krijgen.`,
    isClient ? [Citation.jeugdwet_7_3_10, Citation.bw_7_457] : []);
  }
  if (isClient) {
    return { ...inspect, explanation: `${INTRO} ${inspect.explanation}`, basis: cite(inspect.basis, [Citation.jeugdwet_7_3_10, Citation.bw_7_450, Citation.bw_7_457]), rule: 'portal-standing' };
  }
  if (inspect.outcome === Outcome.needsConsent && inspect.consentOf.includes('client') && representsToday(input)) {
    return allow(inspect,
      `${inspect.explanation} In het portaal ziet deze persoon alleen wat de jongere of cliënt daarvoor toestemming geeft.`,
      [Citation.jeugdwet_7_3_11]);
  }
  const general = decide({ ...input, action: Action.generalInformation });
  if (general.outcome === Outcome.allow) {
    return allow(general, `${general.explanation} In het portaal ziet deze persoon alleen die algemene informatie.`, [Citation.bw_1_377c]);
  }
  const reasons = inspect.explanation === general.explanation ? inspect.explanation : `${inspect.explanation} ${general.explanation}`;
  return {
    outcome: Outcome.deny, basis: cite(inspect.basis, general.basis), explanation: `${INTRO} ${reasons}`, rule: 'portal-standing',
  };
}
