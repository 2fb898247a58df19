/** Test helpers for case export and import: the sample case, files in and out. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ImportedCase, Input, JobFile, JobStatus } from '../../../shared/contract/channels';
import type { z } from 'zod';
import { BriefingSchema } from '../../../shared/domain/schemas';
import type { Backend } from '../backend';
import { call, type BackendHarness } from './harness';

export const SAMPLE_CASE_FILE = path.resolve('data/sample-case.json');

/** A backend on a fresh data dir seeded with the sample case, and that case's id. */
export async function openSample(
  harness: BackendHarness,
  dataDir?: string,
): Promise<{ b: Backend; caseId: string }> {
  const b = await harness.start(dataDir, SAMPLE_CASE_FILE);
  const [only] = await call(b, 'cases:list', {});
  if (!only) throw new Error('the sample case did not load');
  return { b, caseId: only.id };
}

export interface ExportedText extends JobFile {
  /** The file's bytes decoded as UTF-8 (a BOM, if any, kept). */
  text: string;
}

/** Waits for a job to end; a job that failed throws its message. */
export async function finished(b: Backend, jobId: string): Promise<JobStatus> {
  for (;;) {
    const status = await call(b, 'jobs:wait', { jobId, waitMs: 5000 });
    if (status.state === 'running') continue;
    if (status.state === 'failed') throw new Error(status.error ?? 'the job failed');
    return status;
  }
}

export async function exportText(
  b: Backend,
  caseId: string,
  format: Input<'cases:export'>['format'],
): Promise<ExportedText> {
  const { jobId } = await call(b, 'cases:export', { caseId, format });
  await finished(b, jobId);
  const done = b.ctx.jobs.file(jobId);
  if (!done) throw new Error('the export left no file');
  return { ...done.file, text: await readFile(done.path, 'utf8') };
}

export async function exportJson(b: Backend, caseId: string): Promise<Record<string, unknown>> {
  return JSON.parse((await exportText(b, caseId, 'json')).text) as Record<string, unknown>;
}

export const toBase64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

/** Starts an import of a file sent inline and waits for it, however it ends. */
export async function importJob(b: Backend, input: Input<'cases:import'>): Promise<JobStatus> {
  const { jobId } = await call(b, 'cases:import', input);
  for (;;) {
    const status = await call(b, 'jobs:wait', { jobId, waitMs: 5000 });
    if (status.state !== 'running') return status;
  }
}

/** Imports a case file sent inline; throws the job's message when it is refused. */
export async function importText(
  b: Backend,
  fileName: string,
  text: string,
  intoCaseId: string | null = null,
): Promise<ImportedCase> {
  const { jobId } = await call(b, 'cases:import', {
    fileName,
    dataBase64: toBase64(text),
    intoCaseId,
  });
  const status = await finished(b, jobId);
  if (!status.imported) throw new Error(`the import ended ${status.state}`);
  return status.imported;
}

/**
 * Puts a briefing note straight into the store: briefing handlers are written elsewhere, and
 * an export must carry (and an import remap) whatever briefings a case has.
 */
export async function putBriefing(
  b: Backend,
  briefing: z.input<typeof BriefingSchema>,
): Promise<void> {
  // Parsed, so that it is whole (defaults filled) as a handler would have written it.
  const value = BriefingSchema.parse(briefing);
  await b.store.mutate(() => ({
    ops: [{ type: 'put', collection: 'briefings', value }],
    result: null,
  }));
}
