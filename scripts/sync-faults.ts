/**
 * Fault test of team sync (issue 14): two desks, each a real backend in its own process, and
 * one throwaway PostgreSQL cluster. A few hundred edits from both desks, while the harness:
 * - SIGKILLs a desk in the middle of a push (a backlog made offline, then the kill at a
 *   random moment after it goes back online), and starts it again on the same data;
 * - stops the cluster (fast and immediate) for a moment while edits go on, and starts it;
 * - restarts the cluster, cutting every connection.
 *
 * THE INVARIANT, checked at the end once both desks have synced:
 * - both desks and the database hold the same records of the case (claims, documents,
 *   history, the case itself), compared field by field;
 * - every acknowledged edit (its answer reached the harness) reached the database exactly
 *   once: its claim-history entry is there, once; and no edit appears that was never made.
 *
 * Usage: tsx scripts/sync-faults.ts [--edits N] [--seed S] [--keep]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { bundleScript } from '../electron/backend/testing/bundle';
import { startTeamCluster } from '../electron/backend/testing/teamCluster';
import { sameJson } from '../electron/backend/team/merge';

const argv = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const EDITS = option('--edits', 300);
let seed = option('--seed', Date.now() % 100_000);
const KEEP = argv.includes('--keep');
const SEED_SHOWN = seed;

/** A small deterministic generator, so a failing run can be repeated with its seed. */
function random(): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Answer =
  { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

/** A desk: the backend in a child process. */
class Desk {
  private child: ChildProcess | null = null;
  private next = 1;
  private readonly waiting = new Map<number, (answer: Answer) => void>();
  kills = 0;

  constructor(
    readonly name: string,
    readonly dataDir: string,
    private readonly script: string,
  ) {}

  async start(): Promise<void> {
    const child = spawn(process.execPath, [this.script, this.dataDir], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stderr?.on('data', (chunk: Buffer) => {
      if (process.env.SYNC_FAULTS_VERBOSE)
        process.stderr.write(`[${this.name}] ${chunk.toString()}`);
    });
    const ready = new Promise<void>((resolve, reject) => {
      const lines = createInterface({ input: child.stdout });
      lines.on('line', (line) => {
        const message = JSON.parse(line) as { ready?: true; failed?: string; id?: number } & Answer;
        if (message.ready) resolve();
        else if (message.failed)
          reject(new Error(`${this.name} could not start: ${message.failed}`));
        else if (message.id !== undefined) {
          const done = this.waiting.get(message.id);
          this.waiting.delete(message.id);
          done?.(message);
        }
      });
      child.on('exit', () => {
        for (const done of this.waiting.values()) {
          done({ ok: false, error: { code: 'killed', message: 'the desk was killed' } });
        }
        this.waiting.clear();
        reject(new Error(`${this.name} exited`));
      });
    });
    await ready;
  }

  call(channel: string, input: unknown): Promise<Answer> {
    const child = this.child;
    if (!child?.stdin?.writable) {
      return Promise.resolve({ ok: false, error: { code: 'killed', message: 'not running' } });
    }
    const id = this.next++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      child.stdin!.write(`${JSON.stringify({ id, call: channel, input })}\n`);
    });
  }

  async must<T>(channel: string, input: unknown): Promise<T> {
    const answer = await this.call(channel, input);
    if (!answer.ok) throw new Error(`${this.name} ${channel}: ${answer.error.message}`);
    return answer.value as T;
  }

  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    this.kills += 1;
    const gone = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await gone;
    this.child = null;
  }

  async close(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const gone = new Promise((r) => child.once('exit', r));
    child.stdin?.write(`${JSON.stringify({ id: 0, close: true })}\n`);
    await Promise.race([gone, sleep(20_000)]);
    if (child.exitCode === null) child.kill('SIGKILL');
    this.child = null;
  }
}

interface Edit {
  desk: string;
  claimId: string;
  notes: string;
}

