/**
 * Importing files (open dialog or drag and drop): one at a time, each read by the backend,
 * then shown to the analyst with its metadata to confirm, as a new document, as a new
 * version of one already in the case, or not at all. A failure names the file and the
 * reason, and the case stays as it was.
 */
import type { ExtractedFile } from '../../../shared/contract/channels';
import { call } from '../api/client';
import { uploadFile } from '../api/files';
import type { NewDocument } from './documentsSlice';
import type { AppState, SliceCreator } from './types';

export interface ImportProgress {
  fileName: string;
  index: number;
  total: number;
  stage: 'reading' | 'extracting' | 'confirming' | 'saving';
}

export interface PendingImport {
  fileName: string;
  extracted: ExtractedFile;
}

export type ImportDecision =
  | { action: 'skip' }
  | { action: 'open'; documentId: string }
  | { action: 'import'; fields: NewDocument; versionOf: string | null };

export interface ImportSlice {
  importProgress: ImportProgress | null;
  pendingImport: PendingImport | null;
  importFiles: (files: readonly File[]) => Promise<void>;
  decideImport: (decision: ImportDecision) => void;
}

// The dialog's answer for the file being confirmed; kept out of state, as it is a callback.
let answer: ((decision: ImportDecision) => void) | null = null;

export const createImportSlice: SliceCreator<ImportSlice> = (set, get) => {
  const importOne = async (file: File, index: number, total: number): Promise<void> => {
    const caseId = get().activeCaseId;
    if (!caseId) return get().notify('error', 'Open a case before importing documents.');
    const progress = (stage: ImportProgress['stage']) =>
      set({ importProgress: { fileName: file.name, index, total, stage } });
    progress('reading');
    const uploaded = await uploadFile(file, 'document');
    if ('error' in uploaded) return get().notify('error', uploaded.error);
    progress('extracting');
    const extracted = await call('documents:extract', {
      caseId,
      fileName: file.name,
      uploadId: uploaded.uploadId,
    });
    if (!extracted.ok) return get().notify('error', extracted.error.message);
    progress('confirming');
    const decision = await new Promise<ImportDecision>((resolve) => {
      answer = resolve;
      set({ pendingImport: { fileName: file.name, extracted: extracted.value } });
    });
    set({ pendingImport: null });
    if (decision.action === 'skip') return;
    if (decision.action === 'open') return get().openDocument(decision.documentId);
    progress('saving');
    const failure = await get().createDocument(decision.fields, decision.versionOf);
    if (failure) get().notify('error', `${file.name}: ${failure.message}`);
  };

  return {
    importProgress: null,
    pendingImport: null,
    importFiles: async (files) => {
      for (const [i, file] of files.entries()) await importOne(file, i + 1, files.length);
      set({ importProgress: null });
    },
    decideImport: (decision) => {
      answer?.(decision);
      answer = null;
    },
  };
};

export const importSelectors = {
  importProgress: (s: AppState) => s.importProgress,
  pendingImport: (s: AppState) => s.pendingImport,
};
