/**
 * Opening a store (issue 9: "open in a second"). The manifest names the segments; each is
 * checked against its checksum when it is read, so damage sends the app to the recovery
 * screen, which offers the backups. Then:
 *
 * - after a clean close (nothing in the journal), every collection but the claims is read at
 *   once; the claims (most of a large store) are only checked to exist, then read, checked
 *   and put in memory in the background, case by case, the case the UI asks for first
 *   (loadQueue.ts): the first claims show before the last are read;
 * - after a crash (edits in the journal), everything is read first and the journal replayed.
 *
 * A store from before version 6 (every record in claimdesk.json) is read by legacy.ts and
 * written out as segments, its old files kept in backups/.
 */
import { mkdir, readFile, readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Low } from 'lowdb';
import { describeIssue } from '../../../shared/contract/validate';
import { BACKUPS_DIR, BackupRotation, type BackupOptions } from './backups';
import { DurableJsonFile, NotJsonError, fileExists, isNotFound } from './durableFile';
import { StoreError } from './errors';
import { writeManifest } from './fold';
import { JOURNAL_DIR, Journal, JournalError, listGenerations, readGenerations } from './journal';
import { LEGACY_JOURNAL_FILE, keepLegacyFiles, readLegacyStore } from './legacy';
import { parseBucketKey, type BucketedCollection } from './layout';
import { loadInBackground, type LoadedSegment } from './loadQueue';
import {
  FIRST_SEGMENTED_VERSION,
  ManifestSchema,
  emptyManifest,
  type Manifest,
  type SegmentRef,
} from './manifest';
import { COLLECTIONS, isRecord, type JournalEntry } from './ops';
import { entryApplies } from './replayCheck';
import { CURRENT_SCHEMA_VERSION } from './schema';
import { SEGMENTS_DIR, SegmentError, segmentName, sha256, type SegmentData } from './segmentFile';
import {
  LOCK_FILE,
  STORE_FILE,
  Store,
  TEXTS_DIR,
  type ApplyListener,
  type CommitListener,
  type RecordOf,
  type RecoveredReport,
} from './store';

export interface OpenOptions {
  backups?: BackupOptions;
  /** Fold once the journal has grown this much (bytes). */
  foldAfterBytes?: number;
  /** Fold after this long without edits (ms; 0: never). */
  idleFoldMs?: number;
  log?: (message: string) => void;
  now?: () => Date;
  /** Told of the store before any record is loaded (the indexes read records through it). */
  onStore?: (store: Store) => void;
  /** Attached before any record is loaded, so the indexes see every record. */
  onApply?: ApplyListener[];
  onCommit?: CommitListener[];
  /** Parse the claims in the background after a clean close (default true). */
  progressive?: boolean;
  /**
   * The background loading starts once this settles, or at the first call that needs the
   * claims if sooner (`Store.claimsNeeded`). The web host holds it back until it serves and
   * its page has loaded: on 2 cores, parsing 100,000 claims while the page's files and first
   * calls are served made each of them wait (issue 9: page load → claim list shown).
   */
  loadAfter?: Promise<unknown>;
  /** Awaited before each segment a fold writes: lets a test hold a fold mid-write. */
  beforeSegmentWrite?: (key: string) => Promise<void>;
}

const FOLD_AFTER_BYTES = 8 * 1024 * 1024;
const IDLE_FOLD_MS = 60_000;

/** Collections parsed before open returns; the claims may follow in the background. */
const EAGER: readonly string[] = [
  'cases',
  'entities',
  'documents',
  'links',
  'judgments',
  'briefings',
];

