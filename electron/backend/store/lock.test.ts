/**
 * One process owns a data dir (lock.ts): a second is refused and told who holds it; a lock
 * left by a process that is gone (or whose PID now names another process) is taken over, by
 * exactly one of several processes starting at once (issue 10: "100 double starts on a stale
 * lock, never two owners").
 */
import { spawn } from 'node:child_process';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bundleScript } from '../testing/bundle';
import { bundleChildStore, killAllChildStores, startChildStore } from '../testing/childStore';
import { storeHarness } from '../testing/stores';
import { readTree, tempDirs } from '../testing/tempDir';
import { StoreError } from './errors';
import { DataDirLock, currentBoot, processStart, type LockOwner } from './lock';
import { LOCK_FILE } from './store';

const stores = storeHarness();
const bundleDirs = tempDirs('claimdesk-bundle-');
let storeScript = '';
let lockScript = '';

/**
 * A process that races for locks: told `{acquire: file}` it takes the lock and says whether
 * it got it; told `{release: true}` it lets its lock go. One process serves every round, so
 * the probe spends its time racing, not starting Node.
 */
const LOCK_CHILD = `
import { createInterface } from 'node:readline';
import { DataDirLock } from '../store/lock';
const say = (m: unknown) => process.stdout.write(JSON.stringify(m) + '\\n');
let held: DataDirLock | null = null;
createInterface({ input: process.stdin }).on('line', (line) => {
  const command = JSON.parse(line);
  if (command.acquire) {
    DataDirLock.acquire(command.acquire, process.argv[2]).then(
      (lock) => {
        held = lock;
        say({ owner: true, pid: process.pid });
      },
      (error: { kind?: string; message?: string }) =>
        say({ owner: false, pid: process.pid, kind: error.kind, message: error.message }),
    );
  } else if (command.release) {
    const lock = held;
    held = null;
    void (lock ? lock.release() : Promise.resolve()).then(() => say({ released: true }));
  }
});
say({ ready: true });
`;

beforeAll(async () => {
  const out = await bundleDirs.make();
  storeScript = await bundleChildStore(out);
  lockScript = await bundleScript(LOCK_CHILD, out, 'lock-child');
}, 60_000);
afterAll(() => bundleDirs.cleanup());
afterEach(async () => {
  await killAllChildStores();
  await stores.cleanup();
});

const CHILD_OWNER = 'the Claimdesk desktop app (test child)';

