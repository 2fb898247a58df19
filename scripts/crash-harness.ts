/**
 * Crash harness for the store (DESIGN.md "Store", issue 10).
 *
 * THE INVARIANT, checked after every kill: no sequence of crashes loses an acknowledged edit
 * or the last good copy. Precisely, once a killed process is gone and the next start has run
 * (and, for a store refused as damaged or missing, the repair the recovery screen offers):
 * - the store opens, or the recovery screen is offered; it is never refused for anything
 *   else, and never replaced by a new, empty store while remnants of one are there;
 * - every acknowledged edit is in it with its claim history (an edit is acknowledged once its
 *   journal line is on disk), except, after a restore, edits the restore reports it could not
 *   replay (never silently dropped); nothing never sent appears; of the edits in flight at
 *   the kill, a prefix landed;
 * - the newest backup that opened cleanly is still there and restorable, and no backup that
 *   exists is half written; an older store's copy is kept once, byte for byte.
 *
 * Scenarios (each a real child process, scripts/crash-child.ts, killed with SIGKILL):
 * - edits: a mix of edits through the contract, killed after an acknowledgement, mid-burst,
 *   while a fold writes its segments, or at startup (scripts/crash/editRounds.ts);
 * - restore, start-empty: the recovery screen's repairs of a damaged store, killed at each of
 *   their steps or at random, or while the repaired store opens (crash/repairRounds.ts);
 * - rotation: edits that fold and back up all the time, killed while a backup is copied,
 *   written and the old ones pruned (crash/editRounds.ts);
 * - migration: the conversion of a version 5 store, killed mid-way (crash/migrationRounds.ts).
 *
 * SIGKILL ends the process, not the machine: writes handed to the kernel survive it, so this
 * checks crash consistency of the process, not power-loss durability.
 *
 * Usage: tsx scripts/crash-harness.ts [--kills N] [--only SCENARIO[,SCENARIO]] [--seed S]
 *                                      [--fresh-every N] [--keep] [--verbose]
 * `--kills N` sets every scenario's kills (default 200 edits, 40 restore, 20 start-empty,
 * 40 rotation, 30 migration).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listBackups } from '../electron/backend/store/backups';
import { BACKUPS_DIR } from '../electron/backend/store/store';
import { prepareChildren } from './crash/child';
import { finding, newDataDir, type HarnessContext } from './crash/context';
import { runEditRound, type KillMoment } from './crash/editRounds';
import { emptyModel, type Model } from './crash/edits';
import { words } from './crash/planner';
import { checkStore, seedStore, storeEditRound, type StoreModel } from './crash/storeRounds';
import { runMigrationRound } from './crash/migrationRounds';
import { runRepairRound } from './crash/repairRounds';
import {
  DEFAULT_KILLS,
  Rng,
  SCENARIOS,
  emptyStats,
  harnessFailed,
  scenarioFailed,
  scenarioLine,
  summaryLine,
  type CrashHarnessOptions,
  type CrashHarnessReport,
  type ScenarioName,
  type ScenarioStats,
} from './crash/report';
import { tempFilesIn } from './crash/verify';

export { harnessFailed, scenarioLine, summaryLine, SCENARIOS };
export type { CrashHarnessOptions, CrashHarnessReport, ScenarioName };

/** The moment of each edit round's kill: a fixed rotation, so any 4 rounds cover all four. */
const EDIT_MOMENTS: KillMoment[] = ['fold', 'mid-burst', 'startup', 'after-ack', 'after-ack'];
/** Fold at 256 KB of journal (the store's default is 8 MB): folds every few rounds. */
const FOLD_AFTER = String(256 * 1024);

async function editsScenario(
  ctx: HarnessContext,
  stats: ScenarioStats,
  kills: number,
  freshEvery: number,
): Promise<void> {
  let model: Model | null = null;
  for (let round = 0; round < kills; round++) {
    if (!model || round % freshEvery === 0) model = emptyModel(await newDataDir(ctx, 'edits'));
    const moment = EDIT_MOMENTS[round % EDIT_MOMENTS.length] ?? 'after-ack';
    const args = ['--fold-after', FOLD_AFTER];
    const usable = await runEditRound(ctx, {
      scenario: 'edits',
      stats,
      model,
      round,
      moment,
      args,
    });
    if (!usable) {
      ctx.keep.add(model.dir);
      model = null;
    }
    progress(ctx, 'edits', stats, round, kills);
  }
}

/** Backups made and pruned all the time; the newest whole one must survive every kill. */
async function rotationScenario(ctx: HarnessContext, stats: ScenarioStats, kills: number) {
  let model: StoreModel | null = null;
  for (let round = 0; round < kills; round++) {
    if (!model || round % 10 === 0) {
      model = { ...emptyModel(await newDataDir(ctx, 'rotation')), records: new Map() };
      await seedStore(ctx, model, 3);
    }
    const backupsDir = path.join(model.dir, BACKUPS_DIR);
    const newest = (await listBackups(backupsDir)).find((b) => b.usable && b.kind === 'rotating');
    const r = { scenario: 'rotation' as const, stats, model, round };
    const killOn = round % 3 === 2 ? 'acks' : 'backup';
    const inFlight = await storeEditRound(ctx, { ...r, killOn, args: ['--rotation'] });
    stats.kills++;
    const usable = await checkStore(ctx, r, inFlight);
    const listed = await listBackups(backupsDir);
    bump(stats, 'backups kept', listed.length);
    for (const b of listed.filter((x) => x.kind === 'rotating' && !x.usable)) {
      stats.backupsLost++;
      finding(ctx, 'rotation', round, 'backup', `${b.file} is listed but unusable: ${b.problem}`);
    }
    if (newest && !listed.some((b) => b.file === newest.file && b.usable)) {
      stats.backupsLost++;
      finding(ctx, 'rotation', round, 'backup', `the newest whole backup ${newest.file} is gone`);
    }
    if (!usable) {
      ctx.keep.add(model.dir);
      model = null;
    }
    progress(ctx, 'rotation', stats, round, kills);
  }
}

