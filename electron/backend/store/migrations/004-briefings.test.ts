import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDirs } from '../../testing/tempDir';
import { CURRENT_SCHEMA_VERSION, SnapshotSchema } from '../schema';
import { openMigrated, reopenConverted, sortedById } from '../../testing/migrated';
import { STORE_FILE } from '../store';
import { migration003 } from './003-grades-links-judgments';
import { migration004 } from './004-briefings';
import { MIGRATIONS, migrate } from './index';

// There is no schema-4 fixture on disk: the schema-3 fixture through 003 (tested in its own
// file against a hand-written result) is a schema-4 store as the app wrote them.
const FIXTURE = fileURLToPath(new URL('../../../../data/fixtures/store-v3.json', import.meta.url));
const FIXTURE_TEXT = fileURLToPath(
  new URL('../../../../data/fixtures/store-v3.text.txt', import.meta.url),
);
const HASH = '72bcff542f69cb352a59d824e1459ba89efdc2595840bf5d7f90d10aba0e2f2c';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

async function v4Store(): Promise<Record<string, unknown>> {
  const v3 = JSON.parse(await readFile(FIXTURE, 'utf8')) as Record<string, unknown>;
  const v4 = migration003.up(v3);
  expect(v4.schemaVersion).toBe(4);
  return v4;
}

describe('migration 004: briefing notes', () => {
  it('adds an empty briefings collection and nothing else', async () => {
    const raw = await v4Store();
    const copy = structuredClone(raw);
    const out = migration004.up(raw);
    expect(out).toEqual({ ...copy, schemaVersion: 5, briefings: [] });
    // Pure: the input is not touched.
    expect(raw).toEqual(copy);
    // What 004 produces is a schema-5 store that any later migrations bring to the current one.
    expect(SnapshotSchema.safeParse(migrate(out).raw).success).toBe(true);
  });

  it('keeps briefings a store already has', () => {
    const briefing = { id: 'b' };
    expect(migration004.up({ schemaVersion: 4, briefings: [briefing] })).toEqual({
      schemaVersion: 5,
      briefings: [briefing],
    });
    expect(migration004.up({ schemaVersion: 4, briefings: 'not a list' })).toEqual({
      schemaVersion: 5,
      briefings: [],
    });
  });

  it('is the first migration migrate() applies to a schema-4 store, then every later one', async () => {
    const outcome = migrate(await v4Store());
    expect(outcome.from).toBe(4);
    expect(outcome.applied).toEqual(MIGRATIONS.filter((m) => m.from >= 4));
    expect(outcome.applied[0]).toBe(migration004);
    expect(outcome.raw.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('migrates a schema-4 store on open to the current schema, with a byte-identical backup', async () => {
    const dir = await dirs.make();
    const v4 = await v4Store();
    await writeFile(path.join(dir, STORE_FILE), JSON.stringify(v4, null, 2));
    await mkdir(path.join(dir, 'texts'));
    await copyFile(FIXTURE_TEXT, path.join(dir, 'texts', `${HASH}.txt`));
    const original = await readFile(path.join(dir, STORE_FILE));

    const store = await openMigrated(dir, 4, original);
    const expected = SnapshotSchema.parse(migrate(structuredClone(v4)).raw);
    expect(await store.snapshot()).toEqual(sortedById(expected));
    expect(store.count('briefings')).toBe(0);
    await reopenConverted(store, expected);
  });
});
