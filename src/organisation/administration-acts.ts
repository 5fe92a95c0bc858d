/**
 * The vocabulary of administration acts (NEN 7513; NEN 7510-2 A.12.4.3) as
 * they appear in the hash-chained access log: the row has no client, action
 * `administer`, part `administrative-data`, and in `purpose` what was done to
 * whom, e.g. `change-role employee=<uuid> role=manager` — covered by the row's
 * hash like every other column. The gate (access/gate-administration.ts)
 * writes the rows; administration-log.ts reads them back for the privacy officer.
 */

/** The administration acts, as they appear in the log. */
export const AdministrationAct = {
  createAccount: 'create-account',
  resetAccount: 'reset-account',
  completeEnrolment: 'complete-enrolment',
  changeDetails: 'change-details',
  changeRole: 'change-role',
  requestRole: 'request-role',
  approveRole: 'approve-role',
  refuseRole: 'refuse-role',
  disableAccount: 'disable-account',
  enableAccount: 'enable-account',
  createTeam: 'create-team',
  joinTeam: 'join-team',
  leaveTeam: 'leave-team',
  /** Looking at the grants awaiting approval (logged when refused). */
  viewRoleGrants: 'view-role-grants',
  /** A session of an account whose privileged role awaits approval was refused. */
  pendingRoleRefused: 'pending-role-refused',
  /** Looking at the organisation's privacy settings (logged when refused). */
  viewSettings: 'view-settings',
  /** Changing one of the organisation's privacy settings (organisation-settings-rule.ts): one row per setting, old and new value. */
  changeSetting: 'change-setting',
} as const;
export type AdministrationAct = (typeof AdministrationAct)[keyof typeof AdministrationAct];

export const ADMINISTER_ACTION = 'administer';
export const ADMINISTER_PART = 'administrative-data';

export interface AdministrationDetails {
  employee?: string;
  role?: string;
  team?: string;
  grant?: string;
  /** A changed organisation setting, its value before and after (lists comma-separated, `-` for an empty list). */
  setting?: string;
  from?: string;
  to?: string;
}

const DETAIL_KEYS = ['employee', 'role', 'team', 'grant', 'setting', 'from', 'to'] as const;

/** `act key=value …` in a fixed order: readable in raw SQL, parsed back by `parseAdministrationPurpose`. */
export function administrationPurpose(act: AdministrationAct, details: AdministrationDetails): string {
  const parts: string[] = [act];
  for (const key of DETAIL_KEYS) {
    const value = details[key];
    if (value !== undefined) parts.push(`${key}=${value}`);
  }
  return parts.join(' ');
}

/**
 * The act and its details; `operator` is the set-up command's `by=` (gate-administration.ts `enterSetup`):
 * who ran it at the console, percent-decoded (kept as written when it does not decode).
 */
export function parseAdministrationPurpose(purpose: string | null): { act: string | null; operator?: string } & AdministrationDetails {
  if (purpose === null) return { act: null };
  const [act, ...rest] = purpose.split(' ');
  const details: AdministrationDetails & { operator?: string } = {};
  for (const pair of rest) {
    const [key, value] = pair.split('=');
    const known = DETAIL_KEYS.find((k) => k === key);
    if (value !== undefined && known !== undefined) details[known] = value;
    if (value !== undefined && key === 'by') details.operator = decodedOrAsIs(value);
  }
  return { act: act ?? null, ...details };
}

function decodedOrAsIs(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
