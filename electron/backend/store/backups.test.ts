/**
 * Rotating backups: when they are made, what is kept, what they hold (a manifest plus pooled
 * copies of its segments and texts), and that edits never wait for one.
 */
import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { validDocument } from '../testing/records';
import { edit, put, putCase, storeHarness } from '../testing/stores';
import {
  DEFAULT_BACKUP_POLICY,
  backupDate,
  backupFileName,
  backupsToDelete,
  listBackups,
  type BackupOptions,
} from './backups';
import { ManifestSchema, type Manifest } from './manifest';
import { BACKUPS_DIR, SEGMENTS_DIR, STORE_FILE, TEXTS_DIR, type Store } from './store';

const stores = storeHarness();
afterEach(() => stores.cleanup());

const FIXTURE_V1 = fileURLToPath(new URL('../../../data/fixtures/store-v1.json', import.meta.url));
const PRE_MIGRATION = 'claimdesk-v1-2025-10-01T08-00-00-000Z.json';
const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

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

/** The rotating backups on disk, oldest first (names sort by time). */
async function rotating(dir: string): Promise<string[]> {
  const names = await readdir(path.join(dir, BACKUPS_DIR)).catch(() => [] as string[]);
  return names.filter((n) => backupDate(n)?.kind === 'rotating').sort();
}

const readManifest = async (file: string): Promise<Manifest> =>
  ManifestSchema.parse(JSON.parse(await readFile(file, 'utf8')));

/** A store that folds after every edit, so every edit is a chance for a backup. */
function openFolding(dir: string, backups: BackupOptions = {}): Promise<Store> {
  return stores.open(dir, { foldAfterBytes: 1, backups });
}

/** One edit, then the fold (and any backup) it set off. */
async function editAndSettle(store: Store, id: string): Promise<void> {
  await putCase(store, id);
  await store.folder.fold();
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
        name(20, 15),
        name(20, 12),
        name(20, 9),
        name(19, 15),
        name(19, 12),
        ...[14, 15, 16, 17, 18].map((day) => name(day, 15)),
      ].sort(),
    );
    expect(deleted).toHaveLength(50);
    for (const other of others) expect(deleted).not.toContain(other);
  });

  it('never lets go of a file that is not a rotating backup, nor the newest whole one', () => {
    const names = [
      PRE_MIGRATION,
      'claimdesk-v2-2020-01-01T00-00-00-000Z.json',
      'claimdesk.json',
      '.claimdesk-2020-01-01T00-00-00.000Z.json.1.1.tmp',
      'claimdesk-2020-01-01.json',
    ];
    const none = { ...DEFAULT_BACKUP_POLICY, recent: 0, days: 0 };
    expect(backupsToDelete(names, new Date(), none)).toEqual([]);
    const old = backupFileName(new Date(2020, 0, 1));
    expect(backupsToDelete([old], new Date(), none)).toEqual([old]);
    expect(backupsToDelete([old], new Date(), none, old)).toEqual([]);
  });
});

