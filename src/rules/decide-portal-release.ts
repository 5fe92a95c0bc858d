/**
 * When an entry of the dossier appears in the portal (issue 19 item 2).
 *
 * The client and the parents have the right to inspect the dossier (Jeugdwet
 * 7.3.10, 7.3.11; BW 7:456; AVG 15); the portal is one way to do so, and the
 * engine decides per reader what each one sees (reader-view.ts). On top of
 * that, an entry reaches the portal only once it is released:
 * - by the dossier holder, at any time (the holder "decides on such a
 *   request", 003 §2.3.6; a professional may want to discuss a report before
 *   it is read at home);
 * - automatically, an organisation-set number of days after it was recorded,
 *   so that the delay never becomes a refusal of inspection by silence;
 * - unless the holder withholds it on a ground the law gives for refusing
 *   information: it would clearly cause serious harm to the client, decided
 *   only after consulting another professional (Jeugdwet 7.3.2 lid 4; 003
 *   §3.1: "kennelijk tot ernstig nadeel voor de betrokkene leidt. Voordat de
 *   hulpverlener dit weigert moet de hulpverlener overleggen met een andere
 *   hulpverlener"), or it is needed to protect another person's privacy
 *   (Jeugdwet 7.3.10; 003 §3.1).
 * The records are append-only: a withholding is lifted by a later release,
 * and the latest record decides. A withheld entry is still the client's: the
 * portal says that it is withheld and why, never what it says, and the client
 * can ask for inspection, a conversation or complain.
 *
 * Pure: facts in (the day the entry was recorded, its release records, the
 * organisation's number of days, today), decision out with the articles and a
 * Dutch explanation for the person reading the portal (B1).
 */
import { addDays, compareDates, formatIsoDate, toCalendarDate, type IsoDate } from './calendar.js';
import { Citation } from './citations.js';
import { dateInWords } from './explanations.js';

/** The law's grounds for keeping an entry out of the portal. */
export const WithholdGround = {
  /** Jeugdwet 7.3.2 lid 4: clearly serious harm to the client, after consulting another professional. */
  seriousHarm: 'serious-harm',
  /** Jeugdwet 7.3.10: needed to protect another person's privacy. */
  privacyOfAnother: 'privacy-of-another',
} as const;
export type WithholdGround = (typeof WithholdGround)[keyof typeof WithholdGround];
export const WITHHOLD_GROUNDS: readonly WithholdGround[] = Object.values(WithholdGround);

/** One release record of an entry, in the order recorded (oldest first). */
export type ReleaseRecord =
  | { readonly kind: 'release'; readonly on: IsoDate }
  | { readonly kind: 'withhold'; readonly on: IsoDate; readonly ground: WithholdGround };

export interface ReleaseInput {
  /** The day the entry was recorded. */
  readonly recordedOn: IsoDate;
  /** Its release records, oldest first. */
  readonly records: readonly ReleaseRecord[];
  /** The organisation's number of days after which an entry is released by itself (0: the day it is recorded). */
  readonly releaseDays: number;
  readonly today: IsoDate;
}

export const ReleaseState = { released: 'released', waiting: 'waiting', withheld: 'withheld' } as const;
export type ReleaseState = (typeof ReleaseState)[keyof typeof ReleaseState];

export interface ReleaseDecision {
  readonly state: ReleaseState;
  /** The day the entry is (or was) in the portal from; null while it is withheld. */
  readonly visibleFrom: IsoDate | null;
  /** Set while withheld. */
  readonly ground: WithholdGround | null;
  readonly basis: readonly Citation[];
  /** Dutch (B1), for the person reading the portal. */
  readonly explanation: string;
  readonly rule: string;
}

const INSPECTION = [Citation.jeugdwet_7_3_10, Citation.avg_15] as const;

const GROUND_BASIS: Readonly<Record<WithholdGround, readonly Citation[]>> = {
  'serious-harm': [Citation.jeugdwet_7_3_2],
  'privacy-of-another': [Citation.jeugdwet_7_3_10],
};

/** Why an entry is withheld, in Dutch (B1), for the person reading the portal — never what it says. */
export const WITHHOLD_EXPLANATION: Readonly<Record<WithholdGround, string>> = {
  'serious-harm': 'De hulpverlener laat dit stuk niet in het portaal zien. Het lezen ervan zou de jongere duidelijk ernstig schaden. '
    + 'De hulpverlener heeft dat eerst met een andere hulpverlener besproken (Jeugdwet artikel 7.3.2 lid 4). '
    + 'U kunt de hulpverlener om een gesprek vragen of een klacht indienen.',
  'privacy-of-another': 'De hulpverlener laat dit stuk niet in het portaal zien, omdat er informatie over iemand anders in staat. '
    + 'Die persoon heeft recht op bescherming van zijn privacy (Jeugdwet artikel 7.3.10). '
    + 'U kunt de hulpverlener om een gesprek vragen of een klacht indienen.',
};

