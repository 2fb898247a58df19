/** Briefing notes of the open case, and exporting notes and case data to files. */
import type { Input } from '../../../shared/contract/channels';
import type { Briefing } from '../../../shared/domain/schemas';
import { call } from '../api/client';
import { saveExportedFile, uploadFile } from '../api/files';
import { createSerialEdits } from './serialEdits';
import type { ActionError, AppState, SliceCreator } from './types';

export type BriefingChanges = Omit<Input<'briefings:update'>, 'briefingId'>;
/** The changes themselves, or how to work them out from the note as last saved. */
export type BriefingChange = BriefingChanges | ((current: Briefing) => BriefingChanges);

export interface BriefingsSlice {
  briefings: Briefing[];
  activeBriefingId: string | null;
  loadBriefings: (caseId: string) => Promise<void>;
  createBriefing: (title: string) => Promise<ActionError>;
  /** Saved after any earlier change of the same note, from the note as it then is. */
  updateBriefing: (briefingId: string, change: BriefingChange) => Promise<ActionError>;
  deleteBriefing: (briefingId: string) => Promise<ActionError>;
  openBriefing: (briefingId: string | null) => void;
  exportBriefing: (
    briefingId: string,
    format: Input<'briefings:export'>['format'],
  ) => Promise<void>;
  exportCase: (format: Input<'cases:export'>['format']) => Promise<void>;
  importCase: (file: File, intoCaseId: string | null) => Promise<void>;
}

export const createBriefingsSlice: SliceCreator<BriefingsSlice> = (set, get) => {
  const save = async (made: Awaited<ReturnType<typeof call<'briefings:export'>>>) => {
    if (!made.ok) return get().notify('error', made.error.message);
    const saved = await saveExportedFile(made.value);
    if ('error' in saved)
      get().notify('error', `Could not save ${made.value.fileName}: ${saved.error}`);
    else if (saved.saved) get().notify('info', `Saved ${saved.path}`);
  };
  const replace = (updated: Briefing) =>
    set((s) => ({ briefings: [updated, ...s.briefings.filter((b) => b.id !== updated.id)] }));
  const serial = createSerialEdits();
  return {
    briefings: [],
    activeBriefingId: null,

    loadBriefings: async (caseId) => {
      const result = await call('briefings:list', { caseId });
      if (!result.ok) return get().notify('error', result.error.message);
      if (get().activeCaseId !== caseId) return;
      const active = get().activeBriefingId;
      set({
        briefings: result.value,
        activeBriefingId: result.value.some((b) => b.id === active)
          ? active
          : (result.value[0]?.id ?? null),
      });
    },

    createBriefing: async (title) => {
      const caseId = get().activeCaseId;
      if (!caseId) return { message: 'Open a case first.' };
      const result = await call('briefings:create', { caseId, title });
      if (!result.ok) return result.error;
      replace(result.value);
      set({ activeBriefingId: result.value.id });
      return null;
    },

    updateBriefing: (briefingId, change) =>
      serial(briefingId, async () => {
        const current = get().briefings.find((b) => b.id === briefingId);
        if (!current) return { message: 'This briefing note has been deleted.' };
        const changes = typeof change === 'function' ? change(current) : change;
        const result = await call('briefings:update', { briefingId, ...changes });
        if (!result.ok) return result.error;
        replace(result.value);
        return null;
      }),

    deleteBriefing: async (briefingId) => {
      const result = await call('briefings:delete', { briefingId });
      if (!result.ok) return result.error;
      set((s) => ({
        briefings: s.briefings.filter((b) => b.id !== briefingId),
        activeBriefingId: s.activeBriefingId === briefingId ? null : s.activeBriefingId,
      }));
      return null;
    },

    openBriefing: (briefingId) => set({ activeBriefingId: briefingId }),

    exportBriefing: async (briefingId, format) =>
      save(await call('briefings:export', { briefingId, format })),

    exportCase: async (format) => {
      const caseId = get().activeCaseId;
      if (!caseId) return get().notify('error', 'Open a case first.');
      const started = await call('cases:export', { caseId, format });
      if (!started.ok) return get().notify('error', started.error.message);
      await get().followJob(started.value.jobId);
    },

    importCase: async (file, intoCaseId) => {
      const uploaded = await uploadFile(file, 'case');
      if ('error' in uploaded) return get().notify('error', uploaded.error);
      const started = await call('cases:import', {
        fileName: file.name,
        uploadId: uploaded.uploadId,
        intoCaseId,
      });
      if (!started.ok) return get().notify('error', started.error.message);
      await get().followJob(started.value.jobId, { fileName: file.name, intoCaseId });
    },
  };
};

export const briefingsSelectors = {
  briefings: (s: AppState) => s.briefings,
  activeBriefing: (s: AppState) => s.briefings.find((b) => b.id === s.activeBriefingId) ?? null,
};
