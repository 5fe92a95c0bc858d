/**
 * The organisation's privacy settings (issue 14): which roles may break the
 * glass, and whether a destruction on request waits for a second person's
 * confirmation. `GET` for the privacy officer and managers, `PUT` for the
 * privacy officer only (organisation-settings-rule.ts says why). Both enter the
 * gate as administration; a refusal is a 403 with the rule's explanation and a
 * row in the hash-chained access log, and every change is an administration act
 * there too — one row per setting changed, with its old and new value.
 */
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { AdministrationArea } from '../access/gate.js';
import { badRequest } from '../errors.js';
import type { AppDeps } from '../http/app-deps.js';
import { gatedRoute } from '../http/gated-route.js';
import { OneOf } from '../http/schema-helpers.js';
import { AdministrationAct } from './administration-acts.js';
import { EMPLOYEE_ROLES, type EmployeeRole } from './employee-roles.js';
import { CONTACT_FIELDS, organisationSettingsOf, type OrganisationContact } from './employee-store.js';
import { decideSettingsChange, EMERGENCY_ROLE_CHOICES, refusedEmergencyRole } from './organisation-settings-rule.js';

const Roles = Type.Array(OneOf(EMPLOYEE_ROLES), {
  uniqueItems: true, maxItems: EMPLOYEE_ROLES.length,
  description: `Roles that may open a dossier in an emergency (break the glass): any of ${EMERGENCY_ROLE_CHOICES.join(', ')}; never application-administrator.`,
});

const ReleaseDays = Type.Integer({
  minimum: 0, maximum: 365,
  description: 'Days after recording after which an entry reaches the client portal by itself, unless the holder withholds it (Jeugdwet 7.3.2 lid 4, 7.3.10); 0: the day it is recorded.',
});

const Settings = Type.Object({
  emergencyAccessRoles: Roles,
  destructionSecondConfirmation: Type.Boolean({ description: 'A destruction on request is carried out only after a second authorised person confirms it.' }),
  portalReleaseDays: Type.Optional(ReleaseDays),
}, { additionalProperties: false });

/** No control characters (a line break would split the letter's address line). */
const LINE = '^[^\\u0000-\\u001f\\u007f]*$';

/**
 * The organisation's contact details for its letters (migration 0086): each a string, empty when not recorded.
 * The forms are checked here, so a wrong one is a 400 naming the field in Dutch (problem.ts, FIELD_NAMES).
 */
const Contact = Type.Object({
  postalAddress: Type.String({ maxLength: 200, pattern: LINE, description: 'Street and number, or PO box ("Postbus 123"); empty: none.' }),
  postalCode: Type.String({ maxLength: 10, pattern: '^([1-9][0-9]{3} ?[A-Za-z]{2})?$', description: 'Dutch postal code ("3511 AB"); empty: none.' }),
  place: Type.String({ maxLength: 100, pattern: LINE, description: 'Place ("Utrecht"); empty: none.' }),
  phone: Type.String({ maxLength: 30, pattern: '^([+0-9][0-9 ()-]{5,29})?$', description: 'Phone number, digits with spaces, dashes or brackets; empty: none.' }),
  email: Type.String({ maxLength: 200, pattern: '^([^\\s@]+@[^\\s@]+\\.[^\\s@]+)?$', description: 'E-mail address; empty: none.' }),
  website: Type.String({ maxLength: 200, pattern: '^((https?://)?[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+(/[^\\s]*)?)?$', description: 'Website ("www.example.nl"); empty: none.' }),
}, { additionalProperties: false });

const SettingsView = Type.Object({
  emergencyAccessRoles: Roles,
  destructionSecondConfirmation: Type.Boolean(),
  portalReleaseDays: ReleaseDays,
  contact: Contact,
  mayChange: Type.Boolean({ description: 'Whether the caller may change the settings (the privacy officer).' }),
}, { additionalProperties: false });

/** Stored (null: not recorded) as the API shows it (empty string). */
function shown(contact: OrganisationContact): Static<typeof Contact> {
  return {
    postalAddress: contact.postalAddress ?? '', postalCode: contact.postalCode ?? '', place: contact.place ?? '',
    phone: contact.phone ?? '', email: contact.email ?? '', website: contact.website ?? '',
  };
}

/** As the API takes it to as stored: trimmed, empty to null, a postal code as "3511 AB". */
function stored(contact: Static<typeof Contact>): OrganisationContact {
  const value = (text: string): string | null => (text.trim() === '' ? null : text.trim().replace(/\s+/g, ' '));
  const code = value(contact.postalCode);
  return {
    postalAddress: value(contact.postalAddress), place: value(contact.place), phone: value(contact.phone),
    email: value(contact.email), website: value(contact.website),
    postalCode: code === null ? null : `${code.replace(' ', '').slice(0, 4)} ${code.replace(' ', '').slice(4).toUpperCase()}`,
  };
}

/** The contact settings as the administration log names them, and a value as its row holds it (percent-encoded, `-` for none). */
const CONTACT_SETTING: Readonly<Record<keyof OrganisationContact, string>> = {
  postalAddress: 'contact-postal-address', postalCode: 'contact-postal-code', place: 'contact-place',
  phone: 'contact-phone', email: 'contact-email', website: 'contact-website',
};
const logged = (value: string | null): string => (value === null ? '-' : encodeURIComponent(value));