/** The ground in a few Dutch words, for the professional's timeline. */
export const WITHHOLD_GROUND_LABEL: Readonly<Record<WithholdGround, string>> = {
  'serious-harm': 'ernstig nadeel voor de cliënt (Jeugdwet 7.3.2 lid 4)',
  'privacy-of-another': 'privacy van een ander (Jeugdwet 7.3.10)',
};

/**
 * Is this entry in the portal today, and from when?
 * @example
 * decidePortalRelease({ recordedOn: '2026-12-01', records: [], releaseDays: 14, today: '2026-12-05' }).visibleFrom // '2026-12-15'
 * decidePortalRelease({ recordedOn: '2026-12-01', records: [{ kind: 'release', on: '2026-12-02' }], releaseDays: 14, today: '2026-12-05' }).state // 'released'
 */
export function decidePortalRelease(input: ReleaseInput): ReleaseDecision {
  const latest = input.records.at(-1);
  if (latest?.kind === 'withhold') {
    return {
      state: ReleaseState.withheld, visibleFrom: null, ground: latest.ground, basis: GROUND_BASIS[latest.ground],
      explanation: WITHHOLD_EXPLANATION[latest.ground], rule: `portal-release.withheld.${latest.ground}`,
    };
  }
  const automatic = formatIsoDate(addDays(toCalendarDate(input.recordedOn, 'recordedOn'), Math.max(0, Math.trunc(input.releaseDays))));
  // A release by the holder brings the day forward; it never pushes the automatic day back.
  const byHolder = latest?.kind === 'release' && compareDates(toCalendarDate(latest.on, 'release'), toCalendarDate(automatic, 'automatic')) < 0 ? latest.on : undefined;
  const visibleFrom = byHolder ?? automatic;
  const released = compareDates(toCalendarDate(visibleFrom, 'visibleFrom'), toCalendarDate(input.today, 'today')) <= 0;
  if (released) {
    return {
      state: ReleaseState.released, visibleFrom, ground: null, basis: INSPECTION,
      explanation: byHolder === undefined
        ? `Dit stuk staat sinds ${dateInWords(visibleFrom)} in het portaal, ${input.releaseDays} dagen nadat het is vastgelegd.`
        : `De hulpverlener heeft dit stuk op ${dateInWords(visibleFrom)} vrijgegeven voor het portaal.`,
      rule: byHolder === undefined ? 'portal-release.automatic' : 'portal-release.by-holder',
    };
  }
  return {
    state: ReleaseState.waiting, visibleFrom, ground: null, basis: INSPECTION,
    explanation: `Dit stuk komt op ${dateInWords(visibleFrom)} in het portaal. Zo kan de hulpverlener het eerst met u bespreken. `
      + 'De hulpverlener kan het eerder vrijgeven. U kunt ook nu al vragen om het dossier in te zien.',
    rule: 'portal-release.waiting',
  };
}

export interface WithholdInput {
  readonly ground: WithholdGround;
  /** Another professional was consulted (required for serious harm). */
  readonly consultedAnother: boolean;
}

/**
 * May the holder withhold an entry from the portal on this ground? Serious harm only after consulting another
 * professional (Jeugdwet 7.3.2 lid 4); the privacy of another person needs no consultation (Jeugdwet 7.3.10).
 * @example decideWithholding({ ground: 'serious-harm', consultedAnother: false }).allowed // false
 */
export function decideWithholding(input: WithholdInput): { allowed: boolean; basis: readonly Citation[]; explanation: string; rule: string } {
  if (input.ground === WithholdGround.seriousHarm && !input.consultedAnother) {
    return {
      allowed: false, basis: GROUND_BASIS['serious-harm'], rule: 'portal-withhold.serious-harm-not-consulted',
      explanation: 'U kunt een stuk alleen om ernstig nadeel voor de cliënt achterhouden nadat u dat met een andere hulpverlener hebt besproken '
        + '(Jeugdwet artikel 7.3.2 lid 4). Noem de collega die u hebt geraadpleegd.',
    };
  }
  return {
    allowed: true, basis: GROUND_BASIS[input.ground], rule: `portal-withhold.${input.ground}`,
    explanation: `Het stuk blijft uit het portaal op grond van ${WITHHOLD_GROUND_LABEL[input.ground]}, tot u het vrijgeeft.`,
  };
}
