/**
 * Rounds of edits ended by a SIGKILL, and their check: the child runs a realistic mix of
 * edits through the contract; the harness kills it at a moment the round chose; then the data
 * dir is opened as the next start would and compared with every acknowledged edit.
 *
 * The `edits` scenario: kills after an ack, mid-burst, during a fold's writing, at startup.
 */
import { mkdirSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { StoreError } from '../../electron/backend/store/errors';
import { isRecoverable } from '../../electron/backend/store/recovery';
import { SEGMENTS_DIR } from '../../electron/backend/store/store';
import { Child } from './child';
import { endOfRound, finding, sleep, watchdog, type HarnessContext } from './context';
import { applyAck, type Edit, type Model } from './edits';
import { planEdit } from './planner';
import { bump, type ScenarioName, type ScenarioStats } from './report';
import { compareWithModel, landingOf, openAndRead, resync, unexpectedRecords } from './verify';

export type KillMoment = 'after-ack' | 'mid-burst' | 'fold' | 'startup';

export interface EditRound {
  scenario: ScenarioName;
  stats: ScenarioStats;
  model: Model;
  round: number;
  moment: KillMoment;
  /** Extra arguments for the child (`--fold-after N`). */
  args: string[];
}

/** Stop a round that has not reached its kill after this many edits (it should, by far). */
const MAX_EDITS = 1500;

/** Runs one round; returns false when the data dir is unusable afterwards. */
export async function runEditRound(ctx: HarnessContext, r: EditRound): Promise<boolean> {
  const { rng } = ctx.planner;
  const { stats, model, moment } = r;
  bump(stats, `kills ${moment}`);
  const doomed = new Set<string>();
  let acks = 0;
  let killTimer: NodeJS.Timeout | null = null;
  let stopSending = false;
  let watcher: FSWatcher | null = null;

  const killAfterAcks = rng.int(1, 80);
  const keepSendingDuringDelay = rng.chance(0.5);
  const burstsBeforeKill = rng.int(0, 10);
  let bursts = 0;

  const child: Child = new Child(ctx.scripts.backend, [model.dir, ...r.args], (edit, ack) => {
    if (edit.kind === 'claim-delete') doomed.delete(edit.claimId);
    if (ack.ok) {
      acks++;
      bump(stats, 'acks');
      const problem = applyAck(model, edit, ack.ref);
      if (problem) finding(ctx, r.scenario, r.round, 'harness', problem);
    } else {
      bump(stats, 'rejected');
      finding(ctx, r.scenario, r.round, 'rejected', `${edit.kind}: ${ack.error?.message ?? ''}`);
    }
    if (moment === 'after-ack' && acks === killAfterAcks) {
      killIn(rng.int(0, 40));
      if (!keepSendingDuringDelay) stopSending = true;
    }
    if (acks >= MAX_EDITS) killIn(0);
  });
  const killNow = () => {
    if (!child.killRequested) child.kill();
  };
  /** Kills after `ms`; 0 kills at once, without a turn of the event loop. */
  const killIn = (ms: number) => {
    if (killTimer || child.killRequested) return;
    if (ms === 0) killNow();
    else killTimer = setTimeout(killNow, ms);
  };
  const stopWatchdog = watchdog(ctx, r.scenario, stats, r.round, child);

  if (moment === 'startup') killIn(rng.int(0, Math.round(ctx.readyMs * 1.1)));
  if (moment === 'fold') {
    // A fold writes its segments under temp names: kill inside the writing or just after.
    let seen = false;
    // Made here if the store is new: an empty segments/ is what a new store makes anyway.
    mkdirSync(path.join(model.dir, SEGMENTS_DIR), { recursive: true });
    watcher = watch(path.join(model.dir, SEGMENTS_DIR), (_event, name) => {
      if (seen || !name?.endsWith('.tmp')) return;
      seen = true;
      bump(stats, 'folds seen');
      const roll = rng.next();
      killIn(roll < 0.3 ? 0 : roll < 0.7 ? rng.int(1, 10) : rng.int(10, 80));
    });
  }

  if (await child.waitReady()) {
    ctx.readyMs = (child.readyAt ?? Date.now()) - child.spawnedAt;
    while (!child.killRequested && !child.exited && !stopSending) {
      const big = moment === 'fold';
      const size = moment === 'mid-burst' ? rng.int(3, 12) : big ? rng.int(4, 8) : rng.int(1, 6);
      for (let i = 0; i < size; i++) {
        const edit = planEdit(ctx.planner, model, doomed, big);
        if (edit.kind === 'claim-delete') doomed.add(edit.claimId);
        child.send(edit, model.caseId);
        // The case and the documents are needed before anything can refer to them.
        if (edit.kind === 'case' || edit.kind === 'document') break;
      }
      if (moment === 'mid-burst' && bursts++ === burstsBeforeKill) {
        // Several edits in flight: kill before, while or after the child works through them.
        killIn(rng.int(0, size * 2));
        break;
      }
      await child.drain();
    }
  } else if (!child.killRequested && child.fatal !== null) {
    finding(ctx, r.scenario, r.round, 'child', `the backend did not start: ${child.fatal}`);
  }
  await endOfRound(ctx, r.scenario, stats, r.round, child);
  stopWatchdog();
  if (killTimer) clearTimeout(killTimer);
  watcher?.close();
  stats.kills++;

  const inFlight = [...child.inFlight.values()];
  bump(stats, 'in flight', inFlight.length);
  return checkEdits(ctx, r, inFlight);
}

/**
 * The invariant after a kill during edits: the store opens (never refused, never created
 * anew), holds every acknowledged edit and its history, nothing never sent, and of the edits
 * in flight a prefix landed.
 */
async function checkEdits(
  ctx: HarnessContext,
  r: EditRound,
  inFlight: readonly Edit[],
): Promise<boolean> {
  const { stats, model } = r;
  const note = (kind: string) => (message: string) =>
    finding(ctx, r.scenario, r.round, kind, message);
  let view;
  try {
    view = await openAndRead(model.dir);
  } catch (error) {
    stats.corrupt++;
    if (error instanceof StoreError && isRecoverable(error)) stats.recoveryOffered++;
    note('open')(error instanceof Error ? error.message : String(error));
    return false;
  }
  stats.opens++;
  let usable = true;
  if (view.report.created && model.caseId !== null) {
    stats.corrupt++;
    usable = false;
    note('created')('a new, empty store was made over the data');
  }
  if (view.problems.length > 0) {
    stats.corrupt++;
    usable = false;
    view.problems.slice(0, 3).forEach(note('corrupt'));
  }
  stats.lost += compareWithModel(view, model, inFlight, note('lost'));
  stats.unexpected += unexpectedRecords(view, model, inFlight, note('unexpected'));
  const landings = inFlight.map((edit, i) => landingOf(view, edit, inFlight.slice(i + 1)));
  bump(stats, 'in flight landed', landings.filter((l) => l === 'yes').length);
  const firstNo = landings.indexOf('no');
  if (firstNo >= 0 && landings.slice(firstNo + 1).includes('yes')) {
    stats.outOfOrder++;
    note('order')(`in flight: ${landings.join(',')}`);
  }
  if (ctx.verbose) {
    ctx.log(
      `${r.scenario} round ${r.round} ${r.moment}: in flight ${inFlight.length} [${landings.join(',')}], ` +
        `claims ${view.claims.size}`,
    );
  }
  resync(view, model);
  await sleep(0);
  return usable;
}
