/**
 * Who reviews an emergency access. The review is the check on the one who
 * broke the glass, so it must be independent (AVG 38(6): no conflict of
 * interests): the privacy officer reviews everyone's emergency access except
 * a privacy officer's own, which goes to a manager — with one privacy officer
 * in the organisation, nobody else could judge it. Nobody reviews their own.
 * An appointment within the organisation, like the log review
 * (access/policy.ts), so it is decided here rather than in src/rules.
 */
import { AccessBasis } from '../access/access-log.js';
import type { PolicyDecision } from '../access/policy.js';
import type { EmployeeRole } from '../organisation/employee-roles.js';
import { Citation } from '../rules/citations.js';

const CITATIONS: readonly Citation[] = [Citation.avg_38, Citation.avg_39, Citation.avg_32];

/** Whose emergency accesses a reviewer sees: the privacy officer everyone's but a privacy officer's; a manager only a privacy officer's. */
export type ReviewQueue = 'all-but-privacy-officers' | 'privacy-officers';

export function reviewQueueOf(role: EmployeeRole): ReviewQueue | undefined {
  switch (role) {
    case 'privacy-officer':
      return 'all-but-privacy-officers';
    case 'manager':
      return 'privacy-officers';
    case 'care-professional':
    case 'intern':
    case 'admin-staff':
    case 'application-administrator':
      return undefined;
  }
}

/** Whether this role has an emergency review queue at all. */
export function decideEmergencyReviewQueue(role: EmployeeRole): PolicyDecision {
  const queue = reviewQueueOf(role);
  return queue === undefined
    ? {
        allowed: false, basis: AccessBasis.none, citations: CITATIONS,
        explanationNl: 'Noodtoegang wordt beoordeeld door de functionaris gegevensbescherming, en noodtoegang van de functionaris zelf door een leidinggevende. Met uw functie beoordeelt u geen noodtoegang.',
        explanationEn: 'Emergency access is reviewed by the privacy officer, and the privacy officer\'s own by a manager; your role reviews none.',
        rule: 'emergency-review.not-appointed',
      }
    : {
        allowed: true, basis: AccessBasis.legalDuty, citations: CITATIONS,
        explanationNl: queue === 'privacy-officers'
          ? 'Een leidinggevende beoordeelt de noodtoegang van de functionaris gegevensbescherming.'
          : 'De functionaris gegevensbescherming beoordeelt noodtoegang.',
        explanationEn: 'Allowed.',
        rule: `emergency-review.${queue}`,
      };
}

/**
 * Whether this reviewer may judge this grant: not their own, and a privacy
 * officer's only by a manager, anyone else's only by the privacy officer.
 * Returns the refusal, or undefined when allowed.
 */
export function emergencyReviewRefusal(reviewer: { id: string; role: EmployeeRole }, grant: { employeeId: string; employeeRole: string }): { nl: string; en: string } | undefined {
  if (reviewer.id === grant.employeeId) {
    return {
      nl: 'U heeft deze noodtoegang zelf gebruikt. Een beoordeling moet onafhankelijk zijn: iemand anders beoordeelt of uw noodtoegang terecht was.',
      en: 'You used this emergency access yourself. A review must be independent: someone else judges whether your emergency access was justified.',
    };
  }
  const wanted: ReviewQueue = grant.employeeRole === 'privacy-officer' ? 'privacy-officers' : 'all-but-privacy-officers';
  if (reviewQueueOf(reviewer.role) === wanted) return undefined;
  return wanted === 'privacy-officers'
    ? {
        nl: 'Deze noodtoegang gebruikte een functionaris gegevensbescherming. Die beoordeelt een leidinggevende, zodat de beoordeling onafhankelijk is.',
        en: 'A privacy officer used this emergency access; a manager reviews it, so the review is independent.',
      }
    : {
        nl: 'Deze noodtoegang beoordeelt de functionaris gegevensbescherming.',
        en: 'The privacy officer reviews this emergency access.',
      };
}

export const EMERGENCY_REVIEW_CITATIONS = CITATIONS;
