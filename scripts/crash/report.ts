/**
 * The crash harness's options, its report (one set of counts per scenario), the lines it
 * prints, and the seeded randomness that decides every edit and every kill.
 */

export type ScenarioName = 'edits' | 'restore' | 'start-empty' | 'rotation' | 'migration';
export const SCENARIOS: readonly ScenarioName[] = [
  'edits',
  'restore',
  'start-empty',
  'rotation',
  'migration',
];

export interface CrashHarnessOptions {
  /** Kills per scenario. Default: 200 for edits, 40 for each of the others. */
  kills?: Partial<Record<ScenarioName, number>>;
  /** Seed of the PRNG that decides every edit and every kill. Default: from the clock. */
  seed?: number;
  /** Start a new data dir every this many edit rounds. Default 20. */
  freshEvery?: number;
  /** Keep the data dirs (they are always kept when something is wrong). */
  keep?: boolean;
  /** Progress and findings, one line at a time. Default: nothing. */
  log?: (line: string) => void;
  /** Per-round detail through `log`. */
  verbose?: boolean;
}

export const DEFAULT_KILLS: Record<ScenarioName, number> = {
  edits: 200,
  restore: 40,
  'start-empty': 20,
  rotation: 40,
  migration: 30,
};

/** What one scenario counted. Every kill ends in one check of the invariant (harness.ts). */
export interface ScenarioStats {
  kills: number;
  /** Checks that found a store to open (at once, or after the repair the user would run). */
  opens: number;
  /** Reopens refused as damaged or missing: the recovery screen, offered as it should be. */
  recoveryOffered: number;
  /** Invariant broken: refused for another reason, opened broken, or a new store over remnants. */
  corrupt: number;
  /** Acknowledged edits missing (and not reported as lost by a restore). */
  lost: number;
  /** Edits a restore brought back by replaying the journal on top of the backup. */
  recovered: number;
  /** Edits a restore reported it could not replay (never silent). */
  reported: number;
  /** The newest backup that opened cleanly, gone or no longer usable after a kill. */
  backupsLost: number;
  /** Records nothing sent could have made; in-flight edits landed after one that did not. */
  unexpected: number;
  outOfOrder: number;
  /** A child that exited by itself, broke the protocol, or a round that stalled. */
  childFailures: number;
  /** Figures of this scenario (acks, in flight, kills by moment, steps reached...). */
  figures: Record<string, number>;
}

export const emptyStats = (): ScenarioStats => ({
  kills: 0,
  opens: 0,
  recoveryOffered: 0,
  corrupt: 0,
  lost: 0,
  recovered: 0,
  reported: 0,
  backupsLost: 0,
  unexpected: 0,
  outOfOrder: 0,
  childFailures: 0,
  figures: {},
});

export const bump = (stats: ScenarioStats, figure: string, by = 1): void => {
  stats.figures[figure] = (stats.figures[figure] ?? 0) + by;
};

export interface CrashHarnessReport {
  seed: number;
  scenarios: Partial<Record<ScenarioName, ScenarioStats>>;
  seconds: number;
  /** The first findings, in words. */
  findings: string[];
  /** Data dirs kept for inspection. */
  keptDirs: string[];
  /** Temp files left behind by killed writes and not cleaned by the next open. */
  leftoverTempFiles: number;
}

/** Whether a scenario broke the invariant anywhere. */
export const scenarioFailed = (s: ScenarioStats): boolean =>
  s.corrupt > 0 ||
  s.lost > 0 ||
  s.backupsLost > 0 ||
  s.unexpected > 0 ||
  s.outOfOrder > 0 ||
  s.childFailures > 0 ||
  s.opens !== s.kills;

export const harnessFailed = (r: CrashHarnessReport): boolean =>
  Object.values(r.scenarios).some((s) => s && scenarioFailed(s));

/** One line per scenario, its counts side by side. */
export function scenarioLine(name: ScenarioName, s: ScenarioStats): string {
  const figures = Object.entries(s.figures)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k} ${Math.round(v)}`)
    .join(', ');
  return (
    `  ${name.padEnd(11)} ${s.kills} kills, ${s.opens} opens, ${s.recoveryOffered} recovery offered, ` +
    `${s.corrupt} corrupt, ${s.lost} lost, ${s.recovered} recovered, ${s.reported} reported lost, ` +
    `${s.backupsLost} backups lost, ${s.unexpected} unexpected, ${s.outOfOrder} out of order, ` +
    `${s.childFailures} child failures${figures ? ` (${figures})` : ''}`
  );
}

export function summaryLine(r: CrashHarnessReport): string {
  const all = Object.values(r.scenarios).filter((s): s is ScenarioStats => !!s);
  const sum = (key: 'kills' | 'opens' | 'corrupt' | 'lost') => all.reduce((n, s) => n + s[key], 0);
  return (
    `crash harness: ${sum('kills')} kills, ${sum('opens')} opens, ${sum('corrupt')} corrupt stores, ` +
    `${sum('lost')} lost acknowledged edits (seed ${r.seed}, ${Math.round(r.seconds)} s)` +
    (harnessFailed(r) ? ' FAILED' : '')
  );
}

/** mulberry32: a small seeded PRNG, so a run can be replayed with its seed. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** [0, 1). */
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
