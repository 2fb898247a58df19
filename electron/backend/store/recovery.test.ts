/**
 * The way back from a damaged store: what is wrong, restoring a backup (and replaying on top
 * of it what the journal still holds), starting empty. Nothing of the damaged store is lost.
 */
import { appendFile, cp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bundleChildStore, killAllChildStores, startChildStore } from '../testing/childStore';
import { validCase, validDocument } from '../testing/records';
import { edit, put, putCase, storeHarness } from '../testing/stores';
import { readTree, tempDirs } from '../testing/tempDir';
import { backupFileName, listBackups } from './backups';
import { StoreError } from './errors';
import { ManifestSchema } from './manifest';
import {
  RecoveryError,
  describeProblem,
  isRecoverable,
  restoreBackup,
  startEmpty,
} from './recovery';
import { BACKUPS_DIR, JOURNAL_DIR, SEGMENTS_DIR, STORE_FILE, TEXTS_DIR } from './store';

const stores = storeHarness();
const bundleDirs = tempDirs('claimdesk-bundle-');
let childScript = '';
beforeAll(async () => {
  childScript = await bundleChildStore(await bundleDirs.make());
}, 60_000);
afterAll(() => bundleDirs.cleanup());
afterEach(async () => {
  await killAllChildStores();
  await stores.cleanup();
});

const GARBAGE = Buffer.from('{"schemaVersion": 6, "segments": [ {"key": "half a ke\u0000');
const AT = new Date(Date.UTC(2025, 10, 6, 9, 30, 15, 250));
const ASIDE = 'claimdesk.damaged-2025-11-06T09-30-15-250Z';
const MINUTE = 60_000;

function clock(start: Date) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

const backupNames = async (dir: string) =>
  (await listBackups(path.join(dir, BACKUPS_DIR))).map((b) => b.file);

/** A store with two cases, backed up (at `backupAt`) on close, whose manifest is then damaged. */
async function damagedStore(backupAt = new Date(Date.UTC(2025, 10, 5, 18))) {
  const dir = await stores.dir();
  const store = await stores.open(dir, { backups: { now: () => backupAt } });
  await putCase(store, 'kept-1');
  await putCase(store, 'kept-2');
  await store.close();
  const manifest = await readFile(path.join(dir, STORE_FILE));
  await writeFile(path.join(dir, STORE_FILE), GARBAGE);
  return { dir, backup: backupFileName(backupAt), manifest };
}

async function openFailure(dir: string): Promise<StoreError> {
  const error = await stores.open(dir).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof StoreError))
    throw new Error(`expected a StoreError, got ${String(error)}`);
  return error;
}

describe('describeProblem', () => {
  it('says a damaged store is damaged, with the StoreError message and the backups, and changes nothing', async () => {
    const { dir, backup } = await damagedStore();
    const before = await readTree(dir);
    const found = await describeProblem(dir, await openFailure(dir));
    expect(found).toMatchObject({
      damaged: true,
      kind: 'corrupt',
      file: path.join(dir, STORE_FILE),
    });
    expect(found.problem).toMatch(/is damaged: it is not valid JSON/);
    expect(found.backups.map((b) => [b.file, b.usable, b.cases])).toEqual([[backup, true, 2]]);
    expect(await readTree(dir)).toEqual(before);
  });

  it('reports a healthy store as such; a too new or busy one is no case for a backup', async () => {
    const healthy = await stores.dir();
    await (await stores.open(healthy)).close();
    expect(await describeProblem(healthy, null)).toMatchObject({
      damaged: false,
      kind: null,
      problem: '',
    });
    expect(isRecoverable(new StoreError('too_new', 'x'))).toBe(false);
    expect(isRecoverable(new StoreError('in_use', 'x'))).toBe(false);
    for (const kind of ['invalid', 'corrupt', 'missing'] as const) {
      expect(isRecoverable(new StoreError(kind, 'x'))).toBe(true);
    }
  });
});

