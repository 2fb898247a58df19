/**
 * One size of `npm run bench`, in a process of its own (so its memory is its own): generates
 * a store, opens it as the app does, and measures each row of the table. Prints one JSON
 * line with the figures; bench/store.bench.ts prints the table.
 *
 * Usage: tsx bench/measure.ts --size N [--edits N]
 */
import { spawn } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { openBackend, type Backend } from '../electron/backend/backend';
import { generateStore, type Generated } from './generate';
import { reanchorBench } from './reanchorBench';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SIZE = arg('size', 1000);
const EDITS = arg('edits', 200);

export interface Stats {
  p50: number;
  p95: number;
  max: number;
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? 0 };
}

async function call<T>(b: Backend, channel: string, input: unknown): Promise<T> {
  const result = await b.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

/** Edits one claim after another, through the contract, each awaited until durable. */
async function edits(b: Backend, g: Generated, count: number, from = 0): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const claimId = g.claimIds[(from + i * 7919) % g.claimIds.length] ?? '';
    const started = performance.now();
    await call(b, 'claims:update', { claimId, notes: `Bench edit ${from + i}` });
    samples.push(performance.now() - started);
  }
  return samples;
}

/** The longest an edit waited while a fold of many changed buckets ran. */
async function foldStall(
  b: Backend,
  g: Generated,
): Promise<{ stall: number; foldMs: number; edits: number }> {
  // Touch claims across every bucket, so the fold has much to write.
  const spread = Math.min(g.claimIds.length, 4000);
  for (let i = 0; i < spread; i += Math.max(1, Math.floor(spread / 400))) {
    await call(b, 'claims:update', { claimId: g.claimIds[i] ?? '', notes: `Spread ${i}` });
  }
  const started = performance.now();
  let folding = true;
  const fold = b.store.folder.fold().finally(() => {
    folding = false;
  });
  const samples: number[] = [];
  let i = 0;
  while (folding) {
    const t = performance.now();
    await call(b, 'claims:update', {
      claimId: g.claimIds[i++ % g.claimIds.length] ?? '',
      notes: `During fold ${i}`,
    });
    samples.push(performance.now() - t);
  }
  await fold;
  return {
    stall: Math.max(0, ...samples),
    foldMs: performance.now() - started,
    edits: samples.length,
  };
}

/** Typing a search a letter at a time: each keystroke is one claims:query for the first window. */
async function search(b: Backend, g: Generated): Promise<{ keystroke: Stats; firstKeys: Stats }> {
  const words = [
    'russia',
    'moscow troops',
    'speaker 12',
    'zakharova',
    'partnership agr',
    'missiles radars',
  ];
  const all: number[] = [];
  const first: number[] = [];
  for (const phrase of words) {
    for (let n = 1; n <= phrase.length; n++) {
      const t = performance.now();
      await call(b, 'claims:query', {
        caseId: g.caseId,
        filter: { query: phrase.slice(0, n) },
        offset: 0,
        limit: RENDERER_PAGE,
      });
      const ms = performance.now() - t;
      all.push(ms);
      if (n <= 2) first.push(ms);
    }
  }
  return { keystroke: stats(all), firstKeys: stats(first) };
}

async function exportCase(
  b: Backend,
  caseId: string,
  format: string,
): Promise<{ ms: number; bytes: number; file: string }> {
  const t = performance.now();
  const { jobId } = await call<{ jobId: string }>(b, 'cases:export', { caseId, format });
  for (;;) {
    const status = await call<{
      state: string;
      error: string | null;
      file: { size: number } | null;
    }>(b, 'jobs:wait', { jobId, waitMs: 10_000 });
    if (status.state === 'running') continue;
    if (status.state !== 'done')
      throw new Error(`export ${format}: ${status.error ?? status.state}`);
    const found = b.ctx.jobs.file(jobId);
    return { ms: performance.now() - t, bytes: status.file?.size ?? 0, file: found?.path ?? '' };
  }
}

async function importCase(b: Backend, file: string): Promise<number> {
  const t = performance.now();
  const upload = await b.ctx.uploads.receive(
    'bench.claimdesk.json',
    createReadStream(file),
    4 * 1024 ** 3,
  );
  const { jobId } = await call<{ jobId: string }>(b, 'cases:import', {
    fileName: 'bench.claimdesk.json',
    uploadId: upload.uploadId,
  });
  for (;;) {
    const status = await call<{ state: string; error: string | null }>(b, 'jobs:wait', {
      jobId,
      waitMs: 10_000,
    });
    if (status.state === 'running') continue;
    if (status.state !== 'done') throw new Error(`import: ${status.error ?? status.state}`);
    return performance.now() - t;
  }
}

/** Baseline: the same claims in one lowdb file, rewritten whole by each write() (no fsync). */
async function lowdbBaseline(
  dir: string,
  b: Backend,
  caseId: string,
  count: number,
): Promise<Stats> {
  const claims = await call<{ id: string; notes: string }[]>(b, 'claims:list', { caseId });
  const db = new Low(new JSONFile<{ claims: typeof claims }>(path.join(dir, 'lowdb.json')), {
    claims,
  });
  await db.write();
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const claim = db.data.claims[(i * 7919) % db.data.claims.length];
    if (claim) claim.notes = `Edited ${i}`;
    const t = performance.now();
    await db.write();
    samples.push(performance.now() - t);
  }
  return stats(samples);
}

