/**
 * One owner per table (issue 14, "One gate"): each table is read and written by
 * the module that owns it; other modules ask that module. This test declares
 * the owner of every table the migrations create and scans every SQL string in
 * src/ for a table named outside its owner.
 *
 * The restructuring lands module by module. `STILL_CROSSING` lists the places
 * that still write SQL on another module's table; it may only shrink: a new
 * crossing fails the test, and so does a listed one that is gone (delete its
 * line, so the list stays the honest measure of what is left).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../test-support/source-files.js';

const SRC = path.resolve(import.meta.dirname, '..');
const MIGRATIONS = path.resolve(SRC, '..', 'migrations');

/** The module (directory under src/) that owns each table. */
const OWNER: Record<string, string> = {
  'audit.access_log': 'access',
  'audit.access_log_clock': 'access',
  'audit.log_restores': 'access',
  'care.client_keys': 'crypto',
  'care.competence_assessments': 'representation',
  'care.dossiers': 'dossier',
  'care.drafts': 'drafts',
  'care.emergency_summaries': 'emergency',
  'care.entries': 'dossier',
  'care.entry_annotations': 'dossier',
  'care.family_entries': 'families',
  'care.family_keys': 'families',
  'care.master_key_rotations': 'crypto',
  'care.shieldings': 'shielding',
  'care.work_notes': 'work-notes',
  'formal.care_allocations': 'clients',
  'formal.client_death_corrections': 'representation',
  'formal.client_deaths': 'representation',
  'formal.client_relations': 'representation',
  'formal.client_wishes_after_death': 'representation',
  'formal.clients': 'clients',
  'formal.data_corrections': 'clients',
  'formal.families': 'families',
  'formal.family_members': 'families',
  'formal.identity_checks': 'clients',
  'formal.time_registrations': 'clients',
  'ops.health_probe': 'http',
  'org.care_team': 'care-team',
  'org.client_access_facts': 'care-team',
  'org.complaints': 'registers',
  'org.consents': 'consents',
  'org.data_breach_clients': 'breaches',
  'org.data_breaches': 'breaches',
  'org.destruction_records': 'retention',
  'org.disclosures': 'disclosures',
  'org.download_links': 'requests',
  'org.emergency_accesses': 'emergency',
  'org.employees': 'organisation',
  'org.enrolment_links': 'organisation',
  'org.incident_retention_settings': 'registers',
  'org.incidents': 'registers',
  'org.login_challenges': 'auth',
  'org.login_throttle': 'auth',
  'org.objections': 'requests',
  'org.organisations': 'organisation',
  'org.processing_activities': 'registers',
  'org.processing_restrictions': 'requests',
  'org.prospective_clients': 'registers',
  'org.quality_audit_clients': 'registers',
  'org.quality_audits': 'registers',
  'org.recovery_codes': 'auth',
  'org.requests': 'requests',
  'org.retention_extensions': 'retention',
  'org.retention_reviews': 'retention',
  'org.retention_settings': 'retention',
  'org.role_grants': 'organisation',
  'org.sessions': 'auth',
  'org.start_agreements': 'representation',
  'org.team_members': 'organisation',
  'org.teams': 'organisation',
  'org.transfers': 'transfers',
};

/**
 * Where SQL still names another module's table, as `file: table`. Only shrinks.
 * Registries of columns across modules (the master-key rotation's sealed
 * columns, the start-up sealing of legacy free text) name no table
 * themselves: each owner declares its columns in its store, and the registry
 * imports the declarations.
 */
const STILL_CROSSING = new Set<string>([
  // Made from the scan below on 2026-12-04 (issue 14); delete lines as modules move to their owners' stores.
]);

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

async function crossings(tables: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const file of await sourceFiles(SRC)) {
    const relative = path.relative(SRC, file);
    const module = relative.split(path.sep)[0]!;
    if (EXEMPT_MODULES.has(module)) continue;
    const sql = literals(await readFile(file, 'utf8')).join('\n');
    for (const table of tables) {
      if (OWNER[table] === module) continue;
      if (new RegExp(`\\b${table.replace('.', '\\.')}\\b`).test(sql)) found.add(`${relative.split(path.sep).join('/')}: ${table}`);
    }
  }
  return [...found].sort();
}

describe('every table has one owner module (issue 14)', () => {
  it('declares an owner for every table the migrations create', async () => {
    const undeclared = (await createdTables()).filter((table) => OWNER[table] === undefined);
    expect(undeclared, 'add the new table to OWNER in src/db/table-owners.test.ts, naming the module whose store owns it').toEqual([]);
  });

  it('names no table in SQL outside its owner, except the crossings still listed (a list that only shrinks)', async () => {
    const actual = await crossings(await createdTables());
    const added = actual.filter((crossing) => !STILL_CROSSING.has(crossing));
    const gone = [...STILL_CROSSING].filter((crossing) => !actual.includes(crossing));
    expect(added, 'new SQL on another module\'s table: call the owner module\'s store instead').toEqual([]);
    expect(gone, 'these crossings are gone: delete them from STILL_CROSSING').toEqual([]);
  });
});
