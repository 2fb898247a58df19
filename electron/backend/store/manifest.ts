/**
 * The manifest, `claimdesk.json`: which segments make up the snapshot, up to which journal
 * entry they reach, and where replay starts. It is the one file a fold rewrites whole, and it
 * is small (one line per bucket), so its atomic replacement (temp, fsync, rename, fsync of
 * the folder) is what makes a fold all-or-nothing.
 *
 * Store versions 1–5 kept every record in this file itself; version 6 moved them into
 * segments. legacy.ts reads the old layout and the store converts it on first open.
 */
import { z } from 'zod';
import { COLLECTIONS } from './ops';

export const STORE_FORMAT = 'claimdesk-store';
/** The version whose store file is a manifest of segments. Earlier ones hold the records. */
export const FIRST_SEGMENTED_VERSION = 6;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const SegmentRefSchema = z.object({
  collection: z.enum(COLLECTIONS),
  /** The bucket, e.g. `claims/<caseId>/3`, `history/17/0` (layout.ts, historyLog.ts). */
  key: z.string().min(1).max(200),
  /** The segment file, segments/<hash>.json. */
  hash: Sha256,
  /** Records in it: what a count can say before the segment is read. */
  count: z.number().int().nonnegative(),
});
export type SegmentRef = z.infer<typeof SegmentRefSchema>;

export const ManifestSchema = z.object({
  schemaVersion: z.number().int().min(FIRST_SEGMENTED_VERSION),
  format: z.literal(STORE_FORMAT),
  /** Every segment reflects exactly the journal up to this entry; replay applies what follows. */
  foldedSeq: z.number().int().nonnegative(),
  /** Replay reads the journal generations from this one on. */
  journalFrom: z.number().int().nonnegative(),
  /** When the segments were cut, ISO 8601. */
  foldedAt: z.string(),
  segments: z.array(SegmentRefSchema),
  /**
   * Set by a restore: the next open replays the journal leniently (skipping what no longer
   * applies, and saying so) and reports what it recovered. Cleared by the first fold after.
   */
  restoredFrom: z
    .object({ backup: z.string(), at: z.string(), movedAside: z.string() })
    .nullable()
    .default(null),
  /** Content hashes of the document texts the segments name (a backup keeps copies). */
  texts: z.array(Sha256).default([]),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export const emptyManifest = (schemaVersion: number, journalFrom: number): Manifest => ({
  schemaVersion,
  format: STORE_FORMAT,
  foldedSeq: 0,
  journalFrom,
  foldedAt: new Date().toISOString(),
  segments: [],
  restoredFrom: null,
  texts: [],
});
