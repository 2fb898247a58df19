/**
 * One segment of the snapshot: a bucket of records of one collection (say, up to 2,000
 * claims of one case), as a JSON file named by the sha256 of its bytes, under segments/.
 *
 * Segments never change once written: a fold writes a new file for each bucket that changed
 * and a new manifest naming them, so a fold rewrites only what changed (issue 9), a crash
 * leaves the old manifest and its files intact, and a backup is a manifest plus copies of
 * the files it names (backups.ts). The name doubles as a checksum: a file whose bytes do not
 * hash to its name is damaged, and the store says so instead of loading it.
 *
 * lowdb stays the adapter pattern the store reads and writes through (DESIGN.md).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Adapter } from 'lowdb';
import { fileExists, isNotFound, writeFileDurable } from './durableFile';
import { isRecord, type CollectionName } from './ops';

export const SEGMENTS_DIR = 'segments';

export interface SegmentData {
  collection: CollectionName;
  /** The bucket this segment holds, e.g. `claims/<caseId>/3` (layout.ts). */
  key: string;
  records: { id: string }[];
}

export const isSegmentName = (name: string): boolean => /^[0-9a-f]{64}\.json$/.test(name);
export const segmentName = (hash: string): string => `${hash}.json`;

export const sha256 = (bytes: string | Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex');

/** Why a segment could not be read: missing, not what its name promises, or not a segment. */
export class SegmentError extends Error {
  constructor(
    readonly file: string,
    readonly reason: 'missing' | 'damaged',
    message: string,
  ) {
    super(message);
    this.name = 'SegmentError';
  }
}

/**
 * A lowdb adapter over one content-addressed segment. Reading checks the bytes against the
 * hash in the name; writing names the file by the hash of what it writes (`written`), and
 * skips the write when that very file is already there.
 */
export class SegmentFile implements Adapter<SegmentData> {
  /** The hash of the last segment written or read through this adapter. */
  hash: string;

  constructor(
    readonly dir: string,
    hash = '',
  ) {
    this.hash = hash;
  }

  get file(): string {
    return path.join(this.dir, segmentName(this.hash));
  }

  async read(): Promise<SegmentData> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.file);
    } catch (error) {
      if (isNotFound(error)) {
        throw new SegmentError(this.file, 'missing', `the segment ${this.file} is missing`);
      }
      throw error;
    }
    if (sha256(bytes) !== this.hash) {
      throw new SegmentError(
        this.file,
        'damaged',
        `the segment ${this.file} is damaged (its content no longer matches its checksum)`,
      );
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(bytes.toString('utf8'));
    } catch (error) {
      throw new SegmentError(
        this.file,
        'damaged',
        `the segment ${this.file} is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    if (!isSegmentData(parsed)) {
      throw new SegmentError(this.file, 'damaged', `${this.file} does not hold a store segment`);
    }
    return parsed;
  }

  async write(data: SegmentData): Promise<void> {
    const text = await stringifySegment(data);
    this.hash = sha256(text);
    if (await fileExists(this.file)) return;
    await writeFileDurable(this.file, text);
  }
}

/** Records serialised between two turns of the event loop (a few milliseconds' work). */
const RECORDS_PER_TURN = 250;

/**
 * The segment as JSON.stringify would write it, made a slice of records at a time with a turn
 * of the event loop between slices: a fold writing a bucket of 2,000 claims never holds up an
 * edit for the whole bucket (issue 9: "no edit waits more than 50 ms").
 */
export async function stringifySegment(data: SegmentData): Promise<string> {
  const parts = [
    `{"collection":${JSON.stringify(data.collection)},"key":${JSON.stringify(data.key)},"records":[`,
  ];
  for (let from = 0; from < data.records.length; from += RECORDS_PER_TURN) {
    const slice = data.records.slice(from, from + RECORDS_PER_TURN);
    parts.push((from > 0 ? ',' : '') + slice.map((r) => JSON.stringify(r)).join(','));
    if (from + RECORDS_PER_TURN < data.records.length) await nextTurn();
  }
  parts.push(']}');
  return parts.join('');
}

function isSegmentData(value: unknown): value is SegmentData {
  return (
    isRecord(value) &&
    typeof value.collection === 'string' &&
    typeof value.key === 'string' &&
    Array.isArray(value.records) &&
    value.records.every((r) => isRecord(r) && typeof r.id === 'string')
  );
}
