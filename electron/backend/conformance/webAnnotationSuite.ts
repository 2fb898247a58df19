/**
 * The W3C Web Annotation test suite's JSON Schemas (../shared/standards/web-annotation-tests),
 * run as the suite's README says: draft-04 with ajv-draft-04 and ajv-formats, `strict: false`
 * (the files carry the suite's own keywords), every file in definitions/ added first, the
 * top-level `id` of an assertion dropped before compiling (two assertions share one), and an
 * assertion with `expectedResult: "invalid"` passing when validation fails.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { STANDARDS_DIR } from './standards';

export const SUITE_DIR = path.join(STANDARDS_DIR, 'web-annotation-tests');

interface Assertion {
  file: string;
  title: string;
  expectedResult: 'valid' | 'invalid';
  validate: ValidateFunction;
}

const readJson = (file: string): Record<string, unknown> =>
  JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

/** Compiles the assertions a `.test` manifest lists (paths relative to the suite folder). */
export function loadManifest(manifest: string): Assertion[] {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const definitions = path.join(SUITE_DIR, 'definitions');
  for (const name of readdirSync(definitions).filter((n) => n.endsWith('.json'))) {
    ajv.addSchema(readJson(path.join(definitions, name)));
  }
  const listed = readJson(path.join(SUITE_DIR, manifest)).assertions;
  if (!Array.isArray(listed) || listed.length === 0)
    throw new Error(`${manifest} lists no assertions`);
  return listed.map((file) => {
    const schema = readJson(path.join(SUITE_DIR, String(file)));
    delete schema.id;
    return {
      file: String(file),
      title: String(schema.title ?? file),
      expectedResult: schema.expectedResult === 'invalid' ? 'invalid' : 'valid',
      validate: ajv.compile(schema),
    };
  });
}

/** The assertions `document` fails, each with what ajv said; empty when it passes them all. */
export function failedAssertions(assertions: readonly Assertion[], document: unknown): string[] {
  const failed: string[] = [];
  for (const a of assertions) {
    const valid = a.validate(document) === true;
    if (valid !== (a.expectedResult === 'valid')) {
      failed.push(
        `${a.file}: ${a.title} ${a.validate.errors ? JSON.stringify(a.validate.errors.slice(0, 2)) : ''}`,
      );
    }
  }
  return failed;
}

/**
 * A sample annotation. Many incorrect samples end objects with a trailing comma, a slip in
 * the suite rather than the model error they illustrate (a missing target, say), so those
 * commas are dropped; `anno1.json` ("this is not json") still does not parse.
 */
export function sample(kind: 'correct' | 'incorrect', name: string): unknown {
  const text = readFileSync(path.join(SUITE_DIR, 'tools', 'samples', kind, name), 'utf8');
  return JSON.parse(kind === 'incorrect' ? text.replace(/,(\s*[}\]])/g, '$1') : text) as unknown;
}

export const sampleNames = (kind: 'correct' | 'incorrect'): string[] =>
  readdirSync(path.join(SUITE_DIR, 'tools', 'samples', kind)).filter((n) => n.endsWith('.json'));
