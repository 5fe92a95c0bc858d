/**
 * The 16th birthday through the gate's portal door (issue 19 item 5; 001: "Ben je 16 jaar of ouder dan beslis je zelf
 * welke informatie je ouders krijgen"; Jeugdwet 7.3.11; DOMAIN §3): on the test clock the mother with custody inspects
 * at 15 by her own right, loses the inspection on the 16th birthday (the engine asks the young person's consent), and
 * gets it back once the young person consents in the portal — per part: a consent for the plan opens the plan only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enter, type PortalContext } from '../../access/gate.js';
import { inOrganisation } from '../../db/organisation-scope.js';
import type { AppError } from '../../errors.js';
import { createHarness, testBsn, type Harness, type TestEmployee } from '../../test-support/harness.js';
import { createPortalAccount, createPortalLogin, portalRequest, type PortalTestLogin } from '../../test-support/portal-fixture.js';

let h: Harness;
let holder: TestEmployee;
let clientId: string;
let motherId: string;
let motherAccount: string;
let young: PortalTestLogin;
const DAY = 24 * 3600 * 1000;

function motherCtx(): PortalContext {
  return {
    account: { id: motherAccount, organisationId: h.organisationId, clientId, kind: 'relation', relationId: motherId, displayName: 'Mia Jansen', sessionId: 'p-mother' },
    route: 'GET /api/portal/test', address: '127.0.0.1', now: h.clock.now,
  };
}

async function motherAsks(part: string): Promise<'allowed' | number> {
  return inOrganisation(h.organisationId, () => enter(h.database.db, motherCtx(), { kind: 'portal' }, { action: 'inspect', part }, () => Promise.resolve('allowed' as const)))
    .catch((e: unknown) => (e as AppError).status);
}

beforeAll(async () => {
  h = await createHarness();
  holder = await h.employee({ role: 'care-professional' });
  const staff = await h.login(holder);
  const made = await h.request({
    method: 'POST', url: '/api/clients', cookie: staff,
    body: { bsn: testBsn(), familyName: 'Jansen', givenNames: 'Lotte', birthDate: '2010-11-25', gender: 'female', careStartedOn: '2026-01-05' },
  });
  expect(made.statusCode, made.body).toBe(201);
  clientId = made.json<{ id: string }>().id;
  const mother = await h.request({
    method: 'POST', url: `/api/clients/${clientId}/relations`, cookie: staff,
    body: { establishedHow: 'gezagsregister', validFrom: '2026-01-05', relation: 'parent', hasCustody: true, custodyKind: 'two-headed-parental', custodyEstablishedBy: 'by-law-marriage', familyName: 'Jansen', givenNames: 'Mia' },
  });
  expect(mother.statusCode, mother.body).toBe(201);
  motherId = mother.json<{ id: string }>().id;
  motherAccount = (await createPortalAccount(h, { clientId, relationId: motherId, createdBy: holder })).accountId;
}, 120_000);
afterAll(async () => h.close());

describe('the young person\'s consent per parent and per part, through the portal door', () => {
  it('the mother loses access on the 16th birthday and gets it back, part by part, after the young person consents in the portal', async () => {
    expect(await motherAsks('dossier')).toBe('allowed'); // 15: her own right (Jeugdwet 7.3.11)
    h.clock.advance(3 * DAY); // 25 November 2026: 16
    try {
      young = await createPortalLogin(h, { clientId, createdBy: holder });
      expect(await motherAsks('dossier')).toBe(403);
      expect(await motherAsks('care-plan')).toBe(403);
      const plan = await portalRequest(h, { method: 'PUT', url: `/api/portal/consents/parents/${motherId}/care-plan`, cookie: young.cookie, body: { allowed: true } });
      expect(plan.statusCode, plan.body).toBe(200);
      expect(await motherAsks('care-plan')).toBe('allowed');
      expect(await motherAsks('conversation-report')).toBe(403);
      const all = await portalRequest(h, { method: 'PUT', url: `/api/portal/consents/parents/${motherId}/dossier`, cookie: young.cookie, body: { allowed: true } });
      expect(all.statusCode, all.body).toBe(200);
      expect(await motherAsks('dossier')).toBe('allowed');
      const stop = await portalRequest(h, { method: 'PUT', url: `/api/portal/consents/parents/${motherId}/dossier`, cookie: young.cookie, body: { allowed: false } });
      expect(stop.statusCode, stop.body).toBe(200);
      expect(await motherAsks('dossier')).toBe(403); // withdrawn: at once (AVG 7(3))
    } finally {
      h.clock.reset();
    }
  });
});