describe('restoreBackup', () => {
  it('sets the damaged store aside, puts the backup in place, and the next open reports it', async () => {
    const { dir, backup, manifest } = await damagedStore();
    const repaired = await restoreBackup(dir, backup, { now: () => AT });
    expect(repaired.movedAside).toBe(path.join(dir, ASIDE));
    // The damaged manifest byte for byte, its journal and segments beside it.
    expect(await readFile(path.join(dir, ASIDE, STORE_FILE))).toEqual(GARBAGE);
    expect((await readdir(path.join(dir, ASIDE))).sort()).toEqual(
      [JOURNAL_DIR, SEGMENTS_DIR, STORE_FILE].sort(),
    );
    const restored = ManifestSchema.parse(
      JSON.parse(await readFile(path.join(dir, STORE_FILE), 'utf8')),
    );
    expect(restored.restoredFrom).toEqual({
      backup,
      at: AT.toISOString(),
      movedAside: repaired.movedAside,
    });
    expect({ ...restored, restoredFrom: null }).toEqual(
      ManifestSchema.parse(JSON.parse(manifest.toString())),
    );
    // The backup itself stays where it was.
    expect(await backupNames(dir)).toContain(backup);

    const store = await stores.open(dir);
    expect(store.report.created).toBe(false);
    expect(store.report.recovered).toEqual({
      backup,
      movedAside: repaired.movedAside,
      replayed: 0,
      skipped: 0,
      unreadable: 0,
      gap: false,
    });
    expect(store.list('cases').map((c) => c.id)).toEqual(['kept-1', 'kept-2']);
    // The first fold after clears the mark: the next open is an ordinary one.
    await store.close();
    const again = await stores.open(dir);
    expect(again.report.recovered).toBeNull();
  });

  it('replays every acknowledged edit made after the backup when the journal since is intact', async () => {
    const dir = await stores.dir();
    const first = await startChildStore(childScript, dir, 'the first session');
    await first.put('before-backup');
    await first.close();
    const [backup] = await backupNames(dir);
    // Edits after the backup, then a crash: they are only in the journal.
    const second = await startChildStore(childScript, dir, 'a session about to crash');
    for (const id of ['after-1', 'after-2', 'after-3']) await second.put(id);
    await second.kill();
    // A segment of the store is lost: it does not open.
    const [segment] = (await readdir(path.join(dir, SEGMENTS_DIR))).filter((n) =>
      n.endsWith('.json'),
    );
    await rm(path.join(dir, SEGMENTS_DIR, segment ?? ''));
    expect((await openFailure(dir)).kind).toBe('corrupt');

    await restoreBackup(dir, backup ?? '');
    const store = await stores.open(dir);
    expect(
      store
        .list('cases')
        .map((c) => c.id)
        .sort(),
    ).toEqual(['after-1', 'after-2', 'after-3', 'before-backup']);
    expect(store.report.recovered).toMatchObject({
      replayed: 3,
      skipped: 0,
      unreadable: 0,
      gap: false,
    });
  });

  it('keeps the journal generations the newest backup needs through every fold after it', async () => {
    const dir = await stores.dir();
    const time = clock(new Date(2025, 10, 3, 10));
    const store = await stores.open(dir, { backups: { now: time.now } });
    await putCase(store, 'in-the-backup');
    await store.folder.fold(); // the backup
    const [backup] = await backupNames(dir);
    // Folds, each starting a new generation, none due a backup (less than 10 minutes apart).
    for (let i = 0; i < 5; i++) {
      time.advance(MINUTE);
      await putCase(store, `after-${i}`);
      await store.folder.fold();
    }
    expect(await backupNames(dir)).toEqual([backup]);
    // A crash, then a lost segment: the store's own files cannot be trusted.
    await store.folder.journal.close();
    const [segment] = (await readdir(path.join(dir, SEGMENTS_DIR))).filter((n) =>
      n.endsWith('.json'),
    );
    await rm(path.join(dir, SEGMENTS_DIR, segment ?? ''));
    await restoreBackup(dir, backup ?? '');
    const restored = await stores.open(dir);
    expect(
      restored
        .list('cases')
        .map((c) => c.id)
        .sort(),
    ).toEqual(['after-0', 'after-1', 'after-2', 'after-3', 'after-4', 'in-the-backup']);
    expect(restored.report.recovered).toMatchObject({ replayed: 5, skipped: 0, gap: false });
  });

  it('with a gap, replays what still applies, skips and counts the rest; reads past a damaged line', async () => {
    // Two backups, the journal kept from the newer one on (fold.ts lets the rest go).
    const dir = await stores.dir();
    const time = clock(new Date(2025, 10, 3, 10));
    const store = await stores.open(dir, { backups: { now: time.now } });
    await putCase(store, 'A');
    await store.folder.fold(); // backup B1
    await putCase(store, 'X');
    time.advance(11 * MINUTE);
    await store.folder.fold(); // backup B2: the journal before it is let go
    const text = 'text of X';
    await store.texts.put(text);
    await edit(store, put('documents', validDocument('D', 'X', text))); // needs X
    await putCase(store, 'Y');
    const [b2, b1] = await backupNames(dir);
    await store.close();
    // A line in the middle of the journal is damaged: the strict open refuses it.
    let withEdits = '';
    for (const name of await readdir(path.join(dir, JOURNAL_DIR))) {
      const content = await readFile(path.join(dir, JOURNAL_DIR, name), 'utf8');
      if (content.includes('"id":"Y"')) withEdits = path.join(dir, JOURNAL_DIR, name);
    }
    const lines = (await readFile(withEdits, 'utf8')).split('\n');
    await writeFile(
      withEdits,
      [lines[0], '{"seq": 99, "ops": [ damaged', ...lines.slice(1)].join('\n'),
    );
    await writeFile(path.join(dir, STORE_FILE), GARBAGE);
    expect((await openFailure(dir)).kind).toBe('corrupt');

    // The same damaged folder twice, to restore each backup in one.
    const twin = await stores.dir();
    await cp(dir, twin, { recursive: true });

    // The older backup: X was made between it and the oldest journal line kept.
    await restoreBackup(dir, b1 ?? '');
    const restored = await stores.open(dir);
    expect(restored.list('cases').map((c) => c.id)).toEqual(['A', 'Y']);
    expect(restored.get('documents', 'D')).toBeUndefined();
    expect(restored.report.recovered).toMatchObject({
      backup: b1,
      replayed: 1,
      skipped: 1,
      unreadable: 1,
      gap: true,
    });

    // The newer one holds X: everything comes back, the damaged line still counted.
    await restoreBackup(twin, b2 ?? '');
    const full = await stores.open(twin);
    expect(
      full
        .list('cases')
        .map((c) => c.id)
        .sort(),
    ).toEqual(['A', 'X', 'Y']);
    expect(full.get('documents', 'D')?.caseId).toBe('X');
    expect(full.report.recovered).toMatchObject({
      replayed: 2,
      skipped: 0,
      unreadable: 1,
      gap: false,
    });
  });

  it('puts back the texts the backup holds, and refuses a backup whose text copy is gone', async () => {
    const dir = await stores.dir();
    const store = await stores.open(dir);
    const text = 'A text the backup must keep.';
    const hash = await store.texts.put(text);
    await putCase(store, 'c');
    await edit(store, put('documents', validDocument('d', 'c', text)));
    await store.close();
    const [backup] = await backupNames(dir);
    expect(await readFile(path.join(dir, BACKUPS_DIR, TEXTS_DIR, `${hash}.txt`), 'utf8')).toBe(
      text,
    );
    await rm(path.join(dir, TEXTS_DIR, `${hash}.txt`));
    await writeFile(path.join(dir, STORE_FILE), GARBAGE);

    await restoreBackup(dir, backup ?? '');
    expect(await readFile(path.join(dir, TEXTS_DIR, `${hash}.txt`), 'utf8')).toBe(text);

    await writeFile(path.join(dir, STORE_FILE), GARBAGE);
    await rm(path.join(dir, BACKUPS_DIR, TEXTS_DIR, `${hash}.txt`));
    const before = await readTree(dir);
    const refused = await restoreBackup(dir, backup ?? '').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RecoveryError);
    expect(String(refused)).toContain(`text ${hash}`);
    expect(await readTree(dir)).toEqual(before);
  });

  it('checks the texts: a damaged copy refuses the backup, a damaged live text is replaced and set aside', async () => {
    const dir = await stores.dir();
    const store = await stores.open(dir);
    const text = 'A text whose bytes must be right.';
    const hash = await store.texts.put(text);
    await putCase(store, 'c');
    await edit(store, put('documents', validDocument('d', 'c', text)));
    await store.close();
    const [backup] = await backupNames(dir);
    const copy = path.join(dir, BACKUPS_DIR, TEXTS_DIR, `${hash}.txt`);
    await writeFile(path.join(dir, STORE_FILE), GARBAGE);

    await writeFile(copy, 'other bytes');
    const before = await readTree(dir);
    const refused = await restoreBackup(dir, backup ?? '').catch((e: unknown) => e);
    expect(refused).toMatchObject({ reason: 'unusable' });
    expect(String(refused)).toContain(`text ${hash} is damaged`);
    expect(await readTree(dir)).toEqual(before);

    await writeFile(copy, text);
    await writeFile(path.join(dir, TEXTS_DIR, `${hash}.txt`), 'bit rot');
    const { movedAside } = await restoreBackup(dir, backup ?? '');
    expect(await readFile(path.join(dir, TEXTS_DIR, `${hash}.txt`), 'utf8')).toBe(text);
    expect(await readFile(path.join(movedAside, TEXTS_DIR, `${hash}.txt`), 'utf8')).toBe('bit rot');
  });

  it('never overwrites a set-aside folder already there: it takes the next free name', async () => {
    const { dir, backup } = await damagedStore();
    await writeFile(path.join(dir, ASIDE), 'an earlier damaged store');
    const repaired = await restoreBackup(dir, backup, { now: () => AT });
    expect(repaired.movedAside).toBe(path.join(dir, `${ASIDE}-2`));
    expect(await readFile(path.join(dir, ASIDE), 'utf8')).toBe('an earlier damaged store');
    // Damaged again, restored again at the same moment: still nothing overwritten.
    await writeFile(path.join(dir, STORE_FILE), 'damaged twice');
    const again = await restoreBackup(dir, backup, { now: () => AT });
    expect(again.movedAside).toBe(path.join(dir, `${ASIDE}-3`));
    expect(await readFile(path.join(dir, `${ASIDE}-2`, STORE_FILE))).toEqual(GARBAGE);
    expect(await readFile(path.join(dir, `${ASIDE}-3`, STORE_FILE), 'utf8')).toBe('damaged twice');
  });

  it('refuses a backup that cannot be restored, or a name that is not a backup, touching nothing', async () => {
    const { dir, backup } = await damagedStore();
    const broken = backupFileName(new Date(Date.UTC(2025, 10, 6)));
    await writeFile(path.join(dir, BACKUPS_DIR, broken), '{"schemaVersion": 6}');
    // A copy of a segment that no longer matches its hash.
    const [copy] = await readdir(path.join(dir, BACKUPS_DIR, SEGMENTS_DIR));
    await appendFile(path.join(dir, BACKUPS_DIR, SEGMENTS_DIR, copy ?? ''), ' ');
    const before = await readTree(dir);
    const refused = (file: string) =>
      restoreBackup(dir, file).then(
        () => null,
        (error: unknown) => error,
      );

    expect(await refused(broken)).toMatchObject({ reason: 'unusable' });
    const damagedCopy = await refused(backup);
    expect(damagedCopy).toMatchObject({ reason: 'unusable' });
    expect(String(damagedCopy)).toMatch(/is damaged/);
    for (const name of [
      `../${STORE_FILE}`,
      STORE_FILE,
      path.join(dir, BACKUPS_DIR, broken),
      backupFileName(new Date(Date.UTC(2020, 0, 1))),
    ]) {
      expect(await refused(name), name).toMatchObject({ reason: 'not_found' });
    }
    expect(await readTree(dir)).toEqual(before);
  });

  it('restores a store whose claimdesk.json is missing', async () => {
    const { dir, backup } = await damagedStore();
    await rm(path.join(dir, STORE_FILE));
    expect((await openFailure(dir)).kind).toBe('missing');
    const repaired = await restoreBackup(dir, backup);
    expect(await readdir(repaired.movedAside)).not.toContain(STORE_FILE);
    const store = await stores.open(dir);
    expect(store.list('cases')).toEqual([validCase('kept-1'), validCase('kept-2')]);
  });
});

describe('startEmpty', () => {
  it('sets the damaged store aside and opens an empty one; the backups stay, the journal is not replayed', async () => {
    const { dir } = await damagedStore();
    const repaired = await startEmpty(dir, { now: () => AT });
    expect(await readFile(path.join(repaired.movedAside, STORE_FILE))).toEqual(GARBAGE);
    const store = await stores.open(dir);
    expect(store.list('cases')).toEqual([]);
    await putCase(store, 'fresh');
    // Numbered after every edit the old store had (its backup holds two).
    expect(store.journalSeq).toBe(3);
    await store.close();
    expect((await listBackups(path.join(dir, BACKUPS_DIR))).map((b) => b.cases)).toContain(2);
  });
});
