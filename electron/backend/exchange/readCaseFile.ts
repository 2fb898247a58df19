/**
 * Reading a case file (caseFile.ts) someone hands over: every way it can be wrong is refused
 * with a message that names the file and says what is wrong, before anything is written.
 * A file from an older Claimdesk is brought up to date by the store's own migrations, so an
 * export and the store it came from can never disagree on what a version means.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { z } from 'zod';
import { CallFailure } from '../../../shared/contract/result';
import { describeIssue } from '../../../shared/contract/validate';
import { migrate } from '../store/migrations';
import { isRecord } from '../store/ops';
import { CURRENT_SCHEMA_VERSION, recordSchemas } from '../store/schema';
import {
  CASE_FILE_FORMAT,
  CASE_FILE_VERSION,
  CaseFileDocumentSchema,
  CaseFileSchema,
  type CaseFile,
} from './caseFile';
import { JsonShapeError, jsonMembers } from './jsonMembers';
import { firstProblem } from './caseFileChecks';

/** The collections a case file carries, as the store names them. */
const RECORD_SETS = [
  'documents',
  'claims',
  'entities',
  'links',
  'judgments',
  'briefings',
  'history',
] as const;

const refuse = (fileName: string, problem: string): CallFailure =>
  new CallFailure('invalid_input', `“${fileName}” cannot be imported: ${problem}`);

/** Why the bytes are not a JSON object, in the words the import uses. */
function shapeProblem(error: JsonShapeError): string {
  switch (error.reason) {
    case 'not_utf8':
      return 'it is not a text file (not UTF-8), so not a Claimdesk case file.';
    case 'truncated':
      return 'the JSON ends too early, as if the file was cut off. Export the case again.';
    case 'not_object':
      return `it is JSON but not a Claimdesk case file (it has no "format": "${CASE_FILE_FORMAT}").`;
    case 'syntax':
      return `it is not valid JSON (${error.message}).`;
  }
}

/** The file's members, arrays filled element by element (jsonMembers.ts). */
async function readRaw(
  fileName: string,
  chunks: AsyncIterable<Uint8Array>,
  onBytes: (bytes: number) => void,
): Promise<Record<string, unknown>> {
  const raw: Record<string, unknown> = {};
  let empty = true;
  try {
    for await (const member of jsonMembers(
      nonEmpty(chunks, () => (empty = false)),
      onBytes,
    )) {
      if (member.kind === 'value') raw[member.key] = member.value;
      else if (member.kind === 'arrayStart') raw[member.key] = [];
      else (raw[member.key] as unknown[]).push(member.value);
    }
  } catch (error) {
    if (!(error instanceof JsonShapeError)) throw error;
    if (empty) throw refuse(fileName, 'the file is empty.');
    throw refuse(fileName, shapeProblem(error));
  }
  return raw;
}

