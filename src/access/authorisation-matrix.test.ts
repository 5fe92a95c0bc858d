/**
 * The authorisation matrix (issue 4 §6): for every /api route and every role
 * of an employee WITHOUT a care relation, either the route is allowed to that
 * role, or it answers 403 problem+json with the engine's Dutch explanation and
 * its articles — and the refusal is in the access log. A route missing from
 * this table fails the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmployeeRole } from '../organisation/employee-roles.js';
import { EMPLOYEE_ROLES } from '../organisation/employee-roles.js';
import { createHarness, type Harness } from '../test-support/harness.js';
import { createRouteFixture, type RouteFixture } from '../test-support/route-fixture.js';

const ALL = EMPLOYEE_ROLES;
const NONE: readonly EmployeeRole[] = [];

/** Which roles (without a care relation to the client) are let through, and why (source). */
const allowed: Record<string, readonly EmployeeRole[]> = {
  'GET /api/clients': ALL, // a list filtered to what the caller may see
  'POST /api/clients/search': ALL, // the same list, narrowed by name
  'POST /api/clients/find': ALL, // a list filtered per client: outside one's reach only existence, for who may break the glass (issue 15)
  'GET /api/exports/progress/:progressId': ALL, // numbers of one's own export only
  'POST /api/clients': ['care-professional', 'admin-staff'], // registration: starts care or keeps the administration (004 C)
  'GET /api/clients/:clientId': ['admin-staff'], // administrative data for administrative tasks (004 C)
  'GET /api/clients/:clientId/entries': NONE, // no care relation, no access (003 §4)
  'POST /api/clients/:clientId/entries': NONE,
  'GET /api/clients/:clientId/entries/:entryId': NONE,
  'POST /api/clients/:clientId/entries/:entryId/annotations': NONE,
  'PUT /api/clients/:clientId/entries/:entryId': NONE,
  'PATCH /api/clients/:clientId/entries/:entryId': NONE,
  'DELETE /api/clients/:clientId/entries/:entryId': NONE,
  'GET /api/clients/:clientId/care-team': ['admin-staff'],
  // Changing the care team grants access: the dossier holder (who has a relation, so not in this table) or a
  // manager, who assigns care (the act change-care-team, src/rules/acts.ts; AVG 5(1)(f), 32; Jeugdwet 7.3.11).
  'POST /api/clients/:clientId/care-team': ['manager'],
  'POST /api/clients/:clientId/care-team/:memberId/end': ['manager'],
  'PATCH /api/clients/:clientId/formal-data': ['admin-staff'], // recording administrative data (004 C; Jeugdwet 7.2.4)
  'GET /api/clients/:clientId/care-team/candidates': ['manager'], // who may change the team sees whom they can add
  'POST /api/clients/:clientId/care-team/hand-over': ['manager'], // change-care-team, in one transaction (issue 15)
  'GET /api/clients/:clientId/end-of-care': ['admin-staff'], // administrative data (004 C)
  // Ending care closes the team and starts the retention period: the holder or a manager (end-care, src/rules/acts.ts; Jeugdwet 7.3.8).
  'POST /api/clients/:clientId/end-of-care': ['manager'],
  'GET /api/clients/:clientId/access-facts': ['admin-staff'],
  'POST /api/clients/:clientId/access-facts': ['manager'], // and anyone in the care team: a restriction the client asks for
  'POST /api/clients/:clientId/access-facts/:factId/withdraw': ['manager'], // and the holder
  // Break the glass: care roles only, by organisation setting (default care professionals; issue 14, 003 §2.2.8).
  'POST /api/clients/:clientId/emergency-access': ['care-professional'],
  'POST /api/clients/:clientId/emergency-access/:accessId/confirm': ['care-professional'], // second step; 404 without an own open grant
  'GET /api/clients/:clientId/emergency-summary': NONE,
  'PUT /api/clients/:clientId/emergency-summary': NONE,
  // Relations and custody decide who exercises the client's rights: the holder, or administrative staff acting for
  // the holder (src/rules/acts.ts; 003 §2.3.5) — not administrative staff on their own.
  'POST /api/clients/:clientId/relations': NONE,
  'POST /api/clients/:clientId/relations/:relationId/end': NONE,
  'POST /api/clients/:clientId/death': ['manager'], // and the holder: the death changes who may inspect (Jeugdwet 7.3.12a)
  'GET /api/clients/:clientId/death': ['admin-staff'], // the death's history is formal data (administration, 004 C)
  'POST /api/clients/:clientId/death/corrections': ['manager'], // and the holder, as for recording the death (acts: correct-death)
  'GET /api/clients/:clientId/wishes-after-death': ['admin-staff'],
  'POST /api/clients/:clientId/wishes-after-death': ['manager'], // and the holder (acts: record-wish-after-death, Jeugdwet 7.3.12a)
  'GET /api/clients/:clientId/competence-assessments': NONE, // care content
  'POST /api/clients/:clientId/competence-assessments': NONE,
  'GET /api/clients/:clientId/agreements': NONE,
  'POST /api/clients/:clientId/agreements': NONE,
  'POST /api/clients/:clientId/agreements/:agreementId/end': ['manager'], // and the holder (acts: end-agreement)
  'GET /api/clients/:clientId/consents': ['admin-staff'], // the register of signed declarations is administration
  'GET /api/clients/:clientId/care-consent': ['admin-staff'],
  'POST /api/clients/:clientId/consents': NONE, // administrative staff only for the professional they name (acts: record-consent)
  'POST /api/clients/:clientId/consents/:consentId/withdraw': NONE,
  'GET /api/clients/:clientId/requests': ['admin-staff'], // intake and deadlines are administration (004 C)
  'POST /api/clients/:clientId/requests': ['admin-staff'],
  'GET /api/clients/:clientId/requests/:requestId': ['admin-staff'],
  'POST /api/clients/:clientId/requests/:requestId/consent': ['admin-staff'],
  'POST /api/clients/:clientId/requests/:requestId/identity-check': ['admin-staff'],
  'POST /api/clients/:clientId/requests/:requestId/extend': ['manager'], // part of deciding (acts: decide-request)
  'POST /api/clients/:clientId/requests/:requestId/answer-received': ['admin-staff'],
  'POST /api/clients/:clientId/requests/:requestId/decision': ['manager'], // the holder's or a manager's (003 §2.3.6; acts: decide-request)
  'POST /api/clients/:clientId/requests/:requestId/confirm-destruction': ['manager', 'privacy-officer'], // the second person: holder, manager or privacy officer, never the decider (0057)
  'POST /api/clients/:clientId/requests/:requestId/fulfil': ['manager'],
  'POST /api/clients/:clientId/processing-restriction/end': NONE, // the dossier holder's (AVG 18(3))
  'GET /api/requests': ALL, // a list filtered to what the caller may see
  'GET /api/clients/:clientId/shieldings': NONE, // care content
  'POST /api/clients/:clientId/entries/:entryId/shieldings': NONE,
  'POST /api/clients/:clientId/shieldings/:shieldingId/other-person-consent': ['manager'], // lifts it in effect (acts: lift-shielding)
  'POST /api/clients/:clientId/shieldings/:shieldingId/lift': ['manager'], // and the holder
  'POST /api/clients/:clientId/contact-data/shieldings': NONE,
  'GET /api/clients/:clientId/requests/:requestId/view': NONE,
  'GET /api/clients/:clientId/requests/:requestId/letter.pdf': ['admin-staff'], // sending letters (004 C)
  'GET /api/clients/:clientId/requests/:requestId/copy.pdf': NONE,
  'POST /api/clients/:clientId/requests/:requestId/download-links': ['manager'], // handing over a granted copy (acts: fulfil-request)
  'GET /api/clients/:clientId/requests/:requestId/download-links': ['admin-staff'], // sending and tracking the copy (004 C)
  'POST /api/clients/:clientId/requests/:requestId/download-links/:linkId/revoke': ['admin-staff'],
  'GET /api/clients/:clientId/requests/:requestId/portability.json': NONE, // the whole dossier, like the copy
  'GET /api/clients/:clientId/requests/:requestId/portability.xlsx': NONE,
  'GET /api/clients/:clientId/requests/:requestId/portability.fhir.json': NONE,
  'POST /api/clients/:clientId/transfer': ['manager'], // and the holder (acts: transfer; Jeugdwet 7.3.11)
  'GET /api/clients/:clientId/transfer': ['admin-staff'], // administrative: where the dossier went
  'GET /api/clients/:clientId/transfers/:transferId/dossier.pdf': NONE,
  'GET /api/clients/:clientId/transfers/:transferId/dossier.json': NONE,
  'GET /api/clients/:clientId/transfers/:transferId/dossier.fhir.json': NONE,
  'GET /api/clients/:clientId/access-log': ['privacy-officer'], // NEN 7513: logs for those appointed
  'GET /api/privacy/emergency-reviews': ['privacy-officer', 'manager'], // a manager's queue holds the privacy officer's own
  'POST /api/privacy/emergency-reviews/:id': ['privacy-officer'],
  'GET /api/privacy/unusual-access': ['privacy-officer'],
  // The privacy officer's desk (issue 15 item 8): the log and the officer's deadline view are for those appointed (NEN 7513; AVG 39(1)(b)).
  'POST /api/privacy/access-log/clients': ['privacy-officer'],
  'GET /api/clients/:clientId/access-log/sessions': ['privacy-officer'],
  'GET /api/clients/:clientId/access-log/export': ['privacy-officer'],
  'GET /api/privacy/requests': ['privacy-officer'],
  'GET /api/caseload/signals': ALL, // a list filtered to the caller's own caseload (issue 15 item 9)
  'GET /api/clients/:clientId/disclosures': NONE, // part of the dossier (003 §2.3.14)
  'POST /api/clients/:clientId/disclosures': NONE,
  'GET /api/privacy/disclosures': ['privacy-officer'],
  // Retention review and the organisation's term (Jeugdwet 7.3.8; 003 §3.2): the privacy officer alone.
  'GET /api/privacy/retention-reviews': ['privacy-officer'],
  'POST /api/privacy/retention-reviews/:clientId/confirm': ['privacy-officer'],
  'POST /api/privacy/retention-reviews/:clientId/hold': ['privacy-officer'],
  'POST /api/privacy/retention-reviews/:clientId/release': ['privacy-officer'],
  'GET /api/privacy/retention-settings': ['privacy-officer'],
  'PUT /api/privacy/retention-settings': ['privacy-officer'],
  'GET /api/privacy/retention/:clientId': ['privacy-officer'],
  'PUT /api/clients/:clientId/retention/good-care': NONE, // the dossier holder's (Jeugdwet 7.3.8)
  'PUT /api/privacy/retention/:clientId/good-care': ['privacy-officer'],
  'DELETE /api/privacy/retention/:clientId/good-care': ['privacy-officer'],
  'GET /api/privacy/retention-settings/incidents': ['privacy-officer'],
  'PUT /api/privacy/retention-settings/incidents': ['privacy-officer'],
  // The data breach register (AVG 33–34): the privacy officer alone.
  'GET /api/privacy/breaches': ['privacy-officer'],
  'POST /api/privacy/breaches': ['privacy-officer'],
  'PATCH /api/privacy/breaches/:id': ['privacy-officer'],
  // Personal work notes (003 §2.3.13): written by those who give the care; the own-note routes answer
  // every employee, but only with their own notes (anyone else's is 404).
  'POST /api/clients/:clientId/work-notes': NONE,
  'GET /api/work-notes': ALL,
  // Portal messages (issue 19 item 6): the care team's side is the dossier's (read and record); one's own notification address is one's own.
  'GET /api/clients/:clientId/messages': NONE,
  'POST /api/clients/:clientId/messages/:accountId': NONE,
  'GET /api/clients/:clientId/messages/:messageId/attachments/:attachmentId': NONE,
  'GET /api/me/message-notifications': ALL,
  'PUT /api/me/message-notifications': ALL,
  'DELETE /api/work-notes/:noteId': ALL,
  'POST /api/work-notes/:noteId/move-into-dossier': ALL,
  // Drafts (issue 15): kept only by who may record in this dossier; one's own session's idle timeout: everyone.
  'GET /api/clients/:clientId/drafts': NONE,
  'PUT /api/clients/:clientId/drafts/:draftId': NONE,
  'DELETE /api/clients/:clientId/drafts/:draftId': NONE,
  'GET /api/session/timeout': ALL,
  // Managing who may open dossiers: the application administrator alone (NEN 7510-2 A.9.2).
  'GET /api/admin/employees': ['application-administrator'],
  'GET /api/admin/employees/:employeeId': ['application-administrator'],
  'POST /api/admin/employees': ['application-administrator'],
  'PATCH /api/admin/employees/:employeeId': ['application-administrator'],
  // Releasing entries to the client portal (issue 19 item 2): part of the dossier; releasing and withholding are the holder's (acts.ts).
  'GET /api/clients/:clientId/portal-releases': NONE,
  'POST /api/clients/:clientId/entries/:entryId/portal-release': NONE,
  // Inviting to the client portal (issue 19 item 1): the care team's act (acts.ts invite-to-portal); the accounts are administrative data.
  'POST /api/clients/:clientId/portal-invitations': NONE,
  'GET /api/clients/:clientId/portal-accounts': ['admin-staff'],
  'POST /api/admin/employees/:employeeId/disable': ['application-administrator'],
  'POST /api/admin/employees/:employeeId/enable': ['application-administrator'],
  'POST /api/admin/employees/:employeeId/reset': ['application-administrator'],
  'GET /api/admin/teams': ['application-administrator'],
  'POST /api/admin/teams': ['application-administrator'],
  'PUT /api/admin/teams/:teamId/members/:employeeId': ['application-administrator'],
  'DELETE /api/admin/teams/:teamId/members/:employeeId': ['application-administrator'],
  // A privileged role takes effect when a second person approves it (NEN 7510-2 A.6.1.2); the administration log is the privacy officer's.
  'GET /api/role-grants': ['manager', 'privacy-officer'],
  'POST /api/role-grants/:grantId/approve': ['manager', 'privacy-officer'],
  'POST /api/role-grants/:grantId/refuse': ['manager', 'privacy-officer'],
  'GET /api/admin-log': ['privacy-officer'],
  // The privacy safeguards (who may break the glass, the second confirmation of a destruction): the privacy officer
  // sets them, a manager reads them; never the application administrator (organisation-settings-rule.ts).
  'GET /api/organisation/settings': ['manager', 'privacy-officer'],
  'PUT /api/organisation/settings': ['privacy-officer'],
  // The organisation's address on its letters is set with the other organisation settings (issue 15 item 3).
  'PUT /api/organisation/contact': ['privacy-officer'],
  // The family part: only for those the engine lets in for a member (003 §2.3.4).
  'POST /api/families': NONE,
  'GET /api/families/:familyId': NONE,
  'POST /api/families/:familyId/members': NONE,
  'GET /api/families/:familyId/entries': NONE,
  'POST /api/families/:familyId/entries': NONE,
  // Records beside the dossier (src/registers/register-policy.ts): by task, not by care relation.
  'GET /api/registers/complaints': ['manager', 'privacy-officer'],
  'POST /api/registers/complaints': ['admin-staff', 'manager'],
  'POST /api/registers/complaints/:id/close': ['manager'],
  'GET /api/registers/incidents': ['manager', 'privacy-officer'],
  'GET /api/registers/quality-audits': ['manager', 'privacy-officer'], // quality control by sample (issue 14)
  'POST /api/registers/quality-audits': ['manager', 'privacy-officer'],
  'POST /api/registers/incidents': ['care-professional', 'intern', 'admin-staff', 'manager'],
  'POST /api/registers/incidents/:id/inspectorate-report': ['manager'],
  'GET /api/registers/prospective-clients': ['admin-staff', 'care-professional'],
  'POST /api/registers/prospective-clients': ['admin-staff', 'care-professional'],
  'GET /api/privacy/processing-activities': ['privacy-officer', 'application-administrator'],
  'POST /api/privacy/processing-activities': ['privacy-officer'],
};

