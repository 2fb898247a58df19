/** The way back from a damaged store: what is wrong, restoring a backup, starting empty. */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readOrNull, readTree, tempDirs } from '../testing/tempDir';
import { validCase } from '../testing/records';
import { backupFileName } from './backups';
import { StoreError } from './errors';
import {
  RecoveryError,
  inspectDataDir,
  isRecoverable,
  restoreBackup,
  startEmpty,
} from './recovery';
import { CURRENT_SCHEMA_VERSION } from './schema';
import { BACKUPS_DIR, JOURNAL_FILE, STORE_FILE, Store } from './store';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

const OWNER = { owner: 'the recovery test' };
const GARBAGE = Buffer.from(
  '{"schemaVersion": 5, "cases": [ {"id": "c1", "title": "half a ca\u0000',
);
const BAD_JOURNAL = Buffer.from('{"seq":1,"ops":[]}\nnot a line\n{"seq":3,"ops":[]}\n');
const AT = new Date(Date.UTC(2025, 10, 6, 9, 30, 15, 250));
const ASIDE_STEM = 'claimdesk.damaged-2025-11-06T09-30-15-250Z';

/** A data dir whose store held two cases, backed up on close, then damaged. */
async function damagedDataDir(): Promise<{ dir: string; backup: string; snapshot: unknown }> {
  const dir = await dirs.make();
  const backupAt = new Date(Date.UTC(2025, 10, 5, 18));
  const store = await Store.open(dir, { ...OWNER, backups: { now: () => backupAt } });
  for (const id of ['kept-1', 'kept-2']) {
    await store.mutate(() => ({
      ops: [{ type: 'put', collection: 'cases', value: validCase(id) }],
      result: id,
    }));
  }
  await store.close();
  const snapshot: unknown = JSON.parse(await readFile(path.join(dir, STORE_FILE), 'utf8'));
  await writeFile(path.join(dir, STORE_FILE), GARBAGE);
  await writeFile(path.join(dir, JOURNAL_FILE), BAD_JOURNAL);
  return { dir, backup: backupFileName(backupAt), snapshot };
}

describe('inspectDataDir', () => {
  it('says a store that is not JSON is damaged, with the StoreError message and the backups', async () => {
    const { dir, backup } = await damagedDataDir();
    const before = await readTree(dir);
    const found = await inspectDataDir(dir);
    expect(found).toMatchObject({
      damaged: true,
      kind: 'corrupt',
      file: path.join(dir, STORE_FILE),
    });
    expect(found.problem).toMatch(/is damaged: it is not valid JSON/);
    expect(found.backups.map((b) => [b.file, b.usable, b.cases])).toEqual([[backup, true, 2]]);
    // Looking changed nothing.
    expect(await readTree(dir)).toEqual(before);
  });

  it('reports a healthy store as such, and a too new one as not damaged (no backup helps)', async () => {
    const healthy = await dirs.make();
    await (await Store.open(healthy, OWNER)).close();
    expect(await inspectDataDir(healthy)).toMatchObject({
      damaged: false,
      kind: null,
      problem: '',
    });

    const newer = await dirs.make();
    await writeFile(
      path.join(newer, STORE_FILE),
      JSON.stringify({ schemaVersion: CURRENT_SCHEMA_VERSION + 1 }),
    );
    const found = await inspectDataDir(newer);
    expect(found).toMatchObject({ damaged: false, kind: 'too_new' });
    expect(isRecoverable(new StoreError('too_new', 'x'))).toBe(false);
    expect(isRecoverable(new StoreError('in_use', 'x'))).toBe(false);
    expect(isRecoverable(new StoreError('invalid', 'x'))).toBe(true);
  });
});

