/**
 * Records beside the dossier (issue 7 part 3; DOMAIN §1, §5) and the records
 * of processing (AVG 30, part 7): kept apart from the care dossier, with their
 * own retention, readable only by those with a task in them, logged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestEmployee } from '../test-support/harness.js';
import { complaintKeepUntil, INCIDENT_YEARS_DEFAULT, incidentKeepUntil, prospectiveClientKeepUntil } from './register-retention.js';
import { purgeShortTermRecords } from '../retention/retention-service.js';
import { inspectorateReportRequired } from './register-service.js';

let h: Harness;
let professional: TestEmployee;
let professionalCookie: string;
let managerCookie: string;
let adminStaffCookie: string;
let officerCookie: string;
let clientId: string;

beforeAll(async () => {
  h = await createHarness();
  professional = await h.employee({ role: 'care-professional' });
  professionalCookie = await h.login(professional);
  managerCookie = await h.login(await h.employee({ role: 'manager' }));
  adminStaffCookie = await h.login(await h.employee({ role: 'admin-staff' }));
  officerCookie = await h.login(await h.employee({ role: 'privacy-officer' }));
  clientId = await h.client({ age: 13, holder: professional });
});
afterAll(async () => h.close());

describe('retention of the records beside the dossier (004 A)', () => {
  it('keeps a complaint 2 years after closing and a registration 6 months', () => {
    expect(complaintKeepUntil('2026-11-20')).toBe('2028-11-20');
    expect(complaintKeepUntil('2028-02-29')).toBe('2030-02-28');
    expect(prospectiveClientKeepUntil('2026-08-31')).toBe('2027-02-28');
  });

  it('deletes expired complaints and registrations, and only those', async () => {
    const created = await h.request({ method: 'POST', url: '/api/registers/complaints', cookie: adminStaffCookie, body: { receivedOn: '2020-01-10', complainant: 'Oud', summary: 'Oude klacht' } });
    const id = created.json<{ id: string }>().id;
    await h.request({ method: 'POST', url: `/api/registers/complaints/${id}/close`, cookie: managerCookie, body: { closedOn: '2020-03-01', outcome: 'unfounded', resolution: 'Ongegrond.' } });
    await h.request({ method: 'POST', url: '/api/registers/prospective-clients', cookie: adminStaffCookie, body: { registeredOn: '2026-01-02', name: 'Verlopen Aanmelding', contact: 'x', question: 'y' } });
    await h.request({ method: 'POST', url: '/api/registers/prospective-clients', cookie: adminStaffCookie, body: { registeredOn: '2026-11-01', name: 'Verse Aanmelding', contact: 'x', question: 'y' } });
    // The same purge the daily timer and `dossierwijzer retention sweep` run.
    const purged = await purgeShortTermRecords(h.database.db, new Date('2026-11-22T12:00:00Z'));
    expect(purged).toMatchObject({ complaints: 1, prospectiveClients: 1 });
    const complaints = (await h.request({ method: 'GET', url: '/api/registers/complaints', cookie: managerCookie })).json<{ complaints: { id: string }[] }>().complaints;
    expect(complaints.map((c) => c.id)).not.toContain(id);
    const names = (await h.request({ method: 'GET', url: '/api/registers/prospective-clients', cookie: adminStaffCookie })).json<{ prospectiveClients: { name: string }[] }>()
      .prospectiveClients.map((p) => p.name);
    expect(names).toContain('Verse Aanmelding');
    expect(names).not.toContain('Verlopen Aanmelding');
  });
});

describe('retention of incidents and calamities (issue 7 part 3: "each with its own retention")', () => {
  it('keeps an incident the organisation\'s term after it happened or was reported, never while a required report is due (AVG 5(1)(e); Jeugdwet 4.1.8)', () => {
    expect(INCIDENT_YEARS_DEFAULT).toBe(5);
    expect(incidentKeepUntil({ occurredOn: '2020-03-01', reportedOn: null, reportRequired: false, years: 5 })).toBe('2025-03-01');
    expect(incidentKeepUntil({ occurredOn: '2020-03-01', reportedOn: '2020-04-15', reportRequired: true, years: 5 })).toBe('2025-04-15');
    expect(incidentKeepUntil({ occurredOn: '2020-02-29', reportedOn: null, reportRequired: false, years: 2 })).toBe('2022-02-28');
    expect(incidentKeepUntil({ occurredOn: '2001-01-01', reportedOn: null, reportRequired: true, years: 5 })).toBeNull();
  });

  it('purges expired incidents in the sweep, with the default term and then the organisation\'s own, set by the privacy officer', async () => {
    const record = async (kind: string, occurredOn: string) => {
      const created = await h.request({ method: 'POST', url: '/api/registers/incidents', cookie: professionalCookie, body: { kind, occurredOn, clientIds: [], description: `Incident ${occurredOn}` } });
      expect(created.statusCode).toBe(201);
      return created.json<{ id: string }>().id;
    };
    const old = await record('incident', '2018-01-10');
    const unreported = await record('calamity', '2015-06-01');
    const recent = await record('incident', '2023-01-01');
    const present = async () => (await h.request({ method: 'GET', url: '/api/registers/incidents', cookie: managerCookie }))
      .json<{ incidents: { id: string }[] }>().incidents.map((i) => i.id);
    const today = new Date('2026-11-22T12:00:00Z');

    expect((await h.request({ method: 'GET', url: '/api/privacy/retention-settings/incidents', cookie: officerCookie })).json())
      .toEqual({ years: 5, reason: null, defaultYears: 5 });
    expect((await purgeShortTermRecords(h.database.db, today)).incidents).toBeGreaterThanOrEqual(1);
    let ids = await present();
    expect(ids).not.toContain(old);
    expect(ids).toEqual(expect.arrayContaining([unreported, recent]));

    // Only the privacy officer sets the term, with a reason.
    const body = { years: 2, reason: 'Beleid: incidenten twee jaar bewaren, daarna alleen geanonimiseerde cijfers.' };
    expect((await h.request({ method: 'PUT', url: '/api/privacy/retention-settings/incidents', cookie: managerCookie, body })).statusCode).toBe(403);
    const set = await h.request({ method: 'PUT', url: '/api/privacy/retention-settings/incidents', cookie: officerCookie, body });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toEqual({ years: 2, reason: body.reason, defaultYears: 5 });
    await purgeShortTermRecords(h.database.db, today);
    ids = await present();
    expect(ids).not.toContain(recent);
    // A calamity not yet reported to the inspectorate is kept whatever its age.
    expect(ids).toContain(unreported);
  });
});

describe('complaints', () => {
  it('are recorded by administrative staff, handled by the manager, never shown in the client\'s dossier, and stored encrypted', async () => {
    const summary = 'De ouder klaagt dat het gesprek over Jip niet vertrouwelijk was.';
    const created = await h.request({ method: 'POST', url: '/api/registers/complaints', cookie: adminStaffCookie, body: { clientId, receivedOn: '2026-11-10', complainant: 'Moeder van Jip', summary } });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: string }>().id;
    const closed = await h.request({ method: 'POST', url: `/api/registers/complaints/${id}/close`, cookie: managerCookie, body: { closedOn: '2026-11-20', outcome: 'partly-founded', resolution: 'Afspraken aangescherpt.' } });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ outcome: 'partly-founded', keepUntil: '2028-11-20', resolution: 'Afspraken aangescherpt.' });

    const timeline = await h.request({ method: 'GET', url: `/api/clients/${clientId}/entries?limit=100`, cookie: professionalCookie });
    expect(timeline.statusCode).toBe(200);
    expect(timeline.body).not.toContain('vertrouwelijk');
    const stored = await h.database.db.query<{ content: Buffer }>('SELECT content FROM org.complaints WHERE id = $1', [id]);
    expect(stored[0]!.content.toString('latin1')).not.toContain('vertrouwelijk');
  });

  it('refuses a complaint received in the future, closed before it came in, or closed twice — changing nothing', async () => {
    const future = await h.request({ method: 'POST', url: '/api/registers/complaints', cookie: adminStaffCookie, body: { receivedOn: '2026-12-01', complainant: 'X', summary: 'Y' } });
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ field: 'receivedOn' });
    const created = await h.request({ method: 'POST', url: '/api/registers/complaints', cookie: adminStaffCookie, body: { receivedOn: '2026-11-15', complainant: 'X', summary: 'Y' } });
    const id = created.json<{ id: string }>().id;
    const early = await h.request({ method: 'POST', url: `/api/registers/complaints/${id}/close`, cookie: managerCookie, body: { closedOn: '2026-11-14', outcome: 'settled', resolution: 'Z' } });
    expect(early.statusCode).toBe(400);
    const [row] = await h.database.db.query<{ closed_on: string | null }>('SELECT closed_on FROM org.complaints WHERE id = $1', [id]);
    expect(row!.closed_on).toBeNull();
    expect((await h.request({ method: 'POST', url: `/api/registers/complaints/${id}/close`, cookie: managerCookie, body: { closedOn: '2026-11-16', outcome: 'settled', resolution: 'Z' } })).statusCode).toBe(200);
    expect((await h.request({ method: 'POST', url: `/api/registers/complaints/${id}/close`, cookie: managerCookie, body: { closedOn: '2026-11-17', outcome: 'founded', resolution: 'Z' } })).statusCode).toBe(400);
  });

  it('refuses a care professional with an explanation and logs the refusal', async () => {
    const refused = await h.request({ method: 'GET', url: '/api/registers/complaints', cookie: professionalCookie });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().nl).toContain('klachtenregister');
    const [row] = await h.database.db.query<{ outcome: string; employee_id: string; part: string }>('SELECT outcome, employee_id, part FROM audit.access_log ORDER BY seq DESC LIMIT 1');
    expect(row).toEqual({ outcome: 'denied', employee_id: professional.id, part: 'register:complaints' });
  });

  it('answers a client of another organisation as not existing', async () => {
    const response = await h.request({ method: 'POST', url: '/api/registers/complaints', cookie: adminStaffCookie, body: { clientId: '00000000-0000-4000-8000-000000000000', receivedOn: '2026-11-10', complainant: 'X', summary: 'Y' } });
    expect(response.statusCode).toBe(404);
  });
});

describe('incidents and calamities (Jeugdwet 4.1.8)', () => {
  it('mark calamities and violence for the inspectorate, not ordinary incidents', () => {
    expect(inspectorateReportRequired('calamity')).toBe(true);
    expect(inspectorateReportRequired('violence')).toBe(true);
    expect(inspectorateReportRequired('incident')).toBe(false);
  });

  it('are reported by a care professional, show the pending report to the manager until it is recorded, and log reading per client', async () => {
    const created = await h.request({ method: 'POST', url: '/api/registers/incidents', cookie: professionalCookie, body: { kind: 'violence', occurredOn: '2026-11-18', clientIds: [clientId], description: 'Geweld op de groep.' } });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: string }>().id;
    const list = (await h.request({ method: 'GET', url: '/api/registers/incidents', cookie: managerCookie })).json<{ incidents: { id: string; inspectorateReportPending: boolean }[] }>();
    expect(list.incidents.find((i) => i.id === id)).toMatchObject({ inspectorateReportPending: true });
    const logged = await h.database.db.query<{ client_id: string }>(`SELECT client_id FROM audit.access_log WHERE part = 'register:incidents' AND action = 'read' AND outcome = 'allowed' ORDER BY seq DESC LIMIT 1`);
    expect(logged[0]!.client_id).toBe(clientId);
    const reported = await h.request({ method: 'POST', url: `/api/registers/incidents/${id}/inspectorate-report`, cookie: managerCookie, body: { reportedOn: '2026-11-19' } });
    expect(reported.json()).toMatchObject({ reportedToInspectorateOn: '2026-11-19', inspectorateReportPending: false });
    const whoSaw = await h.request({ method: 'GET', url: `/api/clients/${clientId}/access-log`, cookie: officerCookie });
    expect(whoSaw.json<{ lines: { part: string }[] }>().lines.map((l) => l.part)).toContain('register:incidents');
  });
});

describe('records of processing (AVG 30)', () => {
  it('list the standard activities of the system with purpose, basis, recipients and retention, for the privacy officer and the administrator', async () => {
    const response = await h.request({ method: 'GET', url: '/api/privacy/processing-activities', cookie: officerCookie });
    expect(response.statusCode).toBe(200);
    const activities = response.json<{ activities: { name: string; retention: string; standard: boolean }[] }>().activities;
    expect(activities.find((a) => a.name === 'Jeugdhulpdossier')).toMatchObject({ standard: true, retention: expect.stringContaining('20 jaar') });
    // Every processing the system performs (migrations 0014 and 0023), each with purpose, basis, recipients and retention.
    const standard = activities.filter((a) => a.standard).map((a) => a.name).sort();
    expect(standard).toEqual([
      'Aanmeldingen', 'Bewaartermijnen en vernietiging', 'Datalekkenregister', 'Declaratie aan de gemeente', 'Downloadlinks voor afschriften',
      'Gezinsdossiers', 'Incidenten en calamiteiten', 'Jeugdhulpdossier', 'Klachtenbehandeling', 'Medewerkersaccounts', 'Noodtoegang',
      'Overdracht van dossiers', 'Persoonlijke werkaantekeningen', 'Statistiek voor het CBS', 'Toegangslog', 'Verzoeken van cliënten',
    ].sort());
    expect(activities.every((a) => a.retention.length > 5)).toBe(true);
    expect(activities.find((a) => a.name === 'Incidenten en calamiteiten')).toMatchObject({ retention: expect.stringContaining('5 jaar') });
    expect(activities.find((a) => a.name === 'Persoonlijke werkaantekeningen')).toMatchObject({ retention: expect.stringContaining('30 dagen') });
    const admin = await h.login(await h.employee({ role: 'application-administrator' }));
    expect((await h.request({ method: 'GET', url: '/api/privacy/processing-activities', cookie: admin })).statusCode).toBe(200);
  });

  it('take an activity of the organisation\'s own, visible only to that organisation', async () => {
    const added = await h.request({
      method: 'POST', url: '/api/privacy/processing-activities', cookie: officerCookie,
      body: { name: 'Cameratoezicht hoofdingang', purpose: 'Veiligheid.', legalBasis: 'AVG 6 lid 1 f', dataSubjects: ['bezoekers'], dataCategories: ['beelden'], recipients: ['geen'], retention: '4 weken', security: 'Beheerder' },
    });
    expect(added.statusCode).toBe(201);
    const { ensureOrganisation } = await import('../organisation/organisation-service.js');
    const other = await ensureOrganisation(h.database.db, 'Andere organisatie registers');
    const otherOfficer = await h.login(await h.employee({ role: 'privacy-officer', organisationId: other }));
    const theirs = (await h.request({ method: 'GET', url: '/api/privacy/processing-activities', cookie: otherOfficer })).json<{ activities: { name: string }[] }>();
    expect(theirs.activities.map((a) => a.name)).not.toContain('Cameratoezicht hoofdingang');
    expect(theirs.activities.map((a) => a.name)).toContain('Jeugdhulpdossier');
  });
});
