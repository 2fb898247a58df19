/**
 * The process the crash harness (scripts/crash-harness.ts) kills: a real backend on a data
 * dir, driven over stdin, one JSON line at a time on each side.
 *
 * Modes (`--mode`):
 * - `edits` (the default): opens the backend (the lock taken, the store opened, converted
 *   first if it is an older one) and says `{ready}`; then each stdin line `{id, channel,
 *   input}` is dispatched in order and answered with `{id, ok, ref?, error?}` once its
 *   dispatch has resolved. For an edit that answer is the acknowledgement: it is on disk.
 *   `--rotation` folds after every edit, with a clock that runs 11 minutes a reading and a
 *   policy that keeps few backups, so backups are made and pruned all the time; each backup
 *   says `{backup: 'copying'}` before it copies anything. `--fold-after BYTES` folds once the
 *   journal has grown that much (the store's default is 8 MB).
 * - `restore --backup FILE` and `start-empty`: takes the lock and runs the repair as the
 *   recovery screen does, saying `{step}` at each of its steps (and pausing for good at
 *   `--pause-at STEP`), then opens the backend on the repaired files and says `{opened}` with
 *   what the restore recovered.
 *
 * Usage: node crash-child.cjs <dataDir> [--mode M] [--rotation] [--fold-after B] [--backup F]
 *                                          [--pause-at S]
 */
import path from 'node:path';
import { createInterface } from 'node:readline';
import { openBackend, type BackendOptions } from '../electron/backend/backend';
import { DataDirLock } from '../electron/backend/store/lock';
import { restoreBackup, startEmpty, type RepairOptions } from '../electron/backend/store/recovery';
import { LOCK_FILE } from '../electron/backend/store/store';
import { refOf } from './crash/edits';

interface Command {
  id: number;
  channel: string;
  input: unknown;
}

const say = (message: unknown): void => {
  process.stdout.write(`${JSON.stringify(message)}\n`);
};

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
};

/** A clock that runs 11 minutes a reading: every fold is due a backup. */
function racingClock(): () => Date {
  let now = Date.now();
  return () => {
    now += 11 * 60 * 1000;
    return new Date(now);
  };
}

function options(dataDir: string, lock?: DataDirLock): BackendOptions {
  const rotation = process.argv.includes('--rotation');
  const foldAfter = Number(arg('--fold-after') ?? Number.NaN);
  return {
    dataDir,
    host: 'web',
    version: 'crash',
    lock,
    log: (message) => process.stderr.write(`${message}\n`),
    store: rotation
      ? {
          foldAfterBytes: 1,
          backups: {
            now: racingClock(),
            policy: { recent: 2, days: 1 },
            beforeCopy: async () => say({ backup: 'copying' }),
          },
        }
      : Number.isInteger(foldAfter)
        ? { foldAfterBytes: foldAfter }
        : undefined,
  };
}

async function serveEdits(dataDir: string): Promise<void> {
  const backend = await openBackend(options(dataDir));
  say({ ready: true, pid: process.pid });
  let queue = Promise.resolve();
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    const command = JSON.parse(line) as Command;
    queue = queue.then(async () => {
      const result = await backend.dispatch(command.channel, command.input);
      if (result.ok) say({ id: command.id, ok: true, ref: refOf(result.value) });
      else say({ id: command.id, ok: false, error: result.error });
    });
  });
  // stdin closed: a clean shutdown (the harness normally kills the process long before).
  lines.on('close', () => {
    void queue.then(() => backend.close()).then(() => process.exit(0));
  });
}

async function repair(dataDir: string, mode: 'restore' | 'start-empty'): Promise<void> {
  const lock = await DataDirLock.acquire(path.join(dataDir, LOCK_FILE), 'the crash harness');
  const pauseAt = arg('--pause-at');
  const repairOptions: RepairOptions = {
    step: async (name) => {
      say({ step: name });
      // Paused here until the harness kills the process.
      if (name === pauseAt) await new Promise(() => undefined);
    },
  };
  say({ ready: true, pid: process.pid });
  if (mode === 'restore') await restoreBackup(dataDir, arg('--backup') ?? '', repairOptions);
  else await startEmpty(dataDir, repairOptions);
  say({ step: 'repaired' });
  const backend = await openBackend(options(dataDir, lock));
  say({ opened: true, recovered: backend.store.report.recovered });
  await backend.close();
  await lock.release();
  say({ closed: true });
}

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: crash-child <dataDir> [--mode M]');
  const mode = arg('--mode') ?? 'edits';
  if (mode === 'restore' || mode === 'start-empty') await repair(dataDir, mode);
  else await serveEdits(dataDir);
}

main().catch((error: unknown) => {
  say({ fatal: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
