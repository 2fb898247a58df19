/**
 * Long work the UI follows with a progress bar and may cancel (issue 9: "exports and imports
 * stream ... with a progress bar and cancel"): a case export written to a file, a case file
 * read in. A job runs in slices, giving edits and other calls their turns; its state is
 * asked for with `jobs:status`/`jobs:wait`. An export's file waits in exports/ until it is
 * downloaded (or an hour passes, or the next start).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { ImportedCase, JobFile, JobStatus } from '../../../shared/contract/channels';
import { CallFailure } from '../../../shared/contract/result';

export const EXPORTS_DIR = 'exports';
const KEEP_MS = 60 * 60 * 1000;

/** Thrown inside a job when it was cancelled: the job ends as `cancelled`. */
export class JobCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'JobCancelled';
  }
}

export interface JobControl {
  readonly id: string;
  /** Records done so far, and to do. */
  progress(done: number, total: number): void;
  /** Throws JobCancelled once the job was cancelled: call it between slices. */
  check(): void;
  /** Where an export writes its file. */
  readonly filePath: string;
}

export interface JobOutcome {
  file?: Omit<JobFile, 'key'>;
  imported?: ImportedCase;
}

interface Job {
  status: JobStatus;
  cancelled: boolean;
  filePath: string;
  finishedAt: number | null;
  waiting: Set<() => void>;
}

export class JobRunner {
  private readonly jobs = new Map<string, Job>();

  constructor(
    readonly dir: string,
    private readonly log: (message: string) => void,
  ) {}

  /** Clears files an earlier run left. */
  async open(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
    await mkdir(this.dir, { recursive: true });
  }

  start(
    kind: JobStatus['kind'],
    label: string,
    run: (control: JobControl) => Promise<JobOutcome>,
  ): string {
    this.sweep();
    const id = randomBytes(16).toString('hex');
    const job: Job = {
      status: {
        jobId: id,
        kind,
        label,
        state: 'running',
        done: 0,
        total: 0,
        error: null,
        file: null,
        imported: null,
      },
      cancelled: false,
      filePath: path.join(this.dir, id),
      finishedAt: null,
      waiting: new Set(),
    };
    this.jobs.set(id, job);
    const control: JobControl = {
      id,
      filePath: job.filePath,
      progress: (done, total) => {
        job.status = { ...job.status, done, total };
      },
      check: () => {
        if (job.cancelled) throw new JobCancelled();
      },
    };
    void run(control).then(
      (outcome) =>
        this.finish(job, {
          state: 'done',
          file: outcome.file ? { ...outcome.file, key: randomBytes(16).toString('hex') } : null,
          imported: outcome.imported ?? null,
        }),
      (error: unknown) => {
        if (error instanceof JobCancelled || job.cancelled) {
          void unlink(job.filePath).catch(() => undefined);
          this.finish(job, { state: 'cancelled' });
          return;
        }
        const message =
          error instanceof CallFailure || error instanceof Error ? error.message : String(error);
        if (!(error instanceof CallFailure))
          this.log(
            `${label} failed: ${error instanceof Error ? (error.stack ?? message) : message}`,
          );
        void unlink(job.filePath).catch(() => undefined);
        this.finish(job, { state: 'failed', error: message });
      },
    );
    return id;
  }

  private finish(job: Job, change: Partial<JobStatus>): void {
    job.status = { ...job.status, ...change };
    job.finishedAt = Date.now();
    for (const wake of [...job.waiting]) wake();
  }

  private find(id: string): Job {
    const job = this.jobs.get(id);
    if (!job)
      throw new CallFailure(
        'not_found',
        `There is no job ${id} (finished jobs are kept for an hour).`,
        'jobId',
      );
    return job;
  }

  status(id: string): JobStatus {
    return this.find(id).status;
  }

  /** The status once the job is over, or after `ms`. */
  async wait(id: string, ms: number): Promise<JobStatus> {
    const job = this.find(id);
    if (job.status.state !== 'running') return job.status;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        job.waiting.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      job.waiting.add(done);
    });
    return job.status;
  }

  cancel(id: string): JobStatus {
    const job = this.find(id);
    if (job.status.state === 'running') job.cancelled = true;
    return job.status;
  }

  /**
   * A finished export's file, for the shell to send or save; null when there is none (or,
   * with `key`, when the key is not this file's).
   */
  file(id: string, key?: string): { path: string; file: JobFile } | null {
    const job = this.jobs.get(id);
    if (!job?.status.file || job.status.state !== 'done') return null;
    if (key !== undefined && !sameKey(key, job.status.file.key)) return null;
    return { path: job.filePath, file: job.status.file };
  }

  /** Waits for running jobs to stop (on close, after cancelling them). */
  async close(): Promise<void> {
    const running = [...this.jobs.values()].filter((j) => j.status.state === 'running');
    for (const job of running) job.cancelled = true;
    await Promise.all(running.map((j) => this.wait(j.status.jobId, 30_000)));
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, job] of this.jobs) {
      if (job.finishedAt === null || now - job.finishedAt < KEEP_MS) continue;
      this.jobs.delete(id);
      void unlink(job.filePath).catch(() => undefined);
    }
  }
}

function sameKey(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
