/**
 * Kills during the repairs the recovery screen runs: "Restore this backup" and "Start with an
 * empty store" (electron/backend/store/recovery.ts).
 *
 * Each round builds a store with acknowledged edits (some in a backup made on close, more in
 * the journal of a session killed after them), damages it the ways issue 10 lists (a
 * claimdesk.json that is garbage or gone, a segment gone or damaged), checks that it is
 * refused as damaged (the recovery screen), then runs the repair in a child and kills it:
 * paused at one of the repair's steps, at a random moment, or while the store opens on the
 * repaired files (the journal's lenient replay, the fold after it).
 *
 * After the kill, what the user would do next: start again; if the recovery screen is
 * offered, run the repair once more; then the store must open, never as a new empty store.
 * A restore must hold every acknowledged edit (the journal since the newest backup is intact,
 * so all of it is replayed), or report what it could not replay; an empty start must keep the
 * backup, whose restore then brings every acknowledged edit back. The backup restored (the
 * newest that opened cleanly) must still be there, usable.
 */
import { readdir, rm, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { listBackups } from '../../electron/backend/store/backups';
import { StoreError } from '../../electron/backend/store/errors';
import { isRecoverable, restoreBackup, startEmpty } from '../../electron/backend/store/recovery';
import { BACKUPS_DIR, SEGMENTS_DIR, STORE_FILE } from '../../electron/backend/store/store';
import { Child } from './child';
import { endOfRound, finding, newDataDir, watchdog, type HarnessContext } from './context';
import { emptyModel } from './edits';
import { bump, emptyStats, scenarioFailed, type ScenarioName, type ScenarioStats } from './report';
import { checkStore, seedStore, storeEditRound, type StoreModel } from './storeRounds';
import { compareWithModel, openAndRead, type View } from './verify';

const RESTORE_STEPS = ['set-aside', 'segments', 'texts', 'manifest', 'repaired'];
const EMPTY_STEPS = ['set-aside', 'manifest', 'repaired'];
const DAMAGE = ['garbage manifest', 'manifest gone', 'segment gone', 'segment damaged'] as const;

/** Damages the store one of the ways a disk or a hand does; returns which. */
async function damage(ctx: HarnessContext, dir: string): Promise<string> {
  const how = ctx.planner.rng.pick(DAMAGE);
  const segments = (await readdir(path.join(dir, SEGMENTS_DIR))).filter((n) => n.endsWith('.json'));
  const segment = path.join(dir, SEGMENTS_DIR, ctx.planner.rng.pick(segments));
  if (how === 'garbage manifest') await writeFile(path.join(dir, STORE_FILE), '{"schemaVer');
  else if (how === 'manifest gone') await rm(path.join(dir, STORE_FILE));
  else if (how === 'segment gone') await rm(segment);
  else await truncate(segment, 10);
  return how;
}

/**
 * Opens as a start would: the store's contents, null for a refusal the recovery screen
 * handles (damaged or missing), or the error of any other failure.
 */
async function startAgain(dir: string): Promise<View | null | Error> {
  try {
    return await openAndRead(dir);
  } catch (error) {
    if (error instanceof StoreError && isRecoverable(error)) return null;
    return error instanceof Error ? error : new Error(String(error));
  }
}

export async function runRepairRound(
  ctx: HarnessContext,
  scenario: Extract<ScenarioName, 'restore' | 'start-empty'>,
  stats: ScenarioStats,
  round: number,
): Promise<void> {
  const { rng } = ctx.planner;
  const note = (kind: string, message: string) => finding(ctx, scenario, round, kind, message);
  const model: StoreModel = { ...emptyModel(await newDataDir(ctx, scenario)), records: new Map() };

  // A store, backed up on close, then more edits in the journal of a session that crashed.
  await seedStore(ctx, model, rng.int(5, 40));
  const [backup] = (await listBackups(path.join(model.dir, BACKUPS_DIR))).filter(
    (b) => b.usable && b.kind === 'rotating',
  );
  if (!backup) {
    note('setup', 'no backup was made on close');
    stats.corrupt++;
    return;
  }
  const setup = { scenario, stats: emptyStats(), model, round };
  const inFlight = await storeEditRound(ctx, { ...setup, killOn: 'acks', args: [] });
  // The next start after that crash (an ordinary one), then the damage.
  if (
    !(await checkStore(ctx, setup, inFlight)) ||
    scenarioFailed({ ...setup.stats, opens: 0, kills: 0 })
  ) {
    note('setup', 'the session before the damage already lost edits');
    stats.lost += setup.stats.lost;
    stats.corrupt += setup.stats.corrupt + 1;
    return;
  }
  const fail = (kind: string, message: string) => {
    note(kind, message);
    stats.corrupt++;
    ctx.keep.add(model.dir);
  };
  bump(stats, `damage ${await damage(ctx, model.dir)}`);
  const damaged = await startAgain(model.dir);
  if (damaged !== null) {
    fail('damage', damaged instanceof Error ? damaged.message : 'the damaged store opened');
    return;
  }

  // The repair, killed.
  const steps = scenario === 'restore' ? RESTORE_STEPS : EMPTY_STEPS;
  const pauseAt = rng.chance(0.7) ? rng.pick(steps) : null;
  const args = [model.dir, '--mode', scenario, '--backup', backup.file];
  const child = new Child(ctx.scripts.store, pauseAt ? [...args, '--pause-at', pauseAt] : args);
  const stopWatchdog = watchdog(ctx, scenario, stats, round, child);
  if (await child.waitReady()) {
    if (pauseAt) {
      await child.waitFor((e) => e.step === pauseAt);
      // Paused at a step, or past `repaired`: a moment later, while the store opens.
      if (pauseAt === 'repaired') await new Promise((r) => setTimeout(r, rng.int(0, 60)));
      bump(stats, `kills at ${pauseAt}`);
    } else {
      await new Promise((r) => setTimeout(r, rng.int(0, 40)));
      bump(stats, 'kills at random');
    }
    child.kill();
  }
  await endOfRound(ctx, scenario, stats, round, child);
  stopWatchdog();
  stats.kills++;

  // The next start; the recovery screen again if the repair did not get through.
  let view = await startAgain(model.dir);
  if (view === null) {
    stats.recoveryOffered++;
    if (scenario === 'restore') await restoreBackup(model.dir, backup.file);
    else await startEmpty(model.dir);
    view = await startAgain(model.dir);
  }
  if (!view || view instanceof Error) {
    fail('open', view ? view.message : 'the repair, run again, left a store that does not open');
    return;
  }
  stats.opens++;
  if (view.report.created || view.problems.length > 0) {
    fail('corrupt', view.report.created ? 'a new store was made' : view.problems.join('; '));
  }
  if (scenario === 'start-empty') {
    if (view.cases.size > 0) fail('empty', 'the empty store is not empty');
    // Nothing is lost by starting empty: the backup and the journal after it are kept.
    await restoreBackup(model.dir, backup.file);
    view = await startAgain(model.dir);
    if (!view || view instanceof Error) {
      fail('open', `the backup did not restore after an empty start: ${String(view)}`);
      return;
    }
  }
  const recovered = view.report.recovered;
  if (recovered) {
    stats.recovered += recovered.replayed;
    bump(stats, 'unreadable lines', recovered.unreadable);
  }
  const missing: string[] = [];
  const lost = compareWithModel(view, model, [], (m) => missing.push(m));
  const reported = recovered ? recovered.skipped : 0;
  stats.reported += Math.min(lost, reported);
  stats.lost += Math.max(0, lost - reported);
  if (lost > reported) missing.slice(0, 3).forEach((m) => note('lost', m));
  const still = (await listBackups(path.join(model.dir, BACKUPS_DIR))).find(
    (b) => b.file === backup.file,
  );
  if (!still?.usable) {
    stats.backupsLost++;
    note('backup', `${backup.file} is ${still ? `unusable: ${still.problem}` : 'gone'}`);
  }
}
