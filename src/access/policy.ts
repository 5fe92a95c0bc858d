/**
 * The access policy for employees: translates who the employee is (role,
 * care relation) and what they ask into the rules engine's vocabulary, and
 * the engine's answer into what the access layer needs (allowed, basis for
 * the log, citations and the Dutch explanation). No legal condition lives
 * here; they live in src/rules.
 */
import type { CareRelation, EmployeeRole } from '../organisation/employee-roles.js';
import type { AccessBasis } from './access-log.js';

/** What an employee wants to do with a client's data. */
export const AccessAction = { read: 'read', record: 'record', register: 'register' } as const;
export type AccessAction = (typeof AccessAction)[keyof typeof AccessAction];

export interface AccessIntent {
  action: AccessAction;
  /** The part of the dossier, in the rules engine's words ('dossier', 'administrative-data', …). */
  part: string;
  purpose?: string;
}

export interface EmployeeAccessFacts {
  role: EmployeeRole;
  relation: CareRelation | undefined;
  intent: AccessIntent;
  clientBorn: string | undefined;
  today: string;
}

export interface PolicyDecision {
  allowed: boolean;
  basis: AccessBasis;
  citations: readonly string[];
  explanationNl: string;
  explanationEn: string;
}

/** Decides an employee's access through the rules engine. */
export function decideEmployeeAccess(facts: EmployeeAccessFacts): PolicyDecision {
  // Provisional until the rules engine lands (issue 3): care relation or administrative task.
  if (facts.intent.action === 'register') {
    const allowed = facts.role === 'care-professional' || facts.role === 'admin-staff';
    return { allowed, basis: allowed ? 'administrative-task' : 'none', citations: ['Jeugdwet 7.3.8'], explanationNl: allowed ? 'U mag cliënten inschrijven.' : 'Uw rol mag geen cliënten inschrijven.', explanationEn: allowed ? 'You may register clients.' : 'Your role may not register clients.' };
  }
  if (facts.relation !== undefined) {
    return { allowed: true, basis: 'care-relation', citations: ['Jeugdwet 7.3.11'], explanationNl: 'U hoort bij het zorgteam.', explanationEn: 'You are in the care team.' };
  }
  if (facts.role === 'admin-staff' && facts.intent.part === 'administrative-data') {
    return { allowed: true, basis: 'administrative-task', citations: [], explanationNl: 'Administratieve taak.', explanationEn: 'Administrative task.' };
  }
  return { allowed: false, basis: 'none', citations: ['Jeugdwet 7.3.11'], explanationNl: 'U heeft geen behandelrelatie met deze cliënt.', explanationEn: 'You have no care relation with this client.' };
}
