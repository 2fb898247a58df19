/**
 * Writing a large file a piece at a time (issue 9: "exports ... stream, linear in size"):
 * each piece goes to the file as it is made, waiting for the disk when the stream's buffer is
 * full, and the event loop gets a turn between batches, so edits and other calls go on while
 * an export of 100,000 claims is written.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { JobControl } from '../jobs/jobRunner';

/** Records serialised between two turns of the event loop (a few milliseconds). */
export const BATCH = 500;

/** Bytes gathered before they are handed to the file: few large writes, not many small ones. */
const CHUNK_BYTES = 1 << 20;

/**
 * Writes text to a file through one buffer at a time: each piece is encoded straight into
 * the buffer (no joined strings, which at 100,000 records cost more in garbage collection
 * than the export itself), and a full buffer goes to the stream, waited for only when the
 * disk lags behind.
 */
export class FileWriter {
  private readonly stream: WriteStream;
  private failed: Error | null = null;
  private chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  bytes = 0;

  constructor(file: string) {
    this.stream = createWriteStream(file, { mode: 0o600, highWaterMark: 4 * CHUNK_BYTES });
    this.stream.on('error', (error) => {
      this.failed = error;
    });
  }

  /**
   * Takes a piece of text. Most pieces only go into the buffer, and then nothing is returned
   * to wait for: at 100,000 records, a promise per piece (and a turn of the microtask queue
   * to await it) was a tenth of an export. A promise comes back when the buffer had to go to
   * the file first; the caller waits for it before the next piece.
   */
  write(text: string): Promise<void> | null {
    if (this.failed) return Promise.reject(this.failed);
    // UTF-8 takes at most three bytes per UTF-16 unit: room for that, or the buffer goes first.
    const most = text.length * 3;
    if (this.used + most > this.chunk.length) return this.writeAfterFlush(text, most);
    this.used += this.chunk.write(text, this.used);
    return null;
  }

  private async writeAfterFlush(text: string, most: number): Promise<void> {
    await this.flush();
    if (most > this.chunk.length) {
      await this.send(Buffer.from(text));
      return;
    }
    this.used += this.chunk.write(text, this.used);
  }

  private async flush(): Promise<void> {
    if (this.used === 0) return;
    const full = this.chunk.subarray(0, this.used);
    this.chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    this.used = 0;
    await this.send(full);
  }

  private async send(bytes: Buffer): Promise<void> {
    this.bytes += bytes.length;
    if (this.stream.write(bytes)) return;
    await new Promise<void>((resolve, reject) => {
      const done = (error?: Error) => {
        this.stream.off('drain', done);
        this.stream.off('error', done);
        if (error) reject(error);
        else resolve();
      };
      this.stream.on('drain', done);
      this.stream.on('error', done);
    });
  }

  async close(): Promise<void> {
    await this.flush();
    if (this.failed) throw this.failed;
    await new Promise<void>((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end(() => {
        this.stream.off('error', reject);
        resolve();
      });
    });
  }
}

/** What an export reports as it goes: records written, of how many. */
export class Progress {
  done = 0;

  constructor(
    private readonly control: JobControl,
    readonly total: number,
  ) {
    control.progress(0, total);
  }

  /**
   * Counts `n` records; every batch gives a turn to other work and checks for a cancel (a
   * cancel throws here). Between batches nothing is returned to wait for (see `write`).
   */
  step(n = 1): Promise<void> | null {
    const before = Math.floor(this.done / BATCH);
    this.done += n;
    if (Math.floor(this.done / BATCH) === before) return null;
    this.control.progress(this.done, this.total);
    this.control.check();
    return nextTurn().then(() => undefined);
  }
}

/**
 * Writes `items` as the elements of a JSON array, one per line (indented by `indent`), each
 * made by `map`: `[` … `]` with commas between.
 */
export async function writeJsonArray<T>(
  out: FileWriter,
  items: Iterable<T> | AsyncIterable<T>,
  map: (item: T) => unknown,
  progress: Progress | null,
  indent = '    ',
): Promise<number> {
  let count = 0;
  await out.write('[');
  // A promise to wait for only when the writer or the progress gives one (FileWriter.write).
  const put = (item: T): Promise<void> | null => {
    const written = out.write(`${count > 0 ? ',' : ''}\n${indent}${JSON.stringify(map(item))}`);
    count += 1;
    if (written)
      return written.then(async () => {
        await progress?.step();
      });
    return progress?.step() ?? null;
  };
  if (Symbol.iterator in items) {
    for (const item of items) {
      const pending = put(item);
      if (pending) await pending;
    }
  } else {
    for await (const item of items) {
      const pending = put(item);
      if (pending) await pending;
    }
  }
  await out.write(count > 0 ? `\n${indent.slice(2)}]` : ']');
  return count;
}
