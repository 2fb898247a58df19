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
import type { Briefing, Claim, Judgment } from '../../../shared/domain/schemas';
import { scoreClaim } from '../../../shared/scoring/confidence';
import { toScoredClaim } from '../../../shared/scoring/fromRecords';
import { exportFileName } from '../../../shared/fileNames';
import { applyEdit } from '../edits/applyEdit';
import type { HandlerContext } from './context';
import { briefingsOfCase, judgmentsOfCase } from './lookups';
import { requireCase, requireClaim } from './require';
import type { HandlersFor } from './types';

function requireBriefing(ctx: HandlerContext, id: string): Briefing {
  const found = ctx.store.get('briefings', id);
  if (!found)
    throw new CallFailure('not_found', `There is no briefing note with id ${id}.`, 'briefingId');
  return found;
}

/**
 * The note rendered from the case as it is now, with the versions of its claims. Only the
 * note's own claims are read; scores and chains come from the indexes.
 */
function render(ctx: HandlerContext, note: Briefing): Briefing {
  const claims = note.claimIds.flatMap((id) => {
    const claim = ctx.store.get('claims', id);
    return claim && claim.caseId === note.caseId ? [claim] : [];
  });
  const documents = [...new Set(claims.map((c) => c.documentId))].flatMap((id) => {
    const document = ctx.store.get('documents', id);
    return document ? [document] : [];
  });
  const scores = ctx.ix.scores;
  const model = buildBriefing(note, {
    claims,
    entities: ctx.store.list('entities'),
    documents,
    links: [],
    judgments: judgmentsOfCase(ctx, note.caseId),
    scoring: scores.scoring,
    score: (claim: Claim) =>
      scores.get(claim.id) ?? scoreClaim(toScoredClaim(claim), scores.scoring),
  });
  const versions = Object.fromEntries(claims.map((c) => [c.id, c.updatedAt]));
  return { ...note, saved: model, claimVersions: versions };
}

/**
 * Claims a new note starts with, in capture order: the case's first claims and every claim
 * its judgments rest on (a small case: all of them).
 */
function draftClaims(
  ctx: HandlerContext,
  caseId: string,
  judgments: readonly Judgment[],
): string[] {
  const basis = judgments.flatMap((j) => j.basis.map((b) => b.claimId));
  const ordinals = new Set<number>();
  for (const id of basis) {
    const n = ctx.ix.claims.ordinalOf(id);
    if (n !== undefined) ordinals.add(n);
  }
  const k = ctx.ix.claims.hasCase(caseId) ? ctx.ix.claims.caseOf(caseId) : null;
  for (const n of k?.alive.window(0, DRAFT_CLAIMS) ?? []) ordinals.add(n);
  return [...ordinals]
    .sort((a, b) => a - b)
    .slice(0, MAX_NOTE_CLAIMS)
    .flatMap((n) => ctx.ix.claims.idAt(n) ?? []);
}

/** A first draft takes the case's first claims up to this many (a note holds 1,000). */
const DRAFT_CLAIMS = 200;
const MAX_NOTE_CLAIMS = 1000;

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
  'briefings:list': async ({ caseId }, ctx) => {
    requireCase(ctx.store, caseId);
    return briefingsOfCase(ctx, caseId).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  },

  'briefings:create': (input, ctx) =>
    applyEdit(ctx, `New briefing note “${input.title}”`, () => {
      const kase = requireCase(ctx.store, input.caseId);
      const time = ctx.now();
      const judgments = judgmentsOfCase(ctx, kase.id);
      // A first draft: the case's judgments and the claims they rest on, ready to trim.
      const draft: Briefing = {
        id: ctx.newId(),
        caseId: kase.id,
        title: input.title,
        marking: '',
        author: ctx.user,
        date: time.slice(0, 10),
        bluf: '',
        judgmentIds: judgments.map((j) => j.id),
        claimIds: draftClaims(ctx, kase.id, judgments),
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
    // The DOCX and PDF writers (docx; pdfmake with its fonts) are loaded on first use: they
    // are most of the backend's code, and a start should not read them (issue 9).
    const data =
      format === 'docx'
        ? await (await import('../briefing/docx')).briefingToDocx(model)
        : format === 'pdf'
          ? await (await import('../briefing/pdf')).briefingToPdf(model)
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
