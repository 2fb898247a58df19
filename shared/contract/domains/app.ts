/** The running backend, and what it is doing now. */
import { z } from 'zod';

export const appInputs = {
  /** Facts about the running backend: version, host kind, where the data lives, its health. */
  'app:info': z.object({}).strict(),
  /**
   * What changed since `since` (a version from an earlier answer), or, with `waitMs`, once
   * something does: the UI keeps one of these open and updates what it shows.
   */
  'changes:since': z
    .object({
      since: z.number().int().nonnegative(),
      waitMs: z.number().int().min(0).max(30_000).default(0),
    })
    .strict(),
} as const;

/** A document whose text file is missing from the data folder (issue 10). */
export interface MissingText {
  documentId: string;
  caseId: string;
  title: string;
  fileName: string;
  contentHash: string;
}

/** What a restore brought back (shown once, after the repair). */
export interface RecoveredSummary {
  backup: string;
  /** Where the damaged files were set aside. */
  movedAside: string;
  /** Edits replayed from the journal on top of the backup. */
  replayed: number;
  /** Edits that no longer applied on top of it. */
  skipped: number;
  /** Journal lines that could not be read. */
  unreadable: number;
  /** True when edits made between the backup and the journal could not be recovered. */
  gap: boolean;
}

export interface StoreHealth {
  /** Claims still loading after start; null once all are in memory. */
  loading: { loaded: number; total: number } | null;
  missingTexts: MissingText[];
  /** Texts put back from the backups' copies at open. */
  textsRecovered: number;
  recovered: RecoveredSummary | null;
}

export interface AppInfo {
  version: string;
  /** Which shell serves this backend. */
  host: 'desktop' | 'web';
  dataDir: string;
  schemaVersion: number;
  health: StoreHealth;
}
