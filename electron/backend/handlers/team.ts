/**
 * Team cases (issue 14): the calls the Team panel makes. The sync itself runs in the
 * background (../team/teamSync.ts); these start, stop and show it, and resolve conflicts.
 */
import type { TeamConflictView } from '../../../shared/contract/channels';
import { CallFailure } from '../../../shared/contract/result';
import { applyEdit } from '../edits/applyEdit';
import type { CollectionName, Op } from '../store/ops';
import type { JsonRecord } from '../team/merge';
import { TeamError, type TeamConflict } from '../team/teamDb';
import type { HandlerContext } from './context';
import { claimHandlers } from './claims';
import type { HandlersFor } from './types';

export type TeamChannel =
  | 'team:status'
  | 'team:available'
  | 'team:share'
  | 'team:join'
  | 'team:leave'
  | 'team:pause'
  | 'team:sync'
  | 'team:members'
  | 'team:setMember'
  | 'team:removeMember'
  | 'team:conflicts'
  | 'team:resolve';

/** A TeamError as the caller's answer, with what to do. */
async function guarded<R>(work: () => Promise<R>): Promise<R> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof TeamError)) throw error;
    const code =
      error.kind === 'offline'
        ? 'offline'
        : error.kind === 'refused'
          ? 'forbidden'
          : error.kind === 'invalid'
            ? 'invalid_input'
            : 'internal';
    throw new CallFailure(code, error.message);
  }
}

const short = (value: unknown): string => {
  const text = typeof value === 'string' ? value : JSON.stringify(value ?? null);
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
};

const fieldsOf = (record: JsonRecord | null, fields: readonly string[]): Record<string, string> =>
  Object.fromEntries(fields.map((f) => [f, short(record?.[f])]));

/** What a record is, in a few words: a claim's text, a document's title. */
const gist = (record: JsonRecord | null): string =>
  short(record?.text ?? record?.title ?? record?.statement ?? record?.name ?? record?.id ?? '');

export function conflictView(conflict: TeamConflict): TeamConflictView {
  const base = {
    id: conflict.id,
    collection: conflict.collection,
    recordId: conflict.recordId,
    claimId: conflict.collection === 'claims' ? conflict.recordId : null,
    kind: conflict.kind,
    fields: conflict.fields,
    proposedBy: conflict.proposedBy,
    createdAt: conflict.createdAt,
  };
  switch (conflict.kind) {
    case 'fields':
      return {
        ...base,
        kept: fieldsOf(conflict.kept, conflict.fields),
        proposed: fieldsOf(conflict.proposed, conflict.fields),
      };
    case 'deleted-edited':
      return {
        ...base,
        kept: { record: `kept, edited since: ${gist(conflict.kept)}` },
        proposed: { record: 'deleted' },
      };
    case 'edited-deleted':
      return {
        ...base,
        kept: { record: 'deleted' },
        proposed: { record: `edited: ${gist(conflict.proposed)}` },
      };
  }
}

/** Applies the value that lost, as an ordinary edit of this analyst's (undoable, then pushed). */
async function applyProposed(ctx: HandlerContext, conflict: TeamConflict): Promise<void> {
  const collection = conflict.collection as CollectionName;
  if (collection === 'history') return;
  if (conflict.kind === 'deleted-edited') {
    if (collection === 'claims') {
      if (ctx.store.get('claims', conflict.recordId)) {
        await claimHandlers['claims:delete']({ claimId: conflict.recordId }, ctx);
      }
      return;
    }
    await applyEdit(ctx, 'Delete (from a conflict)', () => ({
      ops: ctx.store.get(collection, conflict.recordId)
        ? [{ type: 'delete', collection, id: conflict.recordId }]
        : [],
      result: undefined,
      caseId: null,
    }));
    return;
  }
  const current = ctx.store.get(collection, conflict.recordId) as JsonRecord | undefined;
  const value: JsonRecord | null =
    conflict.kind === 'edited-deleted'
      ? conflict.proposed
      : current
        ? { ...current, ...(conflict.proposed ?? {}), updatedAt: ctx.now() }
        : null;
  if (!value) {
    throw new CallFailure('not_found', 'The record of this conflict is no longer in the case.');
  }
  const caseId = typeof value.caseId === 'string' ? value.caseId : null;
  await applyEdit(ctx, 'Use the other value (conflict)', () => ({
    ops: [{ type: 'put', collection, value: value as { id: string } } satisfies Op],
    result: undefined,
    caseId,
  }));
}

export const teamHandlers: HandlersFor<TeamChannel> = {
  'team:status': async (_input, ctx) => ctx.team.status(),
  'team:available': (input, ctx) =>
    guarded(async () => {
      const cases = await ctx.team.available(input.connection);
      return cases.map((c) => ({ ...c, joined: ctx.store.get('cases', c.caseId) !== undefined }));
    }),
  'team:share': (input, ctx) => guarded(() => ctx.team.share(input.caseId, input.connection)),
  'team:join': (input, ctx) => guarded(() => ctx.team.join(input.caseId, input.connection)),
  'team:leave': (input, ctx) =>
    guarded(async () => {
      await ctx.team.leave(input.caseId);
      return { caseId: input.caseId };
    }),
  'team:pause': (input, ctx) => guarded(() => ctx.team.setPaused(input.caseId, input.paused)),
  'team:sync': (input, ctx) => guarded(() => ctx.team.syncNow(input.caseId)),
  'team:members': (input, ctx) => guarded(() => ctx.team.members(input.caseId)),
  'team:setMember': (input, ctx) =>
    guarded(() => ctx.team.setMember(input.caseId, input.member, input.role)),
  'team:removeMember': (input, ctx) =>
    guarded(() => ctx.team.removeMember(input.caseId, input.member)),
  'team:conflicts': async (input, ctx) => ctx.team.conflicts(input.caseId).map(conflictView),
  'team:resolve': (input, ctx) =>
    guarded(async () => {
      const conflict = ctx.team.conflicts(input.caseId).find((c) => c.id === input.conflictId);
      if (!conflict) {
        throw new CallFailure(
          'not_found',
          'That conflict is resolved already (by you or a teammate).',
        );
      }
      if (input.choice === 'proposed') await applyProposed(ctx, conflict);
      await ctx.team.resolved(input.caseId, conflict.id, input.choice);
      return ctx.team.conflicts(input.caseId).map(conflictView);
    }),
};