/** Opens (or creates) the store in `dir`. The caller holds the data dir's lock. */
export async function openStore(dir: string, options: OpenOptions = {}): Promise<Store> {
  await mkdir(dir, { recursive: true });
  await removeStaleTempFiles(dir);
  const file = path.join(dir, STORE_FILE);
  const raw = await readStoreFile(file);
  // lowdb reads a missing file as null, and so is the JSON text `null`: only the first is
  // a store never made (the second is refused as invalid below, never overwritten).
  if (raw === null && !(await fileExists(file))) {
    await refuseIfRemnants(dir);
    return create(dir, options);
  }
  if (!isRecord(raw)) {
    throw new StoreError(
      'invalid',
      `The Claimdesk store ${file} does not hold a Claimdesk store (expected a JSON object). It has been left as it is.`,
      file,
    );
  }
  const version = raw.schemaVersion ?? 1;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new StoreError(
      'invalid',
      `The Claimdesk store ${file} has an unreadable schema version (${JSON.stringify(version)}). It has been left as it is.`,
      file,
    );
  }
  if (version > CURRENT_SCHEMA_VERSION) {
    throw new StoreError(
      'too_new',
      `The Claimdesk store ${file} was written by a newer version of Claimdesk (store version ${version}); ` +
        `this version reads store versions up to ${CURRENT_SCHEMA_VERSION}. Update Claimdesk to open it. Nothing was written.`,
      file,
    );
  }
  if (version < FIRST_SEGMENTED_VERSION) return convertLegacy(dir, file, raw, version, options);
  const parsed = ManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new StoreError(
      'invalid',
      `The Claimdesk store ${file} does not match the expected format (${first ? describeIssue(first).message : 'unknown problem'}). It has been left as it is.`,
      file,
    );
  }
  return openSegmented(dir, parsed.data, options);
}

async function readStoreFile(file: string): Promise<unknown> {
  try {
    const db = new Low<unknown>(new DurableJsonFile(file), null);
    await db.read();
    return db.data;
  } catch (error) {
    if (error instanceof NotJsonError) {
      throw new StoreError(
        'corrupt',
        `The Claimdesk store ${file} is damaged: it is not valid JSON (${error.message}). ` +
          'It has been left exactly as it is. Restore a backup, or start with an empty store.',
        file,
      );
    }
    throw error;
  }
}

/**
 * No claimdesk.json, but what a store leaves behind is there (segments, a journal, texts,
 * backups): the file was lost, not never made. A new store here would hide everything else.
 */
async function refuseIfRemnants(dir: string): Promise<void> {
  const found: string[] = [];
  const nonEmpty = async (name: string) =>
    (await readdir(path.join(dir, name)).catch(() => [] as string[])).some(
      (n) => !n.startsWith('.'),
    );
  if (await nonEmpty(SEGMENTS_DIR)) found.push('its segments');
  if ((await listGenerations(path.join(dir, JOURNAL_DIR))).length > 0) found.push('its journal');
  if (await fileExists(path.join(dir, LEGACY_JOURNAL_FILE))) found.push('its journal');
  if (await nonEmpty(TEXTS_DIR)) found.push('document texts');
  if (await nonEmpty(BACKUPS_DIR)) found.push('backups');
  if (found.length === 0) return;
  const file = path.join(dir, STORE_FILE);
  throw new StoreError(
    'missing',
    `The Claimdesk store file ${file} is missing, but ${[...new Set(found)].join(', ')} ${found.length === 1 ? 'is' : 'are'} still in ${dir}. ` +
      'Nothing was created or changed. Restore a backup (edits made since are replayed from the journal), or start with an empty store.',
    file,
  );
}

function foldOptions(options: OpenOptions, backups: BackupRotation) {
  return {
    foldAfterBytes: options.foldAfterBytes ?? FOLD_AFTER_BYTES,
    idleFoldMs: options.idleFoldMs ?? IDLE_FOLD_MS,
    backups,
    log: options.log ?? ((message: string) => console.error(message)),
    now: options.now ?? (() => new Date()),
    beforeSegmentWrite: options.beforeSegmentWrite,
  };
}

function attach(store: Store, options: OpenOptions): void {
  options.onStore?.(store);
  options.onApply?.forEach((listener) => store.onApply(listener));
  options.onCommit?.forEach((listener) => store.onCommit(listener));
}

