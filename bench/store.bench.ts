/**
 * `npm run bench`: what one edit costs until it is durably on disk, at 1k and 10k claims
 * (add `-- --sizes 1000,10000,100000` for more), beside a plain lowdb `write()` of the same
 * data in the same run (DESIGN.md, "Store"). Figures are printed, never asserted.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { openBackend } from '../electron/backend/backend';
import { emptySnapshot, SnapshotSchema, type Snapshot } from '../electron/backend/store/schema';
import { hashText } from '../electron/backend/store/textStore';

const sizesArg = process.argv.indexOf('--sizes');
const SIZES = (sizesArg > 0 ? (process.argv[sizesArg + 1] ?? '') : '1000,10000')
  .split(',')
  .map(Number);
const editsArg = process.argv.indexOf('--edits');
const EDITS = Number(editsArg > 0 ? process.argv[editsArg + 1] : (process.env.BENCH_EDITS ?? 200));

const TEXT = 'Russia will help Venezuela within the strategic partnership agreement. '.repeat(40);

function makeSnapshot(claims: number): Snapshot {
  const time = new Date('2025-11-01T12:00:00Z').toISOString();
  // Parsed, so that every field the schema defaults is filled as the store would fill it.
  // Every collection starts empty (whatever the schema holds now); the case fills three.
  return SnapshotSchema.parse({
    ...emptySnapshot(),
    cases: [{ id: 'case-1', title: 'Bench case', question: '', createdAt: time, updatedAt: time }],
    documents: [
      {
        id: 'doc-1',
        caseId: 'case-1',
        title: 'Bench document',
        outlet: 'Bench outlet',
        url: '',
        publishedAt: '2025-11-01',
        format: 'paste',
        contentHash: hashText(TEXT),
        textLength: TEXT.length,
        createdAt: time,
      },
    ],
    claims: Array.from({ length: claims }, (_, i) => ({
      id: `claim-${i}`,
      caseId: 'case-1',
      documentId: 'doc-1',
      text: `Claim number ${i}: Russia will help Venezuela, as far as it can, says the deputy.`,
      anchor: {
        exact: 'Russia will help Venezuela within the strategic partnership agreement',
        prefix: 'partnership agreement. ',
        suffix: '. Russia will help Vene',
        start: 72,
        end: 142,
      },
      createdAt: time,
      updatedAt: time,
    })),
  });
}

interface Stats {
  p50: number;
  p95: number;
  mean: number;
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), mean: samples.reduce((a, b) => a + b, 0) / samples.length };
}

async function timeEach(count: number, edit: (i: number) => Promise<void>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await edit(i);
    samples.push(performance.now() - started);
  }
  return samples;
}

async function benchClaimdesk(snapshot: Snapshot): Promise<{ edit: Stats; compact: number }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'claimdesk-bench-'));
  try {
    await writeFile(path.join(dir, 'claimdesk.json'), JSON.stringify(snapshot));
    const backend = await openBackend({ dataDir: dir, host: 'web', version: 'bench' });
    const count = snapshot.claims.length;
    const samples = await timeEach(EDITS, async (i) => {
      const result = await backend.dispatch('claims:update', {
        claimId: `claim-${(i * 7919) % count}`,
        text: `Edited ${i}: Russia will help Venezuela as far as it can.`,
      });
      if (!result.ok) throw new Error(result.error.message);
    });
    const started = performance.now();
    await backend.close(); // folds the journal into the snapshot: the periodic cost
    return { edit: stats(samples), compact: performance.now() - started };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function benchLowdb(snapshot: Snapshot): Promise<Stats> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lowdb-bench-'));
  try {
    const db = new Low<Snapshot>(
      new JSONFile(path.join(dir, 'db.json')),
      structuredClone(snapshot),
    );
    await db.write();
    const count = snapshot.claims.length;
    const samples = await timeEach(EDITS, async (i) => {
      const claim = db.data.claims[(i * 7919) % count];
      if (claim) claim.text = `Edited ${i}: Russia will help Venezuela as far as it can.`;
      await db.write();
    });
    return stats(samples);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const fmt = (s: Stats) => `${s.p50.toFixed(2)} / ${s.p95.toFixed(2)} / ${s.mean.toFixed(2)}`;

async function main(): Promise<void> {
  console.log(
    `Edit-to-durable latency in ms (p50 / p95 / mean) over ${EDITS} sequential claim edits`,
  );
  console.log(`node ${process.version}, ${os.cpus().length} cores, ${os.platform()}\n`);
  const rows: string[][] = [
    [
      'claims',
      'Claimdesk claims:update (journal + fdatasync)',
      'lowdb write() (no fsync)',
      'p50 ratio',
      'journal fold on close',
      'heap MB',
    ],
  ];
  for (const size of SIZES) {
    const snapshot = makeSnapshot(size);
    const ours = await benchClaimdesk(snapshot);
    const baseline = await benchLowdb(snapshot);
    const heap = process.memoryUsage().heapUsed / 1024 / 1024;
    rows.push([
      String(size),
      fmt(ours.edit),
      fmt(baseline),
      `${(baseline.p50 / ours.edit.p50).toFixed(1)}x faster`,
      `${ours.compact.toFixed(1)} ms`,
      heap.toFixed(0),
    ]);
  }
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  '));
  console.log(
    '\nThe lowdb baseline re-serialises the whole file per edit and never fsyncs (not durable).',
  );
}

await main();
