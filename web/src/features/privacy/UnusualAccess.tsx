/**
 * The unusual-access report of one day (NEN 7513 review): access without a care relation, emergency accesses awaiting
 * review, employees who opened many dossiers outside their caseload, dossiers opened by many employees — with people's
 * names and the catalogue's Dutch labels, each dossier linked to who saw it.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { dataOf, server } from '../../shared/api-client';
import { Link, Loading, ProblemBox, TextInput, Wide } from '../../shared/components';
import { ACCESS_BASES, ACCESS_OUTCOMES, formatDate, label, today } from '../../shared/labels';
import { problemOf } from '../../shared/query';
import { queryKeys } from '../../shared/query-keys';

export function UnusualAccess() {
  const [day, setDay] = useState(today());
  const report = useQuery({
    queryKey: queryKeys.privacy('unusual-access', day),
    queryFn: () => dataOf(server.GET('/api/privacy/unusual-access', { params: { query: { day } } })),
  });
  const r = report.data;
  return (
    <section aria-labelledby="unusual-title">
      <h2 id="unusual-title">Ongewone toegang</h2>
      <TextInput label="Dag" type="date" value={day} onChange={(v) => v !== '' && setDay(v)} />
      {report.isPending && <Loading what="Rapport" />}
      <ProblemBox problem={problemOf(report.error)} />
      {r !== undefined && (
        <>
          <h3>Toegang zonder behandelrelatie</h3>
          {r.withoutRelation.length === 0
            ? <p>Geen.</p>
            : (
                <Wide label="Toegang zonder behandelrelatie (tabel)">
                  <table className="list">
                    <thead><tr><th scope="col">Tijd</th><th scope="col">Medewerker</th><th scope="col">Dossier</th><th scope="col">Uitkomst</th><th scope="col">Grond</th></tr></thead>
                    <tbody>
                      {r.withoutRelation.map((w, i) => (
                        <tr key={i}><td>{formatDate(w.at)}</td><td>{w.employee.name}</td><td><Link to={`/privacy/toegang/${w.client.id}`}>{w.client.name}</Link></td><td>{label(ACCESS_OUTCOMES, w.outcome)}</td><td>{label(ACCESS_BASES, w.basis)}</td></tr>
                      ))}
                    </tbody>
                  </table>
                </Wide>
              )}
          <h3>Noodtoegang die nog beoordeeld moet worden</h3>
          {r.emergencyAwaitingReview.length === 0
            ? <p>Geen.</p>
            : (
                <ul className="plain">{r.emergencyAwaitingReview.map((e) => <li key={e.id}>{e.employee.name} — {e.client.name}, {formatDate(e.startedAt)}</li>)}</ul>
              )}
          <h3>Medewerkers die veel dossiers buiten hun caseload openden (meer dan {r.thresholds.outsideCaseloadPerDay})</h3>
          {r.employeesOutsideCaseload.length === 0
            ? <p>Geen.</p>
            : (
                <ul className="plain">{r.employeesOutsideCaseload.map((e, i) => <li key={i}>{e.employee.name}: {e.dossiers} dossiers</li>)}</ul>
              )}
          <h3>Dossiers die door veel medewerkers werden geopend (meer dan {r.thresholds.employeesPerDossierPerDay})</h3>
          {r.dossiersManyEmployees.length === 0
            ? <p>Geen.</p>
            : (
                <ul className="plain">{r.dossiersManyEmployees.map((d, i) => <li key={i}><Link to={`/privacy/toegang/${d.client.id}`}>{d.client.name}</Link>: {d.employees} medewerkers</li>)}</ul>
              )}
        </>
      )}
    </section>
  );
}