/** Passes the chunks on, telling `sawText` once one holds more than white space. */
async function* nonEmpty(
  chunks: AsyncIterable<Uint8Array>,
  sawText: () => void,
): AsyncGenerator<Uint8Array> {
  let seen = false;
  for await (const chunk of chunks) {
    if (!seen && chunk.some((b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09)) {
      seen = true;
      sawText();
    }
    yield chunk;
  }
}

/** The file's version, or a refusal naming both versions when it is newer than this app's. */
function checkVersions(fileName: string, raw: Record<string, unknown>): number {
  const { formatVersion, schemaVersion } = raw;
  const isVersion = (v: unknown): v is number =>
    typeof v === 'number' && Number.isInteger(v) && v >= 1;
  if (!isVersion(formatVersion))
    throw refuse(
      fileName,
      `its formatVersion (${JSON.stringify(formatVersion)}) is not a version number.`,
    );
  if (!isVersion(schemaVersion))
    throw refuse(
      fileName,
      `its schemaVersion (${JSON.stringify(schemaVersion)}) is not a version number.`,
    );
  if (formatVersion > CASE_FILE_VERSION || schemaVersion > CURRENT_SCHEMA_VERSION) {
    throw refuse(
      fileName,
      `it was written by a newer Claimdesk (case file format ${formatVersion}, schema ${schemaVersion}); ` +
        `this version reads format ${CASE_FILE_VERSION} and schemas up to ${CURRENT_SCHEMA_VERSION}. Update Claimdesk to import it.`,
    );
  }
  return schemaVersion;
}

/**
 * Runs an older file's records through the store migrations, wrapped as the raw snapshot they
 * expect. Texts are taken off first and put back by document id: they are not part of the
 * store's records, and no migration should have to know about them.
 */
function migrateRecords(
  raw: Record<string, unknown>,
  schemaVersion: number,
): Record<string, unknown> {
  const texts = new Map<unknown, unknown>();
  const documents = Array.isArray(raw.documents)
    ? raw.documents.map((d: unknown) => {
        if (!isRecord(d)) return d;
        const { text, ...record } = d;
        texts.set(record.id, text);
        return record;
      })
    : raw.documents;
  const snapshot: Record<string, unknown> = {
    schemaVersion,
    journalSeq: 0,
    cases: [raw.case],
    documents,
  };
  for (const name of RECORD_SETS)
    if (name !== 'documents' && name in raw) snapshot[name] = raw[name];
  const migrated = migrate(snapshot).raw;
  const out: Record<string, unknown> = { ...raw, schemaVersion: CURRENT_SCHEMA_VERSION };
  out.case = Array.isArray(migrated.cases) ? migrated.cases[0] : undefined;
  for (const name of RECORD_SETS) out[name] = migrated[name];
  if (Array.isArray(out.documents)) {
    out.documents = out.documents.map((d: unknown) =>
      isRecord(d) ? { ...d, text: texts.get(d.id) } : d,
    );
  }
  return out;
}

/** The header of a case file: what is not a collection of records. */
const HeaderSchema = CaseFileSchema.pick({
  format: true,
  formatVersion: true,
  schemaVersion: true,
  exportedAt: true,
  generator: true,
  case: true,
});

/** Schemas of each collection's records, for checking them one at a time. */
const RECORDS = {
  documents: CaseFileDocumentSchema,
  claims: recordSchemas.claims,
  entities: recordSchemas.entities,
  links: recordSchemas.links,
  judgments: recordSchemas.judgments,
  briefings: recordSchemas.briefings,
  history: recordSchemas.history,
} as const;

const CHECK_SLICE = 500;

/**
 * The case in `chunks`, validated and at the current schema; throws a `CallFailure`.
 * Records are checked one at a time, with turns for other work between slices.
 */
export async function readCaseFile(
  fileName: string,
  chunks: AsyncIterable<Uint8Array>,
  progress: { bytes?: (read: number) => void; check?: () => void } = {},
): Promise<CaseFile> {
  const raw = await readRaw(fileName, chunks, progress.bytes ?? (() => undefined));
  if (!('format' in raw)) {
    throw refuse(
      fileName,
      `it is JSON but not a Claimdesk case file (it has no "format": "${CASE_FILE_FORMAT}").`,
    );
  }
  if (raw.format !== CASE_FILE_FORMAT) {
    throw refuse(
      fileName,
      `its format is ${JSON.stringify(raw.format)}, not "${CASE_FILE_FORMAT}".`,
    );
  }
  const schemaVersion = checkVersions(fileName, raw);
  const current = schemaVersion < CURRENT_SCHEMA_VERSION ? migrateRecords(raw, schemaVersion) : raw;
  const invalid = (issue: z.core.$ZodIssue | undefined, prefix: string) =>
    refuse(
      fileName,
      `it does not hold a valid case (${issue ? describeIssue({ ...issue, path: [...prefix.split('.').filter(Boolean), ...issue.path] }).message : 'unknown problem'}).`,
    );
  const header = HeaderSchema.safeParse(current);
  if (!header.success) throw invalid(header.error.issues[0], '');
  const file: Record<string, unknown> = { ...header.data };
  for (const [name, schema] of Object.entries(RECORDS)) {
    const list = current[name];
    if (!Array.isArray(list)) {
      throw refuse(fileName, `it does not hold a valid case (${name}: expected an array).`);
    }
    const parsed: unknown[] = [];
    for (let i = 0; i < list.length; i++) {
      const result = schema.safeParse(list[i]);
      if (!result.success) throw invalid(result.error.issues[0], `${name}.${i}`);
      parsed.push(result.data);
      if (i % CHECK_SLICE === CHECK_SLICE - 1) {
        progress.check?.();
        await nextTurn();
      }
    }
    file[name] = parsed;
  }
  const checked = file as CaseFile;
  const problem = firstProblem(checked);
  if (problem) throw refuse(fileName, `it does not hold a consistent case (${problem}).`);
  return checked;
}

/** One buffer as a stream of chunks (a file sent inline, in tests and scripts). */
export async function* chunksOf(bytes: Uint8Array, size = 1 << 20): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
