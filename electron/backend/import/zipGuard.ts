/**
 * Zip-bomb defences for DOCX, in three steps, each before anything is inflated for real:
 * 1. the entry count from the end-of-central-directory record, before JSZip builds an object
 *    per entry; 2. the sizes the central directory declares (JSZip has read them, and keeps
 *    them on each file's `_data`); 3. an inflate of every entry capped at its declared size,
 *    because a forged directory can under-declare and JSZip would trust it.
 */
import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';
import type JSZip from 'jszip';
import { ImportError } from './types';

const MB = 1024 * 1024;
export const MAX_ZIP_TOTAL_BYTES = 200 * MB;
export const MAX_ZIP_ENTRY_BYTES = 100 * MB;
export const MAX_ZIP_RATIO = 200;
/** Small parts compress well by nature (a 2 KB run of empty table cells); judge ratios above this. */
const RATIO_GRACE_BYTES = 1 * MB;
/** A Word document has a few dozen parts; a hundred thousand tiny ones is an attack on memory. */
export const MAX_ZIP_ENTRIES = 10_000;

const inflateRawAsync = promisify(inflateRaw);

export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  deflated: boolean;
  compressed: Uint8Array;
}

function bomb(fileName: string, detail: string): ImportError {
  return new ImportError(
    fileName,
    `This document would unpack to ${detail}, which looks like a zip bomb rather than a Word ` +
      'document, so Claimdesk did not open it. If it is genuine, open it in Word and save a new copy.',
  );
}

/** Entry count from the end-of-central-directory record (the last 22 to 65,557 bytes). */
export function checkEntryCount(fileName: string, bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) !== 0x06054b50) continue;
    const entries = view.getUint16(at + 10, true);
    if (entries > MAX_ZIP_ENTRIES) {
      throw bomb(fileName, `${entries} parts (a Word document has a few dozen)`);
    }
    return;
  }
  // No record: JSZip will say the archive is unreadable, in the caller's words.
}

function numberField(data: object, key: string): number | null {
  const value: unknown = Reflect.get(data, key);
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null;
}

/** JSZip's private `_data` (a CompressedObject), checked: if its shape changes we fail closed. */
function entryOf(file: JSZip.JSZipObject): ZipEntry {
  const data: unknown = Reflect.get(file, '_data');
  if (typeof data === 'object' && data !== null) {
    const compressedSize = numberField(data, 'compressedSize');
    const uncompressedSize = numberField(data, 'uncompressedSize');
    const compression: unknown = Reflect.get(data, 'compression');
    const magic: unknown =
      typeof compression === 'object' && compression !== null
        ? Reflect.get(compression, 'magic')
        : null;
    const compressed: unknown = Reflect.get(data, 'compressedContent');
    if (compressedSize !== null && uncompressedSize !== null && compressed instanceof Uint8Array) {
      return {
        name: file.name,
        compressedSize,
        uncompressedSize,
        deflated: magic === '\x08\x00',
        compressed,
      };
    }
  }
  throw new Error(`cannot read the zip directory entry for ${file.name}`);
}

/** The declared sizes, refused past the limits; returns the entries for `verifyInflatedSizes`. */
export function checkDeclaredSizes(fileName: string, zip: JSZip): ZipEntry[] {
  const entries = Object.values(zip.files)
    .filter((file) => !file.dir)
    .map(entryOf);
  let total = 0;
  for (const { uncompressedSize: size } of entries) {
    if (size > MAX_ZIP_ENTRY_BYTES) {
      throw bomb(fileName, `${Math.round(size / MB)} MB in one part (the limit is 100 MB)`);
    }
    total += size;
  }
  if (total > MAX_ZIP_TOTAL_BYTES) {
    throw bomb(fileName, `${Math.round(total / MB)} MB in all (the limit is 200 MB)`);
  }
  for (const { uncompressedSize: size, compressedSize } of entries) {
    const ratio = Math.round(size / Math.max(1, compressedSize));
    if (size > RATIO_GRACE_BYTES && ratio > MAX_ZIP_RATIO) {
      throw bomb(
        fileName,
        `${ratio.toLocaleString('en-US')} times its compressed size in one part (the limit is ${MAX_ZIP_RATIO})`,
      );
    }
  }
  return entries;
}

/**
 * Inflates each entry with zlib's output capped at its declared size, discarding the result.
 * An entry that would grow past what the directory promised is refused before JSZip (which
 * inflates without a cap) ever sees it.
 */
export async function verifyInflatedSizes(
  fileName: string,
  entries: readonly ZipEntry[],
): Promise<void> {
  for (const entry of entries) {
    if (!entry.deflated) continue; // Stored: its size is its compressed size, already checked.
    try {
      await inflateRawAsync(entry.compressed, {
        maxOutputLength: Math.max(1, entry.uncompressedSize),
      });
    } catch (error) {
      if (error instanceof RangeError) {
        throw bomb(fileName, `more than its directory declares for ${entry.name}`);
      }
      // Corrupt data is JSZip's and mammoth's to report, with the rest of the document.
    }
  }
}
