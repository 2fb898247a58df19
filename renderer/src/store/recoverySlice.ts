/**
 * Recovery: whether the backend could open the store, and the way back when it could not
 * (a backup restored, or an empty store). The app asks before anything else and shows only
 * the recovery screen while the store is damaged.
 */
import type { RecoveryStatus, StoreHealth } from '../../../shared/contract/channels';
import type { Result } from '../../../shared/contract/result';
import { call } from '../api/client';
import { takeEarly } from '../api/startup';
import type { AppState, SliceCreator } from './types';

/** What the app assumes when the backend cannot say: open as usual, its calls will tell. */
const NOT_DAMAGED: RecoveryStatus = { damaged: false, problem: '', file: '', backups: [] };

export interface RecoverySlice {
  /** Null until the backend answered. */
  recovery: RecoveryStatus | null;
  /** The repair under way: a backup's file name, 'empty', or null. */
  repairing: string | null;
  /** Why the last repair failed; null when it did not. */
  recoveryError: string | null;
  checkRecovery: () => Promise<void>;
  /** What the backend found wrong or put right when it opened the store; null if it cannot say. */
  storeHealth: () => Promise<StoreHealth | null>;
  restoreBackup: (file: string) => Promise<void>;
  startEmpty: () => Promise<void>;
}

export const createRecoverySlice: SliceCreator<RecoverySlice> = (set, get) => {
  const repair = async (label: string, run: () => Promise<Result<{ restored: true }>>) => {
    if (get().repairing) return;
    set({ repairing: label, recoveryError: null });
    const result = await run();
    if (!result.ok) {
      set({ repairing: null, recoveryError: result.error.message });
      // The backups may have changed under us (a repair elsewhere): show them as they are.
      await get().checkRecovery();
      return;
    }
    // The backend now serves the store: the usual app takes over and loads it.
    set({ repairing: null, recovery: NOT_DAMAGED });
  };
  return {
    storeHealth: async () => {
      const result = await call('app:info', {});
      return result.ok ? result.value.health : null;
    },
    recovery: null,
    repairing: null,
    recoveryError: null,
    checkRecovery: async () => {
      const result = await (takeEarly('recovery:status') ?? call('recovery:status', {}));
      set({ recovery: result.ok ? result.value : NOT_DAMAGED });
    },
    restoreBackup: (file) => repair(file, () => call('recovery:restore', { file })),
    startEmpty: () => repair('empty', () => call('recovery:startEmpty', {})),
  };
};

export const recoverySelectors = {
  recovery: (s: AppState) => s.recovery,
  damaged: (s: AppState) => s.recovery?.damaged ?? false,
  checked: (s: AppState) => s.recovery !== null,
  repairing: (s: AppState) => s.repairing,
  recoveryError: (s: AppState) => s.recoveryError,
};
