/**
 * The backend session both shells serve: the usual dispatch on a healthy store, the
 * recovery mode on a damaged one, and the switch from one to the other after a restore.
 */
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RecoveryStatus } from '../../shared/contract/channels';
import { openBackendSession, type BackendSession } from './session';
import { CURRENT_SCHEMA_VERSION } from './store/schema';
import { BACKUPS_DIR, listBackups } from './store/backups';
import { STORE_FILE } from './store/store';
import { tempDirs } from './testing/tempDir';

const dirs = tempDirs();
const sessions: BackendSession[] = [];
const logs: string[] = [];
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
  await dirs.cleanup();
  logs.length = 0;
});

const SAMPLE = path.resolve('data/sample-case.json');
const GARBAGE = '{"schemaVersion": 5, "cases": [ {"id": "c1", "title": "half a ca';

async function open(dataDir: string, sampleCaseFile?: string): Promise<BackendSession> {
  const session = await openBackendSession({
    dataDir,
    host: 'web',
    version: 'test',
    sampleCaseFile,
    log: (message) => logs.push(message),
  });
  sessions.push(session);
  return session;
}

async function value<T>(session: BackendSession, channel: string, input: unknown): Promise<T> {
  const result = await session.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

/** A data dir holding one case of its own, backed up when its backend closed. */
async function backedUpDataDir(): Promise<string> {
  const dir = await dirs.make();
  const first = await open(dir);
  await value(first, 'cases:create', { title: 'The case to get back' });
  await first.close();
  return dir;
}

/** The same, then damaged. */
async function damagedDataDir(): Promise<string> {
  const dir = await backedUpDataDir();
  await writeFile(path.join(dir, STORE_FILE), GARBAGE);
  return dir;
}

describe('a backend session on a healthy store', () => {
  it('serves the usual calls; recovery:status says healthy without reading the backups, repairs are refused', async () => {
    const dir = await backedUpDataDir();
    const session = await open(dir);
    expect(session.problem).toBeNull();
    const status = await value<RecoveryStatus>(session, 'recovery:status', {});
    expect(status).toEqual({ damaged: false, problem: '', file: '', backups: [] });
    const [backup] = await listBackups(path.join(dir, BACKUPS_DIR));
    expect(backup).toMatchObject({ cases: 1, usable: true });
    for (const [channel, input] of [
      ['recovery:restore', { file: backup?.file }],
      ['recovery:startEmpty', {}],
    ] as const) {
      const refused = await session.dispatch(channel, input);
      expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
      if (!refused.ok) expect(refused.error.message).toMatch(/nothing to recover/);
    }
  });
});

describe('a backend session on a damaged store', () => {
  it('starts in recovery: says what is wrong, refuses every other call, restores, then serves', async () => {
    const dir = await damagedDataDir();
    const session = await open(dir, SAMPLE);
    expect(session.problem?.kind).toBe('corrupt');

    const status = await value<RecoveryStatus>(session, 'recovery:status', {});
    expect(status.damaged).toBe(true);
    expect(status.problem).toMatch(/is damaged: it is not valid JSON/);
    expect(status.file).toBe(path.join(dir, STORE_FILE));
    expect(status.backups.map((b) => [b.cases, b.usable])).toEqual([[1, true]]);
    const backup = status.backups[0]?.file ?? '';
    expect(Object.keys(status.backups[0] ?? {}).sort()).toEqual(
      ['claims', 'cases', 'date', 'documents', 'file', 'problem', 'size', 'usable'].sort(),
    );

    const refused = await session.dispatch('cases:list', {});
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'store_unavailable',
        message: `${status.problem} Open Claimdesk to choose a backup.`,
      },
    });
    expect(await session.dispatch('no:such', {})).toMatchObject({
      error: { code: 'unknown_channel' },
    });
    expect(await session.dispatch('recovery:restore', { file: '../claimdesk.json' })).toMatchObject(
      { ok: false, error: { code: 'invalid_input', field: 'file' } },
    );
    expect(
      await session.dispatch('recovery:restore', {
        file: 'claimdesk-2020-01-01T00-00-00.000Z.json',
      }),
    ).toMatchObject({ ok: false, error: { code: 'not_found', field: 'file' } });
    // Still in recovery, still nothing moved.
    expect(await readFile(path.join(dir, STORE_FILE), 'utf8')).toBe(GARBAGE);

    const repaired = await value<{ movedAside: string }>(session, 'recovery:restore', {
      file: backup,
    });
    expect(repaired.movedAside).toContain(path.join(dir, 'claimdesk.damaged-'));
    expect(repaired).toEqual({
      restored: true,
      movedAside: repaired.movedAside,
      recovered: {
        backup,
        movedAside: repaired.movedAside,
        replayed: 0,
        skipped: 0,
        unreadable: 0,
        gap: false,
      },
    });
    expect(session.problem).toBeNull();
    const cases = await value<{ title: string }[]>(session, 'cases:list', {});
    // The backup's case, not the sample case a new store would be seeded with.
    expect(cases.map((c) => c.title)).toEqual(['The case to get back']);
    expect(await value(session, 'recovery:status', {})).toMatchObject({ damaged: false });
    // The damaged file, set aside in a folder of its own, byte for byte.
    expect(await readFile(path.join(repaired.movedAside, STORE_FILE), 'utf8')).toBe(GARBAGE);
    expect(logs).toEqual([]);
  });

  it('switches to recovery when a claims segment read after open is damaged, and restores from there', async () => {
    const dir = await dirs.make();
    const first = await open(dir, SAMPLE);
    await first.close();
    const manifest = JSON.parse(await readFile(path.join(dir, STORE_FILE), 'utf8')) as {
      segments: { collection: string; hash: string }[];
    };
    const bucket = manifest.segments.find((s) => s.collection === 'claims');
    const file = path.join(dir, 'segments', `${bucket?.hash ?? ''}.json`);
    await writeFile(file, '{"records": []}');

    // The claims load after open returns: the session opens, then finds the damage.
    const session = await open(dir);
    await expect.poll(() => session.problem?.kind).toBe('corrupt');
    const status = await value<RecoveryStatus>(session, 'recovery:status', {});
    expect(status.damaged).toBe(true);
    expect(status.file).toBe(file);
    expect(status.problem).toMatch(/no longer matches its checksum/);
    expect(await session.dispatch('cases:list', {})).toMatchObject({
      ok: false,
      error: { code: 'store_unavailable' },
    });
    const backup = status.backups[0]?.file ?? '';
    await value(session, 'recovery:restore', { file: backup });
    expect(session.problem).toBeNull();
    const [kase] = await value<{ id: string; claimCount: number }[]>(session, 'cases:list', {});
    expect(kase?.claimCount).toBe(14);
  });

  it('starts empty on request: no sample case, and the damaged file kept aside', async () => {
    const dir = await damagedDataDir();
    const session = await open(dir, SAMPLE);
    const repaired = await value<{ movedAside: string }>(session, 'recovery:startEmpty', {});
    expect(repaired).toMatchObject({ restored: true, recovered: null });
    expect(await value(session, 'cases:list', {})).toEqual([]);
    expect(await readFile(path.join(repaired.movedAside, STORE_FILE), 'utf8')).toBe(GARBAGE);
    expect(await value(session, 'cases:create', { title: 'Fresh' })).toMatchObject({
      title: 'Fresh',
    });
  });

  it('is not entered for a store from a newer version: that stays a refusal', async () => {
    const dir = await dirs.make();
    await writeFile(
      path.join(dir, STORE_FILE),
      JSON.stringify({ schemaVersion: CURRENT_SCHEMA_VERSION + 2 }),
    );
    await expect(open(dir)).rejects.toMatchObject({ kind: 'too_new' });
  });

  it('is not entered for a data dir in use: that stays a refusal', async () => {
    const dir = await dirs.make();
    await open(dir);
    await expect(open(dir)).rejects.toMatchObject({ kind: 'in_use' });
  });
});

