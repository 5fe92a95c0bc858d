/**
 * The privacy officer names a client by name, never by the client's 36-character id (issue 15 item 8): the data
 * breach register's affected clients, the dossier held for a procedure, one dossier's retention. It asks the desk's
 * name search (`POST /api/privacy/access-log/clients`, the officer only, each client shown logged). Not a form of its
 * own, so it can sit inside another form: Enter in the field searches instead of sending the form around it.
 */
import { useId, useState } from 'react';
import { dataOf, server, type ResponseOf } from '../../shared/api-client';
import { ProblemBox } from '../../shared/components';
import { problemOf, useApiMutation } from '../../shared/query';

export type FoundClient = ResponseOf<'/api/privacy/access-log/clients', 'post'>['clients'][number];

export function ClientSearch({ label, choose, onChoose, exclude = [] }: {
  /** The field's label, e.g. "Naam van de cliënt". */
  label: string;
  /** The verb on each found client's button, e.g. "Toevoegen" or "Kiezen". */
  choose: string;
  onChoose: (client: FoundClient) => void;
  /** Clients already chosen: not offered again. */
  exclude?: readonly string[];
}) {
  const id = useId();
  const [name, setName] = useState('');
  const [found, setFound] = useState<FoundClient[]>();
  // A question, not a change: a POST only so that the name stays out of every URL; nothing becomes stale.
  const search = useApiMutation({
    mutationFn: () => dataOf(server.POST('/api/privacy/access-log/clients', { body: { name: name.trim() } })),
    invalidates: () => [],
    onSuccess: (answer) => setFound(answer.clients),
  });
  const offered = found?.filter((c) => !exclude.includes(c.id));
  const ready = name.trim().length >= 2 && !search.isPending;
  return (
    <div className="client-search">
      <div className="inline">
        <div className="field">
          <label htmlFor={id}>{label}</label>
          <input
            id={id}
            value={name}
            autoComplete="off"
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              e.preventDefault();
              if (ready) search.mutate();
            }}
          />
        </div>
        <button type="button" className="secondary" disabled={!ready} onClick={() => search.mutate()}>Zoeken</button>
      </div>
      <ProblemBox problem={problemOf(search.error)} />
      {offered !== undefined && (offered.length === 0
        ? <p role="status">Geen cliënt gevonden met deze naam.</p>
        : (
            <ul className="plain" aria-label="Gevonden cliënten">
              {offered.map((c) => (
                <li key={c.id}>
                  {c.name} <span className="muted">(geboren in {c.birthYear})</span>{' '}
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`${choose}: ${c.name}`}
                    onClick={() => {
                      onChoose(c);
                      setFound(undefined);
                      setName('');
                    }}
                  >{choose}
                  </button>
                </li>
              ))}
            </ul>
          ))}
    </div>
  );
}
