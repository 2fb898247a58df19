import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../backend';
import { tempDirs } from '../../testing/tempDir';
import { CURRENT_SCHEMA_VERSION, SnapshotSchema } from '../schema';
import { STORE_FILE } from '../store';
import { openMigrated, reopenConverted } from '../../testing/migrated';
import { migration001 } from './001-anchor-selectors';
import { migration002 } from './002-attribution-entities';
import { migration003 } from './003-grades-links-judgments';
import { MIGRATIONS, migrate } from './index';

const FIXTURE = fileURLToPath(new URL('../../../../data/fixtures/store-v1.json', import.meta.url));
const FIXTURE_TEXT = fileURLToPath(
  new URL('../../../../data/fixtures/store-v1.text.txt', import.meta.url),
);
const HASH = '3b6c2f3a16768eb5afe270969d80b1540251dc591bd8673824fa1eee1c34c46f';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

async function readFixture(): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(FIXTURE, 'utf8')) as Record<string, unknown>;
}

/** The fixture, migrated by hand: what schema 2 must hold. */
const expectedV2 = {
  schemaVersion: 2,
  journalSeq: 0,
  cases: [
    {
      id: 'case-v1',
      title: 'Russia and Venezuela',
      question: 'Will Russia intervene?',
      createdAt: '2024-11-01T00:00:00.000Z',
      updatedAt: '2024-11-02T00:00:00.000Z',
    },
  ],
  documents: [
    {
      id: 'doc-v1',
      caseId: 'case-v1',
      title: 'Zakharova briefing',
      outlet: 'TASS',
      url: 'https://example.org/briefing',
      publishedAt: '2024-10-30',
      format: 'paste',
      contentHash: HASH,
      textLength: 142,
      createdAt: '2024-11-01T00:00:00.000Z',
    },
  ],
  claims: [
    {
      id: 'claim-v1-a',
      caseId: 'case-v1',
      documentId: 'doc-v1',
      text: 'Russia promises to honour its obligations to Venezuela',
      anchor: {
        exact: 'Moscow would honour its treaty obligations to Caracas',
        prefix: '',
        suffix: '',
        start: 40,
        end: 93,
      },
      createdAt: '2024-11-01T00:00:00.000Z',
      updatedAt: '2024-11-01T00:00:00.000Z',
    },
    {
      id: 'claim-v1-b',
      caseId: 'case-v1',
      documentId: 'doc-v1',
      text: 'Analysts doubt Russia can send troops',
      anchor: { exact: 'Russia could send troops', prefix: '', suffix: '', start: 117, end: 141 },
      createdAt: '2024-11-01T01:00:00.000Z',
      updatedAt: '2024-11-02T00:00:00.000Z',
    },
  ],
};

/** What 002 makes of it: schema 2 plus the defaults of schema 3. */
const expectedV3 = {
  ...expectedV2,
  schemaVersion: 3,
  documents: expectedV2.documents.map((d) => ({
    ...d,
    author: '',
    retrievedAt: '',
    fileName: '',
    outletId: null,
    previousVersionId: null,
  })),
  claims: expectedV2.claims.map((c) => ({
    ...c,
    anchorState: 'anchored',
    kind: 'unattributed',
    status: 'unverified',
    tags: [],
    notes: '',
    attribution: { speakerId: null, via: [], cue: '', saidOn: '', reportedOn: '' },
  })),
  entities: [],
  history: [],
};

/** What 003 makes of that: schema 3 plus the defaults of schema 4. */
const expectedV4 = {
  ...expectedV3,
  schemaVersion: 4,
  claims: expectedV3.claims.map((c) => ({
    ...c,
    credibility: 6,
    attribution: { ...c.attribution, reliabilityOverrides: {} },
  })),
  links: [],
  judgments: [],
};

/**
 * What a schema-1 store holds once opened today: the hand-checked schema-4 store above, taken
 * the rest of the way by the later migrations (each tested for its own step in its own file),
 * so that a new schema version does not rewrite this test.
 */
const expectedCurrent = () => SnapshotSchema.parse(migrate(structuredClone(expectedV4)).raw);

/** Every migration from schema `version` on, in order. */
const migrationsFrom = (version: number) => MIGRATIONS.filter((m) => m.from >= version);

