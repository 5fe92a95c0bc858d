/**
 * The representation module's store of `care.competence_assessments` (issue
 * 14: one owner per table): whether a client of 12 or over was found able to
 * weigh their interests in a matter (003 §3.1; BW 7:465). Work on a client
 * reaches the assessments through {@link competenceOf}, bound to the gate's
 * scope.
 */
import { employeeIdOf, type ClientBoundScope } from '../access/gate-scope.js';
import { txOf } from '../db/scope-tx.js';
import { EMPLOYEES } from '../organisation/employee-store.js';
import type { LegacyTextColumn } from '../retention/legacy-text-columns.js';

/** The expert consulted for a competence assessment, in clear before migration 0037, sealed under the client's key at start-up. */
export const COMPETENCE_EXPERT: LegacyTextColumn = {
  table: 'care.competence_assessments', id: 'id', column: 'expert_consulted', ciphertext: 'expert_consulted_ciphertext', kind: 'competenceExpert',
};

// The vocabulary of the table's `matter`; representation-service.ts re-exports it for the services.
export const CompetenceMatter = { dossierRights: 'dossier-rights', careConsent: 'care-consent' } as const;
export type CompetenceMatter = (typeof CompetenceMatter)[keyof typeof CompetenceMatter];

/** An assessment as stored: the expert and the facts sealed under the client's key; the assessor by name. */
export interface CompetenceRow {
  id: string; matter: CompetenceMatter; competent: boolean; assessed_on: string;
  /** In clear before migration 0037 (null once sealed at start-up). */
  expert_consulted: string | null;
  expert_consulted_ciphertext: Buffer | null; representative_relation_id: string | null; display_name: string; facts_ciphertext: Buffer;
}

/** A new assessment, sealed by the service. */
export interface NewCompetenceRow {
  id: string; matter: CompetenceMatter; competent: boolean; assessedOn: string;
  expertCiphertext: Buffer; representativeRelationId: string | null; factsCiphertext: Buffer;
}

/**
 * The competence assessments of the scope's client; a new one is recorded as made by the scope's actor.
 * @example const competent = await competenceOf(scope).isCompetent('dossier-rights');
 */
export function competenceOf(scope: ClientBoundScope) {
  const tx = txOf(scope);
  const clientId = scope.client.id;
  return {
    /** Every assessment, newest first. */
    assessments: (): Promise<CompetenceRow[]> => tx.query<CompetenceRow>(
      `SELECT a.id, a.matter, a.competent, a.assessed_on, a.expert_consulted, a.expert_consulted_ciphertext, a.representative_relation_id, e.display_name, a.facts_ciphertext
         FROM care.competence_assessments a JOIN ${EMPLOYEES} e ON e.id = a.assessed_by
        WHERE a.client_id = $1 ORDER BY a.assessed_on DESC, a.recorded_at DESC`, [clientId]),

    add: async (assessment: NewCompetenceRow): Promise<void> => {
      await tx.query(
        // The expert is a person's name: sealed under the client's key like the facts (migration 0037).
        `INSERT INTO care.competence_assessments (id, client_id, matter, competent, assessed_on, expert_consulted_ciphertext, representative_relation_id, assessed_by, facts_ciphertext)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [assessment.id, clientId, assessment.matter, assessment.competent, assessment.assessedOn, assessment.expertCiphertext,
          assessment.representativeRelationId, employeeIdOf(scope), assessment.factsCiphertext]);
    },

    /** Whether the latest assessment for `matter` found the client competent; true when none was made (the law presumes it). */
    isCompetent: async (matter: CompetenceMatter): Promise<boolean> => (await tx.query<{ competent: boolean }>(
      'SELECT competent FROM care.competence_assessments WHERE client_id = $1 AND matter = $2 ORDER BY assessed_on DESC, recorded_at DESC LIMIT 1',
      [clientId, matter]))[0]?.competent ?? true,
  };
}

/**
 * The latest assessment of competence for care consent of each of the given clients of the caller's caseload: one
 * query for the whole caseload's signals (issue 15 item 9); a client without one is absent (competent is presumed).
 */
export function careCompetenceOfClients(scope: Parameters<typeof txOf>[0], clientIds: readonly string[]): Promise<{ client_id: string; competent: boolean }[]> {
  return txOf(scope).query<{ client_id: string; competent: boolean }>(
    `SELECT DISTINCT ON (client_id) client_id, competent FROM care.competence_assessments
      WHERE client_id = ANY($1::uuid[]) AND matter = 'care-consent' ORDER BY client_id, assessed_on DESC, recorded_at DESC`, [[...clientIds]]);
}
