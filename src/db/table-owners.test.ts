/**
 * One owner per table (issue 14, "One gate"): each table is read and written by
 * one store (`*-store.ts`) of the module that owns it; services and other
 * modules ask that store. This test declares the owner store of every table the
 * migrations create and scans every SQL string in src/ for a table named
 * outside it.
 *
 * The restructuring landed module by module, measured by lists that could
 * only shrink: SQL on another module's table (empty on 2026-12-04), then SQL
 * beside the owner store in its own module (empty on 2026-12-05). Both lists
 * are gone; a naming outside the owner store now fails outright.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../test-support/source-files.js';

const SRC = path.resolve(import.meta.dirname, '..');
const MIGRATIONS = path.resolve(SRC, '..', 'migrations');

/** The store (file under src/) that owns each table: the only file whose SQL may name it. */
const OWNER: Record<string, string> = {
  'audit.access_log': 'access/access-log-store.ts',
  'audit.access_log_clock': 'access/access-log-store.ts',
  'audit.log_restores': 'access/access-log-store.ts',
  'care.client_keys': 'crypto/client-key-store.ts',
  'care.competence_assessments': 'representation/competence-store.ts',
  'care.dossiers': 'dossier/dossier-store.ts',
  'care.drafts': 'drafts/draft-store.ts',
  'care.emergency_summaries': 'emergency/emergency-store.ts',
  'care.entries': 'dossier/dossier-store.ts',
  'care.entry_annotations': 'dossier/dossier-store.ts',
  'care.family_entries': 'families/family-store.ts',
  'care.family_keys': 'families/family-store.ts',
  'care.message_attachments': 'portal/messages/message-store.ts',
  'care.message_reads': 'portal/messages/message-store.ts',
  'care.messages': 'portal/messages/message-store.ts',
  'care.master_key_rotations': 'crypto/master-key-rotation-store.ts',
  'care.portal_releases': 'portal/release/release-store.ts',
  'care.shieldings': 'shielding/shielding-store.ts',
  'care.work_notes': 'work-notes/work-note-store.ts',
  'formal.care_allocations': 'clients/client-store.ts',
  'formal.client_death_corrections': 'representation/death-store.ts',
  'formal.client_deaths': 'representation/death-store.ts',
  'formal.client_relations': 'representation/relation-store.ts',
  'formal.client_wishes_after_death': 'representation/death-store.ts',
  'formal.clients': 'clients/client-store.ts',
  'formal.data_corrections': 'clients/client-store.ts',
  'formal.families': 'families/family-store.ts',
  'formal.family_members': 'families/family-store.ts',
  'formal.identity_checks': 'clients/client-store.ts',
  'formal.time_registrations': 'clients/client-store.ts',
  'ops.health_probe': 'http/health-store.ts',
  'org.care_team': 'care-team/care-team-store.ts',
  'org.client_access_facts': 'care-team/care-team-store.ts',
  'org.complaints': 'registers/register-store.ts',
  'org.consents': 'consents/consent-store.ts',
  'org.data_breach_clients': 'breaches/breach-store.ts',
  'org.data_breaches': 'breaches/breach-store.ts',
  'org.destruction_records': 'retention/retention-store.ts',
  'org.disclosures': 'disclosures/disclosure-store.ts',
  'org.download_links': 'requests/download-link-store.ts',
  'org.emergency_accesses': 'emergency/emergency-store.ts',
  'org.employees': 'organisation/employee-store.ts',
  'org.message_notification_addresses': 'portal/messages/message-store.ts',
  'org.enrolment_links': 'organisation/employee-store.ts',
  'org.export_progress': 'exports/export-progress-store.ts',
  'org.incident_retention_settings': 'registers/register-store.ts',
  'org.incidents': 'registers/register-store.ts',
  'org.login_challenges': 'auth/login-challenge-store.ts',
  'org.login_throttle': 'auth/login-throttle-store.ts',
  'org.objections': 'requests/restriction-store.ts',
  'org.organisations': 'organisation/employee-store.ts',
  'org.portal_accounts': 'portal/portal-account-store.ts',
  'org.portal_invitations': 'portal/portal-account-store.ts',
  'org.portal_login_challenges': 'portal/portal-session-store.ts',
  'org.portal_oidc_pending': 'portal/portal-oidc-store.ts',
  'org.portal_sessions': 'portal/portal-session-store.ts',
  'org.processing_activities': 'registers/register-store.ts',
  'org.processing_restrictions': 'requests/restriction-store.ts',
  'org.prospective_clients': 'registers/register-store.ts',
  'org.quality_audit_clients': 'registers/register-store.ts',
  'org.quality_audits': 'registers/register-store.ts',
  'org.recovery_codes': 'auth/recovery-code-store.ts',
  'org.requests': 'requests/request-store.ts',
  'org.retention_extensions': 'retention/retention-store.ts',
  'org.retention_reviews': 'retention/retention-store.ts',
  'org.retention_settings': 'retention/retention-store.ts',
  'org.role_grants': 'organisation/employee-store.ts',
  'org.sessions': 'auth/session-store.ts',
  'org.start_agreements': 'representation/agreement-store.ts',
  'org.team_members': 'organisation/employee-store.ts',
  'org.teams': 'organisation/employee-store.ts',
  'org.transfers': 'transfers/transfer-store.ts',
};

