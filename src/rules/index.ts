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
export { decide } from './decide.js';
export { decideRecording, type RecordingInput } from './decide-record.js';
export { decideStatutoryDisclosure, StatutoryBasis } from './disclosure-basis.js';
export { careConsent, type CareConsentAnswer, type CareConsenter } from './care-consent.js';
export { responseDeadline, appealDeadline, destructionDeadline, type DeadlineAnswer } from './deadlines.js';
export { retentionUntil, RETENTION_YEARS, type RetentionAnswer } from './retention.js';
export { actorName, actionName, partName, consentPartyName } from './explanations.js';