async function main(): Promise<void> {
  const started = Date.now();
  const work = await mkdtemp(path.join(os.tmpdir(), 'claimdesk-sync-faults-'));
  const { cluster, url } = await startTeamCluster(['alice', 'bob']);
  const desks: Desk[] = [];
  try {
    const script = await bundleScript("import './teamChild';", work, 'team-child');
    const alice = new Desk('alice', path.join(work, 'alice'), script);
    const bob = new Desk('bob', path.join(work, 'bob'), script);
    desks.push(alice, bob);
    await alice.start();
    await bob.start();

    // A case of 20 claims on alice's desk, shared; bob joins as analyst.
    const caseId = (await alice.must<{ id: string }>('cases:create', { title: 'Fault test' })).id;
    const sentences = Array.from(
      { length: 20 },
      (_, i) => `Statement number ${i + 1} was made by a port official on a windy morning.`,
    );
    const text = sentences.join(' ');
    const created = await alice.must<{ document: { id: string } }>('documents:create', {
      caseId,
      title: 'Port notes',
      text,
    });
    const claimIds: string[] = [];
    for (const sentence of sentences) {
      const start = text.indexOf(sentence);
      const claim = await alice.must<{ id: string }>('claims:create', {
        documentId: created.document.id,
        start,
        end: start + sentence.length,
        exact: sentence,
      });
      claimIds.push(claim.id);
    }
    await alice.must('team:share', { caseId, connection: url('alice') });
    await alice.must('team:setMember', { caseId, member: 'bob', role: 'analyst' });
    await bob.must('team:join', { caseId, connection: url('bob') });

    const acked: Edit[] = [];
    let sent = 0;
    let clusterStops = 0;
    let clusterRestarts = 0;
    let midPushKills = 0;
    const edit = async (desk: Desk): Promise<void> => {
      const claimId = pick(claimIds);
      const notes = `${desk.name}-${++sent}`;
      const input: Record<string, unknown> = { claimId, notes };
      // Other fields too, so that edits of one record meet on different and on the same fields.
      if (random() < 0.3)
        input.status = pick(['unverified', 'corroborated', 'disputed', 'refuted']);
      if (random() < 0.2) input.tags = [pick(['port', 'energy', 'weather', 'labour'])];
      const answer = await desk.call('claims:update', input);
      if (answer.ok) acked.push({ desk: desk.name, claimId, notes });
    };

    while (sent < EDITS) {
      const fault = random();
      if (fault < 0.2) {
        // A backlog made offline, then a kill at a random moment once it goes up.
        const desk = pick(desks);
        await desk.must('team:pause', { caseId, paused: true });
        for (let i = 0; i < 25 && sent < EDITS; i++) await edit(desk);
        void desk.call('team:pause', { caseId, paused: false });
        await sleep(Math.floor(random() * 60));
        await desk.kill();
        midPushKills += 1;
        await desk.start();
        await desk.must('team:pause', { caseId, paused: false });
      } else if (fault < 0.35) {
        // The database goes away while both desks go on editing.
        const mode = random() < 0.5 ? 'fast' : 'immediate';
        await cluster.stopServer(mode);
        clusterStops += 1;
        for (let i = 0; i < 10 && sent < EDITS; i++) await edit(pick(desks));
        await cluster.startServer();
      } else if (fault < 0.45) {
        await cluster.restart(random() < 0.5 ? 'fast' : 'immediate');
        clusterRestarts += 1;
      } else {
        // Both desks at once, a few edits each.
        await Promise.all(
          desks.map(async (desk) => {
            for (let i = 0; i < 4 && sent < EDITS; i++) await edit(desk);
          }),
        );
      }
    }

    // Settle: rounds on both desks until nothing waits on either and a full pass changes nothing.
    const deadline = Date.now() + 120_000;
    for (;;) {
      const statuses: { waiting: number; state: string; message: string | null }[] = [];
      for (const desk of desks) {
        statuses.push(await desk.must('team:sync', { caseId }));
      }
      for (const desk of desks) {
        statuses.push(await desk.must('team:sync', { caseId }));
      }
      if (statuses.every((s) => s.waiting === 0 && s.state !== 'offline' && s.state !== 'error'))
        break;
      if (Date.now() > deadline) {
        throw new Error(`the desks did not settle: ${JSON.stringify(statuses)}`);
      }
      await sleep(500);
    }

    // What each copy holds.
    const snapshot = async (desk: Desk) => {
      const claims = await desk.must<{ claim: Record<string, unknown> }[]>('claims:get', {
        claimIds,
      });
      const history = new Map<string, unknown>();
      for (const claimId of claimIds) {
        for (const entry of await desk.must<{ id: string }[]>('claims:history', { claimId })) {
          history.set(entry.id, entry);
        }
      }
      return { claims: new Map(claims.map((row) => [row.claim.id as string, row.claim])), history };
    };
    const copies = [await snapshot(alice), await snapshot(bob)];
    const rows = await cluster.sql<{
      collection: string;
      record_id: string;
      value: Record<string, unknown> | null;
    }>(
      "SELECT collection, record_id, value FROM claimdesk.records WHERE case_id = $1 AND collection IN ('claims', 'history')",
      [caseId],
    );
    const db = {
      claims: new Map(
        rows.filter((r) => r.collection === 'claims').map((r) => [r.record_id, r.value]),
      ),
      history: new Map(
        rows.filter((r) => r.collection === 'history').map((r) => [r.record_id, r.value]),
      ),
    };
    const problems: string[] = [];
    for (const [i, copy] of copies.entries()) {
      const who = desks[i]?.name ?? '?';
      for (const claimId of claimIds) {
        if (!sameJson(copy.claims.get(claimId), db.claims.get(claimId))) {
          problems.push(`${who}'s claim ${claimId} differs from the database's`);
        }
      }
      if (copy.history.size !== db.history.size) {
        problems.push(
          `${who} holds ${copy.history.size} history entries, the database ${db.history.size}`,
        );
      }
      for (const [id, entry] of db.history) {
        if (!sameJson(copy.history.get(id), entry))
          problems.push(`${who} lacks or differs on history entry ${id}`);
      }
    }
    // Every acknowledged edit reached the database exactly once; nothing never made did.
    const notesSeen = new Map<string, number>();
    for (const entry of db.history.values()) {
      const changes = (entry?.changes ?? []) as { field: string; to: string }[];
      for (const change of changes) {
        if (change.field === 'notes') notesSeen.set(change.to, (notesSeen.get(change.to) ?? 0) + 1);
      }
    }
    let lost = 0;
    let duplicated = 0;
    for (const one of acked) {
      const count = notesSeen.get(one.notes) ?? 0;
      if (count === 0) lost += 1;
      if (count > 1) duplicated += 1;
    }
    const made = new Set(
      Array.from({ length: sent }, (_, i) => [`alice-${i + 1}`, `bob-${i + 1}`]).flat(),
    );
    const invented = [...notesSeen.keys()].filter((v) => v !== '' && !made.has(v)).length;
    if (lost > 0) problems.push(`${lost} acknowledged edit(s) are not in the database`);
    if (duplicated > 0) problems.push(`${duplicated} edit(s) reached the database more than once`);
    if (invented > 0) problems.push(`${invented} edit(s) in the database were never made`);
    const conflicts = await cluster.sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM claimdesk.conflicts WHERE case_id = $1',
      [caseId],
    );

    console.log(
      `sync faults (seed ${SEED_SHOWN}), ${((Date.now() - started) / 1000).toFixed(1)} s:`,
    );
    console.log(
      `  edits sent ${sent}, acknowledged ${acked.length} (alice ${acked.filter((e) => e.desk === 'alice').length}, bob ${acked.filter((e) => e.desk === 'bob').length})`,
    );
    console.log(
      `  faults: ${midPushKills} desk kills mid-push, ${clusterStops} database stops with edits going on, ${clusterRestarts} database restarts`,
    );
    console.log(
      `  at the end: ${db.claims.size} claims and ${db.history.size} history entries in the database, the same on both desks: ${problems.length === 0 ? 'yes' : 'NO'}`,
    );
    console.log(
      `  acknowledged edits lost ${lost}, duplicated ${duplicated}, never made ${invented}; conflicts filed ${conflicts[0]?.n ?? 0}`,
    );
    if (problems.length > 0) {
      console.error(`FAILED:\n  ${problems.slice(0, 20).join('\n  ')}`);
      process.exitCode = 1;
    } else {
      console.log(
        'PASSED: both copies and the database agree, and every acknowledged edit is there once.',
      );
    }
  } finally {
    await Promise.all(desks.map((d) => d.close().catch(() => d.kill())));
    await cluster.stop();
    if (!KEEP) await rm(work, { recursive: true, force: true });
    else console.log(`kept ${work}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
