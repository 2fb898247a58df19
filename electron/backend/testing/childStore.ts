/**
 * A store owned by another process, for the lock and crash tests. The child runs this
 * repo's Store (bundled by esbuild), is driven over stdin one JSON line at a time, and can
 * be killed with SIGKILL at any point, which is what a crash is.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { bundleScript } from './bundle';
import { T0 } from './records';

const CHILD_SOURCE = `
import path from 'node:path';
import { createInterface } from 'node:readline';
import { DataDirLock } from '../store/lock';
import { openStore } from '../store/openStore';
import { LOCK_FILE } from '../store/store';

const [dir, owner] = process.argv.slice(2);
const say = (message: unknown) => process.stdout.write(JSON.stringify(message) + '\\n');

DataDirLock.acquire(path.join(dir, LOCK_FILE), owner).then(async (lock) => ({ lock, store: await openStore(dir) })).then(
  ({ lock, store }) => {
    say({ ready: true });
    const lines = createInterface({ input: process.stdin });
    let queue = Promise.resolve();
    lines.on('line', (line) => {
      const command = JSON.parse(line);
      queue = queue.then(async () => {
        if (command.op === 'put') {
          const value = { id: command.id, title: command.title, question: '',
            createdAt: ${JSON.stringify(T0)}, updatedAt: ${JSON.stringify(T0)} };
          await store.mutate(() => ({ ops: [{ type: 'put', collection: 'cases', value }], result: null }));
          say({ put: command.id });
        } else if (command.op === 'close') {
          await store.close();
          await lock.release();
          say({ closed: true });
          process.exit(0);
        }
      });
    });
  },
  (error) => {
    say({ error: error.kind, message: error.message });
    process.exit(1);
  },
);
`;

/** Bundles the child script into `outDir` and returns its path. */
export const bundleChildStore = (outDir: string): Promise<string> =>
  bundleScript(CHILD_SOURCE, outDir, 'child-store');

export interface ChildStore {
  pid: number;
  /** Puts a case and resolves once the child's mutate() has resolved (acknowledged). */
  put(id: string, title?: string): Promise<void>;
  /** A clean shutdown: close() and exit. */
  close(): Promise<void>;
  /** A crash: SIGKILL, resolved once the process is gone. */
  kill(): Promise<void>;
}

const running = new Set<ChildProcess>();

/** Kills every child still running (for afterEach). */
export async function killAllChildStores(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}

export async function startChildStore(
  script: string,
  dir: string,
  owner: string,
): Promise<ChildStore> {
  const child = spawn(process.execPath, [script, dir, owner], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  running.add(child);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      running.delete(child);
      resolve();
    }),
  );
  const lines: AsyncIterator<string, undefined> = createInterface({ input: child.stdout })[
    Symbol.asyncIterator
  ]();
  const next = async (): Promise<Record<string, unknown>> => {
    const { value, done } = await lines.next();
    if (done) throw new Error('the child store exited');
    return JSON.parse(value) as Record<string, unknown>;
  };
  const send = (command: Record<string, string>): void => {
    child.stdin.write(`${JSON.stringify(command)}\n`);
  };
  const first = await next();
  if (first.ready !== true)
    throw new Error(`the child store did not open: ${JSON.stringify(first)}`);
  const pid = child.pid;
  if (pid === undefined) throw new Error('the child store has no pid');
  return {
    pid,
    put: async (id, title = `Case ${id}`) => {
      send({ op: 'put', id, title });
      const answer = await next();
      if (answer.put !== id) throw new Error(`unexpected answer ${JSON.stringify(answer)}`);
    },
    close: async () => {
      send({ op: 'close' });
      await next();
      await exited;
    },
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
