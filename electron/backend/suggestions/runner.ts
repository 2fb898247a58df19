/**
 * Runs the claim extractor (shared/suggest, issue 13) for the backend. A short text runs at
 * once; a long one on a worker thread, so that the half second a 300 KB article takes never
 * holds up other calls. Each result is kept by the text's hash and the document's date and
 * outlet (all fixed for a snapshot), so listing again after an accept or a reject is free.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { suggestClaims } from '../../../shared/suggest/suggest';
import type { SuggestOptions, Suggestion } from '../../../shared/suggest/types';

/** What the worker is asked and answers (./worker.ts). */
export interface WorkerRequest {
  id: number;
  text: string;
  options: SuggestOptions;
}
export type WorkerReply = { id: number; suggestions: Suggestion[] } | { id: number; error: string };

/** Texts up to this many UTF-16 units run on the calling thread: about 20 ms. */
const INLINE_LIMIT = 20_000;
/** Results kept: the documents an analyst moves between. */
const CACHE_SIZE = 16;

export interface RunnerOptions {
  /** The bundled worker script; null runs every text on the calling thread. */
  workerFile: string | null;
  log: (message: string) => void;
  inlineLimit?: number;
}

export class SuggestRunner {
  private readonly cache = new Map<string, Promise<Suggestion[]>>();
  private worker: Worker | null = null;
  private workerFile: string | null;
  private readonly waiting = new Map<number, (reply: WorkerReply | Error) => void>();
  private nextId = 1;
  /** Texts run so far on the worker, for tests. */
  workerRuns = 0;

  constructor(private readonly options: RunnerOptions) {
    this.workerFile = options.workerFile;
  }

  /** The suggestions of a text, known by its hash; `load` reads the text if they are not kept. */
  run(
    hash: string,
    load: () => Promise<string>,
    document: { publishedAt: string; outlet: string },
  ): Promise<Suggestion[]> {
    const key = `${hash}|${document.publishedAt}|${document.outlet}`;
    const kept = this.cache.get(key);
    if (kept) {
      // Most recently used last.
      this.cache.delete(key);
      this.cache.set(key, kept);
      return kept;
    }
    const options: SuggestOptions = {
      ...(document.publishedAt ? { publishedAt: document.publishedAt } : {}),
      ...(document.outlet ? { outlet: document.outlet } : {}),
    };
    const running = load().then((text) => this.extract(text, options));
    this.cache.set(key, running);
    // A failed run (a missing text) is not kept: the next call tries again.
    running.catch(() => {
      if (this.cache.get(key) === running) this.cache.delete(key);
    });
    for (const oldest of this.cache.keys()) {
      if (this.cache.size <= CACHE_SIZE) break;
      this.cache.delete(oldest);
    }
    return running;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private async extract(text: string, options: SuggestOptions): Promise<Suggestion[]> {
    if (this.workerFile && text.length > (this.options.inlineLimit ?? INLINE_LIMIT)) {
      const reply = await this.onWorker(text, options);
      if (!(reply instanceof Error)) {
        if ('error' in reply) throw new Error(reply.error);
        this.workerRuns += 1;
        return reply.suggestions;
      }
      // The worker would not start (a packaged app that cannot load it): run here instead.
      this.options.log(`Suggestions run without a worker thread: ${reply.message}`);
      this.workerFile = null;
    }
    // Calls that were waiting go first.
    await new Promise((resolve) => setImmediate(resolve));
    return suggestClaims(text, options);
  }

  private onWorker(text: string, options: SuggestOptions): Promise<WorkerReply | Error> {
    const worker = this.startWorker();
    if (worker instanceof Error) return Promise.resolve(worker);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      worker.ref();
      const request: WorkerRequest = { id, text, options };
      worker.postMessage(request);
    });
  }

  private startWorker(): Worker | Error {
    if (this.worker) return this.worker;
    const file = this.workerFile;
    if (!file) return new Error('no worker script');
    let worker: Worker;
    try {
      worker = new Worker(file);
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
    const settle = (id: number, reply: WorkerReply | Error) => {
      const resolve = this.waiting.get(id);
      this.waiting.delete(id);
      resolve?.(reply);
      // An idle worker does not keep the process alive.
      if (this.waiting.size === 0) worker.unref();
    };
    worker.on('message', (reply: WorkerReply) => settle(reply.id, reply));
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const id of [...this.waiting.keys()]) settle(id, error);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the worker stopped (exit code ${code})`)));
    worker.unref();
    this.worker = worker;
    return worker;
  }
}

/**
 * The worker script next to a bundle (dist/workers/suggest.cjs, built by scripts/build.mjs);
 * in a packaged app, the copy unpacked from the archive. Null when running from source.
 */
export function findSuggestWorker(bundleDir: string): string | null {
  const file = path.join(bundleDir, '..', 'workers', 'suggest.cjs');
  const unpacked = file.replace(/app\.asar([\\/])/u, 'app.asar.unpacked$1');
  if (unpacked !== file && existsSync(unpacked)) return unpacked;
  return existsSync(file) ? file : null;
}
