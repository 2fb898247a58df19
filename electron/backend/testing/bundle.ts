/** Test helper: bundles a small TypeScript entry (given as source) into one runnable .cjs. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** Imports in `source` resolve relative to this folder (electron/backend/testing). */
export async function bundleScript(source: string, outDir: string, name: string): Promise<string> {
  const outfile = path.join(outDir, `${name}.cjs`);
  await build({
    stdin: {
      contents: source,
      resolveDir: path.dirname(fileURLToPath(import.meta.url)),
      loader: 'ts',
      sourcefile: `${name}.ts`,
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}
