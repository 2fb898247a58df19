/**
 * The app ships its backend as one esbuild CommonJS bundle (scripts/build.mjs). pdf.js, mammoth,
 * linkedom and Readability are ESM or CJS with dynamic imports; this proves they still work
 * once bundled, by extracting one file of each format with the bundle in a plain `node`.
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../testing/tempDir';
import { makeDocx, makePdf, utf8 } from './testFixtures';

const run = promisify(execFile);
const dirs = tempDirs('claimdesk-import-bundle-');
afterAll(() => dirs.cleanup());

const DRIVER = `
const { readFileSync } = require('node:fs');
const { extractDocument, ImportError } = require(process.argv[1]);
(async () => {
  const results = {};
  for (const file of process.argv.slice(2)) {
    try {
      const doc = await extractDocument({ fileName: file, bytes: new Uint8Array(readFileSync(file)) });
      results[require('node:path').basename(file)] = { text: doc.text, title: doc.meta.title };
    } catch (error) {
      results[require('node:path').basename(file)] = { error: String(error), isImportError: error instanceof ImportError };
    }
  }
  process.stdout.write(JSON.stringify(results));
})();
`;

describe('the import module bundled as CommonJS', () => {
  it('extracts PDF, DOCX, HTML and Markdown from the bundle', async () => {
    const dir = await dirs.make();
    const bundle = path.join(dir, 'extract.cjs');
    await build({
      entryPoints: [path.join(path.dirname(fileURLToPath(import.meta.url)), 'extract.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node22',
      outfile: bundle,
      logLevel: 'silent',
    });
    const files = {
      'a.pdf': await makePdf({ title: 'PDF title', pages: [[['PDF body text.']]] }),
      'b.docx': await makeDocx({ title: 'DOCX title', paragraphs: ['DOCX body text.'] }),
      'c.html': utf8('<title>HTML title</title><article><p>HTML body text.</p></article>'),
      'd.md': utf8('# MD title\n\nMD body text.'),
      'e.pdf': utf8('%PDF-1.7\nbroken'),
    };
    const paths = await Promise.all(
      Object.entries(files).map(async ([name, bytes]) => {
        const file = path.join(dir, name);
        await writeFile(file, bytes);
        return file;
      }),
    );
    const { stdout } = await run(process.execPath, ['-e', DRIVER, bundle, ...paths], { cwd: dir });
    const results: unknown = JSON.parse(stdout);
    expect(results).toEqual({
      'a.pdf': { text: 'PDF body text.', title: 'PDF title' },
      'b.docx': { text: 'DOCX body text.', title: 'DOCX title' },
      'c.html': { text: 'HTML body text.', title: 'HTML title' },
      'd.md': { text: '# MD title\n\nMD body text.', title: 'MD title' },
      'e.pdf': {
        error: expect.stringMatching(/^Error|ImportError/) as unknown,
        isImportError: true,
      },
    });
  }, 60_000);
});
