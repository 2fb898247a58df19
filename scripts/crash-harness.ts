/**
 * Crash harness for the store (DESIGN.md, "Store"): an edit is acknowledged once its journal
 * line is on disk, so a crash at any moment must leave a store that opens, validates and holds
 * every acknowledged edit.
 *
 * Each round starts a real backend process (scripts/crash-child.ts, bundled by esbuild),
 * drives a realistic mix of edits through the contract, and kills it with SIGKILL: a random
 * 0–40 ms after some acknowledgement, in the middle of a burst of edits in flight, while the
 * journal is being folded into the snapshot (rounds of large edits push the journal past the
 * 4 MB compaction threshold of store.ts), or while the process is still starting. The
 * harness then reopens the data dir in this process exactly as a restart would find it (the
 * stale lock is the store's own business: lock.ts), checks it and compares it with every
 * acknowledged edit. State carries over between rounds; every `freshEvery` rounds a new data
 * dir starts.
 *
 * Besides the acknowledged edits, edits in flight at the kill may or may not have landed;
 * those that did must be a prefix of what was sent (the journal has no holes), and nothing
 * that was never sent may appear.
 *
 * Note: SIGKILL ends the process, not the machine. Writes already handed to the kernel
 * survive it, so this checks crash consistency of the process, not power-loss durability.
 *
 * Usage: tsx scripts/crash-harness.ts [--kills N] [--seed S] [--fresh-every N] [--keep] [--verbose]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, watch, type FSWatcher } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { StoreError } from '../electron/backend/store/errors';
import { SnapshotSchema } from '../electron/backend/store/schema';
import { Store, STORE_FILE } from '../electron/backend/store/store';
import { hashText } from '../electron/backend/store/textStore';

// ---------------------------------------------------------------------------------------------
// Options and report

export interface CrashHarnessOptions {
  /** How many rounds, each ending in one SIGKILL. Default 200. */
  kills?: number;
  /** Seed of the PRNG that decides every edit and every kill. Default: from the clock. */
  seed?: number;
  /** Start a new data dir every this many rounds. Default 20. */
  freshEvery?: number;
  /** Keep the data dirs (they are always kept when something is wrong). */
  keep?: boolean;
  /** Progress and findings, one line at a time. Default: nothing. */
  log?: (line: string) => void;
  /** Per-round detail through `log`. */
  verbose?: boolean;
}

export type KillMode = 'after-ack' | 'mid-burst' | 'compaction' | 'startup';

export interface CrashHarnessReport {
  seed: number;
  kills: number;
  /** Reopens that succeeded (Store.open resolved). */
  opens: number;
  /** Reopens refused as corrupt/invalid, or stores that opened but broke an invariant. */
  corruptStores: number;
  /** Acknowledged edits missing or wrong after a reopen. */
  lostAcknowledgedEdits: number;
  /** Records no edit sent by the harness could have made. */
  unexpectedRecords: number;
  /** In-flight edits that landed after an earlier in-flight edit that did not. */
  outOfOrder: number;
  /** Reopens that failed for another reason (e.g. the stale lock was not taken over). */
  failedOpens: number;
  /** A child that exited by itself, or a round that stalled. */
  childFailures: number;
  /** Edits acknowledged as done, and those the backend answered with an error. */
  acknowledged: number;
  rejected: number;
  /** Edits sent but not acknowledged before a kill, and how many of them landed anyway. */
  inFlightAtKill: number;
  inFlightLanded: number;
  modes: Record<KillMode, number>;
  /** Kills while this child's snapshot temp file existed: mid-compaction. */
  killsDuringSnapshotWrite: number;
  /** Compactions seen starting (snapshot temp file created by a child). */
  compactionsSeen: number;
  /** How long a child's snapshot write took, as last seen (temp file created to renamed). */
  snapshotWriteMs: number;
  /** Temp files left behind in the data dirs by killed writes. */
  leftoverTempFiles: number;
  leftoverTempBytes: number;
  seconds: number;
  /** The first findings, in words. */
  findings: string[];
  /** Data dirs kept for inspection. */
  keptDirs: string[];
}

export function summaryLine(report: CrashHarnessReport): string {
  return (
    `crash harness: ${report.kills} kills, ${report.opens} opens, ` +
    `${report.corruptStores} corrupt stores, ${report.lostAcknowledgedEdits} lost acknowledged edits ` +
    `(seed ${report.seed}, ${Math.round(report.seconds)} s)`
  );
}

export function detailLine(report: CrashHarnessReport): string {
  const m = report.modes;
  return (
    `  kills by moment: ${m['after-ack']} after an ack, ${m['mid-burst']} mid-burst, ` +
    `${m.compaction} in compaction rounds (${report.killsDuringSnapshotWrite} while the snapshot ` +
    `was being written, ${report.compactionsSeen} compactions started, a snapshot write took ` +
    `~${Math.round(report.snapshotWriteMs)} ms), ${m.startup} at startup; ` +
    `${report.acknowledged} edits acknowledged, ${report.rejected} rejected; ` +
    `${report.inFlightAtKill} in flight at a kill, ${report.inFlightLanded} of them landed; ` +
    `${report.outOfOrder} out of order, ${report.unexpectedRecords} unexpected records, ` +
    `${report.failedOpens} failed opens, ${report.childFailures} child failures; ` +
    `${report.leftoverTempFiles} temp files (${report.leftoverTempBytes} bytes) left behind by killed writes`
  );
}

