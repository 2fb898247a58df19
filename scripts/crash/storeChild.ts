/**
 * The small child the store-level scenarios kill (restore, start-empty, rotation, migration):
 * the store alone, without the contract and its indexes, so it starts in a fraction of the
 * full backend's time (scripts/crash-child.ts drives the `edits` scenario through the contract).
 *
 * Modes (`--mode`):
 * - `put` (the default): takes the lock, opens the store (converting an older one first) and
 *   says `{ready}`; then each stdin line `{id, ops}` is one edit, answered `{id, ok}` once it
 *   is on disk. `--rotation` folds after every edit with a clock that runs 11 minutes a
 *   reading and keeps few backups, saying `{backup: 'copying'}` as each backup starts.
 * - `restore --backup FILE`, `start-empty`: the recovery screen's repairs, saying `{step}` at
 *   each step (pausing for good at `--pause-at STEP`), then the store opened on the repaired
 *   files (`{opened}`) and closed (`{closed}`).
 *
 * Usage: node store-child.cjs <dataDir> [--mode M] [--rotation] [--backup F] [--pause-at S]
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { BACKUPS_DIR, backupDate } from '../../electron/backend/store/backups';
import { DataDirLock } from '../../electron/backend/store/lock';
import { openStore, type OpenOptions } from '../../electron/backend/store/openStore';
import type { Op } from '../../electron/backend/store/ops';
import { restoreBackup, startEmpty } from '../../electron/backend/store/recovery';
import { LOCK_FILE } from '../../electron/backend/store/store';

const say = (message: unknown): void => {
  process.stdout.write(`${JSON.stringify(message)}\n`);
};

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
};

async function storeOptions(dir: string): Promise<OpenOptions> {
  const options: OpenOptions = { idleFoldMs: 0, log: (m) => process.stderr.write(`${m}\n`) };
  if (!process.argv.includes('--rotation')) return options;
  // The clock goes on from the newest backup an earlier child made (they run ahead of the
  // real time): one that started behind it would find no backup due for a long while.
  const names = await readdir(path.join(dir, BACKUPS_DIR)).catch(() => [] as string[]);
  let now = Math.max(Date.now(), ...names.map((n) => backupDate(n)?.date.getTime() ?? 0));
  return {
    ...options,
    foldAfterBytes: 1,
    backups: {
      now: () => new Date((now += 11 * 60 * 1000)),
      policy: { recent: 2, days: 1 },
      beforeCopy: async () => say({ backup: 'copying' }),
    },
  };
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: store-child <dataDir> [--mode M]');
  const mode = arg('--mode') ?? 'put';
  const lock = await DataDirLock.acquire(path.join(dir, LOCK_FILE), 'the crash harness');
  if (mode === 'restore' || mode === 'start-empty') {
    say({ ready: true, pid: process.pid });
    const pauseAt = arg('--pause-at');
    const step = async (name: string) => {
      say({ step: name });
      // Paused here until the harness kills the process.
      if (name === pauseAt) await new Promise(() => undefined);
    };
    if (mode === 'restore') await restoreBackup(dir, arg('--backup') ?? '', { step });
    else await startEmpty(dir, { step });
    await step('repaired');
    const store = await openStore(dir, await storeOptions(dir));
    say({ opened: true, recovered: store.report.recovered });
    await store.close();
    await lock.release();
    say({ closed: true });
    return;
  }
  const store = await openStore(dir, await storeOptions(dir));
  say({ ready: true, pid: process.pid });
  let queue = Promise.resolve();
  createInterface({ input: process.stdin }).on('line', (line) => {
    const { id, ops } = JSON.parse(line) as { id: number; ops: Op[] };
    queue = queue.then(async () => {
      try {
        await store.mutate(() => ({ ops, result: null }));
        say({ id, ok: true });
      } catch (error) {
        say({ id, ok: false, error: { code: 'internal', message: String(error) } });
      }
    });
  });
}

main().catch((error: unknown) => {
  say({ fatal: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
