/**
 * A dossier with one of each thing a reader may not get: a passage shielded
 * from the father (the secret-address example), an entry about another person
 * (the grandmother) and raw test data — for tests of what leaves the
 * organisation (copies, exports, transfers).
 */
import { testBsn, TEST_NOW, type Harness } from './harness.js';

export const SECRET = 'Geheimeweg 12 in Zwolle';
export const GRANDMA = 'Oma vertelt dat zij zelf ook hulp heeft gehad.';
export const RAW = 'WISC-V ruwe scores: 12, 9, 14';
export const SHOWN = 'Het gaat goed op school.';
/** The client's own formal contact data when the client lives at the secret address with the mother. */
export const SECRET_CONTACT = { streetAddress: 'Geheimeweg 12', postcode: '8011 AB', town: 'Zwolle', phone: '038 555 0123', email: 'sam@geheim.example' } as const;

/** A client aged 14 who lives with the mother at the secret address: it is in the formal data too, not only in an entry. */
export async function clientAtSecretAddress(h: Harness, cookie: string): Promise<string> {
  const birthDate = `${TEST_NOW.getUTCFullYear() - 14}-03-01`;
  const response = await h.request({
    method: 'POST', url: '/api/clients', cookie,
    body: { bsn: testBsn(), familyName: 'Verborgen', givenNames: 'Sam', birthDate, gender: 'unknown', careStartedOn: '2026-01-05', ...SECRET_CONTACT },
  });
  if (response.statusCode !== 201) throw new Error(`client creation failed: ${response.statusCode} ${response.body}`);
  return response.json<{ id: string }>().id;
}

export async function shieldedDossier(h: Harness, cookie: string, clientId: string, father: { hasCustody: boolean }): Promise<{ fatherId: string }> {
  const post = (url: string, body: unknown) => h.request({ method: 'POST', url, cookie, body });
  const fatherId = (await post(`/api/clients/${clientId}/relations`, {
    relation: 'parent', hasCustody: father.hasCustody, ...(father.hasCustody ? { custodyKind: 'two-headed-parental', custodyEstablishedBy: 'by-law-marriage' } : {}),
    familyName: 'Ouder', givenNames: 'Vader', establishedHow: 'gezagsregister', validFrom: '2026-01-05',
  })).json<{ id: string }>().id;
  const text = `Moeder is verhuisd naar ${SECRET}. ${SHOWN}`;
  const conversation = (await post(`/api/clients/${clientId}/entries`, { kind: 'conversation-report', text, source: { kind: 'parent', description: 'moeder' } })).json<{ id: string }>();
  const start = text.indexOf(SECRET);
  await post(`/api/clients/${clientId}/entries/${conversation.id}/shieldings`, {
    kind: 'shielded-from', passage: { start, end: start + SECRET.length }, shieldedFrom: [fatherId], reason: 'Geheim adres i.v.m. huiselijk geweld',
  });
  const grandma = (await post(`/api/clients/${clientId}/entries`, { kind: 'plan', text: GRANDMA, source: { kind: 'other', description: 'grootmoeder' } })).json<{ id: string }>();
  await post(`/api/clients/${clientId}/entries/${grandma.id}/shieldings`, { kind: 'about-another-person', reason: 'Gaat over de grootmoeder' });
  await post(`/api/clients/${clientId}/entries`, { kind: 'raw-test-data', title: 'WISC-V', text: RAW, source: { kind: 'care-professional' } });
  return { fatherId };
}

/**
 * A distinct marker in every field a reader can get (issue 13), the issue's
 * own reproduction among them: "Geheimeweg 12" in a title, a source
 * description and an annotation, beside the shielded passage. Each marker
 * appears in its field only, so its absence proves that field's shielding.
 */
export const MARK = {
  title: 'Verhuizing naar Geheimeweg 12',
  passage: 'Geheimeweg 12 in Verstopt',
  wholeText: 'Oma Schuilhoek bewaart de reservesleutel',
  source: 'moeder (nu Geheimeweg 12)',
  annotation: 'Nieuw adres Geheimeweg 12A, telefoon moeder 06 1234 5678',
  statement: 'Wij wonen nu veilig aan het Achterom 7',
  address: 'Schuilpad 3',
  postcode: '9999 ZZ',
  town: 'Schuilhaven',
  phone: '0599 123 456',
  email: 'sam@schuilhaven.example',
} as const;
export const ENTRY_MARKS = ['title', 'passage', 'wholeText', 'source', 'annotation', 'statement'] as const;
export const CONTACT_MARKS = ['address', 'postcode', 'town', 'phone', 'email'] as const;
/** Text of the entry with the passage: what stays for every reader. */
export const VISIBLE = 'Sam slaapt weer goed.';

export interface EveryField {
  clientId: string;
  fatherId: string;
  motherId: string;
  /** The Nidos guardian, when added with `guardian: true`. */
  guardianId: string | null;
  entryId: string;
  shieldingIds: string[];
}

/**
 * A client of `age` (8 in the issue) at a secret address, with father and mother (both with custody unless
 * `fatherHasCustody` is false) and optionally a Nidos guardian, a marker in every field, and every field
 * shielded from the relations `shieldFrom` picks.
 */
