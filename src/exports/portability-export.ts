/**
 * Data portability (AVG 20): the client's data in a structured, commonly used
 * and machine-readable form, for a granted `portability` request. What goes
 * in is what this requester may receive: the formal data, relations and
 * consents, and the dossier entries through the same reader-specific view as
 * a copy — shielding applied, third-party information withheld with its
 * ground, raw test data listed as available for inspection only (003
 * §2.3.11); the client's own statements beside the entries they dispute; the
 * client's contact data only where the reader view allows it (the
 * secret-address case). The schema is `PortabilityExportSchema`, published as
 * docs/portability-export.schema.json (a test keeps the two equal).
 */
import { Type, type Static } from 'typebox';
import type { ClientBoundScope } from '../access/gate-scope.js';
import { formalDataOf } from '../clients/client-store.js';
import { listConsents } from '../consents/consent-service.js';
import { conflict, notFound } from '../errors.js';
import { clientOrganisationName } from '../organisation/employee-store.js';
import { requestsOf } from '../requests/request-store.js';
import { relationsOfScope } from '../representation/relation-store.js';
import type { Actor } from '../rules/index.js';
import { readerView, type Reader, type ReaderViewOptions } from '../shielding/reader-view.js';
import type { ProgressReporter } from './export-progress.js';

const Nullable = (schema: ReturnType<typeof Type.String>) => Type.Union([schema, Type.Null()]);
const Text = (options: { description?: string } = {}) => Type.String(options);
const WithheldNotice = Type.Object({
  field: Type.Union([Type.Literal('text'), Type.Literal('title'), Type.Literal('source'), Type.Literal('annotation'), Type.Literal('contact-data')], {
    description: 'What was withheld: a passage of the text, the title, the source description, an annotation, the contact data.',
  }),
  ground: Type.String({ description: 'Why it was withheld (Dutch), never what.' }), basis: Type.Array(Type.String()),
}, { additionalProperties: false });

