/**
 * Case exchange (issue 5): a whole case out as JSON, CSV, W3C Web Annotation or STIX 2.1,
 * and a JSON case back in, as a new case or merged into one. The work is in ../exchange.
 */
import { applyEdit } from '../edits/applyEdit';
import { exportCase } from '../exchange/exportCase';
import { planImport } from '../exchange/importPlan';
import { readCaseFile } from '../exchange/readCaseFile';
import { requireCase } from './require';
import type { HandlersFor } from './types';

export const exchangeHandlers: HandlersFor<'cases:export' | 'cases:import'> = {
  'cases:export': async ({ caseId, format }, ctx) =>
    exportCase(ctx.store, caseId, format, { now: ctx.now(), version: ctx.version, user: ctx.user }),

  'cases:import': async ({ fileName, dataBase64, intoCaseId }, ctx) => {
    // Everything that can be wrong with the file is found before anything is written.
    const file = readCaseFile(fileName, new Uint8Array(Buffer.from(dataBase64, 'base64')));
    const into = intoCaseId ? requireCase(ctx.store, intoCaseId) : null;
    // Texts first, as documents:create does: a document record never points at a missing
    // text. A text left behind by a failed edit is harmless (named by its hash, reused).
    for (const document of file.documents) await ctx.store.texts.put(document.text);
    const label = into
      ? `Import “${fileName}” into “${into.title}”`
      : `Import case “${file.case.title}”`;
    return applyEdit(
      ctx,
      label,
      () => {
        const plan = planImport(ctx, file, intoCaseId);
        return {
          ops: plan.ops,
          result: { caseId: plan.caseId, ...plan.counts },
          caseId: plan.caseId,
        };
      },
      // The claims bring their own history; see applyEdit.
      { history: 'given' },
    );
  },
};