async function create(dir: string, options: OpenOptions): Promise<Store> {
  const journal = await Journal.open(path.join(dir, JOURNAL_DIR), 1);
  const manifest = emptyManifest(CURRENT_SCHEMA_VERSION, journal.generation);
  await mkdir(path.join(dir, TEXTS_DIR), { recursive: true });
  await mkdir(path.join(dir, SEGMENTS_DIR), { recursive: true });
  await writeManifest(dir, manifest);
  const backups = await BackupRotation.open(dir, options.backups);
  const store = new Store({
    dir,
    journal,
    manifest,
    report: { created: true, migratedFrom: null, recovered: null },
    fold: foldOptions(options, backups),
  });
  attach(store, options);
  return store;
}

async function convertLegacy(
  dir: string,
  file: string,
  raw: Record<string, unknown>,
  version: number,
  options: OpenOptions,
): Promise<Store> {
  const legacy = await readLegacyStore(dir, file, raw, version);
  await mkdir(path.join(dir, TEXTS_DIR), { recursive: true });
  await mkdir(path.join(dir, SEGMENTS_DIR), { recursive: true });
  const journal = await Journal.open(path.join(dir, JOURNAL_DIR), 1);
  const manifest = {
    ...emptyManifest(CURRENT_SCHEMA_VERSION, journal.generation),
    foldedSeq: legacy.lastSeq,
  };
  const backups = await BackupRotation.open(dir, options.backups);
  const store = new Store({
    dir,
    journal,
    manifest,
    report: { created: false, migratedFrom: version, recovered: null },
    fold: foldOptions(options, backups),
  });
  attach(store, options);
  for (const collection of COLLECTIONS) {
    const records: readonly { id: string }[] = legacy.snapshot[collection];
    for (const value of records) store.apply({ type: 'put', collection, value });
  }
  // The old files go to backups/ before the new manifest replaces claimdesk.json: until
  // then a crash leaves the old store as it was, to be converted again.
  await keepLegacyFiles(dir, file, path.join(dir, BACKUPS_DIR), version, new Date());
  store.folder.markUnwritten();
  await store.folder.fold();
  await unlink(path.join(dir, LEGACY_JOURNAL_FILE)).catch((error: unknown) => {
    if (!isNotFound(error)) throw error;
  });
  return store;
}

async function openSegmented(
  dir: string,
  manifest: Manifest,
  options: OpenOptions,
): Promise<Store> {
  // A conversion that finished its manifest may have crashed before removing the old journal:
  // everything in it is in the segments.
  await unlink(path.join(dir, LEGACY_JOURNAL_FILE)).catch(() => undefined);
  const journalDir = path.join(dir, JOURNAL_DIR);
  const lenient = manifest.restoredFrom !== null;
  let read;
  try {
    read = await readGenerations(journalDir, manifest.journalFrom, lenient ? 'lenient' : 'strict');
  } catch (error) {
    if (error instanceof JournalError) {
      throw new StoreError(
        'corrupt',
        `The Claimdesk journal ${error.file} is damaged at ${error.message}. It has been left as it is. ` +
          'Restore a backup: the intact edits of the journal are replayed on top of it.',
        error.file,
      );
    }
    throw error;
  }
  const pending = read.entries
    .filter((e) => e.seq > manifest.foldedSeq)
    .sort((a, b) => a.seq - b.seq);
  const background = (options.progressive ?? true) && pending.length === 0 && !lenient;
  const segments = await readAllSegments(dir, manifest, background);
  await mkdir(path.join(dir, TEXTS_DIR), { recursive: true });
  const journal = await Journal.open(journalDir, manifest.journalFrom);
  const backups = await BackupRotation.open(dir, options.backups);
  const store = new Store({
    dir,
    journal,
    manifest,
    report: { created: false, migratedFrom: null, recovered: null },
    fold: foldOptions(options, backups),
  });
  attach(store, options);

  const claims = segments.filter((s) => s.ref.collection === 'claims');
  for (const ref of manifest.segments) if (ref.collection === 'history') store.history.loaded(ref);
  for (const segment of segments) {
    if (EAGER.includes(segment.ref.collection)) absorbSegment(store, segment);
  }
  if (background) {
    loadClaimsInBackground(
      store,
      manifest.segments.filter((ref) => ref.collection === 'claims'),
      manifest.segments.filter((ref) => ref.collection === 'history'),
      (ref) => readSegment(dir, ref),
      options.loadAfter && Promise.race([options.loadAfter, store.claimsNeeded]),
    );
    return store;
  }
  for (const segment of claims) absorbSegment(store, segment);
  const recovered = replay(store, pending, lenient);
  if (lenient && manifest.restoredFrom) {
    store.report.recovered = {
      ...recovered,
      backup: manifest.restoredFrom.backup,
      movedAside: manifest.restoredFrom.movedAside,
      unreadable: read.unreadable.length,
      gap: (pending[0]?.seq ?? manifest.foldedSeq + 1) > manifest.foldedSeq + 1,
    };
  }
  if (pending.length > 0 || lenient) {
    // What was replayed goes into segments soon, so the next start has little to replay.
    store.folder.markUnwritten();
    void store.folder
      .fold()
      .catch((error: unknown) => foldOptions(options, backups).log(String(error)));
  }
  return store;
}

