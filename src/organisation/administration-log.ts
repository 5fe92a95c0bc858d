/**
 * The administration acts in the hash-chained access log (NEN 7513; NEN
 * 7510-2 A.12.4.3): creating or resetting an account, changing a role,
 * asking, approving or refusing a privileged role, disabling, enabling, team
 * changes and an employee completing their own enrolment, and the refused
 * attempts. The gate writes these rows (access/gate-administration.ts), one
 * per act, in the act's transaction; the vocabulary of acts is
 * administration-acts.ts; the privacy officer's view of them reads the log
 * where its owner keeps its views (access/access-log-views.ts). This module
 * names them for the organisation's routes.
 */
export {
  ADMINISTER_ACTION, ADMINISTER_PART, AdministrationAct, administrationPurpose, parseAdministrationPurpose, type AdministrationDetails,
} from './administration-acts.js';
export type { AdministrationActor } from '../access/gate-administration.js';
export { administrationLog, type AdministrationLogLine } from '../access/access-log-views.js';
