/**
 * One process owns a data dir. Two writers on one store would silently lose each other's
 * edits (DESIGN.md), so the owner holds `claimdesk.lock`, and a second process is told who.
 *
 * Taken atomically (issue 10): the lock file is written whole under a temp name, then hard
 * linked to its name, which fails if the name exists; where hard links are not supported,
 * an exclusive create stands in. A lock left by a process that is gone is taken over only
 * through a takeover marker named after that lock's nonce, created exclusively: of several
 * processes that find one stale lock at once, exactly one replaces it (with a check, under the
 * marker, that it is still the same lock), the others see the new owner.
 *
 * A lock is stale when its process is gone, when it was written before the last boot (its
 * PID may now belong to something else), or, on Linux, when the process with its PID started
 * later than the one that wrote it. A lock of another machine (a shared folder) is never
 * taken over: we cannot see that machine's processes.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, readdir, rename, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { StoreError } from './errors';

export interface LockOwner {
  pid: number;
  /** What holds the store, in words: "the desktop app", "the web host". */
  owner: string;
  hostname: string;
  since: string;
  /** Identifies this lock among all locks ever taken on the folder. */
  nonce: string;
  /** The boot the lock was taken in (Linux boot id, else the boot time to the minute). */
  boot: string;
  /** The process's start time as the OS counts it (Linux), '' where unknown. */
  started: string;
}

/** Whether a process with this PID exists (EPERM: it does, but belongs to someone else). */
function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

async function readText(file: string): Promise<string | null> {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    return null;
  }
}

/** This boot, so a lock from before a reboot is known for stale whatever its PID. */
export async function currentBoot(): Promise<string> {
  const id = await readText('/proc/sys/kernel/random/boot_id');
  if (id) return id;
  // Elsewhere: the boot time, to the minute (uptime drifts a little against the clock).
  return String(Math.round((Date.now() - os.uptime() * 1000) / 60_000));
}

/** When the process `pid` started, in the OS's own units (Linux: field 22 of its stat). */
export async function processStart(pid: number): Promise<string> {
  const stat = await readText(`/proc/${pid}/stat`);
  if (!stat) return '';
  // The command name (field 2) is in parentheses and may hold spaces: count after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[19] ?? '';
}

function parseOwner(text: string | null): LockOwner | null {
  if (!text) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && 'pid' in parsed && 'nonce' in parsed) {
      return parsed as LockOwner;
    }
  } catch {
    // A lock that does not parse is judged by its bytes below.
  }
  return null;
}

/** When this machine booted, ms since the epoch (to the second or so). */
const bootedAt = (): number => Date.now() - os.uptime() * 1000;

/** Whether the holder is gone (or cannot be the process that wrote the lock). */
export async function isStale(holder: LockOwner, boot: string): Promise<boolean> {
  if (holder.hostname !== os.hostname()) return false;
  if (holder.boot && holder.boot !== boot) return true;
  // A lock written before boot ids were (an older Claimdesk): taken before this boot, its PID
  // now names some other process. A minute's margin for the drift of the uptime clock.
  const since = Date.parse(holder.since);
  if (!holder.boot && Number.isFinite(since) && since < bootedAt() - 60_000) return true;
  if (!pidAlive(holder.pid)) return true;
  if (holder.started) {
    const started = await processStart(holder.pid);
    if (started && started !== holder.started) return true;
  }
  return false;
}

let tempCounter = 0;

export class DataDirLock {
  private released = false;

  private constructor(
    readonly file: string,
    readonly me: LockOwner,
  ) {}

