/**
 * Durable file writes. lowdb's own JSONFile (through steno) renames a temp file over the
 * target but never fsyncs, so a power cut can lose or truncate the last write
 * (DESIGN.md, "Store"). Here a write is done only when it is on disk: temp file, fsync,
 * rename, fsync of the directory so the rename itself survives.
 */
import { copyFile, link, open, rename, readFile, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';

export async function fsyncDirectory(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; its rename is already durable enough there.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

let tempCounter = 0;

/** Writes `data` to `file` atomically and durably. */
export async function writeFileDurable(file: string, data: string | Uint8Array): Promise<void> {
  // A temp name of its own per write: two writes of one file at once must not share one.
  const temp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${++tempCounter}.tmp`,
  );
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  await rename(temp, file);
  await fsyncDirectory(path.dirname(file));
}

/** Raised when the file exists but is not JSON. Carries the parser's reason. */
export class NotJsonError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(reason);
    this.name = 'NotJsonError';
  }
}

/**
 * A lowdb adapter over one JSON file with durable writes. It reads raw JSON (`unknown`):
 * the store validates and migrates what it reads before trusting it.
 */
export class DurableJsonFile implements Adapter<unknown> {
  constructor(readonly file: string) {}

  async read(): Promise<unknown> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new NotJsonError(this.file, error instanceof Error ? error.message : String(error));
    }
  }

  async write(data: unknown): Promise<void> {
    await writeFileDurable(this.file, JSON.stringify(data));
  }
}

export function isNotFound(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

/** Whether `file` exists; other errors (no permission, say) are thrown, not taken for "no". */
export async function fileExists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

/**
 * Copies `from` to `to` atomically and durably (a temp file fsync'd, then renamed), so a
 * crash leaves either no `to` or a whole one.
 */
export async function copyFileDurable(from: string, to: string): Promise<void> {
  const temp = path.join(
    path.dirname(to),
    `.${path.basename(to)}.${process.pid}.${++tempCounter}.tmp`,
  );
  try {
    await copyFile(from, temp);
    const handle = await open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, to);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await fsyncDirectory(path.dirname(to));
}

/**
 * Makes `to` name the same bytes as `from` without copying where the file system allows
 * (a hard link: cheap, and the bytes survive either name being deleted), else a durable copy.
 * An existing `to` is left as it is.
 */
export async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
    return;
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? error.code : '';
    if (code === 'EEXIST') return;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') {
      throw error;
    }
  }
  if (await fileExists(to)) return;
  await copyFileDurable(from, to);
}