/** Baseline: a bare append of one JSON line and fdatasync, what an edit cannot do better than. */
async function appendBaseline(dir: string, count: number): Promise<Stats> {
  const handle = await open(path.join(dir, 'append.jsonl'), 'a');
  const line = `${JSON.stringify({ seq: 1, ops: [{ type: 'put', collection: 'claims', value: { id: 'x', notes: 'y'.repeat(700) } }] })}\n`;
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await handle.appendFile(line);
    await handle.datasync();
    samples.push(performance.now() - t);
  }
  await handle.close();
  return stats(samples);
}

/**
 * The built web host, started on the store: until its first page of claims answers over HTTP;
 * then its own memory (the backend as it runs, without this bench's compiler and generator)
 * once every claim has loaded and been shown once, as scrolling the whole list would.
 */
async function hostToFirstList(
  dir: string,
  caseId: string,
): Promise<{ firstList: number; rss: number | null } | null> {
  const host = path.resolve('dist/web/host.mjs');
  if (!existsSync(host)) return null;
  const started = performance.now();
  const child = spawn(process.execPath, [host, '--data-dir', dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const launch = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const match = /Open (http:\/\/[^\s]+)/.exec(out);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`web host exited ${code}: ${out}`)));
    });
    const url = new URL(launch);
    const token = url.hash.replace('#token=', '');
    const query = async (offset: number, limit: number) => {
      const response = await fetch(`${url.origin}/api/claims:query`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ caseId, offset, limit }),
      });
      const answer = (await response.json()) as {
        ok: boolean;
        value?: { matched: number; rows: unknown[]; loading: unknown };
      };
      if (!answer.ok || !answer.value) throw new Error('claims:query failed on the web host');
      return answer.value;
    };
    // The first list is the first page with claims in it: while the case loads, an answer
    // may hold only the list's length (placeholders), and the renderer asks again.
    for (;;) {
      const page = await query(0, 50);
      if (page.rows.length > 0 || !page.loading) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    const firstList = performance.now() - started;
    while ((await query(0, 1)).loading) await new Promise((r) => setTimeout(r, 250));
    const { matched } = await query(0, 1);
    // Pages of the renderer's size (PAGE in renderer/src/store/listSlice.ts), as scrolling
    // asks: pages of 500 left ~100 MiB more in 2 of 6 runs (their large answers' garbage).
    for (let offset = 0; offset < matched; offset += RENDERER_PAGE)
      await query(offset, RENDERER_PAGE);
    return { firstList, rss: await residentBytes(child.pid) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

const RENDERER_PAGE = 20;

/** A process's resident memory, from /proc (Linux); null elsewhere. */
async function residentBytes(pid: number | undefined): Promise<number | null> {
  if (pid === undefined) return null;
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return kb === undefined ? null : Number(kb) * 1024;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'claimdesk-bench-'));
  try {
    const storeDir = path.join(dir, 'store');
    const g = await generateStore(storeDir, SIZE);
    const hosted = await hostToFirstList(storeDir, g.caseId);

    const t0 = performance.now();
    const b = await openBackend({
      dataDir: storeDir,
      host: 'web',
      version: 'bench',
      store: { idleFoldMs: 0 },
    });
    await call(b, 'claims:query', { caseId: g.caseId, offset: 0, limit: RENDERER_PAGE });
    const firstList = performance.now() - t0;
    await b.store.ready;
    const loaded = performance.now() - t0;
    // Scores are computed when first shown: show every one once, as scrolling the list would.
    for (const id of b.ctx.ix.claims.caseOf(g.caseId).alive) {
      const claimId = b.ctx.ix.claims.idAt(id);
      if (claimId) b.ctx.ix.scores.get(claimId);
    }
    global.gc?.();
    const rss = process.memoryUsage().rss;

    const edit = stats(await edits(b, g, EDITS));
    const fold = await foldStall(b, g);
    const keys = await search(b, g);
    const exports: Record<string, { ms: number; bytes: number }> = {};
    let jsonFile = '';
    for (const format of ['json', 'csv', 'w3c', 'stix']) {
      const done = await exportCase(b, g.caseId, format);
      exports[format] = { ms: done.ms, bytes: done.bytes };
      if (format === 'json') jsonFile = done.file;
    }
    const importMs = await importCase(b, jsonFile);
    // Three runs on fresh documents: the first pays for compiling the code, as the first
    // new version of a session does; the table shows it and the median of the three.
    const runs = [await reanchorBench(b), await reanchorBench(b), await reanchorBench(b)];
    const median = (pick: (r: (typeof runs)[number]) => number) =>
      runs.map(pick).sort((x, y) => x - y)[1] ?? 0;
    const reanchor = {
      ...runs[0],
      coldImportMs: runs[0]?.importMs ?? 0,
      importMs: median((r) => r.importMs),
      algorithmMs: median((r) => r.algorithmMs),
    };
    const lowdb = await lowdbBaseline(
      dir,
      b,
      g.caseId,
      Math.min(EDITS, SIZE >= 100_000 ? 20 : EDITS),
    );
    const append = await appendBaseline(dir, EDITS);
    await b.close();
    console.log(
      JSON.stringify({
        size: SIZE,
        host: hosted?.firstList ?? null,
        hostRss: hosted?.rss ?? null,
        firstList,
        loaded,
        rss,
        edit,
        fold,
        keys,
        exports,
        importMs,
        reanchor,
        lowdb,
        append,
      }),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
