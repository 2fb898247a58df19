import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { backendHarness, call } from '../../testing/harness';
import { tempDirs } from '../../testing/tempDir';
import { SnapshotSchema } from '../schema';
import { openMigrated, reopenConverted } from '../../testing/migrated';
import { LEGACY_JOURNAL_FILE } from '../legacy';
import { openStore } from '../openStore';
import { STORE_FILE } from '../store';
import { migration002 } from './002-attribution-entities';
import { migration003 } from './003-grades-links-judgments';
import { MIGRATIONS, migrate } from './index';

const FIXTURE = fileURLToPath(new URL('../../../../data/fixtures/store-v2.json', import.meta.url));
const FIXTURE_TEXT = fileURLToPath(
  new URL('../../../../data/fixtures/store-v2.text.txt', import.meta.url),
);
const HASH = 'b32482958e6a7ff3eb284facab95f81c767b0e939ff858a2f6ba6ad44d257187';

const dirs = tempDirs();
const harness = backendHarness();
afterEach(async () => {
  await harness.cleanup();
  await dirs.cleanup();
});

type Raw = Record<string, unknown> & { documents: object[]; claims: object[] };
const readFixture = async (): Promise<Raw> => JSON.parse(await readFile(FIXTURE, 'utf8')) as Raw;

const DOCUMENT_DEFAULTS = {
  author: '',
  retrievedAt: '',
  fileName: '',
  outletId: null,
  previousVersionId: null,
};
const CLAIM_DEFAULTS = {
  anchorState: 'anchored',
  kind: 'unattributed',
  status: 'unverified',
  tags: [],
  notes: '',
  attribution: { speakerId: null, via: [], cue: '', saidOn: '', reportedOn: '' },
};

/** What 003 then adds to every claim. */
const CLAIM_DEFAULTS_V4 = {
  ...CLAIM_DEFAULTS,
  credibility: 6,
  attribution: { ...CLAIM_DEFAULTS.attribution, reliabilityOverrides: {} },
};

/** The fixture, migrated by hand: what schema 3 must hold. */
async function expectedV3(): Promise<Record<string, unknown>> {
  const v2 = await readFixture();
  return {
    ...v2,
    schemaVersion: 3,
    documents: v2.documents.map((d) => ({ ...d, ...DOCUMENT_DEFAULTS })),
    claims: v2.claims.map((c) => ({ ...c, ...CLAIM_DEFAULTS })),
    entities: [],
    history: [],
  };
}

/** What 003 makes of that: schema 3 plus the defaults of schema 4. */
async function expectedV4(): Promise<Record<string, unknown>> {
  const v2 = await readFixture();
  return {
    ...(await expectedV3()),
    schemaVersion: 4,
    claims: v2.claims.map((c) => ({ ...c, ...CLAIM_DEFAULTS_V4 })),
    links: [],
    judgments: [],
  };
}

/**
 * What a schema-2 store holds once opened today: the hand-checked schema-4 store above, taken
 * the rest of the way by the later migrations (each tested for its own step in its own file).
 */
async function expectedCurrent() {
  return SnapshotSchema.parse(migrate(await expectedV4()).raw);
}

/** A data dir holding a copy of the schema-2 fixture and its document text. */
async function v2DataDir(): Promise<string> {
  const dir = await dirs.make();
  await copyFile(FIXTURE, path.join(dir, STORE_FILE));
  await mkdir(path.join(dir, 'texts'));
  await copyFile(FIXTURE_TEXT, path.join(dir, 'texts', `${HASH}.txt`));
  return dir;
}

