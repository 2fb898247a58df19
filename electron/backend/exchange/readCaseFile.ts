/**
 * Reading a case file (caseFile.ts) someone hands over: every way it can be wrong is refused
 * with a message that names the file and says what is wrong, before anything is written.
 * A file from an older Claimdesk is brought up to date by the store's own migrations, so an
 * export and the store it came from can never disagree on what a version means.
 */
import { CallFailure } from '../../../shared/contract/result';
import { describeIssue } from '../../../shared/contract/validate';
import { migrate } from '../store/migrations';
import { isRecord } from '../store/ops';
import { CURRENT_SCHEMA_VERSION } from '../store/schema';
import { CASE_FILE_FORMAT, CASE_FILE_VERSION, CaseFileSchema, type CaseFile } from './caseFile';
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

function parseJson(fileName: string, bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw refuse(fileName, 'it is not a text file (not UTF-8), so not a Claimdesk case file.');
  }
  if (text.trim() === '') throw refuse(fileName, 'the file is empty.');
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A file cut short fails where the text ends: V8 says "Unexpected end of JSON input",
    // "Unterminated string", or "Expected ... at position N" with N at the end.
    const at = /at position (\d+)/.exec(message);
    const atEnd = at !== null && Number(at[1]) >= text.trimEnd().length;
    if (atEnd || /end of JSON input|Unterminated/i.test(message)) {
      throw refuse(
        fileName,
        'the JSON ends too early, as if the file was cut off. Export the case again.',
      );
    }
    throw refuse(fileName, `it is not valid JSON (${message}).`);
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

/** The case in `bytes`, validated and at the current schema; throws a `CallFailure`. */
export function readCaseFile(fileName: string, bytes: Uint8Array): CaseFile {
  const raw = parseJson(fileName, bytes);
  if (!isRecord(raw) || !('format' in raw)) {
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
  const parsed = CaseFileSchema.safeParse(current);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw refuse(
      fileName,
      `it does not hold a valid case (${first ? describeIssue(first).message : 'unknown problem'}).`,
    );
  }
  const problem = firstProblem(parsed.data);
  if (problem) throw refuse(fileName, `it does not hold a consistent case (${problem}).`);
  return parsed.data;
}
