/**
 * "Uitnodigen voor het cliëntportaal" (issue 19 item 1): after checking the invitee's identity document, a professional
 * of the care team invites the client (from 12) or a registered relation and hands over the one-time link shown here
 * once. Only whom the engine lets do the act `invite-to-portal` gets the form; anyone else the engine's reason instead.
 * Whether the person may be invited is the engine's answer too (403 with its explanation, shown as the problem).
 */
import { useState } from 'react';
import { get, post } from '../../shared/api';
import { ProblemBox, useLoad, useSubmit } from '../../shared/components';
import { Act } from '../../../../src/rules/acts.js';
import type { ClientDetail } from '../../shared/client-detail';
import { mayDo } from '../../shared/permissions';
import type { Me } from '../auth/Login';
import { NotYours } from '../requests/RequestActions';

interface PortalAccount { accountId: string; relationId: string | null; name: string; state: string; stateText: string }
interface Invitation { link: string; expiresOnText: string; explanation: string }

const DOCUMENTS = [['identity-card', 'Identiteitskaart'], ['passport', 'Paspoort'], ['driving-licence', 'Rijbewijs'], ['residence-permit', 'Verblijfsdocument'], ['other', 'Ander document']] as const;

export function PortalInvitationCard({ client, me }: { client: ClientDetail; me: Me }) {
  const may = mayDo(me, client, Act.inviteToPortal);
  const accounts = useLoad(() => get<{ accounts: PortalAccount[] }>(`/api/clients/${client.id}/portal-accounts`).then((a) => a.accounts), [client.id]);
  const [who, setWho] = useState('client');
  const [documentType, setDocumentType] = useState<string>('identity-card');
  const [checked, setChecked] = useState(false);
  const [invitation, setInvitation] = useState<Invitation>();
  const invite = useSubmit(() => post<Invitation>(`/api/clients/${client.id}/portal-invitations`, {
    relationId: who === 'client' ? null : who, identityCheck: { documentType },
  }), (result) => {
    setInvitation(result);
    accounts.reload();
  });
  if (may.outcome !== 'allow') {
    // No form, but the engine's reason (an intern, administrative staff for someone else's client).
    return (
      <section className="card" aria-labelledby="portal-invite-title" data-testid="portal-invite-card">
        <h2 id="portal-invite-title">Uitnodigen voor het cliëntportaal</h2>
        <NotYours title="Iemand uitnodigen" decision={may} />
      </section>
    );
  }
  const current = client.relations.filter((r) => r.validTo === null);
  return (
    <section className="card" aria-labelledby="portal-invite-title" data-testid="portal-invite-card">
      <h2 id="portal-invite-title">Uitnodigen voor het cliëntportaal</h2>
      <ProblemBox problem={accounts.problem} />
      {accounts.data !== undefined && accounts.data.length > 0 && (
        <ul data-testid="portal-accounts">
          {accounts.data.map((a) => <li key={a.accountId}>{a.name}: {a.stateText}</li>)}
        </ul>
      )}
      <form onSubmit={(e) => void invite.submit(e)}>
        <p className="hint">Controleer eerst een identiteitsbewijs van wie u uitnodigt. Geef de link daarna persoonlijk of via een veilige weg door: hij werkt één keer en zeven dagen lang.</p>
        <label>Wie nodigt u uit?
          <select value={who} onChange={(e) => setWho(e.target.value)}>
            <option value="client">De cliënt zelf</option>
            {current.map((r) => <option key={r.id} value={r.id}>{r.givenNames} {r.familyName}</option>)}
          </select>
        </label>
        <label>Gecontroleerd document
          <select value={documentType} onChange={(e) => setDocumentType(e.target.value)}>
            {DOCUMENTS.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        </label>
        <label><input type="checkbox" checked={checked} onChange={(e) => setChecked(e.target.checked)} /> Ik heb de identiteit gecontroleerd</label>
        <ProblemBox problem={invite.problem} />
        <button type="submit" disabled={invite.busy || !checked}>Uitnodiging maken</button>
      </form>
      {invitation !== undefined && (
        <div data-testid="portal-invitation" role="status">
          <p>Geef deze link door. Hij werkt tot {invitation.expiresOnText} en wordt niet opnieuw getoond.</p>
          <p><code>{invitation.link}</code></p>
          <p className="hint">{invitation.explanation}</p>
        </div>
      )}
    </section>
  );
}
