/**
 * The backend as both shells run it: the store opened as usual, or, when its files are
 * damaged (StoreError 'corrupt' | 'invalid'), a recovery mode that serves the app anyway
 * with only the recovery calls (handlers/recovery.ts). Once a backup is restored (or the
 * user starts empty) the store is opened and the usual dispatch takes over, no restart.
 * A store from a newer Claimdesk, or one in use by another process, is still refused: no
 * backup is the answer there. Plain Node: no `electron` import (DESIGN.md).
 */
import { openBackend, type Backend, type BackendOptions } from './backend';
import { createRecoveryDispatch, type Dispatch } from './dispatch';
import { fail } from '../../shared/contract/result';
import type { StoreError } from './store/errors';
import { isRecoverable } from './store/recovery';

export interface BackendSession {
  /** One function for the shell to serve, whichever mode answers behind it. */
  dispatch: Dispatch;
  /** Why the store did not open, while in recovery; null once it is open. */
  readonly problem: StoreError | null;
  /** Closes the store if it is open (saving it); waits for a repair under way. */
  close(): Promise<void>;
}

/** Opens the backend, or the recovery mode when the store is damaged. Throws anything else. */
export async function openBackendSession(options: BackendOptions): Promise<BackendSession> {
  const log = options.log ?? ((message: string) => console.error(message));
  let backend: Backend | null = null;
  let problem: StoreError | null = null;
  try {
    backend = await openBackend(options);
  } catch (error) {
    if (!isRecoverable(error)) throw error;
    problem = error;
  }

  let repairing: Promise<unknown> | null = null;
  let closing = false;
  const reopen = async (): Promise<void> => {
    // No sample case: a restored store is not new, and "start empty" means empty.
    try {
      const opened = await openBackend({ ...options, sampleCaseFile: undefined });
      if (closing) {
        await opened.close();
        return;
      }
      backend = opened;
      problem = null;
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
    close: async () => {
      closing = true;
      await repairing;
      await backend?.close();
    },
  };
}