async function lockError(file: string, owner: string): Promise<StoreError> {
  const error = await DataDirLock.acquire(file, owner).then(
    async (lock) => {
      await lock.release();
      return null;
    },
    (e: unknown) => e,
  );
  if (!(error instanceof StoreError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

const readLock = async (dir: string) =>
  JSON.parse(await readFile(path.join(dir, LOCK_FILE), 'utf8')) as LockOwner;

/** A lock as a process of this machine would have written it. */
async function lockOf(pid: number, fields: Partial<LockOwner> = {}): Promise<LockOwner> {
  return {
    pid,
    owner: 'a Claimdesk that is gone',
    hostname: os.hostname(),
    since: new Date().toISOString(),
    nonce: `nonce-${pid}-${Math.random().toString(16).slice(2)}`,
    boot: await currentBoot(),
    started: await processStart(pid),
    ...fields,
  };
}

/** The PID of a process that has exited (and been reaped). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('exit', resolve));
  const pid = child.pid ?? 0;
  expect(() => process.kill(pid, 0)).toThrow();
  return pid;
}

describe('DataDirLock', () => {
  it('refuses a second opener with in_use naming the owner while another process holds the store', async () => {
    const dir = await stores.dir();
    const holder = await startChildStore(storeScript, dir, CHILD_OWNER);
    await holder.put('held');
    const before = await readTree(dir);

    const error = await lockError(path.join(dir, LOCK_FILE), 'the Claimdesk web host');
    expect(error.kind).toBe('in_use');
    expect(error.message).toContain(CHILD_OWNER);
    expect(error.message).toContain(`process ${holder.pid}`);
    expect(error.message).toContain('Nothing was written');
    // The holder's lock, manifest and journal are untouched.
    expect(await readTree(dir)).toEqual(before);
    expect(await readLock(dir)).toMatchObject({ pid: holder.pid, owner: CHILD_OWNER });

    // Once the holder has closed, the data dir is free again and has its edit.
    await holder.close();
    const lock = await DataDirLock.acquire(path.join(dir, LOCK_FILE), 'the Claimdesk web host');
    const store = await stores.open(dir);
    expect(store.list('cases').map((c) => c.id)).toEqual(['held']);
    await store.close();
    await lock.release();
    expect(await readdir(dir)).not.toContain(LOCK_FILE);
  });

  it('takes over the lock of a holder that was killed; its acknowledged edits are replayed', async () => {
    const dir = await stores.dir();
    const holder = await startChildStore(storeScript, dir, CHILD_OWNER);
    await holder.put('one');
    await holder.put('two');
    await holder.kill();
    expect((await readLock(dir)).pid).toBe(holder.pid);

    const lock = await DataDirLock.acquire(path.join(dir, LOCK_FILE), 'the Claimdesk web host');
    expect(await readLock(dir)).toMatchObject({
      pid: process.pid,
      owner: 'the Claimdesk web host',
    });
    const store = await stores.open(dir);
    expect(store.list('cases').map((c) => c.id)).toEqual(['one', 'two']);
    await store.close();
    await lock.release();
    // Nothing of the takeover is left behind.
    expect((await readdir(dir)).filter((n) => n.startsWith(LOCK_FILE))).toEqual([]);
  });

  // Regression: a lock naming the current pid was once taken as stale, so a second store in
  // the same process took over the data dir; two stores then appended to one journal.
  it('refuses a second lock in the same process while the first is held', async () => {
    const file = path.join(await stores.dir(), LOCK_FILE);
    const first = await DataDirLock.acquire(file, 'the first store');
    expect((await lockError(file, 'the second store')).kind).toBe('in_use');
    await first.release();
  });

  it('knows a stale lock by more than its PID: another boot, another start time, an older format', async () => {
    const dir = await stores.dir();
    const file = path.join(dir, LOCK_FILE);
    // PID 1 is alive, but none of these locks was written by it.
    const live = process.pid;
    const stale: [string, LockOwner][] = [
      ['another boot', await lockOf(live, { boot: 'a-boot-before-this-one' })],
      ['another start', await lockOf(live, { started: '1' })],
      [
        'no boot id, taken before this boot',
        await lockOf(live, { boot: '', started: '', since: '2001-01-01T00:00:00.000Z' }),
      ],
    ];
    for (const [why, holder] of stale) {
      await writeFile(file, JSON.stringify(holder));
      const lock = await DataDirLock.acquire(file, 'the web host');
      expect(await lock.held(), why).toBe(true);
      await lock.release();
    }
    // Alive, this boot, the same start time: held, whoever reads it.
    await writeFile(file, JSON.stringify(await lockOf(live, { owner: 'a live Claimdesk' })));
    expect((await lockError(file, 'the web host')).message).toContain('a live Claimdesk');
    // Another machine's lock (a shared folder) is never taken over: we cannot see its processes.
    await writeFile(file, JSON.stringify(await lockOf(await deadPid(), { hostname: 'elsewhere' })));
    expect((await lockError(file, 'the web host')).kind).toBe('in_use');
  });
});

describe('the stale-lock probe: two processes starting at once', () => {
  interface Answer {
    owner: boolean;
    pid: number;
    kind?: string;
    message?: string;
  }

  /** Starts a lock child; resolves once it is ready, with ways to drive it. */
  async function lockChild(name: string) {
    const child = spawn(process.execPath, [lockScript, name], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const lines: AsyncIterator<string, undefined> = createInterface({ input: child.stdout })[
      Symbol.asyncIterator
    ]();
    const next = async (): Promise<Answer & { ready?: boolean }> => {
      const { value, done } = await lines.next();
      if (done) throw new Error('the lock child exited without answering');
      return JSON.parse(value) as Answer & { ready?: boolean };
    };
    expect((await next()).ready).toBe(true);
    const send = (command: object) => child.stdin.write(`${JSON.stringify(command)}\n`);
    return {
      acquire: (file: string) => send({ acquire: file }),
      answer: next,
      release: async () => {
        send({ release: true });
        await next();
      },
      stop: async () => {
        child.stdin.end();
        child.kill();
        await exited;
      },
    };
  }

  it('100 double starts on a stale lock: exactly one owner each time, the other told who', async () => {
    const root = await stores.dir();
    const dead = await deadPid();
    const [a, b] = await Promise.all([lockChild('host A'), lockChild('host B')]);
    const wins = { a: 0, b: 0 };
    try {
      for (let round = 0; round < 100; round++) {
        const dir = path.join(root, `round-${round}`);
        await mkdir(dir);
        const file = path.join(dir, LOCK_FILE);
        // Half the rounds a dead PID, half a live, unrelated one from another boot.
        const stale =
          round % 2 === 0
            ? await lockOf(dead)
            : await lockOf(process.pid, { boot: 'the-boot-before-a-restart' });
        await writeFile(file, JSON.stringify(stale));
        // Told in the same turn, the two race for the lock.
        a.acquire(file);
        b.acquire(file);
        const answers = await Promise.all([a.answer(), b.answer()]);
        const winners = answers.filter((x) => x.owner);
        expect(winners, `round ${round}: ${JSON.stringify(answers)}`).toHaveLength(1);
        const [winner] = winners;
        const loser = answers.find((x) => !x.owner);
        expect(loser?.kind, JSON.stringify(loser)).toBe('in_use');
        expect(loser?.message).toContain(`process ${winner?.pid}`);
        expect((await readLock(dir)).pid).toBe(winner?.pid);
        if (answers[0]?.owner) wins.a++;
        else wins.b++;
        await Promise.all([a.release(), b.release()]);
        expect((await readdir(dir)).filter((n) => n.startsWith(LOCK_FILE))).toEqual([]);
      }
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
    expect(wins.a + wins.b).toBe(100);
  }, 60_000);
});