/** Replays the journal after the segments; after a restore, only what still applies. */
function replay(
  store: Store,
  pending: readonly JournalEntry[],
  lenient: boolean,
): Pick<RecoveredReport, 'replayed' | 'skipped'> {
  let replayed = 0;
  let skipped = 0;
  for (const entry of pending) {
    // Numbering goes on after every entry there is, skipped ones included: a new edit must
    // never share its number with an old line that a later replay would read beside it.
    store.journalSeq = Math.max(store.journalSeq, entry.seq);
    if (lenient && !entryApplies(store, entry)) {
      skipped += 1;
      continue;
    }
    for (const op of entry.ops) store.apply(op);
    store.told(entry.seq, entry.ops, entry.origin === 'team' ? 'team' : 'local', true);
    replayed += 1;
  }
  return { replayed, skipped };
}

/**
 * Every segment the manifest names, read and checked against its checksum, history parts
 * included (hashed, not parsed: they are read when a claim's history is asked for; unchecked,
 * a damaged one would open fine and then fail every fold that carried it). When the claims
 * load in the background (`later`), they and the history parts are only checked to exist
 * here, and read and checked by the background load (loadQueue.ts).
 */
async function readAllSegments(
  dir: string,
  manifest: Manifest,
  later: boolean,
): Promise<LoadedSegment[]> {
  const segmentsDir = path.join(dir, SEGMENTS_DIR);
  const keys = new Set<string>();
  const toRead: SegmentRef[] = [];
  const toCheck: string[] = [];
  for (const ref of manifest.segments) {
    if (keys.has(ref.key) || (ref.collection !== 'history' && !parseBucketKey(ref.key))) {
      throw new StoreError(
        'invalid',
        `The Claimdesk store ${path.join(dir, STORE_FILE)} names the bucket "${ref.key}" twice or in a form it does not know. It has been left as it is.`,
        path.join(dir, STORE_FILE),
      );
    }
    keys.add(ref.key);
    if (later && (ref.collection === 'history' || ref.collection === 'claims')) {
      toCheck.push(path.join(segmentsDir, segmentName(ref.hash)));
    } else {
      toRead.push(ref);
    }
  }
  // One directory listing answers for every segment only checked to exist.
  const present = new Set(await readdir(segmentsDir).catch(() => [] as string[]));
  for (const file of toCheck) {
    if (!present.has(path.basename(file)))
      throw damaged(new SegmentError(file, 'missing', `the segment ${file} is missing`));
  }
  // Read a few at a time: the disk and the thread pool work while checksums are computed.
  const loaded: LoadedSegment[] = [];
  for (let i = 0; i < toRead.length; i += PARALLEL_READS) {
    const batch = toRead.slice(i, i + PARALLEL_READS).map((r) => readSegment(dir, r));
    // History parts are checked, not kept: they are parsed when a history is asked for.
    for (const segment of await Promise.all(batch)) {
      if (segment.ref.collection !== 'history') loaded.push(segment);
    }
  }
  return loaded;
}

const PARALLEL_READS = 4;

