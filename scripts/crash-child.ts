/**
 * The process the crash harness (scripts/crash-harness.ts) kills: a real backend on a data
 * dir, driven over stdin. Each stdin line is a JSON command `{id, channel, input}`; commands
 * are dispatched one after the other, in the order they arrive, and each is answered with
 * one stdout line `{id, ok, ref?, error?}` written only once its dispatch has resolved. For
 * an edit that answer is the acknowledgement: the store has it on disk.
 *
 * Usage: node crash-child.cjs <dataDir>   (bundled by the harness; `node --import tsx` works too)
 */
import { createInterface } from 'node:readline';
import { openBackend } from '../electron/backend/backend';

interface Command {
  id: number;
  channel: string;
  input: unknown;
}

const say = (message: unknown): void => {
  process.stdout.write(`${JSON.stringify(message)}\n`);
};

/** The id of what an edit made or touched, so the harness can refer to it later. */
function refOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if (typeof record.id === 'string') return record.id;
  const document = record.document;
  if (typeof document === 'object' && document !== null && 'id' in document) {
    return typeof document.id === 'string' ? document.id : undefined;
  }
  for (const key of ['claimId', 'linkId', 'judgmentId', 'caseId']) {
    if (typeof record[key] === 'string') return record[key];
  }
  return undefined;
}

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: crash-child <dataDir>');
  const backend = await openBackend({
    dataDir,
    host: 'web',
    version: 'crash',
    log: (message) => process.stderr.write(`${message}\n`),
  });
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

main().catch((error: unknown) => {
  say({ fatal: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
