/**
 * Evidence links (issue 4): claim to claim (supports, contradicts, context, same claim),
 * claim to a document span, to a URL or to a file. Refused: a claim as its own evidence,
 * a link across cases, a "same claim" link between claims already the same claim. Merged:
 * the same link made twice, its note added to or replaced as the analyst chose (issue 11).
 */
import { createAnchor, isAnchor } from '../../../shared/anchoring/textQuote';
import type { ParsedInput } from '../../../shared/contract/channels';
import { CallFailure } from '../../../shared/contract/result';
import type { EvidenceLink, LinkTarget } from '../../../shared/domain/schemas';
import { mergeLinkNote, repeatedLinkNeedsChoice } from '../../../shared/evidence/mergeLinkNote';
import { applyEdit } from '../edits/applyEdit';
import type { HandlerContext } from './context';
import { linksOfCase, linksOfClaim } from './lookups';
import { requireCase, requireClaim, requireDocument } from './require';
import type { HandlersFor } from './types';

export const SYMMETRIC = new Set(['contradicts', 'same_claim']);

function requireLink(ctx: HandlerContext, id: string): EvidenceLink {
  const found = ctx.store.get('links', id);
  if (!found) throw new CallFailure('not_found', `There is no link with id ${id}.`, 'linkId');
  return found;
}

async function resolveTarget(
  ctx: HandlerContext,
  caseId: string,
  target: ParsedInput<'links:create'>['target'],
): Promise<LinkTarget> {
  if (target.kind === 'claim') {
    const other = requireClaim(ctx.store, target.claimId);
    if (other.caseId !== caseId) {
      throw new CallFailure(
        'invalid_input',
        'Evidence must be a claim of the same case.',
        'target.claimId',
      );
    }
    return target;
  }
  if (target.kind === 'span') {
    const document = requireDocument(ctx.store, target.documentId);
    if (document.caseId !== caseId) {
      throw new CallFailure(
        'invalid_input',
        'Evidence must be a document of the same case.',
        'target.documentId',
      );
    }
    const text = await ctx.store.texts.get(document.contentHash);
    const anchor = createAnchor(text, target.start, target.end, target.exact);
    if (!isAnchor(anchor)) {
      throw new CallFailure(
        'invalid_input',
        'The selected evidence does not match the document. Select it again.',
        'target.start',
      );
    }
    return { kind: 'span', documentId: document.id, anchor };
  }
  return target;
}

export const sameTarget = (a: LinkTarget, b: LinkTarget): boolean => {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'claim':
      return b.kind === 'claim' && a.claimId === b.claimId;
    case 'span':
      return (
        b.kind === 'span' &&
        a.documentId === b.documentId &&
        a.anchor.start === b.anchor.start &&
        a.anchor.end === b.anchor.end
      );
    case 'url':
      return b.kind === 'url' && a.url === b.url;
    case 'file':
      return b.kind === 'file' && a.name === b.name && a.location === b.location;
  }
};

/** The same link already made, in either direction for a symmetric relation. */
function existingLink(
  ctx: HandlerContext,
  fromClaimId: string,
  relation: string,
  target: LinkTarget,
) {
  return linksOfClaim(ctx, fromClaimId).find((l) => {
    if (l.relation !== relation) return false;
    if (l.fromClaimId === fromClaimId && sameTarget(l.target, target)) return true;
    return (
      SYMMETRIC.has(relation) &&
      target.kind === 'claim' &&
      l.target.kind === 'claim' &&
      l.fromClaimId === target.claimId &&
      l.target.claimId === fromClaimId
    );
  });
}

/** The longest note a link holds (the contract's limit on `note`). */
const MAX_NOTE = 5000;

/**
 * The note of a link made again (issue 11). Where both notes have text and differ, the
 * analyst must say whether to add the new note or replace the old: without `repeat` the
 * call is refused rather than drop either. An added note that would pass the limit is
 * refused too, rather than cut.
 */
function repeatedNote(
  existingNote: string,
  input: Pick<ParsedInput<'links:create'>, 'note' | 'repeat'>,
): string {
  if (repeatedLinkNeedsChoice(existingNote, input.note) && input.repeat === undefined) {
    throw new CallFailure(
      'conflict',
      'This link already exists with another note. Add your note to it or replace its note.',
      'repeat',
    );
  }
  const note = mergeLinkNote(
    existingNote,
    input.note,
    input.repeat === 'replace' ? 'replace' : 'append',
  );
  if (note.length > MAX_NOTE) {
    throw new CallFailure(
      'invalid_input',
      `The two notes together are longer than ${MAX_NOTE} characters. Shorten one, or replace the note.`,
      'note',
    );
  }
  return note;
}

