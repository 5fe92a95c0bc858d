/**
 * The client portal's demo (issue 19, item 8): a fictional young person of 14,
 * Sara, with an agreement at the start of care that her conversation reports
 * are not shared with her parents and a passage shielded from her mother; her
 * mother (custody) and her father (no custody) — each with a portal account.
 * Made through the gate as the demo holder would, inside the demo seed's one
 * transaction (seed-demo.ts calls `seedPortalDemo` with one line);
 * `portalDemoLogins` gives `start` their log-ins to print beside the staff's.
 * The entries are released to the portal at once (the holder's act), so the
 * demo shows them without waiting the organisation's release days.
 */
import { enter, type RequestContext } from '../access/gate.js';
import { hashPassword } from '../auth/passwords.js';
import { newTotpSecret, totpUri } from '../auth/totp.js';
import { registerClient } from '../clients/clients-service.js';
import type { Database } from '../db/database.js';
import { addEntry, type NewEntry } from '../dossier/dossier-service.js';
import { partOfEntryKind } from '../dossier/entry-kinds.js';
import { addToCareTeam } from '../organisation/organisation-service.js';
import { insertPortalAccountWithCredentials, portalAccountByUsername } from '../portal/portal-account-store.js';
import { decideEntryRelease } from '../portal/release/release-service.js';
import { openPortalTotpSecret, sealPortalTotpSecret } from '../portal/portal-second-factor.js';
import { addAgreement, addRelation } from '../representation/representation-service.js';
import { addShielding } from '../shielding/shielding-service.js';
import { addDays, formatIsoDate, toCalendarDate } from '../rules/calendar.js';
import { calendarDate } from '../shared/calendar-date.js';

/** The demo portal users, in the shape `start` prints the staff's (e2e/support.ts reads `demo.<name> … TOTP <secret>`). */
export const PORTAL_DEMO_USERS = [
  { username: 'demo.jongere', displayName: 'Sara Demo-Mulder', who: 'jongere (14)' },
  { username: 'demo.moeder', displayName: 'Mirjam Demo-Mulder', who: 'moeder (gezag)' },
  { username: 'demo.vader', displayName: 'Karim Demo-Haddad', who: 'vader (geen gezag)' },
] as const;

const SHIELDED = 'Sara vertelde dat ze soms bij haar vader slaapt zonder dat haar moeder het weet.';

function birthDateFor14(today: string): string {
  // Fourteen today, her fifteenth birthday months away: born on 1 March, or 1 December when that keeps her 14.
  const year = Number(today.slice(0, 4)) - 14;
  return today.slice(5) >= '03-01' ? `${year}-03-01` : `${year - 1}-12-01`;
}

