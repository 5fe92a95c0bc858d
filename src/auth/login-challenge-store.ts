/**
 * The auth module's store of `org.login_challenges` as other modules need it
 * (issue 14: one owner per table): what it holds sealed under the master key.
 */
import type { SealedColumn } from '../crypto/sealed-column.js';

/** A TOTP secret proposed during enrolment, sealed under the master key until the enrolment completes. */
export const PENDING_TOTP_SECRETS: SealedColumn = {
  name: 'TOTP secrets being enrolled', table: 'org.login_challenges', key: { column: 'id_hash', type: 'bytea' }, column: 'pending_secret',
  place: { column: 'employee_id', aad: (id) => `totp-pending:${id}` },
};
