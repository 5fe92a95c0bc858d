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
import { Type } from 'typebox';
import { AdministrationArea } from '../access/gate.js';
import { badRequest } from '../errors.js';
import type { AppDeps } from '../http/app-deps.js';
import { gatedRoute } from '../http/gated-route.js';
import { OneOf } from '../http/schema-helpers.js';
import { AdministrationAct } from './administration-acts.js';
import { EMPLOYEE_ROLES, type EmployeeRole } from './employee-roles.js';
import { organisationSettingsOf } from './employee-store.js';
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

const SettingsView = Type.Object({
  emergencyAccessRoles: Roles,
  destructionSecondConfirmation: Type.Boolean(),
  portalReleaseDays: ReleaseDays,
  mayChange: Type.Boolean({ description: 'Whether the caller may change the settings (the privacy officer).' }),
}, { additionalProperties: false });

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
      const settings = await organisationSettingsOf(scope).read();
      return { ...settings, mayChange: decideSettingsChange(scope.actor.role).allowed };
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
      return { ...(await settings.read()), mayChange: true };
    },
  });
}
