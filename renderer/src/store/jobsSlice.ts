/**
 * Exports and imports of whole cases run as jobs in the backend (issue 9): the screen shows
 * each one's progress with a Cancel button, saves an export's file when it is done, and
 * opens an imported case. Where the imported file grades a person or outlet differently, the
 * analyst chooses whose grade to keep, entity by entity (issue 11).
 */
import type { JobStatus } from '../../../shared/contract/channels';
import { countOf } from '../../../shared/domain/labels';
import {
  gradeUpdates,
  type GradeChoice,
  type GradeConflict,
} from '../../../shared/exchange/gradeConflicts';
import { call } from '../api/client';
import { saveJobFile } from '../api/files';
import type { AppState, SliceCreator } from './types';

export interface JobsSlice {
  jobs: JobStatus[];
  /** Follows a job the backend started until it ends (an import: of `fileName`, into a case or not). */
  followJob: (
    jobId: string,
    importing?: { fileName: string; intoCaseId: string | null },
  ) => Promise<void>;
  cancelJob: (jobId: string) => Promise<void>;
  /**
   * People and outlets an import found graded differently here and in its file (issue 11),
   * waiting for the analyst's choice; the import kept this store's grades meanwhile.
   */
  gradeConflicts: { fileName: string; conflicts: GradeConflict[] } | null;
  /** Applies the choices (an entity left out keeps this store's grade) and says what was done. */
  resolveGradeConflicts: (choices: Readonly<Record<string, GradeChoice>>) => Promise<void>;
}

export const createJobsSlice: SliceCreator<JobsSlice> = (set, get) => {
  const show = (status: JobStatus) =>
    set((s) => ({
      jobs: s.jobs.some((j) => j.jobId === status.jobId)
        ? s.jobs.map((j) => (j.jobId === status.jobId ? status : j))
        : [...s.jobs, status],
    }));
  const hide = (jobId: string) => set((s) => ({ jobs: s.jobs.filter((j) => j.jobId !== jobId) }));

  const finished = async (
    status: JobStatus,
    importing: { fileName: string; intoCaseId: string | null } | undefined,
  ) => {
    hide(status.jobId);
    if (status.state === 'cancelled') return get().notify('info', `Cancelled: ${status.label}.`);
    if (status.state === 'failed')
      return get().notify('error', status.error ?? `${status.label} failed.`);
    if (status.file) {
      const saved = await saveJobFile(status.jobId, status.file);
      if ('error' in saved)
        get().notify('error', `Could not save ${status.file.fileName}: ${saved.error}`);
      else if (saved.saved) get().notify('info', `Saved ${saved.path}`);
    }
    if (status.imported) {
      const { caseId, added, merged, gradeConflicts } = status.imported;
      if (gradeConflicts.length > 0) {
        set({
          gradeConflicts: {
            fileName: importing?.fileName ?? 'the case file',
            conflicts: gradeConflicts,
          },
        });
      }
      await get().loadCases();
      await get().openCase(caseId);
      get().notify(
        'info',
        `Imported ${importing?.fileName ?? 'the case'}: ${countOf(added.claims, 'claim')} and ${countOf(added.documents, 'document')} added` +
          (importing?.intoCaseId
            ? `, ${countOf(merged.claims, 'claim')} and ${countOf(merged.documents, 'document')} already there.`
            : '.'),
      );
    }
  };

  return {
    jobs: [],
    gradeConflicts: null,
    resolveGradeConflicts: async (choices) => {
      const pending = get().gradeConflicts;
      if (!pending) return;
      set({ gradeConflicts: null });
      const updates = gradeUpdates(pending.conflicts, choices);
      for (const update of updates) {
        const failure = await get().updateEntity(update);
        if (failure) get().notify('error', failure.message);
      }
      const kept = pending.conflicts.length - updates.length;
      get().notify(
        'info',
        `Grades after importing ${pending.fileName}: ${countOf(updates.length, 'imported grade')} taken, ${countOf(kept, 'grade')} of this store kept.`,
      );
    },
    followJob: async (jobId, importing) => {
      for (;;) {
        const result = await call('jobs:wait', { jobId, waitMs: 400 });
        if (!result.ok) {
          hide(jobId);
          return get().notify('error', result.error.message);
        }
        if (result.value.state !== 'running') return finished(result.value, importing);
        show(result.value);
      }
    },
    cancelJob: async (jobId) => {
      const result = await call('jobs:cancel', { jobId });
      if (!result.ok) get().notify('error', result.error.message);
    },
  };
};

export const jobsSelectors = {
  jobs: (s: AppState) => s.jobs,
  gradeConflicts: (s: AppState) => s.gradeConflicts,
};
