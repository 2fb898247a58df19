import type { ClaimInContext } from '../../../shared/contract/channels';
import { CallFailure } from '../../../shared/contract/result';
import type { Claim, Entity } from '../../../shared/domain/schemas';
import { normalizeName } from '../../../shared/entities/names';
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
  for (const name of names) {
    const clashId = ctx.ix.relations.entityNamed(name, self);
    const clash = clashId ? ctx.store.get('entities', clashId) : undefined;
    if (clash) {
      throw new CallFailure(
        'conflict',
        `“${name}” already names ${clash.name}. Merge the two instead of giving them one name.`,
        'name',
      );
    }
  }
}

/** A new person or organisation record, for `entities:create` and an accepted suggestion. */
export function entityRecord(
  ctx: HandlerContext,
  fields: Pick<Entity, 'name' | 'kind'> & Partial<Omit<Entity, 'id' | 'createdAt' | 'updatedAt'>>,
): Entity {
  const time = ctx.now();
  return {
    id: ctx.newId(),
    name: fields.name,
    aliases: cleanAliases(fields.name, fields.aliases ?? []),
    kind: fields.kind,
    role: fields.role ?? '',
    affiliation: fields.affiliation ?? '',
    notes: fields.notes ?? '',
    reliability: fields.reliability ?? 'F',
    createdAt: time,
    updatedAt: time,
  };
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
      const created = entityRecord(ctx, input);
      checkNamesFree(ctx, [created.name, ...created.aliases]);
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
      for (const claimId of ctx.ix.claims.claimsNaming(mergeId)) {
        const claim = ctx.store.get('claims', claimId);
        if (!claim) continue;
        const a = claim.attribution;
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
      for (const docId of ctx.ix.relations.documentsByOutlet.get(mergeId) ?? []) {
        const doc = ctx.store.get('documents', docId);
        if (!doc) continue;
        const value = { ...doc, outletId: keepId };
        ops.push({ type: 'put', collection: 'documents', value });
      }
      ops.push({ type: 'delete', collection: 'entities', id: mergeId });
      return { ops, result: kept, caseId: null };
    }),

  'entities:profile': async ({ entityId, offset, limit }, ctx) => {
    const entity = requireEntity(ctx.store, entityId);
    const { ix, store } = ctx;
    const roles = new Map<string, ClaimInContext['role']>();
    for (const id of ix.claims.saidBy(entityId)) roles.set(id, 'speaker');
    for (const id of ix.claims.passedOnBy(entityId))
      if (!roles.has(id)) roles.set(id, 'intermediary');
    for (const documentId of ix.relations.documentsByOutlet.get(entityId) ?? []) {
      for (const id of ix.claims.byDocument.get(documentId) ?? [])
        if (!roles.has(id)) roles.set(id, 'outlet');
    }
    const dated: { claim: Claim; role: ClaimInContext['role']; at: string }[] = [];
    for (const [id, role] of roles) {
      const claim = store.get('claims', id);
      if (claim) dated.push({ claim, role, at: timelineDate(claim) });
    }
    dated.sort((a, b) => a.at.localeCompare(b.at));
    const claims: ClaimInContext[] = dated.slice(offset, offset + limit).map(({ claim, role }) => ({
      claim,
      role,
      documentTitle: store.get('documents', claim.documentId)?.title ?? '',
      caseTitle: store.get('cases', claim.caseId)?.title ?? '',
    }));
    return { entity, total: dated.length, offset, claims };
  },
};
