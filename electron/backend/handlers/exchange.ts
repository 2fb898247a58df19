/**
 * Case exchange (issue 5): a whole case out as JSON, CSV, W3C Web Annotation or STIX 2.1,
 * and a JSON case back in, as a new case or merged into one. Both run as jobs the UI follows
 * (issue 9), and the work is in ../exchange.
 */
import { createReadStream } from 'node:fs';
import { MAX_CASE_FILE_BYTES } from '../../../shared/contract/limits';
import { applyEdit } from '../edits/applyEdit';
import { startExport } from '../exchange/exportCase';
import { planImport } from '../exchange/importPlan';
import { chunksOf, readCaseFile } from '../exchange/readCaseFile';
import type { HandlerContext } from './context';
import { fileBytes } from './fileBytes';
import { requireCase } from './require';
import type { HandlersFor } from './types';

type ImportInput = {
  fileName: string;
  uploadId?: string;
  dataBase64?: string;
  intoCaseId: string | null;
};

function startImport(ctx: HandlerContext, input: ImportInput): string {
  const into = input.intoCaseId ? requireCase(ctx.store, input.intoCaseId) : null;
  const label = into
    ? `Importing “${input.fileName}” into “${into.title}”`
    : `Importing “${input.fileName}”`;
  return ctx.jobs.start('import', label, async (control) => {
    // The upload is read from disk as it is parsed; an inline file is small.
    const upload = input.uploadId ? ctx.uploads.path(input.uploadId) : null;
    const bytes = upload ? null : await fileBytes(ctx, input, MAX_CASE_FILE_BYTES);
    const size = upload?.size ?? bytes?.length ?? 0;
    // Progress: reading is the first half, writing the second.
    const file = await readCaseFile(
      input.fileName,
      upload ? createReadStream(upload.file) : chunksOf(bytes ?? new Uint8Array()),
      { bytes: (read) => control.progress(read, size * 2), check: () => control.check() },
    );
    if (input.uploadId) await ctx.uploads.discard(input.uploadId);
    control.check();
    // Texts first, as documents:create does: a document record never points at a missing
    // text. A text left behind by a failed edit is harmless (named by its hash, reused).
    for (const document of file.documents) {
      if (document.text !== null) await ctx.store.texts.put(document.text);
    }
    control.check();
    const editLabel = into
      ? `Import “${input.fileName}” into “${into.title}”`
      : `Import case “${file.case.title}”`;
    const imported = await applyEdit(
      ctx,
      editLabel,
      async () => {
        // Last chance to stop: after this, the import is one edit, all or nothing.
        control.check();
        const plan = await planImport(ctx, file, input.intoCaseId, (done) =>
          control.progress(size + done, size * 2),
        );
        return {
          ops: plan.ops,
          result: { caseId: plan.caseId, ...plan.counts, gradeConflicts: plan.gradeConflicts },
          caseId: plan.caseId,
        };
      },
      // The claims bring their own history; see applyEdit.
      { history: 'given' },
    );
    control.progress(size * 2, size * 2);
    return { imported };
  });
}

export const exchangeHandlers: HandlersFor<
  'cases:export' | 'cases:import' | 'jobs:status' | 'jobs:wait' | 'jobs:cancel'
> = {
  'cases:export': async ({ caseId, format }, ctx) => ({ jobId: startExport(ctx, caseId, format) }),
  'cases:import': async (input, ctx) => ({ jobId: startImport(ctx, input) }),
  'jobs:status': async ({ jobId }, ctx) => ctx.jobs.status(jobId),
  'jobs:wait': ({ jobId, waitMs }, ctx) => ctx.jobs.wait(jobId, waitMs),
  'jobs:cancel': async ({ jobId }, ctx) => ctx.jobs.cancel(jobId),
};
