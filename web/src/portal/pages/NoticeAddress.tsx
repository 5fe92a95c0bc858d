/**
 * Where the portal says "there is a new message" (PUT /api/portal/messages/notifications): an e-mail address, or
 * none. The e-mail never holds client data, only that something new is waiting (issue 19 item 6).
 */
import { useState } from 'react';
import { TextInput } from '../../shared/components';
import { submitWith, useApiMutation } from '../../shared/query';
import { Done, PortalProblem } from '../components';
import { dataOf, portal, problemFrom } from '../portal-api';
import { portalKeys } from '../portal-query';
import { useTexts } from '../texts/catalogue';

export function NoticeAddress({ address }: { address: string | null }) {
  const t = useTexts();
  const [value, setValue] = useState(address ?? '');
  const [stored, setStored] = useState(false);
  const store = useApiMutation({
    mutationFn: () => dataOf(portal.PUT('/api/portal/messages/notifications', { body: { email: value.trim() === '' ? null : value.trim() } })),
    // The thread's answer names the address.
    invalidates: () => [portalKeys.messages],
    onSuccess: () => setStored(true),
  });
  return (
    <form className="card" aria-labelledby="notice-address-title" onSubmit={submitWith(() => store.mutate())} data-testid="notice-address">
      <h2 id="notice-address-title">{t.messages.addressTitle}</h2>
      <p>{t.messages.emailNote}</p>
      <TextInput label={t.messages.addressLabel} type="email" value={value} onChange={setValue} autoComplete="email" hint={t.messages.addressHint} />
      <PortalProblem problem={store.error === null ? undefined : problemFrom(store.error)} title={t.messages.failed} />
      {stored && <Done>{t.messages.addressSaved}</Done>}
      <button type="submit" className="secondary" disabled={store.isPending}>{t.common.save}</button>
    </form>
  );
}
