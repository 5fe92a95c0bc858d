/** The roles an employee account can have (DOMAIN §2). */
export const EmployeeRole = {
  careProfessional: 'care-professional', // hulpverlener
  adminStaff: 'admin-staff', // administratief medewerker
  intern: 'intern', // stagiair
  manager: 'manager', // leidinggevende
  privacyOfficer: 'privacy-officer', // functionaris gegevensbescherming (FG)
  applicationAdministrator: 'application-administrator', // functioneel beheerder
} as const;
export type EmployeeRole = (typeof EmployeeRole)[keyof typeof EmployeeRole];
export const EMPLOYEE_ROLES = Object.values(EmployeeRole);

/** The care-team relations an employee can have with a client (care.care_team). */
export const CareRelation = { holder: 'holder', member: 'member', substitute: 'substitute', intern: 'intern' } as const;
export type CareRelation = (typeof CareRelation)[keyof typeof CareRelation];
