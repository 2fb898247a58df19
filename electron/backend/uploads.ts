/**
 * Files on their way in (issue 10: "files travel to the backend without base64 inflation").
 * The web host streams a request body into uploads/<id> and the desktop shell hands over the
 * bytes it read; a call then names the upload by its id. An upload is used once, and what
 * is left over (an abandoned import) is removed after an hour and at the next start.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { CallFailure } from '../../shared/contract/result';
import { formatBytes } from '../../shared/contract/limits';
import { writeFileDurable } from './store/durableFile';

export const UPLOADS_DIR = 'uploads';
const KEEP_MS = 60 * 60 * 1000;

interface Upload {
  fileName: string;
  size: number;
  at: number;
}

/** Thrown when a body passes the limit: the web host answers 413 with this message. */
export class TooLargeError extends Error {
  constructor(fileName: string, limit: number) {
    super(
      `“${fileName}” is larger than ${formatBytes(limit)}, the most Claimdesk takes in one file. Nothing was imported.`,
    );
    this.name = 'TooLargeError';
  }
}

export class Uploads {
  private readonly known = new Map<string, Upload>();

  constructor(readonly dir: string) {}

  /** Clears what an earlier run left. */
  async open(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
    await mkdir(this.dir, { recursive: true });
  }

  private fileOf(id: string): string {
    if (!/^[0-9a-f]{32}$/.test(id)) throw new Error(`not an upload id: ${id}`);
    return path.join(this.dir, id);
  }

  /** Streams `body` to disk, refusing past `limit` bytes (nothing of it is kept then). */
  async receive(
    fileName: string,
    body: Readable,
    limit: number,
  ): Promise<{ uploadId: string; size: number }> {
    await this.sweep();
    const id = randomBytes(16).toString('hex');
    const file = this.fileOf(id);
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > limit) done(new TooLargeError(fileName, limit));
        else done(null, chunk);
      },
    });
    try {
      await pipeline(body, counter, createWriteStream(file, { mode: 0o600 }));
    } catch (error) {
      await unlink(file).catch(() => undefined);
      throw error;
    }
    this.known.set(id, { fileName, size, at: Date.now() });
    return { uploadId: id, size };
  }

  /** Keeps bytes the desktop shell read from a file the user chose. */
  async put(
    fileName: string,
    bytes: Uint8Array,
    limit: number,
  ): Promise<{ uploadId: string; size: number }> {
    if (bytes.length > limit) throw new TooLargeError(fileName, limit);
    await this.sweep();
    const id = randomBytes(16).toString('hex');
    await writeFileDurable(this.fileOf(id), bytes);
    this.known.set(id, { fileName, size: bytes.length, at: Date.now() });
    return { uploadId: id, size: bytes.length };
  }

  /** The bytes of an upload, which is then gone. */
  async take(id: string): Promise<Uint8Array> {
    if (!this.known.has(id)) {
      throw new CallFailure(
        'not_found',
        'The uploaded file is no longer here (uploads are kept for an hour). Choose the file again.',
        'uploadId',
      );
    }
    const file = this.fileOf(id);
    try {
      return new Uint8Array(await readFile(file));
    } finally {
      this.known.delete(id);
      await unlink(file).catch(() => undefined);
    }
  }

  /** Where an upload is on disk, to be streamed; `discard` it once read. */
  path(id: string): { file: string; size: number } {
    const upload = this.known.get(id);
    if (!upload) {
      throw new CallFailure(
        'not_found',
        'The uploaded file is no longer here (uploads are kept for an hour). Choose the file again.',
        'uploadId',
      );
    }
    return { file: this.fileOf(id), size: upload.size };
  }

  async discard(id: string): Promise<void> {
    this.known.delete(id);
    await unlink(this.fileOf(id)).catch(() => undefined);
  }

  private async sweep(): Promise<void> {
    const now = Date.now();
    for (const [id, upload] of this.known) {
      if (now - upload.at < KEEP_MS) continue;
      this.known.delete(id);
      await unlink(this.fileOf(id)).catch(() => undefined);
    }
  }
}
