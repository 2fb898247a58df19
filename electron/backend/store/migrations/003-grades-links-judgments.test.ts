import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { backendHarness, call } from '../../testing/harness';
import { tempDirs } from '../../testing/tempDir';
import { hashText } from '../textStore';
import { SnapshotSchema } from '../schema';
import { openMigrated, reopenConverted, sortedById } from '../../testing/migrated';
import { STORE_FILE } from '../store';
import { migration003 } from './003-grades-links-judgments';
import { MIGRATIONS, migrate } from './index';

const FIXTURE = fileURLToPath(new URL('../../../../data/fixtures/store-v3.json', import.meta.url));
const FIXTURE_TEXT = fileURLToPath(
  new URL('../../../../data/fixtures/store-v3.text.txt', import.meta.url),
);
const HASH = '72bcff542f69cb352a59d824e1459ba89efdc2595840bf5d7f90d10aba0e2f2c';

const dirs = tempDirs();
const harness = backendHarness();
afterEach(async () => {
  await harness.cleanup();
  await dirs.cleanup();
});

type Raw = Record<string, unknown> & {
  entities: Record<string, unknown>[];
  claims: (Record<string, unknown> & { attribution: Record<string, unknown> })[];
};
const readFixture = async (): Promise<Raw> => JSON.parse(await readFile(FIXTURE, 'utf8')) as Raw;

/** The fixture, migrated by hand: what schema 4 must hold. */
async function expectedV4(): Promise<Record<string, unknown>> {
  const v3 = await readFixture();
  return {
    ...v3,
    schemaVersion: 4,
    entities: v3.entities.map((e) => ({ ...e, reliability: 'F' })),
    claims: v3.claims.map((c) => ({
      ...c,
      credibility: 6,
      attribution: { ...c.attribution, reliabilityOverrides: {} },
    })),
    links: [],
    judgments: [],
  };
}

/**
 * What a schema-3 store holds once opened today: the hand-checked schema-4 store above, taken
 * the rest of the way by the later migrations (each tested for its own step in its own file).
 */
async function expectedCurrent() {
  return SnapshotSchema.parse(migrate(await expectedV4()).raw);
}

/** A data dir holding a copy of the schema-3 fixture and its document text. */
async function v3DataDir(): Promise<string> {
  const dir = await dirs.make();
  await copyFile(FIXTURE, path.join(dir, STORE_FILE));
  await mkdir(path.join(dir, 'texts'));
  await copyFile(FIXTURE_TEXT, path.join(dir, 'texts', `${HASH}.txt`));
  return dir;
}

describe('migration 003: grades, links and judgments', () => {
  it('has a fixture whose text matches its content hash and anchors', async () => {
    const text = await readFile(FIXTURE_TEXT, 'utf8');
    const raw = await readFixture();
    expect(hashText(text)).toBe(HASH);
    expect(raw.documents).toMatchObject([{ contentHash: HASH, textLength: text.length }]);
    for (const claim of raw.claims) {
      const anchor = claim.anchor as { exact: string; start: number; end: number };
      expect(text.slice(anchor.start, anchor.end)).toBe(anchor.exact);
    }
  });

  it('grades entities F and claims 6, adds empty overrides, links and judgments', async () => {
    const raw = await readFixture();
    const copy = structuredClone(raw);
    const out = migration003.up(raw);
    expect(out).toEqual(await expectedV4());
    // What 003 produces is a schema-4 store that the later migrations bring to the current schema.
    expect(SnapshotSchema.safeParse(migrate(out).raw).success).toBe(true);
    // Pure: the input is not touched.
    expect(raw).toEqual(copy);
  });

  it('keeps grades, overrides, links and judgments a record already has; passes non-records through', () => {
    const overrides = { 'entity-tass': 'B' };
    const link = { id: 'l' };
    const judgment = { id: 'j' };
    const out = migration003.up({
      schemaVersion: 3,
      entities: [{ id: 'graded', reliability: 'B' }, { id: 'ungraded' }, 'not a record'],
      claims: [
        {
          id: 'graded',
          credibility: 2,
          attribution: { cue: 'said', reliabilityOverrides: overrides },
        },
        { id: 'bare', attribution: { cue: '' } },
        { id: 'no-attribution' },
        'not a record',
      ],
      links: [link],
      judgments: [judgment],
    });
    expect(out.schemaVersion).toBe(4);
    expect(out.entities).toEqual([
      { id: 'graded', reliability: 'B' },
      { id: 'ungraded', reliability: 'F' },
      'not a record',
    ]);
    expect(out.claims).toEqual([
      {
        id: 'graded',
        credibility: 2,
        attribution: { cue: 'said', reliabilityOverrides: overrides },
      },
      { id: 'bare', credibility: 6, attribution: { cue: '', reliabilityOverrides: {} } },
      // An attribution that is not a record is left for the schema to default or refuse.
      { id: 'no-attribution', credibility: 6, attribution: undefined },
      'not a record',
    ]);
    expect(out.links).toEqual([link]);
    expect(out.judgments).toEqual([judgment]);
  });

  it('fills empty collections when a store has none', () => {
    const out = migration003.up({ schemaVersion: 3 });
    expect(out).toEqual({
      schemaVersion: 4,
      entities: [],
      claims: [],
      links: [],
      judgments: [],
    });
  });

  it('is the first migration migrate() applies to a schema-3 store, then every later one', async () => {
    const outcome = migrate(await readFixture());
    expect(outcome.from).toBe(3);
    expect(outcome.applied).toEqual(MIGRATIONS.filter((m) => m.from >= 3));
    expect(outcome.applied[0]).toBe(migration003);
    expect(outcome.raw).toEqual(await expectedCurrent());
  });

  it('migrates a schema-3 store on open to the current schema, with a byte-identical backup', async () => {
    const dir = await v3DataDir();
    const original = await readFile(FIXTURE);
    const store = await openMigrated(dir, 3, original);
    expect(await store.snapshot()).toEqual(sortedById(await expectedCurrent()));
    expect(SnapshotSchema.parse(migrate(await readFixture()).raw)).toEqual(await expectedCurrent());
    // A second open finds the current schema: no migration, no second backup.
    await reopenConverted(store, await expectedCurrent());
  });

  it('serves the migrated store through the backend, which can grade and link the old claims', async () => {
    const b = await harness.start(await v3DataDir());
    const entities = await call(b, 'entities:list', {});
    expect(entities.map((e) => [e.id, e.reliability])).toEqual([
      ['entity-zakharova', 'F'],
      ['entity-tass', 'F'],
    ]);
    const graded = await call(b, 'claims:update', {
      claimId: 'claim-v3-ready',
      credibility: 3,
      attribution: { reliabilityOverrides: { 'entity-tass': 'C' } },
    });
    expect(graded).toMatchObject({
      credibility: 3,
      attribution: { speakerId: 'entity-zakharova', reliabilityOverrides: { 'entity-tass': 'C' } },
    });
    const link = await call(b, 'links:create', {
      fromClaimId: 'claim-v3-il76',
      relation: 'context',
      target: { kind: 'claim', claimId: 'claim-v3-ready' },
    });
    expect(await call(b, 'links:list', { caseId: 'case-v3' })).toEqual([link]);
    expect(harness.logs).toEqual([]);
  });
});
