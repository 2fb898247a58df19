// Builds everything the app runs: the renderer (Vite) and the Node bundles (esbuild): the
// Electron main process, the backend's utility process, the preload (one CommonJS file, as a
// sandboxed preload needs), the web host and the suggestion worker. A plugin fails the build
// when a file crosses the process boundary (DESIGN.md): shared/ may import neither Node nor
// electron, the backend never electron.
import { builtinModules } from 'node:module';
import { cp, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rel = (p) => path.relative(root, p).split(path.sep).join('/');
const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
const nodeBuiltins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Fails the build on an import that breaks the folder rules. */
const boundaryGuard = {
  name: 'claimdesk-boundaries',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (!args.importer) return undefined;
      const from = rel(args.importer);
      const spec = args.path;
      const isElectron = spec === 'electron' || spec.startsWith('electron/');
      const inShell = from.startsWith('electron/main/') || from.startsWith('electron/preload/');
      if (from.startsWith('shared/') && (isElectron || nodeBuiltins.has(spec.split('/')[0]))) {
        return {
          errors: [
            { text: `${from} imports "${spec}": shared/ must stay free of Node and electron` },
          ],
        };
      }
      if (from.startsWith('electron/') && !inShell && isElectron) {
        return {
          errors: [
            {
              text: `${from} imports "${spec}": only electron/main and electron/preload may import electron`,
            },
          ],
        };
      }
      return undefined;
    });
  },
};

const common = {
  bundle: true,
  sourcemap: true,
  logLevel: 'warning',
  plugins: [boundaryGuard],
  define: { CLAIMDESK_VERSION: JSON.stringify(version) },
};

/**
 * The backend as an ES module split into chunks: the importers and exporters it loads with
 * `import()` on first use (PDF, DOCX and HTML reading, PDF and DOCX writing, the PostgreSQL
 * driver: 6.5 MB of the 9.6 MB one-file bundle) become files of their own, so a start reads
 * and compiles only what opening a case needs (issue 9: host start → first list). The chunks
 * sit beside the entry, so `__dirname` (defined by the banner, as bundled CommonJS libraries
 * and our font and worker lookups expect) is the same folder in every one; stale chunks of
 * an earlier build are removed first.
 */
function backendBundle(outdir, entry, target) {
  return {
    ...common,
    outdir: path.join(root, outdir),
    entryNames: '[name]',
    chunkNames: `${entry}-[name]-[hash]`,
    outExtension: { '.js': '.mjs' },
    platform: 'node',
    format: 'esm',
    splitting: true,
    target,
    banner: {
      js: [
        "import { createRequire as __cdRequire } from 'node:module';",
        "import { fileURLToPath as __cdFile } from 'node:url';",
        "import { dirname as __cdDir } from 'node:path';",
        'const require = __cdRequire(import.meta.url);',
        'const __filename = __cdFile(import.meta.url);',
        'const __dirname = __cdDir(__filename);',
      ].join('\n'),
    },
  };
}

for (const dir of ['dist/electron', 'dist/web']) {
  const files = await readdir(path.join(root, dir)).catch(() => []);
  await Promise.all(
    files
      .filter((f) => /\.(c|m)js(\.map)?$/.test(f) && !/^(main|preload)\.cjs/.test(f))
      .map((f) => rm(path.join(root, dir, f))),
  );
}

await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });

await Promise.all([
  esbuild({
    ...common,
    entryPoints: [path.join(root, 'electron/main/index.ts')],
    outfile: path.join(root, 'dist/electron/main.cjs'),
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['electron'],
  }),
  // The backend, run by the desktop shell in a utility process (plain Node, no electron).
  esbuild({
    ...backendBundle('dist/electron', 'backend', 'node22'),
    entryPoints: { backend: path.join(root, 'electron/backend/utility/utilityMain.ts') },
  }),
  // The claim extractor's worker thread, found by the backend next to either bundle.
  esbuild({
    ...common,
    entryPoints: [path.join(root, 'electron/backend/suggestions/worker.ts')],
    outfile: path.join(root, 'dist/workers/suggest.cjs'),
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  }),
  esbuild({
    ...common,
    entryPoints: [path.join(root, 'electron/preload/index.ts')],
    outfile: path.join(root, 'dist/electron/preload.cjs'),
    platform: 'browser',
    format: 'cjs',
    target: 'chrome130',
    external: ['electron'],
  }),
  esbuild({
    ...backendBundle('dist/web', 'host', 'node20'),
    entryPoints: { host: path.join(root, 'electron/web/host.ts') },
  }),
]);

// The PDF fonts, read by the backend when it writes a PDF, under the names
// electron/backend/briefing/pdfFonts.ts looks for (issue 11): DejaVu Sans (Bitstream Vera
// licence, 2.7 MB) for Latin, Greek, Cyrillic, arrows and quotes; Noto Sans SC (SIL OFL
// 1.1, 10.5 MB) for Chinese and Japanese. Their licences go with them.
const fonts = [
  ['dejavu-fonts-ttf/ttf/DejaVuSans.ttf', 'DejaVuSans.ttf'],
  ['dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf', 'DejaVuSans-Bold.ttf'],
  ['dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf', 'DejaVuSans-Oblique.ttf'],
  ['dejavu-fonts-ttf/ttf/DejaVuSans-BoldOblique.ttf', 'DejaVuSans-BoldOblique.ttf'],
  ['dejavu-fonts-ttf/LICENSE', 'LICENSE-DejaVu.txt'],
  [
    '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
    'NotoSansSC-Regular.ttf',
  ],
  ['@expo-google-fonts/noto-sans-sc/LICENSE_FONT', 'LICENSE-NotoSansSC-OFL.txt'],
];
await mkdir(path.join(root, 'dist/fonts'), { recursive: true });
for (const [from, to] of fonts) {
  await cp(path.join(root, 'node_modules', from), path.join(root, 'dist/fonts', to));
}
await mkdir(path.join(root, 'dist/data'), { recursive: true });
await cp(path.join(root, 'data/sample-case.json'), path.join(root, 'dist/data/sample-case.json'));
console.log(`Built Claimdesk ${version} into dist/`);
