/**
 * Scenario 7 (issue 19): the client portal's dossier view over HTTP —
 * `GET /api/portal/dossier` for a mother with custody of a 14-year-old, with
 * an agreement at the start of care (no conversation reports to the parents)
 * and passages shielded from her, every entry released to the portal — against
 * a raw-SQL baseline measured in the same run through the same driver and
 * pool: the same client's entries (all of them: the portal reads the whole
 * dossier), their annotations, shieldings and release records, the
 * agreements, the client key and one access-log row inserted and committed,
 * in one statement (as scenario 1's audited baseline).
 *
 * The population is small and its own (BENCH_PORTAL_CLIENTS clients of
 * BENCH_PORTAL_ENTRIES entries each), made through the gate as the holder
 * would, as src/demo/seed-portal-demo.ts makes the demo's Sara. Each mother's
 * portal session is started as a completed log-in starts it
 * (src/test-support/portal-fixture.ts does the same); the load spreads its
 * requests over the mothers, each with her own cookie.
 */
import os from 'node:os';
import { enter, type RequestContext } from '../access/gate.js';
import { hashPassword } from '../auth/passwords.js';
import { newTotpSecret } from '../auth/totp.js';
import { registerClient } from '../clients/clients-service.js';
import { asSystem, inOrganisation } from '../db/organisation-scope.js';
import { addEntry, type NewEntry } from '../dossier/dossier-service.js';
import { partOfEntryKind } from '../dossier/entry-kinds.js';
import type { AppDeps } from '../http/app-deps.js';
import { insertPortalAccountWithCredentials } from '../portal/portal-account-store.js';
import { PORTAL_COOKIE, portalSessionSettings } from '../portal/portal-route.js';
import { sealPortalTotpSecret } from '../portal/portal-second-factor.js';
import { createPortalSession } from '../portal/portal-session-store.js';
import { decideEntryRelease } from '../portal/release/release-service.js';
import { addAgreement, addRelation } from '../representation/representation-service.js';
import { addDays, formatIsoDate, toCalendarDate } from '../rules/calendar.js';
import { calendarDate } from '../shared/calendar-date.js';
import { addShielding } from '../shielding/shielding-service.js';
import { cpuLine, line, measured, picker, WARM_UP_SECONDS, type AuditedBenchContext } from './audited-bench.js';
import { runLoad } from './load.js';
import { rssMiB, type ScenarioResult } from './result.js';

export interface PortalBenchContext extends AuditedBenchContext {
  masterKey: Buffer;
  deps: Pick<AppDeps, 'config'>;
}

export interface PortalPopulation {
  clientIds: string[];
  accountIds: string[];
  cookies: string[];
  entriesPerClient: number;
}

const SHIELDED = 'Zij vertelde dat ze soms bij haar vader slaapt zonder dat haar moeder het weet.';
const TEXT = 'Fictief verslag: het gaat op school beter, thuis is het rustiger en de afspraken worden nagekomen. '.repeat(3).trim();

/** The entry kinds in turn: every conversation report falls under the agreement; every evaluation has a passage shielded from the mother. */
const KINDS = ['plan', 'conversation-report', 'evaluation', 'conversation-report', 'work-agreement'] as const;

