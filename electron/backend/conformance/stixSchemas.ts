/**
 * The OASIS STIX 2.1 JSON Schemas (../shared/standards/stix2.1/schemas), run as the
 * standards README says: draft 2020-12 with Ajv2020 and ajv-formats, `strict: false`,
 * `unicodeRegExp: false` (upstream patterns escape `-` outside classes), every schema file
 * added, and each object validated on its own against its type's schema (the upstream bundle
 * schema leaves out note and opinion, so the bundle is not validated as a whole).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { STANDARDS_DIR } from './standards';

export const SCHEMAS_DIR = path.join(STANDARDS_DIR, 'stix2.1', 'schemas');
const BASE = 'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/';
/** Relationship objects are in sros/; every other type we write is an SDO. */
const SROS = new Set(['relationship', 'sighting']);

export function stixValidator(): (object: Record<string, unknown>) => string[] {
  const ajv = new Ajv2020({ strict: false, unicodeRegExp: false, allErrors: true });
  addFormats(ajv);
  for (const entry of readdirSync(SCHEMAS_DIR, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.json')) continue;
    ajv.addSchema(
      JSON.parse(readFileSync(path.join(entry.parentPath, entry.name), 'utf8')) as object,
    );
  }
  return (object) => {
    const type = String(object.type);
    const validate = ajv.getSchema(`${BASE}${SROS.has(type) ? 'sros' : 'sdos'}/${type}.json`);
    if (!validate) return [`no OASIS schema for type ${type}`];
    if (validate(object)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
  };
}
