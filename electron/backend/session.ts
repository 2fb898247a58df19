/**
 * The backend as both shells run it: the data dir's lock taken first and held to the end,
 * then the store opened as usual, or, when its files are damaged or missing (StoreError
 * 'corrupt' | 'invalid' | 'missing'), a recovery mode that serves the app anyway with only
 * the recovery calls (handlers/recovery.ts). Holding the lock in recovery too means no other
 * process opens (or creates) a store in the folder while the user decides (issue 10). Once a
 * backup is restored (or the user starts empty) the store is opened and the usual dispatch
 * takes over, no restart. A store from a newer Claimdesk, or a folder another process holds,
 * is refused: no backup is the answer there. Plain Node: no `electron` import (DESIGN.md).
 */
import path from 'node:path';
import { fail } from '../../shared/contract/result';
import { openBackend, type Backend, type BackendOptions } from './backend';
import { createRecoveryDispatch, type Dispatch } from './dispatch';
import type { StoreError } from './store/errors';
import { DataDirLock } from './store/lock';
import { isRecoverable } from './store/recovery';
import { LOCK_FILE } from './store/store';

export interface BackendSession {
  /** One function for the shell to serve, whichever mode answers behind it. */
  dispatch: Dispatch;
  /** Why the store did not open, while in recovery; null once it is open. */
  readonly problem: StoreError | null;
  /** The backend once the store is open (the web host serves uploads and downloads through it). */
  readonly backend: Backend | null;
  /** Closes the store if it is open (saving it), waits for a repair under way, lets the lock go. */
  close(): Promise<void>;
}

/** Opens the backend, or the recovery mode when the store is damaged. Throws anything else. */
export async function openBackendSession(
  options: Omit<BackendOptions, 'lock'>,
): Promise<BackendSession> {
  const log = options.log ?? ((message: string) => console.error(message));
  const owner = options.host === 'desktop' ? 'the Claimdesk desktop app' : 'the Claimdesk web host';
  const lock = await DataDirLock.acquire(path.join(options.dataDir, LOCK_FILE), owner);
  let backend: Backend | null = null;
  let problem: StoreError | null = null;
  /**
   * The claims of a large store are read after open (store/loadQueue.ts): a segment found
   * damaged then sends the app to recovery as one found at open would. No edit has run (edits
   * wait for the loading), so closing writes nothing.
   */
  const watch = (opened: Backend): Backend => {
    opened.store.ready.catch((error: unknown) => {
      if (backend !== opened || !isRecoverable(error)) return;
      log(`The store cannot be read: ${error.message}`);
      problem = error;
      backend = null;
      void opened.close().catch((closing: unknown) => log(String(closing)));
    });
    return opened;
  };
  try {
    backend = watch(await openBackend({ ...options, lock }));
  } catch (error) {
    if (!isRecoverable(error)) {
      await lock.release();
      throw error;
    }
    problem = error;
  }

  let repairing: Promise<unknown> | null = null;
  let closing = false;
  const reopen = async (): Promise<Backend> => {
    // No sample case: a restored store is not new, and "start empty" means empty.
    try {
      const opened = await openBackend({ ...options, lock, sampleCaseFile: undefined });
      if (closing) {
        await opened.close();
        return opened;
      }
      backend = watch(opened);
      problem = null;
      return opened;
    } catch (error) {
      if (isRecoverable(error)) problem = error;
      throw error;
    }
  };
  const recoveryContext = {
    dir: options.dataDir,
    get problem(): StoreError {
      // Only reached in recovery mode, where a problem is always set.
      if (!problem) throw new Error('the store is open: no recovery under way');
      return problem;
    },
    reopen,
  };
  const recoveryDispatch = createRecoveryDispatch(recoveryContext, log);

  return {
    dispatch: async (channel, input) => {
      if (backend) return backend.dispatch(channel, input);
      const repair = channel === 'recovery:restore' || channel === 'recovery:startEmpty';
      if (!repair) return recoveryDispatch(channel, input);
      // One repair at a time: a second one is told so.
      if (closing) return fail('store_unavailable', 'Claimdesk is stopping.');
      if (repairing) return fail('conflict', 'A repair of the store is already under way.');
      const running = recoveryDispatch(channel, input);
      repairing = running;
      try {
        return await running;
      } finally {
        repairing = null;
      }
    },
    get problem() {
      return problem;
    },
    get backend() {
      return backend;
    },
    close: async () => {
      closing = true;
      await repairing;
      await backend?.close();
      await lock.release();
    },
  };
}
