/**
 * The process the crash harness (scripts/crash-harness.ts) kills in its `edits` scenario: a
 * real backend on a data dir (the lock taken, the store opened, converted first if it is an
 * older one), driven over stdin. It says `{ready}`; then each stdin line `{id, channel, input}`
 * is dispatched in order and answered with one stdout line `{id, ok, ref?, error?}` once its
 * dispatch has resolved. For an edit that answer is the acknowledgement: the store has it on
 * disk. `--fold-after BYTES` folds once the journal has grown that much (the store's default
 * is 8 MB). The other scenarios drive the store alone (scripts/crash/storeChild.ts).
 *
 * Usage: node crash-child.cjs <dataDir> [--fold-after BYTES]   (bundled by the harness)
 */
import { createInterface } from 'node:readline';
import { openBackend, type BackendOptions } from '../electron/backend/backend';
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

function options(dataDir: string): BackendOptions {
  const foldAfter = Number(arg('--fold-after') ?? Number.NaN);
  return {
    dataDir,
    host: 'web',
    version: 'crash',
    log: (message) => process.stderr.write(`${message}\n`),
    store: Number.isInteger(foldAfter) ? { foldAfterBytes: foldAfter } : undefined,
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

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: crash-child <dataDir> [--fold-after BYTES]');
  await serveEdits(dataDir);
}

main().catch((error: unknown) => {
  say({ fatal: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
