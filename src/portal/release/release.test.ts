/**
 * Releasing entries to the client portal, the professional's side (issue 19 item 2): the days of the organisation,
 * the holder's release and withholding (Jeugdwet 7.3.2 lid 4 after consulting another professional; 7.3.10), the
 * append-only records, and refusals for everyone but the holder.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateInWords } from '../../rules/index.js';
import { calendarDate } from '../../shared/calendar-date.js';
import { createHarness, type Harness, type TestEmployee } from '../../test-support/harness.js';

let h: Harness;
let holder: TestEmployee;
let holderCookie: string;
let memberCookie: string;
let colleague: TestEmployee;
let clientId: string;
let entryId: string;
/** The day the entry was recorded plus the organisation's 14 days (entries are stamped by the database's clock). */
let visibleFrom: string;
const DAY = 24 * 60 * 60 * 1000;

interface Release { entryId: string; state: string; visibleFrom: string | null; text: string; ground: string | null; decidedBy: string | null; consulted: string | null }
const releases = async (cookie = holderCookie) => {
  const r = await h.request({ method: 'GET', url: `/api/clients/${clientId}/portal-releases`, cookie });
  expect(r.statusCode, r.body).toBe(200);
  return r.json<{ releaseDays: number; releases: Release[]; mayRelease: boolean; mayWithhold: boolean }>();
};
const decide = (body: unknown, cookie = holderCookie) =>
  h.request({ method: 'POST', url: `/api/clients/${clientId}/entries/${entryId}/portal-release`, cookie, body });

beforeAll(async () => {
  h = await createHarness();
  holder = await h.employee({ role: 'care-professional' });
  holderCookie = await h.login(holder);
  clientId = await h.client({ age: 14, holder });
  const member = await h.employee({ role: 'care-professional' });
  await h.relate(clientId, member, 'member');
  memberCookie = await h.login(member);
  colleague = await h.employee({ role: 'care-professional', name: 'Collega Raadpleeg' });
  const created = await h.request({
    method: 'POST', url: `/api/clients/${clientId}/entries`, cookie: holderCookie,
    body: { kind: 'conversation-report', text: 'Gesprek met de jongere.', source: { kind: 'client' } },
  });
  expect(created.statusCode, created.body).toBe(201);
  entryId = created.json<{ id: string }>().id;
  visibleFrom = calendarDate(new Date(new Date(`${calendarDate(new Date(created.json<{ recordedAt: string }>().recordedAt))}T12:00:00Z`).getTime() + 14 * DAY));
}, 120_000);
afterAll(async () => {
  h.clock.reset();
  await h?.close();
});