export const PortabilityExportSchema = Type.Object({
  format: Type.Literal('dossierwijzer-portability', { description: 'Identifies this format.' }),
  version: Type.Literal(1),
  exportedAt: Type.String({ format: 'date-time' }),
  organisation: Text(),
  reason: Type.Union([Type.Literal('portability'), Type.Literal('transfer')], {
    description: 'portability: for the client or their representative (AVG 20); transfer: for a successor provider or the Nidos guardian.',
  }),
  reference: Type.String({ format: 'uuid', description: 'The portability request or the transfer record this export belongs to.' }),
  client: Type.Object({
    id: Type.String({ format: 'uuid' }), familyName: Text(), givenNames: Text(), birthDate: Type.String({ format: 'date' }),
    bsn: Nullable(Text()), gender: Text(), streetAddress: Nullable(Text()), postcode: Nullable(Text()), town: Nullable(Text()),
    phone: Nullable(Text()), email: Nullable(Text()),
    contactDataLeftOut: Type.Boolean({
      description: 'true: address, postcode, town, phone and e-mail are null because this recipient may not have them (docs/portability.md, "Contact data"), not because they are unknown.',
    }),
    contactDataWithheld: Type.Union([WithheldNotice, Type.Null()], { description: 'When a shielding of the contact data applies to this recipient: its ground, never the data.' }),
  }, { additionalProperties: false }),
  relations: Type.Array(Type.Object({
    id: Type.String({ format: 'uuid' }), relation: Text(), hasCustody: Type.Boolean(), custodyKind: Nullable(Text()), familyName: Text(), givenNames: Text(),
    validFrom: Type.String({ format: 'date' }), validTo: Nullable(Type.String({ format: 'date' })),
  }, { additionalProperties: false })),
  consents: Type.Array(Type.Object({
    id: Type.String({ format: 'uuid' }), kind: Text(), givenBy: Text(), givenOn: Type.String({ format: 'date' }), recipient: Nullable(Text()),
    purpose: Nullable(Text()), validFrom: Type.String({ format: 'date' }), validTo: Nullable(Type.String({ format: 'date' })), withdrawn: Type.Boolean(), active: Type.Boolean(),
  }, { additionalProperties: false })),
  entries: Type.Array(Type.Object({
    id: Type.String({ format: 'uuid' }), kind: Text({ description: 'The kind of entry, in Dutch.' }),
    title: Nullable(Text({ description: 'A shielded title is replaced by […afgeschermd…].' })), text: Text({ description: 'Shielded passages are replaced by […afgeschermd…].' }),
    recordedAt: Type.String({ format: 'date-time' }), author: Text(), source: Text({ description: 'A shielded source description is replaced by […afgeschermd…].' }), statementType: Nullable(Text()),
    annotations: Type.Array(Type.Object({ kind: Text(), reason: Text(), recordedAt: Type.String({ format: 'date-time' }) }, { additionalProperties: false })),
    statements: Type.Array(Type.Object({ text: Text(), recordedAt: Type.String({ format: 'date-time' }), source: Text() }, { additionalProperties: false }), {
      description: 'The client\'s own statements disputing this entry, shown beside it (AVG 16; 003 §3.4).',
    }),
    withheldParts: Type.Array(WithheldNotice, { description: 'What of this entry was withheld from this recipient (passages, title, source, annotations), each with its ground.' }),
  }, { additionalProperties: false })),
  withheld: Type.Array(Type.Object({
    recordedAt: Type.String({ format: 'date-time' }), ground: Text({ description: 'Why it was withheld (Dutch), never what.' }), basis: Type.Array(Text()),
  }, { additionalProperties: false }), { description: 'Entries left out, with the ground.' }),
  inspectionOnly: Type.Array(Type.Object({ recordedAt: Type.String({ format: 'date-time' }), title: Nullable(Text()) }, { additionalProperties: false }), {
    description: 'Raw test data: not exported, available for inspection (003 §2.3.11).',
  }),
}, { additionalProperties: false, $id: 'https://dossierwijzer.example/schemas/portability-export-1.json', title: 'Dossierwijzer portability export (AVG 20)' });

export type PortabilityExport = Static<typeof PortabilityExportSchema>;

/** The requester of a granted portability request, as the reader of the export. */
async function portabilityReader(scope: ClientBoundScope, requestId: string): Promise<{ actor: Actor; relationId: string | null; consentGiven: boolean }> {
  const row = await requestsOf(scope).readerFacts(requestId);
  if (row === undefined) throw notFound('Dit verzoek bestaat niet bij deze cliënt.', 'This request does not exist for this client.');
  if (row.kind !== 'portability') throw conflict('not-a-portability-request', 'Alleen bij een verzoek om overdracht van gegevens hoort deze export.', 'Only a portability request has this export.');
  if ((row.state !== 'decided' && row.state !== 'fulfilled') || row.decision === 'refused' || row.decision === null) {
    throw conflict('request-wrong-state', 'De gegevens worden pas gemaakt nadat het verzoek is toegewezen.', 'The export is made only after the request has been granted.');
  }
  return { actor: row.requester_kind, relationId: row.requester_relation_id, consentGiven: row.consent_recorded_on !== null };
}

export async function buildPortabilityExport(scope: ClientBoundScope, masterKey: Buffer, requestId: string, progress?: ProgressReporter): Promise<PortabilityExport> {
  const reader = await portabilityReader(scope, requestId);
  return buildDossierExport(scope, masterKey, { ...reader, action: 'copy' }, { reason: 'portability', reference: requestId }, progress);
}

