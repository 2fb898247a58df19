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
 *   "documents": [ClaimDocument & { "text": "<the full extracted text>" }],
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

export const CASE_FILE_FORMAT = 'claimdesk-case';
export const CASE_FILE_VERSION = 1;

/** A case file at this app's versions: built from the store's own record schemas. */
export const CaseFileSchema = z.object({
  format: z.literal(CASE_FILE_FORMAT),
  formatVersion: z.literal(CASE_FILE_VERSION),
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  exportedAt: TimestampSchema,
  generator: z.string().max(200).default(''),
  case: recordSchemas.cases,
  documents: z.array(recordSchemas.documents.extend({ text: z.string().max(MAX_DOCUMENT_LENGTH) })),
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

export function toCaseFile(data: CaseData, meta: ExportMeta): CaseFile {
  return {
    format: CASE_FILE_FORMAT,
    formatVersion: CASE_FILE_VERSION,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    exportedAt: meta.now,
    generator: `Claimdesk ${meta.version}`,
    case: data.case,
    documents: data.documents.map((d) => ({ ...d, text: textOf(data, d.id) })),
    claims: data.claims,
    entities: data.entities,
    links: data.links,
    judgments: data.judgments,
    briefings: data.briefings,
    history: data.history,
  };
}
