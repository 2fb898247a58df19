/**
 * Opens the backend on a data dir: the store and its indexes, the handler context and the
 * dispatch that both shells serve. Plain Node: no `electron` import here or below (DESIGN.md).
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { createDispatch, type Dispatch } from './dispatch';
import { UndoStack } from './edits/undoStack';
import type { HandlerContext } from './handlers/context';
import { Indexes } from './indexes/indexes';
import { EXPORTS_DIR, JobRunner } from './jobs/jobRunner';
import { seedSampleCase } from './sampleCase';
import type { BackupOptions } from './store/backups';
import { DataDirLock } from './store/lock';
import { openStore } from './store/openStore';
import { LOCK_FILE, type Store } from './store/store';
import { findSuggestWorker, SuggestRunner } from './suggestions/runner';
import { UPLOADS_DIR, Uploads } from './uploads';

export interface BackendOptions {
  dataDir: string;
  host: HandlerContext['host'];
  version: string;
  /** The sample case to seed a new store with; none when omitted. */
  sampleCaseFile?: string;
  log?: (message: string) => void;
  /**
   * The data dir's lock, when the caller holds it (the session, which keeps it through
   * recovery); otherwise the backend takes it and lets it go on close.
   */
  lock?: DataDirLock;
  /**
   * The suggestion worker script; found next to the bundle when left out, and none (every
   * text on the calling thread) when running from source.
   */
  suggestWorker?: string | null;
  /** Store tuning, for tests and the bench. */
  store?: {
    foldAfterBytes?: number;
    idleFoldMs?: number;
    backups?: BackupOptions;
    progressive?: boolean;
  };
}

export interface Backend {
  dispatch: Dispatch;
  store: Store;
  ctx: HandlerContext;
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
  const ownLock = options.lock
    ? null
    : await DataDirLock.acquire(path.join(options.dataDir, LOCK_FILE), owner);
  try {
    const indexes = new Indexes();
    const store = await openStore(options.dataDir, {
      ...options.store,
      log,
      onStore: (opening) => indexes.bind(opening),
      onApply: [indexes.apply],
      onCommit: [indexes.commit],
    });
    indexes.attach(store);
    const jobs = new JobRunner(path.join(options.dataDir, EXPORTS_DIR), log);
    const uploads = new Uploads(path.join(options.dataDir, UPLOADS_DIR));
    await Promise.all([jobs.open(), uploads.open()]);
    const ctx: HandlerContext = {
      store,
      ix: indexes,
      host: options.host,
      version: options.version,
      now: () => new Date().toISOString(),
      newId: () => randomUUID(),
      user: accountName(),
      undo: new UndoStack(),
      jobs,
      uploads,
      suggest: new SuggestRunner({
        workerFile:
          options.suggestWorker === undefined
            ? // Run from source as an ES module (tsx: the bench, scripts) there is no
              // __dirname and no bundled worker: texts then run on the calling thread.
              typeof __dirname === 'string'
              ? findSuggestWorker(__dirname)
              : null
            : options.suggestWorker,
        log,
      }),
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
    // Awaited: app:info must name a missing text from the first call on (issue 10). One
    // listing of texts/ whatever the number of documents.
    await checkTexts(store, log);
    // Every claim's score figures, once the claims are in memory, so that the first export or
    // facet does not wait for them; a claim shown before is scored when shown.
    void store.ready.then(() => indexes.scores.warm(store.ids('claims'))).catch(() => undefined);
    return {
      dispatch,
      store,
      ctx,
      close: async () => {
        await jobs.close();
        await ctx.suggest.close();
        await store.close();
        await ownLock?.release();
      },
    };
  } catch (error) {
    await ownLock?.release();
    throw error;
  }
}

/** Finds the documents whose text file is missing, putting back what backups hold (issue 10). */
async function checkTexts(store: Store, log: (message: string) => void): Promise<void> {
  const hashes = [...store.records.documents.values()].map((d) => d.contentHash);
  const { missing, recovered } = await store.texts.check(hashes);
  store.textsRecovered = recovered.length;
  if (recovered.length > 0)
    log(`Claimdesk put back ${recovered.length} missing document text(s) from its backups.`);
  if (missing.length > 0)
    log(`Claimdesk is missing ${missing.length} document text(s): ${missing.join(', ')}`);
}