describe('a backend session and the data dir lock', () => {
  it('holds the lock in recovery too: a second host beside it is refused, naming the first', async () => {
    const dir = await damagedDataDir();
    const first = await open(dir);
    expect(first.problem?.kind).toBe('corrupt');
    const refused: unknown = await open(dir).catch((error: unknown) => error);
    expect(refused).toMatchObject({ kind: 'in_use' });
    expect(String(refused)).toContain(`process ${process.pid}`);
    // The first is untouched by the attempt and can still repair the store.
    expect(await readFile(path.join(dir, STORE_FILE), 'utf8')).toBe(GARBAGE);
    const status = await value<RecoveryStatus>(first, 'recovery:status', {});
    await value(first, 'recovery:restore', { file: status.backups[0]?.file });
    expect(first.problem).toBeNull();
    await first.close();
    // Once it has closed, the folder is free.
    expect((await open(dir)).problem).toBeNull();
  });

  it('starts in recovery, never with a new store, when claimdesk.json is gone but the rest is there', async () => {
    const dir = await backedUpDataDir();
    await rm(path.join(dir, STORE_FILE));
    const session = await open(dir, SAMPLE);
    expect(session.problem?.kind).toBe('missing');
    expect(await readdir(dir)).not.toContain(STORE_FILE);
    const status = await value<RecoveryStatus>(session, 'recovery:status', {});
    expect(status.problem).toMatch(/is missing, but .*backups/);
    await value(session, 'recovery:restore', { file: status.backups[0]?.file });
    const cases = await value<{ title: string }[]>(session, 'cases:list', {});
    expect(cases.map((c) => c.title)).toEqual(['The case to get back']);
  });
});
