/**
 * Where the portal says "there is a new message" (PUT /api/portal/messages/notifications): an e-mail address, or
 * none. The e-mail never holds client data, only that something new is waiting (issue 19 item 6).
 */
import { useState } from 'react';
import { TextInput } from '../../shared/components';
import { Done, PortalProblem, usePortalSubmit } from '../components';
import { portalApi } from '../portal-api';
import { useTexts } from '../texts/catalogue';

export function NoticeAddress({ address, onChanged }: { address: string | null; onChanged: () => void }) {
  const t = useTexts();
  const [value, setValue] = useState(address ?? '');
  const [stored, setStored] = useState(false);
  const store = usePortalSubmit(
    () => portalApi<{ email: string | null }>('PUT', '/api/portal/messages/notifications', { email: value.trim() === '' ? null : value.trim() }),
    () => {
      setStored(true);
      onChanged();
    },
  );
  return (
    <form className="card" aria-labelledby="notice-address-title" onSubmit={(e) => void store.submit(e)} data-testid="notice-address">
      <h2 id="notice-address-title">{t.messages.addressTitle}</h2>
      <p>{t.messages.emailNote}</p>
      <TextInput label={t.messages.addressLabel} type="email" value={value} onChange={setValue} autoComplete="email" hint={t.messages.addressHint} />
      <PortalProblem problem={store.problem} title={t.messages.failed} />
      {stored && <Done>{t.messages.addressSaved}</Done>}
      <button type="submit" className="secondary" disabled={store.busy}>{t.common.save}</button>
    </form>
  );
}
