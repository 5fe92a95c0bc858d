/**
 * Who approves a privileged role, table-driven (NEN 7510-2 A.6.1.2 segregation
 * of duties; A.9.2.3 privileged access rights; AVG 32).
 */
import { describe, expect, it } from 'vitest';
import type { EmployeeRole } from './employee-roles.js';
import { decidePendingGrantsView, decideRoleGrant, isPrivilegedRole } from './role-grant-rule.js';

const EMPLOYEE = 'employee';
const ADMIN = 'admin';

describe('decideRoleGrant', () => {
  const rows: [string, EmployeeRole, string, boolean, string][] = [
    ['a manager approves another\'s grant (second person)', 'manager', 'approver', true, 'role-grant.second-person'],
    ['the privacy officer approves another\'s grant', 'privacy-officer', 'approver', true, 'role-grant.second-person'],
    ['the administrator cannot: they asked, and they are not appointed (A.6.1.2)', 'application-administrator', ADMIN, false, 'role-grant.not-appointed'],
    ['another administrator cannot either', 'application-administrator', 'approver', false, 'role-grant.not-appointed'],
    ['a care professional cannot', 'care-professional', 'approver', false, 'role-grant.not-appointed'],
    ['administrative staff cannot', 'admin-staff', 'approver', false, 'role-grant.not-appointed'],
    ['an intern cannot', 'intern', 'approver', false, 'role-grant.not-appointed'],
    ['a manager cannot approve their own grant', 'manager', EMPLOYEE, false, 'role-grant.own-grant'],
    ['a privacy officer cannot approve their own grant', 'privacy-officer', EMPLOYEE, false, 'role-grant.own-grant'],
    ['a manager who asked for it cannot approve it', 'manager', ADMIN, false, 'role-grant.own-request'],
  ];
  for (const [name, role, approverId, allowed, rule] of rows) {
    it(name, () => {
      const decision = decideRoleGrant({ approver: { employeeId: approverId, role }, grant: { employeeId: EMPLOYEE, requestedBy: ADMIN } });
      expect(decision).toMatchObject({ allowed, rule });
      expect(decision.citations).toContain('NEN 7510-2 A.6.1.2');
      expect(decision.explanationNl.length).toBeGreaterThan(20);
    });
  }

  it('names the roles that need a second person: manager, privacy officer, application administrator', () => {
    expect((['manager', 'privacy-officer', 'application-administrator', 'care-professional', 'admin-staff', 'intern'] as const).map(isPrivilegedRole))
      .toEqual([true, true, true, false, false, false]);
  });

  it('shows the pending grants to managers and the privacy officer only', () => {
    expect((['manager', 'privacy-officer', 'application-administrator', 'care-professional'] as const).map((r) => decidePendingGrantsView(r).allowed))
      .toEqual([true, true, false, false]);
  });
});