export async function everyFieldShielded(h: Harness, cookie: string, options: {
  age: number; fatherHasCustody?: boolean; guardian?: boolean; shieldFrom: (ids: { fatherId: string; motherId: string; guardianId: string | null }) => string[];
}): Promise<EveryField> {
  const post = async (url: string, body: unknown) => {
    const response = await h.request({ method: 'POST', url, cookie, body });
    if (response.statusCode >= 300) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
    return response.json<{ id: string }>();
  };
  const birthDate = `${TEST_NOW.getUTCFullYear() - options.age}-03-01`;
  const { id: clientId } = await post('/api/clients', {
    bsn: testBsn(), familyName: 'Verborgen', givenNames: 'Sam', birthDate, gender: 'unknown', careStartedOn: '2026-01-05',
    streetAddress: MARK.address, postcode: MARK.postcode, town: MARK.town, phone: MARK.phone, email: MARK.email,
  });
  const fatherCustody = options.fatherHasCustody ?? true;
  const fatherId = (await post(`/api/clients/${clientId}/relations`, {
    relation: 'parent', hasCustody: fatherCustody, ...(fatherCustody ? { custodyKind: 'two-headed-parental', custodyEstablishedBy: 'by-law-marriage' } : {}),
    familyName: 'Ouder', givenNames: 'Vader', establishedHow: 'gezagsregister', validFrom: '2026-01-05',
  })).id;
  const motherId = (await post(`/api/clients/${clientId}/relations`, {
    relation: 'parent', hasCustody: true, custodyEstablishedBy: 'by-law-marriage', custodyKind: fatherCustody ? 'two-headed-parental' : 'single-headed-parental',
    familyName: 'Ouder', givenNames: 'Moeder', establishedHow: 'gezagsregister', validFrom: '2026-01-05',
  })).id;
  const guardianId = options.guardian === true
    ? (await post(`/api/clients/${clientId}/relations`, {
        relation: 'guardian', hasCustody: true, custodyEstablishedBy: 'guardianship-order', custodyKind: 'guardianship-institution', institution: 'Nidos', familyName: 'Voogd', givenNames: 'Nidos',
        establishedHow: 'beschikking rechtbank', validFrom: '2026-01-05',
      })).id
    : null;

  const text = `Moeder en Sam wonen nu op ${MARK.passage}. ${VISIBLE}`;
  const entryId = (await post(`/api/clients/${clientId}/entries`, {
    kind: 'conversation-report', title: MARK.title, text, source: { kind: 'parent', description: MARK.source }, statementType: 'fact',
  })).id;
  const annotated = await post(`/api/clients/${clientId}/entries/${entryId}/annotations`, { kind: 'addition', reason: MARK.annotation }) as unknown as { annotations: { id: string }[] };
  const annotationId = annotated.annotations[0]!.id;
  const wholeId = (await post(`/api/clients/${clientId}/entries`, { kind: 'conversation-report', text: MARK.wholeText, source: { kind: 'parent' }, statementType: 'fact' })).id;
  // The own statement (AVG 16; 003 §3.4), made by the mother for the child.
  const statementRequest = await post(`/api/clients/${clientId}/requests`, {
    kind: 'add-statement', channel: 'written', receivedOn: '2026-11-20', details: 'Onze kant.', requesterRelationId: motherId,
  });
  await post(`/api/clients/${clientId}/requests/${statementRequest.id}/decision`, { outcome: 'granted', reasons: '' });
  await post(`/api/clients/${clientId}/requests/${statementRequest.id}/fulfil`, { statement: { entryId, text: MARK.statement } });
  const [statement] = await h.database.db.query<{ id: string }>('SELECT id FROM care.entries WHERE client_id = $1 AND kind = \'own-statement\'', [clientId]);

  const shieldedFrom = options.shieldFrom({ fatherId, motherId, guardianId });
  const base = { kind: 'shielded-from', shieldedFrom, reason: 'Geheim adres i.v.m. huiselijk geweld' };
  const start = text.indexOf(MARK.passage);
  const shieldingIds = [
    await post(`/api/clients/${clientId}/entries/${entryId}/shieldings`, { ...base, target: 'title' }),
    await post(`/api/clients/${clientId}/entries/${entryId}/shieldings`, { ...base, passage: { start, end: start + MARK.passage.length } }),
    await post(`/api/clients/${clientId}/entries/${entryId}/shieldings`, { ...base, target: 'source' }),
    await post(`/api/clients/${clientId}/entries/${entryId}/shieldings`, { ...base, target: 'annotation', annotationId }),
    await post(`/api/clients/${clientId}/entries/${wholeId}/shieldings`, base),
    await post(`/api/clients/${clientId}/entries/${statement!.id}/shieldings`, base),
    await post(`/api/clients/${clientId}/contact-data/shieldings`, { shieldedFrom, reason: base.reason }),
  ].map((s) => s.id);
  return { clientId, fatherId, motherId, guardianId, entryId, shieldingIds };
}