export const harnessFailed = (r: CrashHarnessReport): boolean =>
  r.corruptStores > 0 ||
  r.lostAcknowledgedEdits > 0 ||
  r.unexpectedRecords > 0 ||
  r.outOfOrder > 0 ||
  r.failedOpens > 0 ||
  r.childFailures > 0 ||
  r.opens !== r.kills;

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** mulberry32: [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    const item = list[Math.floor(this.next() * list.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
}

const WORDS = (
  'the ministry said that forces would remain near the border while talks continue ' +
  'officials denied any plan to send troops analysts doubt the claim according to ' +
  'reports from the capital a spokesperson told reporters on tuesday that supplies ' +
  'arrived by sea and that no agreement had been signed yet sources close to the ' +
  'government suggested a visit next month'
).split(' ');

function words(rng: Rng, count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(rng.pick(WORDS));
  return out.join(' ');
}

/** `length` characters of text (no leading or trailing blank), cut from a pool. */
function filler(rng: Rng, pool: string, length: number): string {
  const start = rng.int(0, pool.length - length - 1);
  return pool.slice(start, start + length).trim() || 'text';
}

// ---------------------------------------------------------------------------------------------
// Edits and the model of what acknowledged edits should have made

/** Every edit carries a marker, unique in the run, at the start of its distinctive text. */
const MARKER = /\[e\d+\]/;
const markerOf = (text: string): string | null => MARKER.exec(text)?.[0] ?? null;

type Edit =
  | { kind: 'case'; marker: string; title: string }
  | { kind: 'document'; marker: string; title: string; text: string }
  | {
      kind: 'claim-create';
      marker: string;
      documentId: string;
      start: number;
      end: number;
      exact: string;
      text: string;
      notes: string;
    }
  | { kind: 'claim-update'; marker: string; claimId: string; text: string; notes?: string }
  | { kind: 'claim-delete'; marker: string; claimId: string }
  | { kind: 'entity'; marker: string; name: string }
  | {
      kind: 'link';
      marker: string;
      fromClaimId: string;
      targetClaimId: string | null;
      relation: 'supports' | 'contradicts' | 'context';
      note: string;
    }
  | { kind: 'judgment'; marker: string; statement: string; basis: string[] };

function toCommand(edit: Edit, caseId: string | null): { channel: string; input: unknown } {
  switch (edit.kind) {
    case 'case':
      return { channel: 'cases:create', input: { title: edit.title, question: 'Will it hold?' } };
    case 'document':
      return {
        channel: 'documents:create',
        input: { caseId, title: edit.title, text: edit.text, format: 'paste' },
      };
    case 'claim-create':
      return {
        channel: 'claims:create',
        input: {
          documentId: edit.documentId,
          start: edit.start,
          end: edit.end,
          exact: edit.exact,
          text: edit.text,
          notes: edit.notes,
        },
      };
    case 'claim-update':
      return {
        channel: 'claims:update',
        input:
          edit.notes === undefined
            ? { claimId: edit.claimId, text: edit.text, status: 'corroborated' }
            : { claimId: edit.claimId, text: edit.text, notes: edit.notes },
      };
    case 'claim-delete':
      return { channel: 'claims:delete', input: { claimId: edit.claimId } };
    case 'entity':
      return {
        channel: 'entities:create',
        input: { name: edit.name, kind: 'person', role: 'spokesperson' },
      };
    case 'link':
      return {
        channel: 'links:create',
        input: {
          fromClaimId: edit.fromClaimId,
          relation: edit.relation,
          target:
            edit.targetClaimId === null
              ? { kind: 'url', url: `https://example.org/${edit.marker.slice(1, -1)}` }
              : { kind: 'claim', claimId: edit.targetClaimId },
          note: edit.note,
        },
      };
    case 'judgment':
      return {
        channel: 'judgments:create',
        input: {
          caseId,
          statement: edit.statement,
          likelihood: 'likely',
          confidence: 'moderate',
          basis: edit.basis.map((claimId) => ({ claimId, relation: 'supports' })),
        },
      };
  }
}

interface ClaimState {
  text: string;
  notes: string;
  documentId: string;
}
interface LinkState {
  fromClaimId: string;
  targetClaimId: string | null;
  note: string;
}
interface JudgmentState {
  statement: string;
  basis: string[];
}

/** What the store must hold: the effect of every acknowledged edit, in order. */
interface Model {
  dir: string;
  caseId: string | null;
  documents: Map<string, { title: string; text: string }>;
  claims: Map<string, ClaimState>;
  deletedClaims: Set<string>;
  entities: Map<string, string>;
  links: Map<string, LinkState>;
  deletedLinks: Set<string>;
  judgments: Map<string, JudgmentState>;
}

const emptyModel = (dir: string): Model => ({
  dir,
  caseId: null,
  documents: new Map(),
  claims: new Map(),
  deletedClaims: new Set(),
  entities: new Map(),
  links: new Map(),
  deletedLinks: new Set(),
  judgments: new Map(),
});

/** Records an acknowledged edit; `ref` is the id the backend answered with. */
function applyAck(model: Model, edit: Edit, ref: string | undefined): string | null {
  const need = (): string => {
    if (!ref) throw new Error(`no id in the answer to ${edit.kind} ${edit.marker}`);
    return ref;
  };
  switch (edit.kind) {
    case 'case':
      model.caseId = need();
      return null;
    case 'document':
      model.documents.set(need(), { title: edit.title, text: edit.text });
      return null;
    case 'claim-create':
      model.claims.set(need(), { text: edit.text, notes: edit.notes, documentId: edit.documentId });
      return null;
    case 'claim-update': {
      const claim = model.claims.get(edit.claimId);
      if (!claim) return `update of ${edit.claimId} acknowledged, but the model has no such claim`;
      claim.text = edit.text;
      if (edit.notes !== undefined) claim.notes = edit.notes;
      return null;
    }
    case 'claim-delete': {
      model.claims.delete(edit.claimId);
      model.deletedClaims.add(edit.claimId);
      // The handler deletes the claim's links and its place in judgments in the same edit.
      for (const [id, link] of model.links) {
        if (link.fromClaimId === edit.claimId || link.targetClaimId === edit.claimId) {
          model.links.delete(id);
          model.deletedLinks.add(id);
        }
      }
      for (const judgment of model.judgments.values()) {
        judgment.basis = judgment.basis.filter((id) => id !== edit.claimId);
      }
      return null;
    }
    case 'entity':
      model.entities.set(need(), edit.name);
      return null;
    case 'link':
      // The same link twice is merged into the first: same id, newer note.
      model.links.set(need(), {
        fromClaimId: edit.fromClaimId,
        targetClaimId: edit.targetClaimId,
        note: edit.note,
      });
      return null;
    case 'judgment':
      model.judgments.set(need(), { statement: edit.statement, basis: [...edit.basis] });
      return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Planning edits

interface Planner {
  rng: Rng;
  pool: string;
  counter: number;
}

const nextMarker = (planner: Planner): string => `[e${++planner.counter}]`;

/** Claims the next edits may refer to: acknowledged and with no delete in flight. */
const liveClaims = (model: Model, doomed: ReadonlySet<string>): string[] =>
  [...model.claims.keys()].filter((id) => !doomed.has(id));

function planSetup(planner: Planner, model: Model): Edit | null {
  if (!model.caseId) {
    const marker = nextMarker(planner);
    return { kind: 'case', marker, title: `Crash case ${marker}` };
  }
  if (model.documents.size < 3) {
    const marker = nextMarker(planner);
    const text = `${marker} ${words(planner.rng, planner.rng.int(300, 600))}.`;
    return { kind: 'document', marker, title: `Report ${marker}`, text };
  }
  return null;
}

function planClaimCreate(planner: Planner, model: Model, big: boolean): Edit {
  const { rng } = planner;
  const documentId = rng.pick([...model.documents.keys()]);
  const text = model.documents.get(documentId)?.text ?? '';
  // A run of whole words, so the quote never starts or ends in white space.
  const bounds: number[] = [];
  const re = /\S+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) bounds.push(m.index, m.index + m[0].length);
  const first = rng.int(0, bounds.length / 2 - 1);
  const last = Math.min(bounds.length / 2 - 1, first + rng.int(0, 12));
  const start = bounds[first * 2] ?? 0;
  const end = bounds[last * 2 + 1] ?? 1;
  const marker = nextMarker(planner);
  return {
    kind: 'claim-create',
    marker,
    documentId,
    start,
    end,
    exact: text.slice(start, end),
    text: `${marker} ${words(rng, rng.int(4, 20))}`,
    notes: big ? `${marker} ${filler(rng, planner.pool, rng.int(4000, 9500))}` : '',
  };
}

function planEdit(planner: Planner, model: Model, doomed: ReadonlySet<string>, big: boolean): Edit {
  const { rng } = planner;
  const setup = planSetup(planner, model);
  if (setup) return setup;
  const claims = liveClaims(model, doomed);
  if (claims.length < 4) return planClaimCreate(planner, model, big);
  const roll = rng.next();
  if (big) {
    // Compaction rounds: mostly large updates, to push the journal past 4 MB quickly.
    if (roll < 0.15) return planClaimCreate(planner, model, true);
    if (roll < 0.95 || claims.length < 8) {
      const marker = nextMarker(planner);
      return {
        kind: 'claim-update',
        marker,
        claimId: rng.pick(claims),
        text: `${marker} ${filler(rng, planner.pool, rng.int(2500, 4900))}`,
        notes: `${marker} ${filler(rng, planner.pool, rng.int(6000, 9900))}`,
      };
    }
    return { kind: 'claim-delete', marker: nextMarker(planner), claimId: rng.pick(claims) };
  }
  if (roll < 0.28) return planClaimCreate(planner, model, rng.chance(0.05));
  const marker = nextMarker(planner);
  if (roll < 0.58) {
    const notes = rng.chance(0.15)
      ? `${marker} ${filler(rng, planner.pool, rng.int(500, 9900))}`
      : undefined;
    return {
      kind: 'claim-update',
      marker,
      claimId: rng.pick(claims),
      text: `${marker} ${words(rng, rng.int(4, 30))}`,
      ...(notes === undefined ? {} : { notes }),
    };
  }
  if (roll < 0.68 && claims.length > 8) {
    return { kind: 'claim-delete', marker, claimId: rng.pick(claims) };
  }
  if (roll < 0.78) return { kind: 'entity', marker, name: `Speaker ${marker}` };
  if (roll < 0.9) {
    const fromClaimId = rng.pick(claims);
    const others = claims.filter((id) => id !== fromClaimId);
    return {
      kind: 'link',
      marker,
      fromClaimId,
      targetClaimId: rng.chance(0.7) ? rng.pick(others) : null,
      relation: rng.pick(['supports', 'contradicts', 'context'] as const),
      note: `${marker} ${words(rng, rng.int(2, 10))}`,
    };
  }
  const basis = [...new Set([rng.pick(claims), rng.pick(claims), rng.pick(claims)])];
  return {
    kind: 'judgment',
    marker,
    statement: `${marker} ${words(rng, rng.int(5, 20))}`,
    basis: basis.slice(0, rng.int(0, basis.length)),
  };
}

// ---------------------------------------------------------------------------------------------
// The child process

interface Ack {
  id: number;
  ok: boolean;
  ref?: string;
  error?: { code: string; message: string };
}

class Child {
  readonly proc: ChildProcess;
  readonly closed: Promise<void>;
  readonly spawnedAt = Date.now();
  readyAt: number | null = null;
  pid = 0;
  killRequested = false;
  /** Commands sent and not yet answered, in order. */
  readonly inFlight = new Map<number, Edit>();
  fatal: string | null = null;
  /** Answers that broke the protocol (not JSON, unknown id, out of order). */
  readonly protocolErrors: string[] = [];
  readonly stderr: string[] = [];
  private nextId = 0;
  private waiters: (() => void)[] = [];

  constructor(
    script: string,
    dir: string,
    private readonly onAck: (edit: Edit, ack: Ack) => void,
  ) {
    this.proc = spawn(process.execPath, [script, dir], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.pid = this.proc.pid ?? 0;
    this.proc.stdin?.on('error', () => undefined);
    this.closed = new Promise((resolve) => this.proc.once('close', () => resolve()));
    void this.closed.then(() => this.wake());
    const stdout = this.proc.stdout;
    const stderr = this.proc.stderr;
    if (!stdout || !stderr) throw new Error('the child has no stdio');
    createInterface({ input: stderr }).on('line', (line) => {
      this.stderr.push(line);
      if (this.stderr.length > 40) this.stderr.shift();
    });
    createInterface({ input: stdout }).on('line', (line) => this.receive(line));
  }

  private receive(line: string): void {
    let message: Record<string, unknown>;
    try {
      message = JSON.parse(line) as Record<string, unknown>;
    } catch {
      this.protocolErrors.push(`not JSON on stdout: ${line.slice(0, 80)}`);
      return;
    }
    if (message.ready === true) {
      this.readyAt = Date.now();
    } else if (typeof message.fatal === 'string') {
      this.fatal = message.fatal;
    } else if (typeof message.id === 'number') {
      const ack = message as unknown as Ack;
      const edit = this.inFlight.get(ack.id);
      // The child answers in order: anything sent before this one has been answered.
      const first = this.inFlight.keys().next().value;
      if (!edit || first !== ack.id) {
        this.protocolErrors.push(`answer ${line.slice(0, 80)} out of order (expected ${first})`);
        return;
      }
      this.inFlight.delete(ack.id);
      this.onAck(edit, ack);
    }
    this.wake();
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  get exited(): boolean {
    return this.proc.exitCode !== null || this.proc.signalCode !== null;
  }

  /** Resolves on the next message or on exit. */
  private changed(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  async waitReady(): Promise<boolean> {
    while (this.readyAt === null && !this.exited && this.fatal === null) await this.changed();
    return this.readyAt !== null;
  }

  /** Resolves once every command sent has been answered, or the child is gone. */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0 && !this.exited) await this.changed();
  }

  send(edit: Edit, caseId: string | null): void {
    const id = ++this.nextId;
    this.inFlight.set(id, edit);
    this.proc.stdin?.write(`${JSON.stringify({ id, ...toCommand(edit, caseId) })}\n`);
  }

  kill(): void {
    if (this.killRequested) return;
    this.killRequested = true;
    this.proc.kill('SIGKILL');
  }
}

/**
 * Loads the bundled child through a V8 code cache: compiling the 8 MB bundle is most of the
 * startup of a child, and the harness starts hundreds. The code run is the same bundle.
 */
const LAUNCHER = `'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');
const file = path.join(__dirname, 'crash-child.cjs');
const cacheFile = file + '.v8cache';
let cachedData;
try { cachedData = fs.readFileSync(cacheFile); } catch {}
const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
if (process.env.CRASH_CHILD_WRITE_CACHE) {
  process.on('exit', () => fs.writeFileSync(cacheFile, script.createCachedData()));
}
const child = new Module(file, module);
child.filename = file;
child.paths = Module._nodeModulePaths(__dirname);
script.runInThisContext().call(child.exports, child.exports, Module.createRequire(file), child, file, __dirname);
`;

/**
 * Bundles scripts/crash-child.ts into `outDir` with a launcher, and starts it once (a clean
 * start and shutdown on a scratch dir) to fill the code cache. Returns the launcher's path.
 */
async function prepareChild(outDir: string): Promise<string> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  await build({
    entryPoints: [path.join(here, 'crash-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: path.join(outDir, 'crash-child.cjs'),
    logLevel: 'silent',
  });
  const launcher = path.join(outDir, 'crash-child-launcher.cjs');
  await writeFile(launcher, LAUNCHER);
  const scratch = await mkdtemp(path.join(outDir, 'warmup-'));
  const warmup = spawn(process.execPath, [launcher, scratch], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, CRASH_CHILD_WRITE_CACHE: '1' },
  });
  const closed = new Promise<void>((resolve) => warmup.once('close', () => resolve()));
  warmup.stdout?.once('data', () => warmup.stdin?.end());
  await closed;
  await rm(scratch, { recursive: true, force: true });
  return launcher;
}

// ---------------------------------------------------------------------------------------------
// Checking a reopened store

interface Findings {
  report: CrashHarnessReport;
  round: number;
  note(kind: string, message: string): void;
}

/** The temp file a child's compaction writes before renaming it over the snapshot. */
const SNAPSHOT_TEMP = (pid: number) =>
  new RegExp(`^\\.${STORE_FILE.replace(/\./g, '\\.')}\\.${pid}\\.\\d+\\.tmp$`);

/** Landed, not landed, or cannot tell (a later edit in flight overwrote or removed it). */
type Landing = 'yes' | 'no' | 'unknown';

function landingOf(store: Store, edit: Edit, later: readonly Edit[]): Landing {
  const has = <T>(list: readonly T[], test: (item: T) => boolean) => list.some(test);
  switch (edit.kind) {
    case 'case':
      return has(store.list('cases'), (c) => c.title === edit.title) ? 'yes' : 'no';
    case 'document':
      return has(store.list('documents'), (d) => d.title === edit.title) ? 'yes' : 'no';
    case 'claim-create':
      return has(store.list('claims'), (c) => markerOf(c.text) === edit.marker) ? 'yes' : 'no';
    case 'claim-update': {
      const claim = store.get('claims', edit.claimId);
      if (!claim) return 'unknown';
      const marker = markerOf(claim.text);
      if (marker === edit.marker) return 'yes';
      const overwritten = later.some(
        (e) => e.kind === 'claim-update' && e.claimId === edit.claimId && e.marker === marker,
      );
      return overwritten ? 'unknown' : 'no';
    }
    case 'claim-delete':
      return store.get('claims', edit.claimId) ? 'no' : 'yes';
    case 'entity':
      return has(store.list('entities'), (e) => e.name === edit.name) ? 'yes' : 'no';
    case 'link': {
      if (has(store.list('links'), (l) => l.note === edit.note)) return 'yes';
      const ends = [edit.fromClaimId, edit.targetClaimId];
      const endGone = ends.some((id) => id !== null && !store.get('claims', id));
      const mergedLater = later.some(
        (e) =>
          e.kind === 'link' &&
          e.relation === edit.relation &&
          ends.includes(e.fromClaimId) &&
          ends.includes(e.targetClaimId),
      );
      return endGone || mergedLater ? 'unknown' : 'no';
    }
    case 'judgment':
      return has(store.list('judgments'), (j) => j.statement === edit.statement) ? 'yes' : 'no';
  }
}

/** Referential integrity: what an edit writes in one journal line must never be half there. */
async function integrityProblems(store: Store): Promise<string[]> {
  const problems: string[] = [];
  const parsed = SnapshotSchema.safeParse(await store.snapshot());
  if (!parsed.success) problems.push(`snapshot does not validate: ${parsed.error.message}`);
  const texts = new Map<string, string>();
  for (const doc of store.list('documents')) {
    if (!store.get('cases', doc.caseId)) problems.push(`document ${doc.id} of a missing case`);
    try {
      const text = await store.texts.get(doc.contentHash);
      if (hashText(text) !== doc.contentHash || text.length !== doc.textLength) {
        problems.push(`document ${doc.id}: its text file does not match its hash or length`);
      }
      texts.set(doc.id, text);
    } catch (error) {
      problems.push(`document ${doc.id}: text unreadable (${String(error)})`);
    }
  }
  for (const claim of store.list('claims')) {
    const text = texts.get(claim.documentId);
    if (text === undefined) problems.push(`claim ${claim.id} on a missing document`);
    else if (text.slice(claim.anchor.start, claim.anchor.end) !== claim.anchor.exact) {
      problems.push(`claim ${claim.id}: its anchor does not match the document`);
    }
  }
  for (const link of store.list('links')) {
    const target = link.target.kind === 'claim' ? link.target.claimId : null;
    if (!store.get('claims', link.fromClaimId) || (target && !store.get('claims', target))) {
      problems.push(`link ${link.id} touches a missing claim`);
    }
  }
  for (const judgment of store.list('judgments')) {
    if (judgment.basis.some((b) => !store.get('claims', b.claimId))) {
      problems.push(`judgment ${judgment.id} rests on a missing claim`);
    }
  }
  return problems;
}

/** Compares the reopened store with the model; returns the number of lost edits. */
function compareWithModel(
  store: Store,
  model: Model,
  inFlight: readonly Edit[],
  findings: Findings,
): number {
  let lost = 0;
  const lose = (message: string) => {
    lost++;
    findings.note('lost', message);
  };
  const pendingUpdates = inFlight.filter(
    (e): e is Extract<Edit, { kind: 'claim-update' }> => e.kind === 'claim-update',
  );
  const pendingDeletes = new Set(
    inFlight.flatMap((e) => (e.kind === 'claim-delete' ? [e.claimId] : [])),
  );
  const pendingLinkNotes = new Set(inFlight.flatMap((e) => (e.kind === 'link' ? [e.note] : [])));

  if (model.caseId && !store.get('cases', model.caseId)) lose(`case ${model.caseId} is missing`);
  for (const [id, doc] of model.documents) {
    if (store.get('documents', id)?.title !== doc.title) lose(`document ${doc.title} is missing`);
  }
  for (const [id, expected] of model.claims) {
    const claim = store.get('claims', id);
    if (!claim) {
      if (!pendingDeletes.has(id)) lose(`claim ${id} (${expected.text.slice(0, 12)}) is missing`);
      continue;
    }
    const mine = pendingUpdates.filter((e) => e.claimId === id);
    const texts = new Set([expected.text, ...mine.map((e) => e.text)]);
    const notes = new Set([expected.notes, ...mine.flatMap((e) => e.notes ?? [])]);
    if (
      !texts.has(claim.text) ||
      !notes.has(claim.notes) ||
      claim.documentId !== expected.documentId
    ) {
      lose(
        `claim ${id}: has ${claim.text.slice(0, 12)}…/notes ${claim.notes.slice(0, 12)}…, ` +
          `expected ${expected.text.slice(0, 12)}…/notes ${expected.notes.slice(0, 12)}…`,
      );
    }
  }
  for (const id of model.deletedClaims) {
    if (store.get('claims', id)) lose(`claim ${id} was deleted (acknowledged) but is back`);
  }
  for (const [id, name] of model.entities) {
    if (store.get('entities', id)?.name !== name) lose(`entity ${name} is missing`);
  }
  for (const [id, expected] of model.links) {
    const link = store.get('links', id);
    const ends = [expected.fromClaimId, expected.targetClaimId];
    if (!link) {
      if (!ends.some((end) => end !== null && pendingDeletes.has(end))) {
        lose(`link ${id} (${expected.note.slice(0, 12)}) is missing`);
      }
      continue;
    }
    if (link.note !== expected.note && !pendingLinkNotes.has(link.note)) {
      lose(`link ${id}: note ${link.note.slice(0, 12)}, expected ${expected.note.slice(0, 12)}`);
    }
  }
  for (const id of model.deletedLinks) {
    if (store.get('links', id)) lose(`link ${id} was deleted with its claim but is back`);
  }
  for (const [id, expected] of model.judgments) {
    const judgment = store.get('judgments', id);
    if (!judgment || judgment.statement !== expected.statement) {
      lose(`judgment ${expected.statement.slice(0, 12)} is missing`);
      continue;
    }
    const basis = judgment.basis.map((b) => b.claimId);
    const extra = basis.filter((c) => !expected.basis.includes(c));
    const gone = expected.basis.filter((c) => !basis.includes(c) && !pendingDeletes.has(c));
    if (extra.length > 0 || gone.length > 0) {
      lose(`judgment ${expected.statement.slice(0, 12)}: basis differs`);
    }
  }
  return lost;
}

/** Records that no acknowledged edit made and no edit in flight could have made. */
function unexpectedRecords(
  store: Store,
  model: Model,
  inFlight: readonly Edit[],
  findings: Findings,
): number {
  const sent = new Set(inFlight.map((e) => e.marker));
  let count = 0;
  const check = (what: string, known: boolean, text: string) => {
    if (known || sent.has(markerOf(text) ?? '')) return;
    count++;
    findings.note('unexpected', `${what} ${text.slice(0, 20)} was never sent`);
  };
  for (const c of store.list('cases')) check('case', c.id === model.caseId, c.title);
  for (const d of store.list('documents')) check('document', model.documents.has(d.id), d.title);
  for (const c of store.list('claims')) check('claim', model.claims.has(c.id), c.text);
  for (const e of store.list('entities')) check('entity', model.entities.has(e.id), e.name);
  for (const l of store.list('links')) check('link', model.links.has(l.id), l.note);
  for (const j of store.list('judgments'))
    check('judgment', model.judgments.has(j.id), j.statement);
  return count;
}

/** The model becomes what the store holds now: in-flight edits that landed are part of it. */
async function resync(store: Store, model: Model): Promise<void> {
  for (const id of model.claims.keys()) if (!store.get('claims', id)) model.deletedClaims.add(id);
  for (const id of model.links.keys()) if (!store.get('links', id)) model.deletedLinks.add(id);
  model.caseId = store.list('cases')[0]?.id ?? null;
  model.documents = new Map();
  for (const d of store.list('documents')) {
    model.documents.set(d.id, { title: d.title, text: await store.texts.get(d.contentHash) });
  }
  model.claims = new Map(
    store
      .list('claims')
      .map((c) => [c.id, { text: c.text, notes: c.notes, documentId: c.documentId }]),
  );
  model.entities = new Map(store.list('entities').map((e) => [e.id, e.name]));
  model.links = new Map(
    store.list('links').map((l) => [
      l.id,
      {
        fromClaimId: l.fromClaimId,
        targetClaimId: l.target.kind === 'claim' ? l.target.claimId : null,
        note: l.note,
      },
    ]),
  );
  model.judgments = new Map(
    store
      .list('judgments')
      .map((j) => [j.id, { statement: j.statement, basis: j.basis.map((b) => b.claimId) }]),
  );
}

async function tempFilesIn(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.tmp')) continue;
    files++;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}

// ---------------------------------------------------------------------------------------------
// One round

/** The moment of each round's kill: a fixed rotation, so every short run covers all four. */
const ROTATION: KillMode[] = [
  'after-ack',
  'mid-burst',
  'after-ack',
  'compaction',
  'mid-burst',
  'after-ack',
  'startup',
  'mid-burst',
];

/** Stop a compaction round that has not compacted after this many edits (it should, by far). */
const MAX_BIG_EDITS = 1500;
const ROUND_TIMEOUT_MS = 60_000;

interface RoundContext {
  script: string;
  planner: Planner;
  report: CrashHarnessReport;
  /** Milliseconds the last child took to become ready. */
  readyMs: number;
  /** How long writing a snapshot takes, as last seen (temp file created to renamed). */
  compactionMs: number;
  log: (line: string) => void;
  verbose: boolean;
}

async function runRound(ctx: RoundContext, model: Model, round: number): Promise<boolean> {
  const { planner, report } = ctx;
  const { rng } = planner;
  const mode = ROTATION[round % ROTATION.length] ?? 'after-ack';
  report.modes[mode]++;
  const findings: Findings = {
    report,
    round,
    note: (kind, message) => {
      if (report.findings.length < 30) report.findings.push(`round ${round} ${kind}: ${message}`);
    },
  };

  const doomed = new Set<string>();
  let acks = 0;
  let killTimer: NodeJS.Timeout | null = null;
  let stopSending = false;
  let watcher: FSWatcher | null = null;
  let compactionStarted = false;

  const child: Child = new Child(ctx.script, model.dir, (edit, ack) => {
    if (edit.kind === 'claim-delete') doomed.delete(edit.claimId);
    if (ack.ok) {
      acks++;
      report.acknowledged++;
      const problem = applyAck(model, edit, ack.ref);
      if (problem) findings.note('harness', problem);
    } else {
      report.rejected++;
      findings.note('rejected', `${edit.kind} ${edit.marker}: ${ack.error?.message ?? '?'}`);
    }
    onAck();
  });
  const killNow = () => {
    if (child.killRequested) return;
    const writing = SNAPSHOT_TEMP(child.pid);
    if (mode === 'compaction' && readdirSync(model.dir).some((n) => writing.test(n))) {
      report.killsDuringSnapshotWrite++;
    }
    child.kill();
  };
  /** Kills after `ms`; 0 kills at once, without a turn of the event loop. */
  const killIn = (ms: number) => {
    if (killTimer || child.killRequested) return;
    if (ms === 0) killNow();
    else killTimer = setTimeout(killNow, ms);
  };
  const watchdog = setTimeout(() => {
    findings.note('stall', `round did not end within ${ROUND_TIMEOUT_MS} ms`);
    report.childFailures++;
    child.kill();
  }, ROUND_TIMEOUT_MS);

  // Decide this round's kill.
  const killAfterAcks = rng.int(1, 80);
  const keepSendingDuringDelay = rng.chance(0.5);
  const burstsBeforeKill = rng.int(0, 10);
  let bursts = 0;
  const onAck = () => {
    if (mode === 'after-ack' && acks === killAfterAcks) {
      killIn(rng.int(0, 40));
      if (!keepSendingDuringDelay) stopSending = true;
    }
    if (mode === 'compaction' && acks >= MAX_BIG_EDITS) killIn(0);
  };

  if (mode === 'startup') killIn(rng.int(0, Math.round(ctx.readyMs * 1.1)));
  if (mode === 'compaction') {
    const writing = SNAPSHOT_TEMP(child.pid);
    let startedAt = 0;
    watcher = watch(model.dir, (_event, name) => {
      if (!name || !writing.test(name)) return;
      if (!compactionStarted) {
        // The child has begun writing the snapshot: kill inside the write (how long one
        // takes is learnt from the compactions seen to finish), or after it, while the
        // journal is truncated or the next edits queue behind it.
        compactionStarted = true;
        startedAt = performance.now();
        report.compactionsSeen++;
        const roll = rng.next();
        const took = Math.max(2, Math.round(ctx.compactionMs));
        killIn(
          roll < 0.2
            ? 0
            : roll < 0.45
              ? rng.int(1, took)
              : roll < 0.7
                ? rng.int(took, took * 3)
                : rng.int(0, 60),
        );
      } else if (!existsSync(path.join(model.dir, name))) {
        ctx.compactionMs = (ctx.compactionMs + performance.now() - startedAt) / 2;
        report.snapshotWriteMs = ctx.compactionMs;
      }
    });
  }

  if (await child.waitReady()) {
    ctx.readyMs = (child.readyAt ?? Date.now()) - child.spawnedAt;
    while (!child.killRequested && !child.exited && !stopSending) {
      const size =
        mode === 'mid-burst'
          ? rng.int(3, 12)
          : mode === 'compaction'
            ? rng.int(4, 8)
            : rng.int(1, 6);
      const big = mode === 'compaction';
      for (let i = 0; i < size; i++) {
        const edit = planEdit(planner, model, doomed, big);
        if (edit.kind === 'claim-delete') doomed.add(edit.claimId);
        child.send(edit, model.caseId);
        // The case and the documents are needed before anything can refer to them.
        if (edit.kind === 'case' || edit.kind === 'document') break;
      }
      if (mode === 'mid-burst' && bursts++ === burstsBeforeKill) {
        // Several edits in flight: kill before, while or after the child works through them.
        killIn(rng.int(0, size * 2));
        break;
      }
      await child.drain();
    }
  } else if (!child.killRequested && child.fatal !== null) {
    findings.note('child', `the backend did not start: ${child.fatal}`);
  }
  // Wait for the kill (a round always ends in one); the acks still in the pipe are read first.
  while (!child.killRequested && !child.exited) await child.drain().then(() => sleep(5));
  await child.closed;
  clearTimeout(watchdog);
  if (killTimer) clearTimeout(killTimer);
  watcher?.close();
  if (child.protocolErrors.length > 0) {
    report.childFailures++;
    findings.note('protocol', child.protocolErrors.slice(0, 3).join('; '));
  }
  if (!child.killRequested) {
    report.childFailures++;
    findings.note(
      'child',
      `exited by itself (${child.fatal ?? child.proc.exitCode}): ${child.stderr.join(' | ')}`,
    );
  }

  const inFlight = [...child.inFlight.values()];
  report.inFlightAtKill += inFlight.length;
  const killedAt = Date.now();
  const usable = await verifyRound(ctx, model, inFlight, findings, mode, child);
  if (ctx.verbose) {
    const ready = child.readyAt ? child.readyAt - child.spawnedAt : -1;
    ctx.log(
      `  timing: ready ${ready} ms, edits ${killedAt - (child.readyAt ?? killedAt)} ms (${acks} acks), verify ${Date.now() - killedAt} ms`,
    );
  }
  return usable;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Reopens the data dir as a restart would and checks it. Returns false when it is unusable. */
async function verifyRound(
  ctx: RoundContext,
  model: Model,
  inFlight: readonly Edit[],
  findings: Findings,
  mode: KillMode,
  child: Child,
): Promise<boolean> {
  const { report } = ctx;
  let store: Store;
  try {
    store = await Store.open(model.dir, { owner: 'the crash harness' });
  } catch (error) {
    if (error instanceof StoreError && (error.kind === 'corrupt' || error.kind === 'invalid')) {
      report.corruptStores++;
      findings.note('corrupt', error.message);
    } else {
      report.failedOpens++;
      findings.note('open', error instanceof Error ? error.message : String(error));
    }
    return false;
  }
  report.opens++;
  let usable = true;
  try {
    const problems = await integrityProblems(store);
    if (problems.length > 0) {
      report.corruptStores++;
      usable = false;
      for (const p of problems.slice(0, 3)) findings.note('corrupt', p);
    }
    const lost = compareWithModel(store, model, inFlight, findings);
    report.lostAcknowledgedEdits += lost;
    report.unexpectedRecords += unexpectedRecords(store, model, inFlight, findings);

    const landings = inFlight.map((edit, i) => landingOf(store, edit, inFlight.slice(i + 1)));
    report.inFlightLanded += landings.filter((l) => l === 'yes').length;
    const firstNo = landings.indexOf('no');
    if (firstNo >= 0 && landings.slice(firstNo + 1).includes('yes')) {
      report.outOfOrder++;
      findings.note('order', `in flight: ${landings.join(',')}`);
    }
    if (ctx.verbose) {
      ctx.log(
        `round ${findings.round} ${mode}: pid ${child.pid}, ready ${child.readyAt ? 'yes' : 'no'}, ` +
          `in flight ${inFlight.length} [${landings.join(',')}], claims ${store.list('claims').length}, lost ${lost}`,
      );
    }
    await resync(store, model);
  } finally {
    await store.close();
  }
  return usable;
}

// ---------------------------------------------------------------------------------------------
// The run

export async function runCrashHarness(
  options: CrashHarnessOptions = {},
): Promise<CrashHarnessReport> {
  const kills = options.kills ?? 200;
  const seed = (options.seed ?? Date.now() % 2 ** 31) >>> 0;
  const freshEvery = Math.max(1, options.freshEvery ?? 20);
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const report: CrashHarnessReport = {
    seed,
    kills: 0,
    opens: 0,
    corruptStores: 0,
    lostAcknowledgedEdits: 0,
    unexpectedRecords: 0,
    outOfOrder: 0,
    failedOpens: 0,
    childFailures: 0,
    acknowledged: 0,
    rejected: 0,
    inFlightAtKill: 0,
    inFlightLanded: 0,
    modes: { 'after-ack': 0, 'mid-burst': 0, compaction: 0, startup: 0 },
    killsDuringSnapshotWrite: 0,
    compactionsSeen: 0,
    snapshotWriteMs: 0,
    leftoverTempFiles: 0,
    leftoverTempBytes: 0,
    seconds: 0,
    findings: [],
    keptDirs: [],
  };

  const root = await mkdtemp(path.join(os.tmpdir(), 'claimdesk-crash-'));
  const rng = new Rng(seed);
  const pool = words(rng, 4000);
  const ctx: RoundContext = {
    script: await prepareChild(root),
    planner: { rng, pool, counter: 0 },
    report,
    readyMs: 350,
    compactionMs: 5,
    log,
    verbose: options.verbose ?? false,
  };
  const dirs: string[] = [];
  const keep = new Set<string>();
  let model: Model | null = null;
  try {
    for (let round = 0; round < kills; round++) {
      if (!model || round % freshEvery === 0) {
        const dir = path.join(root, `data-${dirs.length + 1}`);
        await mkdir(dir);
        dirs.push(dir);
        model = emptyModel(dir);
      }
      const before = report.lostAcknowledgedEdits + report.corruptStores + report.unexpectedRecords;
      const usable = await runRound(ctx, model, round);
      report.kills++;
      const after = report.lostAcknowledgedEdits + report.corruptStores + report.unexpectedRecords;
      if (after > before || !usable) keep.add(model.dir);
      // An unusable store is left for inspection; the next round starts afresh.
      if (!usable) model = null;
      if ((round + 1) % 25 === 0 || round + 1 === kills) {
        log(
          `  ${round + 1}/${kills} kills, ${report.opens} opens, ${report.corruptStores} corrupt, ` +
            `${report.lostAcknowledgedEdits} lost, ${Math.round((Date.now() - started) / 1000)} s`,
        );
      }
    }
    for (const dir of dirs) {
      const temp = await tempFilesIn(dir);
      report.leftoverTempFiles += temp.files;
      report.leftoverTempBytes += temp.bytes;
    }
  } finally {
    report.seconds = (Date.now() - started) / 1000;
    if (options.keep) {
      report.keptDirs.push(root);
    } else if (keep.size > 0) {
      report.keptDirs.push(...keep);
      await Promise.all(
        dirs.filter((d) => !keep.has(d)).map((d) => rm(d, { recursive: true, force: true })),
      );
    } else {
      await rm(root, { recursive: true, force: true });
    }
  }
  return report;
}

function parseArgs(argv: readonly string[]): CrashHarnessOptions {
  const options: CrashHarnessOptions = {};
  const number = (flag: string, value: string | undefined): number => {
    const n = Number(value);
    if (value === undefined || !Number.isInteger(n) || n < 0) {
      throw new Error(`${flag} needs a whole number, e.g. ${flag} 20`);
    }
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--kills') options.kills = number(arg, argv[++i]);
    else if (arg === '--seed') options.seed = number(arg, argv[++i]);
    else if (arg === '--fresh-every') options.freshEvery = number(arg, argv[++i]);
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--verbose') options.verbose = true;
    else throw new Error(`unknown option ${arg}`);
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const seed = options.seed ?? Date.now() % 2 ** 31;
  console.log(`crash harness: seed ${seed}, ${options.kills ?? 200} kills`);
  const report = await runCrashHarness({ ...options, seed, log: (line) => console.log(line) });
  for (const finding of report.findings) console.log(`  ${finding}`);
  console.log(detailLine(report));
  if (report.keptDirs.length > 0) console.log(`  data kept in ${report.keptDirs.join(', ')}`);
  console.log(summaryLine(report));
  process.exitCode = harnessFailed(report) ? 1 : 0;
}

const invokedDirectly =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 2;
  });
}
