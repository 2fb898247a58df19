/**
 * The edits of shared cases still to push to the team database (issue 14), durable on disk.
 *
 * A line is appended and fsynced in the same turn as the edit's journal line, before the edit
 * is acknowledged, so an acknowledged edit of a shared case is never lost to a crash; the edits
 * of one record are kept together (its first base, then each value it took), so a record
 * edited ten times offline goes up once. Each entry has a number `n`: the team database keeps,
 * per client, the highest number it committed (`acked_through`), so a push whose answer was
 * lost is not applied twice.
 */
import {
  closeSync,
  fdatasyncSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import type { CollectionName } from '../store/ops';
import { isNotFound } from '../store/durableFile';
import type { JsonRecord } from './merge';

export interface OutboxEntry {
  n: number;
  caseId: string;
  collection: CollectionName;
  id: string;
  /** The record before this edit (null: new). Left out when not known (mergeRecord). */
  base?: JsonRecord | null;
  /** The record after it (null: deleted). */
  value: JsonRecord | null;
}

/** One record's edits not yet pushed. */
export interface PendingRecord {
  caseId: string;
  collection: CollectionName;
  id: string;
  /** What the team database had when the first of these edits was made (see OutboxEntry). */
  base: JsonRecord | null | undefined;
  /** Every value it took since, oldest first: a push sends the last one. */
  steps: { n: number; value: JsonRecord | null }[];
}

type Line =
  | { entry: OutboxEntry; seq: number }
  | { ack: string; through: number }
  | { header: { lastN: number; lastSeq: number } };

const keyOf = (collection: string, id: string): string => `${collection}\u0000${id}`;

/** Rewrite the file once it is this large and its acknowledged lines dominate. */
const COMPACT_AFTER_BYTES = 1024 * 1024;
/** ...or once nothing waits and it is past this size. */
const COMPACT_IDLE_BYTES = 64 * 1024;

/** Makes a rename durable (Windows cannot open a directory; its rename is durable enough). */
function fsyncDirSync(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export class Outbox {
  /** Per case, per record key. */
  private readonly pending = new Map<string, Map<string, PendingRecord>>();
  private fd: number | null = null;
  private lastN = 0;
  /** The last journal seq whose edits are in this file (replay at open skips up to it). */
  lastSeq = 0;

  private constructor(private readonly file: string) {}

  /** Reads the file (a torn last line is a crash mid-append: the edit was never acknowledged). */
  static open(file: string): Outbox {
    const outbox = new Outbox(file);
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    for (const raw of text.split('\n')) {
      if (!raw.trim()) continue;
      let line: Line;
      try {
        line = JSON.parse(raw) as Line;
      } catch {
        continue;
      }
      outbox.read(line);
    }
    outbox.fd = openSync(file, 'a', 0o600);
    return outbox;
  }

  private read(line: Line): void {
    if ('header' in line) {
      this.lastN = Math.max(this.lastN, line.header.lastN);
      this.lastSeq = Math.max(this.lastSeq, line.header.lastSeq);
    } else if ('entry' in line) {
      this.add(line.entry);
      this.lastSeq = Math.max(this.lastSeq, line.seq);
    } else {
      this.acked(line.ack, line.through);
    }
  }

  private add(entry: OutboxEntry): void {
    this.lastN = Math.max(this.lastN, entry.n);
    let byKey = this.pending.get(entry.caseId);
    if (!byKey) {
      byKey = new Map<string, PendingRecord>();
      this.pending.set(entry.caseId, byKey);
    }
    const key = keyOf(entry.collection, entry.id);
    const record = byKey.get(key);
    if (record) {
      record.steps.push({ n: entry.n, value: entry.value });
      return;
    }
    byKey.set(key, {
      caseId: entry.caseId,
      collection: entry.collection,
      id: entry.id,
      base: 'base' in entry ? (entry.base ?? null) : undefined,
      steps: [{ n: entry.n, value: entry.value }],
    });
  }

  /**
   * Drops what the database committed, up to entry `through`. A record edited again since
   * it went up keeps its later edits, now based on the value that went up.
   */
  private acked(caseId: string, through: number): void {
    const byKey = this.pending.get(caseId);
    if (!byKey) return;
    for (const [key, record] of byKey) {
      let pushed = -1;
      while (pushed + 1 < record.steps.length && (record.steps[pushed + 1]?.n ?? 0) <= through)
        pushed++;
      if (pushed < 0) continue;
      if (pushed === record.steps.length - 1) {
        byKey.delete(key);
      } else {
        record.base = record.steps[pushed]?.value ?? null;
        record.steps = record.steps.slice(pushed + 1);
      }
    }
    if (byKey.size === 0) this.pending.delete(caseId);
  }

  /** Appends the edits of one journal entry, durably. */
  append(seq: number, edits: readonly Omit<OutboxEntry, 'n'>[]): void {
    if (edits.length === 0) {
      return;
    }
    const lines: string[] = [];
    for (const edit of edits) {
      const entry: OutboxEntry = { ...edit, n: this.lastN + 1 };
      this.add(entry);
      lines.push(JSON.stringify({ entry, seq } satisfies Line));
    }
    this.lastSeq = Math.max(this.lastSeq, seq);
    this.writeLines(lines);
  }

  /** Records that the database committed this case's entries up to `through`. */
  ack(caseId: string, through: number): void {
    this.acked(caseId, through);
    this.writeLines([JSON.stringify({ ack: caseId, through } satisfies Line)]);
    this.compactIfLarge();
  }

  private writeLines(lines: readonly string[]): void {
    if (this.fd === null) throw new Error('The outbox is closed.');
    writeSync(this.fd, `${lines.join('\n')}\n`);
    fdatasyncSync(this.fd);
  }

  /** The records of a case waiting to be pushed, oldest edit first. */
  waiting(caseId: string): PendingRecord[] {
    const byKey = this.pending.get(caseId);
    if (!byKey) return [];
    return [...byKey.values()].sort((a, b) => (a.steps.at(-1)?.n ?? 0) - (b.steps.at(-1)?.n ?? 0));
  }

  /**
   * How many records of a case wait, as the analyst counts edits: the history entries that
   * go with each edited claim are not counted again.
   */
  count(caseId: string): number {
    let n = 0;
    for (const record of this.pending.get(caseId)?.values() ?? []) {
      if (record.collection !== 'history') n++;
    }
    return n;
  }

  /** Whether anything of a case waits (history entries included). */
  any(caseId: string): boolean {
    return (this.pending.get(caseId)?.size ?? 0) > 0;
  }

  /** Whether a record has a local edit not yet pushed (a pull then leaves it to the push). */
  has(caseId: string, collection: string, id: string): boolean {
    return this.pending.get(caseId)?.has(keyOf(collection, id)) ?? false;
  }

  /** Forgets a case's waiting edits (the case stopped being shared here). */
  forget(caseId: string): void {
    const byKey = this.pending.get(caseId);
    if (!byKey) return;
    const through = Math.max(...[...byKey.values()].map((r) => r.steps.at(-1)?.n ?? 0));
    this.ack(caseId, through);
  }

  /**
   * Rewrites the file with only what still waits, once acknowledged lines make it large.
   * Synchronous, like the appends: no edit's line can land in the file being replaced.
   */
  private compactIfLarge(): void {
    let size: number;
    try {
      size = statSync(this.file).size;
    } catch {
      return;
    }
    const idle = this.pending.size === 0;
    if (size < COMPACT_AFTER_BYTES && !(idle && size >= COMPACT_IDLE_BYTES)) return;
    const lines: string[] = [
      JSON.stringify({ header: { lastN: this.lastN, lastSeq: this.lastSeq } } satisfies Line),
    ];
    for (const byKey of this.pending.values()) {
      for (const record of byKey.values()) {
        record.steps.forEach((step, i) => {
          const entry: OutboxEntry = {
            n: step.n,
            caseId: record.caseId,
            collection: record.collection,
            id: record.id,
            value: step.value,
          };
          if (i === 0 && record.base !== undefined) entry.base = record.base;
          lines.push(JSON.stringify({ entry, seq: this.lastSeq } satisfies Line));
        });
      }
    }
    const temp = `${this.file}.compact.tmp`;
    const fd = openSync(temp, 'w', 0o600);
    try {
      writeSync(fd, `${lines.join('\n')}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (this.fd !== null) closeSync(this.fd);
    renameSync(temp, this.file);
    fsyncDirSync(path.dirname(this.file));
    this.fd = openSync(this.file, 'a', 0o600);
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
