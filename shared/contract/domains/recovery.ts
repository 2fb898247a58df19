/** The way back from a damaged store: its backups, restore, or start empty. */
import { z } from 'zod';
import type { RecoveredSummary } from './app';

export const recoveryInputs = {
  /**
   * Whether the store opened, and if not why (its files are damaged or missing), with the
   * backups there are to go back to. The app asks first; while `damaged`, every other call
   * is refused. A healthy store lists no backups: there is nothing to restore from the app,
   * and reading them (thousands of files at 100k claims) would hold up every start.
   */
  'recovery:status': z.object({}).strict(),
  /**
   * Only while the store is damaged: set the damaged files aside, put the backup `file` (a
   * name from `recovery:status`) in their place, replay on top of it what the journal still
   * holds, and open the store.
   */
  'recovery:restore': z
    .object({
      file: z
        .string()
        .max(200)
        .regex(/^claimdesk-[0-9A-Za-z.-]+\.json$/, { message: 'must name a Claimdesk backup' }),
    })
    .strict(),
  /** Only while the store is damaged: set the damaged files aside and start an empty store. */
  'recovery:startEmpty': z.object({}).strict(),
} as const;

/** One backup of the store, as the recovery screen lists it. */
export interface BackupSummary {
  /** Its file name in the data dir's backups/ folder: what `recovery:restore` takes. */
  file: string;
  /** When it was made, ISO 8601. */
  date: string;
  /** In bytes. */
  size: number;
  cases: number;
  documents: number;
  claims: number;
  /** False when it cannot be restored: listed, not restorable. */
  usable: boolean;
  /** Why it is not usable; '' when it is. */
  problem: string;
}

export interface RecoveryStatus {
  /** True when the store's files are damaged and the app runs only the recovery calls. */
  damaged: boolean;
  /** What is wrong, in words a user can act on; '' when the store is fine. */
  problem: string;
  /** The damaged file (full path); '' when the store is fine. */
  file: string;
  /** Newest first; only while `damaged` (empty for a healthy store). */
  backups: BackupSummary[];
}

export interface Repaired {
  restored: true;
  /** After a restore: what came back, and where the damaged files went. */
  recovered: RecoveredSummary | null;
  /** The folder holding the damaged store as it was. */
  movedAside: string;
}
