/**
 * `npm run bench` (issue 9): realistic stores of 1k, 10k and 100k claims (bench/generate.ts),
 * each measured in a process of its own (bench/measure.ts), and one table: every row beside
 * its target at 100k, with the baselines measured in the same run (a plain lowdb `write()` of
 * the same claims, a bare append + fdatasync). Figures are printed, never asserted.
 *
 * Usage: npm run bench [-- --sizes 1000,10000,100000] [--edits 200]
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';

const argOf = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const SIZES = argOf('sizes', '1000,10000,100000').split(',').map(Number);
const EDITS = Number(argOf('edits', '200'));

interface Stats {
  p50: number;
  p95: number;
  max: number;
}

interface Figures {
  size: number;
  host: number | null;
  hostRss: number | null;
  firstList: number;
  loaded: number;
  rss: number;
  edit: Stats;
  fold: { stall: number; foldMs: number; edits: number };
  keys: { keystroke: Stats; firstKeys: Stats };
  exports: Record<string, { ms: number; bytes: number }>;
  importMs: number;
  reanchor: {
    claims: number;
    survived: number;
    coldImportMs: number;
    textKb: number;
    importMs: number;
    algorithmMs: number;
    placedRight: number;
    placedWrong: number;
    onDeleted: number;
    orphaned: number;
  };
  lowdb: Stats;
  append: Stats;
}

function measure(size: number): Promise<Figures> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--expose-gc',
        '--import',
        'tsx',
        path.resolve('bench/measure.ts'),
        '--size',
        String(size),
        '--edits',
        String(EDITS),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0) return reject(new Error(`bench for ${size} claims failed (${code})`));
      resolve(JSON.parse(line) as Figures);
    });
  });
}

const ms = (n: number) =>
  n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(n < 10 ? 2 : 0)} ms`;
const pair = (s: Stats) => `${ms(s.p50)} / ${ms(s.p95)}`;
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;

async function main(): Promise<void> {
  console.log(
    `Claimdesk store bench: node ${process.version}, ${os.cpus().length} cores, ${os.platform()}, ${Math.round(os.totalmem() / 1024 ** 3)} GiB`,
  );
  const results: Figures[] = [];
  for (const size of SIZES) {
    process.stderr.write(`measuring ${size.toLocaleString('en')} claims…\n`);
    results.push(await measure(size));
  }
  const rows: [string, (f: Figures) => string, string][] = [
    ['edit through the contract, p50 / p95', (f) => pair(f.edit), '≤ 1 ms p50'],
    ['  baseline: lowdb write() of the same claims', (f) => pair(f.lowdb), '(not durable)'],
    ['  baseline: append + fdatasync of one line', (f) => pair(f.append), '(floor)'],
    [
      'worst edit wait during a fold',
      (f) => `${ms(f.fold.stall)} (fold ${ms(f.fold.foldMs)}, ${f.fold.edits} edits)`,
      '≤ 50 ms',
    ],
    [
      'web host start → first claim list',
      (f) => (f.host === null ? 'no build' : ms(f.host)),
      '≤ 1 s',
    ],
    ['open → first claim list (in process)', (f) => ms(f.firstList), ''],
    ['open → every claim loaded', (f) => ms(f.loaded), ''],
    [
      'backend RSS after open, every score shown: web host',
      (f) => (f.hostRss === null ? 'not measured' : mb(f.hostRss)),
      '≤ 400 MiB',
    ],
    ['  the same in the bench process (with tsx, generator)', (f) => mb(f.rss), ''],
    [
      'search per keystroke, p50 / p95',
      (f) => pair(f.keys.keystroke),
      '≤ 16 ms / 33 ms (to the frame)',
    ],
    ['  first one or two letters, p50 / p95', (f) => pair(f.keys.firstKeys), ''],
    [
      'export JSON',
      (f) => `${ms(f.exports.json?.ms ?? 0)} (${mb(f.exports.json?.bytes ?? 0)})`,
      '≤ 3 s',
    ],
    ['export CSV', (f) => ms(f.exports.csv?.ms ?? 0), '≤ 2 s'],
    ['export W3C Web Annotation', (f) => ms(f.exports.w3c?.ms ?? 0), '≤ 5 s'],
    ['export STIX 2.1', (f) => ms(f.exports.stix?.ms ?? 0), '≤ 5 s'],
    ['import the exported case', (f) => ms(f.importMs), 'any size'],
    [
      're-anchor 1,000 claims on a new 100 KB version',
      (f) =>
        `${ms(f.reanchor.importMs)} (matching ${ms(f.reanchor.algorithmMs)}; first ${ms(f.reanchor.coldImportMs)})`,
      '≤ 100 ms',
    ],
    [
      '  placed right / wrong / on a deleted passage',
      (f) =>
        `${((100 * f.reanchor.placedRight) / Math.max(1, f.reanchor.survived)).toFixed(1)}% of ${f.reanchor.survived}: ${f.reanchor.placedRight} / ${f.reanchor.placedWrong} / ${f.reanchor.onDeleted} (${f.reanchor.orphaned} left for review)`,
      '≥ 99.5%, none deleted',
    ],
  ];
  const header = [
    '',
    ...results.map((f) => `${f.size.toLocaleString('en')} claims`),
    'target at 100k',
  ];
  const table = [
    header,
    ...rows.map(([label, cell, target]) => [label, ...results.map(cell), target]),
  ];
  const widths = header.map((_, c) => Math.max(...table.map((r) => (r[c] ?? '').length)));
  console.log('');
  for (const row of table)
    console.log(row.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' │ '));
  console.log(
    '\nEdits are claims:update calls through the contract, each awaited until its journal line is on disk.' +
      "\nThe lowdb baseline rewrites the whole file per edit and never fsyncs; the append baseline is one fdatasync'd line.",
  );
}

await main();
