/**
 * One process owns a data dir. Two writers on one store would silently lose each other's
 * edits (DESIGN.md), so the owner holds a lock file naming itself, and a second process is
 * told who holds it. A lock left by a process that no longer runs (a crash) is taken over.
 */
import { open, readFile, unlink } from 'node:fs/promises';
import os from 'node:os';
import { StoreError } from './errors';

export interface LockOwner {
  pid: number;
  /** What holds the store, in words: "the desktop app", "the web host". */
  owner: string;
  hostname: string;
  since: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

async function readOwner(file: string): Promise<LockOwner | null> {
  try {
    const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (typeof parsed === 'object' && parsed !== null && 'pid' in parsed) {
      return parsed as LockOwner;
    }
  } catch {
    // Unreadable or half-written lock: treat as stale.
  }
  return null;
}

export class DataDirLock {
  private constructor(readonly file: string) {}

  static async acquire(file: string, owner: string): Promise<DataDirLock> {
    const me: LockOwner = {
      pid: process.pid,
      owner,
      hostname: os.hostname(),
      since: new Date().toISOString(),
    };
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const handle = await open(file, 'wx', 0o600);
        await handle.writeFile(JSON.stringify(me));
        await handle.close();
        return new DataDirLock(file);
      } catch (error) {
        if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
      }
      const holder = await readOwner(file);
      const sameHost = holder?.hostname === me.hostname;
      // A lock naming this very process is held by another store opened here: also in use.
      if (holder && (!sameHost || isAlive(holder.pid))) {
        throw new StoreError(
          'in_use',
          `This data folder is in use by ${holder.owner} (process ${holder.pid} on ${holder.hostname}, since ${holder.since}). ` +
            'Close that one first, or start with a different data folder (--data-dir). Nothing was written.',
          file,
        );
      }
      await unlink(file).catch(() => undefined);
    }
    throw new StoreError('in_use', `Could not take the lock ${file}.`, file);
  }

  async release(): Promise<void> {
    await unlink(this.file).catch(() => undefined);
  }
}
