/**
 * `npm run bench:sync` (issue 14): what the sync of team cases gives analysts, against one
 * throwaway PostgreSQL cluster on this machine, with 2 and 10 simulated analysts (each a whole
 * backend with its own data folder, all in this process):
 * - push rate: edits one analyst made offline, sent in one round when back online;
 * - delay until another analyst sees an edit (acknowledged on one desk -> applied on the
 *   other's store), p50/p95/max, while every analyst edits at once;
 * beside the floors measured in the same run: a bare round trip to the database (SELECT 1)
 * and a bare one-row INSERT committed. Figures are printed, never asserted.
 *
 * Usage: npm run bench:sync [-- --analysts 2,10] [--backlog 1000] [--edits 30]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Claim } from '../shared/domain/schemas';
import { openBackend, type Backend } from '../electron/backend/backend';
import { call } from '../electron/backend/testing/harness';
import { startTeamCluster } from '../electron/backend/testing/teamCluster';

const argOf = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const ANALYSTS = argOf('analysts', '2,10').split(',').map(Number);
const BACKLOG = Number(argOf('backlog', '1000'));
const EDITS = Number(argOf('edits', '30'));
const CLAIMS = 50;
/** Claims of the case shared and joined whole, for the first share and join. */
const SHARE_CLAIMS = Number(argOf('share-claims', '5000'));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const quantile = (sorted: readonly number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const ms = (n: number): string => `${n.toFixed(n < 10 ? 2 : 0)} ms`;

async function main(): Promise<void> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'claimdesk-bench-sync-'));
  // Two logins at least: the first share and join below use analyst0 and analyst1.
  const most = Math.max(...ANALYSTS, 2);
  const { cluster, url } = await startTeamCluster(
    Array.from({ length: most }, (_, i) => `analyst${i}`),
  );
  const backends: Backend[] = [];
  const rows: string[][] = [];
  try {
    const admin = new pg.Client({ connectionString: cluster.adminUrl });
    await admin.connect();
    // Floors: what any client pays on this machine for a round trip and a durable commit.
    await admin.query('CREATE TABLE bench_floor (id serial primary key, v text)');
    const trips: number[] = [];
    const inserts: number[] = [];
    for (let i = 0; i < 200; i++) {
      let t = performance.now();
      await admin.query('SELECT 1');
      trips.push(performance.now() - t);
      t = performance.now();
      await admin.query('INSERT INTO bench_floor (v) VALUES ($1)', [`row ${i}`]);
      inserts.push(performance.now() - t);
    }
    await admin.end();
    trips.sort((a, b) => a - b);
    inserts.sort((a, b) => a - b);

    for (const count of ANALYSTS) {
      for (const b of backends.splice(0)) await b.close();
      const desks: Backend[] = [];
      for (let i = 0; i < count; i++) {
        desks.push(
          await openBackend({
            dataDir: path.join(work, `${count}-${i}`),
            host: 'web',
            version: 'bench',
            log: () => undefined,
          }),
        );
      }
      backends.push(...desks);
      const [owner] = desks;
      if (!owner) continue;
      const caseId = (await call(owner, 'cases:create', { title: `Bench ${count}` })).id;
      const text = Array.from({ length: CLAIMS }, (_, i) => `Sentence ${i} of the report.`).join(
        ' ',
      );
      const { document } = await call(owner, 'documents:create', { caseId, title: 'Report', text });
      const claimIds: string[] = [];
      for (let i = 0; i < CLAIMS; i++) {
        const exact = `Sentence ${i} of the report.`;
        const start = text.indexOf(exact);
        const claim = await call(owner, 'claims:create', {
          documentId: document.id,
          start,
          end: start + exact.length,
          exact,
        });
        claimIds.push(claim.id);
      }
      await call(owner, 'team:share', { caseId, connection: url('analyst0') });
      for (let i = 1; i < count; i++) {
        await call(owner, 'team:setMember', { caseId, member: `analyst${i}`, role: 'analyst' });
        await call(desks[i] as Backend, 'team:join', {
          caseId,
          connection: url(`analyst${i}`),
        });
      }

      // Push rate: a backlog made offline, sent in one round.
      await call(owner, 'team:pause', { caseId, paused: true });
      for (let i = 0; i < BACKLOG; i++) {
        await call(owner, 'claims:update', {
          claimId: claimIds[i % CLAIMS] ?? '',
          notes: `backlog ${i}`,
        });
      }
      await call(owner, 'team:pause', { caseId, paused: true });
      const t0 = performance.now();
      const after = await call(owner, 'team:pause', { caseId, paused: false });
      const pushMs = performance.now() - t0;
      if (after.waiting !== 0)
        throw new Error(`the backlog did not go up: ${after.waiting} waiting`);
      const records = new Set(Array.from({ length: BACKLOG }, (_, i) => i % CLAIMS)).size;
      // Let every desk take the backlog in before the delays are measured.
      for (const desk of desks) await call(desk, 'team:sync', { caseId });

      // Delay: every analyst edits at once; each edit's arrival on every other desk is timed.
      const sentAt = new Map<string, number>();
      const delays: number[] = [];
      desks.forEach((desk, i) => {
        desk.store.onCommit((_seq, ops, origin) => {
          if (origin !== 'team') return;
          const now = performance.now();
          for (const op of ops) {
            if (op.type !== 'put' || op.collection !== 'claims') continue;
            const notes = (op.value as Claim).notes;
            const sent = sentAt.get(notes);
            if (sent !== undefined && !notes.startsWith(`a${i}-`)) delays.push(now - sent);
          }
        });
      });
      await Promise.all(
        desks.map(async (desk, i) => {
          for (let k = 0; k < EDITS; k++) {
            const notes = `a${i}-${k}`;
            // Each analyst works on claims of their own, so no edit is lost to a conflict.
            const own = Math.floor(CLAIMS / count);
            const claimId = claimIds[i * own + (k % own)] ?? '';
            const answer = await desk.dispatch('claims:update', { claimId, notes });
            if (answer.ok) sentAt.set(notes, performance.now());
            await sleep(100 + Math.random() * 100);
          }
        }),
      );
      const expected = count * EDITS * (count - 1);
      const deadline = Date.now() + 30_000;
      while (delays.length < expected && Date.now() < deadline) await sleep(50);
      delays.sort((a, b) => a - b);
      rows.push([
        String(count),
        `${Math.round((BACKLOG / pushMs) * 1000)} edits/s (${BACKLOG} edits, ${records} records, ${ms(pushMs)})`,
        `${ms(quantile(delays, 0.5))} / ${ms(quantile(delays, 0.95))} / ${ms(delays.at(-1) ?? NaN)}`,
        `${delays.length} of ${expected}`,
      ]);
    }

    // The first share and join of a larger case: every record goes up, then comes down.
    let shareRow = '';
    if (SHARE_CLAIMS > 0) {
      for (const b of backends.splice(0)) await b.close();
      const open = (name: string) =>
        openBackend({
          dataDir: path.join(work, name),
          host: 'web',
          version: 'bench',
          log: () => undefined,
        });
      const owner = await open('share-owner');
      const joiner = await open('share-joiner');
      backends.push(owner, joiner);
      const caseId = (await call(owner, 'cases:create', { title: 'Big case' })).id;
      const perDocument = 500;
      for (let d = 0; d < SHARE_CLAIMS / perDocument; d++) {
        const sentences = Array.from(
          { length: perDocument },
          (_, i) => `Item ${d}-${i} was reported by the desk.`,
        );
        const text = sentences.join(' ');
        const { document } = await call(owner, 'documents:create', {
          caseId,
          title: `Report ${d}`,
          text,
        });
        for (const exact of sentences) {
          const start = text.indexOf(exact);
          await call(owner, 'claims:create', {
            documentId: document.id,
            start,
            end: start + exact.length,
            exact,
          });
        }
      }
      let t = performance.now();
      await call(owner, 'team:share', { caseId, connection: url('analyst0') });
      const shareMs = performance.now() - t;
      await call(owner, 'team:setMember', { caseId, member: 'analyst1', role: 'analyst' });
      t = performance.now();
      await call(joiner, 'team:join', { caseId, connection: url('analyst1') });
      const joinMs = performance.now() - t;
      const records = await cluster.sql<{ n: number }>(
        'SELECT count(*)::int AS n FROM claimdesk.records WHERE case_id = $1',
        [caseId],
      );
      const n = records[0]?.n ?? 0;
      shareRow = `First share of a case of ${SHARE_CLAIMS} claims (${n} records with history): share ${ms(shareMs)} (${Math.round((n / shareMs) * 1000)} records/s), join ${ms(joinMs)} (${Math.round((n / joinMs) * 1000)} records/s)`;
    }

    console.log(
      `Team sync bench (${os.cpus().length} cores, PostgreSQL on a Unix socket, fsync off in the throwaway cluster)`,
    );
    console.log(
      `Floors in the same run: SELECT 1 round trip p50 ${ms(quantile(trips, 0.5))}, one-row INSERT commit p50 ${ms(quantile(inserts, 0.5))}`,
    );
    const header = [
      'analysts',
      'push rate (offline backlog, one round)',
      'seen by the others p50 / p95 / max',
      'arrivals',
    ];
    const table = [header, ...rows];
    const widths = header.map((_, c) => Math.max(...table.map((r) => (r[c] ?? '').length)));
    for (const row of table)
      console.log(row.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' | '));
    if (shareRow) console.log(shareRow);
    console.log('Target: others see an edit within a couple of seconds.');
  } finally {
    for (const b of backends) await b.close().catch(() => undefined);
    await cluster.stop();
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