  /** Takes the lock on `file` for `owner`, or throws a StoreError 'in_use' naming the holder. */
  static async acquire(file: string, owner: string): Promise<DataDirLock> {
    const me: LockOwner = {
      pid: process.pid,
      owner,
      hostname: os.hostname(),
      since: new Date().toISOString(),
      nonce: randomBytes(16).toString('hex'),
      boot: await currentBoot(),
      started: await processStart(process.pid),
    };
    const body = JSON.stringify(me);
    await mkdir(path.dirname(file), { recursive: true });
    // A few rounds: a lock being written or taken over by another process settles quickly.
    for (let round = 0; round < 20; round++) {
      if (await createExclusive(file, body)) return new DataDirLock(file, me);
      const text = await readText(file);
      if (text === null) continue; // released meanwhile: try again at once
      const holder = parseOwner(text);
      if (holder && !(await isStale(holder, me.boot))) throw inUse(file, holder);
      // A stale lock (or one that does not parse: it names nobody) is taken over under a
      // marker named after it, so only one process replaces this very lock.
      const identity = holder?.nonce ?? `unreadable-${text.length}`;
      if (await takeOver(file, identity, text, body, me)) return new DataDirLock(file, me);
      await sleep(25 + Math.random() * 25);
    }
    const holder = parseOwner(await readText(file));
    if (holder) throw inUse(file, holder);
    throw new StoreError('in_use', `Could not take the lock ${file}. Try again in a moment.`, file);
  }

  /** Whether the lock file still names this process (nobody took it over). */
  async held(): Promise<boolean> {
    return parseOwner(await readText(this.file))?.nonce === this.me.nonce;
  }

  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    // Only our own lock: never remove one another process holds.
    if (await this.held()) await unlink(this.file).catch(() => undefined);
    await removeMarkers(this.file);
  }
}

function inUse(file: string, holder: LockOwner): StoreError {
  return new StoreError(
    'in_use',
    `This data folder is in use by ${holder.owner} (process ${holder.pid} on ${holder.hostname}, since ${holder.since}). ` +
      'Close that one first, or start with a different data folder (--data-dir). Nothing was written.',
    file,
  );
}

const tempName = (file: string) =>
  path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${++tempCounter}.tmp`);

/** Creates `file` holding `body`, whole, only if it does not exist. */
async function createExclusive(file: string, body: string): Promise<boolean> {
  const temp = tempName(file);
  await writeFile(temp, body, { mode: 0o600 });
  try {
    await link(temp, file);
    return true;
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? error.code : '';
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    // No hard links here: an exclusive create, then the body (readers wait for it).
    try {
      const handle = await open(file, 'wx', 0o600);
      await handle.writeFile(body);
      await handle.close();
      return true;
    } catch (inner) {
      if (inner instanceof Error && 'code' in inner && inner.code === 'EEXIST') return false;
      throw inner;
    }
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/**
 * Replaces the stale lock `staleText` with ours, if this process wins the marker for it.
 * Markers `<lock>.takeover-<identity>.<k>`: the first k whose holder is alive wins; a marker
 * whose holder died is passed over for k+1.
 */
async function takeOver(
  file: string,
  identity: string,
  staleText: string,
  body: string,
  me: LockOwner,
): Promise<boolean> {
  const safe = identity.replace(/[^0-9a-zA-Z-]/g, '');
  for (let k = 1; k <= 8; k++) {
    const marker = `${file}.takeover-${safe}.${k}`;
    if (await createExclusive(marker, JSON.stringify(me))) {
      // Under the marker, nobody else may replace this lock: check it is still the stale one.
      if ((await readText(file)) !== staleText) return false;
      const temp = tempName(file);
      await writeFile(temp, body, { mode: 0o600 });
      await rename(temp, file);
      return true;
    }
    const holder = parseOwner(await readText(marker));
    if (holder && !(await isStale(holder, me.boot))) return false; // another process is on it
  }
  return false;
}

async function removeMarkers(file: string): Promise<void> {
  const prefix = `${path.basename(file)}.takeover-`;
  const names = await readdir(path.dirname(file)).catch(() => [] as string[]);
  for (const name of names) {
    if (name.startsWith(prefix))
      await unlink(path.join(path.dirname(file), name)).catch(() => undefined);
  }
}