/** One segment, read and checked against its checksum; a StoreError when missing or damaged. */
async function readSegment(dir: string, ref: SegmentRef): Promise<LoadedSegment> {
  const file = path.join(dir, SEGMENTS_DIR, segmentName(ref.hash));
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if (isNotFound(error))
      throw damaged(new SegmentError(file, 'missing', `the segment ${file} is missing`));
    throw error;
  }
  if (sha256(bytes) !== ref.hash) {
    throw damaged(
      new SegmentError(
        file,
        'damaged',
        `the segment ${file} is damaged (its content no longer matches its checksum)`,
      ),
    );
  }
  return { ref, bytes };
}

const damaged = (error: SegmentError): StoreError =>
  new StoreError(
    'corrupt',
    `The Claimdesk store cannot be read: ${error.message}. Nothing has been changed. ` +
      'Restore a backup (edits made since are replayed from the journal).',
    error.file,
  );

function absorbSegment(store: Store, segment: LoadedSegment): void {
  const records = recordsOf(segment);
  absorbRecords(store, segment.ref, records, 0, records.length);
}

const recordsOf = ({ bytes }: LoadedSegment): readonly { id: string }[] =>
  (JSON.parse(bytes.toString('utf8')) as SegmentData).records;

/** Records `from` to `to` of a bucket into memory; the bucket's members are named first. */
function absorbRecords(
  store: Store,
  ref: SegmentRef,
  records: readonly { id: string }[],
  from: number,
  to: number,
): void {
  const collection = ref.collection as BucketedCollection;
  if (from === 0) {
    store.layout.loaded(
      ref,
      records.map((r) => r.id),
    );
  }
  for (let i = from; i < to; i++) {
    store.absorb(collection, records[i] as RecordOf<BucketedCollection>);
  }
}

/**
 * The claims read and put in memory in the background (loadQueue.ts), then the history parts
 * checked against their checksums; `ready` waits for both.
 */
function loadClaimsInBackground(
  store: Store,
  refs: readonly SegmentRef[],
  history: readonly SegmentRef[],
  read: (ref: SegmentRef) => Promise<LoadedSegment>,
  after: Promise<unknown> | undefined,
): void {
  const total = refs.reduce((n, ref) => n + ref.count, 0);
  if (total === 0 && history.length === 0) return;
  store.loading = { loaded: 0, total };
  const load = loadInBackground(
    refs,
    read,
    (ref, records, from, to) => absorbRecords(store, ref, records, from, to),
    recordsOf,
    (n) => {
      if (store.loading) store.loading.loaded += n;
    },
    after,
  );
  store.loadQueue = load.queue;
  const checked = load.done.then(async () => {
    for (const ref of history) {
      await read(ref);
      await nextTurn();
    }
  });
  store.ready = checked.finally(() => {
    store.loading = null;
    store.loadQueue = null;
  });
  // Whoever waits on `ready` hears of a failure; an unhandled rejection must not end the process.
  store.ready.catch(() => undefined);
}

/**
 * Temp files a crash left mid-write (`.claimdesk.json.<pid>.<n>.tmp`, a segment's, a text's,
 * a backup's). They never hold anything acknowledged, and only the lock holder writes here.
 * The lock's own temp files are not ours to remove: another process starting at this very
 * moment writes one before it links it to the lock's name (lock.ts).
 */
async function removeStaleTempFiles(dir: string): Promise<void> {
  // A repair killed while it set the damaged store aside leaves its temp files there too.
  const setAside = (await readdir(dir).catch(() => [] as string[])).filter((name) =>
    name.startsWith('claimdesk.damaged-'),
  );
  const folders = [
    dir,
    TEXTS_DIR,
    SEGMENTS_DIR,
    BACKUPS_DIR,
    `${BACKUPS_DIR}/segments`,
    `${BACKUPS_DIR}/texts`,
    ...setAside.flatMap((name) => [name, `${name}/${SEGMENTS_DIR}`, `${name}/${JOURNAL_DIR}`]),
  ];
  for (const folder of folders) {
    const full = path.resolve(dir, folder);
    const names = await readdir(full).catch(() => [] as string[]);
    await Promise.all(
      names
        .filter(
          (name) =>
            name.startsWith('.') && name.endsWith('.tmp') && !name.startsWith(`.${LOCK_FILE}.`),
        )
        .map((name) => unlink(path.join(full, name)).catch(() => undefined)),
    );
  }
}
