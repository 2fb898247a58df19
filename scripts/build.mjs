// Builds everything the app runs: the renderer (Vite) and the Node bundles (esbuild): the
// Electron main process, the backend's utility process, the preload (one CommonJS file, as a
// sandboxed preload needs), the web host and the suggestion worker. A plugin fails the build
// when a file crosses the process boundary (DESIGN.md): shared/ may import neither Node nor
// electron, the backend never electron.
import { builtinModules } from 'node:module';
import { cp, mkdir, readFile } from 'node:fs/promises';
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
    ...common,
    entryPoints: [path.join(root, 'electron/backend/utility/utilityMain.ts')],
    outfile: path.join(root, 'dist/electron/backend.cjs'),
    platform: 'node',
    format: 'cjs',
    target: 'node22',
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
    ...common,
    entryPoints: [path.join(root, 'electron/web/host.ts')],
    outfile: path.join(root, 'dist/web/host.cjs'),
    platform: 'node',
    format: 'cjs',
    target: 'node20',
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
