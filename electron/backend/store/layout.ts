/**
 * Which bucket each record lives in (issue 9: "the snapshot split so that a fold rewrites
 * only changed parts"). A bucket is a bounded run of records of one collection and one case
 * (claims: up to 2,000), kept in one segment file. An edit marks its bucket dirty; a fold
 * writes only the dirty buckets.
 *
 * New records go to the last bucket of their case, so a case's claims stay in capture order
 * across buckets; an edited record stays where it is. A record deleted in this session keeps
 * its bucket in memory, so undoing the delete puts it back in place.
 */
import type { SegmentRef } from './manifest';
import type { CollectionName } from './ops';

/** The records the history log keeps elsewhere (historyLog.ts) have no bucket here. */
export type BucketedCollection = Exclude<CollectionName, 'history'>;

/** How many records one bucket holds before the next one starts. */
const CAPACITY: Record<BucketedCollection, number> = {
  cases: 5000,
  entities: 2000,
  documents: 1000,
  claims: 2000,
  links: 4000,
  judgments: 1000,
  // Each holds its note as last rendered: larger records.
  briefings: 50,
};

/** Collections split by case: their records carry a `caseId`. */
const BY_CASE = new Set<BucketedCollection>([
  'documents',
  'claims',
  'links',
  'judgments',
  'briefings',
]);

export class Bucket {
  readonly ids = new Set<string>();
  /** The segment holding this bucket as of the last fold; null until first written. */
  hash: string | null = null;
  dirty = false;

  constructor(
    readonly collection: BucketedCollection,
    /** The case, or '-' for collections shared by all cases. */
    readonly group: string,
    readonly n: number,
  ) {}

  get key(): string {
    // Case ids are opaque strings: encoded so that a "/" in one cannot break the key.
    return `${this.collection}/${encodeURIComponent(this.group)}/${this.n}`;
  }
}

/** `claims/<caseId>/3` → its parts; null for a key this layout does not make. */
export function parseBucketKey(
  key: string,
): { collection: BucketedCollection; group: string; n: number } | null {
  const match = /^([a-z]+)\/([^/]+)\/(\d+)$/.exec(key);
  const collection = match?.[1] as BucketedCollection | undefined;
  if (!match || !collection || !(collection in CAPACITY)) return null;
  try {
    return { collection, group: decodeURIComponent(match[2] ?? '-'), n: Number(match[3]) };
  } catch {
    return null;
  }
}

const groupOf = (collection: BucketedCollection, record: object): string =>
  BY_CASE.has(collection) && 'caseId' in record && typeof record.caseId === 'string'
    ? record.caseId
    : '-';

export class Layout {
  private readonly homes = new Map<BucketedCollection, Map<string, Bucket>>();
  /** Each collection's buckets per group, in order. */
  private readonly groups = new Map<string, Bucket[]>();
  private readonly retired = new Map<string, Bucket>();

  private homeMap(collection: BucketedCollection): Map<string, Bucket> {
    let map = this.homes.get(collection);
    if (!map) {
      map = new Map();
      this.homes.set(collection, map);
    }
    return map;
  }

  private bucketsOf(collection: BucketedCollection, group: string): Bucket[] {
    const id = `${collection}/${group}`;
    let list = this.groups.get(id);
    if (!list) {
      list = [];
      this.groups.set(id, list);
    }
    return list;
  }

  /** A segment read from disk: its bucket, clean, holding these ids. */
  loaded(ref: SegmentRef, ids: readonly string[]): void {
    const parsed = parseBucketKey(ref.key);
    if (!parsed || parsed.collection !== ref.collection) {
      throw new Error(`the segment ${ref.hash} has an unknown bucket key "${ref.key}"`);
    }
    const bucket = new Bucket(parsed.collection, parsed.group, parsed.n);
    bucket.hash = ref.hash;
    const list = this.bucketsOf(parsed.collection, parsed.group);
    list.push(bucket);
    list.sort((a, b) => a.n - b.n);
    const homes = this.homeMap(parsed.collection);
    for (const id of ids) {
      bucket.ids.add(id);
      homes.set(id, bucket);
    }
  }

  /** Where a record put now goes: its bucket if it has one, else the last of its case. */
  place(collection: BucketedCollection, record: { id: string }): Bucket {
    const homes = this.homeMap(collection);
    let bucket = homes.get(record.id) ?? this.retired.get(`${collection}/${record.id}`);
    if (!bucket) {
      const list = this.bucketsOf(collection, groupOf(collection, record));
      const last = list.at(-1);
      if (last && last.ids.size < CAPACITY[collection]) {
        bucket = last;
      } else {
        bucket = new Bucket(collection, groupOf(collection, record), (last?.n ?? -1) + 1);
        list.push(bucket);
      }
    }
    this.retired.delete(`${collection}/${record.id}`);
    bucket.ids.add(record.id);
    bucket.dirty = true;
    homes.set(record.id, bucket);
    return bucket;
  }

  remove(collection: BucketedCollection, id: string): void {
    const homes = this.homeMap(collection);
    const bucket = homes.get(id);
    if (!bucket) return;
    homes.delete(id);
    bucket.ids.delete(id);
    bucket.dirty = true;
    this.retired.set(`${collection}/${id}`, bucket);
  }

  bucketOf(collection: BucketedCollection, id: string): Bucket | undefined {
    return this.homes.get(collection)?.get(id);
  }

  /** The buckets of one collection and case, in order (claims of a case: capture order). */
  bucketsFor(collection: BucketedCollection, group: string): readonly Bucket[] {
    return this.groups.get(`${collection}/${group}`) ?? [];
  }

  all(): Bucket[] {
    return [...this.groups.values()].flat();
  }

  /** Marks every bucket dirty: the next fold writes them all (a conversion, a restore). */
  markAllDirty(): void {
    for (const bucket of this.all()) bucket.dirty = true;
  }
}
