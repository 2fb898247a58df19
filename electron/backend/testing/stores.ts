/**
 * Test helpers for the store itself (no backend): stores opened on temp dirs and closed after
 * each test, and one-op edits. The caller of openStore holds the data dir's lock in the app;
 * tests that do not race another process need not.
 */
import type { Op } from '../store/ops';
import { openStore, type OpenOptions } from '../store/openStore';
import type { Store } from '../store/store';
import { validCase } from './records';
import { tempDirs } from './tempDir';

export interface StoreHarness {
  /** A fresh temp dir. */
  dir(): Promise<string>;
  /** Opens a store (closed by `cleanup` unless closed before); no idle folds by default. */
  open(dir: string, options?: OpenOptions): Promise<Store>;
  /** Closes what is still open and removes the temp dirs: for afterEach. */
  cleanup(): Promise<void>;
  /** What the stores logged. */
  logs: string[];
}

export function storeHarness(): StoreHarness {
  const dirs = tempDirs();
  const open: Store[] = [];
  const logs: string[] = [];
  return {
    logs,
    dir: () => dirs.make(),
    open: async (dir, options = {}) => {
      const store = await openStore(dir, {
        idleFoldMs: 0,
        log: (message) => logs.push(message),
        ...options,
      });
      open.push(store);
      return store;
    },
    cleanup: async () => {
      await Promise.all(open.splice(0).map((s) => s.close().catch(() => undefined)));
      await dirs.cleanup();
      logs.length = 0;
    },
  };
}

/** Runs one edit of these ops; resolves once it is acknowledged (on disk). */
export const edit = (store: Store, ...ops: Op[]): Promise<null> =>
  store.mutate(() => ({ ops, result: null }));

export const put = <T extends { id: string }>(collection: Op['collection'], value: T): Op => ({
  type: 'put',
  collection,
  value,
});

export const del = (collection: Op['collection'], id: string): Op => ({
  type: 'delete',
  collection,
  id,
});

export const putCase = (store: Store, id: string, title = `Case ${id}`): Promise<null> =>
  edit(store, put('cases', validCase(id, { title })));