/** Makes `clients` 14-year-olds, each with a mother with custody, the agreement, `entries` released entries and the mother's portal session. */
export async function portalPopulation(c: PortalBenchContext, clients: number, entries: number): Promise<PortalPopulation> {
  const now = new Date();
  const ctx: RequestContext = {
    actor: { employeeId: c.employeeId, organisationId: c.organisationId, role: 'care-professional', displayName: 'Bench', sessionId: 'bench-portal' },
    route: 'bench portal', address: null, now,
  };
  const today = calendarDate(now);
  const on = (days: number) => formatIsoDate(addDays(toCalendarDate(today, 'today'), -days));
  // Fourteen today, her fifteenth birthday months away (as the demo's Sara).
  const year = Number(today.slice(0, 4)) - 14;
  const birthDate = today.slice(5) >= '03-01' ? `${year}-03-01` : `${year - 1}-12-01`;
  const passwordHash = await hashPassword(`bench-portal-${Math.random().toString(36).slice(2)}-paard`);
  const population: PortalPopulation = { clientIds: [], accountIds: [], cookies: [], entriesPerClient: entries };
  for (let n = 0; n < clients; n++) {
    const clientId = await enter(c.db, ctx, { kind: 'new-client', born: birthDate }, 'register', async (scope) => (await registerClient(scope, c.masterKey, {
      familyName: `Portaal-${n}`, givenNames: 'Sara', gender: 'female', birthDate, streetAddress: 'Voorbeeldlaan 14', postcode: '1234 CD', town: 'Demodorp',
      identityCheck: { documentType: 'identity-card', checkedAt: now.toISOString() }, careStartedOn: on(400),
    })).clientId);
    const client = { kind: 'client' as const, clientId };
    const mother = await enter(c.db, ctx, client, { action: 'record-custody', part: 'administrative-data' }, (scope) => addRelation(scope, {
      relation: 'parent', hasCustody: true, custodyKind: 'single-headed-parental', custodyEstablishedBy: 'by-law-mother',
      familyName: `Portaal-${n}`, givenNames: 'Mirjam', establishedHow: 'gezagsregister geraadpleegd (bench)', validFrom: on(400),
    }));
    await enter(c.db, ctx, client, { action: 'make-agreement', part: 'dossier' }, (scope) => addAgreement(scope, 'no-conversation-reports-to-parents', on(400)));
    for (let i = 0; i < entries; i++) {
      const kind = KINDS[i % KINDS.length]!;
      const entry: NewEntry = {
        kind, title: `Stuk ${i + 1}`, occurredOn: on(entries - i), source: { kind: 'care-professional' }, statementType: 'opinion',
        text: kind === 'evaluation' ? `${TEXT} ${SHIELDED} Het plan loopt door.` : TEXT,
      };
      const added = await enter(c.db, ctx, client, { action: 'record', part: partOfEntryKind(kind) }, (scope) => addEntry(scope, c.masterKey, 1024 * 1024, entry));
      if (kind === 'evaluation') {
        const start = entry.text.indexOf(SHIELDED);
        await enter(c.db, ctx, client, { action: 'shield', part: 'dossier' }, (scope) => addShielding(scope, c.masterKey, added, {
          kind: 'shielded-from', shieldedFrom: [mother], passage: { start, end: start + SHIELDED.length }, reason: 'Fictief: afgeschermd voor de moeder (bench).',
        }));
      }
      await enter(c.db, ctx, client, { action: 'release-to-portal', part: 'dossier' }, (scope) => decideEntryRelease(scope, c.masterKey, added.id, { decision: 'release' }));
    }
    const secret = newTotpSecret();
    const accountId = await insertPortalAccountWithCredentials(c.db, {
      organisationId: c.organisationId, clientId, relationId: mother, createdBy: c.employeeId, username: `bench.moeder.${n}.${clientId.slice(0, 8)}`, passwordHash,
      sealTotp: (id) => sealPortalTotpSecret(c.masterKey, id, secret), now,
    });
    const token = await asSystem(() => createPortalSession(c.db, accountId, portalSessionSettings(c.deps), '127.0.0.1', new Date()));
    population.clientIds.push(clientId);
    population.accountIds.push(accountId);
    population.cookies.push(`${PORTAL_COOKIE}=${token}`);
  }
  return population;
}

/**
 * The raw baseline in one round trip: the client's entries (whole dossier, oldest first) with their annotations,
 * shieldings and latest release record, the agreements and the client key, and the committed log row naming the
 * entries — the same row the portal's gate writes for a mother's inspection (account as the actor).
 */
const RAW_PORTAL_VIEW = `WITH page AS (
    SELECT e.id, e.kind, e.recorded_at, e.occurred_on, e.source_kind, e.statement_type, e.ciphertext, a.display_name
      FROM care.entries e JOIN org.employees a ON a.id = e.author_id
     WHERE e.client_id = $1 ORDER BY e.recorded_at, e.id),
  logged AS (
    INSERT INTO audit.access_log (organisation_id, employee_id, employee_role, client_id, action, part, outcome, basis, entry_ids, route, session_id, address)
    SELECT $2, $3, 'portal-relation', $1, 'inspect', 'dossier', 'allowed', 'legal-duty', coalesce(array_agg(id), '{}'), 'bench portal baseline', 'bench', '127.0.0.1'
      FROM page
    RETURNING seq)
SELECT p.*, (SELECT k.wrapped_key FROM care.client_keys k WHERE k.client_id = $1) AS wrapped_key,
       ARRAY(SELECT n.ciphertext FROM care.entry_annotations n WHERE n.entry_id = p.id) AS annotations,
       ARRAY(SELECT row(s.kind, s.target, s.passage_start, s.passage_end, s.shielded_from)::text FROM care.shieldings s
              WHERE s.client_id = $1 AND s.entry_id = p.id AND s.lifted_at IS NULL) AS shieldings,
       (SELECT r.decision FROM care.portal_releases r WHERE r.client_id = $1 AND r.entry_id = p.id ORDER BY r.recorded_at DESC, r.id DESC LIMIT 1) AS release,
       ARRAY(SELECT DISTINCT g.agreement FROM org.start_agreements g WHERE g.client_id = $1 AND g.ended_on IS NULL) AS agreements,
       (SELECT seq FROM logged) AS logged_seq
  FROM page p`;