describe('portal release (the professional\'s side)', () => {
  it('shows each entry\'s day in the portal by the organisation\'s days (14 by default), in words', async () => {
    const view = await releases();
    expect(view.releaseDays).toBe(14);
    expect(view.mayRelease).toBe(true);
    expect(view.mayWithhold).toBe(true);
    const mine = view.releases.find((r) => r.entryId === entryId)!;
    expect(mine).toMatchObject({ state: 'waiting', visibleFrom, ground: null });
    expect(mine.text).toBe(`Zichtbaar in portaal vanaf ${dateInWords(visibleFrom)}`);
  });

  it('a team member sees the days but may not release or withhold: 403 with the engine\'s explanation, logged', async () => {
    const view = await releases(memberCookie);
    expect(view.mayRelease).toBe(false);
    const refused = await decide({ decision: 'release' }, memberCookie);
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ nl: string }>().nl).toContain('Alleen de dossierhouder');
    const [row] = await h.database.db.query<{ outcome: string; action: string }>('SELECT outcome, action FROM audit.access_log ORDER BY seq DESC LIMIT 1');
    expect(row).toEqual({ outcome: 'denied', action: 'release-to-portal' });
  });

  it('a withholding names its ground and reason, a release neither: 400 naming the field, nothing recorded', async () => {
    const noGround = await decide({ decision: 'withhold', consultedEmployeeId: colleague.id, reason: 'Eerst bespreken.' });
    expect(noGround.statusCode).toBe(400);
    expect(noGround.json<{ code: string; field: string }>()).toMatchObject({ code: 'field-required', field: 'ground' });
    const noReason = await decide({ decision: 'withhold', ground: 'privacy-of-another' });
    expect(noReason.json<{ code: string; field: string }>()).toMatchObject({ code: 'field-required', field: 'reason' });
    const releaseWithReason = await decide({ decision: 'release', reason: 'Mag gezien worden.' });
    expect(releaseWithReason.statusCode).toBe(400);
    expect(releaseWithReason.json<{ code: string; field: string }>()).toMatchObject({ code: 'field-not-for-decision', field: 'reason' });
    expect(await h.database.db.query('SELECT 1 FROM care.portal_releases WHERE entry_id = $1', [entryId])).toHaveLength(0);
  });

  it('withholding for serious harm needs another professional consulted (Jeugdwet 7.3.2 lid 4), not the holder themself', async () => {
    const without = await decide({ decision: 'withhold', ground: 'serious-harm', reason: 'Eerst bespreken.' });
    expect(without.statusCode).toBe(400);
    expect(without.json<{ code: string; nl: string }>()).toMatchObject({ code: 'consulted-professional-required' });
    const self = await decide({ decision: 'withhold', ground: 'serious-harm', consultedEmployeeId: holder.id, reason: 'Eerst bespreken.' });
    expect(self.statusCode).toBe(400);
    const withheld = await decide({ decision: 'withhold', ground: 'serious-harm', consultedEmployeeId: colleague.id, reason: 'Eerst bespreken.' });
    expect(withheld.statusCode, withheld.body).toBe(201);
    expect(withheld.json<Release>()).toMatchObject({ state: 'withheld', visibleFrom: null, ground: 'serious-harm', consulted: 'Collega Raadpleeg' });
    expect(withheld.json<Release>().text).toContain('Jeugdwet 7.3.2 lid 4');
    // The reason is sealed under the client's key, never in plain text.
    const [stored] = await h.database.db.query<{ reason_ciphertext: Buffer }>('SELECT reason_ciphertext FROM care.portal_releases WHERE entry_id = $1', [entryId]);
    expect(stored!.reason_ciphertext.toString('latin1')).not.toContain('bespreken');
  });

  it('a withheld entry stays out after the days; a later release lifts it (append-only: a new row, nothing updated)', async () => {
    h.clock.advance(60 * DAY);
    try {
      const later = await h.login(holder);
      expect((await releases(later)).releases.find((r) => r.entryId === entryId)!.state).toBe('withheld');
      const released = await decide({ decision: 'release' }, later);
      expect(released.statusCode, released.body).toBe(201);
      expect(released.json<Release>()).toMatchObject({ state: 'released' });
      const rows = await h.database.db.query<{ decision: string }>('SELECT decision FROM care.portal_releases WHERE entry_id = $1 ORDER BY recorded_at', [entryId]);
      expect(rows.map((r) => r.decision)).toEqual(['withhold', 'release']);
    } finally {
      h.clock.reset();
    }
  });

  it('the application role cannot change or delete a release record (append-only)', async () => {
    const owner = h.database.db;
    // The harness's db is the owner; the application role's grants are what the migration gives it.
    const grants = await owner.query<{ privilege_type: string }>(
      `SELECT privilege_type FROM information_schema.role_table_grants
        WHERE table_schema = 'care' AND table_name = 'portal_releases' AND grantee = 'dossierwijzer_app' ORDER BY privilege_type`);
    expect(grants.map((g) => g.privilege_type)).toEqual(['INSERT', 'SELECT']);
  });

  it('an entry of another client is 404', async () => {
    const other = await h.client({ age: 10, holder });
    const r = await h.request({ method: 'POST', url: `/api/clients/${other}/entries/${entryId}/portal-release`, cookie: holderCookie, body: { decision: 'release' } });
    expect(r.statusCode).toBe(404);
  });
});
