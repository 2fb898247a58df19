/**
 * The store as it sits on disk after the web host stopped, read the way an auditor would:
 * the manifest (claimdesk.json), then every segment it names (segments/<sha256>.json),
 * each checked against its checksum. For specs that look at the files themselves.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export interface StoreOnDisk {
  schemaVersion: number;
  /** Every collection's records, from the segments the manifest names. */
  records: Record<string, Record<string, unknown>[]>;
  /** The manifest and the segments, as text, to look for what must not be there. */
  raw: string;
}

export async function readStoreOnDisk(dataDir: string): Promise<StoreOnDisk> {
  const manifestText = await readFile(path.join(dataDir, 'claimdesk.json'), 'utf8');
  const manifest = JSON.parse(manifestText) as {
    schemaVersion: number;
    segments: { collection: string; hash: string }[];
  };
  const records: StoreOnDisk['records'] = {};
  let raw = manifestText;
  for (const ref of manifest.segments) {
    const bytes = await readFile(path.join(dataDir, 'segments', `${ref.hash}.json`));
    if (createHash('sha256').update(bytes).digest('hex') !== ref.hash) {
      throw new Error(`segment ${ref.hash} does not match its checksum`);
    }
    const text = bytes.toString('utf8');
    raw += text;
    const segment = JSON.parse(text) as { records: Record<string, unknown>[] };
    (records[ref.collection] ??= []).push(...segment.records);
  }
  return { schemaVersion: manifest.schemaVersion, records, raw };
}