describe('migration 002: attribution and entities', () => {
  it('fills the new claim and document fields with defaults and adds empty collections', async () => {
    const raw = await readFixture();
    const copy = structuredClone(raw);
    const out = migration002.up(raw);
    expect(out).toEqual(await expectedV3());
    // What 002 produces is a schema-3 store that the later migrations bring to the current schema.
    expect(migration003.up(out)).toEqual(await expectedV4());
    expect(SnapshotSchema.safeParse(migrate(out).raw).success).toBe(true);
    // Pure: the input is not touched.
    expect(raw).toEqual(copy);
  });

  it('keeps values a record already has, and passes non-records through', () => {
    const claim = { id: 'c', kind: 'direct_quote', tags: ['troops'] };
    const out = migration002.up({
      schemaVersion: 2,
      documents: [{ id: 'd', author: 'A. Writer' }, 'not a record'],
      claims: [claim],
      entities: [{ id: 'e' }],
    });
    expect(out.schemaVersion).toBe(3);
    expect(out.documents).toEqual([
      { ...DOCUMENT_DEFAULTS, id: 'd', author: 'A. Writer' },
      'not a record',
    ]);
    expect(out.claims).toEqual([{ ...CLAIM_DEFAULTS, ...claim }]);
    expect(out.entities).toEqual([{ id: 'e' }]);
    expect(out.history).toEqual([]);
  });

  it('is applied by migrate() to a schema-2 store, then every later one, in order', async () => {
    const outcome = migrate(await readFixture());
    expect(outcome.from).toBe(2);
    expect(outcome.applied).toEqual(MIGRATIONS.filter((m) => m.from >= 2));
    expect(outcome.applied.slice(0, 2)).toEqual([migration002, migration003]);
    expect(outcome.raw).toEqual(await expectedCurrent());
  });

  it('migrates a schema-2 store on open, with a byte-identical backup of the original', async () => {
    const dir = await v2DataDir();
    const original = await readFile(FIXTURE);
    const store = await openMigrated(dir, 2, original);
    expect(await store.snapshot()).toEqual(await expectedCurrent());
    expect(SnapshotSchema.parse(migrate(await readFixture()).raw)).toEqual(await expectedCurrent());
    await reopenConverted(store, await expectedCurrent());
  });

  it('replays a schema-2 journal entry before migrating it, and keeps the old journal too', async () => {
    const dir = await v2DataDir();
    const fixture = await readFixture();
    const pending = { ...fixture.claims[0], id: 'claim-v2-journaled', text: 'From the journal' };
    const line = { seq: 5, ops: [{ type: 'put', collection: 'claims', value: pending }] };
    const journal = Buffer.from(`${JSON.stringify(line)}\n`);
    await writeFile(path.join(dir, LEGACY_JOURNAL_FILE), journal);
    const store = await openMigrated(dir, 2, await readFile(FIXTURE), journal);
    expect(store.journalSeq).toBe(5);
    const claim = { ...pending, ...CLAIM_DEFAULTS_V4 };
    expect(store.get('claims', 'claim-v2-journaled')).toEqual(claim);
    // Numbering goes on after the old journal's last entry.
    await store.close();
    const again = await openStore(dir, { idleFoldMs: 0, progressive: false });
    expect(again.journalSeq).toBe(5);
    expect(again.get('claims', 'claim-v2-journaled')).toEqual(claim);
    await again.close();
  });

  it('serves the migrated store through the backend, which can attribute the old claim', async () => {
    const b = await harness.start(await v2DataDir());
    const text = await readFile(FIXTURE_TEXT, 'utf8');
    const { document } = await call(b, 'documents:get', { documentId: 'doc-v2' });
    expect(document).toMatchObject({ outlet: 'Lenta.ru', ...DOCUMENT_DEFAULTS });
    const [claim] = await call(b, 'claims:list', { caseId: 'case-v2' });
    expect(claim).toMatchObject(CLAIM_DEFAULTS_V4);
    expect(text.slice(claim?.anchor.start, claim?.anchor.end)).toBe(claim?.anchor.exact);

    const chepa = await call(b, 'entities:create', { name: 'Alexey Chepa', kind: 'person' });
    const updated = await call(b, 'claims:update', {
      claimId: 'claim-v2',
      attribution: { speakerId: chepa.id, cue: 'told' },
    });
    expect(updated.attribution).toEqual({
      ...CLAIM_DEFAULTS_V4.attribution,
      speakerId: chepa.id,
      cue: 'told',
    });
    expect(harness.logs).toEqual([]);
  });
});