/** Tests, test support and the measuring tools (bench, fuzz, crash) may set up and inspect any table. */
const EXEMPT_MODULES = new Set(['test-support', 'bench', 'fuzz', 'crash']);

async function createdTables(): Promise<string[]> {
  const tables = new Set<string>();
  for (const name of (await readdir(MIGRATIONS)).filter((n) => n.endsWith('.sql'))) {
    const sql = await readFile(path.join(MIGRATIONS, name), 'utf8');
    for (const match of sql.matchAll(/CREATE TABLE (?:IF NOT EXISTS )?([a-z_]+\.[a-z_]+)/g)) tables.add(match[1]!);
  }
  return [...tables].sort();
}

/** The string literals of a file (where SQL lives), comments left out. */
function literals(text: string): string[] {
  const withoutComments = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return withoutComments.match(/`[^`]*`|'[^'\n]*'/g) ?? [];
}

/** Every `file: table` where a file's SQL names a table the file does not own. */
async function namings(tables: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const file of await sourceFiles(SRC)) {
    const relative = path.relative(SRC, file).split(path.sep).join('/');
    if (EXEMPT_MODULES.has(relative.split('/')[0]!)) continue;
    const sql = literals(await readFile(file, 'utf8')).join('\n');
    for (const table of tables) {
      if (OWNER[table] === relative) continue;
      if (new RegExp(`\\b${table.replace('.', '\\.')}\\b`).test(sql)) found.add(`${relative}: ${table}`);
    }
  }
  return [...found].sort();
}

const moduleOf = (fileOrStore: string): string => fileOrStore.split('/')[0]!;

describe('every table has one owner store (issue 14)', () => {
  it('declares an owner store for every table the migrations create', async () => {
    const undeclared = (await createdTables()).filter((table) => OWNER[table] === undefined);
    expect(undeclared, 'add the new table to OWNER in src/db/table-owners.test.ts, naming the store that owns it').toEqual([]);
  });

  it('names no table in SQL outside its owner store', async () => {
    const found = await namings(await createdTables());
    const crossing = found.filter((naming) => moduleOf(naming.split(': ')[0]!) !== moduleOf(OWNER[naming.split(': ')[1]!]!));
    expect(crossing, 'SQL on another module\'s table: call the owner module\'s store instead').toEqual([]);
    expect(found, 'SQL outside the table\'s owner store: move it into the store (see OWNER)').toEqual([]);
  });
});
