/**
 * Retention of the records beside the dossier (DOMAIN §5; 004 A): a complaint
 * is kept 2 years after it was closed, a prospective client's registration
 * 6 months. Pure: dates in, dates out.
 */
import { addMonths, addYears, formatIsoDate, toCalendarDate } from '../rules/index.js';

export const COMPLAINT_YEARS = 2;
export const PROSPECTIVE_CLIENT_MONTHS = 6;

/** The last day a closed complaint is kept. */
export function complaintKeepUntil(closedOn: string): string {
  return formatIsoDate(addYears(toCalendarDate(closedOn, 'closedOn'), COMPLAINT_YEARS));
}

/** The last day a prospective client's registration is kept. */
export function prospectiveClientKeepUntil(registeredOn: string): string {
  return formatIsoDate(addMonths(toCalendarDate(registeredOn, 'registeredOn'), PROSPECTIVE_CLIENT_MONTHS));
}
