/** Serves the built renderer. Paths are resolved inside the root and nowhere else. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isNotFound } from '../backend/store/durableFile';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

export interface StaticFile {
  body: Buffer;
  type: string;
}

/** `pathname` is already percent-decoded. */
export async function readStatic(root: string, pathname: string): Promise<StaticFile | null> {
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const file = path.resolve(root, relative);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  try {
    const body = await readFile(file);
    return { body, type: TYPES[path.extname(file)] ?? 'application/octet-stream' };
  } catch (error) {
    if (
      isNotFound(error) ||
      (error instanceof Error && 'code' in error && error.code === 'EISDIR')
    ) {
      return null;
    }
    throw error;
  }
}
