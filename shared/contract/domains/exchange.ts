/**
 * A whole case out (JSON, CSV, W3C Web Annotation, STIX 2.1) and a case file back in. Both
 * run as jobs (issue 9: "exports and imports stream, linear in size, with a progress bar and
 * cancel"): the call starts the job and answers at once; `jobs:*` follow it.
 */
import { z } from 'zod';
import { IdSchema } from '../../domain/schemas';
import { fileSource, oneSource, oneSourceMessage } from '../fields';
import type { GradeConflict } from '../../exchange/gradeConflicts';

export const exchangeInputs = {
  /** Start writing the case as a file; the job's result names the file to download. */
  'cases:export': z
    .object({ caseId: IdSchema, format: z.enum(['json', 'csv', 'w3c', 'stix']) })
    .strict(),
  /**
   * Start reading a case exported as JSON (by this or an older version): as a new case, or
   * merged into an existing one with duplicates recognised. All or nothing.
   */
  'cases:import': z
    .object({ ...fileSource, intoCaseId: IdSchema.nullable().default(null) })
    .strict()
    .refine(oneSource, oneSourceMessage),
  /** Where a job is. */
  'jobs:status': z.object({ jobId: z.string().regex(/^[0-9a-f]{32}$/) }).strict(),
  /** Where a job is once it is done, or after `waitMs`, whichever comes first. */
  'jobs:wait': z
    .object({
      jobId: z.string().regex(/^[0-9a-f]{32}$/),
      waitMs: z.number().int().min(0).max(30_000).default(10_000),
    })
    .strict(),
  /** Stop a job: an export leaves no file, an import writes nothing. */
  'jobs:cancel': z.object({ jobId: z.string().regex(/^[0-9a-f]{32}$/) }).strict(),
} as const;

export interface ImportedCase {
  caseId: string;
  /** Records added, and records recognised as already there (merge only). */
  added: { documents: number; claims: number; entities: number; links: number; judgments: number };
  merged: { documents: number; claims: number; entities: number };
  /**
   * People and outlets the file grades differently from this store (issue 11). The import
   * keeps this store's grade; the analyst then chooses, entity by entity, whose to keep.
   */
  gradeConflicts: GradeConflict[];
}

/** An export's file, kept by the backend until downloaded (or for an hour). */
export interface JobFile {
  fileName: string;
  mimeType: string;
  size: number;
  /**
   * Names the file for a download: the web host serves it at `/download/<jobId>/<key>`, so a
   * browser can save it without holding it in memory. Good for this file only.
   */
  key: string;
}

export interface JobStatus {
  jobId: string;
  kind: 'export' | 'import';
  /** What it does, in words: "Exporting “Venezuela watch” as STIX 2.1". */
  label: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  /** Records done and to do (claims, mostly): the progress bar. */
  done: number;
  total: number;
  /** Why it failed, in words a user can act on. */
  error: string | null;
  /** Set when an export is done. */
  file: JobFile | null;
  /** Set when an import is done. */
  imported: ImportedCase | null;
}

export interface JobStarted {
  jobId: string;
}
