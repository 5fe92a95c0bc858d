/**
 * The portability export in the portal (issue 19 item 4; AVG 20): after a portability request of this person was
 * granted (wholly or in part), they download their data themself as JSON (docs/portability-export.schema.json), a
 * spreadsheet or a FHIR R4 Bundle — the staff's export chain (src/exports/portability-export.ts) run on the portal
 * user's own scope. What goes in is what the engine lets this person see today, by the same rules as the portal's
 * dossier view (`GET /api/portal/dossier`): the reader is the person the gate's portal door built (shielding,
 * agreements with a 12–15-year-old, third-party information, the 16+ young person's consent per part), and only
 * entries released to the portal go in — one withheld by the holder (Jeugdwet 7.3.2 lid 4, 7.3.10) is listed in
 * `withheld` with its ground, one not yet released is left out until it is. Only this person's own request: another
 * person's or another client's is 404; before the decision, after a refusal or for another kind of request 409.
 */
import type { PortalScope } from '../../access/gate-scope.js';
import { conflict } from '../../errors.js';
import type { ProgressReporter } from '../../exports/export-progress.js';
import { buildDossierExport, type PortabilityExport } from '../../exports/portability-export.js';
import { releaseOptions } from '../view/portal-dossier.js';
import { assertOwnRequest } from './portal-requests.js';

/** Whether a request as the portal lists it has an export: a portability request granted wholly or in part. */
export function hasPortalExport(request: { kind: string; state: string; decision: string | null }): boolean {
  return request.kind === 'portability' && (request.state === 'decided' || request.state === 'fulfilled')
    && (request.decision === 'granted' || request.decision === 'partly');
}

/**
 * The export of this person's own granted portability request, for this person today.
 * @example const data = await buildPortalExport(scope, masterKey, requestId); data.entries
 */
export async function buildPortalExport(scope: PortalScope, masterKey: Buffer, requestId: string, progress?: ProgressReporter): Promise<PortabilityExport> {
  const row = await assertOwnRequest(scope, requestId);
  if (row.kind !== 'portability') {
    throw conflict('not-a-portability-request', 'Alleen bij een verzoek om je gegevens mee te nemen hoort dit bestand.', 'Only a portability request has this export.');
  }
  if (!hasPortalExport(row)) {
    throw conflict('request-wrong-state', row.decision === 'refused'
      ? 'Dit verzoek is afgewezen. Daarom is er geen bestand met je gegevens. In de brief staat waarom.'
      : 'Het bestand met je gegevens komt er pas als het verzoek is toegewezen.',
    'The export is made only after the request has been granted.');
  }
  const { release } = await releaseOptions(scope);
  return buildDossierExport(scope, masterKey, { ...scope.reader, action: 'copy' }, { reason: 'portability', reference: requestId }, progress, { release, touch: 'shown' });
}
