import type { ClaimInContext } from '../../../shared/contract/channels';
import { CallFailure } from '../../../shared/contract/result';
import type { Claim, Entity } from '../../../shared/domain/schemas';
import { findByName, normalizeName } from '../../../shared/entities/names';
import { applyEdit } from '../edits/applyEdit';
import type { Op } from '../store/ops';
import type { HandlerContext } from './context';
import { requireEntity } from './require';
import type { HandlersFor } from './types';

/** Aliases without blanks, duplicates, or the entity's own name. */
function cleanAliases(name: string, aliases: readonly string[]): string[] {
  const seen = new Set([normalizeName(name)]);
  const out: string[] = [];
  for (const alias of aliases) {
    const key = normalizeName(alias);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(alias.trim());
  }
  return out;
}

/** Refuses a name or alias that already names another entity: that is a merge. */
function checkNamesFree(ctx: HandlerContext, names: readonly string[], self?: string): void {
  const others = ctx.store.list('entities').filter((e) => e.id !== self);
  for (const name of names) {
    const clash = findByName(others, name);
    if (clash) {
      throw new CallFailure(
        'conflict',
        `“${name}” already names ${clash.name}. Merge the two instead of giving them one name.`,
        'name',
      );
    }
  }
}

/** The date a claim is placed at on a timeline: said, else reported, else captured. */
const timelineDate = (claim: Claim) =>
  claim.attribution.saidOn || claim.attribution.reportedOn || claim.createdAt.slice(0, 10);

export const entityHandlers: HandlersFor<
  'entities:list' | 'entities:create' | 'entities:update' | 'entities:merge' | 'entities:profile'
> = {
  'entities:list': async (_input, { store }) =>
    store.list('entities').sort((a, b) => a.name.localeCompare(b.name)),

  'entities:create': (input, ctx) =>
    applyEdit(ctx, `Add “${input.name}”`, () => {
      const aliases = cleanAliases(input.name, input.aliases ?? []);
      checkNamesFree(ctx, [input.name, ...aliases]);
      const time = ctx.now();
      const created: Entity = {
        id: ctx.newId(),
        name: input.name,
        aliases,
        kind: input.kind,
        role: input.role ?? '',
        affiliation: input.affiliation ?? '',
        notes: input.notes ?? '',
        reliability: input.reliability ?? 'F',
        createdAt: time,
        updatedAt: time,
      };
      return {
        ops: [{ type: 'put', collection: 'entities', value: created }],
        result: created,
        caseId: null,
      };
    }),

  'entities:update': (input, ctx) =>
    applyEdit(ctx, 'Edit person or organisation', () => {
      const entity = requireEntity(ctx.store, input.entityId);
      const name = input.name ?? entity.name;
      const aliases = cleanAliases(name, input.aliases ?? entity.aliases);
      checkNamesFree(ctx, [name, ...aliases], entity.id);
      const updated: Entity = {
        ...entity,
        name,
        aliases,
        kind: input.kind ?? entity.kind,
        role: input.role ?? entity.role,
        affiliation: input.affiliation ?? entity.affiliation,
        notes: input.notes ?? entity.notes,
        reliability: input.reliability ?? entity.reliability,
        updatedAt: ctx.now(),
      };
      return {
        ops: [{ type: 'put', collection: 'entities', value: updated }],
        result: updated,
        caseId: null,
      };
    }),

  'entities:merge': ({ keepId, mergeId }, ctx) =>
    applyEdit(ctx, 'Merge duplicates', () => {
      const keep = requireEntity(ctx.store, keepId, 'keepId');
      const merged = requireEntity(ctx.store, mergeId, 'mergeId');
      const time = ctx.now();
      const kept: Entity = {
        ...keep,
        // Within the entity's limits: the kept entity's own names and notes come first.
        aliases: cleanAliases(keep.name, [...keep.aliases, merged.name, ...merged.aliases]).slice(
          0,
          50,
        ),
        role: keep.role || merged.role,
        affiliation: keep.affiliation || merged.affiliation,
        notes: [...[keep.notes, merged.notes].filter(Boolean).join('\n\n')].slice(0, 5000).join(''),
        reliability: keep.reliability === 'F' ? merged.reliability : keep.reliability,
        updatedAt: time,
      };
      const ops: Op[] = [{ type: 'put', collection: 'entities', value: kept }];
      const swap = (id: string) => (id === mergeId ? keepId : id);
      for (const claim of ctx.store.list('claims')) {
        const a = claim.attribution;
        const overridden = mergeId in a.reliabilityOverrides;
        if (a.speakerId !== mergeId && !a.via.includes(mergeId) && !overridden) continue;
        const speakerId = a.speakerId === null ? null : swap(a.speakerId);
        const via = [...new Set(a.via.map(swap))].filter((id) => id !== speakerId);
        // The kept entity's own override wins over one moved from the merged entity.
        const { [mergeId]: movedGrade, ...kept } = a.reliabilityOverrides;
        const reliabilityOverrides =
          movedGrade && !(keepId in kept) ? { ...kept, [keepId]: movedGrade } : kept;
        const attribution = { ...a, speakerId, via, reliabilityOverrides };
        const value = { ...claim, attribution, updatedAt: time };
        ops.push({ type: 'put', collection: 'claims', value });
      }
      for (const doc of ctx.store.list('documents')) {
        if (doc.outletId !== mergeId) continue;
        const value = { ...doc, outletId: keepId };
        ops.push({ type: 'put', collection: 'documents', value });
      }
      ops.push({ type: 'delete', collection: 'entities', id: mergeId });
      return { ops, result: kept, caseId: null };
    }),

  'entities:profile': async ({ entityId }, { store }) => {
    const entity = requireEntity(store, entityId);
    const claims: ClaimInContext[] = [];
    for (const claim of store.list('claims')) {
      const doc = store.get('documents', claim.documentId);
      const role =
        claim.attribution.speakerId === entityId
          ? 'speaker'
          : claim.attribution.via.includes(entityId)
            ? 'intermediary'
            : doc?.outletId === entityId
              ? 'outlet'
              : null;
      if (!role) continue;
      claims.push({
        claim,
        role,
        documentTitle: doc?.title ?? '',
        caseTitle: store.get('cases', claim.caseId)?.title ?? '',
      });
    }
    claims.sort((a, b) => timelineDate(a.claim).localeCompare(timelineDate(b.claim)));
    return { entity, claims };
  },
};
