import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bundleChildStore, killAllChildStores, startChildStore } from '../testing/childStore';
import { readTree, tempDirs } from '../testing/tempDir';
import { StoreError } from './errors';
import { LOCK_FILE, Store } from './store';

const dirs = tempDirs();
const bundleDirs = tempDirs('claimdesk-bundle-');
let script = '';

beforeAll(async () => {
  script = await bundleChildStore(await bundleDirs.make());
}, 60_000);
afterAll(() => bundleDirs.cleanup());
afterEach(async () => {
  await killAllChildStores();
  await dirs.cleanup();
});

const CHILD_OWNER = 'the Claimdesk desktop app (test child)';

async function openError(dir: string, owner: string): Promise<unknown> {
  return Store.open(dir, { owner }).then(
    async (store) => {
      await store.close();
      return null;
    },
    (error: unknown) => error,
  );
}

describe('DataDirLock through Store.open', () => {
  it('refuses a second opener with in_use naming the owner while another process holds the store', async () => {
    const dir = await dirs.make();
    const holder = await startChildStore(script, dir, CHILD_OWNER);
    await holder.put('held');
    const before = await readTree(dir);

    const error = await openError(dir, 'the Claimdesk web host');
    expect(error).toBeInstanceOf(StoreError);
    if (!(error instanceof StoreError)) return;
    expect(error.kind).toBe('in_use');
    expect(error.message).toContain(CHILD_OWNER);
    expect(error.message).toContain(`process ${holder.pid}`);
    expect(error.message).toContain('Nothing was written');
    // The holder's lock, snapshot and journal are untouched.
    expect(await readTree(dir)).toEqual(before);
    const lock = JSON.parse(await readFile(path.join(dir, LOCK_FILE), 'utf8')) as {
      pid: number;
      owner: string;
    };
    expect(lock).toMatchObject({ pid: holder.pid, owner: CHILD_OWNER });

    // Once the holder has closed, the data dir is free again and has its edit.
    await holder.close();
    const store = await Store.open(dir, { owner: 'the Claimdesk web host' });
    expect(store.list('cases').map((c) => c.id)).toEqual(['held']);
    await store.close();
  });

  it('takes over the lock of a holder that was killed, replaying its acknowledged edits', async () => {
    const dir = await dirs.make();
    const holder = await startChildStore(script, dir, CHILD_OWNER);
    await holder.put('one');
    await holder.put('two');
    await holder.kill();
    const stale = JSON.parse(await readFile(path.join(dir, LOCK_FILE), 'utf8')) as { pid: number };
    expect(stale.pid).toBe(holder.pid);

    const store = await Store.open(dir, { owner: 'the Claimdesk web host' });
    expect(store.list('cases').map((c) => c.id)).toEqual(['one', 'two']);
    const lock = JSON.parse(await readFile(path.join(dir, LOCK_FILE), 'utf8')) as {
      pid: number;
      owner: string;
    };
    expect(lock).toMatchObject({ pid: process.pid, owner: 'the Claimdesk web host' });
    await store.close();
  });

  // Regression: a lock naming the current pid was once taken as stale, so a second store in
  // the same process took over the data dir; two stores then appended to one journal.
  it('refuses a second Store.open in the same process while the first is open', async () => {
    const dir = await dirs.make();
    const first = await Store.open(dir, { owner: 'the first store' });
    try {
      const error = await openError(dir, 'the second store');
      expect(error).toBeInstanceOf(StoreError);
      expect(error instanceof StoreError && error.kind).toBe('in_use');
    } finally {
      await first.close();
    }
  });
});
