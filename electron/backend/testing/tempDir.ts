/** Test helpers: a fresh temp dir per test, and reading files back from disk. */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Creates a fresh temp dir; `cleanup` removes every dir made so far. */
export function tempDirs(prefix = 'claimdesk-test-'): {
  make: () => Promise<string>;
  cleanup: () => Promise<void>;
} {
  const made: string[] = [];
  return {
    make: async () => {
      const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
      made.push(dir);
      return dir;
    },
    cleanup: async () => {
      await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
    },
  };
}

/** The bytes of a file, or null when it does not exist. */
export async function readOrNull(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
    throw error;
  }
}

/** Every file under `dir` (relative path -> bytes), for before/after comparisons. */
export async function readTree(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out.set(path.relative(dir, full), await readFile(full));
  }
  return out;
}

/** Every line of every journal generation in a data dir, oldest first. */
export async function journalLines(dataDir: string): Promise<string[]> {
  const dir = path.join(dataDir, 'journal');
  const names = (await readdir(dir).catch(() => [] as string[]))
    .filter((n) => n.endsWith('.jsonl'))
    .sort();
  const lines: string[] = [];
  for (const name of names) {
    lines.push(
      ...(await readFile(path.join(dir, name), 'utf8')).split('\n').filter((l) => l !== ''),
    );
  }
  return lines;
}
