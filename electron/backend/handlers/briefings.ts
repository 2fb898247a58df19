/**
 * Briefing notes (issue 5). Each save renders the note and keeps it, with the version of
 * each chosen claim, so reopening shows the note as saved and marks claims edited since.
 * Exports render the saved note; the same code serves the desktop app and the web host.
 */
import { buildBriefing } from '../../../shared/briefing/build';
import { briefingToHtml } from '../../../shared/briefing/html';
import { briefingToMarkdown } from '../../../shared/briefing/markdown';
import type { ExportedFile } from '../../../shared/contract/channels';
import { CallFailure } from '../../../shared/contract/result';
import type { Briefing } from '../../../shared/domain/schemas';
import { exportFileName } from '../../../shared/fileNames';
import { briefingToDocx } from '../briefing/docx';
import { briefingToPdf } from '../briefing/pdf';
import { applyEdit } from '../edits/applyEdit';
import type { HandlerContext } from './context';
import { requireCase, requireClaim } from './require';
import type { HandlersFor } from './types';

function requireBriefing(ctx: HandlerContext, id: string): Briefing {
  const found = ctx.store.get('briefings', id);
  if (!found)
    throw new CallFailure('not_found', `There is no briefing note with id ${id}.`, 'briefingId');
  return found;
}

/** The note rendered from the case as it is now, with the versions of its claims. */
function render(ctx: HandlerContext, note: Briefing): Briefing {
  const inCase = <T extends { caseId: string }>(list: T[]) =>
    list.filter((r) => r.caseId === note.caseId);
  const claims = inCase(ctx.store.list('claims'));
  const model = buildBriefing(note, {
    claims,
    entities: ctx.store.list('entities'),
    documents: inCase(ctx.store.list('documents')),
    links: inCase(ctx.store.list('links')),
    judgments: inCase(ctx.store.list('judgments')),
  });
  const versions = Object.fromEntries(
    note.claimIds.flatMap((id) => {
      const claim = claims.find((c) => c.id === id);
      return claim ? [[id, claim.updatedAt]] : [];
    }),
  );
  return { ...note, saved: model, claimVersions: versions };
}

const FORMATS = {
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  pdf: { mime: 'application/pdf' },
  md: { mime: 'text/markdown; charset=utf-8' },
  html: { mime: 'text/html; charset=utf-8' },
} as const;

export const briefingHandlers: HandlersFor<
  | 'briefings:list'
  | 'briefings:create'
  | 'briefings:update'
  | 'briefings:delete'
  | 'briefings:export'
> = {
  'briefings:list': async ({ caseId }, { store }) => {
    requireCase(store, caseId);
    return store
      .list('briefings')
      .filter((b) => b.caseId === caseId)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  },

  'briefings:create': (input, ctx) =>
    applyEdit(ctx, `New briefing note “${input.title}”`, () => {
      const kase = requireCase(ctx.store, input.caseId);
      const time = ctx.now();
      const claims = ctx.store.list('claims').filter((c) => c.caseId === kase.id);
      // A first draft: the case's judgments and claims, in their order, ready to trim.
      const draft: Briefing = {
        id: ctx.newId(),
        caseId: kase.id,
        title: input.title,
        marking: '',
        author: ctx.user,
        date: time.slice(0, 10),
        bluf: '',
        judgmentIds: ctx.store
          .list('judgments')
          .filter((j) => j.caseId === kase.id)
          .sort((a, b) => a.order - b.order)
          .map((j) => j.id),
        claimIds: claims.map((c) => c.id),
        claimVersions: {},
        saved: null,
        createdAt: time,
        updatedAt: time,
      };
      const created = render(ctx, draft);
      return {
        ops: [{ type: 'put', collection: 'briefings', value: created }],
        result: created,
        caseId: kase.id,
      };
    }),

  'briefings:update': (input, ctx) =>
    applyEdit(ctx, 'Edit briefing note', () => {
      const note = requireBriefing(ctx, input.briefingId);
      for (const id of input.claimIds ?? []) {
        if (requireClaim(ctx.store, id, 'claimIds').caseId !== note.caseId) {
          throw new CallFailure(
            'invalid_input',
            'A note can cite only claims of its case.',
            'claimIds',
          );
        }
      }
      for (const id of input.judgmentIds ?? []) {
        const judgment = ctx.store.get('judgments', id);
        if (!judgment || judgment.caseId !== note.caseId) {
          throw new CallFailure(
            'invalid_input',
            'A note can carry only judgments of its case.',
            'judgmentIds',
          );
        }
      }
      // Only the fields given change; the id is not one of them.
      const defined = Object.fromEntries(
        Object.entries(input).filter(([key, v]) => key !== 'briefingId' && v !== undefined),
      );
      const updated = render(ctx, {
        ...note,
        ...defined,
        claimIds: [...new Set(input.claimIds ?? note.claimIds)],
        judgmentIds: [...new Set(input.judgmentIds ?? note.judgmentIds)],
        updatedAt: ctx.now(),
      });
      return {
        ops: [{ type: 'put', collection: 'briefings', value: updated }],
        result: updated,
        caseId: note.caseId,
      };
    }),

  'briefings:delete': (input, ctx) =>
    applyEdit(ctx, 'Delete briefing note', () => {
      const note = requireBriefing(ctx, input.briefingId);
      return {
        ops: [{ type: 'delete', collection: 'briefings', id: note.id }],
        result: { briefingId: note.id },
        caseId: note.caseId,
      };
    }),

  'briefings:export': async ({ briefingId, format }, ctx) => {
    const note = requireBriefing(ctx, briefingId);
    const model = note.saved ?? render(ctx, note).saved;
    if (!model) throw new CallFailure('internal', 'The note could not be rendered.');
    const data =
      format === 'docx'
        ? await briefingToDocx(model)
        : format === 'pdf'
          ? await briefingToPdf(model)
          : Buffer.from(
              format === 'md' ? briefingToMarkdown(model) : briefingToHtml(model),
              'utf8',
            );
    const file: ExportedFile = {
      fileName: exportFileName(note.title, format, 'briefing'),
      mimeType: FORMATS[format].mime,
      dataBase64: data.toString('base64'),
    };
    return file;
  },
};
