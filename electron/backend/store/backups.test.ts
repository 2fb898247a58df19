/** Rotating backups: when they are made, what is kept, what they hold, and that edits never wait. */
import { copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDirs } from '../testing/tempDir';
import { validCase } from '../testing/records';
import {
  DEFAULT_BACKUP_POLICY,
  backupDate,
  backupFileName,
  backupsToDelete,
  listBackups,
} from './backups';
import { BACKUPS_DIR, STORE_FILE, Store, type StoreOptions } from './store';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

const FIXTURE_V1 = fileURLToPath(new URL('../../../data/fixtures/store-v1.json', import.meta.url));
const PRE_MIGRATION = 'claimdesk-v1-2025-10-01T08-00-00-000Z.json';

/** A clock the test moves by hand. Local times, so that "a day" is the local day. */
function testClock(start: Date) {
  let now = start;
  return {
    now: () => now,
    set: (at: Date) => {
      now = at;
    },
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

const putCase = (store: Store, id: string) =>
  store.mutate(() => ({
    ops: [{ type: 'put', collection: 'cases', value: validCase(id) }],
    result: id,
  }));

/**
 * Waits for the compaction an edit queued behind itself (a no-op edit queues after it),
 * then for the backup copy that compaction fired, if any.
 */
async function settle(store: Store): Promise<void> {
  await store.mutate(() => ({ ops: [], result: null }));
  await store.backups.idle();
}

/** The rotating backups on disk, oldest first (names sort by time). */
async function rotating(dir: string): Promise<string[]> {
  const names = await readdir(path.join(dir, BACKUPS_DIR)).catch(() => [] as string[]);
  return names.filter((n) => backupDate(n)?.kind === 'rotating').sort();
}

/** A store that compacts after every edit, so every edit is a chance for a backup. */
function openCompacting(dir: string, options: Partial<StoreOptions> = {}): Promise<Store> {
  return Store.open(dir, { owner: 'the backups test', compactAfterBytes: 1, ...options });
}

describe('backupsToDelete: the rotation rules', () => {
  it('keeps the 5 newest and the newest of each of the last 7 days, nothing else', () => {
    const files: string[] = [];
    for (let day = 1; day <= 20; day++) {
      for (const hour of [9, 12, 15]) files.push(backupFileName(new Date(2025, 10, day, hour)));
    }
    const others = [PRE_MIGRATION, 'notes.txt', 'claimdesk-v4-2025-11-20T16-00-00-000Z.json'];
    const now = new Date(2025, 10, 20, 16);
    const deleted = backupsToDelete([...others, ...files], now, DEFAULT_BACKUP_POLICY);
    const kept = files.filter((f) => !deleted.includes(f));
    const name = (day: number, hour: number) => backupFileName(new Date(2025, 10, day, hour));
    expect(kept.sort()).toEqual(
      [
        // The 5 newest.
        name(20, 15),
        name(20, 12),
        name(20, 9),
        name(19, 15),
        name(19, 12),
        // The newest of each earlier day of the week (20 and 19 are counted above).
        ...[14, 15, 16, 17, 18].map((day) => name(day, 15)),
      ].sort(),
    );
    expect(deleted).toHaveLength(50);
    for (const other of others) expect(deleted).not.toContain(other);
  });

  it('never lets go of a file that is not a rotating backup', () => {
    const names = [
      PRE_MIGRATION,
      'claimdesk-v2-2020-01-01T00-00-00-000Z.json',
      'claimdesk.json',
      '.claimdesk-2020-01-01T00-00-00.000Z.json.1.1.tmp',
      'claimdesk-2020-01-01.json',
    ];
    expect(backupsToDelete(names, new Date(), { ...DEFAULT_BACKUP_POLICY, recent: 0 })).toEqual([]);
  });
});

describe('backups made by the store', () => {
  it('stays bounded over a month of edits, keeps a daily one, never deletes a pre-migration copy', async () => {
    const dir = await dirs.make();
    await mkdir(path.join(dir, BACKUPS_DIR));
    const preMigration = await readFile(FIXTURE_V1);
    await writeFile(path.join(dir, BACKUPS_DIR, PRE_MIGRATION), preMigration);
    const clock = testClock(new Date(2025, 9, 1, 8));
    const store = await openCompacting(dir, { backups: { now: clock.now } });
    // Every 5 hours for 30 days: one backup per edit (each is more than 10 minutes later).
    for (let i = 0; i < 144; i++) {
      clock.advance(5 * HOUR);
      await putCase(store, `case-${i}`);
      await settle(store);
      const count = (await rotating(dir)).length;
      expect(count).toBeLessThanOrEqual(DEFAULT_BACKUP_POLICY.recent + DEFAULT_BACKUP_POLICY.days);
    }
    const now = clock.now();
    const kept = await rotating(dir);
    const days = new Set(
      kept.map((name) => {
        const at = backupDate(name)?.date ?? new Date(0);
        return Math.round(
          (new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime() -
            new Date(at.getFullYear(), at.getMonth(), at.getDate()).getTime()) /
            (24 * HOUR),
        );
      }),
    );
    // One for each of the last 7 days (today included), none older.
    expect([...days].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(kept.length).toBeGreaterThanOrEqual(7);
    expect(await readFile(path.join(dir, BACKUPS_DIR, PRE_MIGRATION))).toEqual(preMigration);
    // The newest backup holds the snapshot as the last compaction wrote it.
    expect(await readFile(path.join(dir, BACKUPS_DIR, kept.at(-1) ?? ''))).toEqual(
      await readFile(path.join(dir, STORE_FILE)),
    );
    await store.close();
    expect(await readFile(path.join(dir, BACKUPS_DIR, PRE_MIGRATION))).toEqual(preMigration);
  });

  it('makes at most one backup every 10 minutes, but the first of a new day anyway', async () => {
    const dir = await dirs.make();
    const clock = testClock(new Date(2025, 10, 3, 23, 40));
    const store = await openCompacting(dir, { backups: { now: clock.now } });
    const edit = async (id: string, later: number) => {
      clock.advance(later);
      await putCase(store, id);
      await settle(store);
    };
    await edit('a', 0); // 23:40, the first: made
    await edit('b', 3 * MINUTE); // 23:43: too soon
    await edit('c', 6 * MINUTE); // 23:49: too soon
    expect(await rotating(dir)).toEqual([backupFileName(new Date(2025, 10, 3, 23, 40))]);
    await edit('d', 2 * MINUTE); // 23:51, 11 minutes after the last: made
    await edit('e', 8 * MINUTE); // 23:59: too soon
    await edit('f', 2 * MINUTE); // 00:01 the next day, 10 minutes after the last: made
    await edit('g', 1 * MINUTE); // 00:02: too soon, same day
    clock.set(new Date(2025, 10, 4, 23, 58));
    await edit('h', 0); // made
    await edit('i', 3 * MINUTE); // 00:01 on the 5th: a new day, made although 3 minutes later
    expect(await rotating(dir)).toEqual(
      [
        new Date(2025, 10, 3, 23, 40),
        new Date(2025, 10, 3, 23, 51),
        new Date(2025, 10, 4, 0, 1),
        new Date(2025, 10, 4, 23, 58),
        new Date(2025, 10, 5, 0, 1),
      ]
        .map(backupFileName)
        .sort(),
    );
    await store.close();
  });

  it('makes one on close, with what the close compacted, however recent the last one', async () => {
    const dir = await dirs.make();
    const clock = testClock(new Date(2025, 10, 3, 10));
    const store = await Store.open(dir, { owner: 'the backups test', backups: { now: clock.now } });
    await putCase(store, 'kept-on-close');
    // No compaction yet, so no backup: and a brand new, empty store was not backed up.
    expect(await rotating(dir)).toEqual([]);
    clock.advance(MINUTE);
    await store.close();
    const made = await rotating(dir);
    expect(made).toEqual([backupFileName(clock.now())]);
    const [backup] = await listBackups(path.join(dir, BACKUPS_DIR));
    expect(backup).toMatchObject({ file: made[0], usable: true, cases: 1, claims: 0 });
    expect(await readFile(path.join(dir, BACKUPS_DIR, made[0] ?? ''))).toEqual(
      await readFile(path.join(dir, STORE_FILE)),
    );

    // Opened and closed without an edit: nothing new to back up.
    clock.advance(HOUR);
    const again = await Store.open(dir, { owner: 'the backups test', backups: { now: clock.now } });
    await again.close();
    expect(await rotating(dir)).toEqual(made);
  });

  it('answers an edit queued right after a compaction before the backup copy is written', async () => {
    const dir = await dirs.make();
    const events: string[] = [];
    let letCopyGo: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      letCopyGo = resolve;
    });
    let copyStarted: () => void = () => undefined;
    const started = new Promise<void>((resolve) => {
      copyStarted = resolve;
    });
    const store = await openCompacting(dir, {
      backups: {
        beforeCopy: async () => {
          events.push('backup started');
          copyStarted();
          await held;
        },
      },
    });
    // Past the (lowered) threshold, this edit queues a compaction behind itself.
    await putCase(store, 'first');
    // Queued after that compaction: it runs once the compaction has fired the backup.
    const second = putCase(store, 'second').then(() => events.push('second edit answered'));
    await started;
    await second;
    // The copy is still held: no backup file exists, and yet the edit was answered.
    expect(await rotating(dir)).toEqual([]);
    events.push('copy released');
    letCopyGo();
    await store.backups.idle();
    events.push('backup written');
    expect(events).toEqual([
      'backup started',
      'second edit answered',
      'copy released',
      'backup written',
    ]);
    const [made] = await rotating(dir);
    const content = JSON.parse(await readFile(path.join(dir, BACKUPS_DIR, made ?? ''), 'utf8')) as {
      cases: { id: string }[];
    };
    expect(content.cases.map((c) => c.id)).toContain('first');
    await store.close();
  });

  it('logs a backup that fails and goes on: the edit that compacted still succeeds', async () => {
    const dir = await dirs.make();
    // A file where the backups folder should be: every copy fails.
    await writeFile(path.join(dir, BACKUPS_DIR), 'not a folder');
    const logs: string[] = [];
    const store = await openCompacting(dir, { backups: { log: (m) => logs.push(m) } });
    await expect(putCase(store, 'safe')).resolves.toBe('safe');
    await settle(store);
    expect(logs.join('\n')).toMatch(/could not make a backup/);
    await store.close();
    const reopened = await Store.open(dir, { owner: 'the backups test' });
    expect(reopened.list('cases').map((c) => c.id)).toEqual(['safe']);
    await reopened.close();
  });
});

describe('listBackups', () => {
  it('lists every backup newest first with its date, size and counts; a damaged one as unusable', async () => {
    const dir = await dirs.make();
    const clock = testClock(new Date(Date.UTC(2025, 10, 3, 10)));
    const store = await Store.open(dir, { owner: 'the backups test', backups: { now: clock.now } });
    await putCase(store, 'one');
    await putCase(store, 'two');
    await store.close();
    const backupsDir = path.join(dir, BACKUPS_DIR);
    await copyFile(FIXTURE_V1, path.join(backupsDir, PRE_MIGRATION));
    const broken = backupFileName(new Date(Date.UTC(2025, 10, 4, 9)));
    await writeFile(path.join(backupsDir, broken), '{"schemaVersion": 5, "cases": [');
    await writeFile(path.join(backupsDir, 'unrelated.json'), '{}');

    const listed = await listBackups(backupsDir);
    expect(listed.map((b) => [b.file, b.kind, b.date, b.usable])).toEqual([
      [broken, 'rotating', '2025-11-04T09:00:00.000Z', false],
      [backupFileName(clock.now()), 'rotating', '2025-11-03T10:00:00.000Z', true],
      [PRE_MIGRATION, 'pre-migration', '2025-10-01T08:00:00.000Z', true],
    ]);
    const [damaged, recent, old] = listed;
    expect(damaged).toMatchObject({ cases: 0, documents: 0, claims: 0 });
    expect(damaged?.problem).toMatch(/not valid JSON/);
    expect(recent).toMatchObject({ cases: 2, documents: 0, claims: 0, problem: '' });
    expect(recent?.size).toBe((await readFile(path.join(dir, STORE_FILE))).length);
    // The schema-1 copy is read through the migrations, like a store.
    expect(old?.cases).toBeGreaterThan(0);
    expect(old?.claims).toBeGreaterThan(0);
  });

  it('answers an empty list when there is no backups folder', async () => {
    expect(await listBackups(path.join(await dirs.make(), BACKUPS_DIR))).toEqual([]);
  });
});
