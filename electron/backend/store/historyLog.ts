/**
 * Claim history, kept out of memory (issue 9: "history is never pruned and scanned per
 * call"). History only grows: an entry is written once and never changed. Entries are spread
 * over 64 buckets by claim id; each bucket is a run of parts (segments of up to 2,000
 * entries). A fold adds new entries to the last part of each bucket that has some, so it
 * rewrites at most one part per bucket; older parts never change.
 *
 * A claim's history is read from its bucket's parts (a sixty-fourth of the whole, cached)
 * plus the entries no fold has written yet.
 */
import { Low } from 'lowdb';
import type { HistoryEntry } from '../../../shared/domain/schemas';
import type { SegmentRef } from './manifest';
import { SegmentFile, type SegmentData } from './segmentFile';

export const HISTORY_BUCKETS = 64;
const PART_CAPACITY = 2000;
const CACHED_PARTS = 16;

/** FNV-1a over the id: spreads ids evenly, the same in every process and version. */
export function historyBucketOf(claimId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < claimId.length; i++) {
    hash ^= claimId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % HISTORY_BUCKETS;
}

const partKey = (bucket: number, n: number) => `history/${bucket}/${n}`;

export function parseHistoryKey(key: string): { bucket: number; n: number } | null {
  const match = /^history\/(\d+)\/(\d+)$/.exec(key);
  if (!match) return null;
  const bucket = Number(match[1]);
  return bucket < HISTORY_BUCKETS ? { bucket, n: Number(match[2]) } : null;
}

export async function readSegment(dir: string, hash: string): Promise<SegmentData> {
  const db = new Low<SegmentData>(new SegmentFile(dir, hash), EMPTY_SEGMENT);
  await db.read();
  return db.data;
}

const EMPTY_SEGMENT: SegmentData = { collection: 'history', key: '', records: [] };

export async function writeSegment(dir: string, data: SegmentData): Promise<SegmentRef> {
  const adapter = new SegmentFile(dir);
  await new Low<SegmentData>(adapter, data).write();
  return {
    collection: data.collection,
    key: data.key,
    hash: adapter.hash,
    count: data.records.length,
  };
}

/** Parts read ahead of the one being used by `entries`. */
const READ_AHEAD = 4;

export class HistoryLog {
  private readonly parts: SegmentRef[][] = Array.from({ length: HISTORY_BUCKETS }, () => []);
  private pending: HistoryEntry[][] = Array.from({ length: HISTORY_BUCKETS }, () => []);
  /** Taken by a fold that has not committed yet: still part of the history. */
  private inflight: HistoryEntry[][] = Array.from({ length: HISTORY_BUCKETS }, () => []);
  private readonly cache = new Map<string, HistoryEntry[]>();
  /** Parts being read, by hash, with how many readers. */
  private readonly pins = new Map<string, number>();

  constructor(private readonly dir: string) {}

  /** A part named by the manifest. */
  loaded(ref: SegmentRef): void {
    const key = parseHistoryKey(ref.key);
    if (!key) throw new Error(`the segment ${ref.hash} has an unknown history key "${ref.key}"`);
    const list = this.parts[key.bucket] ?? [];
    list[key.n] = ref;
  }

  add(entry: HistoryEntry): void {
    this.pending[historyBucketOf(entry.claimId)]?.push(entry);
  }

  /**
   * One claim's history, oldest first. What it reads is taken at the call, in one go: the
   * parts named now (pinned, so that a fold committing meanwhile does not delete them under
   * it) and the entries no fold has written yet, so a fold in between changes nothing.
   */
  async of(claimId: string): Promise<HistoryEntry[]> {
    const bucket = historyBucketOf(claimId);
    const parts = (this.parts[bucket] ?? []).filter((p): p is SegmentRef => !!p);
    const unwritten = [...(this.inflight[bucket] ?? []), ...(this.pending[bucket] ?? [])];
    const found: HistoryEntry[] = [];
    const release = this.pin(parts);
    try {
      for (const ref of parts) {
        for (const entry of await this.read(ref)) if (entry.claimId === claimId) found.push(entry);
      }
    } finally {
      release();
    }
    for (const entry of unwritten) if (entry.claimId === claimId) found.push(entry);
    return found.sort((a, b) => a.at.localeCompare(b.at));
  }

