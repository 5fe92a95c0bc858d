/**
 * Dutch labels (B1) for the codes the API uses: the server's one catalogue (src/shared/labels.ts), shared by
 * screens, PDFs, letters, spreadsheets and error messages, so a code has one label everywhere. Here the tables
 * are widened to plain string maps, as the screens look codes up from API answers. Unknown codes show as they are.
 */
import * as catalogue from '../../../src/shared/labels.js';
import type { AdministrationAct } from '../../../src/organisation/administration-acts.js';

type Labels = Readonly<Record<string, string>>;

export const ROLES: Labels = catalogue.ROLES;
export const ENTRY_KINDS: Labels = catalogue.ENTRY_KINDS;
export const SOURCE_KINDS: Labels = catalogue.SOURCE_KINDS;
export const STATEMENT_TYPES: Labels = catalogue.STATEMENT_TYPES;
export const ANNOTATION_KINDS: Labels = catalogue.ANNOTATION_KINDS;
export const RELATIONS: Labels = catalogue.RELATIONS;
export const WISHES_IN_LIFE: Labels = catalogue.WISHES_IN_LIFE;
export const CUSTODY_KINDS: Labels = catalogue.CUSTODY_KINDS;
export const CUSTODY_BASES: Labels = catalogue.CUSTODY_BASES;
export const COMPETENCE_MATTERS: Labels = catalogue.COMPETENCE_MATTERS;
export const GENDERS: Labels = catalogue.GENDERS;
export const REQUEST_KINDS: Labels = catalogue.REQUEST_KINDS;
export const REQUEST_STATES: Labels = catalogue.REQUEST_STATES;
export const INTAKE_OUTCOMES: Labels = catalogue.INTAKE_OUTCOMES;
export const CONSENT_HOW: Labels = catalogue.CONSENT_HOW;
export const CHANNELS: Labels = catalogue.CHANNELS;
export const PARTS: Labels = catalogue.PARTS;
export const DECISION_OUTCOMES: Labels = catalogue.DECISION_OUTCOMES;
export const DOCUMENT_TYPES: Labels = catalogue.DOCUMENT_TYPES;
export const CONSENT_KINDS: Labels = catalogue.CONSENT_KINDS;
export const CONSENT_GIVERS: Labels = catalogue.CONSENT_GIVERS;
export const AGREEMENTS: Labels = catalogue.AGREEMENTS;
export const CARE_RELATIONS: Labels = catalogue.CARE_RELATIONS;
export const CARE_END_REASONS: Labels = catalogue.CARE_END_REASONS;
export const ACCESS_OUTCOMES: Labels = catalogue.ACCESS_OUTCOMES;
export const ACCESS_BASES: Labels = catalogue.ACCESS_BASES;
export const ACCESS_ACTIONS: Labels = catalogue.ACCESS_ACTIONS;
/** What an access-log row holds: staff and portal actions, every part the gate logs, every recorded purpose. */
export const ACCESS_LOG_ACTIONS: Labels = catalogue.ACCESS_LOG_ACTIONS;
export const ACCESS_LOG_PARTS: Labels = catalogue.ACCESS_LOG_PARTS;
export const ACCESS_LOG_PURPOSES: Labels = catalogue.ACCESS_LOG_PURPOSES;
export const BREACH_RISKS: Labels = catalogue.BREACH_RISKS;
export const BREACH_STATUSES: Labels = catalogue.BREACH_STATUSES;
export const COMPLAINT_OUTCOMES: Labels = catalogue.COMPLAINT_OUTCOMES;
export const INCIDENT_KINDS: Labels = catalogue.INCIDENT_KINDS;
export const TRANSFER_RECIPIENTS: Labels = catalogue.TRANSFER_RECIPIENTS;
export const FAMILY_ENTRY_KINDS: Labels = catalogue.FAMILY_ENTRY_KINDS;

/** A table narrowed to the codes a form offers (the labels stay the catalogue's). */
function only(table: Labels, codes: readonly string[]): Labels {
  return Object.fromEntries(codes.map((code) => [code, table[code] ?? code]));
}

