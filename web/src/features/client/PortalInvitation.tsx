/**
 * "Uitnodigen voor het cliëntportaal" (issue 19 item 1): after checking the invitee's identity document, a professional
 * of the care team invites the client (from 12) or a registered relation and hands over the one-time link shown here
 * once. Only whom the engine lets do the act `invite-to-portal` gets the form; anyone else the engine's reason instead.
 * Whether the person may be invited is the engine's answer too (403 with its explanation, shown as the problem).
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { dataOf, server, type BodyOf, type ResponseOf } from '../../shared/api-client';
import { ProblemBox } from '../../shared/components';
import { problemOf, submitWith, useApiMutation } from '../../shared/query';
import { queryKeys } from '../../shared/query-keys';
import { Act } from '../../../../src/rules/acts.js';
import type { ClientDetail } from '../../shared/client-detail';
import { mayDo } from '../../shared/permissions';
import type { Me } from '../auth/Login';
import { NotYours } from '../requests/RequestActions';

type Invitation = ResponseOf<'/api/clients/{clientId}/portal-invitations', 'post'>;
type DocumentType = BodyOf<'/api/clients/{clientId}/portal-invitations'>['identityCheck']['documentType'];

const DOCUMENTS = [['identity-card', 'Identiteitskaart'], ['passport', 'Paspoort'], ['driving-licence', 'Rijbewijs'], ['residence-permit', 'Verblijfsdocument'], ['other', 'Ander document']] as const;

export function PortalInvitationCard({ client, me }: { client: ClientDetail; me: Me }) {
  const may = mayDo(me, client, Act.inviteToPortal);
  const clientId = client.id;
  const accounts = useQuery({
    queryKey: queryKeys.portalAccounts(clientId),
    queryFn: () => dataOf(server.GET('/api/clients/{clientId}/portal-accounts', { params: { path: { clientId } } })),
    select: (answer) => answer.accounts,
  });
  const [who, setWho] = useState('client');
  const [documentType, setDocumentType] = useState<DocumentType>('identity-card');
  const [checked, setChecked] = useState(false);
  const [invitation, setInvitation] = useState<Invitation>();
  const invite = useApiMutation({
    mutationFn: () => dataOf(server.POST('/api/clients/{clientId}/portal-invitations', {
      params: { path: { clientId } }, body: { relationId: who === 'client' ? null : who, identityCheck: { documentType } },
    })),
    invalidates: () => [queryKeys.portalAccounts(clientId)],
    onSuccess: setInvitation,
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
      <ProblemBox problem={problemOf(accounts.error)} />
      {accounts.data !== undefined && accounts.data.length > 0 && (
        <ul data-testid="portal-accounts">
          {accounts.data.map((a) => <li key={a.accountId}>{a.name}: {a.stateText}</li>)}
        </ul>
      )}
      <form onSubmit={submitWith(() => invite.mutate())}>
        <p className="hint">Controleer eerst een identiteitsbewijs van wie u uitnodigt. Geef de link daarna persoonlijk of via een veilige weg door: hij werkt één keer en zeven dagen lang.</p>
        <label>Wie nodigt u uit?
          <select value={who} onChange={(e) => setWho(e.target.value)}>
            <option value="client">De cliënt zelf</option>
            {current.map((r) => <option key={r.id} value={r.id}>{r.givenNames} {r.familyName}</option>)}
          </select>
        </label>
        <label>Gecontroleerd document
          <select value={documentType} onChange={(e) => setDocumentType(e.target.value as DocumentType)}>
            {DOCUMENTS.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        </label>
        <label><input type="checkbox" checked={checked} onChange={(e) => setChecked(e.target.checked)} /> Ik heb de identiteit gecontroleerd</label>
        <ProblemBox problem={problemOf(invite.error)} />
        <button type="submit" disabled={invite.isPending || !checked}>Uitnodiging maken</button>
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
