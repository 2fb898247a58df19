/**
 * Document texts live outside the hot JSON, one file per text named by its sha256, so that
 * saving a claim never rewrites every article (DESIGN.md, "Store"). Texts are immutable:
 * the same text is stored once, however often it is imported.
 */
import { createHash } from 'node:crypto';
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isNotFound, writeFileDurable } from './durableFile';

export const hashText = (text: string): string =>
  createHash('sha256').update(text, 'utf8').digest('hex');

export class TextStore {
  constructor(readonly dir: string) {}

  private fileFor(hash: string): string {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`not a content hash: ${hash}`);
    return path.join(this.dir, `${hash}.txt`);
  }

  /** Stores `text` durably and returns its hash. */
  async put(text: string): Promise<string> {
    const hash = hashText(text);
    const file = this.fileFor(hash);
    try {
      await access(file);
      return hash;
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    await writeFileDurable(file, text);
    return hash;
  }

  async get(hash: string): Promise<string> {
    return readFile(this.fileFor(hash), 'utf8');
  }
}
