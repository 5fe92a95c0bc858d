/**
 * Retention of the records beside the dossier (DOMAIN §5; 004 A): a complaint
 * is kept 2 years after it was closed, a prospective client's registration
 * 6 months, an incident or calamity the organisation's term (default 5 years)
 * after it happened or was reported to the inspectorate. Pure: dates in,
 * dates out.
 */
import { addMonths, addYears, formatIsoDate, toCalendarDate } from '../rules/index.js';

export const COMPLAINT_YEARS = 2;
export const PROSPECTIVE_CLIENT_MONTHS = 6;

/**
 * Incidents and calamities: no statute fixes a period, so AVG 5(1)(e) asks the
 * organisation to set one. The default of 5 years after the incident (or after
 * its report to the inspectorate, whichever is later) covers the inspectorate's
 * follow-up of a calamity report (Jeugdwet 4.1.8) and lets the organisation
 * look back over several years of incidents to learn from them, without
 * keeping the names in them for as long as the dossier. The organisation sets
 * its own term, with a reason (org.incident_retention_settings,
 * `PUT /api/privacy/retention-settings/incidents`).
 */
export const INCIDENT_YEARS_DEFAULT = 5;

/** The last day a closed complaint is kept. */
export function complaintKeepUntil(closedOn: string): string {
  return formatIsoDate(addYears(toCalendarDate(closedOn, 'closedOn'), COMPLAINT_YEARS));
}

/** The last day a prospective client's registration is kept. */
export function prospectiveClientKeepUntil(registeredOn: string): string {
  return formatIsoDate(addMonths(toCalendarDate(registeredOn, 'registeredOn'), PROSPECTIVE_CLIENT_MONTHS));
}

/**
 * The last day an incident is kept: `years` after it occurred or was reported
 * to the inspectorate, whichever is later; null (no end yet) while a required
 * inspectorate report (Jeugdwet 4.1.8) has not been made.
 */
export function incidentKeepUntil(input: { occurredOn: string; reportedOn: string | null; reportRequired: boolean; years: number }): string | null {
  if (input.reportRequired && input.reportedOn === null) return null;
  const from = input.reportedOn !== null && input.reportedOn > input.occurredOn ? input.reportedOn : input.occurredOn;
  return formatIsoDate(addYears(toCalendarDate(from, 'occurredOn'), input.years));
}
