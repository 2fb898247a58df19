/** Documents: imported sources, their texts and their versions. */
import { z } from 'zod';
import {
  CalendarDateSchema,
  IdSchema,
  SourceFormatSchema,
  type ClaimDocument,
  type SourceFormat,
} from '../../domain/schemas';
import { fileSource, httpUrl, oneSource, oneSourceMessage, title, windowFields } from '../fields';
import { MAX_DOCUMENT_LENGTH } from '../limits';

export const documentInputs = {
  /** Every document of a case (each version), in the order they were added. For scripts. */
  'documents:list': z.object({ caseId: IdSchema }).strict(),
  /**
   * A window of a case's documents as the sidebar lists them: the newest version of each,
   * in the order they were added, optionally only those whose title matches `query`.
   */
  'documents:query': z
    .object({ caseId: IdSchema, query: z.string().max(200).default(''), ...windowFields })
    .strict(),
  /** One document with its full text and the versions of its lineage. */
  'documents:get': z.object({ documentId: IdSchema }).strict(),
  /**
   * Read a file's text and metadata without adding it, and say whether the case already has
   * it (same text) or an earlier version of it (same URL, title or file name, other text).
   */
  'documents:extract': z
    .object({ caseId: IdSchema, ...fileSource })
    .strict()
    .refine(oneSource, oneSourceMessage),
  /**
   * Add a document (pasted, or a file's extracted text). The text is stored as given, never
   * edited. With `versionOf`, it is a new snapshot of that document and its claims are
   * re-anchored to it; the source details it leaves out (outlet, author, URL, published
   * date) are taken from that document (issue 12), and '' clears one. The same text twice in
   * one case is refused with `conflict`.
   */
  'documents:create': z
    .object({
      caseId: IdSchema,
      title: title(500),
      text: z
        .string()
        .max(MAX_DOCUMENT_LENGTH, { message: 'is too long for one document' })
        .refine((t) => t.trim().length > 0, { message: 'must not be empty' }),
      format: SourceFormatSchema.default('paste'),
      fileName: z.string().trim().max(500).default(''),
      // Left out: '' for a new document, the earlier version's for a new version.
      author: z.string().trim().max(300).optional(),
      // The outlet becomes an entity, whose names are at most 200 characters.
      outlet: z.string().trim().max(200).optional(),
      url: httpUrl.optional(),
      publishedAt: CalendarDateSchema.optional(),
      retrievedAt: CalendarDateSchema.default(''),
      versionOf: IdSchema.nullable().default(null),
    })
    .strict(),
} as const;

/** A document as the sidebar lists it. */
export interface DocumentRow {
  document: ClaimDocument;
  /** Claims on this version. */
  claimCount: number;
  /** Snapshots in its lineage, this one included. */
  versionCount: number;
  /** Its text file is missing from the data folder (issue 10). */
  textMissing: boolean;
}

export interface DocumentPage {
  /** Documents listed (newest versions), matching `query`. */
  total: number;
  offset: number;
  rows: DocumentRow[];
}

export interface DocumentWithText {
  document: ClaimDocument;
  /** The text; null when its file is missing (see `problem`). */
  text: string | null;
  /** Why the text is not there, and what to do; '' when it is. */
  problem: string;
  /** Every snapshot of its lineage, oldest first. */
  versions: ClaimDocument[];
}

export interface ExtractedFile {
  format: SourceFormat;
  text: string;
  meta: { title: string; author: string; outlet: string; url: string; publishedAt: string };
  warnings: string[];
  /** The document in this case with the very same text, if any. */
  duplicateOf: ClaimDocument | null;
  /** Documents in this case with the same URL, title or file name but other text. */
  versionCandidates: ClaimDocument[];
}

export interface CreatedDocument {
  document: ClaimDocument;
  /** With `versionOf`: claims moved to the new snapshot, and claims left for review. */
  reanchored: number;
  orphaned: number;
}
