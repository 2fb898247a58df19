/** People and organisations, shared by all cases; and the speaker page being shown. */
import type { EntityProfile, Input } from '../../../shared/contract/channels';
import type { Entity, EntityKind } from '../../../shared/domain/schemas';
import { call } from '../api/client';
import type { ActionError, AppState, SliceCreator } from './types';
import { compareNames } from '../../../shared/domain/compareNames';

export interface EntitiesSlice {
  entities: Entity[];
  /**
   * Names being added from a picker, not yet answered by the backend. A claim saved now
   * would miss the one its picker is about to name (issue 12), so saves refuse meanwhile.
   */
  entitiesBeingAdded: string[];
  /** The speaker page on screen, or null for the case workspace. */
  profile: EntityProfile | null;
  loadEntities: () => Promise<void>;
  createEntity: (name: string, kind: EntityKind) => Promise<Entity | ActionError>;
  updateEntity: (changes: Input<'entities:update'>) => Promise<ActionError>;
  mergeEntities: (keepId: string, mergeId: string) => Promise<ActionError>;
  /** A speaker page; `more` adds the next page of its timeline. */
  openProfile: (entityId: string, more?: boolean) => Promise<void>;
  closeProfile: () => void;
}

/** Timeline entries a speaker page asks for at a time. */
const PROFILE_PAGE = 200;

export const createEntitiesSlice: SliceCreator<EntitiesSlice> = (set, get) => ({
  entities: [],
  entitiesBeingAdded: [],
  profile: null,

  loadEntities: async () => {
    const result = await call('entities:list', {});
    if (!result.ok) return get().notify('error', result.error.message);
    set({ entities: result.value });
  },

  createEntity: async (name, kind) => {
    set((s) => ({ entitiesBeingAdded: [...s.entitiesBeingAdded, name] }));
    const result = await call('entities:create', { name, kind });
    set((s) => {
      const at = s.entitiesBeingAdded.indexOf(name);
      return { entitiesBeingAdded: s.entitiesBeingAdded.filter((_, i) => i !== at) };
    });
    if (!result.ok) return result.error;
    const created = result.value;
    set((s) => ({
      entities: [...s.entities, created].sort((a, b) => compareNames(a.name, b.name)),
    }));
    return created;
  },

  updateEntity: async (changes) => {
    const result = await call('entities:update', changes);
    if (!result.ok) return result.error;
    const updated = result.value;
    set((s) => ({
      entities: s.entities.map((e) => (e.id === updated.id ? updated : e)),
      profile: s.profile?.entity.id === updated.id ? { ...s.profile, entity: updated } : s.profile,
    }));
    return null;
  },

  mergeEntities: async (keepId, mergeId) => {
    const result = await call('entities:merge', { keepId, mergeId });
    if (!result.ok) return result.error;
    await get().loadEntities();
    await get().openProfile(keepId);
    return null;
  },

  openProfile: async (entityId, more = false) => {
    const shown =
      more && get().profile?.entity.id === entityId ? (get().profile?.claims ?? []) : [];
    const result = await call('entities:profile', {
      entityId,
      offset: shown.length,
      limit: PROFILE_PAGE,
    });
    if (!result.ok) return get().notify('error', result.error.message);
    set({ profile: { ...result.value, offset: 0, claims: [...shown, ...result.value.claims] } });
  },

  closeProfile: () => set({ profile: null }),
});

/**
 * The refusal a save gives while a name is still being added, or null when none is. The
 * picker names the entity in the form only once it exists, so the save is tried again then.
 */
export function entityStillBeingAdded(s: AppState): ActionError {
  const name = s.entitiesBeingAdded[0];
  if (name === undefined) return null;
  return { message: `“${name}” is still being added. Save again once it shows in the form.` };
}

export const entitiesSelectors = {
  entities: (s: AppState) => s.entities,
  profile: (s: AppState) => s.profile,
};