/** Scenario 7 at `concurrency` connections: the portal's dossier view over HTTP and its raw baseline. */
export async function portalDossierScenario(
  c: PortalBenchContext, population: PortalPopulation, concurrency: number, backend: string,
): Promise<ScenarioResult> {
  const settings = { concurrency, seconds: c.seconds };
  const url = `${c.address}/api/portal/dossier`;
  const job = { urls: population.cookies.map(() => url), cookies: population.cookies, cookie: population.cookies[0]!, ...settings };
  // Is the view what the bench means? A shielded passage and the agreement's withheld reports must show as withheld.
  const probe = await fetch(url, { headers: { cookie: population.cookies[0]! } });
  if (probe.status !== 200) throw new Error(`GET /api/portal/dossier answered ${probe.status}: ${(await probe.text()).slice(0, 300)}`);
  const view = await probe.json() as { entries: { shown: boolean; text?: string }[] };
  const shown = view.entries.filter((e) => e.shown).length;
  const withheld = view.entries.length - shown;
  const shieldedText = view.entries.some((e) => e.shown && (e.text ?? '').includes(SHIELDED));
  c.write(`  the mother's view: ${view.entries.length} entries, ${shown} shown, ${withheld} withheld (agreement); `
    + `shielded passage ${shieldedText ? 'VISIBLE (wrong)' : 'not shown'}\n`);
  await c.httpLoad({ ...job, seconds: WARM_UP_SECONDS });
  const http = await measured(c.db, () => c.httpLoad(job));
  const pick = picker(population.clientIds);
  const accountOf = new Map(population.clientIds.map((id, i) => [id, population.accountIds[i]!]));
  const raw = await measured(c.db, () => inOrganisation(c.organisationId, () => runLoad(async (worker, i) => {
    const clientId = pick(worker, i);
    const rows = await c.db.query<{ logged_seq: string | null }>(RAW_PORTAL_VIEW, [clientId, c.organisationId, accountOf.get(clientId)]);
    if (rows.length > 0 && rows[0]!.logged_seq === null) throw new Error('the raw baseline wrote no log row');
  }, settings)));
  c.write(`${line('HTTP portal dossier (whole dossier)', http.result)}   503s ${http.result.unavailable}\n`
    + `${line('raw baseline (1 statement, row committed)', raw.result)}\n`
    + `  CPU per view: HTTP ${cpuLine(http.cpu)}; raw ${cpuLine(raw.cpu)}\n`);
  const ratio = http.result.opsPerSecond / raw.result.opsPerSecond;
  c.write(`  ratio to the raw baseline ${ratio.toFixed(3)}\n`);
  // The professionals' timeline's targets (issue 19: "the same targets"): at 16 ratio ≥ 0.8 to the audited baseline
  // and p99 < 50 ms; at 64 no errors and p99 < 150 ms. This view reads the whole dossier, not a page of 50.
  const heavy = concurrency >= 64;
  const target = heavy
    ? `no errors, p99 < 150 ms at ${concurrency} connections (PostgreSQL)`
    : `ratio ≥ 0.8 (raw, audited), p99 < 50 ms at ${concurrency} connections (PostgreSQL)`;
  const targetMet = heavy ? http.result.errors === 0 && http.result.p99Ms < 150 : ratio >= 0.8 && http.result.p99Ms < 50 && http.result.errors === 0;
  return {
    name: `7. portal dossier view (mother, 14-year-old), ${concurrency} conn.`,
    opsPerSec: http.result.opsPerSecond, p50Ms: http.result.p50Ms, p99Ms: http.result.p99Ms,
    baselineOpsPerSec: raw.result.opsPerSecond, ratio, target, targetMet, serverRssMiB: rssMiB(),
    extra: {
      unit: 'one portal dossier view over HTTP (baseline: entries, annotations, shieldings, releases, agreements, key and a committed log row in one statement)',
      backend, concurrency, seconds: c.seconds, clients: population.clientIds.length, entriesPerClient: population.entriesPerClient,
      entriesShown: shown, entriesWithheld: withheld, errors: http.result.errors, unavailable: http.result.unavailable,
      baselineErrors: raw.result.errors, baselineP50Ms: raw.result.p50Ms, baselineP99Ms: raw.result.p99Ms, ...http.cpu,
      baselineServerCpuMsPerOp: raw.cpu.serverCpuMsPerOp, baselineDatabaseCpuMsPerOp: raw.cpu.databaseCpuMsPerOp, loadAverage: os.loadavg()[0],
    },
  };
}