/** A path of "same claim" links between two claims, if there is one (for the message). */
function sameClaimPath(ctx: HandlerContext, from: string, to: string): string[] | null {
  const previous = new Map<string, string>([[from, from]]);
  const queue = [from];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    if (id === to) break;
    for (const l of linksOfClaim(ctx, id)) {
      if (l.relation !== 'same_claim') continue;
      const other = l.target.kind === 'claim' ? l.target.claimId : '';
      const next = l.fromClaimId === id ? other : other === id ? l.fromClaimId : null;
      if (next && !previous.has(next)) {
        previous.set(next, id);
        queue.push(next);
      }
    }
  }
  if (!previous.has(to)) return null;
  const path = [to];
  while (path[0] !== from) path.unshift(previous.get(path[0] as string) as string);
  return path;
}

export const linkHandlers: HandlersFor<
  'links:list' | 'links:create' | 'links:update' | 'links:delete'
> = {
  'links:list': async ({ caseId }, ctx) => {
    requireCase(ctx.store, caseId);
    return linksOfCase(ctx, caseId);
  },

  'links:create': async (input, ctx) => {
    const from = requireClaim(ctx.store, input.fromClaimId);
    const target = await resolveTarget(ctx, from.caseId, input.target);
    return applyEdit(ctx, 'Link evidence', () => {
      // Again inside the queue: either end may have been deleted while the target was read.
      requireClaim(ctx.store, from.id);
      if (target.kind === 'claim') requireClaim(ctx.store, target.claimId);
      if (target.kind === 'span') requireDocument(ctx.store, target.documentId);
      if (target.kind === 'claim' && target.claimId === from.id) {
        throw new CallFailure(
          'invalid_input',
          'A claim cannot be evidence for itself.',
          'target.claimId',
        );
      }
      const time = ctx.now();
      const existing = existingLink(ctx, from.id, input.relation, target);
      if (existing) {
        const merged = { ...existing, note: repeatedNote(existing.note, input), updatedAt: time };
        return {
          ops: [{ type: 'put', collection: 'links', value: merged }],
          result: merged,
          caseId: from.caseId,
        };
      }
      if (input.relation === 'same_claim' && target.kind === 'claim') {
        const path = sameClaimPath(ctx, from.id, target.claimId);
        if (path) {
          const through = path
            .slice(1, -1)
            .map((id) => `“${ctx.store.get('claims', id)?.text ?? id}”`);
          throw new CallFailure(
            'conflict',
            `These claims are already the same claim${through.length > 0 ? ` through ${through.join(', ')}` : ''}.`,
            'target.claimId',
          );
        }
      }
      const created: EvidenceLink = {
        id: ctx.newId(),
        caseId: from.caseId,
        fromClaimId: from.id,
        relation: input.relation,
        target,
        note: input.note,
        createdAt: time,
        updatedAt: time,
      };
      return {
        ops: [{ type: 'put', collection: 'links', value: created }],
        result: created,
        caseId: from.caseId,
      };
    });
  },

  'links:update': (input, ctx) =>
    applyEdit(ctx, 'Edit evidence link', () => {
      const link = requireLink(ctx, input.linkId);
      const updated = {
        ...link,
        relation: input.relation ?? link.relation,
        note: input.note ?? link.note,
        updatedAt: ctx.now(),
      };
      if (
        updated.target.kind === 'claim' &&
        updated.relation === 'same_claim' &&
        link.relation !== 'same_claim'
      ) {
        if (sameClaimPath(ctx, link.fromClaimId, updated.target.claimId)) {
          throw new CallFailure('conflict', 'These claims are already the same claim.', 'relation');
        }
      }
      return {
        ops: [{ type: 'put', collection: 'links', value: updated }],
        result: updated,
        caseId: link.caseId,
      };
    }),

  'links:delete': (input, ctx) =>
    applyEdit(ctx, 'Remove evidence link', () => {
      const link = requireLink(ctx, input.linkId);
      return {
        ops: [{ type: 'delete', collection: 'links', id: link.id }],
        result: { linkId: link.id },
        caseId: link.caseId,
      };
    }),
};