/**
 * Routes outside this matrix: public, or about the caller's own session; and the portal's (/api/portal/…, issue 19),
 * which no employee session opens (401) and whose portal door is tested per capability (src/portal/…).
 */
const outOfScope = (url: string) => url.startsWith('/api/docs') || url.startsWith('/api/auth/') || url === '/api/openapi.json' || url.startsWith('/api/portal/');

let h: Harness;
let fixture: RouteFixture;
const cookies = new Map<EmployeeRole, { cookie: string; id: string }>();

beforeAll(async () => {
  h = await createHarness();
  fixture = await createRouteFixture(h);
  for (const role of ALL) {
    const employee = await h.employee({ role });
    cookies.set(role, { cookie: await h.login(employee), id: employee.id });
  }
});
afterAll(async () => h.close());

describe('authorisation matrix', () => {
  it('knows every /api route', () => {
    const routes = h.app.routes.filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD' && !r.public && !outOfScope(r.url));
    const unknown = routes.map((r) => `${r.method} ${r.url}`).filter((name) => !(name in allowed));
    expect(unknown).toEqual([]);
  });

  it('refuses every role that must be refused with 403, the engine\'s explanation and articles, and logs the refusal', async () => {
    // Breaking the glass opens the dossier to whoever did it, so it goes last.
    const ordered = Object.entries(allowed).sort(([a], [b]) => Number(a.includes('emergency-access')) - Number(b.includes('emergency-access')));
    for (const [name, roles] of ordered) {
      const call = fixture.calls[name];
      expect(call, `${name} has no call in route-fixture.ts`).toBeDefined();
      const method = name.split(' ')[0] as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
      for (const role of ALL) {
        const { cookie, id } = cookies.get(role)!;
        const response = await h.request({ method, url: call!.url, cookie, ...(call!.body === undefined ? {} : { body: call!.body }) });
        const label = `${role} → ${name}`;
        if (roles.includes(role)) {
          expect(response.statusCode, label).not.toBe(403);
          expect(response.statusCode, label).toBeLessThan(500);
          continue;
        }
        expect(response.statusCode, label).toBe(403);
        expect(response.headers['content-type'], label).toContain('application/problem+json');
        const problem = response.json();
        expect(problem.nl.length, label).toBeGreaterThan(20);
        expect(problem.basis.length, label).toBeGreaterThan(0);
        const [row] = await h.database.db.query<{ outcome: string; employee_id: string }>('SELECT outcome, employee_id FROM audit.access_log ORDER BY seq DESC LIMIT 1');
        expect(row, label).toEqual({ outcome: 'denied', employee_id: id });
      }
    }
  });
});
