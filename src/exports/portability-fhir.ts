/**
 * The portability export as a FHIR R4 Bundle (type `collection`): a Patient,
 * a RelatedPerson per registered relation, a Consent per consent, and a
 * DocumentReference per dossier entry (the text as a plain-text attachment).
 * Tests validate it against the official FHIR R4 JSON schema. Built from the
 * same `PortabilityExport`, so shielding is already applied.
 */
import type { PortabilityExport } from './portability-export.js';

/** The Dutch BSN naming system (Nictiz). */
const BSN_SYSTEM = 'http://fhir.nl/fhir/NamingSystem/bsn';
const ROLE_CODES = 'http://terminology.hl7.org/CodeSystem/v3-RoleCode';

type Resource = Record<string, unknown> & { resourceType: string; id: string };

function fhirGender(gender: string): string {
  switch (gender) {
    case 'female': return 'female';
    case 'male': return 'male';
    case 'other': return 'other';
    default: return 'unknown';
  }
}

/** v3 RoleCode for the relation: parent, guardian, family guardian (a guardian's role under an OTS), other. */
function roleCode(relation: string): { code: string; display: string } {
  switch (relation) {
    case 'parent': return { code: 'PRN', display: 'parent' };
    case 'guardian': return { code: 'GUARD', display: 'guardian' };
    case 'family-guardian': return { code: 'GUARD', display: 'guardian' };
    default: return { code: 'FAMMEMB', display: 'family member' };
  }
}

const period = (start: string, end: string | null) => (end === null ? { start } : { start, end });

/** Only the fields that have a value: the FHIR schema refuses nulls and empty arrays. */
function present<T>(value: T | null, wrap: (value: T) => object): object {
  return value === null ? {} : wrap(value);
}

function patientContact(c: PortabilityExport['client']): object {
  const line = present(c.streetAddress, (street) => ({ line: [street] }));
  const address = { ...line, ...present(c.postcode, (postalCode) => ({ postalCode })), ...present(c.town, (city) => ({ city })) };
  const telecom = [
    ...(c.phone === null ? [] : [{ system: 'phone', value: c.phone }]),
    ...(c.email === null ? [] : [{ system: 'email', value: c.email }]),
  ];
  return {
    ...(Object.keys(address).length === 0 ? {} : { address: [{ ...address, country: 'NL' }] }),
    ...(telecom.length === 0 ? {} : { telecom }),
  };
}

export function portabilityBundle(data: PortabilityExport): Record<string, unknown> {
  const patientRef = { reference: `urn:uuid:${data.client.id}` };
  const c = data.client;
  const patient: Resource = {
    resourceType: 'Patient', id: c.id,
    ...(c.bsn === null ? {} : { identifier: [{ system: BSN_SYSTEM, value: c.bsn }] }),
    name: [{ family: c.familyName, given: c.givenNames.split(/\s+/).filter((g) => g !== '') }],
    gender: fhirGender(c.gender),
    birthDate: c.birthDate,
    ...patientContact(c),
  };
  const relatedPersons: Resource[] = data.relations.map((r) => ({
    resourceType: 'RelatedPerson', id: r.id, active: r.validTo === null, patient: patientRef,
    relationship: [{ coding: [{ system: ROLE_CODES, ...roleCode(r.relation) }], text: r.hasCustody ? `${r.relation} (met gezag)` : `${r.relation} (zonder gezag)` }],
    name: [{ family: r.familyName, given: r.givenNames.split(/\s+/).filter((g) => g !== '') }],
    period: period(r.validFrom, r.validTo),
  }));
  const consents: Resource[] = data.consents.map((k) => ({
    resourceType: 'Consent', id: k.id, status: k.active ? 'active' : 'inactive',
    scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: k.kind === 'care' ? 'treatment' : 'patient-privacy' }] },
    category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0', display: 'Patient Consent' }] }],
    patient: patientRef,
    dateTime: k.givenOn,
    provision: {
      type: 'permit', period: period(k.validFrom, k.validTo),
      ...(k.recipient === null ? {} : { actor: [{ role: { text: 'recipient' }, reference: { display: k.recipient } }] }),
      ...(k.purpose === null ? {} : { purpose: [{ display: k.purpose }] }),
    },
  }));
  const documents: Resource[] = data.entries.map((e) => ({
    resourceType: 'DocumentReference', id: e.id, status: 'current',
    type: { text: e.kind },
    subject: patientRef,
    date: e.recordedAt,
    author: [{ display: e.author }],
    description: e.title ?? e.kind,
    content: [{ attachment: { contentType: 'text/plain; charset=utf-8', language: 'nl', data: Buffer.from(e.text, 'utf8').toString('base64'), title: e.title ?? e.kind } }],
  }));
  return {
    resourceType: 'Bundle', type: 'collection', timestamp: data.exportedAt,
    identifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${data.reference}` },
    entry: [patient, ...relatedPersons, ...consents, ...documents].map((resource) => ({ fullUrl: `urn:uuid:${resource.id}`, resource })),
  };
}
