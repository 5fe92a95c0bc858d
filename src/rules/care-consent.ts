/**
 * Whose consent starting care needs (003 §2.3.5; 001; 002):
 * under 12 the legal representatives (Jeugdwet 7.3.4; BW 7:450(2));
 * 12 to 15 the young person and the legal representatives (same articles);
 * 16 and over the young person alone (Jeugdwet 7.3.5; BW 7:447);
 * 12 to 17 but not competent: the parents with custody or the guardian act
 * (BW 7:465 lid 1–2; 003 §3.1); 18 and over but not competent: custody has
 * ended (BW 1:233), so the representative of BW 7:465 lid 3 consents — a
 * curator or mentor, else the person authorised in writing, else the partner,
 * else a parent, child, brother or sister (Jeugdwet 7.3.15).
 */
import { Capacity, standingOf, type ClientFacts } from './age.js';
import type { IsoDate } from './calendar.js';
import { Citation } from './citations.js';
import { ConsentParty } from './vocabulary.js';

/** Who must consent to starting care; sorted. */
export type CareConsenter = typeof ConsentParty.client | typeof ConsentParty.legalRepresentatives | typeof ConsentParty.representative;

/** The answer to "whose consent does starting care need?". */
export interface CareConsentAnswer {
  /** Sorted: `client` before `legal-representatives` (before `representative`). */
  readonly consentOf: readonly CareConsenter[];
  readonly basis: readonly Citation[];
  /** Dutch, B1. */
  readonly explanation: string;
}

/**
 * Whose consent starting care for `client` needs on `on`.
 * @example careConsent({ on: '2026-11-22', client: { born: '2013-11-22' } }).consentOf // ['client', 'legal-representatives']
 */
export function careConsent(input: { on: IsoDate; client: ClientFacts }): CareConsentAnswer {
  const standing = standingOf(input.client, input.on);
  switch (standing.capacity) {
    case Capacity.represented:
      return standing.age < 12
        ? {
            consentOf: [ConsentParty.legalRepresentatives],
            basis: [Citation.jeugdwet_7_3_4, Citation.bw_7_450],
            explanation: `Het kind is ${standing.age} jaar. Onder de 12 jaar beslissen de ouders met gezag of de voogd over de hulp.`,
          }
        : {
            consentOf: [ConsentParty.legalRepresentatives],
            basis: [Citation.jeugdwet_7_3_4, Citation.bw_7_450, Citation.bw_7_465],
            explanation: `De jongere is ${standing.age} jaar, maar kan volgens een zorgvuldige beoordeling zijn eigen belangen hierin niet goed overzien. Daarom beslist de wettelijk vertegenwoordiger (ouders met gezag of voogd) over de hulp.`,
          };
    case Capacity.representedAdult:
      return {
        consentOf: [ConsentParty.representative],
        basis: [Citation.jeugdwet_7_3_15, Citation.bw_7_465, Citation.bw_1_233],
        explanation: `De cliënt is ${standing.age} jaar. Het gezag van ouders of voogd is op 18 jaar geëindigd. De cliënt kan volgens een zorgvuldige beoordeling zijn eigen belangen hierin niet goed overzien. Daarom geeft zijn vertegenwoordiger toestemming: een curator of mentor, anders wie hij schriftelijk heeft gemachtigd, anders zijn partner, anders een ouder, kind, broer of zus.`,
      };
    case Capacity.shared:
      return {
        consentOf: [ConsentParty.client, ConsentParty.legalRepresentatives],
        basis: [Citation.jeugdwet_7_3_4, Citation.bw_7_450],
        explanation: `De jongere is ${standing.age} jaar. Van 12 tot 16 jaar beslissen de jongere én de ouders met gezag (of de voogd) samen over de hulp. Beiden moeten toestemming geven.`,
      };
    case Capacity.independent:
      return {
        consentOf: [ConsentParty.client],
        basis: [Citation.jeugdwet_7_3_5, Citation.bw_7_447],
        explanation: `De jongere is ${standing.age} jaar. Vanaf 16 jaar beslist de jongere zelf over de hulp. Toestemming van de ouders is niet nodig.`,
      };
  }
}
