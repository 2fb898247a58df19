/**
 * Folding: writing what the journal holds into segments, so the journal stays short and a
 * start has little to replay (issue 9: "folding off the edit queue", "the snapshot split so
 * that a fold rewrites only changed parts").
 *
 * 1. The cut, inside the edit queue and short: start a new journal generation, take the
 *    records of every dirty bucket (references only: records are replaced, never changed in
 *    place, so these are the records as of the cut) and the history not yet written.
 * 2. Outside the queue, one bucket at a time with a turn for other work between buckets:
 *    each taken bucket becomes a new segment file (segmentFile.ts).
 * 3. A new manifest naming the segments as of the cut replaces the old one atomically.
 *    Only then are old segments and journal generations let go; a crash before leaves the
 *    old manifest and everything it names as it was.
 * 4. A backup, when one is due (backups.ts), and the journal generations no manifest or
 *    backup needs any more are deleted.
 */
import { readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Low } from 'lowdb';
import type { HistoryEntry } from '../../../shared/domain/schemas';
import type { BackupRotation } from './backups';
import { DurableJsonFile, isNotFound } from './durableFile';
import { writeSegment } from './historyLog';
import type { Journal } from './journal';
import type { Bucket } from './layout';
import type { Manifest, SegmentRef } from './manifest';
import { SEGMENTS_DIR, isSegmentName, segmentName } from './segmentFile';
import type { Store } from './store';

export const MANIFEST_FILE = 'claimdesk.json';

export interface FoldOptions {
  /** Fold once the journal has grown this much since the last cut (bytes). */
  foldAfterBytes: number;
  /** Fold after this long without edits, when anything is unwritten (ms; 0: never). */
  idleFoldMs: number;
  backups: BackupRotation;
  log: (message: string) => void;
  /** The clock, injected by tests. */
  now: () => Date;
  /** Awaited before each segment a fold writes: lets a test hold a fold mid-write. */
  beforeSegmentWrite?: (key: string) => Promise<void>;
}

interface Cut {
  seq: number;
  gen: number;
  at: string;
  taken: { bucket: Bucket; records: { id: string }[] }[];
  /** Buckets unchanged since the last fold, as the manifest had them. */
  unchanged: SegmentRef[];
  history: Map<number, HistoryEntry[]>;
  texts: string[];
}

export async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
  await new Low<unknown>(new DurableJsonFile(path.join(dir, MANIFEST_FILE)), manifest).write();
}

export class Folder {
  private running: Promise<void> | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  /** Ops applied since the last cut: what makes a fold worth running. */
  private unwritten = false;

  constructor(
    private readonly store: Store,
    readonly journal: Journal,
    /** The manifest on disk now. */
    public manifest: Manifest,
    private readonly options: FoldOptions,
  ) {}

  /** After each edit: fold when the journal has grown enough, or later when all is quiet. */
  afterEdit(): void {
    this.unwritten = true;
    if (this.journal.appendedBytes > this.options.foldAfterBytes) {
      void this.fold().catch((error: unknown) => this.report(error));
      return;
    }
    if (this.options.idleFoldMs > 0) {
      if (this.idleTimer) clearTimeout(this.idleTimer);
      this.idleTimer = setTimeout(() => {
        this.idleTimer = null;
        void this.fold().catch((error: unknown) => this.report(error));
      }, this.options.idleFoldMs);
      this.idleTimer.unref();
    }
  }

  /** Marks the state as needing a fold though no edit ran (a conversion, a restore). */
  markUnwritten(): void {
    this.unwritten = true;
  }

  /** Folds now (or joins the fold under way, then folds what came after it). */
  async fold(): Promise<void> {
    // A loop, not one wait: several callers may wait on one fold, and the first of them to
    // wake starts the next; the others must join that one, never run a second fold beside it
    // (its cut would name the buckets the first is rewriting by their old segments).
    while (this.running) await this.running.catch(() => undefined);
    if (!this.unwritten) return;
    const run = this.run().finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
    await run;
  }

  /** Waits for a fold under way, folds what is left, backs up, closes the journal. */
  async close(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    await this.running?.catch(() => undefined);
    if (this.unwritten) await this.fold();
    await this.journal.close();
    await this.options.backups.close(this.manifest);
  }

  private report(error: unknown): void {
    this.options.log(
      `Claimdesk could not fold its journal into the store (it stays in the journal, nothing is lost): ${error instanceof Error ? error.message : String(error)}`,
    );
  }

