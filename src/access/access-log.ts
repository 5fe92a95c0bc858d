/**
 * The access log (NEN 7513): one row per read or change of client data,
 * allowed or refused, written in the same transaction as what it records.
 * The table refuses UPDATE, DELETE and TRUNCATE (migrations/0001), and each
 * row is hash-chained to the one before it by an INSERT trigger
 * (migrations/0003; verified by verify-log.ts against log-checkpoints.ts).
 *
 * This module is the log's vocabulary: what a row says. The gate builds the
 * rows (gate-log.ts) and the store writes them (access-log-store.ts,
 * `appendAccessLog`).
 */
import type { Citation } from '../rules/citations.js';

export const AccessOutcome = { allowed: 'allowed', denied: 'denied', notFound: 'not-found' } as const;
export type AccessOutcome = (typeof AccessOutcome)[keyof typeof AccessOutcome];

/** Grondslag: on what basis the access happened (NEN 7513 "basis of access"). */
export const AccessBasis = {
  careRelation: 'care-relation',
  administrativeTask: 'administrative-task',
  managementPurpose: 'management-purpose',
  emergency: 'emergency',
  consent: 'consent',
  legalDuty: 'legal-duty',
  authorOwnNote: 'author',
  none: 'none',
} as const;
export type AccessBasis = (typeof AccessBasis)[keyof typeof AccessBasis];

export interface AccessLogRow {
  organisationId: string;
  employeeId: string | null;
  actingForId?: string | null;
  employeeRole: string | null;
  clientId: string | null;
  action: string;
  part: string;
  outcome: AccessOutcome;
  basis: AccessBasis;
  purpose?: string | null;
  /** The record the purpose names (a complaint, incident, audit or procedure hold; migrations/0050). */
  purposeReference?: string | null;
  /** The articles the decision rests on, from the catalogue (rows written before it may hold other text: read them as strings). */
  citations?: readonly Citation[];
  entryIds?: readonly string[];
  route: string;
  sessionId: string | null;
  address: string | null;
}