/** The client's formal data and registered relations, as an export carries them (no care content). */
async function exportedClient(scope: ClientBoundScope) {
  const row = await formalDataOf(scope).row();
  if (row === undefined) throw new Error('client vanished inside its own scope');
  const relations = await relationsOfScope(scope).all();
  return {
    id: row.id, bsn: row.bsn, familyName: row.family_name, givenNames: row.given_names, birthDate: row.birth_date, gender: row.gender,
    streetAddress: row.street_address, postcode: row.postcode, town: row.town, phone: row.phone, email: row.email,
    relations: relations.map((r) => ({
      id: r.id, relation: r.relation, hasCustody: r.has_custody, custodyKind: r.custody_kind, familyName: r.family_name, givenNames: r.given_names,
      validFrom: r.valid_from, validTo: r.valid_to,
    })),
  };
}

/**
 * The export for one reader: what this reader may receive, and nothing else. Any client-bound scope: an employee's
 * (the staff's routes, a transfer) or a portal user's (their own granted request, src/portal/rights/portal-export.ts),
 * whose `options.release` leaves out what is not released to the portal.
 */
export async function buildDossierExport(
  scope: ClientBoundScope, masterKey: Buffer, reader: Reader, about: Pick<PortabilityExport, 'reason' | 'reference'>, progress?: ProgressReporter,
  options: ReaderViewOptions = {},
): Promise<PortabilityExport> {
  const client = await exportedClient(scope);
  const consents = await listConsents(scope, masterKey);
  const view = await readerView(scope, masterKey, reader, progress, options);
  const organisation = await clientOrganisationName(scope);
  const entries: PortabilityExport['entries'] = [];
  const withheld: PortabilityExport['withheld'] = [];
  for (const entry of view.entries) {
    if (entry.shown) {
      entries.push({
        id: entry.id, kind: entry.kindLabel, title: entry.title, text: entry.text, recordedAt: entry.recordedAt, author: entry.author, source: entry.source,
        statementType: entry.statementType, annotations: entry.annotations.map((a) => ({ kind: a.kind, reason: a.reason, recordedAt: a.recordedAt })),
        statements: entry.statements.map((st) => ({ text: st.text, recordedAt: st.recordedAt, source: st.source })),
        withheldParts: entry.withheldPassages.map((w) => ({ field: w.field ?? 'text', ground: w.ground, basis: [...w.basis] })),
      });
    } else {
      withheld.push({ recordedAt: entry.recordedAt, ground: entry.withheld.ground, basis: [...entry.withheld.basis] });
    }
  }
  progress?.report('done', view.entries.length, view.entries.length);
  // The secret-address case: contact data only for a reader the view allows it to (contactDataAllowed in src/shielding/reader-view.ts).
  const contact = view.contactDataAllowed;
  return {
    format: 'dossierwijzer-portability', version: 1, exportedAt: scope.now.toISOString(), organisation: organisation!, ...about,
    client: {
      id: client.id, familyName: client.familyName, givenNames: client.givenNames, birthDate: client.birthDate, bsn: client.bsn, gender: client.gender,
      streetAddress: contact ? client.streetAddress : null, postcode: contact ? client.postcode : null, town: contact ? client.town : null,
      phone: contact ? client.phone : null, email: contact ? client.email : null, contactDataLeftOut: !contact,
      contactDataWithheld: view.contactDataWithheld === undefined
        ? null
        : { field: 'contact-data', ground: view.contactDataWithheld.ground, basis: [...view.contactDataWithheld.basis] },
    },
    relations: client.relations.map((r) => ({
      id: r.id, relation: r.relation, hasCustody: r.hasCustody, custodyKind: r.custodyKind, familyName: r.familyName, givenNames: r.givenNames, validFrom: r.validFrom, validTo: r.validTo,
    })),
    consents: consents.map((c) => ({
      id: c.id, kind: c.kind, givenBy: c.givenBy, givenOn: c.givenOn, recipient: c.recipient, purpose: c.purpose, validFrom: c.validFrom, validTo: c.validTo,
      withdrawn: c.withdrawnAt !== null, active: c.active,
    })),
    entries, withheld, inspectionOnly: view.inspectionOnly.map((i) => ({ recordedAt: i.recordedAt, title: i.title })),
  };
}