/** A role list as the log row's purpose holds it: sorted, comma-separated, `-` for none. */
function listed(roles: readonly string[]): string {
  return roles.length === 0 ? '-' : [...roles].sort().join(',');
}

export function organisationSettingsRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['administration'];
  const url = '/api/organisation/settings';

  gatedRoute(app, deps, {
    method: 'GET', url,
    schema: { tags, summary: 'The organisation\'s privacy settings: who may break the glass, and the second confirmation of a destruction', response: { 200: SettingsView } },
    kind: 'administration', subject: () => ({ kind: 'administration', area: AdministrationArea.settings }),
    intent: () => ({ act: AdministrationAct.viewSettings }),
    handler: async (scope) => {
      const store = organisationSettingsOf(scope);
      const settings = await store.read();
      return { ...settings, contact: shown(await store.contact()), mayChange: decideSettingsChange(scope.actor.role).allowed };
    },
  });

  gatedRoute(app, deps, {
    method: 'PUT', url,
    schema: { tags, summary: 'Change the organisation\'s privacy settings (the privacy officer)', body: Settings, response: { 200: SettingsView } },
    kind: 'administration', subject: () => ({ kind: 'administration', area: AdministrationArea.settingsChange }),
    intent: () => ({ act: AdministrationAct.changeSetting }),
    // Who may change them is decided before the body is read: a refused caller learns nothing from its validation.
    decideFirst: true,
    handler: async (scope, request) => {
      const wanted = request.body;
      const refused = refusedEmergencyRole(wanted.emergencyAccessRoles);
      if (refused !== undefined) {
        throw badRequest('emergency-role-refused', 'emergencyAccessRoles',
          'De functioneel beheerder kan nooit noodtoegang krijgen. Die rol beheert accounts en rollen en ziet geen cliënten. Haal deze rol uit de lijst.',
          'The application administrator can never be given emergency access: that role manages accounts and roles and sees no clients. Remove it from the list.');
      }
      const settings = organisationSettingsOf(scope);
      const before = await settings.read(true);
      const roles: EmployeeRole[] = EMERGENCY_ROLE_CHOICES.filter((role) => wanted.emergencyAccessRoles.includes(role));
      if (listed(roles) !== listed(before.emergencyAccessRoles)) {
        await settings.setEmergencyAccessRoles(roles);
        scope.record(AdministrationAct.changeSetting, { setting: 'emergency-access-roles', from: listed(before.emergencyAccessRoles), to: listed(roles) });
      }
      if (wanted.destructionSecondConfirmation !== before.destructionSecondConfirmation) {
        await settings.setDestructionSecondConfirmation(wanted.destructionSecondConfirmation);
        scope.record(AdministrationAct.changeSetting, {
          setting: 'destruction-second-confirmation', from: String(before.destructionSecondConfirmation), to: String(wanted.destructionSecondConfirmation),
        });
      }
      if (wanted.portalReleaseDays !== undefined && wanted.portalReleaseDays !== before.portalReleaseDays) {
        await settings.setPortalReleaseDays(wanted.portalReleaseDays);
        scope.record(AdministrationAct.changeSetting, {
          setting: 'portal-release-days', from: String(before.portalReleaseDays), to: String(wanted.portalReleaseDays),
        });
      }
      request.log.info({ event: 'organisation-settings-changed', by: scope.actor.employeeId }, 'organisation settings changed');
      return { ...(await settings.read()), contact: shown(await settings.contact()), mayChange: true };
    },
  });

  // The organisation's contact details for its letters (issue 15 item 3): with the other organisation settings, changed
  // by the privacy officer — the letters answer the clients' requests under the AVG, and the privacy officer is the
  // one the client can reach about them (AVG 38(4); DOMAIN §6) — each changed field a row of the administration log
  // with its old and new value.
  gatedRoute(app, deps, {
    method: 'PUT', url: '/api/organisation/contact',
    schema: {
      tags, summary: 'Change the organisation\'s postal address, phone, e-mail and website, as its letters show them (the privacy officer)',
      body: Contact, response: { 200: SettingsView },
    },
    kind: 'administration', subject: () => ({ kind: 'administration', area: AdministrationArea.settingsChange }),
    intent: () => ({ act: AdministrationAct.changeSetting }),
    decideFirst: true,
    handler: async (scope, request) => {
      const settings = organisationSettingsOf(scope);
      const before = await settings.contact(true);
      const after = stored(request.body);
      if (after.postalCode !== null && after.place === null) {
        throw badRequest('contact-incomplete', 'place', 'Bij een postcode hoort een plaats. Vul de plaats in.', 'A postal code needs a place: fill in the place.');
      }
      const changed = CONTACT_FIELDS.filter((field) => before[field] !== after[field]);
      if (changed.length > 0) await settings.setContact(after);
      for (const field of changed) {
        scope.record(AdministrationAct.changeSetting, { setting: CONTACT_SETTING[field], from: logged(before[field]), to: logged(after[field]) });
      }
      return { ...(await settings.read()), contact: shown(after), mayChange: true };
    },
  });
}
