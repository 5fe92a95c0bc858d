/**
 * Law as code: the public face of the rules engine. Pure functions from facts
 * to decisions and dates; no I/O, no clock, no database, no packages.
 */
export * from './vocabulary.js';
export * from './citations.js';
export * from './calendar.js';
export * from './holidays.js';
export * from './age.js';
export * from './decision.js';
export { decide, generalInformation, type GeneralInformationAnswer, type GeneralInformationInput } from './decide.js';
export * from './persons.js';
export { HOLIDAY_DECREES, type HolidayDecree } from './holiday-decrees.js';
export { decideRecording, type RecordingInput } from './decide-record.js';
export { decideStatutoryDisclosure, StatutoryBasis } from './disclosure-basis.js';
export { careConsent, type CareConsentAnswer, type CareConsenter } from './care-consent.js';
export {
  responseDeadline, appealDeadline, destructionDeadline, requestDeadlines,
  type DeadlineAnswer, type RequestDeadlinesInput, type RequestDeadlinesAnswer,
} from './deadlines.js';
export {
  retentionUntil, retention, retentionTermEnd, RETENTION_YEARS, RetentionTermKind,
  type RetentionAnswer, type RetentionInput, type RetentionPlan, type RetentionTerm,
} from './retention.js';
export { actorName, actionName, partName, consentPartyName, dateInWords } from './explanations.js';
export { generalInformationSentence } from './decide-information.js';
export * from './acts.js';
export { decideRequestKind, WHAT_HAPPENS, type AvgRightKind, type RequestKindInput } from './decide-avg-rights.js';
export { decidePortalStanding, type PortalStandingInput } from './decide-portal-invitation.js';
