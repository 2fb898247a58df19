/**
 * Opens the backend on a data dir: the store, the handler context and the dispatch that
 * both shells serve. Plain Node: no `electron` import here or below (DESIGN.md).
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { createDispatch, type Dispatch } from './dispatch';
import { UndoStack } from './edits/undoStack';
import type { HandlerContext } from './handlers/context';
import { seedSampleCase } from './sampleCase';
import { Store } from './store/store';

export interface BackendOptions {
  dataDir: string;
  host: HandlerContext['host'];
  version: string;
  /** The sample case to seed a new store with; none when omitted. */
  sampleCaseFile?: string;
  log?: (message: string) => void;
}

export interface Backend {
  dispatch: Dispatch;
  store: Store;
  close(): Promise<void>;
}

function accountName(): string {
  try {
    return os.userInfo().username || 'analyst';
  } catch {
    return 'analyst';
  }
}

export async function openBackend(options: BackendOptions): Promise<Backend> {
  const log = options.log ?? ((message: string) => console.error(message));
  const owner = options.host === 'desktop' ? 'the Claimdesk desktop app' : 'the Claimdesk web host';
  const store = await Store.open(options.dataDir, { owner });
  const ctx: HandlerContext = {
    store,
    host: options.host,
    version: options.version,
    now: () => new Date().toISOString(),
    newId: () => randomUUID(),
    user: accountName(),
    undo: new UndoStack(),
  };
  const dispatch = createDispatch(ctx, log);
  if (store.report.created && options.sampleCaseFile) {
    try {
      await seedSampleCase(dispatch, options.sampleCaseFile);
      // Loading the sample is not an edit of the user's to undo.
      ctx.undo.clear();
    } catch (error) {
      // A missing sample is no reason to refuse to start: the user gets an empty store.
      log(
        `Could not load the sample case: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  return { dispatch, store, close: () => store.close() };
}
