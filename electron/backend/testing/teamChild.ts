/**
 * A desk in its own process, for the sync fault test (scripts/sync-faults.ts): the whole
 * backend on a data dir, driven over stdin one JSON line at a time, answering on stdout. It
 * can be killed with SIGKILL at any point, which is what a crash is.
 *
 * Commands: {call: channel, input} -> {ok, value | error}; {close: true} -> {closed: true}.
 */
import { createInterface } from 'node:readline';
import { openBackend } from '../backend';

const [dataDir] = process.argv.slice(2);
const say = (message: unknown): void => {
  process.stdout.write(`${JSON.stringify(message)}\n`);
};

async function main(): Promise<void> {
  if (!dataDir) throw new Error('usage: teamChild DATA_DIR');
  const backend = await openBackend({
    dataDir,
    host: 'web',
    version: 'sync-faults',
    teamPollMs: 500,
    log: (message) => process.stderr.write(`${message}\n`),
  });
  say({ ready: true, pid: process.pid });
  const lines = createInterface({ input: process.stdin });
  // Calls run as they come (as a UI's do); each answer names its request.
  lines.on('line', (line) => {
    const command = JSON.parse(line) as {
      id: number;
      call?: string;
      input?: unknown;
      close?: true;
    };
    if (command.close) {
      void backend.close().then(() => {
        say({ id: command.id, closed: true });
        process.exit(0);
      });
      return;
    }
    void backend.dispatch(command.call ?? '', command.input ?? {}).then((result) => {
      say({ id: command.id, ...result });
    });
  });
}

main().catch((error: unknown) => {
  say({ failed: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
