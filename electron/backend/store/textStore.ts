/**
 * Document texts live outside the hot JSON, one file per text named by its sha256, so that
 * saving a claim never rewrites every article (DESIGN.md, "Store"). Texts are immutable:
 * the same text is stored once, however often it is imported.
 *
 * A text can go missing (deleted by hand, a disk error): the store then says which, puts it
 * back from the backups' copies when they have it (backups.ts), and otherwise serves the
 * document without its text, marked, until the file is imported again (same text, same
 * hash: it lands in place).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { access, readFile, readdir } from 'node:fs/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import path from 'node:path';
import { copyFileDurable, fileExists, isNotFound, writeFileDurable } from './durableFile';

export const hashText = (text: string): string =>
  createHash('sha256').update(text, 'utf8').digest('hex');

/** Texts read between two turns of the event loop in getMany (about a millisecond's work). */
const TEXTS_PER_TURN = 32;

/** A document whose text file is missing: what the user can do is in the message. */
export class MissingTextError extends Error {
  constructor(readonly hash: string) {
    super(
      `The text of this document (texts/${hash}.txt) is missing from the data folder, and no backup holds a copy. ` +
        'Import the original file again into this case: the same text is put back in place and its claims show again.',
    );
    this.name = 'MissingTextError';
  }
}

const missingAsNull = (error: unknown): null => {
  if (error instanceof MissingTextError) return null;
  throw error;
};

export class TextStore {
  /** Texts known missing since open (a put of the same text clears one). */
  readonly missing = new Set<string>();

  constructor(
    readonly dir: string,
    /** Where backups keep their copies of texts (backups/texts). */
    private readonly backupCopies: string | null = null,
  ) {}

  private fileFor(hash: string): string {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`not a content hash: ${hash}`);
    return path.join(this.dir, `${hash}.txt`);
  }

  /** Whether the text of this hash is on disk. */
  has(hash: string): Promise<boolean> {
    return fileExists(this.fileFor(hash));
  }

  /** Stores `text` durably and returns its hash. */
  async put(text: string): Promise<string> {
    const hash = hashText(text);
    const file = this.fileFor(hash);
    this.missing.delete(hash);
    try {
      await access(file);
      return hash;
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    await writeFileDurable(file, text);
    return hash;
  }

  /** The text; a MissingTextError when its file is gone. */
  async get(hash: string): Promise<string> {
    try {
      return await readFile(this.fileFor(hash), 'utf8');
    } catch (error) {
      if (!isNotFound(error)) throw error;
      if (await this.recover(hash)) return readFile(this.fileFor(hash), 'utf8');
      this.missing.add(hash);
      throw new MissingTextError(hash);
    }
  }

  /**
   * Many texts, for an export: read synchronously a few dozen at a time (a small file reads
   * faster so than through four round trips to the thread pool each), with a turn of the
   * event loop between batches so that edits go on. A missing text is null (after trying the
   * backups' copy), never an error: the export marks it.
   */
  async getMany(hashes: Iterable<string>): Promise<Map<string, string | null>> {
    const out = new Map<string, string | null>();
    let inBatch = 0;
    for (const hash of new Set(hashes)) {
      try {
        out.set(hash, readFileSync(this.fileFor(hash), 'utf8'));
      } catch (error) {
        if (!isNotFound(error)) throw error;
        out.set(hash, await this.get(hash).catch(missingAsNull));
      }
      if (++inBatch >= TEXTS_PER_TURN) {
        inBatch = 0;
        await nextTurn();
      }
    }
    return out;
  }

  /**
   * Of `hashes`, those whose files are missing after putting back what the backups hold.
   * One directory listing, whatever the number of texts.
   */
  async check(hashes: Iterable<string>): Promise<{ missing: string[]; recovered: string[] }> {
    const present = new Set(await readdir(this.dir).catch(() => [] as string[]));
    const missing: string[] = [];
    const recovered: string[] = [];
    for (const hash of new Set(hashes)) {
      if (present.has(`${hash}.txt`)) continue;
      if (await this.recover(hash)) recovered.push(hash);
      else missing.push(hash);
    }
    missing.forEach((hash) => this.missing.add(hash));
    return { missing, recovered };
  }

  /** Puts a missing text back from the backups' copy, if there is one whose bytes match. */
  private async recover(hash: string): Promise<boolean> {
    if (!this.backupCopies) return false;
    const copy = path.join(this.backupCopies, `${hash}.txt`);
    if (!(await fileExists(copy))) return false;
    if (hashText(await readFile(copy, 'utf8')) !== hash) return false;
    await copyFileDurable(copy, this.fileFor(hash));
    this.missing.delete(hash);
    return true;
  }
}