/** A data dir holding a copy of the schema-1 fixture and its document text. */
async function v1DataDir(): Promise<string> {
  const dir = await dirs.make();
  await copyFile(FIXTURE, path.join(dir, STORE_FILE));
  await mkdir(path.join(dir, 'texts'));
  await copyFile(FIXTURE_TEXT, path.join(dir, 'texts', `${HASH}.txt`));
  return dir;
}

describe('migration 001: anchor selectors', () => {
  it('turns flat quotes into anchors and epoch-ms times into ISO strings', async () => {
    const raw = await readFixture();
    const copy = structuredClone(raw);
    const out = migration001.up(raw);
    expect(out).toEqual(expectedV2);
    // What 001 produces is a schema-2 store that the next migrations bring to the current schema.
    expect(migration002.up(out)).toEqual(expectedV3);
    expect(migration003.up(migration002.up(out))).toEqual(expectedV4);
    expect(SnapshotSchema.safeParse(migrate(out).raw).success).toBe(true);
    // Pure: the input is not touched.
    expect(raw).toEqual(copy);
  });

  it('uses createdAt as updatedAt for a claim without one, and leaves ISO times alone', () => {
    const out = migration001.up({
      schemaVersion: 1,
      cases: [],
      documents: [],
      claims: [{ id: 'c', quote: 'q', start: 0, end: 1, createdAt: 0 }],
    });
    expect(out.claims).toEqual([
      {
        id: 'c',
        anchor: { exact: 'q', prefix: '', suffix: '', start: 0, end: 1 },
        createdAt: '1970-01-01T00:00:00.000Z',
        updatedAt: '1970-01-01T00:00:00.000Z',
      },
    ]);
    const iso = migration001.up({ cases: [{ id: 'x', createdAt: '2024-01-01T00:00:00.000Z' }] });
    expect(iso.cases).toEqual([{ id: 'x', createdAt: '2024-01-01T00:00:00.000Z' }]);
  });

  it('is applied by migrate() from version 1 (or none), then every later one, in order', async () => {
    const fromV1 = migrate(await readFixture());
    expect(fromV1.from).toBe(1);
    expect(fromV1.applied).toEqual(migrationsFrom(1));
    expect(fromV1.applied.map((m) => m.to)).toEqual(
      Array.from({ length: CURRENT_SCHEMA_VERSION - 1 }, (_, i) => i + 2),
    );
    expect(fromV1.raw).toEqual(expectedCurrent());
    expect(migrate({ cases: [] }).applied).toEqual(migrationsFrom(1));
    const fromV2 = migrate(expectedV2);
    expect(fromV2.from).toBe(2);
    expect(fromV2.applied).toEqual(migrationsFrom(2));
    expect(fromV2.raw).toEqual(expectedCurrent());
    const fromV3 = migrate(expectedV3);
    expect(fromV3.from).toBe(3);
    expect(fromV3.applied).toEqual(migrationsFrom(3));
    expect(fromV3.raw).toEqual(expectedCurrent());
    const current = expectedCurrent();
    const untouched = migrate(current);
    expect(untouched.applied).toEqual([]);
    expect(untouched.raw).toBe(current);
  });

  it('migrates a schema-1 store on open to the current schema, with a byte-identical backup', async () => {
    const dir = await v1DataDir();
    const original = await readFile(FIXTURE);
    const store = await openMigrated(dir, 1, original);
    expect(await store.snapshot()).toEqual(expectedCurrent());
    expect(
      SnapshotSchema.parse(
        migrate(JSON.parse(original.toString('utf8')) as Record<string, unknown>).raw,
      ),
    ).toEqual(expectedCurrent());
    // A second open finds the current schema: no migration, no second backup.
    await reopenConverted(store, expectedCurrent());
  });

  it('serves the migrated claims through the backend, anchored in the document text', async () => {
    const dir = await v1DataDir();
    const backend = await openBackend({ dataDir: dir, host: 'web', version: 'test' });
    try {
      const got = await backend.dispatch('documents:get', { documentId: 'doc-v1' });
      const text = await readFile(FIXTURE_TEXT, 'utf8');
      expect(got).toMatchObject({ ok: true, value: { text } });
      const claims = await backend.dispatch('claims:list', { caseId: 'case-v1' });
      const { claims: expectedClaims } = expectedCurrent();
      expect(claims).toEqual({ ok: true, value: expectedClaims });
      for (const claim of expectedClaims) {
        expect(text.slice(claim.anchor.start, claim.anchor.end)).toBe(claim.anchor.exact);
      }
    } finally {
      await backend.close();
    }
  });
});
