/**
 * Releasing entries to the client portal (issue 19 item 2): the rule (rules/decide-portal-release.ts) applied to
 * the dossier's entries, the organisation's number of days and the release records (migration 0075). The holder
 * releases an entry earlier or withholds it on a ground of the law; everything else follows from the days.
 *
 * Read by both sides: the professional's timeline shows per entry from when it is in the portal, and the portal's
 * dossier view (portal-dossier.ts) shows only what is released, with the reason beside what is withheld.
 */
import { randomUUID } from 'node:crypto';
import { Type } from 'typebox';
import type { ClientScope } from '../../access/client-access.js';
import { dataKeyOf } from '../../crypto/client-keys.js';
import { encryptJson } from '../../crypto/envelope.js';
import { entriesOf } from '../../dossier/dossier-store.js';
import { badRequest, forbidden, notFound } from '../../errors.js';
import { decidePortalRelease, decideWithholding, WITHHOLD_GROUND_LABEL, type ReleaseDecision, type ReleaseRecord, type WithholdGround } from '../../rules/decide-portal-release.js';
import { dateInWords } from '../../rules/index.js';
import { calendarDate } from '../../shared/calendar-date.js';
import { releasesOf, recordRelease, type ReleaseRow } from './release-store.js';

type BoundScope = Parameters<typeof releasesOf>[0];

export const SealedWithholdReason = Type.Object({ reason: Type.String() });

/** The release records per entry, in the order recorded, as the rule reads them. */
function recordsByEntry(rows: readonly ReleaseRow[]): Map<string, ReleaseRecord[]> {
  const byEntry = new Map<string, ReleaseRecord[]>();
  for (const r of rows) {
    const on = calendarDate(r.recorded_at);
    const record: ReleaseRecord = r.decision === 'withhold' && r.ground !== null ? { kind: 'withhold', on, ground: r.ground } : { kind: 'release', on };
    byEntry.set(r.entry_id, [...(byEntry.get(r.entry_id) ?? []), record]);
  }
  return byEntry;
}

/**
 * The portal release of every entry given, today: the rule's decision per entry id.
 * @example const decide = await releaseDecider(scope); decide({ id, recordedAt }).state // 'waiting'
 */
export async function releaseDecider(scope: BoundScope): Promise<{ days: number; decide: (entry: { id: string; recordedAt: string | Date }) => ReleaseDecision; rows: ReleaseRow[] }> {
  const store = releasesOf(scope);
  const [rows, days] = [await store.all(), await store.releaseDays()];
  const byEntry = recordsByEntry(rows);
  const today = calendarDate(scope.now);
  return {
    days, rows,
    decide: (entry) => decidePortalRelease({
      recordedOn: calendarDate(typeof entry.recordedAt === 'string' ? new Date(entry.recordedAt) : entry.recordedAt),
      records: byEntry.get(entry.id) ?? [], releaseDays: days, today,
    }),
  };
}

/** One entry's portal release as the professional's timeline shows it. */
export interface EntryRelease {
  entryId: string;
  state: ReleaseDecision['state'];
  visibleFrom: string | null;
  /** Dutch (B1): 'Zichtbaar in portaal vanaf 15 december 2026', 'In portaal sinds …', 'Achtergehouden: …'. */
  text: string;
  ground: WithholdGround | null;
  /** Who decided the latest release or withholding, and the colleague consulted (serious harm); null when it follows the days. */
  decidedBy: string | null;
  consulted: string | null;
}

/** The portal release of every entry of the dossier, newest entry first, with the organisation's days. */
export async function entryReleases(scope: ClientScope): Promise<{ releaseDays: number; releases: EntryRelease[] }> {
  const { days, decide, rows } = await releaseDecider(scope);
  const latest = new Map<string, ReleaseRow>();
  for (const r of rows) latest.set(r.entry_id, r);
  const entries = await entriesOf(scope).rows({});
  return {
    releaseDays: days,
    releases: entries.map((e) => {
      const decision = decide({ id: e.id, recordedAt: e.recorded_at });
      const last = latest.get(e.id);
      const text = decision.state === 'withheld'
        ? `Niet in het portaal: achtergehouden om ${WITHHOLD_GROUND_LABEL[decision.ground!]}`
        : decision.state === 'released'
          ? `In het portaal sinds ${dateInWords(decision.visibleFrom!)}`
          : `Zichtbaar in portaal vanaf ${dateInWords(decision.visibleFrom!)}`;
      return {
        entryId: e.id, state: decision.state, visibleFrom: decision.visibleFrom, text, ground: decision.ground,
        decidedBy: last?.recorded_by_name ?? null, consulted: last?.decision === 'withhold' ? last.consulted_name : null,
      };
    }),
  };
}

export type ReleaseBody =
  | { decision: 'release' }
  | { decision: 'withhold'; ground: WithholdGround; consultedEmployeeId?: string; reason: string };

/**
 * Records the holder's release or withholding of one entry (the gate decided the act). Withholding for serious harm
 * names the colleague consulted (Jeugdwet 7.3.2 lid 4): an active employee of the organisation other than the holder.
 */
export async function decideEntryRelease(scope: ClientScope, masterKey: Buffer, entryId: string, body: ReleaseBody): Promise<EntryRelease> {
  if (!(await entriesOf(scope).exists(entryId))) {
    throw notFound('Deze dossierregel bestaat niet in dit dossier.', 'This entry does not exist in this dossier.');
  }
  const id = randomUUID();
  if (body.decision === 'release') {
    await recordRelease(scope, { id, entryId, decision: 'release', ground: null, consultedEmployeeId: null, reasonCiphertext: null });
  } else {
    const consulted = body.consultedEmployeeId;
    if (consulted !== undefined) {
      const colleague = consulted === scope.actor.employeeId ? undefined : await releasesOf(scope).colleague(consulted);
      if (colleague === undefined) {
        throw badRequest('unknown-employee', 'consultedEmployeeId',
          'Noem een andere hulpverlener van de organisatie die u hebt geraadpleegd, niet uzelf.',
          'Name another professional of the organisation whom you consulted, not yourself.');
      }
    }
    const rule = decideWithholding({ ground: body.ground, consultedAnother: consulted !== undefined });
    if (!rule.allowed) {
      throw badRequest('consulted-professional-required', 'consultedEmployeeId', rule.explanation,
        'Withholding for serious harm needs another professional consulted first (Jeugdwet 7.3.2 lid 4).');
    }
    const key = await dataKeyOf(scope, masterKey);
    await recordRelease(scope, {
      id, entryId, decision: 'withhold', ground: body.ground, consultedEmployeeId: consulted ?? null,
      reasonCiphertext: encryptJson(key, { reason: body.reason }, `portal-release:${id}`),
    });
  }
  scope.touch([entryId]);
  const release = (await entryReleases(scope)).releases.find((r) => r.entryId === entryId);
  if (release === undefined) throw forbidden('Deze dossierregel is niet meer te vinden.', 'The entry is gone.');
  return release;
}
