/**
 * The append-only journal that makes an edit durable at a cost independent of the size of
 * the case: one JSON line, appended and fdatasync'd (DESIGN.md measured ~0.15 ms), instead
 * of re-serialising the whole database.
 *
 * The journal is a series of generations, `journal/<gen>.jsonl`. Appends go to the newest
 * one; a fold (fold.ts) starts a new generation at the moment it takes its cut, so the
 * generations before it hold only edits the fold writes into segments. Old generations are
 * deleted once the manifest and the newest backup no longer need them (store.ts), so a
 * backup plus the generations after it always hold every acknowledged edit.
 */
import { mkdir, open, readFile, readdir, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { fsyncDirectory, isNotFound } from './durableFile';
import { isRecord, type JournalEntry, type Op } from './ops';

export const JOURNAL_DIR = 'journal';

const GENERATION = /^(\d{8})\.jsonl$/;
export const generationFile = (gen: number): string => `${String(gen).padStart(8, '0')}.jsonl`;

const isOp = (value: unknown): value is Op =>
  isRecord(value) &&
  typeof value.collection === 'string' &&
  ((value.type === 'put' && isRecord(value.value) && typeof value.value.id === 'string') ||
    (value.type === 'delete' && typeof value.id === 'string'));

export const isEntry = (value: unknown): value is JournalEntry =>
  isRecord(value) &&
  Number.isInteger(value.seq) &&
  Array.isArray(value.ops) &&
  value.ops.every(isOp);

export class JournalError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'JournalError';
  }
}

/** A line that could not be read, kept for the recovery report. */
export interface UnreadableLine {
  file: string;
  line: number;
  reason: string;
}

export interface JournalReadResult {
  entries: JournalEntry[];
  /** A last line cut short by a crash mid-append: never acknowledged, safe to drop. */
  tornTail: boolean;
  /** Damaged lines skipped in lenient mode (strict mode throws on the first one). */
  unreadable: UnreadableLine[];
}

/**
 * Reads one journal file. A damaged line other than the last is an error in strict mode; in
 * lenient mode (after a restore) it is skipped and reported, and reading goes on.
 */
export async function readJournalFile(
  file: string,
  mode: 'strict' | 'lenient' = 'strict',
): Promise<JournalReadResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (isNotFound(error)) return { entries: [], tornTail: false, unreadable: [] };
    throw error;
  }
  const lines = text.split('\n');
  // A file ending in "\n" splits into a last empty string; anything else there is torn.
  const tail = lines.pop() ?? '';
  const entries: JournalEntry[] = [];
  const unreadable: UnreadableLine[] = [];
  lines.forEach((line, i) => {
    if (line.length === 0) return;
    let parsed: unknown;
    let reason = '';
    try {
      parsed = JSON.parse(line);
      if (!isEntry(parsed)) reason = 'not a journal entry';
    } catch {
      reason = 'not valid JSON';
    }
    if (!reason) {
      entries.push(parsed as JournalEntry);
      return;
    }
    if (mode === 'strict') throw new JournalError(file, i + 1, reason);
    unreadable.push({ file, line: i + 1, reason });
  });
  return { entries, tornTail: tail.length > 0, unreadable };
}

/** The generations present in `dir`, oldest first. */
export async function listGenerations(dir: string): Promise<number[]> {
  const names = await readdir(dir).catch((error: unknown) => {
    if (isNotFound(error)) return [] as string[];
    throw error;
  });
  return names
    .map((name) => GENERATION.exec(name)?.[1])
    .filter((g): g is string => g !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

/** Every entry of the generations from `fromGen` on, in order. */
export async function readGenerations(
  dir: string,
  fromGen: number,
  mode: 'strict' | 'lenient' = 'strict',
): Promise<JournalReadResult & { generations: number[] }> {
  const generations = (await listGenerations(dir)).filter((g) => g >= fromGen);
  const all: JournalReadResult = { entries: [], tornTail: false, unreadable: [] };
  for (const gen of generations) {
    const read = await readJournalFile(path.join(dir, generationFile(gen)), mode);
    all.entries.push(...read.entries);
    all.unreadable.push(...read.unreadable);
    all.tornTail ||= read.tornTail;
  }
  return { ...all, generations };
}

/** Appends to the newest generation; rotates to a new one when a fold takes its cut. */
export class Journal {
  private handle: FileHandle | null = null;
  /** Current file size, so a failed append can be rolled back. */
  private size = 0;
  /** Bytes appended since the last rotation, for deciding when to fold. */
  private bytes = 0;

  private constructor(
    readonly dir: string,
    private gen: number,
  ) {}

  /**
   * Opens the journal for appending in a new generation after every one on disk: a start
   * never appends after a line a crash may have torn.
   */
  static async open(dir: string, atLeast: number): Promise<Journal> {
    await mkdir(dir, { recursive: true });
    const existing = await listGenerations(dir);
    return new Journal(dir, Math.max(atLeast, (existing.at(-1) ?? 0) + 1));
  }

  /** The generation new entries go to. */
  get generation(): number {
    return this.gen;
  }

  get appendedBytes(): number {
    return this.bytes;
  }

  /**
   * Appends one entry and returns once it is on disk. If the write fails part-way (a full
   * disk), the partial line is cut off again, so the next append does not land after it
   * and turn a failed edit into a damaged journal.
   */
  async append(entry: JournalEntry): Promise<void> {
    await this.appendLine(`${JSON.stringify(entry)}\n`);
  }

  /**
   * Appends a line made of several pieces (a large import), so that no single string holds
   * the whole edit and the event loop gets a turn between pieces.
   */
  async appendPieces(pieces: AsyncIterable<string>): Promise<void> {
    const handle = await this.openForAppend();
    const before = this.size;
    let written = 0;
    try {
      for await (const piece of pieces) {
        await handle.appendFile(piece, 'utf8');
        written += Buffer.byteLength(piece);
      }
      await handle.appendFile('\n', 'utf8');
      written += 1;
      await handle.datasync();
    } catch (error) {
      await handle.truncate(before);
      throw error;
    }
    this.size += written;
    this.bytes += written;
  }

  /** Starts a new generation: what is appended from now on goes there. */
  async rotate(): Promise<number> {
    await this.handle?.close();
    this.handle = null;
    this.gen += 1;
    this.bytes = 0;
    this.size = 0;
    await this.openForAppend();
    return this.gen;
  }

  /** Deletes the generations before `gen` (those no manifest or backup needs any more). */
  async dropBefore(gen: number): Promise<void> {
    for (const old of await listGenerations(this.dir)) {
      if (old >= gen || old >= this.gen) continue;
      await unlink(path.join(this.dir, generationFile(old))).catch((error: unknown) => {
        if (!isNotFound(error)) throw error;
      });
    }
  }

  async close(): Promise<void> {
    await this.handle?.close();
    this.handle = null;
  }

  private async appendLine(line: string): Promise<void> {
    const handle = await this.openForAppend();
    const before = this.size;
    try {
      await handle.appendFile(line, 'utf8');
      await handle.datasync();
    } catch (error) {
      await handle.truncate(before);
      throw error;
    }
    const written = Buffer.byteLength(line);
    this.size += written;
    this.bytes += written;
  }

  private async openForAppend(): Promise<FileHandle> {
    if (this.handle) return this.handle;
    const handle = await open(path.join(this.dir, generationFile(this.gen)), 'a', 0o600);
    this.size = (await handle.stat()).size;
    // The file may be new: make its directory entry durable before relying on it.
    await fsyncDirectory(this.dir);
    this.handle = handle;
    return handle;
  }
}