describe('backups made by the store', () => {
  it('stays bounded over a month of edits, keeps a daily one, never deletes a pre-migration copy', async () => {
    const dir = await stores.dir();
    const clock = testClock(new Date(2025, 9, 1, 8));
    const store = await openFolding(dir, { now: clock.now });
    // A folder holding only backups is a store that lost its claimdesk.json (openStore.ts):
    // the older store's copy goes in once the store exists.
    await mkdir(path.join(dir, BACKUPS_DIR), { recursive: true });
    const preMigration = await readFile(FIXTURE_V1);
    await writeFile(path.join(dir, BACKUPS_DIR, PRE_MIGRATION), preMigration);
    // Every 5 hours for 30 days: one backup per edit (each is more than 10 minutes later).
    for (let i = 0; i < 144; i++) {
      clock.advance(5 * HOUR);
      await editAndSettle(store, `case-${i}`);
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
    expect([...days].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(await readFile(path.join(dir, BACKUPS_DIR, PRE_MIGRATION))).toEqual(preMigration);
    // The newest backup is the manifest the last fold wrote.
    expect(await readManifest(path.join(dir, BACKUPS_DIR, kept.at(-1) ?? ''))).toEqual(
      await readManifest(path.join(dir, STORE_FILE)),
    );
    // Copies of segments only for the backups kept: the pool does not grow with time.
    const named = new Set<string>();
    for (const name of kept) {
      const manifest = await readManifest(path.join(dir, BACKUPS_DIR, name));
      manifest.segments.forEach((s) => named.add(`${s.hash}.json`));
    }
    expect((await readdir(path.join(dir, BACKUPS_DIR, SEGMENTS_DIR))).sort()).toEqual(
      [...named].sort(),
    );
  });

  it('makes at most one backup every 10 minutes, but the first of a new day anyway', async () => {
    const dir = await stores.dir();
    const clock = testClock(new Date(2025, 10, 3, 23, 40));
    const store = await openFolding(dir, { now: clock.now });
    const at = async (id: string, later: number) => {
      clock.advance(later);
      await editAndSettle(store, id);
    };
    await at('a', 0); // 23:40, the first: made
    await at('b', 3 * MINUTE); // 23:43: too soon
    await at('c', 6 * MINUTE); // 23:49: too soon
    expect(await rotating(dir)).toEqual([backupFileName(new Date(2025, 10, 3, 23, 40))]);
    await at('d', 2 * MINUTE); // 23:51, 11 minutes after the last: made
    await at('e', 8 * MINUTE); // 23:59: too soon
    await at('f', 2 * MINUTE); // 00:01 the next day, 10 minutes after the last: made
    await at('g', 1 * MINUTE); // 00:02: too soon, same day
    clock.set(new Date(2025, 10, 4, 23, 58));
    await at('h', 0); // made
    await at('i', 3 * MINUTE); // 00:01 on the 5th: a new day, made although 3 minutes later
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
  });

  it('makes one on close, with what the close folded; none for a store with no record', async () => {
    const dir = await stores.dir();
    const clock = testClock(new Date(2025, 10, 3, 10));
    const empty = await stores.open(dir, { backups: { now: clock.now } });
    await empty.close();
    expect(await rotating(dir)).toEqual([]);

    const store = await stores.open(dir, { backups: { now: clock.now } });
    await putCase(store, 'kept-on-close');
    expect(await rotating(dir)).toEqual([]);
    clock.advance(MINUTE);
    await store.close();
    const made = await rotating(dir);
    expect(made).toEqual([backupFileName(clock.now())]);
    const [backup] = await listBackups(path.join(dir, BACKUPS_DIR));
    expect(backup).toMatchObject({ file: made[0], usable: true, cases: 1, claims: 0 });

    // Opened and closed without an edit: nothing new to back up.
    clock.advance(HOUR);
    await (await stores.open(dir, { backups: { now: clock.now } })).close();
    expect(await rotating(dir)).toEqual(made);
  });

  it('holds copies of its segments and texts, shared with the backups before it', async () => {
    const dir = await stores.dir();
    const clock = testClock(new Date(2025, 10, 3, 10));
    const store = await stores.open(dir, { backups: { now: clock.now } });
    const texts = ['The first report.', 'The second report.'];
    for (const [i, text] of texts.entries()) {
      await store.texts.put(text);
      await putCase(store, `c${i}`);
      await edit(store, put('documents', validDocument(`d${i}`, `c${i}`, text)));
    }
    await store.folder.fold();
    const [first] = await rotating(dir);
    const manifest = await readManifest(path.join(dir, BACKUPS_DIR, first ?? ''));
    const copies = async (folder: string) =>
      (await readdir(path.join(dir, BACKUPS_DIR, folder))).sort();
    expect(await copies(SEGMENTS_DIR)).toEqual(
      manifest.segments.map((s) => `${s.hash}.json`).sort(),
    );
    expect(await copies(TEXTS_DIR)).toEqual(manifest.texts.map((h) => `${h}.txt`).sort());
    for (const hash of manifest.texts) {
      expect(await readFile(path.join(dir, BACKUPS_DIR, TEXTS_DIR, `${hash}.txt`))).toEqual(
        await readFile(path.join(dir, TEXTS_DIR, `${hash}.txt`)),
      );
    }

    // One document changed: the next backup adds one segment copy, no text.
    const doc = store.get('documents', 'd1');
    if (!doc) throw new Error('no document');
    await edit(store, put('documents', { ...doc, title: 'Retitled' }));
    clock.advance(11 * MINUTE);
    const before = await copies(SEGMENTS_DIR);
    await store.folder.fold();
    expect(await rotating(dir)).toHaveLength(2);
    const added = (await copies(SEGMENTS_DIR)).filter((n) => !before.includes(n));
    expect(added).toHaveLength(1);
    expect(await copies(TEXTS_DIR)).toHaveLength(2);
  });

  it('stays usable when a text is already missing from the store: it names only what it holds', async () => {
    const dir = await stores.dir();
    const store = await stores.open(dir);
    const lost = await store.texts.put('A text about to be lost.');
    const kept = await store.texts.put('A text still there.');
    await putCase(store, 'c');
    await edit(
      store,
      put('documents', validDocument('d-lost', 'c', 'A text about to be lost.')),
      put('documents', validDocument('d-kept', 'c', 'A text still there.')),
    );
    await rm(path.join(dir, TEXTS_DIR, `${lost}.txt`));
    await store.close();
    const [backup] = await listBackups(path.join(dir, BACKUPS_DIR));
    expect(backup).toMatchObject({ usable: true, documents: 2 });
    const manifest = await readManifest(path.join(dir, BACKUPS_DIR, backup?.file ?? ''));
    expect(manifest.texts).toEqual([kept]);
  });

  it('never deletes the newest whole backup there was when the store opened', async () => {
    const dir = await stores.dir();
    const clock = testClock(new Date(2025, 10, 3, 10));
    const first = await stores.open(dir, { backups: { now: clock.now } });
    await putCase(first, 'known-good');
    await first.close();
    const [openedFrom] = await rotating(dir);
    // A policy that keeps nothing but the newest: every later backup would push it out.
    const store = await openFolding(dir, {
      now: clock.now,
      policy: { recent: 1, days: 0 },
    });
    for (let i = 0; i < 4; i++) {
      clock.advance(HOUR);
      await editAndSettle(store, `later-${i}`);
    }
    const kept = await rotating(dir);
    expect(kept).toContain(openedFrom);
    expect(kept).toHaveLength(2);
    const listed = await listBackups(path.join(dir, BACKUPS_DIR));
    expect(listed.every((b) => b.usable)).toBe(true);
  });

  it('answers an edit made while a backup is being copied (the copy runs outside the queue)', async () => {
    const dir = await stores.dir();
    const events: string[] = [];
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started: () => void = () => undefined;
    const copyStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    const store = await stores.open(dir, {
      backups: {
        beforeCopy: async () => {
          events.push('backup started');
          started();
          await held;
        },
      },
    });
    await putCase(store, 'first');
    const folding = store.folder.fold().then(() => events.push('backup written'));
    await copyStarted;
    await putCase(store, 'second').then(() => events.push('edit answered'));
    expect(await rotating(dir)).toEqual([]);
    release();
    await folding;
    expect(events).toEqual(['backup started', 'edit answered', 'backup written']);
    const [made] = await listBackups(path.join(dir, BACKUPS_DIR));
    expect(made).toMatchObject({ cases: 1, usable: true });
  });

  it('logs a backup that fails and goes on: the edit and the fold still succeed', async () => {
    const dir = await stores.dir();
    // A file where the backups folder should be: every copy fails.
    await writeFile(path.join(dir, BACKUPS_DIR), 'not a folder');
    const store = await openFolding(dir);
    await editAndSettle(store, 'safe');
    expect(stores.logs.join('\n')).toMatch(/could not make a backup/);
    expect((await readManifest(path.join(dir, STORE_FILE))).foldedSeq).toBe(1);
  });
});

describe('listBackups', () => {
  it('lists every backup newest first with its date, size and counts; a damaged one as unusable', async () => {
    const dir = await stores.dir();
    const clock = testClock(new Date(Date.UTC(2025, 10, 3, 10)));
    const store = await stores.open(dir, { backups: { now: clock.now } });
    await putCase(store, 'one');
    await putCase(store, 'two');
    await store.close();
    const backupsDir = path.join(dir, BACKUPS_DIR);
    await copyFile(FIXTURE_V1, path.join(backupsDir, PRE_MIGRATION));
    const broken = backupFileName(new Date(Date.UTC(2025, 10, 4, 9)));
    await writeFile(path.join(backupsDir, broken), '{"schemaVersion": 6, "segments": [');
    await writeFile(path.join(backupsDir, 'unrelated.json'), '{}');

    const listed = await listBackups(backupsDir);
    expect(listed.map((b) => [b.file, b.kind, b.date, b.usable])).toEqual([
      [broken, 'rotating', '2025-11-04T09:00:00.000Z', false],
      [backupFileName(clock.now()), 'rotating', '2025-11-03T10:00:00.000Z', true],
      [PRE_MIGRATION, 'pre-migration', '2025-10-01T08:00:00.000Z', true],
    ]);
    const [damaged, recent, old] = listed;
    expect(damaged).toMatchObject({ cases: 0, documents: 0, claims: 0 });
    expect(damaged?.problem).toMatch(/cannot be read/);
    expect(recent).toMatchObject({ cases: 2, documents: 0, claims: 0, problem: '' });
    // The schema-1 copy is read through the migrations, like a store.
    expect(old?.cases).toBeGreaterThan(0);
    expect(old?.claims).toBeGreaterThan(0);

    // A backup whose copy of a segment went missing is listed, not usable.
    const [copy] = await readdir(path.join(backupsDir, SEGMENTS_DIR));
    await rm(path.join(backupsDir, SEGMENTS_DIR, copy ?? ''));
    const after = await listBackups(backupsDir);
    expect(after[1]).toMatchObject({ usable: false });
    expect(after[1]?.problem).toMatch(/missing/);
  });

  it('answers an empty list when there is no backups folder', async () => {
    expect(await listBackups(path.join(await stores.dir(), BACKUPS_DIR))).toEqual([]);
  });
});