const bump = (stats: ScenarioStats, figure: string, by = 1) => {
  stats.figures[figure] = (stats.figures[figure] ?? 0) + by;
};

function progress(
  ctx: HarnessContext,
  name: ScenarioName,
  stats: ScenarioStats,
  round: number,
  kills: number,
): void {
  if ((round + 1) % 25 === 0 || round + 1 === kills) {
    ctx.log(
      `  ${name}: ${round + 1}/${kills} kills, ${stats.opens} opens, ${stats.corrupt} corrupt, ` +
        `${stats.lost} lost`,
    );
  }
}

export async function runCrashHarness(
  options: CrashHarnessOptions = {},
): Promise<CrashHarnessReport> {
  const seed = (options.seed ?? Date.now() % 2 ** 31) >>> 0;
  const kills = { ...DEFAULT_KILLS, ...options.kills };
  const started = Date.now();
  const report: CrashHarnessReport = {
    seed,
    scenarios: {},
    seconds: 0,
    findings: [],
    keptDirs: [],
    leftoverTempFiles: 0,
  };
  const root = await mkdtemp(path.join(os.tmpdir(), 'claimdesk-crash-'));
  const rng = new Rng(seed);
  const ctx: HarnessContext = {
    scripts: await prepareChildren(root),
    planner: { rng, pool: words(rng, 4000), counter: 0 },
    report,
    root,
    log: options.log ?? (() => undefined),
    verbose: options.verbose ?? false,
    keep: new Set(),
    dirs: [],
    readyMs: 350,
  };
  try {
    for (const name of SCENARIOS) {
      const n = kills[name];
      if (n <= 0) continue;
      const stats = emptyStats();
      report.scenarios[name] = stats;
      const before = ctx.dirs.length;
      const scenarioStarted = Date.now();
      if (name === 'edits')
        await editsScenario(ctx, stats, n, Math.max(1, options.freshEvery ?? 20));
      else if (name === 'rotation') await rotationScenario(ctx, stats, n);
      else if (name === 'migration') {
        const conversion = { ms: 600 };
        for (let round = 0; round < n; round++) {
          await runMigrationRound(ctx, stats, round, conversion);
          progress(ctx, name, stats, round, n);
        }
      } else {
        for (let round = 0; round < n; round++) {
          await runRepairRound(ctx, name, stats, round);
          progress(ctx, name, stats, round, n);
        }
      }
      stats.figures.seconds = (Date.now() - scenarioStarted) / 1000;
      if (scenarioFailed(stats)) ctx.dirs.slice(before).forEach((d) => ctx.keep.add(d));
    }
    for (const dir of ctx.dirs) report.leftoverTempFiles += (await tempFilesIn(dir)).files;
  } finally {
    report.seconds = (Date.now() - started) / 1000;
    if (options.keep) {
      report.keptDirs.push(root);
    } else if (ctx.keep.size > 0) {
      report.keptDirs.push(...ctx.keep);
      await Promise.all(
        ctx.dirs
          .filter((d) => !ctx.keep.has(d))
          .map((d) => rm(d, { recursive: true, force: true })),
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
  let only: ScenarioName[] | null = null;
  let each: number | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--kills') each = number(arg, argv[++i]);
    else if (arg === '--seed') options.seed = number(arg, argv[++i]);
    else if (arg === '--fresh-every') options.freshEvery = number(arg, argv[++i]);
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--verbose') options.verbose = true;
    else if (arg === '--only') {
      only = (argv[++i] ?? '').split(',') as ScenarioName[];
      const unknown = only.filter((s) => !SCENARIOS.includes(s));
      if (unknown.length > 0) throw new Error(`unknown scenario ${unknown.join(', ')}`);
    } else throw new Error(`unknown option ${arg}`);
  }
  options.kills = Object.fromEntries(
    SCENARIOS.map((s) => [s, only && !only.includes(s) ? 0 : (each ?? DEFAULT_KILLS[s])]),
  );
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const seed = options.seed ?? Date.now() % 2 ** 31;
  console.log(`crash harness: seed ${seed}`);
  const report = await runCrashHarness({ ...options, seed, log: (line) => console.log(line) });
  for (const line of report.findings) console.log(`  ${line}`);
  for (const name of SCENARIOS) {
    const stats = report.scenarios[name];
    if (stats) console.log(scenarioLine(name, stats));
  }
  if (report.keptDirs.length > 0) console.log(`  data kept in ${report.keptDirs.join(', ')}`);
  console.log(`  ${report.leftoverTempFiles} temp files left in the data dirs after the checks`);
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
