/**
 * Opens the backend on a data dir: the store and its indexes, the handler context and the
 * dispatch that both shells serve. Plain Node: no `electron` import here or below (DESIGN.md).
 */
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CallActivity } from './callActivity';
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
import { Capture } from './team/capture';
import { Outbox } from './team/outbox';
import { SecretStore } from './team/secrets';
import { TeamSync } from './team/teamSync';
import { TEAM_DIR, TeamState } from './team/teamState';
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
  /**
   * The key that encrypts saved team database connections: from the OS keychain in the
   * desktop shell (electron/main/secretKey.ts); none on the web host (the file is then 0600).
   */
  secretKey?: Buffer | null;
  /** Milliseconds between sync rounds of team cases when nothing happens (tests shorten it). */
  teamPollMs?: number;
  /** Store tuning, for tests and the bench. */
  store?: {
    foldAfterBytes?: number;
    idleFoldMs?: number;
    backups?: BackupOptions;
    progressive?: boolean;
    loadAfter?: Promise<unknown>;
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

/** Quiet this long (no call from the analyst) before the score cache warms a few hundred more. */
const WARM_AFTER_QUIET_MS = 300;

export async function openBackend(options: BackendOptions): Promise<Backend> {
  const log = options.log ?? ((message: string) => console.error(message));
  const owner = options.host === 'desktop' ? 'the Claimdesk desktop app' : 'the Claimdesk web host';
  const ownLock = options.lock
    ? null
    : await DataDirLock.acquire(path.join(options.dataDir, LOCK_FILE), owner);
  try {
    const indexes = new Indexes();
    // Team cases (issue 14): the outbox catches the edits of shared cases from the first one
    // replayed at open, so none made before a crash is missed.
    const teamDir = path.join(options.dataDir, TEAM_DIR);
    await mkdir(teamDir, { recursive: true });
    const teamState = await TeamState.open(path.join(teamDir, 'cases.json'), log);
    const outbox = Outbox.open(path.join(teamDir, 'outbox.jsonl'));
    let team: TeamSync | null = null;
    const sharedAtOpen = new Set(teamState.all().map((c) => c.caseId));
    const capture = new Capture(
      outbox,
      () => team?.sharedIds() ?? sharedAtOpen,
      (caseIds) => caseIds.forEach((caseId) => team?.kick(caseId)),
      () => team?.writableIds() ?? sharedAtOpen,
    );
    const store = await openStore(options.dataDir, {
      ...options.store,
      log,
      onStore: (opening) => {
        indexes.bind(opening);
        capture.bind(opening);
      },
      onApply: [indexes.apply, capture.apply],
      onCommit: [indexes.commit, capture.commit],
    }).catch((error: unknown) => {
      outbox.close();
      throw error;
    });
    team = new TeamSync({
      store,
      outbox,
      state: teamState,
      secrets: await SecretStore.open(
        path.join(teamDir, 'secrets.json'),
        options.secretKey ?? null,
      ),
      now: () => new Date().toISOString(),
      log,
      pollMs: options.teamPollMs,
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
      team,
    };
    const activity = new CallActivity();
    const dispatch = createDispatch(ctx, log, activity);
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
    // facet does not wait for them; a claim shown before is scored when shown. Paused while
    // the analyst is busy with the app.
    void store.ready
      .then(() =>
        indexes.scores.warm(store.ids('claims'), () => activity.quiet(WARM_AFTER_QUIET_MS)),
      )
      .catch(() => undefined);
    team.start();
    const sync = team;
    return {
      dispatch,
      store,
      ctx,
      close: async () => {
        await jobs.close();
        await ctx.suggest.close();
        await sync.close();
        await store.close();
        outbox.close();
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
