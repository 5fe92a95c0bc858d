/**
 * "Namens": administrative staff record relations, custody and consents only for a professional involved in the
 * client's care (004 C) — some acts only for the dossier holder. The choice is sent as the acting-for header
 * (src/access/, checked by the gate against the care team) and told to the engine in the browser, so the form
 * shows once the engine allows it. Other roles act on their own responsibility: no choice, no header.
 */
import { ActingFor } from '../../../../src/rules/acts.js';
import { Select } from '../../shared/components';
import type { Me } from '../auth/Login';
import { involvedProfessionals, type CareTeamMember } from './care-team';

/** The header the gate reads (src/access/gate-scope.ts, ACTING_FOR_HEADER). */
const ACTING_FOR_HEADER = 'x-dossierwijzer-acting-for';

export interface ActingForChoice {
  /** The employee acted for; '' while none is chosen. */
  employeeId: string;
  /** What the engine is told: nobody, an involved professional, or the holder. */
  actingFor: ActingFor;
  /** The headers to send with the act. */
  headers: Record<string, string>;
}

export const NOBODY: ActingForChoice = { employeeId: '', actingFor: ActingFor.nobody, headers: {} };

export function choiceOf(team: readonly CareTeamMember[], employeeId: string): ActingForChoice {
  const person = involvedProfessionals(team).find((p) => p.id === employeeId);
  if (person === undefined) return NOBODY;
  return { employeeId, actingFor: person.holder ? ActingFor.holder : ActingFor.involved, headers: { [ACTING_FOR_HEADER]: employeeId } };
}

/** The "namens" choice, shown to administrative staff only. */
export function ActingForSelect({ me, team, value, onChange, label = 'Namens wie legt u dit vast?' }: {
  me: Me; team: readonly CareTeamMember[] | undefined; value: ActingForChoice; onChange: (choice: ActingForChoice) => void; label?: string;
}) {
  if (me.role !== 'admin-staff' || team === undefined) return null;
  const options: [string, string][] = involvedProfessionals(team).map((p) => [p.id, p.holder ? `${p.name}, dossierhouder` : p.name]);
  return (
    <Select
      label={label}
      value={value.employeeId}
      onChange={(id) => onChange(choiceOf(team, id))}
      options={options}
      allowEmpty="Kies de hulpverlener"
      hint="U werkt als administratief medewerker altijd namens een hulpverlener die bij de hulp betrokken is."
    />
  );
}
