/**
 * The child process the harness kills: scripts/crash-child.ts, bundled by esbuild and started
 * through a launcher with a V8 code cache (compiling the bundle is most of a start, and the
 * harness starts hundreds). It speaks one JSON line at a time on stdin and stdout.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { toCommand, type Edit } from './edits';

export interface Ack {
  id: number;
  ok: boolean;
  ref?: string;
  error?: { code: string; message: string };
}

export class Child {
  readonly proc: ChildProcess;
  readonly closed: Promise<void>;
  readonly spawnedAt = Date.now();
  readyAt: number | null = null;
  pid = 0;
  killRequested = false;
  /** Commands sent and not yet answered, in order. */
  readonly inFlight = new Map<number, Edit>();
  fatal: string | null = null;
  /** Answers that broke the protocol (not JSON, unknown id, out of order). */
  readonly protocolErrors: string[] = [];
  readonly stderr: string[] = [];
  private nextId = 0;
  private waiters: (() => void)[] = [];

  /** Messages other than acks (a repair's steps, a backup starting...), in order. */
  readonly events: Record<string, unknown>[] = [];

  constructor(
    script: string,
    args: readonly string[],
    private readonly onAck: (edit: Edit, ack: Ack) => void = () => undefined,
    private readonly onEvent: (event: Record<string, unknown>) => void = () => undefined,
  ) {
    this.proc = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.pid = this.proc.pid ?? 0;
    this.proc.stdin?.on('error', () => undefined);
    this.closed = new Promise((resolve) => this.proc.once('close', () => resolve()));
    void this.closed.then(() => this.wake());
    const stdout = this.proc.stdout;
    const stderr = this.proc.stderr;
    if (!stdout || !stderr) throw new Error('the child has no stdio');
    createInterface({ input: stderr }).on('line', (line) => {
      this.stderr.push(line);
      if (this.stderr.length > 40) this.stderr.shift();
    });
    createInterface({ input: stdout }).on('line', (line) => this.receive(line));
  }

  private receive(line: string): void {
    let message: Record<string, unknown>;
    try {
      message = JSON.parse(line) as Record<string, unknown>;
    } catch {
      this.protocolErrors.push(`not JSON on stdout: ${line.slice(0, 80)}`);
      return;
    }
    if (message.ready === true) {
      this.readyAt = Date.now();
    } else if (typeof message.fatal === 'string') {
      this.fatal = message.fatal;
    } else if (typeof message.id === 'number') {
      const ack = message as unknown as Ack;
      const edit = this.inFlight.get(ack.id);
      // The child answers in order: anything sent before this one has been answered.
      const first = this.inFlight.keys().next().value;
      if (!edit || first !== ack.id) {
        this.protocolErrors.push(`answer ${line.slice(0, 80)} out of order (expected ${first})`);
        return;
      }
      this.inFlight.delete(ack.id);
      this.onAck(edit, ack);
    } else {
      this.events.push(message);
      this.onEvent(message);
    }
    this.wake();
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  get exited(): boolean {
    return this.proc.exitCode !== null || this.proc.signalCode !== null;
  }

  /** Resolves on the next message or on exit. */
  changed(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  async waitReady(): Promise<boolean> {
    while (this.readyAt === null && !this.exited && this.fatal === null) await this.changed();
    return this.readyAt !== null;
  }

  /** Resolves once every command sent has been answered, or the child is gone. */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0 && !this.exited) await this.changed();
  }

  /** Sends an edit through the contract (the backend child). */
  send(edit: Edit, caseId: string | null): void {
    this.sendAs(edit, toCommand(edit, caseId));
  }

  /** Sends an edit as `payload` (the ops of the store child), tracked as `edit`. */
  sendAs(edit: Edit, payload: object): void {
    const id = ++this.nextId;
    this.inFlight.set(id, edit);
    this.proc.stdin?.write(`${JSON.stringify({ id, ...payload })}\n`);
  }

  /** Sends a line that is not an edit (a go-ahead to a paused repair, say). */
  tell(message: Record<string, unknown>): void {
    this.proc.stdin?.write(`${JSON.stringify(message)}\n`);
  }

  /** Resolves once an event passes `test`, or the child is gone (false). */
  async waitFor(test: (event: Record<string, unknown>) => boolean): Promise<boolean> {
    for (let seen = 0; ;) {
      while (seen < this.events.length) if (test(this.events[seen++] ?? {})) return true;
      if (this.exited || this.fatal !== null) return false;
      await this.changed();
    }
  }

  kill(): void {
    if (this.killRequested) return;
    this.killRequested = true;
    this.proc.kill('SIGKILL');
  }
}

/**
 * Loads a bundled child through a V8 code cache: compiling the 8 MB bundle of the backend is
 * most of the startup of a child, and the harness starts hundreds. The code run is the bundle.
 */
const launcher = (bundle: string) => `'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');
const file = path.join(__dirname, ${JSON.stringify(bundle)});
const cacheFile = file + '.v8cache';
let cachedData;
try { cachedData = fs.readFileSync(cacheFile); } catch {}
const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
if (process.env.CRASH_CHILD_WRITE_CACHE) {
  process.on('exit', () => fs.writeFileSync(cacheFile, script.createCachedData()));
}
const child = new Module(file, module);
child.filename = file;
child.paths = Module._nodeModulePaths(__dirname);
script.runInThisContext().call(child.exports, child.exports, Module.createRequire(file), child, file, __dirname);
`;

/** The launchers of the two children: the whole backend, and the store alone. */
export interface ChildScripts {
  backend: string;
  store: string;
}

/**
 * Bundles scripts/crash-child.ts and scripts/crash/storeChild.ts into `outDir`, each with a
 * launcher, and starts each once (a clean start and shutdown on a scratch dir) to fill its
 * code cache.
 */
export async function prepareChildren(outDir: string): Promise<ChildScripts> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const prepare = async (entry: string, name: string): Promise<string> => {
    await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile: path.join(outDir, `${name}.cjs`),
      logLevel: 'silent',
    });
    const script = path.join(outDir, `${name}-launcher.cjs`);
    await writeFile(script, launcher(`${name}.cjs`));
    const scratch = await mkdtemp(path.join(outDir, 'warmup-'));
    const warmup = spawn(process.execPath, [script, scratch], {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, CRASH_CHILD_WRITE_CACHE: '1' },
    });
    const closed = new Promise<void>((resolve) => warmup.once('close', () => resolve()));
    warmup.stdout?.once('data', () => {
      warmup.stdin?.end();
      // The store child does not stop when its input ends: it is told to by a signal.
      if (name === 'store-child') warmup.kill('SIGTERM');
    });
    await closed;
    await rm(scratch, { recursive: true, force: true });
    return script;
  };
  const [backend, store] = await Promise.all([
    prepare(path.join(here, '..', 'crash-child.ts'), 'crash-child'),
    prepare(path.join(here, 'storeChild.ts'), 'store-child'),
  ]);
  return { backend, store };
}
