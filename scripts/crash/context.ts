/**
 * What every scenario of the harness shares: the bundled child, the planner, the report, the
 * folders it works in, and the common end of a round (wait for the kill, note the findings).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Child, ChildScripts } from './child';
import type { Planner } from './planner';
import type { CrashHarnessReport, ScenarioName, ScenarioStats } from './report';

export interface HarnessContext {
  /** The launchers of the bundled children (child.ts). */
  scripts: ChildScripts;
  planner: Planner;
  report: CrashHarnessReport;
  /** The harness's own temp folder; each scenario makes its data dirs under it. */
  root: string;
  log: (line: string) => void;
  verbose: boolean;
  /** Data dirs to keep for inspection (something was wrong in them). */
  keep: Set<string>;
  /** Every data dir made, to count the temp files left in them at the end. */
  dirs: string[];
  /** Milliseconds a child takes to be ready, as last seen: startup kills aim inside it. */
  readyMs: number;
}

/** A new data dir for `scenario`. */
export async function newDataDir(ctx: HarnessContext, scenario: ScenarioName): Promise<string> {
  const dir = path.join(ctx.root, `${scenario}-${ctx.dirs.length + 1}`);
  await mkdir(dir);
  ctx.dirs.push(dir);
  return dir;
}

/** Notes a finding of `scenario` (the first 40 of a run are kept). */
export function finding(
  ctx: HarnessContext,
  scenario: ScenarioName,
  round: number,
  kind: string,
  message: string,
): void {
  if (ctx.report.findings.length < 40) {
    ctx.report.findings.push(`${scenario} round ${round} ${kind}: ${message}`);
  }
}

export const sleep = (ms: number): Promise<void> =>
  new Promise<void>((resolve) => setTimeout(resolve, ms));

/** After a kill was asked for: waits for the child to be gone and checks it did not die alone. */
export async function endOfRound(
  ctx: HarnessContext,
  scenario: ScenarioName,
  stats: ScenarioStats,
  round: number,
  child: Child,
): Promise<void> {
  while (!child.killRequested && !child.exited) await child.drain().then(() => sleep(5));
  await child.closed;
  if (child.protocolErrors.length > 0) {
    stats.childFailures++;
    finding(ctx, scenario, round, 'protocol', child.protocolErrors.slice(0, 3).join('; '));
  }
  if (!child.killRequested) {
    stats.childFailures++;
    finding(
      ctx,
      scenario,
      round,
      'child',
      `exited by itself (${child.fatal ?? child.proc.exitCode}): ${child.stderr.join(' | ')}`,
    );
  }
}

/** A watchdog for one round: a child that neither finishes nor dies is killed and counted. */
export function watchdog(
  ctx: HarnessContext,
  scenario: ScenarioName,
  stats: ScenarioStats,
  round: number,
  child: Child,
  ms = 60_000,
): () => void {
  const timer = setTimeout(() => {
    finding(ctx, scenario, round, 'stall', `round did not end within ${ms} ms`);
    stats.childFailures++;
    child.kill();
  }, ms);
  return () => clearTimeout(timer);
}
