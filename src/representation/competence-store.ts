/**
 * The representation module's store of `care.competence_assessments` for the
 * other modules (issue 14: one owner per table).
 */
import type { LegacyTextColumn } from '../retention/legacy-text-columns.js';

/** The expert consulted for a competence assessment, in clear before migration 0037, sealed under the client's key at start-up. */
export const COMPETENCE_EXPERT: LegacyTextColumn = {
  table: 'care.competence_assessments', id: 'id', column: 'expert_consulted', ciphertext: 'expert_consulted_ciphertext', kind: 'competenceExpert',
};
