/**
 * The demo's rights at work (issue 15 item 12): an open request waiting for
 * its decision, a decided one with its letter, and a disclosure in the
 * register — so a visitor sees the requests dashboard, a deadline on the
 * caseload and the disclosure register filled, not empty. Made through the
 * gate as the demo holder, inside the demo seed's one transaction; all
 * fictional. Kept apart from the clients e2e tests register requests for, so
 * none of them meets a duplicate.
 */
import { enter, type RequestContext } from '../access/gate.js';
import { recordConsent } from '../consents/consent-service.js';
import type { Database } from '../db/database.js';
import { recordDisclosure } from '../disclosures/disclosure-service.js';
import { decideRequest, receiveRequest } from '../requests/request-service.js';
import { addDays, formatIsoDate, toCalendarDate } from '../rules/calendar.js';
import { calendarDate } from '../shared/calendar-date.js';

/** The demo clients and relations the requests and the disclosure concern, by the seed's ids. */
export interface DemoRequestParties {
  /** Noor (8) and her father Tom (custody): he asks for a copy today. */
  noor: string;
  noorsFather: string;
  /** Jayden (16) asked to inspect his own dossier three weeks ago; granted. */
  jayden: string;
  /** Milan (17) consented to his care plan going to his general practitioner; it went. */
  milan: string;
}

export async function seedDemoRequests(db: Database, masterKey: Buffer, ctx: RequestContext, parties: DemoRequestParties): Promise<void> {
  const today = calendarDate(ctx.now);
  const daysAgo = (days: number) => formatIsoDate(addDays(toCalendarDate(today, 'today'), -days));
  const client = (clientId: string) => ({ kind: 'client' as const, clientId });

  // Open: a parent with custody of a child under 12 asks for a copy; the month runs from today (AVG 12(3)).
  await enter(db, ctx, client(parties.noor), { action: 'register-request', part: 'administrative-data' }, (scope) => receiveRequest(scope, masterKey, {
    kind: 'copy', requesterRelationId: parties.noorsFather, channel: 'written', receivedOn: today,
    details: 'Fictief: vader vraagt per brief een kopie van het dossier van Noor.', identityCheck: { documentType: 'passport' },
  }));

  // Decided: the young person's own inspection request, granted.
  const inspection = await enter(db, ctx, client(parties.jayden), { action: 'register-request', part: 'administrative-data' }, (scope) => receiveRequest(scope, masterKey, {
    kind: 'inspect', channel: 'in-person', receivedOn: daysAgo(21),
    details: 'Fictief: Jayden wil lezen wat er over hem is geschreven.', identityCheck: { documentType: 'identity-card' },
  }));
  await enter(db, ctx, client(parties.jayden), { action: 'decide-request', part: 'dossier' }, (scope) => decideRequest(scope, masterKey, inspection.id, {
    outcome: 'granted', reasons: 'Fictief: Jayden leest het dossier samen met zijn hulpverlener.',
  }));

  // A disclosure with the young person's consent, in the organisation's register (Jeugdwet 7.3.11; AVG 30).
  const recipient = 'Huisartsenpraktijk Demodorp (fictief)';
  const consent = await enter(db, ctx, client(parties.milan), { action: 'record-consent', part: 'administrative-data' }, (scope) => recordConsent(scope, masterKey, {
    kind: 'disclosure', givenBy: 'client', givenOn: daysAgo(12), informationGiven: 'Fictief: uitgelegd wat de huisarts krijgt en waarom.',
    recipient, purpose: 'Afstemming over de slaapproblemen', dataDescription: 'Het plan van aanpak', part: 'care-plan',
  }));
  await enter(db, ctx, client(parties.milan), { action: 'record-disclosure', part: 'dossier' }, (scope) => recordDisclosure(scope, masterKey, {
    recipient, basis: 'consent', consentId: consent.id, part: 'care-plan', what: 'Het plan van aanpak met de doelen', disclosedOn: daysAgo(8),
    clientToldBeforehand: true,
  }));
}