describe('restoreBackup', () => {
  it('moves the damaged files aside byte for byte and opens the backup as the store', async () => {
    const { dir, backup, snapshot } = await damagedDataDir();
    const repaired = await restoreBackup(dir, backup, { now: () => AT });
    expect(repaired.movedAside).toEqual([
      path.join(dir, `${ASIDE_STEM}.json`),
      path.join(dir, `${ASIDE_STEM}.journal`),
    ]);
    expect(await readFile(path.join(dir, `${ASIDE_STEM}.json`))).toEqual(GARBAGE);
    expect(await readFile(path.join(dir, `${ASIDE_STEM}.journal`))).toEqual(BAD_JOURNAL);
    expect(await readOrNull(path.join(dir, JOURNAL_FILE))).toBeNull();
    expect(await readFile(path.join(dir, STORE_FILE))).toEqual(
      await readFile(path.join(dir, BACKUPS_DIR, backup)),
    );
    // The backup itself stays where it was.
    expect(await readdir(path.join(dir, BACKUPS_DIR))).toContain(backup);

    const store = await Store.open(dir, OWNER);
    expect(store.report.created).toBe(false);
    expect(await store.snapshot()).toEqual(snapshot);
    expect(store.list('cases').map((c) => c.id)).toEqual(['kept-1', 'kept-2']);
    await store.close();
  });

  it('never overwrites a damaged-* file already there: it takes the next free name', async () => {
    const { dir, backup } = await damagedDataDir();
    const earlier = Buffer.from('an earlier damaged store');
    await writeFile(path.join(dir, `${ASIDE_STEM}.json`), earlier);
    // Only the journal's name of the second pair is taken: that pair is skipped as a whole.
    await writeFile(path.join(dir, `${ASIDE_STEM}-2.journal`), 'another journal');

    const repaired = await restoreBackup(dir, backup, { now: () => AT });
    expect(repaired.movedAside).toEqual([
      path.join(dir, `${ASIDE_STEM}-3.json`),
      path.join(dir, `${ASIDE_STEM}-3.journal`),
    ]);
    expect(await readFile(path.join(dir, `${ASIDE_STEM}.json`))).toEqual(earlier);
    expect(await readFile(path.join(dir, `${ASIDE_STEM}-2.journal`), 'utf8')).toBe(
      'another journal',
    );
    expect(await readFile(path.join(dir, `${ASIDE_STEM}-3.json`))).toEqual(GARBAGE);

    // Damaged again, and restored again at the same moment: still nothing overwritten.
    await writeFile(path.join(dir, STORE_FILE), 'damaged twice');
    const again = await restoreBackup(dir, backup, { now: () => AT });
    expect(again.movedAside).toEqual([path.join(dir, `${ASIDE_STEM}-4.json`)]);
    expect(await readFile(path.join(dir, `${ASIDE_STEM}-3.json`))).toEqual(GARBAGE);
    expect(await readFile(path.join(dir, `${ASIDE_STEM}-4.json`), 'utf8')).toBe('damaged twice');
  });

  it('refuses a backup that does not validate, a name that is not a backup, and touches nothing', async () => {
    const { dir } = await damagedDataDir();
    const broken = backupFileName(new Date(Date.UTC(2025, 10, 6)));
    await writeFile(path.join(dir, BACKUPS_DIR, broken), '{"schemaVersion": 5}');
    const before = await readTree(dir);
    const refused = (file: string) =>
      restoreBackup(dir, file).then(
        () => null,
        (error: unknown) => error,
      );

    const unusable = await refused(broken);
    expect(unusable).toBeInstanceOf(RecoveryError);
    expect(unusable).toMatchObject({ reason: 'unusable' });
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

  it('refuses while an open store holds the data dir', async () => {
    const { dir, backup } = await damagedDataDir();
    // Repaired by hand and opened: the store holds the data dir's lock.
    await writeFile(
      path.join(dir, STORE_FILE),
      await readFile(path.join(dir, BACKUPS_DIR, backup)),
    );
    await writeFile(path.join(dir, JOURNAL_FILE), '');
    const store = await Store.open(dir, OWNER);
    const error: unknown = await restoreBackup(dir, backup).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ kind: 'in_use' });
    await store.close();
  });
});

describe('startEmpty', () => {
  it('moves the damaged files aside and lets a new, empty store be created', async () => {
    const { dir } = await damagedDataDir();
    const repaired = await startEmpty(dir, { now: () => AT });
    expect(repaired.movedAside).toHaveLength(2);
    expect(await readFile(path.join(dir, `${ASIDE_STEM}.json`))).toEqual(GARBAGE);
    const store = await Store.open(dir, OWNER);
    expect(store.report.created).toBe(true);
    expect(store.list('cases')).toEqual([]);
    await store.close();
    // The backups are all still there to go back to.
    expect((await inspectDataDir(dir)).backups.map((b) => b.cases)).toEqual([2]);
  });
});
