/**
 * The Claimdesk case file: one case as a JSON document, to hand a case to a colleague or keep
 * it outside the store. `cases:export` with format `json` writes it; `cases:import` reads it.
 *
 * ```
 * {
 *   "format": "claimdesk-case",   // says what the file is
 *   "formatVersion": 1,           // the envelope below; bumped only if it changes shape
 *   "schemaVersion": 5,           // the store schema the records follow (store/schema.ts)
 *   "exportedAt": "<ISO 8601>",
 *   "generator": "Claimdesk <version>",
 *   "case":      Case,
 *   "documents": [ClaimDocument & { "text": "<the full extracted text>" | null }],
 *   "claims":    [Claim],          // every claim of the case
 *   "entities":  [Entity],         // only the speakers, intermediaries and outlets named by
 *                                  // the case's claims, documents and reliability overrides
 *   "links":     [EvidenceLink],
 *   "judgments": [Judgment],       // in their order
 *   "briefings": [Briefing],
 *   "history":   [HistoryEntry]    // of the case's claims, oldest first
 * }
 * ```
 *
 * Records are exactly as the store holds them at `schemaVersion`, so an older file is brought
 * up to date by the store's own migrations (see readCaseFile.ts). Ids are the exporting
 * store's; an import mints new ones. Texts travel inside the file because a case without its
 * documents could not show where any claim came from.
 */
import { z } from 'zod';
import { MAX_DOCUMENT_LENGTH } from '../../../shared/contract/channels';
import { TimestampSchema } from '../../../shared/domain/schemas';
import { CURRENT_SCHEMA_VERSION, recordSchemas } from '../store/schema';
import { textOf, type CaseData } from './caseData';
import { writeJsonArray, type FileWriter, type Progress } from './streamWriter';

export const CASE_FILE_FORMAT = 'claimdesk-case';
export const CASE_FILE_VERSION = 1;

/** A document as a case file carries it: with its text (null when it was missing). */
export const CaseFileDocumentSchema = recordSchemas.documents.extend({
  text: z.string().max(MAX_DOCUMENT_LENGTH).nullable(),
});

/** A case file at this app's versions: built from the store's own record schemas. */
export const CaseFileSchema = z.object({
  format: z.literal(CASE_FILE_FORMAT),
  formatVersion: z.literal(CASE_FILE_VERSION),
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  exportedAt: TimestampSchema,
  generator: z.string().max(200).default(''),
  case: recordSchemas.cases,
  documents: z.array(CaseFileDocumentSchema),
  claims: z.array(recordSchemas.claims),
  entities: z.array(recordSchemas.entities),
  links: z.array(recordSchemas.links),
  judgments: z.array(recordSchemas.judgments),
  briefings: z.array(recordSchemas.briefings),
  history: z.array(recordSchemas.history),
});
export type CaseFile = z.infer<typeof CaseFileSchema>;

export interface ExportMeta {
  /** The time of the export, ISO 8601. */
  now: string;
  /** The app's version, for `generator`. */
  version: string;
  /** The analyst exporting (the account name), where a format wants an author. */
  user: string;
}

/**
 * Writes the case file a record per line: the header fields, then each collection as an
 * array. A document whose text file is missing is written with `"text": null`, so the file
 * says what it lacks instead of failing (issue 10).
 */
export async function writeCaseFile(
  data: CaseData,
  meta: ExportMeta,
  out: FileWriter,
  progress: Progress,
): Promise<void> {
  const field = (name: string, value: unknown) =>
    out.write(`  ${JSON.stringify(name)}: ${JSON.stringify(value)},\n`);
  await out.write('{\n');
  await field('format', CASE_FILE_FORMAT);
  await field('formatVersion', CASE_FILE_VERSION);
  await field('schemaVersion', CURRENT_SCHEMA_VERSION);
  await field('exportedAt', meta.now);
  await field('generator', `Claimdesk ${meta.version}`);
  await field('case', data.case);
  const array = async <T>(name: string, items: Iterable<T> | AsyncIterable<T>, last = false) => {
    await out.write(`  ${JSON.stringify(name)}: `);
    await writeJsonArray(out, items, (item) => item, progress);
    await out.write(last ? '\n' : ',\n');
  };
  await writeDocuments(data, out, progress);
  await array('claims', data.claims);
  await array('entities', data.entities);
  await array('links', data.links);
  await array('judgments', data.judgments);
  await array('briefings', data.briefings);
  await array('history', flatten(data.history()), true);
  await out.write('}\n');
}

async function writeDocuments(data: CaseData, out: FileWriter, progress: Progress): Promise<void> {
  await out.write('  "documents": ');
  await writeJsonArray(out, data.documents, (d) => ({ ...d, text: textOf(data, d.id) }), progress);
  await out.write(',\n');
}

async function* flatten<T>(batches: AsyncIterable<T[]>): AsyncGenerator<T> {
  for await (const batch of batches) yield* batch;
}