  private async run(): Promise<void> {
    // A cut while claims still load in the background would leave their buckets out of the
    // manifest: the fold waits for every record to be in memory.
    await this.store.ready;
    const cut = await this.store.enqueue(() => this.takeCut());
    const segmentsDir = path.join(this.store.dir, SEGMENTS_DIR);
    const written: SegmentRef[] = [];
    const writtenHistory = new Map<number, SegmentRef[]>();
    try {
      for (const { bucket, records } of cut.taken) {
        if (records.length === 0) continue;
        await this.options.beforeSegmentWrite?.(bucket.key);
        written.push(
          await writeSegment(segmentsDir, {
            collection: bucket.collection,
            key: bucket.key,
            records,
          }),
        );
        await nextTurn();
      }
      for (const [bucket, entries] of cut.history) {
        writtenHistory.set(bucket, await this.store.history.writeBucket(bucket, entries));
        await nextTurn();
      }
      const historyRefs = this.store.history.refs().filter((ref) => {
        const bucket = Number(ref.key.split('/')[1]);
        return !writtenHistory.has(bucket);
      });
      const manifest: Manifest = {
        ...this.manifest,
        foldedSeq: cut.seq,
        journalFrom: cut.gen,
        foldedAt: cut.at,
        segments: [
          ...cut.unchanged,
          ...written,
          ...historyRefs,
          ...[...writtenHistory.values()].flat(),
        ],
        restoredFrom: null,
        texts: cut.texts,
      };
      await writeManifest(this.store.dir, manifest);
      this.manifest = manifest;
    } catch (error) {
      // Nothing was committed: the taken buckets and history wait for the next fold, and
      // the journal generations before the cut still hold every edit.
      for (const { bucket } of cut.taken) bucket.dirty = true;
      this.store.history.uncapture();
      this.unwritten = true;
      throw error;
    }
    const byKey = new Map(written.map((ref) => [ref.key, ref.hash]));
    for (const { bucket } of cut.taken) bucket.hash = byKey.get(bucket.key) ?? null;
    this.store.history.committed(writtenHistory);
    await this.letGo();
  }

  /** Step 1, inside the edit queue. */
  private async takeCut(): Promise<Cut> {
    this.unwritten = false;
    const gen = await this.journal.rotate();
    const taken: Cut['taken'] = [];
    const unchanged: SegmentRef[] = [];
    for (const bucket of this.store.layout.all()) {
      if (!bucket.dirty) {
        if (bucket.hash && bucket.ids.size > 0) {
          unchanged.push({
            collection: bucket.collection,
            key: bucket.key,
            hash: bucket.hash,
            count: bucket.ids.size,
          });
        }
        continue;
      }
      bucket.dirty = false;
      const map = this.store.records[bucket.collection] as Map<string, { id: string }>;
      const records: { id: string }[] = [];
      for (const id of bucket.ids) {
        const record = map.get(id);
        if (record) records.push(record);
      }
      taken.push({ bucket, records });
    }
    const texts = new Set<string>();
    for (const document of this.store.records.documents.values()) texts.add(document.contentHash);
    return {
      seq: this.store.journalSeq,
      gen,
      at: this.options.now().toISOString(),
      taken,
      unchanged,
      history: this.store.history.capture(),
      texts: [...texts].sort(),
    };
  }

  /** Step 3's clean-up and step 4: old segments and journal generations, and the backup. */
  private async letGo(): Promise<void> {
    await this.removeUnnamedSegments();
    try {
      await this.options.backups.afterFold(this.manifest);
    } catch (error) {
      this.options.log(
        `Claimdesk could not make a backup: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const needed = Math.min(
      this.manifest.journalFrom,
      this.options.backups.newestJournalFrom() ?? this.manifest.journalFrom,
    );
    await this.journal.dropBefore(needed);
  }

  /**
   * Segment files the manifest does not name: replaced ones, and leftovers of a crash. A
   * history part a reader is still reading (historyLog.ts pins it) waits for the next fold.
   */
  async removeUnnamedSegments(): Promise<void> {
    const named = new Set(this.manifest.segments.map((ref) => segmentName(ref.hash)));
    for (const hash of this.store.history.pinned()) named.add(segmentName(hash));
    const dir = path.join(this.store.dir, SEGMENTS_DIR);
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      if (!isSegmentName(name) || named.has(name)) continue;
      await unlink(path.join(dir, name)).catch((error: unknown) => {
        if (!isNotFound(error)) throw error;
      });
    }
  }
}
