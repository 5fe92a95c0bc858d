/**
 * The mother's portal dossier after the 16th birthday, part by part (issue 19 items 2 and 5; 001: "Ben je 16 jaar of
 * ouder dan beslis je zelf welke informatie je ouders krijgen"; Jeugdwet 7.3.11; BW 7:457; DOMAIN §3): on the test clock
 * the mother with custody is refused the dossier on the birthday (403, the engine's explanation, logged); once the young
 * person lets her see the care plan in the portal (the real consent route) the mother's dossier shows the plan and only
 * the plan — the conversation report stays withheld with the engine's reason, also as one entry; when the young person
 * withdraws, the mother is refused again at once (AVG 7(3)).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestEmployee } from '../../test-support/harness.js';
import { createPortalAccount, createPortalLogin, portalLogin, portalRequest, type PortalTestAccount } from '../../test-support/portal-fixture.js';

let h: Harness;
let holder: TestEmployee;
let holderCookie: string;
let clientId: string;
let motherId: string;
let mother: PortalTestAccount;
let planId: string;
let reportId: string;
let birthday: string;

const post = async <T>(url: string, body: unknown): Promise<T> => {
  const r = await h.request({ method: 'POST', url, cookie: holderCookie, body });
  expect(r.statusCode, r.body).toBeLessThan(300);
  return (r.body === '' ? undefined : r.json<T>()) as T;
};
const entry = (body: Record<string, unknown>) => post<{ id: string }>(`/api/clients/${clientId}/entries`, { source: { kind: 'care-professional' }, ...body });
const motherGets = async (url: string) => portalRequest(h, { method: 'GET', url, cookie: await portalLogin(h, mother) });
const refusalsOfMother = async (): Promise<number> => {
  const [row] = await h.database.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit.access_log WHERE client_id = $1 AND employee_id = $2 AND outcome = 'denied' AND action = 'inspect'`, [clientId, mother.accountId]);
  return row!.n;
};

interface Shown { shown: true; id: string; kindLabel: string; text: string }
interface Withheld { shown: false; withheld: { ground: string; basis: string[] } }
interface Dossier { entries: (Shown | Withheld)[]; explanation: string }

beforeAll(async () => {
  h = await createHarness();
  holder = await h.employee({ role: 'care-professional', name: 'Hanna Houder' });
  holderCookie = await h.login(holder);
  clientId = await h.client({ age: 15, holder });
  const [born] = await h.database.db.query<{ birth_date: string }>('SELECT birth_date::text AS birth_date FROM formal.clients WHERE id = $1', [clientId]);
  birthday = `${Number(born!.birth_date.slice(0, 4)) + 16}${born!.birth_date.slice(4)}`;
  motherId = (await post<{ id: string }>(`/api/clients/${clientId}/relations`, {
    establishedHow: 'gezagsregister', validFrom: '2026-01-05', relation: 'parent', hasCustody: true, custodyKind: 'two-headed-parental',
    custodyEstablishedBy: 'by-law-marriage', familyName: 'Moeder', givenNames: 'Mia',
  })).id;
  planId = (await entry({ kind: 'plan', text: 'Doel: weer naar school.' })).id;
  reportId = (await entry({ kind: 'conversation-report', text: 'Sam vertelde over haar vriendin.' })).id;
  for (const id of [planId, reportId]) await post(`/api/clients/${clientId}/entries/${id}/portal-release`, { decision: 'release' });
  mother = await createPortalAccount(h, { clientId, relationId: motherId, createdBy: holder });
}, 180_000);
afterAll(async () => {
  h.clock.reset();
  await h?.close();
});

describe('the mother\'s portal dossier from the 16th birthday: exactly the parts the young person consented to for her', () => {
  it('refused on the birthday; the care plan only after the young person consents to it in the portal; refused again at once after withdrawal', async () => {
    try {
      h.clock.now = new Date(`${birthday}T12:00:00+01:00`);
      const young = await createPortalLogin(h, { clientId, createdBy: holder });

      // The birthday: nothing consented, so the dossier page is refused with the engine's explanation, and logged.
      const loggedBefore = await refusalsOfMother();
      const refused = await motherGets('/api/portal/dossier');
      expect(refused.statusCode, refused.body).toBe(403);
      expect(refused.json<{ nl: string }>().nl).toMatch(/16|toestemming/);
      expect(await refusalsOfMother()).toBe(loggedBefore + 1);

      // The young person lets her mother see the care plan, through the real consent route.
      const consent = await portalRequest(h, { method: 'PUT', url: `/api/portal/consents/parents/${motherId}/care-plan`, cookie: young.cookie, body: { allowed: true } });
      expect(consent.statusCode, consent.body).toBe(200);

      const allowed = await motherGets('/api/portal/dossier');
      expect(allowed.statusCode, allowed.body).toBe(200);
      const view = allowed.json<Dossier>();
      const shown = view.entries.filter((e): e is Shown => e.shown);
      expect(shown.map((e) => e.id)).toEqual([planId]);
      expect(shown[0]!.text).toBe('Doel: weer naar school.');
      // The conversation report: withheld, with the engine's reason beside it (her consent is for the plan only), never its text.
      const withheld = view.entries.filter((e): e is Withheld => !e.shown);
      expect(withheld).toHaveLength(1);
      expect(withheld[0]!.withheld.ground).toMatch(/16|toestemming/);
      expect(withheld[0]!.withheld.basis.length).toBeGreaterThan(0);
      expect(allowed.body).not.toContain('vriendin');
      // One entry: the plan is hers, the report a 403 with the engine's reason.
      expect((await motherGets(`/api/portal/dossier/entries/${planId}`)).statusCode).toBe(200);
      const report = await motherGets(`/api/portal/dossier/entries/${reportId}`);
      expect(report.statusCode).toBe(403);
      expect(report.json<{ nl: string }>().nl).toMatch(/16|toestemming/);
      expect(report.body).not.toContain('vriendin');
      // Who has seen my dossier stays the whole dossier's: a consent for one part does not open it.
      expect((await motherGets('/api/portal/access-log')).statusCode).toBe(403);

      // Withdrawn: shut again at once.
      const stop = await portalRequest(h, { method: 'PUT', url: `/api/portal/consents/parents/${motherId}/care-plan`, cookie: young.cookie, body: { allowed: false } });
      expect(stop.statusCode, stop.body).toBe(200);
      const loggedAfter = await refusalsOfMother();
      const again = await motherGets('/api/portal/dossier');
      expect(again.statusCode, again.body).toBe(403);
      expect(again.json<{ nl: string }>().nl).toMatch(/16|toestemming/);
      expect((await motherGets(`/api/portal/dossier/entries/${planId}`)).statusCode).toBe(403);
      expect(await refusalsOfMother()).toBe(loggedAfter + 2);
    } finally {
      h.clock.reset();
    }
  });
});