/** Adds Sara, her parents, her dossier and the three portal accounts (the demo seed's transaction; the holder's `ctx`). */
export async function seedPortalDemo(db: Database, masterKey: Buffer, ctx: RequestContext, colleagueId: string, password: string): Promise<void> {
  const now = ctx.now;
  const today = calendarDate(now);
  const on = (days: number) => formatIsoDate(addDays(toCalendarDate(today, 'today'), -days));
  const birthDate = birthDateFor14(today);
  const clientId = await enter(db, ctx, { kind: 'new-client', born: birthDate }, 'register', async (scope) => (await registerClient(scope, masterKey, {
    familyName: 'Demo-Mulder', givenNames: 'Sara', gender: 'female', birthDate, streetAddress: 'Voorbeeldlaan 14', postcode: '1234 CD', town: 'Demodorp',
    identityCheck: { documentType: 'identity-card', checkedAt: now.toISOString() }, careStartedOn: on(200),
  })).clientId);
  await addToCareTeam(db, clientId, colleagueId, 'substitute', today);
  const client = { kind: 'client' as const, clientId };
  const mother = await enter(db, ctx, client, { action: 'record-custody', part: 'administrative-data' }, (scope) => addRelation(scope, {
    relation: 'parent', hasCustody: true, custodyKind: 'single-headed-parental', custodyEstablishedBy: 'by-law-mother',
    familyName: 'Demo-Mulder', givenNames: 'Mirjam', establishedHow: 'gezagsregister geraadpleegd (demo)', validFrom: on(200),
  }));
  const father = await enter(db, ctx, client, { action: 'register-relation', part: 'administrative-data' }, (scope) => addRelation(scope, {
    relation: 'parent', hasCustody: false, familyName: 'Demo-Haddad', givenNames: 'Karim', establishedHow: 'geboorteakte (demo)', validFrom: on(200),
  }));
  await enter(db, ctx, client, { action: 'make-agreement', part: 'dossier' }, (scope) => addAgreement(scope, 'no-conversation-reports-to-parents', on(200)));
  const entries: NewEntry[] = [
    { kind: 'plan', title: 'Plan van aanpak', occurredOn: on(190), source: { kind: 'care-professional' }, statementType: 'opinion',
      text: 'Fictief plan. Doel 1: Sara gaat weer elke dag naar school. Doel 2: minder ruzie thuis. Evaluatie na een half jaar.' },
    { kind: 'conversation-report', title: 'Gesprek met Sara', occurredOn: on(60), source: { kind: 'client' }, statementType: 'fact',
      text: 'Fictief gespreksverslag: Sara vertelt over school, vriendinnen en wat ze lastig vindt thuis. Afgesproken dat dit verslag niet naar haar ouders gaat.' },
    { kind: 'evaluation', title: 'Evaluatie van het plan', occurredOn: on(20), source: { kind: 'care-professional' }, statementType: 'opinion',
      text: `Fictieve evaluatie: doel 1 behaald, doel 2 deels. ${SHIELDED} Het plan loopt een half jaar door.` },
  ];
  for (const entry of entries) {
    const added = await enter(db, ctx, client, { action: 'record', part: partOfEntryKind(entry.kind) }, (scope) => addEntry(scope, masterKey, 1024 * 1024, entry));
    if (entry.kind === 'evaluation') {
      const start = entry.text.indexOf(SHIELDED);
      await enter(db, ctx, client, { action: 'shield', part: 'dossier' }, (scope) => addShielding(scope, masterKey, added, {
        kind: 'shielded-from', shieldedFrom: [mother], passage: { start, end: start + SHIELDED.length },
        reason: 'Fictief: wat Sara vertelde over haar vader, afgeschermd voor haar moeder om een conflict te voorkomen.',
      }));
    }
    await enter(db, ctx, client, { action: 'release-to-portal', part: 'dossier' }, (scope) => decideEntryRelease(scope, masterKey, added.id, { decision: 'release' }));
  }
  const passwordHash = await hashPassword(password);
  const people: [string, string | null][] = [['demo.jongere', null], ['demo.moeder', mother], ['demo.vader', father]];
  for (const [username, relationId] of people) {
    const secret = newTotpSecret();
    await insertPortalAccountWithCredentials(db, {
      organisationId: ctx.actor.organisationId, clientId, relationId, createdBy: ctx.actor.employeeId, username, passwordHash,
      sealTotp: (id) => sealPortalTotpSecret(masterKey, id, secret), now,
    });
  }
}

/** The demo portal users' log-ins (TOTP secrets opened), for `start` to print; none when the demo has no portal accounts. */
export async function portalDemoLogins(db: Database, masterKey: Buffer): Promise<{ username: string; displayName: string; who: string; secret: string; otpauthUri: string }[]> {
  const logins = [];
  for (const user of PORTAL_DEMO_USERS) {
    const account = await portalAccountByUsername(db, user.username);
    if (account === undefined) continue;
    const secret = openPortalTotpSecret(masterKey, account.id, account.totp_secret);
    logins.push({ ...user, secret, otpauthUri: totpUri(secret, user.username) });
  }
  return logins;
}
