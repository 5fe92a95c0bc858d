/**
 * Breaking the glass, in two steps (issue 14; 003 §2.2.8): with a reason, the
 * emergency summary opens first (medication, key contacts, known risks); the
 * rest of the dossier opens only when the employee confirms that it is
 * needed. Both steps are logged and reviewed afterwards. A refusal (a role
 * the organisation does not allow, or an intern the client objected to)
 * shows the engine's explanation, addressed to the employee.
 */
import { useEffect, useState } from 'react';
import { dataOf, server, type ResponseOf } from '../../shared/api-client';
import { ProblemBox, TextArea } from '../../shared/components';
import { formatDate } from '../../shared/labels';
import { problemOf, submitWith, useApiMutation } from '../../shared/query';

export type EmergencySummary = ResponseOf<'/api/clients/{clientId}/emergency-summary'>;

type Opened = ResponseOf<'/api/clients/{clientId}/emergency-access', 'post'>;

export function EmergencyAccess({ clientId, clientName, onOpened }: { clientId: string; clientName?: string; onOpened: () => void }) {
  const [reason, setReason] = useState('');
  const [granted, setGranted] = useState<Opened>();
  // Opening changes nothing any card shows until the confirmation; then `onOpened` refreshes the client's cards.
  const open = useApiMutation({
    mutationFn: () => dataOf(server.POST('/api/clients/{clientId}/emergency-access', { params: { path: { clientId } }, body: { reason } })),
    invalidates: () => [],
    onSuccess: setGranted,
  });
  const confirm = useApiMutation({
    mutationFn: (accessId: string) => dataOf(server.POST('/api/clients/{clientId}/emergency-access/{accessId}/confirm', {
      params: { path: { clientId, accessId } }, body: {},
    })),
    invalidates: () => [],
    onSuccess: onOpened,
  });
  if (granted !== undefined) {
    return (
      <section className="card emergency" aria-labelledby="emergency-granted">
        <h2 id="emergency-granted">Noodsamenvatting</h2>
        <p role="status">
          U ziet nu eerst de noodsamenvatting. Uw noodtoegang loopt tot {clockTime(granted.expiresAt)} uur, is vastgelegd en wordt achteraf beoordeeld.
        </p>
        <SummaryView summary={granted.summary} />
        <h3>Heeft u het hele dossier nodig?</h3>
        <p>Is deze samenvatting niet genoeg om de noodsituatie op te lossen? Dan kunt u het hele dossier openen. Ook dat wordt vastgelegd en achteraf beoordeeld.</p>
        <ProblemBox problem={problemOf(confirm.error)} />
        <button type="button" className="danger" disabled={confirm.isPending} onClick={() => confirm.mutate(granted.accessId)}>Ja, open het hele dossier</button>
      </section>
    );
  }
  return (
    <section className="card emergency" aria-labelledby="emergency-title">
      <h2 id="emergency-title">{clientName === undefined ? 'Noodtoegang' : `Noodtoegang voor ${clientName}`}</h2>
      <p>Is er een noodsituatie en heeft u gegevens van deze cliënt nu nodig? Dan kunt u noodtoegang vragen. U geeft een reden.
        U ziet eerst de noodsamenvatting: medicatie, belangrijke contacten en bekende risico&apos;s. Het hele dossier opent pas als u dat daarna bevestigt.
        Uw toegang duurt kort, wordt vastgelegd en wordt achteraf beoordeeld.
      </p>
      <form onSubmit={submitWith(() => open.mutate())}>
        <TextArea
          label="Reden voor noodtoegang"
          value={reason}
          onChange={setReason}
          required
          rows={3}
          hint="Beschrijf kort de noodsituatie. Bijvoorbeeld: crisis in de avond, de vaste hulpverlener is niet bereikbaar."
        />
        <ProblemBox problem={problemOf(open.error)} />
        <button type="submit" className="danger" disabled={open.isPending}>Noodsamenvatting openen</button>
      </form>
    </section>
  );
}

export function SummaryView({ summary }: { summary: EmergencySummary }) {
  return (
    <dl className="facts" data-testid="emergency-summary">
      <dt>Medicatie</dt><dd>{summary.medication || 'Niet ingevuld'}</dd>
      <dt>Belangrijke contacten</dt><dd>{summary.keyContacts || 'Niet ingevuld'}</dd>
      <dt>Bekende risico&apos;s</dt><dd>{summary.knownRisks || 'Niet ingevuld'}</dd>
      <dt>Vastgelegd</dt><dd>{summary.recordedAt === null ? '—' : `${formatDate(summary.recordedAt)} door ${summary.author ?? 'onbekend'}`}</dd>
    </dl>
  );
}

/** "16:20": the hour and minute of a moment, as a clock shows it. */
export function clockTime(iso: string): string {
  return new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/** "1 minuut", "47 minuten", "1 uur en 5 minuten", "2 uur". */
export function minutesInWords(minutes: number): string {
  const m = (n: number) => `${n} ${n === 1 ? 'minuut' : 'minuten'}`;
  if (minutes < 60) return m(minutes);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} uur` : `${hours} uur en ${m(rest)}`;
}

/**
 * While the employee reads a dossier by emergency access (issue 15): how long it still runs, in words, counting
 * down, and what to do when done. When the time is up, `onEnded` reloads the page, which then closes.
 */
export function EmergencyBanner({ expiresAt, onEnded }: { expiresAt: string; onEnded: () => void }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  const left = new Date(expiresAt).getTime() - now;
  const ended = left <= 0;
  // When the time is up, the page reloads and closes (`onEnded` is a stable reload).
  useEffect(() => {
    if (ended) onEnded();
  }, [ended, onEnded]);
  const until = clockTime(expiresAt);
  return (
    <section className="warning emergency-banner" aria-labelledby="emergency-banner-title" data-testid="emergency-banner">
      <p id="emergency-banner-title">
        <strong>{ended ? 'Uw noodtoegang is afgelopen.' : `Noodtoegang nog ${minutesInWords(Math.ceil(left / 60_000))}, tot ${until}.`}</strong>
      </p>
      <p>
        U leest dit dossier met noodtoegang. U kunt lezen, maar niets vastleggen. Bent u klaar? Ga dan terug naar uw caseload
        en vertel de vaste hulpverlener wat er is gebeurd. De toegang stopt vanzelf om {until}. Alles wat u opent, is vastgelegd en wordt achteraf beoordeeld.
      </p>
    </section>
  );
}