  /**
   * Every entry whose claim passes `keep`, bucket by bucket (oldest first within each): for
   * exports, which stream. The parts listed when it starts are read (and pinned until the
   * last is), so a fold meanwhile changes nothing.
   */
  async *entries(keep: (claimId: string) => boolean): AsyncGenerator<HistoryEntry[]> {
    const parts = this.parts.flatMap((list) => list.filter((p): p is SegmentRef => !!p));
    const unwritten = [...this.inflight.flat(), ...this.pending.flat()];
    const release = this.pin(parts);
    try {
      // A few parts read ahead: the disk works while the last one read is sorted and used.
      const reads: Promise<SegmentData>[] = [];
      const readAhead = (upTo: number) => {
        while (reads.length < Math.min(parts.length, upTo)) {
          const read = readSegment(this.dir, parts[reads.length]?.hash ?? '');
          // Awaited in turn below; one left unread when the reader stops must not go unhandled.
          read.catch(() => undefined);
          reads.push(read);
        }
      };
      for (let i = 0; i < parts.length; i++) {
        readAhead(i + READ_AHEAD);
        const entries = (await reads[i])?.records as HistoryEntry[];
        yield entries.filter((e) => keep(e.claimId)).sort((a, b) => a.at.localeCompare(b.at));
      }
    } finally {
      release();
    }
    yield unwritten.filter((e) => keep(e.claimId)).sort((a, b) => a.at.localeCompare(b.at));
  }

  /** Parts being read: a fold's clean-up leaves them for the next one (fold.ts). */
  pinned(): string[] {
    return [...this.pins.keys()];
  }

  private pin(parts: readonly SegmentRef[]): () => void {
    for (const { hash } of parts) this.pins.set(hash, (this.pins.get(hash) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const { hash } of parts) {
        const left = (this.pins.get(hash) ?? 1) - 1;
        if (left > 0) this.pins.set(hash, left);
        else this.pins.delete(hash);
      }
    };
  }

  get unwrittenCount(): number {
    return this.pending.reduce((n, list) => n + list.length, 0);
  }

  /** A fold's cut: the entries it will write, per bucket. */
  capture(): Map<number, HistoryEntry[]> {
    const taken = new Map<number, HistoryEntry[]>();
    this.pending.forEach((list, bucket) => {
      if (list.length > 0) taken.set(bucket, list);
    });
    this.inflight = this.pending;
    this.pending = Array.from({ length: HISTORY_BUCKETS }, () => []);
    return taken;
  }

  /** The fold failed: what it took goes back in front of what came since. */
  uncapture(): void {
    this.pending = this.pending.map((list, bucket) => [...(this.inflight[bucket] ?? []), ...list]);
    this.inflight = Array.from({ length: HISTORY_BUCKETS }, () => []);
  }

  /** Writes `entries` after the bucket's last part; returns the bucket's parts as they become. */
  async writeBucket(bucket: number, entries: readonly HistoryEntry[]): Promise<SegmentRef[]> {
    const parts = [...(this.parts[bucket] ?? [])].filter((p): p is SegmentRef => !!p);
    const last = parts.at(-1);
    let carried: HistoryEntry[] = [];
    let n = parts.length;
    if (last && last.count < PART_CAPACITY) {
      carried = await this.read(last);
      parts.pop();
      n -= 1;
    }
    const all = [...carried, ...entries];
    for (let start = 0; start < all.length; start += PART_CAPACITY, n += 1) {
      const records = all.slice(start, start + PART_CAPACITY);
      parts.push(
        await writeSegment(this.dir, { collection: 'history', key: partKey(bucket, n), records }),
      );
    }
    return parts;
  }

  /** The fold committed: its parts are the history now, and what it took is on disk. */
  committed(written: ReadonlyMap<number, SegmentRef[]>): void {
    for (const [bucket, parts] of written) this.parts[bucket] = parts;
    this.inflight = Array.from({ length: HISTORY_BUCKETS }, () => []);
  }

  /** Every part, for the manifest. */
  refs(): SegmentRef[] {
    return this.parts.flat().filter((p): p is SegmentRef => !!p);
  }

  private async read(ref: SegmentRef): Promise<HistoryEntry[]> {
    const cached = this.cache.get(ref.hash);
    if (cached) return cached;
    const entries = (await readSegment(this.dir, ref.hash)).records as HistoryEntry[];
    this.cache.set(ref.hash, entries);
    if (this.cache.size > CACHED_PARTS) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    return entries;
  }
}
