/** Who may break the glass (decide-emergency.ts): each row names its source. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_EMERGENCY_ROLES, decideEmergencyOpening, type EmergencyRole } from './decide-emergency.js';

const ALL: EmergencyRole[] = ['care-professional', 'intern', 'admin-staff', 'manager', 'privacy-officer'];

describe('decideEmergencyOpening', () => {
  it.each([
    ['issue 14: by default care professionals (and so the substitutes)', 'care-professional', DEFAULT_EMERGENCY_ROLES, false, false, 'allow', 'emergency.opened'],
    ['issue 14: administrative staff not by default', 'admin-staff', DEFAULT_EMERGENCY_ROLES, false, false, 'deny', 'emergency.role-not-allowed'],
    ['issue 14: the privacy officer not by default', 'privacy-officer', DEFAULT_EMERGENCY_ROLES, false, false, 'deny', 'emergency.role-not-allowed'],
    ['issue 14: an organisation may include administrative staff', 'admin-staff', ALL, false, false, 'allow', 'emergency.opened'],
    ['DOMAIN §2: the application administrator sees no clients, whatever the setting', 'application-administrator', [...ALL, 'application-administrator'], false, false, 'deny', 'emergency.application-administrator'],
    ['000: the objection to interns has no emergency exception', 'intern', ALL, true, true, 'deny', 'emergency.intern.client-objects'],
    ['000: an intern without the client\'s objection, where the organisation allows it', 'intern', ALL, true, false, 'allow', 'emergency.opened'],
    ['000: a care professional working as intern with this client is an intern', 'care-professional', ALL, true, true, 'deny', 'emergency.intern.client-objects'],
    ['000: the objection does not shut out the others', 'care-professional', DEFAULT_EMERGENCY_ROLES, false, true, 'allow', 'emergency.opened'],
  ] as const)('%s', (_source, role, allowedRoles, actsAsIntern, clientObjectsToInterns, outcome, rule) => {
    const decision = decideEmergencyOpening({ role, allowedRoles, actsAsIntern, clientObjectsToInterns });
    expect(decision.outcome).toBe(outcome);
    expect(decision.rule).toBe(rule);
    expect(decision.explanation.length).toBeGreaterThan(40);
  });
});