/** The facts the decision form offers; `compelling-interest` only after the client's death (RequestActions). */
export const DECISION_FACTS: Labels = only(catalogue.DECISION_FACTS, [
  'factual-error', 'serious-harm-assessed', 'significant-interest-of-another', 'good-care-requires-keeping', 'needed-for-procedure', 'other-person-consents',
  'compelling-interest',
]);
export const DISCLOSURE_BASES: Labels = catalogue.DISCLOSURE_BASES;
/** The grounds the disclosure form offers; `legal-representative` belongs to a transfer, not to this form. */
export const DISCLOSURE_BASIS_CHOICES: Labels = only(catalogue.DISCLOSURE_BASES, [
  'consent', 'family-guardian-threat', 'cbs-statistics', 'municipality-billing', 'inspectorate', 'disciplinary-or-legal-procedure', 'conflict-of-duties',
  'child-protection-report', 'research',
]);
/** The purposes a manager chooses from; `legal-claims` (a restricted dossier, AVG 18(2)) is not asked there. */
export const PURPOSES: Labels = only(catalogue.PURPOSES, ['quality-control', 'complaint', 'incident']);
/** Every recorded purpose, for showing one. */
export const ALL_PURPOSES: Labels = catalogue.PURPOSES;

/** Relations that can represent an adult who cannot oversee their interests (BW 7:465 lid 3); they never hold custody. */
export const REPRESENTATIVE_RELATIONS: readonly string[] = catalogue.REPRESENTATIVE_RELATIONS;

export const label: (table: Labels, code: string | null | undefined) => string = catalogue.label;

const dateFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** A calendar date (YYYY-MM-DD) or a timestamp, in Dutch. */
export function formatDate(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return dateFormat.format(new Date(`${value}T12:00:00`));
  return dateTimeFormat.format(new Date(value));
}

/** Age in whole years on today's date. */
export function ageOn(birthDate: string, today = new Date()): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  let age = today.getFullYear() - y;
  if (today.getMonth() + 1 < m || (today.getMonth() + 1 === m && today.getDate() < d)) age -= 1;
  return age;
}

export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/**
 * The administration acts of the administration log (src/organisation/administration-acts.ts), one label each: typed
 * against the server's list, so a new act fails the build until it has a Dutch label here.
 */
export const ADMINISTRATION_ACTS: Readonly<Record<AdministrationAct, string>> = {
  'create-account': 'Account aangemaakt',
  'reset-account': 'Account gereset',
  'complete-enrolment': 'Account zelf ingesteld (uitnodigingslink)',
  'change-details': 'Naam of functie gewijzigd',
  'change-role': 'Rol gewijzigd',
  'request-role': 'Rol aangevraagd',
  'approve-role': 'Rol goedgekeurd',
  'refuse-role': 'Rol afgewezen',
  'disable-account': 'Account geblokkeerd',
  'enable-account': 'Account gedeblokkeerd',
  'create-team': 'Team aangemaakt',
  'join-team': 'Aan team toegevoegd',
  'leave-team': 'Uit team gehaald',
  'view-role-grants': 'Aanvragen bekeken',
  'pending-role-refused': 'Geweigerd: rol wacht op goedkeuring',
  'view-settings': 'Privacy-instellingen bekeken',
  'change-setting': 'Privacy-instelling gewijzigd',
};

/** The organisation settings a `change-setting` row names (organisation-settings-routes.ts). */
export const ORGANISATION_SETTINGS: Labels = {
  'emergency-access-roles': 'Wie mag noodtoegang gebruiken',
  'destruction-second-confirmation': 'Tweede bevestiging bij vernietiging',
  'portal-release-days': 'Dagen tot een stuk vanzelf in het cliëntportaal komt',
  'contact-postal-address': 'Postadres op brieven',
  'contact-postal-code': 'Postcode op brieven',
  'contact-place': 'Plaats op brieven',
  'contact-phone': 'Telefoonnummer op brieven',
  'contact-email': 'E-mailadres op brieven',
  'contact-website': 'Website op brieven',
};

/**
 * A setting's value as the log holds it, in words: a list of roles comma-separated (`-` when empty),
 * a yes/no setting as `true`/`false`.
 */
export function settingValue(setting: string, value: string | null): string {
  if (value === null) return 'onbekend';
  // The organisation's contact details (organisation-settings-routes.ts): percent-encoded in the row, '-' when empty.
  if (setting.startsWith('contact-')) return value === '-' ? 'niet ingevuld' : decodeURIComponent(value);
  if (setting === 'emergency-access-roles') return value === '-' ? 'niemand' : value.split(',').map((role) => label(ROLES, role)).join(', ');
  if (value === 'true') return 'aan';
  if (value === 'false') return 'uit';
  return value;
}
